"""Platform webhooks: "something changed on this campaign, come and look".

One POST endpoint per provider (``/webhooks/<provider>/``), authenticated the Standard
Webhooks way (https://www.standardwebhooks.com/): the headers ``webhook-id``,
``webhook-timestamp`` and ``webhook-signature``; the signature is
``base64(HMAC-SHA256(key, f"{id}.{timestamp}.{raw body}"))`` where ``key`` is the
base64-decoded part of the provider's ``whsec_...`` secret
(``settings.FUNDING_WEBHOOK_SECRETS``).

A verified webhook only triggers a re-fetch of the campaign from the platform's API
(``sync_campaign(campaign, source="webhook")``): its body is never trusted as figures.

Answers, always JSON (errors are ``{"error": "<reason>"}``; no database row is written):

- 405: not a POST;
- 404: unknown provider, or a provider whose secret is empty ("webhooks désactivés": a
  deliberate refusal, not an outage, so the platform need not retry);
- 503: the provider's secret is not a valid ``whsec_<base64>`` value (misconfiguration,
  logged; the platform retries until it is fixed), or the database is busy (SQLite
  "database is locked" after a few retries);
- 413: body over 64 KB;
- 400: a header missing or malformed (empty or too long id, timestamp not an integer),
  body not a JSON object, no campaign reference in it;
- 401: signature mismatch, or timestamp more than 5 minutes away from now (past or
  future): both are authentication failures;
- 404: no campaign of that platform with that identifier.

Success: 200 ``{"status": "processed", "synced": true}``; 202 ``{"status": "accepted",
"synced": false}`` when the delivery was valid but the re-fetch failed (the delivery stays
recorded: the periodic sync catches up); 200 ``{"status": "duplicate"}`` for a webhook id
already received from that provider. The ``WebhookDelivery`` row is inserted before the
re-fetch; its unique constraint makes concurrent deliveries of one id trigger one re-fetch.
"""

import base64
import binascii
import hashlib
import hmac
import json
import logging
import time

from django.conf import settings
from django.db import IntegrityError, OperationalError, transaction
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from funding.models import FiguresSource, FundingCampaign, Platform, WebhookDelivery
from funding.sync import sync_campaign

logger = logging.getLogger(__name__)

SECRET_PREFIX = "whsec_"  # noqa: S105 (the Standard Webhooks prefix, not a secret)
SIGNATURE_VERSION = "v1"
TOLERANCE_SECONDS = 5 * 60
MAX_BODY_BYTES = 64 * 1024
MAX_WEBHOOK_ID_LENGTH = WebhookDelivery._meta.get_field("webhook_id").max_length
# SQLite answers "database is locked" to concurrent writers: retry the insert a few times.
INSERT_ATTEMPTS = 5
INSERT_RETRY_DELAY = 0.05  # seconds, multiplied by the attempt number

ID_HEADER = "webhook-id"
TIMESTAMP_HEADER = "webhook-timestamp"
SIGNATURE_HEADER = "webhook-signature"


class WebhookError(Exception):
    """A delivery refused: ``status`` is the HTTP status, ``reason`` the message for the platform."""

    def __init__(self, status, reason):
        super().__init__(reason)
        self.status = status
        self.reason = reason


# --- verification (pure functions) -------------------------------------


def decode_secret(secret):
    """The HMAC key of a ``whsec_<base64>`` secret. Raises ValueError on a malformed secret."""
    if not isinstance(secret, str) or not secret.startswith(SECRET_PREFIX):
        raise ValueError("a webhook secret starts with 'whsec_'")
    try:
        key = base64.b64decode(secret[len(SECRET_PREFIX) :], validate=True)
    except (binascii.Error, ValueError) as error:
        raise ValueError("a webhook secret is 'whsec_' followed by base64") from error
    if not key:
        raise ValueError("empty webhook secret key")
    return key


def sign(key, webhook_id, timestamp, body):
    """The base64 signature (without the ``v1,`` prefix) of a delivery, as the platform computes it."""
    content = f"{webhook_id}.{timestamp}.".encode() + body
    return base64.b64encode(hmac.new(key, content, hashlib.sha256).digest()).decode("ascii")


def parse_signatures(header):
    """The ``v1`` signatures of a ``webhook-signature`` header ("v1,<sig> v1,<sig2> ..."); other versions ignored."""
    signatures = []
    for entry in (header or "").split():
        version, _sep, signature = entry.partition(",")
        if version == SIGNATURE_VERSION and signature:
            signatures.append(signature)
    return signatures


def signature_matches(key, webhook_id, timestamp, body, header):
    """True if any ``v1`` signature in ``header`` is the delivery's; each comparison is constant-time."""
    expected = sign(key, webhook_id, timestamp, body).encode("ascii")
    matched = False
    for candidate in parse_signatures(header):
        # Every entry is compared (no early exit): the time taken does not tell which one matched.
        if hmac.compare_digest(expected, candidate.encode("utf-8", "replace")):
            matched = True
    return matched


def parse_timestamp(value):
    """The integer seconds of a ``webhook-timestamp`` header, or None if it is not a plain integer."""
    value = (value or "").strip()
    if not value or len(value) > 15 or not value.isascii() or not value.isdigit():
        return None
    return int(value)


def timestamp_is_fresh(timestamp, now=None, tolerance=TOLERANCE_SECONDS):
    """True if ``timestamp`` is at most ``tolerance`` seconds away from ``now``, in either direction."""
    now = time.time() if now is None else now
    return abs(now - timestamp) <= tolerance


def verify(secret, headers, body, now=None):
    """Check a delivery's headers and signature; returns the webhook id. Raises WebhookError.

    ``headers`` is a mapping with case-insensitive keys (``request.headers``)."""
    webhook_id = (headers.get(ID_HEADER) or "").strip()
    raw_timestamp = headers.get(TIMESTAMP_HEADER)
    signature_header = headers.get(SIGNATURE_HEADER)
    if not webhook_id or not raw_timestamp or not signature_header:
        raise WebhookError(400, _("En-têtes webhook-id, webhook-timestamp et webhook-signature requis."))
    if len(webhook_id) > MAX_WEBHOOK_ID_LENGTH:
        raise WebhookError(400, _("Identifiant de webhook trop long."))
    timestamp = parse_timestamp(raw_timestamp)
    if timestamp is None:
        raise WebhookError(400, _("Horodatage du webhook invalide."))
    if not timestamp_is_fresh(timestamp, now):
        raise WebhookError(401, _("Horodatage du webhook hors de la tolérance de 5 minutes."))
    if not signature_matches(decode_secret(secret), webhook_id, timestamp, body, signature_header):
        raise WebhookError(401, _("Signature du webhook invalide."))
    return webhook_id


def campaign_references(payload):
    """The campaign identifiers a payload names, most specific first.

    Accepted: ``{"campaign": {"external_id": ...}}`` or, Ulule-like, ``{"data": {"id": ...}}``
    and/or ``{"data": {"slug": ...}}`` (the project's id or slug)."""
    if not isinstance(payload, dict):
        return []
    candidates = []
    campaign = payload.get("campaign")
    if isinstance(campaign, dict):
        candidates.append(campaign.get("external_id"))
    data = payload.get("data")
    if isinstance(data, dict):
        candidates.extend([data.get("id"), data.get("slug")])
    references = []
    for value in candidates:
        # bool is an int: "true" is no identifier.
        if isinstance(value, bool) or not isinstance(value, str | int):
            continue
        reference = str(value).strip()
        if reference and reference not in references:
            references.append(reference)
    return references


# --- the view ----------------------------------------------------------


def _error(status, reason, **headers):
    response = JsonResponse({"error": str(reason)}, status=status)
    for name, value in headers.items():
        response[name] = value
    return response


def _read_body(request):
    """The raw body, at most MAX_BODY_BYTES; never reads more than one byte past the limit."""
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > MAX_BODY_BYTES:
        raise WebhookError(413, _("Corps du webhook trop volumineux (64 Ko au plus)."))
    body = request.read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        raise WebhookError(413, _("Corps du webhook trop volumineux (64 Ko au plus)."))
    return body


def _find_campaigns(provider, payload):
    references = campaign_references(payload)
    if not references:
        raise WebhookError(400, _("Le webhook ne désigne aucune collecte."))
    for reference in references:
        campaigns = list(FundingCampaign.objects.filter(platform=provider, external_id=reference).order_by("pk"))
        if campaigns:
            return campaigns
    raise WebhookError(404, _("Collecte inconnue."))


def _record_delivery(provider, webhook_id, campaign):
    """Store the delivery; False if that id was already stored. Raises WebhookError(503) if the DB stays busy."""
    for attempt in range(1, INSERT_ATTEMPTS + 1):
        try:
            with transaction.atomic():
                WebhookDelivery.objects.create(provider=provider, webhook_id=webhook_id, campaign=campaign)
            return True
        except IntegrityError:
            return False
        except OperationalError:
            if attempt == INSERT_ATTEMPTS:
                logger.warning("Webhook %s:%s: database busy, asking the platform to retry", provider, webhook_id)
                raise WebhookError(503, _("Service momentanément indisponible, réessayez plus tard.")) from None
            time.sleep(INSERT_RETRY_DELAY * attempt)
    return False  # pragma: no cover (the loop returns or raises)


def _sync(campaign):
    try:
        return bool(sync_campaign(campaign, source=FiguresSource.WEBHOOK))
    except Exception:
        logger.exception("Webhook: re-fetching campaign %s failed", campaign.pk)
        return False


def _process(request, provider):
    if provider not in Platform.values:
        raise WebhookError(404, _("Plateforme inconnue."))
    secret = (getattr(settings, "FUNDING_WEBHOOK_SECRETS", {}) or {}).get(provider) or ""
    if not secret:
        raise WebhookError(404, _("Webhooks désactivés pour cette plateforme."))
    try:
        decode_secret(secret)
    except ValueError:
        logger.error("FUNDING_WEBHOOK_SECRETS[%r] is not a 'whsec_<base64>' secret", provider)
        raise WebhookError(503, _("Webhooks mal configurés pour cette plateforme.")) from None

    body = _read_body(request)
    webhook_id = verify(secret, request.headers, body)
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError):
        raise WebhookError(400, _("Corps du webhook illisible : JSON attendu.")) from None
    if not isinstance(payload, dict):
        raise WebhookError(400, _("Corps du webhook illisible : JSON attendu."))

    try:
        campaigns = _find_campaigns(provider, payload)
    except OperationalError:
        logger.warning("Webhook %s:%s: database busy while looking up the campaign", provider, webhook_id)
        raise WebhookError(503, _("Service momentanément indisponible, réessayez plus tard.")) from None
    if not _record_delivery(provider, webhook_id, campaigns[0]):
        return JsonResponse({"status": "duplicate"})

    # Normally one campaign; several only if two share the identifier by mistake: re-fetching is harmless.
    results = [_sync(campaign) for campaign in campaigns]
    synced = all(results)
    if synced:
        return JsonResponse({"status": "processed", "synced": True})
    return JsonResponse({"status": "accepted", "synced": False}, status=202)


@csrf_exempt
def funding_webhook(request, provider):
    """POST /webhooks/<provider>/: a Standard Webhooks delivery asking to re-fetch one campaign."""
    if request.method != "POST":
        return _error(405, _("Méthode non autorisée : POST attendu."), Allow="POST")
    try:
        return _process(request, provider)
    except WebhookError as error:
        return _error(error.status, error.reason)
