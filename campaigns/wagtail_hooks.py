from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.blocks import STREAM_BLOCKS_HOOK

from .blocks import stream_blocks
from .forms import FundingCampaignForm
from .funding import views
from .funding.admin_views import sync_now
from .models import FundingCampaign
from .panels import CampaignHistoryPanel, CampaignSyncPanel


class FundingCampaignViewSet(SnippetViewSet):
    model = FundingCampaign
    icon = "pick"
    menu_label = _("Collectes")
    menu_order = 210
    add_to_admin_menu = True
    index_view_class = views.FundingCampaignIndexView  # adds the "Importer un CSV" header button
    list_display = ["name", "platform", "raised", "goal", "donors", "ends_at", "updated_at", "source", "last_sync_at"]
    list_filter = ["platform", "cancelled", "source"]
    search_fields = ["name", "external_id"]
    ordering = ["-starts_at", "name"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("platform"), FieldPanel("external_id")]),
            FieldPanel("public_url"),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("goal"), FieldPanel("currency")]),
                    FieldRowPanel([FieldPanel("raised"), FieldPanel("donors")]),
                    FieldPanel("correction_reason"),
                ],
                heading=_("Chiffres"),
            ),
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]), FieldPanel("cancelled")],
                heading=_("Dates"),
            ),
            CampaignSyncPanel(),
            CampaignHistoryPanel(),
        ],
        base_form_class=FundingCampaignForm,
    )


register_snippet(FundingCampaignViewSet)


@hooks.register("register_admin_urls")
def register_funding_urls():
    return [
        path("collectes/<int:pk>/synchroniser/", sync_now, name="campaigns_sync_now"),
        path("collectes/import-csv/", views.csv_import, name="campaigns_csv_import"),
    ]


# The progress and results blocks, offered in every page body (see home.blocks).
hooks.register(STREAM_BLOCKS_HOOK, stream_blocks)
