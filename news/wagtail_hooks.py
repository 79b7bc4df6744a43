from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, WorkflowState
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from campaigns.models import CallIndexPage, CallPage
from funding.models import FundingCampaign
from partners.roles import is_partner_only

from .models import NewsCategory, NewsIndexPage


class NewsCategoryViewSet(SnippetViewSet):
    model = NewsCategory
    icon = "tag"
    menu_label = _("Catégories")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "slug"]
    ordering = ["name"]


register_snippet(NewsCategoryViewSet)


def is_officer(user):
    """Someone who runs the portal: publishes pages and follows the campaigns (not a partner)."""
    return user.is_authenticated and user.has_perm("funding.view_fundingcampaign") and not is_partner_only(user)


class OfficerShortcutsPanel(Component):
    """The dashboard's first panel for officers: what they do most, one click away."""

    name = "officer_shortcuts"
    template_name = "news/admin/officer_shortcuts_panel.html"
    order = 40

    class Media:
        css = {"all": ["news/admin.css"]}

    def __init__(self, request):
        self.request = request

    def shortcuts(self):
        user = self.request.user
        locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
        in_language = {"locale": locale} if locale else {}
        shortcuts = []
        news_index = NewsIndexPage.objects.filter(**in_language).first()
        if news_index and news_index.permissions_for_user(user).can_add_subpage():
            shortcuts.append(
                (
                    _("Écrire une actualité"),
                    reverse("wagtailadmin_pages:add", args=("news", "newspage", news_index.pk)),
                    "edit",
                )
            )
        call = CallPage.objects.filter(**in_language).order_by("-edition_year", "-pk").first()
        if call:
            shortcuts.append(
                (
                    _("Lauréats de « %(call)s »") % {"call": call.title},
                    reverse("wagtailadmin_explore", args=(call.pk,)),
                    "group",
                )
            )
        calls = CallIndexPage.objects.filter(**in_language).first()
        if calls:
            explore = reverse("wagtailadmin_explore", args=(calls.pk,))
            shortcuts.append((_("Appels à projets"), explore, "folder-open-1"))
        if user.has_perm("funding.view_fundingcampaign"):
            viewset = FundingCampaign.snippet_viewset
            shortcuts.append((_("Collectes"), reverse(viewset.get_url_name("list")), "pick"))
        if user.has_perm("funding.change_fundingcampaign"):
            shortcuts.append((_("Importer les chiffres (CSV)"), reverse("funding_csv_import"), "upload"))
        waiting = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).count()
        shortcuts.append(
            (
                ngettext(
                    "À valider : %(count)s élément",
                    "À valider : %(count)s éléments",
                    waiting,
                )
                % {"count": waiting},
                reverse("wagtailadmin_reports:workflow"),
                "tasks",
            )
        )
        return shortcuts

    def get_context_data(self, parent_context=None):
        return {"shortcuts": self.shortcuts()}


@hooks.register("construct_homepage_panels")
def add_officer_shortcuts(request, panels):
    # Partners have their own dashboard (partners.wagtail_hooks): they never see this one.
    if is_officer(request.user):
        panels.insert(0, OfficerShortcutsPanel(request))
