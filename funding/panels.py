"""Read-only panels of the campaign's edit screen: where the figures come from, and their history."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel

from .providers import provider_for


class CampaignHistoryPanel(Panel):
    """On the campaign's edit screen: every recorded change of figures, corrections included."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Historique des chiffres"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "funding/admin/campaign_history_panel.html"

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
        template_name = "funding/admin/campaign_sync_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            campaign = self.instance
            context["campaign"] = campaign
            context["provider"] = provider_for(campaign) if campaign.pk else None
            context["sync_url"] = reverse("funding_sync_now", args=[campaign.pk]) if campaign.pk else None
            return context
