from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from wagtail.models import Page

from .roles import is_partner_only

# Page admin views a partner account never needs, even on its own profile.
PARTNER_FORBIDDEN_VIEWS = {
    "add",
    "add_subpage",
    "preview_on_add",
    "copy",
    "move",
    "move_confirm",
    "set_page_position",
    "delete",
    "unpublish",
    "convert_alias",
    "set_privacy",
    "lock",
    "unlock",
}
PAGE_ID_KWARGS = ("page_id", "page_to_move_id", "parent_page_id")
# Browsing the page tree: a partner looks after one profile, reached from the dashboard. The
# explorer answers with the dashboard rather than an error (the breadcrumbs lead there), or with
# the page search (limited by Wagtail to what the user may explore) for the dashboard's search box.
PARTNER_EXPLORER_VIEWS = {"wagtailadmin_explore_root", "wagtailadmin_explore", "wagtailadmin_explore_results"}


class PartnerAdminGuardMiddleware:
    """Defence in depth for partner accounts, on top of Wagtail's own permission checks.

    - no admin reports (they list other users' accounts and activity, and Wagtail opens
      them to anyone who may edit one page);
    - no page admin view about a page the partner may not edit (a few Wagtail views,
      such as the workflow-cancellation modal, do not check it themselves);
    - none of the structural page actions, even on its own profile;
    - no page explorer: the dashboard (or the page search) instead.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self._admin_prefix = None

    def __call__(self, request):
        if self._admin_prefix is None:
            self._admin_prefix = reverse("wagtailadmin_home")
        # The path first: public requests must not load the session (it would add "Vary: Cookie").
        user = getattr(request, "user", None) if request.path.startswith(self._admin_prefix) else None
        if user is not None and user.is_authenticated and is_partner_only(user):
            response = self._check(request, user)
            if response is not None:
                return response
        return self.get_response(request)

    def _check(self, request, user):
        if request.path.startswith(self._admin_prefix + "reports/"):
            raise PermissionDenied
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        if match.view_name in PARTNER_EXPLORER_VIEWS:
            query = request.GET.get("q", "").strip()
            if query:
                return redirect(reverse("wagtailadmin_pages:search") + "?" + urlencode({"q": query}))
            return redirect("wagtailadmin_home")
        if match.namespace != "wagtailadmin_pages":
            return None
        if match.url_name in PARTNER_FORBIDDEN_VIEWS:
            raise PermissionDenied
        page_id = next((match.kwargs[name] for name in PAGE_ID_KWARGS if name in match.kwargs), None)
        if page_id is None and match.args:
            page_id = match.args[0]
        if page_id is None:
            return None
        page = Page.objects.filter(pk=page_id).first()
        if page is None or not page.permissions_for_user(user).can_edit():
            raise PermissionDenied
        return None
