"""CSV cells that a spreadsheet cannot run (OWASP "CSV injection").

Excel, LibreOffice and Google Sheets read a cell starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return as a formula: a laureate named ``=HYPERLINK("https://…","Cliquez")`` would
become a live link, or worse, on the officer's machine. Such a text cell gets a leading ``'``
(shown as text, not run). Numbers stay numbers: a value that is a plain number (``-12.50``) is
written as it is, whether it comes as a number or as the string of one."""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")


def neutralise(value):
    """``value`` made safe to write into a CSV cell."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS) or PLAIN_NUMBER.fullmatch(value):
        return value
    return "'" + value


def neutralise_row(row):
    """A dict of CSV cells, each neutralised."""
    return {key: neutralise(value) for key, value in row.items()}


def protect_wagtail_csv_exports():
    """Wagtail's admin exports (reports, site history, form submissions) write what editors typed,
    page titles included, into CSV cells as they are: neutralise every cell there too. (Its XLSX
    export already stores formula-like text as text.)"""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralises_formulas", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        value = original(self, field, value, export_format)
        return neutralise(value) if export_format == self.FORMAT_CSV else value

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
