from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component

from partners.roles import is_partner_only

from .two_factor import is_enrolled


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    """ "Double authentification" on every account's page (tab "More actions")."""
    return {
        "url": reverse("accounts:overview"),
        "label": _("Double authentification"),
        "help_text": _("Un code de votre téléphone en plus du mot de passe ; codes de secours."),
    }


class TwoFactorOfferPanel(Component):
    """On a partner's dashboard while it has no authenticator: the offer, never an obligation."""

    name = "two_factor_offer"
    template_name = "accounts/two_factor/offer_panel.html"
    order = 60


@hooks.register("construct_homepage_panels")
def offer_two_factor_to_partners(request, panels):
    if is_partner_only(request.user) and not is_enrolled(request.user):
        panels.append(TwoFactorOfferPanel())


@hooks.register("insert_global_admin_css")
def two_factor_css():
    return format_html('<link rel="stylesheet" href="{}">', static("accounts/two_factor.css"))
