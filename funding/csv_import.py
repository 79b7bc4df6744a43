"""CSV import of campaign figures: check everything first, then import all rows or none.

``parse_figures_csv`` reads the file and builds the preview without writing anything;
``import_figures`` applies the rows through the figures service (``funding.figures``) inside
one transaction, so a single bad row leaves the database as it was. Between the two steps the
rows travel signed (``sign_rows``/``unsign_rows``): nothing is stored on the server."""

import csv
import datetime
import difflib
import io
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from . import figures
from .forms import FiguresRowForm
from .models import FROZEN_MESSAGE, FiguresSource, FundingCampaign, FundingSnapshot

SIGNING_SALT = "campaigns.funding.csv_import.preview"
PREVIEW_MAX_AGE = 60 * 60  # seconds: an older preview must be made again from the file

# Header names, English or French, lower-cased. "collecte" is the campaign, "collecté" the amount.
COLUMNS = {
    "campaign": "campaign",
    "collecte": "campaign",
    "raised": "raised",
    "collecté": "raised",
    "donors": "donors",
    "contributeurs": "donors",
    "date": "date",
}
REQUIRED_COLUMNS = ("campaign", "raised", "donors")

PK = re.compile(r"[0-9]{1,18}")


@dataclass
class RowError:
    """One problem, with the line of the file it comes from (None for the file as a whole)."""

    line: int | None
    message: str

    def __str__(self):
        if self.line is None:
            return self.message
        return _("Ligne %(line)s : %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class FiguresRow:
    line: int
    campaign: FundingCampaign
    raised: Decimal
    donors: int
    at: datetime.datetime | None = None  # None: recorded at the moment of the import
    # Filled by check_rows(): the figures the import will find just before this row.
    raised_before: Decimal | None = None
    donors_before: int | None = None
    refund: bool = False
    # Dated at or before the campaign's latest figures: recorded in its history only, the current
    # figures stay (``latest``: the latest figures' date); ``already``: the history holds it already.
    history: bool = False
    latest: datetime.datetime | None = None
    already: bool = False
    # Set on rows coming back from a preview: the campaign's state the preview was made from.
    expected: tuple | None = None

    def history_note(self):
        """What the preview says of a row going to the history only ("" for the others)."""
        if not self.history:
            return ""
        if self.already:
            message = _("Ligne %(line)s : déjà dans l'historique, rien ne change.")
        else:
            message = _(
                "Ligne %(line)s : antérieure aux derniers chiffres du %(date)s, enregistrée dans l'historique "
                "seulement."
            )
        return message % {"line": self.line, "date": figures.local_datetime(self.latest)}


def _by_line(error):
    return error.line or 0


def _messages(error):
    # A frozen change of both figures repeats the same message once per field.
    return " ".join(dict.fromkeys(str(message) for message in error.messages))


def _state(campaign):
    return (campaign.raised, campaign.donors, campaign.updated_at)


def _application_order(rows):
    """Date order within the file; rows without a date are recorded now, hence last."""
    now = timezone.now()
    return sorted(rows, key=lambda row: (row.at or now, row.line))


def _stale_error(row):
    return RowError(
        row.line,
        _("Les chiffres de la collecte « %(name)s » ont changé depuis l'aperçu : déposez à nouveau le fichier.")
        % {"name": row.campaign.name},
    )


# --- reading the file -------------------------------------------------------


def _decode(data):
    try:
        return data.decode("utf-8-sig")  # the BOM that spreadsheets add is dropped
    except UnicodeDecodeError:
        return None


def _delimiter(text):
    """French spreadsheets export ";" (the comma is their decimal mark): the header tells which."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    return ";" if header.count(";") > header.count(",") else ","


def _read_header(cells, line):
    """{column: (index, label as written)} and the header's errors."""
    columns, errors = {}, []
    for index, cell in enumerate(cells):
        label = unicodedata.normalize("NFC", cell).strip()
        if not label:
            continue
        column = COLUMNS.get(label.lower())
        if column is None:
            errors.append(RowError(line, _("Colonne inconnue : « %(column)s ».") % {"column": label}))
        elif column in columns:
            errors.append(RowError(line, _("Colonne en double : « %(column)s ».") % {"column": label}))
        else:
            columns[column] = (index, label)
    if not all(column in columns for column in REQUIRED_COLUMNS):
        # Probably no header at all: naming every cell of a data row as unknown would not help.
        message = _(
            "La première ligne doit nommer les colonnes campaign, raised, donors et, si besoin, date "
            "(ou collecte, collecté, contributeurs, date)."
        )
        return columns, [RowError(line, message)]
    return columns, errors


def _folded(text):
    """For comparing names: no case, no accents, single spaces."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(char for char in text if not unicodedata.combining(char)).split())


class _CampaignFinder:
    """Campaign by numeric id, platform identifier or exact name; one query per distinct value.
    Raises ValidationError when the value names no campaign, or more than one; an unknown value
    suggests the closest campaign name or identifier (difflib), all names read once."""

    def __init__(self):
        self.found = {}
        self.names = None

    def suggestion(self, value):
        if self.names is None:
            self.names = {}
            for name, external_id in FundingCampaign.objects.order_by("name").values_list("name", "external_id"):
                self.names.setdefault(_folded(name), name)
                if external_id:
                    self.names.setdefault(_folded(external_id), name)
        matches = difflib.get_close_matches(_folded(value), list(self.names), n=1, cutoff=0.6)
        return self.names[matches[0]] if matches else None

    def __call__(self, value):
        if value not in self.found:
            query = Q(external_id=value) | Q(name=value)
            if PK.fullmatch(value):
                query |= Q(pk=int(value))
            self.found[value] = list(FundingCampaign.objects.filter(query)[:5])
        campaigns = self.found[value]
        if not campaigns:
            suggestion = self.suggestion(value)
            if suggestion:
                raise ValidationError(
                    _("Collecte inconnue : « %(value)s ». Vouliez-vous dire « %(name)s » ?"),
                    params={"value": value, "name": suggestion},
                )
            raise ValidationError(_("Collecte inconnue : « %(value)s »."), params={"value": value})
        if len(campaigns) > 1:
            names = ", ".join(
                _("« %(name)s » (n° %(pk)s)") % {"name": campaign.name, "pk": campaign.pk} for campaign in campaigns
            )
            raise ValidationError(
                _("« %(value)s » désigne plusieurs collectes (%(campaigns)s) : indiquez le nom exact de la collecte."),
                params={"value": value, "campaigns": names},
            )
        return campaigns[0]


def _read_row(cells, columns, line, find_campaign, now):
    """A FiguresRow, or None and every problem of the line: the cells are checked by FiguresRowForm."""
    errors = []
    named = {index for index, _label in columns.values()}
    if any(cell.strip() for index, cell in enumerate(cells) if index not in named):
        # Typically "6110,50" unquoted in a comma-separated file: the row would shift silently.
        message = _(
            "Valeurs en trop, hors des colonnes de l'en-tête : vérifiez le séparateur et les virgules décimales."
        )
        errors.append(RowError(line, message))

    data = {column: cells[index].strip() if index < len(cells) else "" for column, (index, _label) in columns.items()}
    labels = {column: label for column, (_index, label) in columns.items()}
    form = FiguresRowForm(data, labels=labels, find_campaign=find_campaign, now=now)
    if form.is_valid() and not errors:
        values = form.cleaned_data
        row = FiguresRow(
            line=line, campaign=values["campaign"], raised=values["raised"], donors=values["donors"], at=values["date"]
        )
        return row, []
    errors.extend(RowError(line, message) for messages in form.errors.values() for message in messages)
    return None, errors


def _history_of(rows):
    """{(campaign pk, moment): {(raised, donors), ...}} already in the history at the moments of ``rows``."""
    moments = {row.at for row in rows}
    if not moments:
        return {}
    found = {}
    snapshots = FundingSnapshot.objects.filter(
        campaign_id__in={row.campaign.pk for row in rows}, recorded_at__in=moments
    ).values_list("campaign_id", "recorded_at", "raised", "donors")
    for pk, at, raised, donors in snapshots:
        found.setdefault((pk, at), set()).add((raised, donors))
    return found


def _check_history_row(row, found):
    """The error of a row going to the history only, or None (``row.already`` set if it is there)."""
    campaign = row.campaign
    there = found.get((campaign.pk, row.at), set())
    if (row.raised, row.donors) in there:
        row.already = True
        return None
    if there:
        message = _("L'historique de la collecte « %(name)s » contient déjà d'autres chiffres à cette date.")
        return RowError(row.line, message % {"name": campaign.name})
    if campaign.is_frozen(row.at) and (row.raised, row.donors) != (campaign.raised, campaign.donors):
        return RowError(row.line, str(FROZEN_MESSAGE))
    return None


def check_rows(rows):
    """Checks across rows, against the campaigns as they are now: duplicates, frozen results,
    refunds, rows older than a campaign's latest figures (history only) and, for rows coming
    back from a preview, campaigns changed since.

    Returns the rows that passed, with their figures before, refund and history flags, and the errors."""
    errors, kept, first_line = [], [], {}
    for row in rows:
        key = (row.campaign.pk, row.at)
        if key in first_line:
            message = _("La collecte « %(name)s » figure déjà ligne %(line)s avec la même date.")
            errors.append(RowError(row.line, message % {"name": row.campaign.name, "line": first_line[key]}))
        else:
            first_line[key] = row.line
            kept.append(row)

    latest = figures.latest_recorded_at({row.campaign.pk for row in kept})
    now = timezone.now()
    running, stale, checked, history = {}, set(), [], []
    for row in _application_order(kept):
        campaign = row.campaign
        first_of_campaign = campaign.pk not in running and campaign.pk not in stale
        if first_of_campaign and row.expected is not None and _state(campaign) != row.expected:
            stale.add(campaign.pk)
            errors.append(_stale_error(row))
        if campaign.pk in stale:
            continue
        stored = (campaign.raised, campaign.donors, latest.get(campaign.pk))
        raised, donors, latest_at = running.get(campaign.pk, stored)
        row.raised_before, row.donors_before = raised, donors
        if row.at is not None and latest_at is not None and row.at <= latest_at:
            # Never moves the current figures (nor their date) back: the history gets it, nothing else.
            row.history, row.latest, row.refund = True, latest_at, False
            history.append(row)
            continue
        row.refund = row.raised < raised
        frozen = figures.frozen_errors(campaign, {"raised": row.raised, "donors": row.donors})
        if frozen and (row.raised, row.donors) != (raised, donors):
            errors.append(RowError(row.line, " ".join(dict.fromkeys(str(message) for message in frozen.values()))))
            continue
        running[campaign.pk] = (row.raised, row.donors, row.at or now)
        checked.append(row)
    found = _history_of(history)
    for row in history:
        error = _check_history_row(row, found)
        if error:
            errors.append(error)
        else:
            checked.append(row)
    return sorted(checked, key=lambda row: row.line), sorted(errors, key=_by_line)


def parse_figures_csv(data):
    """Read an uploaded CSV (bytes) into (rows, errors); nothing is written.

    Only an empty error list means the rows may be imported."""
    text = _decode(data)
    if text is None:
        message = _(
            "Le fichier n'est pas en UTF-8 : enregistrez-le au format « CSV UTF-8 » depuis votre tableur, "
            "puis déposez-le à nouveau."
        )
        return [], [RowError(None, message)]
    empty = RowError(None, _("Le fichier est vide : il ne contient aucune ligne de chiffres."))
    if not text.strip():
        return [], [empty]

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    now = timezone.now()
    find_campaign = _CampaignFinder()
    columns, rows, errors = None, [], []
    line = 0
    try:
        for cells in reader:
            # A quoted value may span lines: a row starts right after the previous one ended.
            line, end = line + 1, reader.line_num
            if any(cell.strip() for cell in cells):
                if columns is None:
                    columns, header_errors = _read_header(cells, line)
                    if header_errors:
                        return [], header_errors
                else:
                    row, row_errors = _read_row(cells, columns, line, find_campaign, now)
                    errors.extend(row_errors)
                    if row is not None:
                        rows.append(row)
            line = end
    except csv.Error:
        errors.append(RowError(line + 1, _("Cette ligne n'est pas du CSV lisible.")))
    if not rows and not errors:
        return [], [empty]
    rows, cross_errors = check_rows(rows)
    return rows, sorted(errors + cross_errors, key=_by_line)


# --- from the preview to the confirmation ---------------------------------------


def sign_rows(rows):
    """The preview's rows and the campaigns' state it was made from, signed for a hidden field."""
    states = {}
    for row in rows:
        raised, donors, updated_at = _state(row.campaign)
        states[str(row.campaign.pk)] = [str(raised), donors, updated_at.isoformat() if updated_at else None]
    payload = {
        "rows": [
            [row.line, row.campaign.pk, str(row.raised), row.donors, row.at.isoformat() if row.at else None]
            for row in rows
        ],
        "states": states,
    }
    return signing.dumps(payload, salt=SIGNING_SALT, compress=True)


def unsign_rows(token):
    """The rows of a signed preview, checked again against the campaigns as they are now."""
    try:
        payload = signing.loads(token, salt=SIGNING_SALT, max_age=PREVIEW_MAX_AGE)
        pks = {pk for _line, pk, *_figures in payload["rows"]}
        campaigns = FundingCampaign.objects.in_bulk(pks)
        rows, errors = [], []
        for line, pk, raised, donors, at in payload["rows"]:
            if pk not in campaigns:
                errors.append(RowError(line, _("Collecte inconnue : « %(value)s ».") % {"value": pk}))
                continue
            expected_raised, expected_donors, expected_updated_at = payload["states"][str(pk)]
            expected = (
                Decimal(expected_raised),
                int(expected_donors),
                datetime.datetime.fromisoformat(expected_updated_at) if expected_updated_at else None,
            )
            rows.append(
                FiguresRow(
                    line=int(line),
                    campaign=campaigns[pk],
                    raised=Decimal(raised),
                    donors=int(donors),
                    at=datetime.datetime.fromisoformat(at) if at else None,
                    expected=expected,
                )
            )
    except (signing.BadSignature, KeyError, TypeError, ValueError, ArithmeticError):
        # Expired, tampered with, or from another version of this screen.
        return [], [RowError(None, _("L'aperçu a expiré ou a été modifié : déposez à nouveau le fichier."))]
    if not rows and not errors:
        return [], [RowError(None, _("Le fichier est vide : il ne contient aucune ligne de chiffres."))]
    rows, cross_errors = check_rows(rows)
    return rows, sorted(errors + cross_errors, key=_by_line)


# --- importing ------------------------------------------------------------------


class _RollBack(Exception):
    """Leaves the transaction once a row has failed: all rows or none."""


def _apply(campaign, row):
    if row.history:
        if not row.already:
            figures.record_history(campaign, raised=row.raised, donors=row.donors, source=FiguresSource.CSV, at=row.at)
        return
    frozen = campaign.is_frozen()
    if frozen and (campaign.raised, campaign.donors) == (row.raised, row.donors):
        return  # the file agrees with the final results: nothing to record, the source stays
    # An ended campaign is judged now, whatever date the row claims: a dated row must not slip
    # under the end of the collection and change its final results (no correction by CSV).
    figures.record_figures(
        campaign,
        raised=row.raised,
        donors=row.donors,
        source=FiguresSource.CSV,
        at=None if frozen else row.at,
        refund=row.raised < campaign.raised,
    )


def import_figures(rows):
    """Record every row through the figures service, campaign by campaign in date order.

    Returns the errors: empty when every row was imported; otherwise nothing was kept."""
    errors = []
    try:
        with transaction.atomic():
            # Locked: a sync or a webhook arriving meanwhile waits instead of interleaving with the file.
            campaigns = FundingCampaign.objects.select_for_update().in_bulk({row.campaign.pk for row in rows})
            seen, stale = set(), set()
            for row in _application_order(rows):
                campaign = campaigns.get(row.campaign.pk)
                if campaign is None:
                    errors.append(RowError(row.line, _("Collecte inconnue : « %(value)s ».") % {"value": row.campaign}))
                    continue
                if campaign.pk not in seen:
                    seen.add(campaign.pk)
                    if row.expected is not None and _state(campaign) != row.expected:
                        stale.add(campaign.pk)
                        errors.append(_stale_error(row))
                if campaign.pk in stale:
                    continue
                try:
                    with transaction.atomic():
                        _apply(campaign, row)
                except ValidationError as error:
                    campaign.refresh_from_db()  # the next rows of this campaign start from the stored figures
                    errors.append(RowError(row.line, _messages(error)))
            if errors:
                raise _RollBack
    except _RollBack:
        pass
    return sorted(errors, key=_by_line)
