"""Failure paths (issue 14, finding 10): the database down (503 maintenance, JSON on API paths),
timeouts, the health check, error reports to ADMINS and an honest 500 page, sync_funding's exit
status, invitations that refuse privileged accounts.

The database is made unreachable for real: the thread's "default" connection is swapped for one
to a SQLite file that cannot be opened, or to PostgreSQL on a closed loopback port.
"""

import json
import re
import socket
from decimal import Decimal

from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import ConnectionHandler, connection, connections
from django.test import Client, RequestFactory, override_settings
from django.urls import path, reverse

import pytest

from partners.invitations import invite_partner
from partners.roles import ensure_partner_group
from portal.maintenance import wants_json
from portal.settings.database import database_timeouts
from portal.settings.env import env_admins
from portal.urls import handler500
from portal.urls import urlpatterns as portal_urlpatterns
from tests.factories import FundingCampaignFactory
from tests.test_funding_sync import platform, ulule_campaign, ulule_project  # noqa: F401 (fixture)

# --- a URLconf with a view that fails (ROOT_URLCONF="tests.test_failures") ------------------


def _boom(request):
    raise RuntimeError("boom for the error-report test")


urlpatterns = [path("test-boom/", _boom), *portal_urlpatterns]
assert handler500 == "portal.errors.server_error"


# --- the database, made unreachable ---------------------------------------------------------


def closed_loopback_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def unreachable_settings(kind, tmp_path):
    if kind == "sqlite":
        # The folder does not exist: SQLite cannot open (or create) the file.
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "absent" / "portal.sqlite3")}
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "portal",
        "USER": "portal",
        "HOST": "127.0.0.1",
        "PORT": str(closed_loopback_port()),
    }


class SwappedDatabase:
    """The thread's default connection replaced by another one, put back afterwards."""

    def __init__(self, settings_dict, blocker):
        self.connection = ConnectionHandler({"default": settings_dict})["default"]
        self.blocker = blocker

    def __enter__(self):
        self._unblock = self.blocker.unblock()
        self._unblock.__enter__()
        self.original = connections["default"]
        connections["default"] = self.connection
        return self.connection

    def __exit__(self, *exc):
        connections["default"] = self.original
        self.connection.close()
        self._unblock.__exit__(*exc)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_down(request, tmp_path, django_db_blocker):
    with SwappedDatabase(unreachable_settings(request.param, tmp_path), django_db_blocker) as broken:
        with pytest.raises(Exception) as error:
            broken.ensure_connection()
        assert type(error.value).__name__ == "OperationalError"
        yield


@pytest.fixture
def database_without_tables(tmp_path, django_db_blocker):
    """A database that answers but fails every query (no tables): errors raised mid-request."""
    settings_dict = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "empty.sqlite3")}
    with SwappedDatabase(settings_dict, django_db_blocker):
        yield


def assert_maintenance(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert "Set-Cookie" not in response.headers
    assert "camera=()" in response["Permissions-Policy"]
    # The maintenance page's own <style> runs under the policy, by the answer's nonce.
    if response["Content-Type"].startswith("text/html"):
        policy = response["Content-Security-Policy"]
        nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
        assert f'<style nonce="{nonce}">' in response.content.decode()


PAGES = ["/", "/appels/", "/recherche/?q=eau", "/admin/", "/admin/login/", "/embed/campaigns/1/"]


@pytest.mark.parametrize("url", PAGES)
def test_with_the_database_down_pages_answer_503_maintenance_in_french(client, database_down, url):
    response = client.get(url)
    assert_maintenance(response)
    html = response.content.decode()
    assert response["Content-Type"].startswith("text/html")
    assert '<html lang="fr">' in html
    assert "Site momentanément indisponible" in html
    # The English text follows, marked as English.
    assert '<section lang="en">' in html
    assert html.index('lang="fr"') < html.index('<section lang="en">')


def test_with_the_database_down_english_pages_answer_in_english_first(client, database_down):
    html = client.get("/en/").content.decode()
    assert '<html lang="en">' in html
    assert html.index('<section lang="en">') < html.index('<section lang="fr">')
    assert "Please try again in 2 minutes." in html


def test_with_the_database_down_a_login_post_sets_no_cookie(client, database_down):
    response = client.post("/admin/login/", {"username": "admin", "password": "x"})
    assert_maintenance(response)


API_REQUESTS = [
    ("get", "/api/v1/calls/"),
    ("get", "/api/v1/calls/1/"),
    ("get", "/api/v1/campaigns/1/"),
    ("get", "/api/v1/openapi.json"),
    ("get", "/donnees/appels/1/laureats.json"),
    ("get", "/donnees/appels/1/laureats.csv"),
    ("get", "/oembed/?url=http%3A%2F%2Ftestserver%2Fappels%2F"),
    ("post", "/webhooks/ulule/"),
]


@pytest.mark.parametrize(("method", "url"), API_REQUESTS)
def test_with_the_database_down_api_paths_answer_json(client, database_down, method, url):
    response = getattr(client, method)(url)
    assert_maintenance(response)
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert body["error"] == "service_unavailable"
    assert "120 secondes" in body["detail"]


def test_maintenance_answers_are_not_mailed_to_admins(client, database_down, settings):
    settings.ADMINS = [("Exploitation", "ops@example.org")]
    for url in ["/", "/api/v1/calls/", "/healthz"]:
        assert client.get(url).status_code == 503
    assert mail.outbox == []


def test_a_database_error_in_a_view_answers_503(client, database_without_tables):
    # Connecting works; Wagtail's first query fails ("no such table").
    assert_maintenance(client.get("/"))
    response = client.get("/api/v1/calls/")
    assert_maintenance(response)
    assert json.loads(response.content)["error"] == "service_unavailable"


def test_a_database_error_in_a_middleware_answers_503(database_without_tables):
    # A session cookie: the partner guard middleware loads the user, the session table is missing.
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "x" * 32
    response = client.get("/admin/")
    assert_maintenance(response)
    assert "Site momentanément indisponible" in response.content.decode()


def test_every_machine_facing_url_is_a_json_path():
    factory = RequestFactory()
    names = {
        "api_campaign": [1],
        "api_calls": [],
        "api_call": [1],
        "api_openapi": [],
        "opendata_call_json": [1],
        "opendata_call_csv": [1],
        "oembed": [],
        "funding_webhook": ["ulule"],
        "healthz": [],
    }
    for name, args in names.items():
        assert wants_json(factory.get(reverse(name, args=args))), name
    assert not wants_json(factory.get("/"))
    assert not wants_json(factory.get(reverse("embed_campaign", args=[1])))


# --- timeouts ----------------------------------------------------------------------------


def test_postgresql_gets_connect_and_statement_timeouts():
    database = database_timeouts({"ENGINE": "django.db.backends.postgresql", "NAME": "portal"}, connect=5, statement=30)
    assert database["OPTIONS"] == {"connect_timeout": 5, "options": "-c statement_timeout=30000"}
    kept = database_timeouts(
        {"ENGINE": "django.db.backends.postgresql", "OPTIONS": {"options": "-c search_path=portal"}},
        connect=5,
        statement=2.5,
    )
    assert kept["OPTIONS"]["options"] == "-c search_path=portal -c statement_timeout=2500"
    unlimited = database_timeouts({"ENGINE": "django.db.backends.postgresql"}, connect=3, statement=0)
    assert unlimited["OPTIONS"] == {"connect_timeout": 3}


def test_sqlite_waits_for_locks_as_long_as_the_connect_timeout():
    database = database_timeouts({"ENGINE": "django.db.backends.sqlite3", "NAME": "x"}, connect=5, statement=30)
    assert database["OPTIONS"] == {"timeout": 5}


@pytest.mark.django_db
def test_the_running_database_has_the_timeouts():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == "30s"
        assert connection.get_connection_params()["connect_timeout"] == 5
    else:
        assert connection.get_connection_params()["timeout"] == 5


# --- health check ------------------------------------------------------------------------


@pytest.mark.django_db
def test_health_check_answers_200_with_one_query(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert client.post("/healthz").status_code == 405


def test_health_check_answers_503_when_the_database_is_down(client, database_down):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content) == {
        "status": "unavailable",
        "checks": {"database": "unavailable", "cache": "ok"},
    }
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


@pytest.mark.django_db
def test_health_check_answers_503_when_redis_is_down(client):
    redis = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_loopback_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    with override_settings(CACHES=redis):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["checks"] == {"database": "ok", "cache": "unavailable"}


def test_health_check_is_not_in_the_sitemap(client, site_tree):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>" in sitemap
    assert "healthz" not in sitemap


@override_settings(SECURE_SSL_REDIRECT=True, SECURE_REDIRECT_EXEMPT=[r"^healthz$"])
@pytest.mark.django_db
def test_health_check_is_not_redirected_to_https(client):
    # production.py's exemption: the load balancer checks over plain HTTP.
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301


# --- error reports and the 500 page -------------------------------------------------------


@pytest.fixture
def failing_client(db):
    with override_settings(ROOT_URLCONF="tests.test_failures"):
        yield Client(raise_request_exception=False)


def test_a_server_error_mails_admins_once_and_the_page_says_so(failing_client, settings):
    settings.ADMINS = [("Exploitation", "ops@example.org")]
    response = failing_client.get("/test-boom/")
    assert response.status_code == 500
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ops@example.org"]
    assert "/test-boom/" in mail.outbox[0].subject
    assert "boom for the error-report test" in mail.outbox[0].body
    assert "L'équipe technique a été prévenue" in response.content.decode()


def test_without_admins_the_500_page_does_not_claim_anyone_was_told(failing_client, settings):
    settings.ADMINS = []
    response = failing_client.get("/test-boom/")
    assert response.status_code == 500
    assert mail.outbox == []
    html = response.content.decode()
    assert "prévenue" not in html
    assert "signalez-la à l'équipe du portail" in html


def test_admins_are_read_from_the_environment(monkeypatch):
    admins = 'Équipe technique <tech@example.org>, "Dupont, Marie" <m.dupont@example.org>, x@example.org'
    monkeypatch.setenv("ADMINS", admins)
    assert env_admins("ADMINS") == [
        ("Équipe technique", "tech@example.org"),
        ("Dupont, Marie", "m.dupont@example.org"),
        ("x@example.org", "x@example.org"),
    ]
    monkeypatch.setenv("ADMINS", "")
    assert env_admins("ADMINS") == []
    monkeypatch.delenv("ADMINS")
    assert env_admins("ADMINS") == []
    for bad in ["tech", "Équipe <tech>", "a@b.fr, pas une adresse"]:
        monkeypatch.setenv("ADMINS", bad)
        with pytest.raises(ImproperlyConfigured, match="ADMINS"):
            env_admins("ADMINS")


# --- sync_funding's exit status ----------------------------------------------------------


@pytest.mark.django_db
def test_sync_funding_exits_1_when_every_campaign_failed(platform, capsys):  # noqa: F811
    platform.route("GET", "/v1/projects/palettes", mode="status", payload=500)
    campaign = ulule_campaign()
    with pytest.raises(CommandError) as error:
        call_command("sync_funding")
    assert error.value.returncode == 1
    assert str(error.value) == f"1 of 1 campaign(s) failed to sync: {campaign.pk}"
    assert "synced 0, failed 1, skipped 0" in capsys.readouterr().out


@pytest.mark.django_db
def test_sync_funding_exits_1_when_some_campaigns_failed(platform, capsys):  # noqa: F811
    platform.route("GET", "/v1/projects/palettes", payload=ulule_project())
    platform.route("GET", "/v1/projects/absent", mode="status", payload=404)
    ulule_campaign()
    broken = FundingCampaignFactory(platform="ulule", external_id="absent", goal=Decimal("100"))
    with pytest.raises(CommandError) as error:
        call_command("sync_funding")
    assert error.value.returncode == 1
    assert str(error.value) == f"1 of 2 campaign(s) failed to sync: {broken.pk}"
    captured = capsys.readouterr()
    assert "synced 1, failed 1, skipped 0" in captured.out
    assert f"campaign {broken.pk} " in captured.err


# --- invitations refuse privileged accounts ----------------------------------------------


def _existing(django_user_model, partner_tree, kind):
    user = django_user_model.objects.create_user("existing", "existing@example.org", "pw")
    if kind == "superuser":
        user.is_superuser = True
        user.save()
    elif kind == "staff":
        user.is_staff = True
        user.save()
    elif kind == "officer":
        user.groups.add(partner_tree["officer"].groups.get())
    elif kind == "other partner":
        user.groups.add(ensure_partner_group(partner_tree["b"]).group)
    elif kind == "other group":
        user.groups.add(Group.objects.get_or_create(name="Modérateurs")[0])
    elif kind == "own permissions":
        user.user_permissions.add(Permission.objects.get(codename="publish_page"))
    return user


REFUSALS = {
    "superuser": "compte d'administration",
    "staff": "statut « équipe »",
    "officer": "chargés de communication",
    "other partner": "déjà rattaché à un autre partenaire (groupe « Partenaire : Bureau B »)",
    "other group": "groupe « Modérateurs »",
    "own permissions": "permissions qui lui sont propres",
}


@pytest.mark.parametrize("kind", REFUSALS)
def test_an_officers_invitation_refuses_a_privileged_account(client, partner_tree, django_user_model, kind):
    user = _existing(django_user_model, partner_tree, kind)
    groups_before = set(user.groups.values_list("pk", flat=True))
    client.force_login(partner_tree["officer"])
    url = reverse("partners_invite", args=[partner_tree["a"].pk])
    response = client.post(url, {"email": "Existing@Example.org"})
    assert response.status_code == 200
    # French typesetting puts non-breaking spaces inside « » and before ":".
    html = response.content.decode().replace("&#x27;", "'").replace("\u00a0", " ").replace("\u202f", " ")
    assert REFUSALS[kind] in html
    assert "Il ne peut pas être rattaché à un partenaire." in html
    user.refresh_from_db()
    assert set(user.groups.values_list("pk", flat=True)) == groups_before
    assert mail.outbox == []


@pytest.mark.parametrize("kind", REFUSALS)
def test_the_invite_command_refuses_a_privileged_account(partner_tree, django_user_model, kind):
    _existing(django_user_model, partner_tree, kind)
    with pytest.raises(ValidationError, match="Il ne peut pas être rattaché") as error:
        invite_partner(partner_tree["a"], "existing@example.org")
    assert REFUSALS[kind] in error.value.messages[0].replace("\u00a0", " ").replace("\u202f", " ")
    with pytest.raises(CommandError, match="Il ne peut pas être rattaché"):
        call_command("invite_partner", "atelier-a", "existing@example.org")


def test_a_plain_account_or_the_partners_own_member_can_still_be_invited(partner_tree, django_user_model):
    plain = django_user_model.objects.create_user("plain", "plain@example.org", "pw")
    assert invite_partner(partner_tree["a"], "plain@example.org") == (plain, False)
    assert invite_partner(partner_tree["a"], "a@example.org") == (partner_tree["user_a"], False)


def test_an_address_shared_by_two_accounts_is_refused(partner_tree, django_user_model):
    django_user_model.objects.create_user("one", "twice@example.org", "pw")
    django_user_model.objects.create_user("two", "Twice@example.org", "pw")
    with pytest.raises(ValidationError, match="Plusieurs comptes"):
        invite_partner(partner_tree["a"], "twice@example.org")
