"""Admin screens of the CSV import: upload → preview → confirm, all rows or none."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import FileExtensionValidator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView

from .csv_import import import_figures, parse_figures_csv, sign_rows, unsign_rows
from .display import with_laureates

PERMISSION = "funding.change_fundingcampaign"
MAX_UPLOAD_SIZE = 1024 * 1024
LIST_URL_NAME = "wagtailsnippets_funding_fundingcampaign:list"


class FiguresCsvForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Fichier CSV"),
        help_text=gettext_lazy("Fichier .csv en UTF-8, 1 Mo au plus."),
        validators=[FileExtensionValidator(["csv"])],
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_SIZE:
            raise ValidationError(_("Le fichier dépasse 1 Mo : découpez-le en plusieurs fichiers."))
        return upload


class ConfirmImportForm(forms.Form):
    rows = forms.CharField(widget=forms.HiddenInput)


def _upload_page(request, form, errors=()):
    return TemplateResponse(
        request,
        "funding/admin/csv_import.html",
        {
            "form": form,
            "errors": list(errors),
            "page_title": _("Importer des chiffres de collecte"),
            "list_url": reverse(LIST_URL_NAME),
        },
    )


def _preview_page(request, rows):
    return TemplateResponse(
        request,
        "funding/admin/csv_import_preview.html",
        {
            "form": ConfirmImportForm(initial={"rows": sign_rows(rows)}),
            "rows": rows,
            "refunds": sum(row.refund for row in rows),
            "history_rows": [row for row in rows if row.history],
            "page_title": _("Importer des chiffres de collecte"),
            "page_subtitle": _("Aperçu"),
            "upload_url": reverse("funding_csv_import"),
        },
    )


def csv_import(request):
    """Officers only: figures for many campaigns at once, from a spreadsheet."""
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    if request.method != "POST":
        return _upload_page(request, FiguresCsvForm())
    if "rows" in request.POST:
        return _confirm(request)
    form = FiguresCsvForm(request.POST, request.FILES)
    if not form.is_valid():
        return _upload_page(request, form)
    rows, errors = parse_figures_csv(form.cleaned_data["file"].read())
    if errors:
        return _upload_page(request, form, errors)
    return _preview_page(request, rows)


def _confirm(request):
    # The signed rows are checked again: campaigns may have changed (or ended) since the preview.
    rows, errors = unsign_rows(request.POST.get("rows", ""))
    if not errors:
        errors = import_figures(rows)
    if errors:
        return _upload_page(request, FiguresCsvForm(), errors)
    count = len(rows)
    message = ngettext("%(count)s ligne importée.", "%(count)s lignes importées.", count) % {"count": count}
    history = sum(row.history for row in rows)
    if history:
        message += " " + ngettext(
            "Une d'entre elles, antérieure aux derniers chiffres, complète seulement l'historique.",
            "%(count)s d'entre elles, antérieures aux derniers chiffres, complètent seulement l'historique.",
            history,
        ) % {"count": history}
    messages.success(request, message)
    return redirect(LIST_URL_NAME)


class FundingCampaignIndexView(SnippetIndexView):
    """The campaign list, with the CSV import next to "Add"; laureates read in one query."""

    add_item_label = gettext_lazy("Ajouter une collecte")

    def get_base_queryset(self):
        return with_laureates(super().get_base_queryset())

    @cached_property
    def header_buttons(self):
        buttons = [*super().header_buttons]
        if self.request.user.has_perm(PERMISSION):
            buttons.append(
                # Default priority: after "Add", which sorts first by label in French and English alike.
                HeaderButton(_("Importer un CSV"), url=reverse("funding_csv_import"), icon_name="upload")
            )
        return buttons
