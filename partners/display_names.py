"""Names a partner account sees for the other accounts, never their e-mail addresses.

Wagtail names a user by ``get_full_name()``, falling back to the username; invited partner
accounts have their e-mail address as username (partners/invitations.py), and so may officers.
While a partner's admin request runs (PartnerAdminGuardMiddleware sets the viewer), every other
account is named by its role instead: the officers and superusers as the communication team, the
partner's own colleagues by their full name if they gave one, anybody else as another partner
account (or another account). Every place Wagtail names a user (banners, history, revisions, workflow history,
comments, editing sessions) goes through ``get_full_name()``, so that is the one place changed.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

OFFICERS_NAME = _("L’équipe de communication")
COLLEAGUE_NAME = _("Un membre de votre équipe")
OTHER_PARTNER_NAME = _("Un autre compte partenaire")
OTHER_ACCOUNT_NAME = _("Un autre compte")

_viewer = ContextVar("partner_viewer", default=None)


@contextmanager
def viewing_as(user):
    token = _viewer.set({"user": user, "names": {}})
    try:
        yield
    finally:
        _viewer.reset(token)


def name_for_partner(viewer, user, own_full_name):
    """What ``viewer`` (a partner-only account) is shown for ``user``, another account."""
    from .roles import OFFICERS_GROUP, partner_accesses_for

    if user.is_superuser or user.groups.filter(name=OFFICERS_GROUP).exists():
        return str(OFFICERS_NAME)
    accesses = partner_accesses_for(user)
    if not accesses.exists():
        return str(OTHER_ACCOUNT_NAME)
    if not accesses.filter(group__in=viewer.groups.all()).exists():
        return str(OTHER_PARTNER_NAME)
    if own_full_name and "@" not in own_full_name:
        return own_full_name
    return str(COLLEAGUE_NAME)


def _shown_name(user, own_name):
    """``own_name`` outside a partner's request or for the partner itself, else its role name."""
    state = _viewer.get()
    if state is None or user.pk is None or user.pk == state["user"].pk:
        return own_name
    names = state["names"]
    if user.pk not in names:
        names[user.pk] = name_for_partner(state["user"], user, (user_full_name(user) or "").strip())
    return names[user.pk]


def install():
    """Wrap the user model's ``get_full_name`` and ``__str__`` (``{{ user }}`` in Wagtail's
    templates, e.g. the revert banner); called once, from PartnersConfig.ready."""
    global user_full_name
    user_model = get_user_model()
    original_full_name = user_model.get_full_name
    if getattr(original_full_name, "partner_display_name", False):
        return
    original_str = user_model.__str__
    user_full_name = original_full_name

    def get_full_name(self):
        return _shown_name(self, original_full_name(self))

    def __str__(self):
        return _shown_name(self, original_str(self))

    get_full_name.partner_display_name = True
    user_model.get_full_name = get_full_name
    user_model.__str__ = __str__


user_full_name = None
