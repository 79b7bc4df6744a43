"""Admin views of the laureate screens."""

import uuid

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from funding.models import FundingCampaign

from .models import LaureatePage
from .panels import campaign_context

PERMISSIONS = ("funding.view_fundingcampaign", "funding.change_fundingcampaign", "funding.add_fundingcampaign")


def chosen_campaign_figures(request, pk):
    """The figures panel for a campaign just chosen in a laureate's form, before the page is saved.

    ``?page=<translation key>``: the laureate being edited, so that a campaign attached to
    another laureate is said to be taken (saving would be refused)."""
    if not any(request.user.has_perm(permission) for permission in PERMISSIONS):
        raise PermissionDenied
    campaign = get_object_or_404(FundingCampaign, pk=pk)
    others = LaureatePage.objects.filter(campaign=campaign)
    try:
        page_key = uuid.UUID(request.GET.get("page", ""))
    except ValueError:  # absent or not a translation key (a UUID): no laureate is being edited
        page_key = None
    if page_key:
        others = others.exclude(translation_key=page_key)
    context = campaign_context(campaign, request.user)
    context["chosen"] = True
    context["taken_by"] = others.order_by("pk").values_list("title", flat=True).first()
    return TemplateResponse(request, "campaigns/admin/campaign_figures.html", context)
