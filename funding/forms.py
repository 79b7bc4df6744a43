from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from babel.numbers import NumberFormatError, get_group_symbol, parse_decimal

from . import figures, platforms
from .models import MONEY, FundingCampaign


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


# --- one row of the CSV import ------------------------------------------------------

# The file's convention, never the officer's language: read the English way, "12,5" would be 125.
NUMBER_LOCALE = "fr"
GROUP_SYMBOL = get_group_symbol(NUMBER_LOCALE)  # U+202F, the narrow no-break space
MAX_AMOUNT = Decimal(10) ** (MONEY["max_digits"] - MONEY["decimal_places"])  # FundingCampaign.raised: 10^10 excluded
MAX_DONORS = 2**31 - 1  # a PositiveIntegerField on every database
# French formats: "01/02/2018" is the 1st of February. ISO forms are read before them.
FRENCH_DATE_FORMATS = ("%d/%m/%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S")

MISSING = _("Valeur manquante dans la colonne « %(column)s ».")
NOT_A_NUMBER = _("« %(value)s » n'est pas un nombre (colonne « %(column)s »).")
TOO_BIG = _("« %(value)s » est trop grand (colonne « %(column)s »).")


class CellMixin:
    """Every message may name the cell as written (``value``) and its column as headed (the label);
    a message of ``error_messages`` replaces Django's for the same code, wherever it was raised."""

    def clean(self, value):
        try:
            return super().clean(value)
        except ValidationError as errors:
            raise ValidationError(
                [
                    ValidationError(
                        self.error_messages.get(error.code, error.message),
                        code=error.code,
                        params={**(error.params or {}), "value": value, "column": self.label},
                    )
                    for error in errors.error_list
                ]
            ) from None


class TextCellField(CellMixin, forms.CharField):
    default_error_messages = {"required": MISSING}


class FrenchNumberMixin:
    """A number as French spreadsheets write it, read by Babel in strict mode: "6 110,50", with
    spaces, no-break spaces or narrow no-break spaces between thousands; "1900.5" too. Refused:
    "6.110,50" and "6,110.50" (which mark is the decimal one?), misplaced groups ("12 34")."""

    def parse_number(self, value):
        value = (value or "").strip()
        if not value:
            return None
        # Any space between digits stands for the group symbol; strict mode then checks where it stands.
        text = "".join(GROUP_SYMBOL if char.isspace() else char for char in value)
        text = text.replace("\u2212", "-").removeprefix("+")  # the typographic minus sign of some exports
        # Babel hands the text to Decimal, which would also read "1e3", "1_000", "NaN" or "Infinity".
        if not any(char.isalpha() or char == "_" for char in text):
            try:
                return parse_decimal(text, locale=NUMBER_LOCALE, strict=True)
            except NumberFormatError:
                pass
        raise ValidationError(self.error_messages["invalid"], code="invalid")


class AmountField(CellMixin, FrenchNumberMixin, forms.DecimalField):
    """An amount in euros as FundingCampaign.raised stores it: 2 decimals at most, below 10^10, not negative."""

    default_error_messages = {
        "required": MISSING,
        "invalid": NOT_A_NUMBER,
        "min_value": _("Le montant collecté ne peut pas être négatif."),
        "max_value": TOO_BIG,
        "max_decimal_places": _("« %(value)s » a plus de deux décimales (colonne « %(column)s »)."),
    }

    def __init__(self, **kwargs):
        places = MONEY["decimal_places"]
        super().__init__(min_value=0, max_value=MAX_AMOUNT - Decimal(10) ** -places, decimal_places=places, **kwargs)

    def to_python(self, value):
        return self.parse_number(value)


class DonorsField(CellMixin, FrenchNumberMixin, forms.IntegerField):
    """A whole number of donors, "1 200" included; "12,5" and "12,0" are not counts."""

    default_error_messages = {
        "required": MISSING,
        "invalid": NOT_A_NUMBER,
        "not_whole": _("« %(value)s » n'est pas un nombre entier de contributeurs."),
        "min_value": _("Le nombre de contributeurs ne peut pas être négatif."),
        "max_value": TOO_BIG,
    }

    def __init__(self, **kwargs):
        super().__init__(min_value=0, max_value=MAX_DONORS, **kwargs)

    def to_python(self, value):
        number = self.parse_number(value)
        if number is None:
            return None
        if number.as_tuple().exponent < 0:  # written with a decimal mark
            raise ValidationError(self.error_messages["not_whole"], code="not_whole")
        return int(number)


class MomentField(CellMixin, forms.DateTimeField):
    """14/10/2018, 14/10/2018 18:00[:00] or ISO (2018-10-14, 2018-10-14 18:00, with an offset or not),
    naive times read in the project's time zone; not after the form's ``now`` (its validator)."""

    input_formats = FRENCH_DATE_FORMATS
    default_error_messages = {
        "invalid": _("Date illisible : « %(value)s ». Formats acceptés : 2018-10-14, 2018-10-14 18:00 ou 14/10/2018."),
        "ambiguous_timezone": _(
            "L'heure de « %(value)s » est ambiguë ou n'existe pas dans le fuseau %(current_timezone)s "
            "(changement d'heure) : indiquez une autre heure."
        ),
        "max_value": _("La date « %(value)s » est dans le futur."),
    }

    def to_python(self, value):
        # The project's time zone, not the officer's admin preference: the same file means the same thing.
        with timezone.override(timezone.get_default_timezone()):
            return super().to_python(value)


class FiguresRowForm(forms.Form):
    """One data row of the CSV import, its cells keyed by column. ``labels``: the columns' names as
    the header writes them, for the messages; ``find_campaign(value)`` returns the one campaign it
    names or raises ValidationError; ``now``: the latest date a row may claim."""

    campaign = TextCellField()
    raised = AmountField()
    donors = DonorsField()
    date = MomentField(required=False)

    def __init__(self, data, *, labels, find_campaign, now):
        super().__init__(data)
        self.find_campaign = find_campaign
        for name, field in self.fields.items():
            field.label = labels.get(name, name)
        self.fields["date"].validators.append(MaxValueValidator(now))

    def clean_campaign(self):
        return self.find_campaign(self.cleaned_data["campaign"])
