"""Two-factor authentication for admin accounts (issue 14, Accounts; accounts/).

Officers and superusers must enrol an authenticator app and give its code after their password;
partners may, and are then asked too. Codes are computed here from the device's key, the way an
authenticator app does (django_otp.oath.TOTP), at a clock that time-machine holds still.
"""

import datetime
import json
import logging
import re
import time
from base64 import b32decode
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

import pytest
import time_machine
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import events, two_factor
from tests.test_settings import DUMMY_SECRET, _run_django

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 12, 7, 10, 0, tzinfo=datetime.UTC)
PASSWORD = "pw"  # tests.factories.make_partner_tree's accounts
DASHBOARD = "/admin/"


@pytest.fixture
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


class Records(logging.Handler):
    """The records of the loggers it listens to (caplog is off under ``-p no:logging``)."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)

    def events(self):
        return [getattr(record, "security_event", None) for record in self.records if record.name == "portal.security"]

    def text(self):
        return "\n".join(record.getMessage() for record in self.records)


@pytest.fixture
def security_log():
    handler = Records()
    loggers = [logging.getLogger("portal.security"), logging.getLogger("axes")]
    for logger in loggers:
        logger.addHandler(handler)
    yield handler
    for logger in loggers:
        logger.removeHandler(handler)


def app_code(device):
    """The 6 digits an authenticator app shows for ``device`` at this moment (the test's clock)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


def enrol(user):
    """An authenticator confirmed for ``user`` (as the set-up screen leaves it); its recovery codes."""
    device = TOTPDevice.objects.create(user=user, name="Téléphone", confirmed=False)
    return device, two_factor.confirm(device)


def password_login(client, user):
    response = client.post(reverse("wagtailadmin_login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, "the password was refused"
    assert "_auth_user_id" in client.session


def with_next(name, next_url=DASHBOARD):
    return f"{reverse(name)}?{urlencode({'next': next_url})}"


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("chef", "chef@example.org", PASSWORD)


# --- who is asked ------------------------------------------------------------------------


def test_an_officer_is_sent_to_set_up_until_enrolled_then_reaches_the_dashboard(
    client, partner_tree, required, clock, security_log
):
    officer = partner_tree["officer"]
    password_login(client, officer)
    for url in (DASHBOARD, "/admin/pages/", reverse("wagtailadmin_account")):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == with_next("accounts:setup", url)

    page = client.get(with_next("accounts:setup"))
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    body = page.content.decode()
    assert '<svg role="img"' in body and "<title>Code QR" in body  # inline, named
    device = TOTPDevice.objects.get(user=officer, confirmed=False)
    secret = re.search(r'id="two-factor-secret">([A-Z2-7 ]+)<', body).group(1)
    assert b32decode(secret.replace(" ", "")) == device.bin_key  # the key in text, for those who cannot scan
    # Reloading keeps the same secret: the app already scanned still works.
    assert secret in client.get(with_next("accounts:setup")).content.decode()
    assert TOTPDevice.objects.filter(user=officer).count() == 1

    response = client.post(reverse("accounts:setup"), {"code": app_code(device), "next": DASHBOARD})
    assert response.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.content.decode())
    assert len(codes) == 10
    assert sorted(codes) == sorted(StaticToken.objects.filter(device__user=officer).values_list("token", flat=True))
    assert "ils ne seront plus jamais affichés" in response.content.decode()
    assert f'href="{DASHBOARD}"' in response.content.decode()
    assert TOTPDevice.objects.get(user=officer).confirmed
    assert client.get(DASHBOARD).status_code == 200
    assert events.ENROLLED in security_log.events()


def test_a_superuser_with_an_app_is_asked_for_a_code_after_the_password(
    client, superuser, required, clock, security_log
):
    device, _codes = enrol(superuser)
    password_login(client, superuser)
    response = client.get("/admin/pages/?ordering=title")
    assert response.status_code == 302
    assert response["Location"] == with_next("accounts:verify", "/admin/pages/?ordering=title")
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert 'name="next" value="/admin/pages/?ordering=title"' in page.content.decode()

    response = client.post(reverse("accounts:verify"), {"code": app_code(device), "next": "/admin/pages/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get(DASHBOARD).status_code == 200
    assert events.VERIFIED in security_log.events()


def test_a_superuser_without_an_app_is_sent_to_set_up(client, superuser, required):
    client.force_login(superuser)
    assert client.get(DASHBOARD)["Location"] == with_next("accounts:setup")


def test_a_partner_is_offered_two_factor_and_once_enrolled_is_asked_too(client, partner_tree, required, clock):
    partner = partner_tree["user_a"]
    password_login(client, partner)
    dashboard = client.get(DASHBOARD)
    assert dashboard.status_code == 200  # not forced
    assert reverse("accounts:setup") in dashboard.content.decode()  # but offered on its dashboard
    account = client.get(reverse("wagtailadmin_account")).content.decode()
    assert reverse("accounts:overview") in account

    setup = client.get(reverse("accounts:setup"))
    assert setup.status_code == 200
    device = TOTPDevice.objects.get(user=partner)
    assert client.post(reverse("accounts:setup"), {"code": app_code(device)}).status_code == 200
    assert reverse("accounts:setup") not in client.get(DASHBOARD).content.decode()  # offer gone

    client.post(reverse("wagtailadmin_logout"))
    password_login(client, partner)
    assert client.get(DASHBOARD)["Location"] == with_next("accounts:verify")
    clock.shift(30)  # the app shows a new code
    response = client.post(reverse("accounts:verify"), {"code": app_code(device), "next": DASHBOARD})
    assert response["Location"] == DASHBOARD
    assert client.get(DASHBOARD).status_code == 200


def test_with_the_requirement_off_officers_are_not_asked_but_enrolled_accounts_are(client, partner_tree, settings):
    settings.TWO_FACTOR_REQUIRED = False
    client.force_login(partner_tree["officer"])
    assert client.get(DASHBOARD).status_code == 200
    enrol(partner_tree["officer"])
    assert client.get(DASHBOARD)["Location"] == with_next("accounts:verify")


def test_the_doors_stay_open_before_the_second_factor(client, partner_tree, required):
    client.force_login(partner_tree["officer"])
    for name in ("wagtailadmin_javascript_catalog", "wagtailadmin_sprite", "wagtailadmin_password_reset"):
        response = client.get(reverse(name))
        assert response.status_code == 200, name
    assert client.get(reverse("wagtailadmin_login")).status_code in (200, 302)
    assert "accounts" not in client.get(reverse("wagtailadmin_login")).get("Location", "")
    assert client.post(reverse("wagtailadmin_logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_public_pages_are_not_touched(client, partner_tree, required):
    client.force_login(partner_tree["officer"])
    response = client.get("/")
    assert response.status_code == 200
    assert not TOTPDevice.objects.exists()


@pytest.mark.parametrize(
    ("enrolled", "reason"),
    [(False, "two_factor_setup_required"), (True, "two_factor_verification_required")],
)
def test_the_admin_api_answers_a_json_403_with_the_reason(client, partner_tree, required, enrolled, reason):
    officer = partner_tree["officer"]
    if enrolled:
        enrol(officer)
    client.force_login(officer)
    response = client.get("/admin/api/main/pages/")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    payload = json.loads(response.content)
    assert payload["reason"] == reason
    assert payload["error"]


def test_the_admin_api_answers_once_verified(client, partner_tree, required, clock):
    officer = partner_tree["officer"]
    device, _codes = enrol(officer)
    client.force_login(officer)
    client.post(reverse("accounts:verify"), {"code": app_code(device)})
    assert client.get("/admin/api/main/pages/").status_code == 200


# --- codes ---------------------------------------------------------------------------------


def test_a_wrong_code_shows_an_error_and_keeps_everything(client, partner_tree, required, clock, security_log):
    officer = partner_tree["officer"]
    device, codes = enrol(officer)
    client.force_login(officer)
    right = app_code(device)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    response = client.post(reverse("accounts:verify"), {"code": wrong, "next": "/admin/pages/"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Ce code ne correspond pas" in body
    assert 'name="next" value="/admin/pages/"' in body
    assert f'value="{wrong}"' not in body  # the field starts empty again
    assert client.get(DASHBOARD).status_code == 302  # still not verified
    assert TOTPDevice.objects.filter(user=officer, confirmed=True).count() == 1
    assert two_factor.recovery_codes_left(officer) == len(codes)
    assert events.VERIFICATION_FAILED in security_log.events()

    # django-otp's throttling: right after a wrong code, even the right one waits a second.
    throttled = client.post(reverse("accounts:verify"), {"code": right, "next": "/admin/pages/"})
    assert "Réessayez dans 1\xa0seconde" in throttled.content.decode()
    clock.shift(2)
    assert client.post(reverse("accounts:verify"), {"code": right})["Location"] == DASHBOARD


def test_an_empty_or_garbled_code_is_refused_with_a_message(client, partner_tree, required, clock):
    officer = partner_tree["officer"]
    enrol(officer)
    client.force_login(officer)
    assert "Saisissez le code." in client.post(reverse("accounts:verify"), {"code": ""}).content.decode()
    body = client.post(reverse("accounts:verify"), {"code": "pas-un-code"}).content.decode()
    assert "Ce code de secours n’est pas valable" in body


def test_a_recovery_code_works_once(client, partner_tree, required, clock, security_log):
    officer = partner_tree["officer"]
    _device, codes = enrol(officer)
    client.force_login(officer)
    # Typed as people copy them: upper case, a space in the middle.
    typed = f"{codes[3][:4].upper()} {codes[3][4:].upper()}"
    response = client.post(reverse("accounts:verify"), {"code": typed, "next": DASHBOARD}, follow=True)
    assert response.redirect_chain[-1][0] == DASHBOARD
    assert "il vous en reste 9" in response.content.decode()
    assert two_factor.recovery_codes_left(officer) == 9
    assert events.RECOVERY_CODE_USED in security_log.events()

    client.post(reverse("wagtailadmin_logout"))
    client.force_login(officer)
    clock.shift(5)
    refused = client.post(reverse("accounts:verify"), {"code": codes[3]})
    assert refused.status_code == 200
    assert "ne sert qu’une fois" in refused.content.decode()
    assert client.get(DASHBOARD).status_code == 302


def test_an_enrolled_account_cannot_set_up_another_app_before_its_code(client, partner_tree, required):
    """Someone with the password only must not replace the officer's app with their own."""
    officer = partner_tree["officer"]
    device, _codes = enrol(officer)
    client.force_login(officer)
    for url in (reverse("accounts:setup"), reverse("accounts:regenerate_codes"), reverse("accounts:overview")):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:verify"))
    response = client.post(reverse("accounts:setup"), {"code": "123456"})
    assert response["Location"].startswith(reverse("accounts:verify"))
    assert list(TOTPDevice.objects.filter(user=officer)) == [device]
    assert client.post(reverse("accounts:regenerate_codes")).status_code == 302
    assert two_factor.recovery_codes_left(officer) == 10


def test_new_recovery_codes_replace_the_old_ones(client, partner_tree, required, clock, security_log):
    officer = partner_tree["officer"]
    device, old = enrol(officer)
    client.force_login(officer)
    client.post(reverse("accounts:verify"), {"code": app_code(device)})
    assert client.get(reverse("accounts:regenerate_codes")).status_code == 200
    response = client.post(reverse("accounts:regenerate_codes"))
    assert response.status_code == 200
    new = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.content.decode())
    assert len(new) == 10
    assert not set(new) & set(old)
    assert set(StaticToken.objects.filter(device__user=officer).values_list("token", flat=True)) == set(new)
    assert events.RECOVERY_CODES_REGENERATED in security_log.events()


def test_a_new_phone_replaces_the_old_app(client, partner_tree, required, clock):
    officer = partner_tree["officer"]
    old, _codes = enrol(officer)
    client.force_login(officer)
    client.post(reverse("accounts:verify"), {"code": app_code(old)})
    page = client.get(reverse("accounts:setup")).content.decode()
    assert "remplacera l’ancien" in page
    new = TOTPDevice.objects.get(user=officer, confirmed=False)
    clock.shift(30)
    assert client.post(reverse("accounts:setup"), {"code": app_code(new)}).status_code == 200
    assert list(TOTPDevice.objects.filter(user=officer)) == [new]
    # The recovery codes page sent again (a reload) makes no new device and shows no new codes.
    again = client.post(reverse("accounts:setup"), {"code": app_code(new)})
    assert again["Location"] == reverse("accounts:overview")
    assert list(TOTPDevice.objects.filter(user=officer)) == [new]


def test_a_wrong_code_at_set_up_keeps_the_same_secret(client, partner_tree, required, clock, security_log):
    officer = partner_tree["officer"]
    client.force_login(officer)
    client.get(reverse("accounts:setup"))
    device = TOTPDevice.objects.get(user=officer)
    wrong = f"{(int(app_code(device)) + 7) % 1_000_000:06d}"
    response = client.post(reverse("accounts:setup"), {"code": wrong, "next": "/admin/pages/"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Ce code ne correspond pas" in body
    assert two_factor.secret_for_humans(device) in body
    assert 'name="next" value="/admin/pages/"' in body
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert events.ENROLMENT_FAILED in security_log.events()


def test_next_must_stay_on_this_site(client, partner_tree, required, clock):
    officer = partner_tree["officer"]
    device, _codes = enrol(officer)
    client.force_login(officer)
    response = client.post(reverse("accounts:verify"), {"code": app_code(device), "next": "https://evil.example/"})
    assert response["Location"] == DASHBOARD


# --- disable, reset --------------------------------------------------------------------------


def test_an_officer_cannot_disable_it(client, partner_tree, required, clock):
    officer = partner_tree["officer"]
    device, _codes = enrol(officer)
    client.force_login(officer)
    client.post(reverse("accounts:verify"), {"code": app_code(device)})
    assert reverse("accounts:disable") not in client.get(reverse("accounts:overview")).content.decode()
    response = client.post(reverse("accounts:disable"), follow=True)
    assert "ne peut pas être désactivée" in response.content.decode()
    assert TOTPDevice.objects.filter(user=officer).exists()


def test_a_partner_can_disable_it(client, partner_tree, required, clock, security_log):
    partner = partner_tree["user_a"]
    device, _codes = enrol(partner)
    client.force_login(partner)
    client.post(reverse("accounts:verify"), {"code": app_code(device)})
    assert reverse("accounts:disable") in client.get(reverse("accounts:overview")).content.decode()
    assert client.get(reverse("accounts:disable")).status_code == 200
    assert client.post(reverse("accounts:disable"))["Location"] == reverse("accounts:overview")
    assert not TOTPDevice.objects.filter(user=partner).exists()
    assert not StaticDevice.objects.filter(user=partner).exists()
    assert events.DEVICE_REMOVED in security_log.events()
    client.post(reverse("wagtailadmin_logout"))
    client.force_login(partner)
    assert client.get(DASHBOARD).status_code == 200


def test_reset_two_factor_command_removes_a_lost_phone(client, partner_tree, required, clock, security_log):
    officer = partner_tree["officer"]
    device, _codes = enrol(officer)
    client.force_login(officer)
    client.post(reverse("accounts:verify"), {"code": app_code(device)})
    assert client.get(DASHBOARD).status_code == 200

    output = _call("reset_two_factor", officer.username)
    assert "two-factor devices removed" in output
    assert "must set up a new app" in output
    assert not TOTPDevice.objects.filter(user=officer).exists()
    assert two_factor.recovery_codes_left(officer) == 0
    assert events.RESET in security_log.events()
    # The session's verification went with the device: the officer sets up a new app.
    assert client.get(DASHBOARD)["Location"] == with_next("accounts:setup")
    assert "no two-factor device" in _call("reset_two_factor", officer.username)
    with pytest.raises(CommandError, match="nobody"):
        _call("reset_two_factor", "nobody")


def _call(*args):
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


# --- the log ------------------------------------------------------------------------------


def test_authentication_events_are_logged_without_codes_or_secrets(client, partner_tree, required, clock, security_log):
    officer = partner_tree["officer"]
    wrong = client.post(
        reverse("wagtailadmin_login"), {"username": officer.username, "password": "mauvais"}, REMOTE_ADDR="203.0.113.9"
    )
    assert wrong.status_code == 200
    # A wrong password is axes' warning, not ours again.
    axes_lines = [record for record in security_log.records if record.name.startswith("axes")]
    assert any("login failure" in record.getMessage() for record in axes_lines)
    assert all(record.levelno >= logging.WARNING for record in axes_lines)
    assert security_log.events() == []

    client.post(
        reverse("wagtailadmin_login"), {"username": officer.username, "password": PASSWORD}, REMOTE_ADDR="203.0.113.9"
    )
    client.get(reverse("accounts:setup"))
    device = TOTPDevice.objects.get(user=officer)
    client.post(reverse("accounts:setup"), {"code": "000000"})
    clock.shift(2)
    code = app_code(device)
    client.post(reverse("accounts:setup"), {"code": code})
    recovery = list(StaticToken.objects.filter(device__user=officer).values_list("token", flat=True))
    client.post(reverse("accounts:regenerate_codes"))
    client.post(reverse("wagtailadmin_logout"))

    assert security_log.events() == [
        events.LOGIN,
        events.ENROLMENT_FAILED,
        events.ENROLLED,
        events.RECOVERY_CODES_REGENERATED,
        events.LOGOUT,
    ]
    login = next(record for record in security_log.records if getattr(record, "security_event", "") == events.LOGIN)
    assert login.getMessage() == f"login: account officer (id {officer.pk}) from 203.0.113.9"
    assert login.user_id == officer.pk
    text = security_log.text()
    for secret in (code, "000000", device.key, two_factor.secret_for_humans(device).replace(" ", ""), *recovery):
        assert secret not in text
    assert "mauvais" not in text


# --- settings ---------------------------------------------------------------------------------


def test_production_requires_two_factor_authentication(monkeypatch, settings):
    assert settings.TWO_FACTOR_REQUIRED is False  # the test settings, for the tests not about it
    monkeypatch.delenv("TWO_FACTOR_REQUIRED", raising=False)
    show = "from django.conf import settings; print(settings.TWO_FACTOR_REQUIRED)"
    assert _run_django("portal.settings.dev", show).stdout.strip() == "True"  # on by default
    env = {"SECRET_KEY": DUMMY_SECRET, "ALLOWED_HOSTS": "portail.example.org"}
    shown = _run_django("portal.settings.production", show, **env)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip() == "True"
    refused = _run_django("portal.settings.production", "pass", TWO_FACTOR_REQUIRED="false", **env)
    assert refused.returncode != 0
    assert "TWO_FACTOR_REQUIRED is off" in refused.stderr
    local = _run_django("portal.settings.dev", show, TWO_FACTOR_REQUIRED="false")
    assert local.stdout.strip() == "False", local.stderr


def test_middleware_order():
    from django.conf import settings

    order = settings.MIDDLEWARE
    assert (
        order.index("django.contrib.auth.middleware.AuthenticationMiddleware")
        < order.index("django_otp.middleware.OTPMiddleware")
        < order.index("accounts.middleware.TwoFactorMiddleware")
        < order.index("partners.middleware.PartnerAdminGuardMiddleware")
    )


# --- the partner allowlist ------------------------------------------------------------------------


def test_the_accounts_namespace_exists_and_is_open_to_partners(client, partner_tree, required, clock):
    """partners/allowlist.py reserved the namespace for this slice: every screen of it answers a
    partner (the sweep in tests/test_partner_allowlist.py requests them all as a partner too)."""
    from partners.allowlist import PARTNER_ALLOWED_NAMESPACES
    from tests.test_partner_allowlist import admin_patterns

    names = [name for _route, name in admin_patterns() if name and name.startswith("accounts:")]
    assert sorted(names) == sorted(
        ["accounts:overview", "accounts:setup", "accounts:verify", "accounts:regenerate_codes", "accounts:disable"]
    )
    assert "accounts" in PARTNER_ALLOWED_NAMESPACES
    partner = partner_tree["user_a"]
    device, _codes = enrol(partner)
    client.force_login(partner)
    client.post(reverse("accounts:verify"), {"code": app_code(device)})
    for name in names:
        response = client.get(reverse(name))
        assert response.status_code in (200, 302), name
        assert "n’est pas ouverte aux comptes partenaires" not in response.content.decode(), name
        if name == "accounts:verify":  # already verified: on to next, the dashboard
            assert response["Location"] == DASHBOARD
        else:
            assert response.status_code == 200, name


# --- outside the admin: a password without its code ------------------------------------


@pytest.fixture
def private_document(partner_tree):
    from django.core.files.base import ContentFile

    from wagtail.models import Collection

    from wagtail_factories import DocumentFactory

    from partners.roles import PRIVATE_COLLECTION

    document = DocumentFactory(collection=Collection.objects.get(name=PRIVATE_COLLECTION), title="Note")
    document.file.save("note.txt", ContentFile(b"Confidentiel"), save=True)
    return document


def body_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_private_document_asks_for_the_code_not_only_the_password(
    client, partner_tree, required, clock, private_document
):
    officer = partner_tree["officer"]
    officer.set_password(PASSWORD)
    officer.save()
    device, _codes = enrol(officer)
    password_login(client, officer)
    response = client.get(private_document.url)
    assert response.status_code == 302
    assert response["Location"] == with_next("accounts:verify", private_document.url)
    assert b"Confidentiel" not in body_of(response)

    response = client.post(reverse("accounts:verify"), {"code": app_code(device), "next": private_document.url})
    assert response["Location"] == private_document.url
    response = client.get(private_document.url)
    assert response.status_code == 200
    assert body_of(response) == b"Confidentiel"


def test_a_visitor_asking_for_a_private_document_is_sent_to_the_admin_login(client, private_document):
    response = client.get(private_document.url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login") + "?next=")


def test_outside_the_admin_a_password_without_its_code_signs_in_to_nothing(client, partner_tree, required):
    """No userbar (and no private page) for a session that has not given its code."""
    client.force_login(partner_tree["officer"])
    assert "wagtail-userbar" not in client.get("/").content.decode()
    client.get(DASHBOARD)  # sent to set-up: nothing else changes
    assert "wagtail-userbar" not in client.get("/").content.decode()


def test_a_verified_officer_keeps_the_userbar(client, partner_tree, settings):
    settings.TWO_FACTOR_REQUIRED = False  # not asked: signed in everywhere, as before
    client.force_login(partner_tree["officer"])
    assert "wagtail-userbar" in client.get("/").content.decode()


def test_the_login_screen_labels_the_password_in_french(client, db):
    body = client.get(reverse("wagtailadmin_login")).content.decode()
    assert ">Mot de passe<" in body.replace("\n", "").replace("  ", "").replace("> ", ">").replace(" <", "<")
    assert ">Password<" not in body.replace(" ", "")
