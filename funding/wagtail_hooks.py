from django.urls import path
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.formatting import format_money, format_percentage

from . import views
from .admin_views import sync_now
from .chooser import CampaignChooserViewSet, StatusColumn, laureate_text
from .display import sync_health
from .forms import FundingCampaignForm
from .models import FundingCampaign
from .panels import CampaignHistoryPanel, CampaignSyncPanel


class FiguresColumn(Column):
    """The amount with its currency, exact to the cent ("2 560,00 €"), over the goal and percentage."""

    cell_template_name = "funding/admin/cells/figures.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["raised"] = format_money(instance.raised, instance.currency, cents=True)
        context["goal"] = format_money(instance.goal, instance.currency, cents=True)
        context["percent"] = format_percentage(instance.percent)
        return context


class EndColumn(Column):
    """The end of the collection as a date, in the project's time zone."""

    def get_value(self, instance):
        return formats.date_format(timezone.localtime(instance.ends_at), "SHORT_DATE_FORMAT")


class SyncHealthColumn(Column):
    """Where the figures come from and whether they are current: synced, stale, error or manual."""

    cell_template_name = "funding/admin/cells/sync_health.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["health"] = sync_health(instance)
        return context


class FundingCampaignViewSet(SnippetViewSet):
    model = FundingCampaign
    icon = "pick"
    menu_label = _("Collectes")
    menu_order = 210
    add_to_admin_menu = True
    index_view_class = views.FundingCampaignIndexView  # adds the "Importer un CSV" header button
    list_display = [
        "name",
        StatusColumn("status", label=_("Statut")),
        FiguresColumn("raised", label=_("Collecté ou promis"), sort_key="raised"),
        Column("donors", label=_("Contributeurs"), sort_key="donors"),
        Column("laureate", label=_("Lauréat"), accessor=laureate_text),
        EndColumn("ends_at", label=_("Fin"), sort_key="ends_at"),
        SyncHealthColumn("sync", label=_("Chiffres")),
    ]
    list_filter = ["platform", "funding_model", "cancelled", "source"]
    search_fields = ["name", "external_id"]
    ordering = ["-starts_at", "name"]
    chooser_viewset_class = CampaignChooserViewSet
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("platform"), FieldPanel("external_id")]),
            FieldPanel("funding_model"),
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
        path("collectes/<id:pk>/synchroniser/", sync_now, name="funding_sync_now"),
        path("collectes/import-csv/", views.csv_import, name="funding_csv_import"),
    ]
