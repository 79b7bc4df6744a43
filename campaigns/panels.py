"""Read-only admin panel on the laureate's edit screen: its campaign's figures."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.panels import Panel

from funding.models import AmountKind


class CampaignFiguresPanel(Panel):
    """On the laureate's edit screen: the figures of its campaign and where to change them."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Chiffres de la collecte"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "campaigns/admin/campaign_figures_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            campaign = self.instance.campaign if getattr(self.instance, "campaign_id", None) else None
            context["campaign"] = campaign
            if campaign:
                context["amount_kind_label"] = AmountKind(campaign.amount_kind()).label
                context["freshness"] = campaign.freshness()
            # The picture social networks show, as it was last drawn (not for a page not yet saved).
            context["share_image"] = self.instance.generated_share_image() if campaign and self.instance.pk else None
            context["edit_url"] = AdminURLFinder(self.request.user).get_edit_url(campaign) if campaign else None
            context["add_url"] = reverse("wagtailsnippets_funding_fundingcampaign:add")
            return context
