from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from . import figures, platforms
from .models import FundingCampaign


class FundingCampaignForm(WagtailAdminModelForm):
    """The officers' campaign form: saving goes through the figures service with the reason typed here."""

    correction_reason = forms.CharField(
        label=_("Motif de la correction"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Obligatoire pour modifier les chiffres, l'objectif ou la fin d'une collecte terminée ; "
            "le motif est conservé dans l'historique."
        ),
    )

    def clean(self):
        cleaned_data = super().clean()
        stored = FundingCampaign.objects.filter(pk=self.instance.pk).first() if self.instance.pk else None
        values = {name: cleaned_data[name] for name in FundingCampaign.FROZEN_FIELDS if name in cleaned_data}
        for name, message in figures.frozen_errors(
            stored, values, reason=cleaned_data.get("correction_reason") or ""
        ).items():
            self.add_error(name, message)
        platform = cleaned_data.get("platform")
        if platform and not cleaned_data.get("funding_model"):
            default = platforms.get(platform).default_funding_model
            if default is None:
                self.add_error(
                    "funding_model", _("Choisissez le modèle de financement : cette plateforme n'en a pas par défaut.")
                )
            else:
                cleaned_data["funding_model"] = default
                self.instance.funding_model = default
        return cleaned_data

    def save(self, commit=True):
        campaign = super().save(commit=False)
        if commit:
            figures.save_campaign(campaign, reason=self.cleaned_data.get("correction_reason") or "")
        return campaign
