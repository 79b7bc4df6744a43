"""Read-only admin panel on the laureate's edit screen: its campaign's figures.

The panel follows the "Collecte" chooser: once another campaign is chosen (or created in the
chooser's modal), a small script asks ``chosen_campaign_figures`` for that campaign's figures and
shows them, marked as not yet saved, so the panel never says "no campaign" for a chosen one."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.panels import Panel
from wagtail.admin.staticfiles import versioned_static

from funding.display import status_label
from funding.models import AmountKind

FIELD_NAME = "campaign"


def campaign_context(campaign, user, page=None):
    """What the figures template shows of ``campaign`` (None: the empty state)."""
    context = {"campaign": campaign}
    if campaign is not None:
        context["amount_kind_label"] = AmountKind(campaign.amount_kind()).label
        context["status_label"] = status_label(campaign)
        context["freshness"] = campaign.freshness()
        context["edit_url"] = AdminURLFinder(user).get_edit_url(campaign)
    return context


class CampaignFiguresPanel(Panel):
    """On the laureate's edit screen: the figures of its campaign and where to change them."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Chiffres de la collecte"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "campaigns/admin/campaign_figures_panel.html"

        @property
        def media(self):
            return forms.Media(js=[versioned_static("js/admin-campaign-figures.js")])

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            campaign = self.instance.campaign if getattr(self.instance, "campaign_id", None) else None
            context.update(campaign_context(campaign, self.request.user))
            # The picture social networks show, as it was last drawn (not for a page not yet saved).
            context["share_image"] = self.instance.generated_share_image() if campaign and self.instance.pk else None
            field = self.form[FIELD_NAME] if self.form is not None and FIELD_NAME in self.form.fields else None
            context["input_id"] = field.auto_id if field is not None else ""
            context["figures_url"] = reverse("campaigns_chosen_campaign_figures", args=[0])
            context["page_key"] = self.instance.translation_key
            return context
