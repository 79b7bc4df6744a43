"""The campaign chooser: the modal a laureate's "Collecte" field opens.

It searches by name or platform identifier, shows each campaign's status, figures and the
laureate it is attached to, and has a "Créer une collecte" tab: the officer creates the campaign
without leaving the laureate's unsaved form, and the new campaign comes back chosen.
"""

from django import forms
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.log_actions import log
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetCreateView,
)
from wagtail.snippets.widgets import AdminSnippetChooser

from home.formatting import format_money

from .display import laureate_title, status_label, with_laureates
from .forms import FundingCampaignForm
from .models import CampaignStatus, FundingCampaign


class CampaignCreationForm(FundingCampaignForm):
    """What a new campaign needs; its figures start at zero (the sync or the officer fills them)."""

    # The modal sits inside the laureate's form: its own ids, never one of the page's.
    prefix = "nouvelle-collecte"
    correction_reason = None  # nothing to correct in a new campaign

    class Meta:
        model = FundingCampaign
        fields = [
            "name",
            "platform",
            "external_id",
            "funding_model",
            "public_url",
            "goal",
            "currency",
            "starts_at",
            "ends_at",
        ]


class CampaignFilterForm(BaseFilterForm):
    """Search by name or platform identifier (the database, no search index), and by state."""

    q = forms.CharField(
        label=_("Rechercher une collecte"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Nom ou identifiant sur la plateforme")}),
    )
    free = forms.BooleanField(
        label=_("Seulement les collectes sans lauréat"),
        required=False,
        widget=forms.CheckboxInput(attrs={"data-chooser-modal-search-filter": True}),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            objects = objects.filter(Q(name__icontains=query) | Q(external_id__icontains=query))
            self.is_searching = True
            self.search_query = query
        if self.cleaned_data.get("free"):
            objects = objects.filter(laureate_pages__isnull=True)
        return objects


class StatusColumn(Column):
    cell_template_name = "funding/admin/cells/status.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        status = instance.status()
        context["label"] = status_label(instance)
        context["live"] = status == CampaignStatus.LIVE
        context["succeeded"] = status == CampaignStatus.SUCCEEDED
        return context


def figures_text(campaign):
    return _("%(raised)s sur %(goal)s") % {
        "raised": format_money(campaign.raised, campaign.currency, cents=True),
        "goal": format_money(campaign.goal, campaign.currency, cents=True),
    }


def laureate_text(campaign):
    return laureate_title(campaign) or _("aucun (libre)")


class CampaignChooserMixin:
    filter_form_class = CampaignFilterForm
    results_template_name = "funding/admin/campaign_chooser_results.html"
    page_title = _("Choisir une collecte")
    page_subtitle = None  # not Wagtail's default, the model's name a second time

    def get_object_list(self):
        return with_laureates(FundingCampaign.objects.all())

    @property
    def columns(self):
        return [
            self.title_column,
            StatusColumn("status", label=_("Statut")),
            Column("figures", label=_("Collecté"), accessor=figures_text),
            Column("platform", label=_("Plateforme"), accessor="get_platform_display"),
            Column("laureate", label=_("Lauréat"), accessor=laureate_text),
        ]

    @property
    def title_column(self):
        column = super().title_column
        column.label = _("Collecte")
        return column


class CampaignChooseView(CampaignChooserMixin, ChooseView):
    pass


class CampaignChooseResultsView(CampaignChooserMixin, ChooseResultsView):
    pass


class CampaignCreateView(SnippetCreateView):
    def save_form(self, form):
        campaign = form.save()
        log(campaign, "wagtail.create", user=self.request.user)
        return campaign


class CampaignChooserWidget(AdminSnippetChooser):
    """The "Collecte" field of a laureate: its buttons say what they do in French and English
    (Wagtail's own "Choisir %(object)s" would read "Choisir collecte")."""

    def __init__(self, **kwargs):
        super().__init__(FundingCampaign, **kwargs)
        self.choose_one_text = _("Choisir ou créer une collecte")
        self.choose_another_text = _("Choisir une autre collecte")
        self.link_to_chosen_text = _("Modifier la collecte")


class CampaignChooserViewSet(SnippetChooserViewSet):
    choose_view_class = CampaignChooseView
    choose_results_view_class = CampaignChooseResultsView
    create_view_class = CampaignCreateView
    creation_form_class = CampaignCreationForm
    choose_one_text = _("Choisir une collecte")
    choose_another_text = _("Choisir une autre collecte")
    edit_item_text = _("Modifier la collecte")
    search_tab_label = _("Choisir une collecte existante")
    creation_tab_label = _("Créer une collecte")
    create_action_label = _("Créer la collecte et la choisir")
    create_action_clicked_label = _("Création…")

    @cached_property
    def widget_class(self):
        return CampaignChooserWidget(icon=self.icon)
