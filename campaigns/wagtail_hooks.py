from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import FundingCampaignForm
from .models import FundingCampaign
from .panels import CampaignHistoryPanel


class FundingCampaignViewSet(SnippetViewSet):
    model = FundingCampaign
    icon = "pick"
    menu_label = _("Collectes")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "platform", "raised", "goal", "donors", "ends_at", "updated_at", "source"]
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
            CampaignHistoryPanel(),
        ],
        base_form_class=FundingCampaignForm,
    )


register_snippet(FundingCampaignViewSet)
