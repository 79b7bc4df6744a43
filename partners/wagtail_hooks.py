from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem

from .models import PartnerPage
from .roles import is_partner_only, partner_accesses_for
from .views import invite_partner_view


@hooks.register("register_admin_urls")
def register_partner_urls():
    return [path("partners/<int:page_id>/invite/", invite_partner_view, name="partners_invite")]


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


class MyProfilePanel(Component):
    """ "Mon profil" on a partner's dashboard: where to edit, and where the last submission stands."""

    name = "my_partner_profile"
    template_name = "partners/admin/my_profile_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        profiles = []
        for access in partner_accesses_for(self.user).select_related("group"):
            pages = sorted(
                access.pages().select_related("locale"),
                key=lambda page: (page.locale.language_code != settings.LANGUAGE_CODE, page.locale.language_code),
            )
            for page in pages:
                state = page.workflow_states.order_by("-created_at").first()
                last_task = state.task_states.order_by("-started_at").first() if state else None
                profiles.append(
                    {
                        "page": page,
                        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                        "state": state,
                        "comment": last_task.comment if last_task else "",
                        "has_draft": page.has_unpublished_changes,
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
