"""CSV import, cell by cell: FiguresRowForm reads amounts with Babel (French, strict), whole
donor counts and dates in the project's time zone; the downloadable sample file parses cleanly."""

import datetime
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone, translation

import pytest

from funding.csv_import import import_figures, parse_figures_csv
from tests.factories import FundingCampaignFactory

pytestmark = pytest.mark.django_db

SAMPLE = "funding/exemple-import-chiffres.csv"


@pytest.fixture
def velo():
    return FundingCampaignFactory(name="Atelier vélo", external_id="atelier-velo", raised=Decimal("1000"), donors=10)


def parse(*lines, header="collecte;collecté;contributeurs;date"):
    return parse_figures_csv(("\n".join((header, *lines)) + "\n").encode())


def messages_of(errors):
    return [str(error) for error in errors]


def paris(*args):
    return timezone.make_aware(datetime.datetime(*args), timezone.get_default_timezone())


@pytest.mark.parametrize(
    ("cell", "amount"),
    [
        ("6 110,50", Decimal("6110.50")),
        ("6\u00a0110,50", Decimal("6110.50")),  # no-break space
        ("6\u202f110,50", Decimal("6110.50")),  # narrow no-break space, as Excel and LibreOffice write it
        ("1 234 567,5", Decimal("1234567.5")),
        ("6110,5", Decimal("6110.5")),
        ("1900.5", Decimal("1900.5")),  # a decimal point still reads as one
        ("+12", Decimal("12")),
        ("9 999 999 999,99", Decimal("9999999999.99")),
    ],
)
def test_amounts_read_the_french_way(velo, cell, amount):
    rows, errors = parse(f"atelier-velo;{cell};12;")
    assert errors == []
    assert rows[0].raised == amount


@pytest.mark.parametrize(
    "cell",
    [
        "6.110,50",  # which mark is the decimal one?
        "6,110.50",
        "12 34",  # a misplaced group: two numbers, or a typo
        "1 2 3",
        "10 000.50",  # French groups with an English decimal point
        "1e3",
        "1_000",
        "NaN",
        "Infinity",
        "12 €",
        "beaucoup",
    ],
)
def test_ambiguous_or_foreign_amounts_are_refused(velo, cell):
    rows, errors = parse(f"atelier-velo;{cell};12;")
    assert rows == []
    assert messages_of(errors) == [
        f"Ligne 2\u00a0: «\u00a0{cell}\u00a0» n'est pas un nombre (colonne «\u00a0collecté\u00a0»)."
    ]


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("\u22125", "Le montant collecté ne peut pas être négatif."),  # the typographic minus sign
        ("10 000 000 000", "«\u00a010 000 000 000\u00a0» est trop grand (colonne «\u00a0collecté\u00a0»)."),
        (
            "12,345",
            "«\u00a012,345\u00a0» a plus de deux décimales (colonne «\u00a0collecté\u00a0»).",
        ),  # the cell as written
    ],
)
def test_amount_limits(velo, cell, message):
    rows, errors = parse(f"atelier-velo;{cell};12;")
    assert messages_of(errors) == [f"Ligne 2\u00a0: {message}"]


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("12,0", "«\u00a012,0\u00a0» n'est pas un nombre entier de contributeurs."),
        ("2 147 483 648", "«\u00a02 147 483 648\u00a0» est trop grand (colonne «\u00a0Contributeurs\u00a0»)."),
        ("−3", "Le nombre de contributeurs ne peut pas être négatif."),
        ("douze", "«\u00a0douze\u00a0» n'est pas un nombre (colonne «\u00a0Contributeurs\u00a0»)."),
    ],
)
def test_donor_counts(velo, cell, message):
    rows, errors = parse(f"atelier-velo;100;{cell};", header="collecte;collecté;Contributeurs;date")
    assert messages_of(errors) == [f"Ligne 2\u00a0: {message}"]


def test_large_donor_count_with_groups(velo):
    rows, errors = parse("atelier-velo;100;2 147 483 647;")
    assert errors == []
    assert rows[0].donors == 2**31 - 1


@pytest.mark.parametrize(
    ("cell", "moment"),
    [
        ("14/10/2018", paris(2018, 10, 14)),
        ("14/10/2018 18:00", paris(2018, 10, 14, 18)),
        ("14/10/2018 18:00:30", paris(2018, 10, 14, 18, 0, 30)),
        ("2018-10-14", paris(2018, 10, 14)),
        ("2018-10-14T18:00", paris(2018, 10, 14, 18)),
        ("2018-10-14T16:00:00+00:00", paris(2018, 10, 14, 18)),  # an explicit offset is kept
    ],
)
def test_dates_in_the_project_time_zone_whatever_the_officers_own(velo, cell, moment):
    with timezone.override("America/New_York"):  # an admin's own time zone preference
        rows, errors = parse(f"atelier-velo;100;12;{cell}")
    assert errors == []
    assert rows[0].at == moment


@pytest.mark.parametrize("cell", ["27/10/2024 02:30", "31/03/2024 02:30"])
def test_times_the_clock_change_makes_ambiguous_or_skips_are_refused(velo, cell):
    rows, errors = parse(f"atelier-velo;100;12;{cell}")
    assert messages_of(errors) == [
        f"Ligne 2\u00a0: L'heure de «\u00a0{cell}\u00a0» est ambiguë ou n'existe pas "
        f"dans le fuseau {settings.TIME_ZONE} "
        "(changement d'heure)\u00a0: indiquez une autre heure."
    ]


def test_every_bad_cell_of_a_line_is_reported_in_column_order(velo):
    rows, errors = parse("inconnue;beaucoup;-1;hier", "atelier-velo;100;12;")
    assert [row.line for row in rows] == [3]  # parsed, but the view imports nothing while errors remain
    assert messages_of(errors) == [
        "Ligne 2\u00a0: Collecte inconnue\u00a0: «\u00a0inconnue\u00a0».",
        "Ligne 2\u00a0: «\u00a0beaucoup\u00a0» n'est pas un nombre (colonne «\u00a0collecté\u00a0»).",
        "Ligne 2\u00a0: Le nombre de contributeurs ne peut pas être négatif.",
        "Ligne 2\u00a0: Date illisible\u00a0: «\u00a0hier\u00a0». "
        "Formats acceptés\u00a0: 2018-10-14, 2018-10-14 18:00 ou 14/10/2018.",
    ]


def test_campaign_names_with_percent_signs_are_quoted_as_written(velo):
    rows, errors = parse("100 % vélo;100;12;")
    assert messages_of(errors) == ["Ligne 2\u00a0: Collecte inconnue\u00a0: «\u00a0100 % vélo\u00a0»."]


def test_cell_messages_are_translated(velo):
    with translation.override("en"):
        rows, errors = parse("atelier-velo;beaucoup;12,5;27/10/2024 02:30")
        assert messages_of(errors) == [
            "Line 2: “beaucoup” is not a number (“collecté” column).",
            "Line 2: “12,5” is not a whole number of donors.",
            f"Line 2: The time of “27/10/2024 02:30” is ambiguous or does not exist in the {settings.TIME_ZONE} "
            "time zone (clock change): give another time.",
        ]


# --- the sample file ------------------------------------------------------------------


def test_sample_file_is_linked_from_the_import_screen(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("officer", "officer@example.org", "pw"))
    html = client.get(reverse("funding_csv_import")).content.decode()
    assert f'href="{settings.STATIC_URL}{SAMPLE}"' in html
    assert "Télécharger le fichier d'exemple" in html


def test_sample_file_parses_and_imports_without_errors():
    data = Path(finders.find(SAMPLE)).read_bytes()
    text = data.decode("utf-8-sig")
    assert data.startswith(b"\xef\xbb\xbf")  # so that Excel opens it as UTF-8
    assert text.splitlines()[0] == "Collecte;Collecté;Contributeurs;Date"
    assert "," in text and "." not in text  # French decimal commas, no point anywhere
    # Campaigns whose first figures were entered before the sample's dated rows.
    opened = {"starts_at": paris(2018, 9, 1), "entered_at": paris(2018, 9, 1)}
    velo = FundingCampaignFactory(name="Atelier vélo solidaire", external_id="atelier-velo-solidaire", **opened)
    fablab = FundingCampaignFactory(name="Fablab du quartier", external_id="fablab-du-quartier", **opened)

    rows, errors = parse_figures_csv(data)

    assert errors == []
    assert [(row.campaign, row.raised, row.donors, row.at) for row in rows] == [
        (velo, Decimal("1250.50"), 32, paris(2018, 10, 1, 18)),
        (velo, Decimal("2480"), 57, None),
        (fablab, Decimal("6110.00"), 95, paris(2018, 10, 14)),
    ]
    assert import_figures(rows) == []
    velo.refresh_from_db()
    fablab.refresh_from_db()
    assert (velo.raised, velo.donors, fablab.raised, fablab.donors) == (Decimal("2480"), 57, Decimal("6110"), 95)
