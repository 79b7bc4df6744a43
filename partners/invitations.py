"""Partner onboarding: an account without a password, in the partner's group, and
Django's set-password link sent by email. Inviting twice never makes a second user."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .roles import ensure_partner_group


def set_password_url(user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("wagtailadmin_password_reset_confirm", args=[uid, token])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@transaction.atomic
def invite_partner(partner, email):
    """Returns (user, created). Raises ValidationError on a malformed address."""
    email = (email or "").strip().lower()
    validate_email(email)
    access = ensure_partner_group(partner)
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if created:
        if User.objects.filter(username__iexact=email).exists():
            raise ValidationError("A user with this username already exists.")
        user = User(username=email, email=email)
        user.set_unusable_password()
        user.save()
    user.groups.add(access.group)
    context = {
        "user": user,
        "partner": partner,
        "set_password_url": set_password_url(user),
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home"),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    subject = render_to_string("partners/emails/invitation_subject.txt", context).strip()
    body = render_to_string("partners/emails/invitation.txt", context)
    # The token only works once and expires (PASSWORD_RESET_TIMEOUT); the mail holds no password.
    transaction.on_commit(lambda: send_mail(subject, body, None, [user.email]))
    return user, created
