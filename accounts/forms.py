from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class CodeForm(forms.Form):
    """One code: the 6 digits the authenticator app shows (and, to verify, a recovery code)."""

    code = forms.CharField(
        label=_("Code à 6 chiffres"),
        max_length=32,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}),
        error_messages={"required": _("Saisissez le code.")},
    )


class VerifyForm(CodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        field.label = _("Code à 6 chiffres ou code de secours")
        field.help_text = _(
            "Le code affiché par votre application d’authentification, ou l’un de vos codes de secours."
        )
        # Recovery codes hold letters: no numeric keyboard here. The code is all this screen asks
        # for: the cursor starts there (on set-up it would scroll past the instructions).
        field.widget.attrs.pop("inputmode")
        field.widget.attrs["autofocus"] = True


class LoginForm(WagtailLoginForm):
    """Wagtail's login form with a label on the password field: Wagtail gives it none, so Django
    shows the field's name, "Password", in English on the French screen."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Mot de passe")
