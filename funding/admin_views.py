from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import FundingCampaign
from .providers import provider_for
from .sync import sync_campaign


@require_POST
def sync_now(request, pk):
    """The "Sync now" button on a campaign's edit screen."""
    if not request.user.has_perm("funding.change_fundingcampaign"):
        raise PermissionDenied
    campaign = get_object_or_404(FundingCampaign, pk=pk)
    edit_url = reverse("wagtailsnippets_funding_fundingcampaign:edit", args=[campaign.pk])
    if provider_for(campaign) is None:
        messages.warning(request, _("Cette collecte est saisie à la main : il n'y a rien à synchroniser."))
    elif sync_campaign(campaign):
        messages.success(
            request, _("Chiffres synchronisés avec %(platform)s.") % {"platform": campaign.get_platform_display()}
        )
    else:
        messages.error(
            request,
            _("La synchronisation a échoué : %(error)s Les derniers chiffres valides sont conservés.")
            % {"error": campaign.last_sync_error},
        )
    return redirect(edit_url)
