"""Read-only admin panels: a laureate's campaign figures, a campaign's history."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.panels import Panel


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
            # The picture social networks show, as it was last drawn (not for a page not yet saved).
            context["share_image"] = self.instance.generated_share_image() if campaign and self.instance.pk else None
            context["edit_url"] = AdminURLFinder(self.request.user).get_edit_url(campaign) if campaign else None
            context["add_url"] = reverse("wagtailsnippets_campaigns_fundingcampaign:add")
            return context


class CampaignHistoryPanel(Panel):
    """On the campaign's edit screen: every recorded change of figures, corrections included."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Historique des chiffres"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "campaigns/admin/campaign_history_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["snapshots"] = list(self.instance.snapshots.order_by("-recorded_at")) if self.instance.pk else []
            return context


class CampaignSyncPanel(Panel):
    """On the campaign's edit screen: where its figures come from and how the last sync went."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Synchronisation avec la plateforme"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "campaigns/admin/campaign_sync_panel.html"

        def get_context_data(self, parent_context=None):
            from .funding.providers import provider_for

            context = super().get_context_data(parent_context)
            campaign = self.instance
            context["campaign"] = campaign
            context["provider"] = provider_for(campaign) if campaign.pk else None
            context["sync_url"] = reverse("campaigns_sync_now", args=[campaign.pk]) if campaign.pk else None
            return context
