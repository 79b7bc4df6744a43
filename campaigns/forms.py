from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm


class FundingCampaignForm(WagtailAdminModelForm):
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
        # Read by the model's own frozen-results check, which runs right after.
        self.instance.correction_reason = cleaned_data.get("correction_reason") or ""
        return cleaned_data
