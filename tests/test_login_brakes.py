"""Brakes on the admin's doors (issue 14, finding 5): login lockout (django-axes) and password
reset limits (portal/throttle.py)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

import pytest
from axes.models import AccessAttempt, AccessFailureLog

PASSWORD = "le-bon-mot-de-passe-2018"


@pytest.fixture
def account(db, site_tree):
    return get_user_model().objects.create_user(
        "partenaire-test", email="partenaire@example.org", password=PASSWORD, is_staff=False
    )


def login(client, password, address="203.0.113.7", username="partenaire-test"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def logged_in(client):
    return "_auth_user_id" in client.session


def fail(client, times, **kwargs):
    for _ in range(times):
        response = login(client, "mauvais", **kwargs)
        assert not logged_in(client)
    return response


def test_wrong_passwords_lock_the_account_from_that_address_even_with_the_right_one(client, account):
    limit = settings.AXES_FAILURE_LIMIT
    assert fail(client, limit - 1).status_code == 200  # the form again, with its error
    response = login(client, "mauvais")
    assert response.status_code == 429
    response = login(client, PASSWORD)
    assert response.status_code == 429
    assert not logged_in(client)
    body = response.content.decode()
    assert "Connexion suspendue" in body
    assert f"Après {limit} mots de passe erronés" in body
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    assert f"Réessayez dans {minutes}\xa0minutes" in body  # non-breaking space before the unit
    assert response["Retry-After"] == str(minutes * 60)
    assert reverse("wagtailadmin_password_reset") in body


def test_failures_are_recorded_with_account_and_address(client, account):
    fail(client, 3)
    attempt = AccessAttempt.objects.get()
    assert attempt.username == "partenaire-test"
    assert attempt.ip_address == "203.0.113.7"
    assert attempt.failures_since_start == 3
    assert AccessFailureLog.objects.filter(username="partenaire-test").count() == 3


def test_a_lockout_from_one_address_does_not_lock_the_account_elsewhere(client, account):
    fail(client, settings.AXES_FAILURE_LIMIT)
    assert login(client, PASSWORD).status_code == 429
    response = login(client, PASSWORD, address="198.51.100.20")
    assert response.status_code == 302
    assert logged_in(client)


def test_the_right_password_before_the_limit_resets_the_count(client, account):
    limit = settings.AXES_FAILURE_LIMIT
    fail(client, limit - 1)
    assert login(client, PASSWORD).status_code == 302
    client.logout()
    fail(client, limit - 1)
    assert login(client, PASSWORD).status_code == 302
    assert logged_in(client)


def test_lockout_page_in_english(rf, db):
    # The admin's sign-in pages are French for anonymous visitors (the site's first language,
    # LocaleMiddleware with an unprefixed default); the text is ready for English all the same.
    request = rf.get("/admin/login/")
    request.user = AnonymousUser()
    with translation.override("en"):
        body = render_to_string("accounts/locked_out.html", {"failure_limit": 5, "minutes": 15}, request=request)
    assert "Sign-in suspended" in body
    assert "After 5 wrong passwords" in body
    assert "Try again in 15 minutes." in body


def reset(client, email, address="203.0.113.7"):
    return client.post(reverse("wagtailadmin_password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_password_reset_mails_to_one_address_are_limited_without_saying_so(client, account):
    limit = settings.PASSWORD_RESET_LIMIT_PER_EMAIL
    for _ in range(limit):
        assert reset(client, "partenaire@example.org").status_code == 302
    assert len(mail.outbox) == limit
    # Same answer as before (the "check your e-mail" page), no new mail, whatever the case.
    response = reset(client, "Partenaire@Example.org", address="198.51.100.20")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_password_reset_done")
    assert len(mail.outbox) == limit


def test_password_reset_requests_from_one_address_are_limited(client, account):
    limit = settings.PASSWORD_RESET_LIMIT_PER_ADDRESS
    for number in range(limit):
        assert reset(client, f"inconnu{number}@example.org").status_code == 302
    response = reset(client, "partenaire@example.org")
    assert response.status_code == 429
    assert "Trop de demandes" in response.content.decode()
    assert response["Retry-After"] == "3600"
    assert not mail.outbox
    # Another address is not held back.
    assert reset(client, "partenaire@example.org", address="198.51.100.20").status_code == 302
    assert len(mail.outbox) == 1
