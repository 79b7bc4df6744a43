"""Who must use a second factor, and the devices behind it (django-otp).

Each account has at most one confirmed TOTP device (an authenticator app) and one static device
holding its recovery codes. Superusers and communication officers must enrol when
``TWO_FACTOR_REQUIRED`` is on; anyone else (a partner) may, and once enrolled is asked too.
"""

import math
from base64 import b32encode

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from partners.roles import OFFICERS_GROUP

RECOVERY_CODE_COUNT = 10
DEVICE_NAME = "Application d’authentification"
RECOVERY_DEVICE_NAME = "Codes de secours"
TOTP_DIGITS = 6


def is_required(user):
    """Superusers and officers must use a second factor (unless TWO_FACTOR_REQUIRED is off)."""
    if not settings.TWO_FACTOR_REQUIRED or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=OFFICERS_GROUP).exists()


def is_enrolled(user):
    """The account has a confirmed authenticator app."""
    return user.is_authenticated and TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def must_verify(user):
    """The account must give a code before it uses the admin: required, or enrolled."""
    return is_required(user) or is_enrolled(user)


def owes_second_factor(user):
    """Signed in with the password, but not yet with the code the account must give."""
    return user.is_authenticated and not user.is_verified() and must_verify(user)


def has_pending_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=False).exists()


def pending_device(user):
    """The device being set up: the same one (same secret) until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False, digits=TOTP_DIGITS)
    return device


def secret_for_humans(device):
    """The device's secret as authenticator apps take it when typed: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


@transaction.atomic
def confirm(device):
    """Make ``device`` the account's authenticator (any older one goes) and give it fresh
    recovery codes; answers the codes, which are shown once."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user):
    """Replace the account's recovery codes by ``RECOVERY_CODE_COUNT`` new ones and answer them."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _index in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def remove_devices(user):
    """Forget the account's authenticator and recovery codes (disable, or a lost phone)."""
    removed = TOTPDevice.objects.filter(user=user).delete()[0]
    removed += StaticDevice.objects.filter(user=user).delete()[0]
    return removed


def normalise(code):
    return "".join(code.split()).replace("-", "").lower()


def is_app_code(code):
    return len(code) == TOTP_DIGITS and code.isdigit()


class Refused(Exception):
    """A code that was not accepted, with the reason to show."""

    def __init__(self, message, throttled=False):
        super().__init__(message)
        self.message = message
        self.throttled = throttled


WRONG_APP_CODE = _(
    "Ce code ne correspond pas. Vérifiez l’heure de votre téléphone et saisissez le code affiché maintenant."
)
WRONG_RECOVERY_CODE = _("Ce code de secours n’est pas valable (chaque code ne sert qu’une fois).")


def throttled_message(data):
    seconds = 1
    if data and data.get("locked_until"):
        seconds = max(1, math.ceil((data["locked_until"] - timezone.now()).total_seconds()))
    return ngettext(
        "Trop de codes erronés d’affilée. Réessayez dans %(seconds)s seconde.",
        "Trop de codes erronés d’affilée. Réessayez dans %(seconds)s secondes.",
        seconds,
    ) % {"seconds": seconds}


def _throttle_check(device):
    allowed, data = device.verify_is_allowed()
    if not allowed:
        raise Refused(throttled_message(data), throttled=True)


def check(device, code):
    """Verify ``code`` on ``device`` (django-otp throttles wrong codes: 1 s, 2 s, 4 s…)."""
    _throttle_check(device)
    with transaction.atomic():
        locked = type(device).objects.select_for_update().get(pk=device.pk)
        if locked.verify_token(code):
            return locked
    raise Refused(WRONG_APP_CODE if isinstance(device, TOTPDevice) else WRONG_RECOVERY_CODE)


def verify(user, code):
    """The device that accepts ``code`` (an app code or a recovery code), else ``Refused``."""
    code = normalise(code)
    if is_app_code(code):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    else:
        device = StaticDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        raise Refused(WRONG_APP_CODE if is_app_code(code) else WRONG_RECOVERY_CODE)
    return check(device, code)
