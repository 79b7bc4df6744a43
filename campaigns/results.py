"""A call's programme results: what its campaigns collected, counted the way the platforms pay.

All-or-nothing campaigns (KissKissBankBank, Ulule) that miss their goal collect nothing: their
pledges were refunded and are counted apart, never inside "collected". Two queries at most."""

from decimal import Decimal

from django.db.models import Count, F, Max, Q, Sum
from django.utils import timezone

from funding.models import Currency, FundingCampaign, FundingModel
from home.layout import public_q

ZERO = Decimal("0")


def _filters(now):
    ended = Q(ends_at__lte=now)
    reached = Q(raised__gte=F("goal"))
    all_or_nothing = Q(funding_model=FundingModel.ALL_OR_NOTHING)
    keep = Q(funding_model=FundingModel.KEEP_WHAT_YOU_RAISE)
    return {
        "ended": ended,
        "funded": ended & reached,
        # Money the projects have: funded all-or-nothing campaigns and every keep-what-you-raise one.
        "collected": (all_or_nothing & ended & reached) | keep,
        "refunded": all_or_nothing & ended & ~reached,
        "pledged": all_or_nothing & ~ended,
    }


class ProgrammeResults:
    """Totals of a call's campaigns (cancelled ones left out) at a given moment."""

    def __init__(self, call, applications, laureates, totals):
        self.call = call
        self.applications = applications
        self.laureates = laureates
        self.campaigns = totals["campaigns_count"] or 0
        self.ended = totals["ended_count"] or 0
        self.funded = totals["funded_count"] or 0
        self.collected = totals["collected"] or ZERO
        self.collected_donors = totals["collected_donors"] or 0
        self.funded_collected = totals["funded_collected"] or ZERO
        self.refunded = totals["refunded"] or ZERO
        self.refunded_donors = totals["refunded_donors"] or 0
        self.refunded_count = totals["refunded_count"] or 0
        self.pledged = totals["pledged"] or ZERO
        self.pledged_donors = totals["pledged_donors"] or 0
        self.currency = totals["any_currency"] or Currency.EUR
        # Amounts in different currencies cannot be added up: the totals are then not shown.
        self.mixed_currencies = (totals["currencies"] or 0) > 1

    @classmethod
    def for_call(cls, call, laureates=None, now=None):
        """Two queries at most: the aggregate, and the laureate count unless the page already has the list."""
        from .models import LaureatePage

        if laureates is None:
            pages = LaureatePage.objects.child_of(call).live().filter(public_q())
            laureates_count = pages.count()
            campaign_filter = Q(pk__in=pages.values("campaign_id"))
        else:
            laureates_count = len(laureates)
            campaign_filter = Q(pk__in=[page.campaign_id for page in laureates if page.campaign_id])
        q = _filters(now or timezone.now())
        totals = FundingCampaign.objects.filter(campaign_filter, cancelled=False).aggregate(
            campaigns_count=Count("pk"),
            ended_count=Count("pk", filter=q["ended"]),
            funded_count=Count("pk", filter=q["funded"]),
            collected=Sum("raised", filter=q["collected"]),
            collected_donors=Sum("donors", filter=q["collected"]),
            funded_collected=Sum("raised", filter=q["funded"] & q["collected"]),
            refunded=Sum("raised", filter=q["refunded"]),
            refunded_donors=Sum("donors", filter=q["refunded"]),
            refunded_count=Count("pk", filter=q["refunded"]),
            pledged=Sum("raised", filter=q["pledged"]),
            pledged_donors=Sum("donors", filter=q["pledged"]),
            currencies=Count("currency", distinct=True),
            any_currency=Max("currency"),
        )
        return cls(call, call.applications_count, laureates_count, totals)

    @property
    def success_rate(self):
        """Share of the ended campaigns that reached their goal."""
        if not self.ended:
            return ZERO
        return Decimal(self.funded * 100) / self.ended

    @property
    def average_funded(self):
        """Average collected by a funded campaign."""
        if not self.funded:
            return ZERO
        return (self.funded_collected / self.funded).quantize(Decimal("1"))
