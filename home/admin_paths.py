"""Whether a request is for the Wagtail admin, and for its JSON APIs: the middlewares that guard
the admin (two-factor, partners) and the admin's CSP exception ask it, by path alone, before
anything loads the session (which would add "Vary: Cookie" to public answers)."""

from functools import cache

from django.urls import reverse


@cache
def admin_prefix():
    return reverse("wagtailadmin_home")


def is_admin_request(request):
    return request.path.startswith(admin_prefix())


def is_admin_api_request(request):
    """The admin's APIs (page explorer, choosers) answer JSON, refusals included."""
    return is_admin_request(request) and "/api/" in request.path_info
