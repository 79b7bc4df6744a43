"""Two-factor authentication in Chromium: an officer's first login sets up an authenticator app,
the next one asks for its code. The code is computed here from the key the page shows in text,
as an authenticator app would (django_otp.oath.TOTP); set-up and verify pass axe at 375 and
1280 pixels and are shot (``SCREENSHOTS_DIR``)."""

import re
import time
from base64 import b32decode

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from partners.roles import OFFICERS_GROUP
from tests.browser.conftest import assert_no_axe_violations, assert_no_horizontal_scroll, shoot

PASSWORD = "mot-de-passe-officier-2fa"


@pytest.fixture
def officer(demo_site, settings):
    settings.TWO_FACTOR_REQUIRED = True
    user = get_user_model().objects.create_user("officier-2fa", "officier-2fa@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=OFFICERS_GROUP))
    return user


def sign_in(page, base):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", "officier-2fa")
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_load_state()


def code_from_key(key_text, seconds_ahead=0):
    """What an authenticator app shows for the key typed from the page (base32, in groups)."""
    totp = TOTP(b32decode(key_text.replace(" ", "")))
    totp.time = time.time() + seconds_ahead
    return f"{totp.token():06d}"


def check_both_widths(page, name):
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert_no_axe_violations(page)
        assert_no_horizontal_scroll(page)
        shoot(page, f"{name}-{width}")


def test_officer_sets_up_an_app_at_first_login_then_gives_its_code(demo_site, officer, page_at):
    base = demo_site.url
    page = page_at(1280, 900)
    sign_in(page, base)

    # First login: the set-up screen, whatever was asked.
    assert "/admin/securite/activer/" in page.url
    page.get_by_role("heading", name="Activer la double authentification").wait_for()
    assert page.get_by_role("img", name=re.compile("Code QR")).is_visible()
    check_both_widths(page, "two-factor-setup")
    key = page.locator("#two-factor-secret").inner_text()
    page.get_by_label("Code à 6\u00a0chiffres").fill(code_from_key(key))
    page.get_by_role("button", name="Confirmer").click()
    page.wait_for_load_state()

    # The recovery codes, once, then the dashboard.
    page.get_by_role("heading", name="Vos codes de secours").wait_for()
    codes = page.get_by_role("list", name="Codes de secours").get_by_role("listitem")
    assert codes.count() == 10
    shoot(page, "two-factor-recovery-codes-1280")
    page.get_by_role("link", name="J’ai noté mes codes, continuer").click()
    page.wait_for_load_state()
    assert page.url == base + "/admin/"
    assert TOTPDevice.objects.get(user=officer).confirmed

    # Log out from the sidebar's account menu, then sign in again: the code is asked.
    page.get_by_role("button", name=re.compile("officier-2fa")).click()
    with page.expect_navigation():
        page.get_by_text("Se déconnecter", exact=True).click()
    sign_in(page, base)
    assert "/admin/securite/verifier/" in page.url
    page.get_by_role("heading", name="Code de vérification").wait_for()
    check_both_widths(page, "two-factor-verify")

    # A wrong code first: the error, and the form again.
    right = code_from_key(key, seconds_ahead=30)  # the app's next code: the first one is spent
    field = page.get_by_label("Code à 6\u00a0chiffres ou code de secours")
    field.fill(f"{(int(right) + 1) % 1_000_000:06d}")
    page.get_by_role("button", name="Vérifier").click()
    page.wait_for_load_state()
    assert page.get_by_text("Ce code ne correspond pas").is_visible()
    assert_no_axe_violations(page)
    shoot(page, "two-factor-verify-error-1280")
    time.sleep(1.1)  # django-otp's throttling: a second after a wrong code
    field.fill(right)
    page.get_by_role("button", name="Vérifier").click()
    page.wait_for_load_state()
    assert page.url == base + "/admin/"
