from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from home.admin_paths import is_admin_api_request, is_admin_request

from .two_factor import is_enrolled, owes_second_factor

# Admin views an account reaches before its second factor: signing in and out, the password reset
# e-mails, the admin's own script catalogue and icons (the set-up and verify screens load them),
# and the accounts namespace itself (set-up, verify; its views check the rest themselves).
OPEN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}
OPEN_NAMESPACES = {"accounts"}

SETUP_NEEDED = _("La double authentification est obligatoire pour ce compte : activez-la d’abord.")
CODE_NEEDED = _("Saisissez le code de votre application d’authentification pour continuer.")


def signed_in_only_if_verified(user):
    """The user, or an anonymous one while it owes its second factor."""
    if not owes_second_factor(user):
        return user
    anonymous = AnonymousUser()
    anonymous.is_verified = lambda: False
    return anonymous


class TwoFactorMiddleware:
    """An account that must use a second factor reaches the admin only once verified.

    After django-otp's OTPMiddleware (which says whether this session gave a code) and before the
    partner guard. Every other admin URL sends it to the set-up screen (no authenticator yet) or to
    the verify screen, with ``next``; the admin's APIs answer a JSON 403 with the reason instead.
    Outside the admin, such a session is not signed in at all (private pages, the userbar), and a
    document asks for the code first: the officers' private collection is served there.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self._documents_prefix = None

    def __call__(self, request):
        if self._documents_prefix is None:
            self._documents_prefix = reverse("wagtaildocs_serve", args=[0, "f"]).removesuffix("0/f")
        if is_admin_request(request):
            return self._admin(request)
        # Public requests without a session are left alone: loading it would add "Vary: Cookie".
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)
        user = getattr(request, "user", None)
        if user is None:
            return self.get_response(request)
        if request.path.startswith(self._documents_prefix):
            if owes_second_factor(user):
                # A private document (the officers' collection) needs the code, not the password alone.
                return self._to_second_factor(request, user)
            return self.get_response(request)
        # Elsewhere a password without its code signs in to nothing (no private page, no userbar);
        # lazily, so that a page which never looks at the user (an embed) loads no session.
        request.user = SimpleLazyObject(lambda: signed_in_only_if_verified(user))
        return self.get_response(request)

    def _admin(self, request):
        user = getattr(request, "user", None)
        if user is None or not owes_second_factor(user) or self._is_open(request):
            return self.get_response(request)
        return self._to_second_factor(request, user)

    @staticmethod
    def _to_second_factor(request, user):
        enrolled = is_enrolled(user)
        if is_admin_api_request(request):
            reason, message = ("verification_required", CODE_NEEDED) if enrolled else ("setup_required", SETUP_NEEDED)
            return JsonResponse({"error": str(message), "reason": f"two_factor_{reason}"}, status=403)
        target = reverse("accounts:verify" if enrolled else "accounts:setup")
        return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")

    @staticmethod
    def _is_open(request):
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return True  # a 404 shows nothing
        return match.view_name in OPEN_VIEWS or bool(set(match.namespaces) & OPEN_NAMESPACES)
