from django import forms
from django.utils.translation import gettext_lazy as _


class InvitePartnerForm(forms.Form):
    email = forms.EmailField(label=_("Adresse électronique de la personne à inviter"), max_length=254)
