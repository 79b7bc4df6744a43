"""Sync against a fake platform on loopback: good answers, hangs, 500s, malformed JSON,
negative amounts, refunds, frozen results; the command, the admin button, the stale note."""

import datetime
from decimal import Decimal

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

import pytest
from urllib3.connectionpool import HTTPConnectionPool

from funding import providers
from funding.figures import record_figures
from funding.models import FundingCampaign, FundingSnapshot
from funding.providers import HelloAssoProvider
from funding.sync import sync_all, sync_campaign, syncable_campaigns
from tests.factories import FundingCampaignFactory, LaureatePageFactory
from tests.fake_platform import FakePlatform

pytestmark = pytest.mark.django_db

TIMEOUTS = (0.5, 0.3)  # connect, read: short, so hangs end quickly here


@pytest.fixture
def platform():
    with FakePlatform() as fake:
        config = {
            "ulule": {"API_URL": fake.url + "/v1/", "API_KEY": "cle-de-test"},
            "kisskissbankbank": {"GRAPHQL_URL": fake.url + "/graphql"},
            "helloasso": {
                "API_URL": fake.url + "/v5/",
                "TOKEN_URL": fake.url + "/oauth2/token",
                "CLIENT_ID": "id",
                "CLIENT_SECRET": "secret",
                "ORGANIZATION": "mel",
            },
        }
        with override_settings(FUNDING_PROVIDERS=config, FUNDING_HTTP_TIMEOUTS=TIMEOUTS, FUNDING_RETRY_BASE_DELAY=0.01):
            HelloAssoProvider._token = None
            yield fake


@pytest.fixture
def timeouts_seen(monkeypatch):
    """(connect, read) timeouts of every attempt: urllib3 makes the retries, calling urlopen again."""
    seen = []
    original = HTTPConnectionPool.urlopen

    def recording(pool, method, url, *args, **kwargs):
        timeout = kwargs["timeout"]
        seen.append((timeout.connect_timeout, timeout.read_timeout))
        return original(pool, method, url, *args, **kwargs)

    monkeypatch.setattr(HTTPConnectionPool, "urlopen", recording)
    return seen


def ulule_campaign(**fields):
    campaign = FundingCampaignFactory(platform="ulule", external_id="palettes", goal=Decimal("5000"), **fields)
    record_figures(campaign, raised=Decimal("1000"), donors=20, source="manual")
    return campaign


def ulule_project(raised=6110, supporters=95, currency="EUR"):
    return {
        "id": 1,
        "slug": "palettes",
        "type": "project",
        "goal": 5000,
        "amount_raised": raised,
        "supporters_count": supporters,
        "currency": currency,
        "finished": False,
    }


def test_ulule_figures_are_recorded_with_history(platform):
    platform.route("GET", "/v1/projects/palettes", payload=ulule_project())
    campaign = ulule_campaign()
    assert sync_campaign(campaign)
    campaign.refresh_from_db()
    assert (campaign.raised, campaign.donors, campaign.source) == (Decimal("6110"), 95, "api")
    assert campaign.last_sync_at is not None and campaign.last_sync_error == ""
    assert campaign.snapshots.order_by("-pk").first().source == "api"
    assert platform.hits("GET", "/v1/projects/palettes")[0]["headers"]["Authorization"] == "APIKey cle-de-test"


def test_kisskissbankbank_graphql_in_cents(platform):
    platform.route(
        "POST",
        "/graphql",
        payload={
            "data": {
                "project": {
                    "collectedAmount": {"cents": 611050, "currency": "EUR"},
                    "collectedCount": 95,
                    "fundingPercent": 122,
                    "publicUrl": "https://example.org",
                }
            }
        },
    )
    campaign = FundingCampaignFactory(platform="kisskissbankbank", external_id="palettes")
    assert sync_campaign(campaign)
    campaign.refresh_from_db()
    assert (campaign.raised, campaign.donors) == (Decimal("6110.50"), 95)
    assert b'"slug": "palettes"' in platform.hits("POST", "/graphql")[0]["body"]


def test_helloasso_sums_its_orders_across_pages(platform):
    platform.route("POST", "/oauth2/token", payload={"access_token": "jeton", "expires_in": 1800})
    pages = {
        "": {
            "data": [{"amount": {"total": 5000}}, {"amount": {"total": 2500}}],
            "pagination": {"continuationToken": "p2"},
        },
        "p2": {"data": [{"amount": {"total": 1250}}], "pagination": {}},
    }
    platform.routes[("GET", "/v5/organizations/mel/forms/Donation/atelier/orders")] = lambda path, body: (
        "json",
        pages["p2" if "continuationToken=p2" in path else ""],
    )
    campaign = FundingCampaignFactory(platform="helloasso", external_id="Donation/atelier")
    assert sync_campaign(campaign)
    campaign.refresh_from_db()
    assert (campaign.raised, campaign.donors) == (Decimal("87.50"), 3)
    orders = platform.hits("GET", "/v5/organizations/mel/forms/Donation/atelier/orders")
    assert len(orders) == 2 and orders[0]["headers"]["Authorization"] == "Bearer jeton"
    assert b"client_secret=secret" in platform.hits("POST", "/oauth2/token")[0]["body"]


@pytest.mark.parametrize(
    ("mode", "payload", "attempts", "message"),
    [
        ("hang", 2, 3, "injoignable"),
        ("status", 500, 3, "500"),
        ("status", 404, 1, "404"),
        ("malformed", None, 1, "JSON"),
        ("json", ulule_project(raised=-5), 1, "négatif"),
        ("json", ulule_project(supporters=-1), 1, "négatif"),
        ("json", ulule_project(supporters=2.5), 1, "non entier"),
        ("json", ulule_project(raised="beaucoup"), 1, "illisible"),
        ("json", ulule_project(currency="USD"), 1, "devise"),
        ("json", {"unexpected": True}, 1, "absent"),
    ],
)
def test_bad_answers_keep_the_last_good_figures_and_record_the_error(
    platform, timeouts_seen, mode, payload, attempts, message
):
    platform.route("GET", "/v1/projects/palettes", mode=mode, payload=payload)
    campaign = ulule_campaign()
    before = (campaign.raised, campaign.donors, FundingSnapshot.objects.count())
    assert not sync_campaign(campaign)
    campaign.refresh_from_db()
    assert (campaign.raised, campaign.donors, FundingSnapshot.objects.count()) == before
    assert message in campaign.last_sync_error
    assert campaign.last_sync_error_at is not None
    # Bounded: at most three attempts, each with the connect/read timeouts.
    assert len(platform.hits("GET", "/v1/projects/palettes")) == attempts
    assert timeouts_seen == [TIMEOUTS] * attempts


def test_real_timeouts_are_within_the_limits():
    assert providers.CONNECT_TIMEOUT <= 5 and providers.READ_TIMEOUT <= 10 and providers.MAX_ATTEMPTS == 3


KKBB_PROJECT = {"data": {"project": {"collectedAmount": {"cents": 611050, "currency": "EUR"}, "collectedCount": 95}}}


@pytest.mark.parametrize(("mode", "payload", "message"), [("hang", 2, "injoignable"), ("status", 502, "502")])
def test_the_graphql_post_is_retried_like_a_get(platform, timeouts_seen, mode, payload, message):
    platform.route("POST", "/graphql", mode=mode, payload=payload)
    campaign = FundingCampaignFactory(platform="kisskissbankbank", external_id="palettes")
    assert not sync_campaign(campaign)
    assert message in campaign.last_sync_error
    assert len(platform.hits("POST", "/graphql")) == 3
    assert timeouts_seen == [TIMEOUTS] * 3


def test_a_platform_that_recovers_within_the_attempts_is_synced(platform):
    answers = iter([("status", 503), ("hang", 2), ("json", KKBB_PROJECT)])
    platform.routes[("POST", "/graphql")] = lambda path, body: next(answers)
    campaign = FundingCampaignFactory(platform="kisskissbankbank", external_id="palettes")
    assert sync_campaign(campaign)
    campaign.refresh_from_db()
    assert (campaign.raised, campaign.donors) == (Decimal("6110.50"), 95)
    assert len(platform.hits("POST", "/graphql")) == 3


@pytest.mark.parametrize(
    ("mode", "payload", "expected"),
    [
        ("hang", 2, "Plateforme injoignable (ReadTimeout)."),
        ("status", 500, "La plateforme répond une erreur 500."),
        ("status", 403, "La plateforme refuse la demande (403)."),
    ],
)
def test_messages_after_the_last_attempt_are_unchanged(platform, mode, payload, expected):
    platform.route("GET", "/v1/projects/palettes", mode=mode, payload=payload)
    with pytest.raises(providers.ProviderError) as raised:
        providers.http_request("GET", platform.url + "/v1/projects/palettes")
    assert str(raised.value) == expected


def test_a_refused_connection_is_retried_then_reported(platform, timeouts_seen):
    url = platform.url
    platform.__exit__()  # nothing listens on the port any more
    with pytest.raises(providers.ProviderError) as raised:
        providers.http_request("GET", url + "/v1/projects/palettes")
    assert str(raised.value) == "Plateforme injoignable (ConnectionError)."
    assert len(timeouts_seen) == 3


def test_backoff_waits_twice_the_base_delay_plus_jitter_before_the_third_attempt(platform, monkeypatch):
    platform.route("GET", "/v1/projects/palettes", mode="status", payload=500)
    waits = []
    monkeypatch.setattr("urllib3.util.retry.time.sleep", waits.append)
    with override_settings(FUNDING_RETRY_BASE_DELAY=0.5), pytest.raises(providers.ProviderError):
        providers.http_request("GET", platform.url + "/v1/projects/palettes")
    # urllib3 retries at once the first time; then 2 × 0.5 s plus up to 0.5 s of jitter.
    assert len(platform.hits("GET", "/v1/projects/palettes")) == 3
    assert len(waits) == 1 and 1.0 <= waits[0] <= 1.5


def test_retry_after_is_followed_but_bounded(platform, monkeypatch):
    platform.route("GET", "/v1/projects/palettes", mode="status", payload=(503, {"Retry-After": "3600"}))
    waits = []
    monkeypatch.setattr("urllib3.util.retry.time.sleep", waits.append)
    with pytest.raises(providers.ProviderError) as raised:
        providers.http_request("GET", platform.url + "/v1/projects/palettes")
    assert str(raised.value) == "La plateforme répond une erreur 503."
    assert waits == [providers.RETRY_AFTER_MAX] * 2


def test_a_lower_amount_is_recorded_as_a_refund(platform):
    platform.route("GET", "/v1/projects/palettes", payload=ulule_project(raised=900, supporters=19))
    campaign = ulule_campaign()
    assert sync_campaign(campaign)
    last = campaign.snapshots.order_by("-pk").first()
    assert (last.raised, last.is_refund) == (Decimal("900"), True)


def test_frozen_results_stay_frozen(platform):
    platform.route("GET", "/v1/projects/palettes", payload=ulule_project(raised=7000))
    campaign = FundingCampaignFactory(
        platform="ulule",
        external_id="palettes",
        starts_at=timezone.now() - datetime.timedelta(days=60),
        ends_at=timezone.now() - datetime.timedelta(days=10),
    )
    assert campaign not in syncable_campaigns()
    assert not sync_campaign(campaign)
    campaign.refresh_from_db()
    assert campaign.raised == Decimal("0")
    assert "figés" in campaign.last_sync_error


def test_one_failing_campaign_never_stops_the_others(platform, monkeypatch):
    platform.route("GET", "/v1/projects/casse", mode="status", payload=500)
    platform.route("GET", "/v1/projects/palettes", payload=ulule_project())
    broken = FundingCampaignFactory(platform="ulule", external_id="casse")
    exploding = FundingCampaignFactory(platform="kisskissbankbank", external_id="boum")
    good = ulule_campaign()
    manual = FundingCampaignFactory(platform="other", external_id="")

    def explode(self, campaign):
        raise RuntimeError("bug")

    monkeypatch.setattr(providers.KissKissBankBankProvider, "fetch", explode)
    report = sync_all([broken, exploding, good, manual])
    assert report.synced == [good]
    assert report.failed == [broken, exploding]
    assert report.skipped == [manual]
    assert FundingCampaign.objects.get(pk=exploding.pk).last_sync_error.startswith("Erreur inattendue")


def test_sync_funding_command(platform, capsys):
    platform.route("GET", "/v1/projects/palettes", payload=ulule_project())
    campaign = ulule_campaign()
    FundingCampaignFactory(platform="other")
    call_command("sync_funding")
    assert "synced 1, failed 0" in capsys.readouterr().out
    call_command("sync_funding", campaign=[campaign.pk])
    with pytest.raises(CommandError):
        call_command("sync_funding", campaign=[999999])


def test_admin_sync_now_button(client, platform, django_user_model):
    platform.route("GET", "/v1/projects/palettes", payload=ulule_project())
    campaign = ulule_campaign()
    url = reverse("funding_sync_now", args=[campaign.pk])
    officer = django_user_model.objects.create_superuser("officer", "o@example.org", "pw")
    client.force_login(officer)
    edit = client.get(reverse("wagtailsnippets_funding_fundingcampaign:edit", args=[campaign.pk])).content.decode()
    assert f'formaction="{url}"' in edit
    assert "cle-de-test" not in edit  # credentials are never shown back
    assert client.get(url).status_code == 405
    response = client.post(url, follow=True)
    assert "Chiffres synchronisés avec Ulule." in response.content.decode()
    campaign.refresh_from_db()
    assert campaign.raised == Decimal("6110")

    nobody = django_user_model.objects.create_user("nobody", "n@example.org", "pw")
    client.force_login(nobody)
    client.post(url)
    assert FundingSnapshot.objects.filter(campaign=campaign).count() == 3


def test_pages_show_a_sync_at_once_and_flag_old_figures(client, site_tree, platform):
    from tests.factories import CallIndexPageFactory, CallPageFactory

    platform.route("GET", "/v1/projects/palettes", payload=ulule_project())
    campaign = ulule_campaign()
    call = CallPageFactory(parent=CallIndexPageFactory(parent=site_tree["home"], slug="appels"), slug="appel")
    LaureatePageFactory(parent=call, slug="palettes", campaign=campaign)
    url = "/appels/appel/palettes/"
    assert "1\u202f000\u00a0€" in client.get(url).text
    sync_campaign(campaign)
    html = client.get(url).text
    assert "6\u202f110\u00a0€" in html
    assert "peuvent ne pas être à jour" not in html
    # A quiet night: the figures have not changed for hours, but the platform answered: nothing to flag.
    FundingCampaign.objects.filter(pk=campaign.pk).update(updated_at=timezone.now() - datetime.timedelta(hours=9))
    with override_settings(FUNDING_SYNC_INTERVAL_MINUTES=60):
        assert "peuvent ne pas être à jour" not in client.get(url).text
    # The platform has not been reached for three hours: flagged, with when it last answered.
    FundingCampaign.objects.filter(pk=campaign.pk).update(last_sync_at=timezone.now() - datetime.timedelta(hours=3))
    with override_settings(FUNDING_SYNC_INTERVAL_MINUTES=60):
        assert "peuvent ne pas être à jour" in client.get(url).text
    with override_settings(FUNDING_SYNC_INTERVAL_MINUTES=120):
        assert "peuvent ne pas être à jour" not in client.get(url).text
