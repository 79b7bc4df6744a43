"""Crowdfunding platforms behind one small interface: fetch a campaign's figures by its
external id and get back a validated ``Figures``. What each platform really offers is in
the README (and ../shared/PROVIDERS.md); public pages never call any of this."""

import logging
import time
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils.translation import gettext_lazy as _

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ReadTimeoutError
from urllib3.util import Retry

from . import platforms

logger = logging.getLogger(__name__)

CONNECT_TIMEOUT, READ_TIMEOUT = 5, 10
MAX_ATTEMPTS = 3
RETRIED_METHODS = frozenset({"GET", "POST"})
# Seconds: a platform's Retry-After is followed up to this (urllib3 would wait up to 6 hours), so
# that the admin's "sync now" button, which waits in the request, still answers.
RETRY_AFTER_MAX = 10


class ProviderError(Exception):
    """The platform could not give valid figures; the message is shown to officers."""


@dataclass(frozen=True)
class Figures:
    raised: Decimal
    donors: int
    currency: str = ""


def validated(raised, donors, currency=""):
    """Figures from untrusted platform data: numbers, not negative, a whole number of donors."""
    try:
        amount = Decimal(str(raised))
        count = Decimal(str(donors))
    except (InvalidOperation, ValueError, TypeError):
        raise ProviderError(_("Réponse invalide : montant ou nombre de contributeurs illisible.")) from None
    if not (amount.is_finite() and count.is_finite()) or amount < 0 or count < 0:
        raise ProviderError(_("Réponse invalide : montant ou nombre de contributeurs négatif."))
    if count != count.to_integral_value():
        raise ProviderError(_("Réponse invalide : nombre de contributeurs non entier."))
    return Figures(raised=amount.quantize(Decimal("0.01")), donors=int(count), currency=(currency or "").upper())


def _timeouts():
    return getattr(settings, "FUNDING_HTTP_TIMEOUTS", (CONNECT_TIMEOUT, READ_TIMEOUT))


def _retry():
    """urllib3's retries for every platform call: connection and read errors and 5xx answers, GET
    and POST alike (KissKissBankBank's GraphQL read and HelloAsso's token are POSTs that are safe to
    repeat); 4xx answers are final. Between attempts: immediate, then 2 × base delay + jitter (urllib3
    waits nothing before the first retry), or the platform's Retry-After, bounded."""
    base_delay = getattr(settings, "FUNDING_RETRY_BASE_DELAY", 0.5)
    return Retry(
        total=MAX_ATTEMPTS - 1,
        status_forcelist=range(500, 600),
        allowed_methods=RETRIED_METHODS,
        backoff_factor=base_delay,
        backoff_jitter=base_delay,
        respect_retry_after_header=True,
        retry_after_max=RETRY_AFTER_MAX,
        raise_on_status=False,  # the last 5xx answer comes back, to be reported as such
    )


def _unreachable(error):
    """The message for a network error. Once its retries are spent, a read timeout reaches us as a
    ConnectionError wrapping urllib3's MaxRetryError: it is still named ReadTimeout, as before."""
    reason = getattr(error.args[0] if error.args else None, "reason", None)
    name = "ReadTimeout" if isinstance(reason, ReadTimeoutError) else type(error).__name__
    return _("Plateforme injoignable (%(error)s).") % {"error": name}


def http_request(method, url, **kwargs):
    """One HTTP call with timeouts and at most three attempts (see ``_retry``); 4xx answers are
    final. Returns the response or raises ProviderError."""
    with requests.Session() as session:  # one per call, as requests.request() does: settings are read now
        adapter = HTTPAdapter(max_retries=_retry())
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        try:
            response = session.request(method, url, timeout=_timeouts(), **kwargs)
        except requests.RequestException as error:
            raise ProviderError(_unreachable(error)) from None
    if response.status_code >= 500:
        raise ProviderError(_("La plateforme répond une erreur %(status)s.") % {"status": response.status_code})
    if response.status_code >= 400:
        raise ProviderError(_("La plateforme refuse la demande (%(status)s).") % {"status": response.status_code})
    return response


def json_of(response):
    try:
        return response.json()
    except ValueError:
        raise ProviderError(_("Réponse invalide : ce n'est pas du JSON.")) from None


class Provider:
    name = ""  # the platform's code in funding.platforms, which holds its label and whether its API is official

    @property
    def label(self):
        return platforms.get(self.name).label

    @property
    def official(self):
        return platforms.get(self.name).official_api

    @property
    def config(self):
        """This platform's settings, as funding.platforms names them."""
        return settings.FUNDING_PROVIDERS[self.name]

    def fetch(self, campaign):
        raise NotImplementedError


class UluleProvider(Provider):
    """Ulule's documented REST API: GET /v1/projects/:id (id or slug); API key optional."""

    name = "ulule"

    def fetch(self, campaign):
        config = self.config
        headers = {"Accept": "application/json"}
        if config.get("API_KEY"):
            headers["Authorization"] = f"APIKey {config['API_KEY']}"
        url = config["API_URL"].rstrip("/") + f"/projects/{requests.utils.quote(campaign.external_id, safe='')}"
        data = json_of(http_request("GET", url, headers=headers))
        if not isinstance(data, dict) or "amount_raised" not in data:
            raise ProviderError(_("Réponse invalide : montant absent."))
        return validated(data.get("amount_raised"), data.get("supporters_count", 0), data.get("currency", ""))


KKBB_QUERY = """
query ProjectFigures($slug: String!) {
  project(slug: $slug) { collectedAmount { cents currency } collectedCount fundingPercent publicUrl }
}
"""


class KissKissBankBankProvider(Provider):
    """No documented API: the GraphQL endpoint its own site uses. Unofficial, best effort."""

    name = "kisskissbankbank"

    def fetch(self, campaign):
        url = self.config["GRAPHQL_URL"]
        payload = {"query": KKBB_QUERY, "variables": {"slug": campaign.external_id}}
        data = json_of(http_request("POST", url, json=payload, headers={"Accept": "application/json"}))
        try:
            project = data["data"]["project"]
            amount = project["collectedAmount"]
            cents = Decimal(str(amount["cents"]))
        except (KeyError, TypeError, InvalidOperation):
            raise ProviderError(_("Réponse invalide : projet ou montant absent.")) from None
        return validated(cents / 100, project.get("collectedCount", 0), amount.get("currency", ""))


class HelloAssoProvider(Provider):
    """HelloAsso API v5, OAuth2 client credentials. Its public form data has no amount: the
    amount and donors are summed from the form's orders, which need admin rights on the form.
    ``external_id`` is "<formType>/<formSlug>" (e.g. "Donation/soutenir-l-atelier")."""

    name = "helloasso"
    _token = None
    _token_expires = 0
    MAX_PAGES = 50

    def token(self, config):
        if self._token and time.monotonic() < self._token_expires:
            return self._token
        if not (config.get("CLIENT_ID") and config.get("CLIENT_SECRET")):
            raise ProviderError(_("HelloAsso : identifiants absents (HELLOASSO_CLIENT_ID et HELLOASSO_CLIENT_SECRET)."))
        response = http_request(
            "POST",
            config["TOKEN_URL"],
            data={
                "grant_type": "client_credentials",
                "client_id": config["CLIENT_ID"],
                "client_secret": config["CLIENT_SECRET"],
            },
        )
        data = json_of(response)
        if "access_token" not in data:
            raise ProviderError(_("HelloAsso : jeton d'accès absent."))
        type(self)._token = data["access_token"]
        type(self)._token_expires = time.monotonic() + int(data.get("expires_in", 1800)) - 60
        return self._token

    def fetch(self, campaign):
        config = self.config
        form_type, _sep, form_slug = campaign.external_id.partition("/")
        if not (form_type and form_slug and config.get("ORGANIZATION")):
            raise ProviderError(_("HelloAsso : identifiant attendu « type/formulaire » et organisation configurée."))
        headers = {"Authorization": f"Bearer {self.token(config)}", "Accept": "application/json"}
        url = (
            config["API_URL"].rstrip("/")
            + f"/organizations/{config['ORGANIZATION']}/forms/{form_type}/{form_slug}/orders"
        )
        total_cents, orders, token = Decimal(0), 0, None
        for _page in range(self.MAX_PAGES):
            params = {"pageSize": 100, **({"continuationToken": token} if token else {})}
            data = json_of(http_request("GET", url, headers=headers, params=params))
            items = data.get("data") if isinstance(data, dict) else None
            if not isinstance(items, list):
                raise ProviderError(_("Réponse invalide : commandes absentes."))
            for order in items:
                try:
                    total_cents += Decimal(str(order["amount"]["total"]))
                except (KeyError, TypeError, InvalidOperation):
                    raise ProviderError(_("Réponse invalide : montant de commande illisible.")) from None
                orders += 1
            token = (data.get("pagination") or {}).get("continuationToken")
            if not items or not token:
                break
        return validated(total_cents / 100, orders)


PROVIDERS = {provider.name: provider for provider in (UluleProvider(), KissKissBankBankProvider(), HelloAssoProvider())}
# Every platform the registry calls syncable has its adapter here, and no other.
assert set(PROVIDERS) == set(platforms.SYNCABLE_CODES), "funding.platforms and funding.providers disagree"  # noqa: S101


def provider_for(campaign):
    """The campaign's platform adapter, or None for manual entry (other platforms, no external id)."""
    if not campaign.is_synced:
        return None
    return PROVIDERS[campaign.platform]
