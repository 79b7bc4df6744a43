"""The figures service, funding models and freshness: what each number on the portal means."""

import datetime
import json
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from campaigns.sharing import share_image
from funding import platforms, providers
from funding.csv_import import import_figures, parse_figures_csv
from funding.figures import FrozenResultsError, figures_changed, record_figures
from funding.models import AmountKind, FiguresSource, FundingCampaign, FundingModel
from funding.sync import sync_campaign
from tests.factories import CallIndexPageFactory, CallPageFactory, FundingCampaignFactory, LaureatePageFactory
from tests.test_webhooks import post

NOW = timezone.now()
PAST_START, PAST_END = NOW - datetime.timedelta(days=60), NOW - datetime.timedelta(days=18)


def ended(**kwargs):
    # Created when it opened: figures dated during the collection come after its first ones.
    return FundingCampaignFactory(starts_at=PAST_START, ends_at=PAST_END, entered_at=PAST_START, **kwargs)


def with_figures(campaign, raised, donors, at=None):
    record_figures(campaign, raised=Decimal(raised), donors=donors, source=FiguresSource.MANUAL, at=at)
    return campaign


@pytest.fixture
def laureate_url(site_tree):
    call = CallPageFactory(parent=CallIndexPageFactory(parent=site_tree["home"], slug="appels"), slug="appel")

    def make(campaign, slug="projet"):
        return LaureatePageFactory(parent=call, slug=slug, campaign=campaign).url

    return make


def widget_text(client, url):
    page = BeautifulSoup(client.get(url).content, "html.parser")
    return page.select_one(".laureate__funding .progress-widget").get_text(" ", strip=True)


# --- funding models ----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        ("kisskissbankbank", FundingModel.ALL_OR_NOTHING),
        ("ulule", FundingModel.ALL_OR_NOTHING),
        ("helloasso", FundingModel.KEEP_WHAT_YOU_RAISE),
    ],
)
def test_the_funding_model_follows_the_platform_unless_chosen(platform, expected):
    assert FundingCampaignFactory(platform=platform).funding_model == expected
    other = FundingModel.KEEP_WHAT_YOU_RAISE if expected == FundingModel.ALL_OR_NOTHING else FundingModel.ALL_OR_NOTHING
    assert FundingCampaignFactory(platform=platform, funding_model=other).funding_model == other


@pytest.mark.django_db
def test_another_platform_needs_an_explicit_funding_model():
    campaign = FundingCampaign(
        name="Ailleurs", platform="other", goal=Decimal("1000"), starts_at=PAST_START, ends_at=NOW
    )
    with pytest.raises(ValidationError) as error:
        campaign.full_clean()
    assert "funding_model" in error.value.message_dict
    campaign.funding_model = FundingModel.KEEP_WHAT_YOU_RAISE
    campaign.full_clean()


def test_every_platform_of_the_registry_is_a_choice_and_the_syncable_ones_have_an_adapter():
    field = FundingCampaign._meta.get_field("platform")
    assert [code for code, _label in field.choices] == platforms.CODES
    assert set(providers.PROVIDERS) == set(platforms.SYNCABLE_CODES)
    assert "other" in platforms.CODES and "other" not in platforms.SYNCABLE_CODES


def test_settings_are_built_from_the_registry():
    read = {"ULULE_API_KEY": "k", "KKBB_WEBHOOK_SECRET": "whsec_x"}.get
    settings = platforms.provider_settings(lambda name, default: read(name, default))
    assert settings["ulule"]["API_KEY"] == "k"
    assert settings["ulule"]["API_URL"] == "https://api.ulule.com/v1/"
    assert platforms.webhook_secrets(lambda name, default: read(name, default))["kisskissbankbank"] == "whsec_x"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "timing", "raised", "cancelled", "kind", "collected"),
    [
        (FundingModel.ALL_OR_NOTHING, "live", "6000", False, AmountKind.PLEDGED, "0"),
        (FundingModel.ALL_OR_NOTHING, "ended", "6000", False, AmountKind.COLLECTED, "6000"),
        (FundingModel.ALL_OR_NOTHING, "ended", "4999.99", False, AmountKind.REFUNDED, "0"),
        (FundingModel.ALL_OR_NOTHING, "ended", "6000", True, AmountKind.REFUNDED, "0"),
        (FundingModel.KEEP_WHAT_YOU_RAISE, "live", "1200", False, AmountKind.COLLECTED, "1200"),
        (FundingModel.KEEP_WHAT_YOU_RAISE, "ended", "1200", False, AmountKind.COLLECTED, "1200"),
        (FundingModel.KEEP_WHAT_YOU_RAISE, "ended", "1200", True, AmountKind.REFUNDED, "0"),
    ],
)
def test_only_money_actually_collected_counts_as_collected(model, timing, raised, cancelled, kind, collected):
    dates = {"starts_at": PAST_START, "ends_at": PAST_END} if timing == "ended" else {}
    campaign = FundingCampaignFactory(
        goal=Decimal("5000"), raised=Decimal(raised), donors=40, funding_model=model, cancelled=cancelled, **dates
    )
    assert campaign.amount_kind() == kind
    assert campaign.collected() == Decimal(collected)
    assert campaign.collected_donors() == (40 if kind == AmountKind.COLLECTED else 0)


# --- the widget ----------------------------------------------------------------------------------


def test_an_unfunded_all_or_nothing_campaign_says_nothing_was_collected(client, laureate_url):
    campaign = ended(goal=Decimal("9000"), raised=Decimal("4320"), donors=61)
    text = widget_text(client, laureate_url(campaign))
    assert "0\u00a0€ collectés\u00a0: rien n'a été versé au projet" in text
    assert "Ses 61 contributeurs ont été remboursés des 4\u202f320\u00a0€ promis" in text
    assert "4\u202f320\u00a0€ collectés" not in text
    assert "objectif non atteint" in text


def test_a_live_all_or_nothing_campaign_shows_pledges(client, laureate_url):
    campaign = FundingCampaignFactory(goal=Decimal("5000"), raised=Decimal("1200"), donors=20)
    page = BeautifulSoup(client.get(laureate_url(campaign)).content, "html.parser")
    widget = page.select_one(".laureate__funding .progress-widget")
    text = widget.get_text(" ", strip=True)
    assert "1\u202f200\u00a0€ promis sur un objectif de 5\u202f000\u00a0€" in text
    assert "Tout ou rien" in text and "collectés" not in text
    assert "promis sur" in widget.select_one('[role="progressbar"]')["aria-valuetext"]


def test_an_ended_keep_what_you_raise_campaign_below_its_goal_keeps_its_donations(client, laureate_url):
    campaign = ended(platform="helloasso", goal=Decimal("3000"), raised=Decimal("1250"), donors=30)
    text = widget_text(client, laureate_url(campaign))
    assert "1\u202f250\u00a0€ collectés sur un objectif de 3\u202f000\u00a0€" in text
    assert "les dons restent acquis au projet" in text


def test_the_english_widget_names_refunded_pledges_too(client, laureate_url, site_tree):
    from tests.factories import translate

    campaign = ended(goal=Decimal("9000"), raised=Decimal("4320"), donors=61)
    page = LaureatePageFactory(
        parent=CallPageFactory(parent=CallIndexPageFactory(parent=site_tree["home"], slug="c"), slug="k"),
        slug="p",
        campaign=campaign,
    )
    translate(page.get_parent().get_parent(), "en", slug="c-en")
    translate(page.get_parent(), "en", slug="k-en")
    english = translate(page, "en", slug="p-en")
    text = widget_text(client, english.url)
    assert "€0 collected: nothing was paid to the project" in text
    assert "Its 61 backers were refunded the €4,320 pledged" in text


# --- freshness -----------------------------------------------------------------------------------


@pytest.fixture
def synced(db):
    return FundingCampaignFactory(platform="ulule", external_id="palettes", raised=Decimal("1000"), donors=20)


def test_a_quiet_night_is_not_flagged(client, laureate_url, synced):
    """The figures have not changed for nine hours, but the platform answered an hour ago."""
    url = laureate_url(synced)
    FundingCampaign.objects.filter(pk=synced.pk).update(
        updated_at=NOW - datetime.timedelta(hours=9), last_sync_at=NOW - datetime.timedelta(hours=1)
    )
    with override_settings(FUNDING_SYNC_INTERVAL_MINUTES=60):
        text = widget_text(client, url)
    assert "peuvent ne pas être à jour" not in text
    local = timezone.localtime(NOW - datetime.timedelta(hours=1))
    assert f"Mis à jour le {local.day}" in text and local.strftime("%H:%M") in text  # the last check, not the change


def test_a_platform_down_for_longer_than_twice_the_interval_is_flagged(client, laureate_url, synced):
    url = laureate_url(synced)
    FundingCampaign.objects.filter(pk=synced.pk).update(last_sync_at=NOW - datetime.timedelta(hours=2, minutes=1))
    with override_settings(FUNDING_SYNC_INTERVAL_MINUTES=60):
        assert "Ulule n'a pas pu être consultée récemment" in widget_text(client, url)
        assert synced.freshness(NOW).synced


def test_a_platform_never_reached_is_flagged_once_the_campaign_has_been_open_long_enough(synced):
    assert synced.last_sync_at is None
    with override_settings(FUNDING_SYNC_INTERVAL_MINUTES=60):
        assert synced.freshness(synced.starts_at + datetime.timedelta(minutes=90)).is_stale is False
        assert synced.freshness(synced.starts_at + datetime.timedelta(hours=3)).is_stale is True


def test_figures_typed_by_hand_never_claim_a_platform_was_not_reached(client, laureate_url):
    campaign = FundingCampaignFactory(external_id="", raised=Decimal("800"), donors=9)
    FundingCampaign.objects.filter(pk=campaign.pk).update(updated_at=NOW - datetime.timedelta(days=5))
    text = widget_text(client, laureate_url(campaign))
    assert "peuvent ne pas être à jour" not in text
    assert "Chiffres saisis le" in text and "Mis à jour le" not in text


def test_imported_figures_say_they_were_imported(client, laureate_url):
    campaign = FundingCampaignFactory(name="Import", external_id="")
    rows, errors = parse_figures_csv(b"campaign,raised,donors\nImport,1500,25\n")
    assert not errors
    assert import_figures(rows) == []
    text = widget_text(client, laureate_url(campaign))
    assert "Chiffres importés le" in text and "peuvent ne pas être à jour" not in text


@pytest.mark.django_db
def test_a_verified_webhook_with_its_re_fetch_counts_as_contact(client, monkeypatch, synced):
    from tests import test_webhooks

    synced.updated_at = NOW - datetime.timedelta(hours=9)
    FundingCampaign.objects.filter(pk=synced.pk).update(updated_at=synced.updated_at)
    monkeypatch.setattr(providers.PROVIDERS["ulule"], "fetch", lambda campaign: providers.validated("1000", 20))
    with override_settings(FUNDING_WEBHOOK_SECRETS=test_webhooks.SECRETS):
        response = post(client, {"data": {"slug": "palettes"}}, webhook_id="msg_contact")
    assert response.status_code == 200, response.content
    synced.refresh_from_db()
    assert synced.last_sync_at > synced.updated_at  # same figures, yet the platform was reached
    assert synced.source == FiguresSource.MANUAL  # nothing changed, so the figures' source did not either
    with override_settings(FUNDING_SYNC_INTERVAL_MINUTES=60):
        assert not synced.freshness().is_stale


# --- one service, four paths -------------------------------------------------------------------


@pytest.fixture
def announced():
    seen = []

    def receiver(sender, campaign, fields, source, **kwargs):
        seen.append((campaign.pk, source, frozenset(fields)))

    figures_changed.connect(receiver)
    yield seen
    figures_changed.disconnect(receiver)


def test_the_admin_form_records_through_the_service(admin_client, announced, django_capture_on_commit_callbacks):
    campaign = FundingCampaignFactory(external_id="")
    announced.clear()
    url = reverse("wagtailsnippets_funding_fundingcampaign:edit", args=[campaign.pk])
    data = {
        "name": campaign.name,
        "platform": campaign.platform,
        "funding_model": campaign.funding_model,
        "external_id": "",
        "public_url": campaign.public_url,
        "goal": "5000",
        "currency": "EUR",
        "raised": "2100",
        "donors": "33",
        "correction_reason": "",
        "starts_at": timezone.localtime(campaign.starts_at).strftime("%Y-%m-%d %H:%M"),
        "ends_at": timezone.localtime(campaign.ends_at).strftime("%Y-%m-%d %H:%M"),
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert (campaign.pk, FiguresSource.MANUAL) in [(pk, source) for pk, source, _fields in announced]
    assert {"raised", "donors"} <= next(fields for pk, _source, fields in announced if pk == campaign.pk)
    assert campaign.snapshots.last().raised == Decimal("2100")


@pytest.mark.django_db
def test_sync_records_through_the_service(monkeypatch, announced, synced, django_capture_on_commit_callbacks):
    monkeypatch.setattr(providers.PROVIDERS["ulule"], "fetch", lambda campaign: providers.validated("1300", 22))
    with django_capture_on_commit_callbacks(execute=True):
        assert sync_campaign(synced)
    assert announced[-1][:2] == (synced.pk, FiguresSource.API)


@pytest.mark.django_db
def test_webhooks_record_through_the_service(
    client, monkeypatch, announced, synced, django_capture_on_commit_callbacks
):
    from tests import test_webhooks

    monkeypatch.setattr(providers.PROVIDERS["ulule"], "fetch", lambda campaign: providers.validated("1400", 23))
    with (
        override_settings(FUNDING_WEBHOOK_SECRETS=test_webhooks.SECRETS),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert post(client, {"data": {"slug": "palettes"}}, webhook_id="msg_path").status_code == 200
    assert announced[-1][:2] == (synced.pk, FiguresSource.WEBHOOK)


@pytest.mark.django_db
def test_the_csv_import_records_through_the_service(announced, django_capture_on_commit_callbacks):
    campaign = FundingCampaignFactory(name="Fichier", external_id="")
    rows, errors = parse_figures_csv(b"campaign,raised,donors\nFichier,700,7\n")
    with django_capture_on_commit_callbacks(execute=True):
        assert not errors and import_figures(rows) == []
    assert announced[-1][:2] == (campaign.pk, FiguresSource.CSV)


@pytest.mark.django_db
def test_nothing_is_set_on_the_instance_from_outside():
    campaign = FundingCampaignFactory()
    for name in ("correction_reason", "_recorded_at", "_refund"):
        assert not hasattr(campaign, name)
    assert not hasattr(FundingCampaign, "record_figures")


@pytest.mark.django_db
def test_the_frozen_rule_is_read_once_and_a_reason_unlocks_a_correction(django_assert_max_num_queries):
    campaign = with_figures(ended(), "6110", 95, at=PAST_END - datetime.timedelta(hours=1))
    with pytest.raises(FrozenResultsError):
        record_figures(campaign, raised=Decimal("6200"), donors=96, source=FiguresSource.MANUAL)
    # One locked read, one update, one snapshot (plus the savepoint on databases that need one).
    with django_assert_max_num_queries(5):
        record_figures(campaign, raised=Decimal("6200"), donors=96, source=FiguresSource.MANUAL, reason="Relevé final")
    last = campaign.snapshots.last()
    assert last.is_correction and last.reason == "Relevé final"


@pytest.mark.django_db
def test_unchanged_figures_record_nothing():
    campaign = with_figures(FundingCampaignFactory(), "100", 2)
    count = campaign.snapshots.count()
    assert record_figures(campaign, raised=Decimal("100.00"), donors=2, source=FiguresSource.API) is None
    assert campaign.snapshots.count() == count


@pytest.mark.django_db
def test_bad_figures_are_refused_and_change_nothing():
    campaign = with_figures(FundingCampaignFactory(), "100", 2)
    for raised, donors in (("-1", 2), ("100", -3), ("123456789012.50", 1)):
        with pytest.raises(ValidationError):
            record_figures(campaign, raised=Decimal(raised), donors=donors, source=FiguresSource.MANUAL)
    campaign.refresh_from_db()
    assert (campaign.raised, campaign.donors) == (Decimal("100"), 2)


# --- API, open data and share images ------------------------------------------------------------


def test_api_and_open_data_name_refunded_pledges_apart(client, site_tree):
    call = CallPageFactory(parent=CallIndexPageFactory(parent=site_tree["home"], slug="appels"), slug="appel")
    funded = LaureatePageFactory(parent=call, slug="a", campaign=ended(goal=Decimal("1000"), raised=Decimal("1500")))
    missed = LaureatePageFactory(parent=call, slug="b", campaign=ended(goal=Decimal("9000"), raised=Decimal("4320")))
    data = client.get(reverse("api_campaign", kwargs={"pk": missed.campaign_id})).json()
    assert data["funding_model"] == "all_or_nothing" and data["amount_kind"] == "refunded"
    assert (data["pledged_amount"], data["collected_amount"]) == ("4320.00", "0.00")
    results = client.get(reverse("api_call", kwargs={"pk": call.pk})).json()["results"]
    assert results["collected_amount"] == "1500.00"
    assert (results["refunded_amount"], results["refunded_campaigns"]) == ("4320.00", 1)
    rows = client.get(reverse("opendata_call_csv", kwargs={"pk": call.pk})).content.decode().splitlines()
    header = rows[0].split(",")
    by_id = {
        row.split(",")[header.index("laureate_id")]: dict(zip(header, row.split(","), strict=True)) for row in rows[1:]
    }
    assert by_id[str(missed.pk)]["collected_amount"] == "0.00"
    assert by_id[str(missed.pk)]["amount_kind"] == "refunded"
    assert by_id[str(funded.pk)]["collected_amount"] == "1500.00"
    document = json.loads(client.get(reverse("api_openapi")).content)
    fields = document["components"]["schemas"]["CampaignFigures"]["properties"]
    assert fields["funding_model"]["enum"] == FundingModel.values
    assert fields["platform"]["enum"] == platforms.CODES


def test_share_images_say_what_the_amount_is(monkeypatch, site_tree):
    drawn = []
    original = share_image.ImageDraw.ImageDraw.text

    def spy(self, xy, text, *args, **kwargs):
        drawn.append(text)
        return original(self, xy, text, *args, **kwargs)

    monkeypatch.setattr(share_image.ImageDraw.ImageDraw, "text", spy)
    call = CallPageFactory(parent=CallIndexPageFactory(parent=site_tree["home"], slug="appels"), slug="appel")
    missed = LaureatePageFactory(parent=call, slug="b", campaign=ended(goal=Decimal("9000"), raised=Decimal("4320")))
    live = LaureatePageFactory(parent=call, slug="c", campaign=FundingCampaignFactory(raised=Decimal("1200")))
    share_image._draw(missed)
    assert any("remboursés" in text for text in drawn) and not any("collectés" in text for text in drawn)
    drawn.clear()
    share_image._draw(live)
    assert any("promis" in text for text in drawn)
    assert share_image.fingerprint(missed) != share_image.fingerprint(live)


# --- the officers' screens ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["synced", "manual", "ended", "new"])
def test_the_campaign_screens_open_for_an_officer(client, partner_tree, kind):
    """A regression guard: a landed change once broke the campaign edit screen unnoticed."""
    client.force_login(partner_tree["officer"])
    if kind == "new":
        url = reverse("wagtailsnippets_funding_fundingcampaign:add")
    else:
        campaign = {
            "synced": lambda: FundingCampaignFactory(platform="ulule", external_id="x"),
            "manual": lambda: FundingCampaignFactory(external_id=""),
            "ended": lambda: with_figures(ended(), "4320", 61, at=PAST_START + datetime.timedelta(days=1)),
        }[kind]()
        url = reverse("wagtailsnippets_funding_fundingcampaign:edit", args=[campaign.pk])
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="funding_model"' in html and 'name="correction_reason"' in html
    if kind != "new":
        assert "Historique des chiffres" in html
    if kind == "synced":
        assert "Synchroniser maintenant" in html and "Dernier contact réussi avec la plateforme" in html
    listing = client.get(reverse("wagtailsnippets_funding_fundingcampaign:list"))
    assert listing.status_code == 200 and "Modèle de financement" in listing.content.decode()
