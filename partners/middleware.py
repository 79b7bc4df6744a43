from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve

from wagtail.admin.localization import get_localized_response
from wagtail.documents import get_document_model
from wagtail.documents.permissions import permission_policy as document_permission_policy
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as image_permission_policy
from wagtail.models import Page

from home.admin_paths import is_admin_api_request, is_admin_request

from .allowlist import (
    ANY,
    CHOSEN_PAGES,
    LIVE_OR_OWN_PAGE,
    MEDIA_ID_KWARGS,
    OWN_DOCUMENT,
    OWN_IMAGE,
    OWN_PAGE,
    OWN_PAGE_SESSION,
    PAGE_ID_KWARGS,
    PARTNER_EXPLORER_VIEWS,
    REFUSAL_MESSAGE,
    rule_for,
)
from .display_names import viewing_as
from .roles import is_partner_only


class PartnerAdminGuardMiddleware:
    """A partner-only account reaches only the admin views of partners/allowlist.py.

    On top of Wagtail's own permission checks: any other admin URL answers 403 (JSON on the admin's
    APIs) before its view runs, so nothing it would show (titles of drafts, other accounts) is
    computed at all. While a partner's admin request runs, other accounts are shown under a name
    that is not their e-mail (partners/display_names.py).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The path first: public requests must not load the session (it would add "Vary: Cookie").
        user = getattr(request, "user", None) if is_admin_request(request) else None
        if user is None or not user.is_authenticated or not is_partner_only(user):
            return self.get_response(request)
        response = self._check(request, user)
        if response is not None:
            return response
        with viewing_as(user):
            return self.get_response(request)

    def _check(self, request, user):
        try:
            match = resolve(request.path_info)
        except Resolver404:
            raise Http404 from None
        rule = rule_for(match)
        if rule is None:
            if match.view_name in PARTNER_EXPLORER_VIEWS:
                return redirect("wagtailadmin_home")
            return self._refuse(request)
        if rule == ANY:
            return None
        if rule == CHOSEN_PAGES:
            return None if self._chosen_pages_allowed(request, user) else self._refuse(request)
        if rule in (OWN_IMAGE, OWN_DOCUMENT):
            return None if self._own_media(match, rule, user) else self._refuse(request)
        page = self._page(match, rule)
        if page is None:
            return self._refuse(request)
        if page.permissions_for_user(user).can_edit():
            return None
        if rule == LIVE_OR_OWN_PAGE and page.live and not page.get_view_restrictions().exists():
            return None
        return self._refuse(request)

    def _chosen_pages_allowed(self, request, user):
        try:
            ids = [int(value) for value in request.GET.getlist("id")]
        except (TypeError, ValueError, OverflowError):
            return False
        if not all(0 < value < 2**63 for value in ids):
            return False  # no such page (and SQLite cannot even compare with it)
        return all(self._live_or_own(page, user) for page in Page.objects.filter(pk__in=ids))

    @staticmethod
    def _live_or_own(page, user):
        if page.permissions_for_user(user).can_edit():
            return True
        return page.live and not page.get_view_restrictions().exists()

    def _page(self, match, rule):
        if rule == OWN_PAGE_SESSION:
            if (match.kwargs.get("app_label"), match.kwargs.get("model_name")) != ("wagtailcore", "page"):
                return None
            page_id = match.kwargs.get("object_id")
        elif rule in (OWN_PAGE, LIVE_OR_OWN_PAGE):
            page_id = next((match.kwargs[name] for name in PAGE_ID_KWARGS if name in match.kwargs), None)
            if page_id is None and match.args:
                page_id = match.args[0]
        else:  # a rule this middleware does not know refuses
            return None
        try:
            return Page.objects.filter(pk=int(page_id)).first()
        except (TypeError, ValueError, OverflowError):
            return None

    def _own_media(self, match, rule, user):
        model = get_image_model() if rule == OWN_IMAGE else get_document_model()
        policy = image_permission_policy if rule == OWN_IMAGE else document_permission_policy
        object_id = next((match.kwargs[name] for name in MEDIA_ID_KWARGS if name in match.kwargs), None)
        try:
            instance = model.objects.filter(pk=int(object_id)).first()
        except (TypeError, ValueError, OverflowError):
            return False
        return instance is not None and policy.user_has_any_permission_for_instance(
            user, ["change", "choose"], instance
        )

    def _refuse(self, request):
        # In the account's own admin language, as Wagtail's views answer (this runs before them).
        return get_localized_response(self._refusal, request)

    @staticmethod
    def _refusal(request):
        if is_admin_api_request(request):
            return JsonResponse({"error": str(REFUSAL_MESSAGE)}, status=403)
        # In the admin's own look, with the way back, rather than Django's bare "403 Forbidden".
        return render(request, "partners/admin/refused.html", {"message": REFUSAL_MESSAGE}, status=403)
