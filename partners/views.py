from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .forms import InvitePartnerForm
from .invitations import invite_partner
from .models import PartnerPage


def invite_partner_view(request, page_id):
    """Officers only (whoever may publish the profile): invite a partner account."""
    partner = get_object_or_404(PartnerPage, pk=page_id)
    if not partner.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    form = InvitePartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user, created = invite_partner(partner, form.cleaned_data["email"])
        except ValidationError as error:
            form.add_error("email", error)
        else:
            if created:
                message = _("Compte créé pour %(email)s : le lien pour choisir un mot de passe est envoyé.")
            else:
                message = _("%(email)s avait déjà un compte : il est rattaché au profil et le lien est renvoyé.")
            messages.success(request, message % {"email": user.email})
            return redirect(reverse("wagtailadmin_explore", args=[partner.get_parent().pk]))
    return TemplateResponse(
        request,
        "partners/admin/invite.html",
        {"form": form, "partner": partner, "page_title": _("Inviter un compte partenaire")},
    )
