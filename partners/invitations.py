"""Partner onboarding: an account without a password, in the partner's group, and
Django's set-password link sent by email. Inviting twice never makes a second user.

An existing account is attached only if it is a plain account: never one with rights of its own
(staff, superuser, an officer, another partner's member, any other group, permissions given to
the account itself), which an officer's invitation would otherwise mix with a partner's."""

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
from django.utils.translation import gettext as _

from .models import PartnerAccess
from .roles import OFFICERS_GROUP, ensure_partner_group


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
    matches = list(User.objects.filter(email__iexact=email)[:2])
    if len(matches) > 1:
        raise ValidationError(
            _("Plusieurs comptes utilisent cette adresse : un administrateur doit d'abord les départager."),
            code="ambiguous",
        )
    user = matches[0] if matches else None
    created = user is None
    if not created:
        refuse_privileged_account(user, access)
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


def refuse_privileged_account(user, access):
    """Raises ValidationError when an existing account may not join this partner's group."""
    advice = _("Invitez une autre adresse pour ce partenaire.")
    if user.is_superuser:
        reason = _("Ce compte est un compte d'administration (superutilisateur).")
    elif user.is_staff:
        reason = _("Ce compte a le statut « équipe » de Django.")
    else:
        other_groups = list(user.groups.exclude(pk=access.group_id).order_by("name"))
        officers = [group for group in other_groups if group.name == OFFICERS_GROUP]
        partners = PartnerAccess.objects.filter(group__in=other_groups)
        if officers:
            reason = _("Ce compte appartient aux chargés de communication.")
        elif partners.exists():
            reason = _("Ce compte est déjà rattaché à un autre partenaire (groupe « %(group)s »).") % {
                "group": partners.select_related("group").first().group.name
            }
        elif other_groups:
            reason = _("Ce compte appartient déjà au groupe « %(group)s ».") % {"group": other_groups[0].name}
        elif user.user_permissions.exists():
            reason = _("Ce compte a des permissions qui lui sont propres.")
        else:
            return
    raise ValidationError(
        _("%(reason)s Il ne peut pas être rattaché à un partenaire. %(advice)s") % {"reason": reason, "advice": advice},
        code="privileged",
    )
