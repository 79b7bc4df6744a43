from django.conf import settings
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.action_menu import CancelWorkflowMenuItem, SubmitForModerationMenuItem
from wagtail.admin.search import SearchArea
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import WorkflowState

from .models import PartnerPage
from .roles import is_partner_only, partner_accesses_for
from .text import language_version, long_date
from .views import invite_partner_view

# Admin menu entries a partner account may not open (partners/allowlist.py): the page explorer,
# reports, snippets, settings... Its profile is one click away on the dashboard, and the menu
# keeps only what leads to an allowlisted view: images, documents, its account.
PARTNER_MENU_ITEMS = {"images", "documents", "help"}


@hooks.register("register_admin_urls")
def register_partner_urls():
    return [path("partners/<id:page_id>/invite/", invite_partner_view, name="partners_invite")]


class InvitePartnerButton(PageMenuItem):
    label = _("Inviter un compte partenaire")
    icon_name = "user"
    priority = 90

    @property
    def url(self):
        return reverse("partners_invite", args=[self.page.pk])

    def is_shown(self, user):
        return self.page.specific_class is PartnerPage and self.page.permissions_for_user(user).can_publish()


@hooks.register("register_page_header_buttons")
def invite_header_button(page, user, view_name=None, next_url=None):
    yield InvitePartnerButton(page=page)


@hooks.register("register_page_listing_more_buttons")
def invite_listing_button(page, user, next_url=None):
    yield InvitePartnerButton(page=page)


def stale_translations(pages):
    """{page pk: sentence} for each translation whose text is older than the last change a person
    made to another language of the same profile (synchronised fields follow on their own)."""
    edited = [page for page in pages if page.latest_revision_id and page.latest_revision.user_id]
    if not edited:
        return {}
    fresh = max(edited, key=lambda page: page.latest_revision_created_at)
    notes = {}
    for page in pages:
        if page.pk == fresh.pk:
            continue
        stale_at = page.latest_revision_created_at or page.first_published_at
        if stale_at is None or stale_at >= fresh.latest_revision_created_at:
            continue
        same_day = long_date(stale_at) == long_date(fresh.latest_revision_created_at)
        if same_day:
            sentence = gettext(
                "%(stale)s n’a pas encore repris la modification de %(fresh)s du %(fresh_date)s : "
                "l’équipe de communication la mettra à jour."
            )
        else:
            sentence = gettext(
                "%(stale)s date du %(stale_date)s, avant la modification de %(fresh)s du %(fresh_date)s : "
                "l’équipe de communication la mettra à jour."
            )
        notes[page.pk] = capfirst(
            sentence
            % {
                "stale": language_version(page.locale.language_code),
                "stale_date": long_date(stale_at),
                "fresh": language_version(fresh.locale.language_code),
                "fresh_date": long_date(fresh.latest_revision_created_at),
            }
        )
    return notes


class MyProfilePanel(Component):
    """ "Mon profil" on a partner's dashboard: where to edit, where the last submission stands,
    the officer's request if any, and which language lags behind the last change."""

    name = "my_partner_profile"
    template_name = "partners/admin/my_profile_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        profiles = []
        for access in partner_accesses_for(self.user).select_related("group"):
            pages = sorted(
                access.pages().select_related("locale", "latest_revision"),
                key=lambda page: (page.locale.language_code != settings.LANGUAGE_CODE, page.locale.language_code),
            )
            stale = stale_translations(pages)
            for page in pages:
                state = page.workflow_states.order_by("-created_at").first()
                last_task = state.task_states.order_by("-started_at").first() if state else None
                profiles.append(
                    {
                        "page": page,
                        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                        "state": state,
                        "comment": last_task.get_comment() if last_task else "",
                        "has_draft": page.has_unpublished_changes,
                        "stale": stale.get(page.pk, ""),
                    }
                )
        return {"profiles": profiles}


@hooks.register("construct_homepage_panels")
def add_my_profile_panel(request, panels):
    if partner_accesses_for(request.user).exists():
        panels.insert(0, MyProfilePanel(request.user))


@hooks.register("construct_reports_menu")
def hide_reports_from_partners(request, menu_items):
    # Wagtail's workflow reports list every user who requested a moderation:
    # a partner must not see the other partners' accounts.
    if is_partner_only(request.user):
        menu_items[:] = []


@hooks.register("construct_page_chooser_queryset")
def partners_choose_among_live_pages(pages, request):
    # Linking to a page is fine, but the chooser must not reveal drafts (laureates before
    # their announcement, for example) to partner accounts.
    if is_partner_only(request.user):
        return pages.live()
    return pages


@hooks.register("construct_homepage_summary_items", order=100)  # after Wagtail adds its items
def hide_site_summary_from_partners(request, items):
    # "79 Pages" counts the whole site: a partner looks after one profile.
    if is_partner_only(request.user):
        items[:] = []


@hooks.register("construct_main_menu", order=100)
def partners_menu(request, menu_items):
    if is_partner_only(request.user):
        menu_items[:] = [item for item in menu_items if item.name in PARTNER_MENU_ITEMS]


class PartnerImageSearchArea(SearchArea):
    """The sidebar's search box searches the first search area shown, the page search (refused to
    partners); placed before it, for partner accounts only, the image search instead."""

    def is_shown(self, request):
        return is_partner_only(request.user)


@hooks.register("register_admin_search_area")
def partner_image_search_area():
    return PartnerImageSearchArea(
        _("Images"), reverse("wagtailimages:index"), name="partner-images", icon_name="image", order=0
    )


# --- the edit form of whoever needs an approval to publish (partner accounts) ----------------


class SendForReviewMenuItem(SubmitForModerationMenuItem):
    """Wagtail's "Submit to <workflow name>", worded for the person who submits."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page else None
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            context["label"] = gettext("Renvoyer pour validation")
        else:
            context["label"] = gettext("Envoyer pour validation")
        return context


class CancelSubmissionMenuItem(CancelWorkflowMenuItem):
    label = _("Annuler l’envoi pour validation")


@hooks.register("construct_page_action_menu")
def send_for_review_first(menu_items, request, context):
    """Who cannot publish gets "Envoyer pour validation" as the main button, not "Enregistrer le
    brouillon" with the submission behind the arrow (Wagtail pops the first item as the default),
    and "Annuler l’envoi pour validation" rather than "Annuler le workflow"."""
    page = context.get("page")
    if context.get("view") != "edit" or page is None:
        return
    if context["user_page_permissions_tester"].can_publish():
        return
    for position, item in enumerate(menu_items):
        if item.name == "action-cancel-workflow":
            menu_items[position] = CancelSubmissionMenuItem(order=item.order)
    submit = next((item for item in menu_items if item.name == "action-submit"), None)
    if submit is None:
        return
    menu_items.remove(submit)
    menu_items.insert(0, SendForReviewMenuItem(order=submit.order))


@hooks.register("after_edit_page")
def back_to_the_dashboard_after_submitting(request, page):
    """After "Envoyer pour validation", a partner lands on its dashboard, where the profile says
    it awaits validation (Wagtail would open the explorer, which partners do not use)."""
    if request.method == "POST" and request.POST.get("action-submit") and is_partner_only(request.user):
        return redirect("wagtailadmin_home")
    return None


@hooks.register("insert_global_admin_css")
def partner_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("partners/admin.css"))


@hooks.register("insert_editor_js")
def draftail_accessible_names():
    return format_html('<script src="{}"></script>', static("partners/draftail-label.js"))
