"""Platform webhooks: Standard Webhooks signature, idempotency, and a re-fetch (never trusted figures)."""

import base64
import hashlib
import hmac
import json
import threading
import time
from decimal import Decimal

from django.db import connections
from django.test import Client, override_settings
from django.urls import reverse

import pytest

from funding import webhooks
from funding.models import FiguresSource, FundingCampaign, WebhookDelivery
from tests.factories import FundingCampaignFactory

KEY = b"a test key of thirty-two bytes!!"
SECRET = "whsec_" + base64.b64encode(KEY).decode()
SECRETS = {"ulule": SECRET, "kisskissbankbank": SECRET, "helloasso": ""}
URL = "/webhooks/ulule/"


def signature(body, webhook_id, timestamp, key=KEY):
    content = f"{webhook_id}.{timestamp}.".encode() + body
    return base64.b64encode(hmac.new(key, content, hashlib.sha256).digest()).decode()


def post(client, body, *, webhook_id="msg_1", timestamp=None, sig=None, url=URL, headers=None):
    """POST a delivery signed with KEY; ``sig`` replaces the whole webhook-signature header."""
    if not isinstance(body, bytes):
        body = json.dumps(body).encode()
    timestamp = int(time.time()) if timestamp is None else timestamp
    default_headers = {
        "webhook-id": webhook_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sig if sig is not None else "v1," + signature(body, webhook_id, timestamp),
    }
    default_headers.update(headers or {})
    sent = {name: value for name, value in default_headers.items() if value is not None}
    return client.post(url, data=body, content_type="application/json", headers=sent)


class FakeSync:
    def __init__(self, result=True, error=None):
        self.calls = []
        self.result = result
        self.error = error
        self._lock = threading.Lock()

    def __call__(self, campaign, *, source="api"):
        with self._lock:
            self.calls.append((campaign.pk, source))
        if self.error:
            raise self.error
        return self.result


@pytest.fixture
def fake_sync(monkeypatch):
    fake = FakeSync()
    monkeypatch.setattr("funding.webhooks.sync_campaign", fake)
    return fake


@pytest.fixture
def secrets():
    with override_settings(FUNDING_WEBHOOK_SECRETS=SECRETS):
        yield


@pytest.fixture
def campaign(db):
    return FundingCampaignFactory(platform="ulule", external_id="mon-projet", raised=Decimal("100"), donors=3)


def payload(external_id="mon-projet"):
    return {"campaign": {"external_id": external_id}}


def assert_untouched(fake_sync):
    assert WebhookDelivery.objects.count() == 0
    assert fake_sync.calls == []


# --- pure functions ----------------------------------------------------


def test_sign_against_a_known_vector():
    key = b"\x01\x02\x03 known key"
    body = b'{"campaign":{"external_id":"42"}}'
    expected = base64.b64encode(
        hmac.new(key, b'msg_2Kf.1700000000.{"campaign":{"external_id":"42"}}', hashlib.sha256).digest()
    ).decode()
    assert webhooks.sign(key, "msg_2Kf", 1700000000, body) == expected
    assert webhooks.signature_matches(key, "msg_2Kf", 1700000000, body, "v1," + expected)
    assert not webhooks.signature_matches(key, "msg_2Kf", 1700000001, body, "v1," + expected)
    assert not webhooks.signature_matches(key, "msg_2Kf", 1700000000, body + b" ", "v1," + expected)


def test_secret_key_is_the_base64_after_whsec():
    assert webhooks.decode_secret(SECRET) == KEY
    assert webhooks.decode_secret("whsec_" + base64.b64encode(b"\xff\x00abc").decode()) == b"\xff\x00abc"
    for bad in ("", "whsec_", "whsec_not base64!", base64.b64encode(KEY).decode(), None):
        with pytest.raises(ValueError):
            webhooks.decode_secret(bad)


def test_parse_signatures_keeps_v1_entries_only():
    assert webhooks.parse_signatures("v1,abc v1a,xyz v2,def  v1,ghi") == ["abc", "ghi"]
    assert webhooks.parse_signatures("") == []
    assert webhooks.parse_signatures("v1, garbage") == []


def test_timestamp_parsing_and_tolerance():
    assert webhooks.parse_timestamp("1700000000") == 1700000000
    for bad in ("", "abc", "1.5", "-5", "+5", "1_000", "²", "9" * 20):
        assert webhooks.parse_timestamp(bad) is None
    now = 1_700_000_000
    assert webhooks.timestamp_is_fresh(now - 300, now)
    assert webhooks.timestamp_is_fresh(now + 300, now)
    assert not webhooks.timestamp_is_fresh(now - 301, now)
    assert not webhooks.timestamp_is_fresh(now + 301, now)


def test_campaign_references():
    assert webhooks.campaign_references({"campaign": {"external_id": "abc"}}) == ["abc"]
    assert webhooks.campaign_references({"data": {"id": 123, "slug": "mon-projet"}}) == ["123", "mon-projet"]
    assert webhooks.campaign_references({"data": {"slug": " mon-projet "}}) == ["mon-projet"]
    assert webhooks.campaign_references({"data": {"id": True}}) == []
    assert webhooks.campaign_references({"campaign": "abc"}) == []
    assert webhooks.campaign_references([1, 2]) == []


def test_url_is_outside_the_language_prefix():
    assert reverse("funding_webhook", args=["ulule"]) == URL


# --- the endpoint ------------------------------------------------------


@pytest.mark.usefixtures("secrets")
def test_valid_delivery_refetches_the_campaign(client, campaign, fake_sync):
    response = post(client, payload(), webhook_id="msg_valid")
    assert response.status_code == 200
    assert response.json() == {"status": "processed", "synced": True}
    assert fake_sync.calls == [(campaign.pk, FiguresSource.WEBHOOK)]
    delivery = WebhookDelivery.objects.get()
    assert (delivery.provider, delivery.webhook_id, delivery.campaign_id) == ("ulule", "msg_valid", campaign.pk)


@pytest.mark.usefixtures("secrets")
def test_body_figures_are_never_trusted(client, campaign, fake_sync):
    body = {"campaign": {"external_id": "mon-projet", "raised": "999999", "donors": 5000}}
    assert post(client, body).status_code == 200
    campaign.refresh_from_db()
    assert (campaign.raised, campaign.donors) == (Decimal("100"), 3)
    assert len(fake_sync.calls) == 1


@pytest.mark.usefixtures("secrets")
@pytest.mark.parametrize(
    ("data", "external_id"),
    [({"id": 4242}, "4242"), ({"slug": "mon-projet"}, "mon-projet"), ({"id": 1, "slug": "mon-projet"}, "mon-projet")],
)
def test_ulule_like_payload_finds_the_project_by_id_or_slug(client, db, fake_sync, data, external_id):
    FundingCampaignFactory(platform="kisskissbankbank", external_id=external_id)  # same id, another platform
    target = FundingCampaignFactory(platform="ulule", external_id=external_id)
    response = post(client, {"event": "project.updated", "data": data})
    assert response.status_code == 200
    assert fake_sync.calls == [(target.pk, "webhook")]


@pytest.mark.usefixtures("secrets")
def test_campaign_of_another_platform_is_unknown(client, db, fake_sync):
    FundingCampaignFactory(platform="kisskissbankbank", external_id="mon-projet")
    response = post(client, payload())
    assert response.status_code == 404
    assert response.json()["error"] == "Collecte inconnue."
    assert_untouched(fake_sync)


@pytest.mark.usefixtures("secrets")
def test_bad_signature(client, campaign, fake_sync):
    wrong = signature(json.dumps(payload()).encode(), "msg_1", int(time.time()), key=b"another key")
    response = post(client, payload(), sig="v1," + wrong)
    assert response.status_code == 401
    assert response.json() == {"error": "Signature du webhook invalide."}
    assert_untouched(fake_sync)


@pytest.mark.usefixtures("secrets")
def test_signature_over_another_body_is_refused(client, campaign, fake_sync):
    other = json.dumps(payload("autre")).encode()
    now = int(time.time())
    response = post(client, payload(), timestamp=now, sig="v1," + signature(other, "msg_1", now))
    assert response.status_code == 401
    assert_untouched(fake_sync)


@pytest.mark.usefixtures("secrets")
@pytest.mark.parametrize("header", ["v1,", "garbage", "v2," + "A" * 44, "v1,é"])
def test_malformed_signature_header_is_a_bad_signature(client, campaign, fake_sync, header):
    response = post(client, payload(), sig=header)
    assert response.status_code == 401
    assert_untouched(fake_sync)


@pytest.mark.usefixtures("secrets")
def test_second_of_several_signatures_matches(client, campaign, fake_sync):
    body = json.dumps(payload()).encode()
    now = int(time.time())
    good = signature(body, "msg_multi", now)
    old = signature(body, "msg_multi", now, key=b"the previous key")
    response = post(client, body, webhook_id="msg_multi", timestamp=now, sig=f"v1,{old} v1,{good}")
    assert response.status_code == 200
    assert len(fake_sync.calls) == 1


@pytest.mark.usefixtures("secrets")
@pytest.mark.parametrize("missing", ["webhook-id", "webhook-timestamp", "webhook-signature"])
def test_missing_header(client, campaign, fake_sync, missing):
    response = post(client, payload(), headers={missing: None})
    assert response.status_code == 400
    assert "error" in response.json()
    assert_untouched(fake_sync)


@pytest.mark.usefixtures("secrets")
def test_non_integer_timestamp(client, campaign, fake_sync):
    body = json.dumps(payload()).encode()
    response = post(client, body, sig="v1," + signature(body, "msg_1", "12.5"), headers={"webhook-timestamp": "12.5"})
    assert response.status_code == 400
    assert response.json() == {"error": "Horodatage du webhook invalide."}
    assert_untouched(fake_sync)


@pytest.mark.usefixtures("secrets")
def test_too_long_webhook_id(client, campaign, fake_sync):
    response = post(client, payload(), webhook_id="x" * 256)
    assert response.status_code == 400
    assert_untouched(fake_sync)


@pytest.mark.usefixtures("secrets")
@pytest.mark.parametrize("offset", [-301, -3600, 301, 3600])
def test_stale_or_future_timestamp(client, campaign, fake_sync, offset):
    # Correctly signed, but too old (a replay) or too far in the future.
    response = post(client, payload(), timestamp=int(time.time()) + offset)
    assert response.status_code == 401
    assert response.json() == {"error": "Horodatage du webhook hors de la tolérance de 5 minutes."}
    assert_untouched(fake_sync)


@pytest.mark.usefixtures("secrets")
@pytest.mark.parametrize("offset", [-290, 290])
def test_timestamp_within_tolerance(client, campaign, fake_sync, offset):
    assert post(client, payload(), timestamp=int(time.time()) + offset).status_code == 200


@pytest.mark.usefixtures("secrets")
def test_sequential_replay_is_processed_once(client, campaign, fake_sync):
    statuses = [post(client, payload(), webhook_id="msg_replay").json()["status"] for _ in range(5)]
    assert statuses == ["processed"] + ["duplicate"] * 4
    assert len(fake_sync.calls) == 1
    assert WebhookDelivery.objects.count() == 1


@pytest.mark.usefixtures("secrets")
def test_same_id_from_another_provider_is_another_delivery(client, db, fake_sync):
    FundingCampaignFactory(platform="ulule", external_id="p1")
    FundingCampaignFactory(platform="kisskissbankbank", external_id="p1")
    assert post(client, payload("p1"), webhook_id="msg_same").json()["status"] == "processed"
    response = post(client, payload("p1"), webhook_id="msg_same", url="/webhooks/kisskissbankbank/")
    assert response.json()["status"] == "processed"
    assert len(fake_sync.calls) == 2
    assert WebhookDelivery.objects.count() == 2


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("secrets")
def test_concurrent_replay_is_processed_once(fake_sync):
    campaign = FundingCampaignFactory(platform="ulule", external_id="mon-projet")
    body = json.dumps(payload()).encode()
    now = int(time.time())
    headers = {
        "webhook-id": "msg_concurrent",
        "webhook-timestamp": str(now),
        "webhook-signature": "v1," + signature(body, "msg_concurrent", now),
    }
    barrier = threading.Barrier(5)
    responses = []
    errors = []

    def deliver():
        try:
            client = Client()
            barrier.wait()
            responses.append(client.post(URL, data=body, content_type="application/json", headers=headers))
        except Exception as error:  # surfaced below: an exception in a thread is otherwise silent
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=deliver) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert len(responses) == 5
    assert all(response.status_code in (200, 503) for response in responses), [r.content for r in responses]
    assert fake_sync.calls == [(campaign.pk, "webhook")]
    assert WebhookDelivery.objects.filter(webhook_id="msg_concurrent").count() == 1
    statuses = sorted(response.json().get("status", "") for response in responses)
    assert statuses.count("processed") == 1


@pytest.mark.usefixtures("secrets")
def test_unknown_campaign(client, campaign, fake_sync):
    response = post(client, payload("inexistant"))
    assert response.status_code == 404
    assert response.json() == {"error": "Collecte inconnue."}
    assert_untouched(fake_sync)


@pytest.mark.usefixtures("secrets")
@pytest.mark.parametrize(
    "body",
    [b"{not json", b"", b"[1, 2, 3]", b'"mon-projet"', b"\xff\xfe", b"[" * 5000 + b"]" * 5000],
)
def test_malformed_json(client, campaign, fake_sync, body):
    response = post(client, body)
    assert response.status_code == 400
    assert response.json() == {"error": "Corps du webhook illisible\u00a0: JSON attendu."}
    assert_untouched(fake_sync)


@pytest.mark.usefixtures("secrets")
@pytest.mark.parametrize("body", [{}, {"campaign": {}}, {"data": {"title": "x"}}, {"campaign": {"external_id": ""}}])
def test_payload_without_campaign_reference(client, campaign, fake_sync, body):
    response = post(client, body)
    assert response.status_code == 400
    assert response.json() == {"error": "Le webhook ne désigne aucune collecte."}
    assert_untouched(fake_sync)


@pytest.mark.usefixtures("secrets")
def test_body_too_large(client, campaign, fake_sync):
    body = json.dumps({**payload(), "padding": "x" * (64 * 1024)}).encode()
    response = post(client, body)
    assert response.status_code == 413
    assert "error" in response.json()
    assert_untouched(fake_sync)


@pytest.mark.usefixtures("secrets")
def test_body_at_the_limit_is_accepted(client, campaign, fake_sync):
    base = json.dumps({**payload(), "padding": ""}).encode()
    body = json.dumps({**payload(), "padding": "x" * (64 * 1024 - len(base))}).encode()
    assert len(body) == 64 * 1024
    assert post(client, body).status_code == 200


@pytest.mark.usefixtures("secrets")
def test_unknown_provider(client, campaign, fake_sync):
    response = post(client, payload(), url="/webhooks/inconnue/")
    assert response.status_code == 404
    assert response.json() == {"error": "Plateforme inconnue."}
    assert_untouched(fake_sync)


@pytest.mark.usefixtures("secrets")
@pytest.mark.parametrize("provider", ["helloasso", "other"])
def test_provider_without_secret(client, db, fake_sync, provider):
    FundingCampaignFactory(platform=provider, external_id="mon-projet")
    response = post(client, payload(), url=f"/webhooks/{provider}/")
    assert response.status_code == 404
    assert response.json() == {"error": "Webhooks désactivés pour cette plateforme."}
    assert_untouched(fake_sync)


def test_malformed_secret_is_a_configuration_error(client, campaign, fake_sync):
    with override_settings(FUNDING_WEBHOOK_SECRETS={"ulule": "not-a-whsec-secret"}):
        response = post(client, payload())
    assert response.status_code == 503
    assert "error" in response.json()
    assert_untouched(fake_sync)


@pytest.mark.usefixtures("secrets")
@pytest.mark.parametrize("method", ["get", "put", "delete"])
def test_only_post(client, campaign, fake_sync, method):
    response = getattr(client, method)(URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert response.json() == {"error": "Méthode non autorisée\u00a0: POST attendu."}
    assert_untouched(fake_sync)


@pytest.mark.usefixtures("secrets")
def test_no_csrf_token_needed(campaign, fake_sync):
    response = post(Client(enforce_csrf_checks=True), payload())
    assert response.status_code == 200


@pytest.mark.usefixtures("secrets")
@pytest.mark.parametrize("fake", [FakeSync(result=False), FakeSync(error=RuntimeError("API down"))])
def test_failed_refetch_keeps_the_delivery(client, campaign, monkeypatch, fake):
    fake.calls.clear()
    monkeypatch.setattr("funding.webhooks.sync_campaign", fake)
    response = post(client, payload(), webhook_id="msg_fail")
    assert response.status_code == 202
    assert response.json() == {"status": "accepted", "synced": False}
    assert WebhookDelivery.objects.filter(webhook_id="msg_fail", campaign=campaign).count() == 1
    assert len(fake.calls) == 1
    # The platform's retry of the same delivery is a duplicate: the periodic sync will catch up.
    assert post(client, payload(), webhook_id="msg_fail").json() == {"status": "duplicate"}
    assert len(fake.calls) == 1


@pytest.mark.usefixtures("secrets")
def test_campaign_is_not_changed_on_errors(client, campaign, fake_sync):
    before = FundingCampaign.objects.values().get(pk=campaign.pk)
    post(client, payload(), sig="v1,AAAA")
    post(client, payload(), timestamp=0)
    assert FundingCampaign.objects.values().get(pk=campaign.pk) == before
