"""The two-factor screens: overview, set-up, verify, new recovery codes, disable.

Set-up and verify show the login page's look while the account cannot use the admin yet, and
the admin's own look otherwise. Every screen is reached before the second factor (the middleware
lets the accounts namespace through), so each one checks what it needs itself: nothing but
verify is open to an enrolled account that has not given its code in this session.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from wagtail.admin.auth import require_admin_access

import django_otp
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice

from . import events, two_factor
from .forms import CodeForm, VerifyForm
from .qr import qr_svg

LOGIN_LAYOUT = "accounts/two_factor/layout_login.html"
ADMIN_LAYOUT = "accounts/two_factor/layout_admin.html"


def _next_url(request):
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def _with_next(name, next_url):
    return f"{reverse(name)}?{urlencode({'next': next_url})}"


def _layout(user):
    """The admin's look once the account may use the admin, the login page's before."""
    return ADMIN_LAYOUT if user.is_verified() or not two_factor.must_verify(user) else LOGIN_LAYOUT


def _needs_code(request):
    """An enrolled account that has not given its code in this session: to verify first."""
    if two_factor.is_enrolled(request.user) and not request.user.is_verified():
        return redirect(_with_next("accounts:verify", request.get_full_path()))
    return None


def _refuse(form, message):
    """The error on the field, which starts empty again: an app's code is only good for a moment."""
    form.add_error("code", message)
    form.data = form.data.copy()
    form.data["code"] = ""


def _render(request, template, context, status=200):
    # Every view is never_cache (no-store): codes and secrets stay out of every cache.
    return render(request, template, {"layout": _layout(request.user), **context}, status=status)


@require_admin_access
@never_cache
def overview(request):
    if (refused := _needs_code(request)) is not None:
        return refused
    user = request.user
    return _render(
        request,
        "accounts/two_factor/overview.html",
        {
            "title": _("Double authentification"),
            "enrolled": two_factor.is_enrolled(user),
            "required": two_factor.is_required(user),
            "codes_left": two_factor.recovery_codes_left(user),
        },
    )


@require_admin_access
@require_http_methods(["GET", "POST"])
@never_cache
def setup(request):
    """The QR code and the secret in text, a code to confirm, then the recovery codes, once."""
    if (refused := _needs_code(request)) is not None:
        return refused
    user = request.user
    next_url = _next_url(request)
    replacing = two_factor.is_enrolled(user)
    if request.method == "POST" and replacing and not two_factor.has_pending_device(user):
        # The recovery codes page sent again (a reload): the set-up is done, nothing to confirm.
        return redirect("accounts:overview")
    device = two_factor.pending_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            two_factor.check(device, two_factor.normalise(form.cleaned_data["code"]))
        except two_factor.Refused as refusal:
            _refuse(form, refusal.message)
            events.record(events.ENROLMENT_FAILED, user, request, "throttled" if refusal.throttled else "")
        else:
            device.refresh_from_db()
            codes = two_factor.confirm(device)
            django_otp.login(request, device)
            events.record(events.ENROLLED, user, request, "replaced the earlier app" if replacing else "")
            return _render(
                request,
                "accounts/two_factor/recovery_codes.html",
                {"title": _("Vos codes de secours"), "codes": codes, "next": next_url, "first": True},
            )
    return _render(
        request,
        "accounts/two_factor/setup.html",
        {
            "title": _("Changer d’application d’authentification")
            if replacing
            else _("Activer la double authentification"),
            "form": form,
            "next": next_url,
            "qr": qr_svg(device.config_url),
            "secret": two_factor.secret_for_humans(device),
            "replacing": replacing,
            "required": two_factor.is_required(user),
        },
    )


@require_admin_access
@require_http_methods(["GET", "POST"])
@never_cache
def verify(request):
    """After the password: a code from the app or a recovery code."""
    user = request.user
    next_url = _next_url(request)
    if user.is_verified():
        return redirect(next_url)
    if not two_factor.is_enrolled(user):
        return redirect(_with_next("accounts:setup", next_url))
    form = VerifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = two_factor.verify(user, form.cleaned_data["code"])
        except two_factor.Refused as refusal:
            _refuse(form, refusal.message)
            events.record(events.VERIFICATION_FAILED, user, request, "throttled" if refusal.throttled else "")
        else:
            django_otp.login(request, device)
            if isinstance(device, StaticDevice):
                left = two_factor.recovery_codes_left(user)
                events.record(events.RECOVERY_CODE_USED, user, request, f"{left} left")
                if left:
                    message = _("Code de secours utilisé : il vous en reste %(count)s.") % {"count": left}
                else:
                    message = _("C’était votre dernier code de secours : créez-en de nouveaux maintenant.")
                messages.warning(request, message)
            else:
                events.record(events.VERIFIED, user, request)
            return redirect(next_url)
    return _render(
        request, "accounts/two_factor/verify.html", {"title": _("Code de vérification"), "form": form, "next": next_url}
    )


@require_admin_access
@require_http_methods(["GET", "POST"])
@never_cache
def regenerate_codes(request):
    """New recovery codes; the old ones stop working."""
    if (refused := _needs_code(request)) is not None:
        return refused
    user = request.user
    if not two_factor.is_enrolled(user):
        return redirect("accounts:setup")
    if request.method == "POST":
        codes = two_factor.new_recovery_codes(user)
        events.record(events.RECOVERY_CODES_REGENERATED, user, request)
        return _render(
            request,
            "accounts/two_factor/recovery_codes.html",
            {"title": _("Vos codes de secours"), "codes": codes, "next": reverse("accounts:overview"), "first": False},
        )
    return _render(
        request,
        "accounts/two_factor/regenerate.html",
        {"title": _("Nouveaux codes de secours"), "codes_left": two_factor.recovery_codes_left(user)},
    )


@require_admin_access
@require_http_methods(["GET", "POST"])
@never_cache
def disable(request):
    """Remove the authenticator and the recovery codes, for an account that need not use them."""
    if (refused := _needs_code(request)) is not None:
        return refused
    user = request.user
    if two_factor.is_required(user):
        messages.error(
            request, _("La double authentification est obligatoire pour ce compte : elle ne peut pas être désactivée.")
        )
        return redirect("accounts:overview")
    if not two_factor.is_enrolled(user):
        return redirect("accounts:overview")
    if request.method == "POST":
        two_factor.remove_devices(user)
        request.session.pop(DEVICE_ID_SESSION_KEY, None)
        events.record(events.DEVICE_REMOVED, user, request)
        messages.success(request, _("La double authentification est désactivée pour ce compte."))
        return redirect("accounts:overview")
    return _render(request, "accounts/two_factor/disable.html", {"title": _("Désactiver la double authentification")})
