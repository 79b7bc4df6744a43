"""Funding campaigns: derived status, exact money, history, frozen results, formatting."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone, translation

import pytest

from funding.figures import FrozenResultsError, record_figures
from funding.models import CampaignStatus, FundingCampaign, FundingSnapshot
from home.formatting import format_count, format_money, format_percentage
from tests.factories import FundingCampaignFactory

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime.datetime(2018, 9, 20, 12, 0))
START = timezone.make_aware(datetime.datetime(2018, 9, 3, 9, 0))
END = timezone.make_aware(datetime.datetime(2018, 10, 14, 23, 59))


def campaign(**fields):
    defaults = {"starts_at": START, "ends_at": END, "goal": Decimal("5000"), "raised": Decimal("0")}
    defaults.update(fields)
    return FundingCampaign(name="Test", **defaults)


@pytest.mark.parametrize(
    ("fields", "now", "expected"),
    [
        ({}, START - datetime.timedelta(minutes=1), CampaignStatus.UPCOMING),
        ({}, START, CampaignStatus.LIVE),
        ({"raised": Decimal("7000")}, NOW, CampaignStatus.LIVE),  # over the goal but not over
        ({"raised": Decimal("5000")}, END, CampaignStatus.SUCCEEDED),
        ({"raised": Decimal("6110")}, END + datetime.timedelta(days=30), CampaignStatus.SUCCEEDED),
        ({"raised": Decimal("4999.99")}, END, CampaignStatus.NOT_REACHED),
        ({"raised": Decimal("6110"), "cancelled": True}, NOW, CampaignStatus.CANCELLED),
        ({"cancelled": True}, START - datetime.timedelta(days=1), CampaignStatus.CANCELLED),
    ],
)
def test_status_is_derived_from_dates_figures_and_the_cancelled_flag(fields, now, expected):
    assert campaign(**fields).status(now) == expected


def test_percent_goes_over_100_and_only_the_bar_stops():
    over = campaign(raised=Decimal("6110"))
    assert over.percent == Decimal("122.2")
    assert over.bar_percent == 100
    assert campaign(raised=Decimal("1250")).percent == Decimal("25.0")
    assert campaign(raised=Decimal("1250")).bar_percent == 25


def test_days_left_rounds_up_and_stops_at_zero():
    item = campaign()
    assert item.days_left(END - datetime.timedelta(days=3)) == 3
    assert item.days_left(END - datetime.timedelta(days=2, hours=1)) == 3
    assert item.days_left(END - datetime.timedelta(minutes=5)) == 1
    assert item.days_left(END) == 0
    assert item.days_left(END + datetime.timedelta(days=4)) == 0


def test_money_is_stored_exactly():
    item = FundingCampaignFactory(goal=Decimal("5000.10"), raised=Decimal("0.30"))
    record_figures(item, raised=Decimal("0.30") + Decimal("0.10") + Decimal("0.20"), donors=3, source="manual")
    item.refresh_from_db()
    assert item.raised == Decimal("0.60")
    assert isinstance(item.raised, Decimal)
    assert item.goal == Decimal("5000.10")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"raised": Decimal("-1")}, "raised"),
        ({"goal": Decimal("0")}, "goal"),
        ({"goal": Decimal("-100")}, "goal"),
        ({"ends_at": START - datetime.timedelta(days=1)}, "ends_at"),
        ({"ends_at": START}, "ends_at"),
        ({"currency": "XXX"}, "currency"),
        ({"platform": "gofundyourself"}, "platform"),
    ],
)
def test_bad_figures_are_refused_with_a_message_and_nothing_is_saved(fields, field):
    item = campaign(**fields)
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert field in error.value.message_dict
    assert error.value.message_dict[field][0]
    assert FundingCampaign.objects.count() == 0
    assert FundingSnapshot.objects.count() == 0


def test_database_constraints_back_the_validation():
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        FundingCampaign.objects.bulk_create([campaign(goal=Decimal("0"))])
    assert FundingCampaign.objects.count() == 0


def test_every_change_of_figures_appends_a_snapshot():
    item = FundingCampaignFactory()
    assert item.snapshots.count() == 1  # the initial figures
    record_figures(item, raised=Decimal("1200"), donors=20, source="manual")
    record_figures(item, raised=Decimal("2500"), donors=41, source="manual", reason="")
    item.name = "Renamed"  # not a figure: no snapshot
    item.save()
    history = list(item.snapshots.values_list("raised", "donors"))
    assert history == [(Decimal("0"), 0), (Decimal("1200"), 20), (Decimal("2500"), 41)]
    assert item.updated_at == item.snapshots.last().recorded_at


def test_snapshots_can_be_recorded_at_their_own_time():
    # Created the day before it opened: the figures recorded during the collection come after.
    item = FundingCampaignFactory(starts_at=START, ends_at=END, entered_at=START - datetime.timedelta(days=1))
    moment = START + datetime.timedelta(days=5)
    record_figures(item, raised=Decimal("900"), donors=12, source="manual", at=moment)
    assert item.snapshots.get(raised=Decimal("900")).recorded_at == moment
    assert item.updated_at == moment


def test_ended_campaign_figures_are_frozen():
    # Created the day before it opened: the figures recorded during the collection come after.
    item = FundingCampaignFactory(starts_at=START, ends_at=END, entered_at=START - datetime.timedelta(days=1))
    record_figures(item, raised=Decimal("6110"), donors=95, source="manual", at=END - datetime.timedelta(hours=1))
    snapshots = item.snapshots.count()

    with pytest.raises(FrozenResultsError) as error:
        record_figures(item, raised=Decimal("6500"), donors=99, source="manual")
    assert "raised" in error.value.message_dict
    item.refresh_from_db()
    assert (item.raised, item.donors) == (Decimal("6110"), 95)
    assert item.snapshots.count() == snapshots

    # A plain save() cannot slip past the rule either.
    item.goal = Decimal("9000")
    with pytest.raises(FrozenResultsError):
        item.save()
    item.refresh_from_db()
    assert item.goal == Decimal("5000")


def test_a_correction_with_a_reason_is_applied_and_kept_in_history():
    # Created the day before it opened: the figures recorded during the collection come after.
    item = FundingCampaignFactory(starts_at=START, ends_at=END, entered_at=START - datetime.timedelta(days=1))
    record_figures(item, raised=Decimal("6110"), donors=95, source="manual", at=END - datetime.timedelta(hours=1))
    record_figures(
        item, raised=Decimal("6050"), donors=94, source="manual", reason="Un don remboursé par la plateforme."
    )
    item.refresh_from_db()
    assert item.raised == Decimal("6050")
    last = item.snapshots.last()
    assert last.is_correction
    assert last.reason == "Un don remboursé par la plateforme."
    assert (last.raised, last.donors) == (Decimal("6050"), 94)


def test_live_campaign_is_not_frozen():
    item = FundingCampaignFactory()
    record_figures(item, raised=Decimal("100"), donors=2, source="manual")
    record_figures(item, raised=Decimal("80"), donors=2, source="manual")  # refunds happen while live
    item.refresh_from_db()
    assert item.raised == Decimal("80")


@pytest.mark.parametrize(
    ("language", "amount", "expected"),
    [
        ("fr", Decimal("6110"), "6\u202f110\u00a0€"),
        ("en", Decimal("6110"), "€6,110"),
        ("fr", Decimal("55008.50"), "55\u202f008,50\u00a0€"),
        ("en", Decimal("55008.50"), "€55,008.50"),
        ("fr", Decimal("0"), "0\u00a0€"),
    ],
)
def test_money_formatting_follows_the_language(language, amount, expected):
    assert format_money(amount, "EUR", language) == expected


def test_formatting_uses_the_active_language_and_other_currencies():
    with translation.override("en"):
        assert format_money(Decimal("1500"), "CHF") == "CHF1,500"
        assert format_percentage(Decimal("122.2")) == "122%"
        assert format_count(1234) == "1,234"
    with translation.override("fr"):
        assert format_percentage(Decimal("122.2")) == "122\u00a0%"
        assert format_count(1234) == "1\u202f234"
