"""CSV import of campaign figures: parsing, all-or-nothing import, frozen results, admin flow."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from funding.csv_import import import_figures, parse_figures_csv, sign_rows
from funding.models import FiguresSource, FundingCampaign, FundingSnapshot
from tests.factories import FundingCampaignFactory

pytestmark = pytest.mark.django_db

IMPORT_URL_NAME = "funding_csv_import"
LIST_URL_NAME = "wagtailsnippets_funding_fundingcampaign:list"


def ten_days_ago():
    return timezone.now() - datetime.timedelta(days=10)


# Their figures were entered ten days ago: the file's rows of the last days are newer.
@pytest.fixture
def velo():
    return FundingCampaignFactory(
        name="Atelier vélo", external_id="atelier-velo", raised=Decimal("1000"), donors=10, entered_at=ten_days_ago()
    )


@pytest.fixture
def fablab():
    return FundingCampaignFactory(
        name="Fablab solidaire", external_id="fablab", raised=Decimal("2000"), donors=30, entered_at=ten_days_ago()
    )


@pytest.fixture
def ended():
    return FundingCampaignFactory(
        name="Makers 2018",
        external_id="makers-2018",
        raised=Decimal("4200"),
        donors=60,
        starts_at=timezone.make_aware(datetime.datetime(2018, 9, 3, 9)),
        ends_at=timezone.make_aware(datetime.datetime(2018, 10, 14, 23, 59)),
        # Its last figures were entered just before the end.
        entered_at=timezone.make_aware(datetime.datetime(2018, 10, 14, 23, 30)),
    )


@pytest.fixture
def officer(django_user_model):
    return django_user_model.objects.create_superuser("officer", "officer@example.org", "pw")


def csv_bytes(*lines, encoding="utf-8"):
    return ("\n".join(lines) + "\n").encode(encoding)


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def local_midnight(day):
    return timezone.make_aware(datetime.datetime(day.year, day.month, day.day), timezone.get_default_timezone())


def history():
    return list(FundingSnapshot.objects.order_by("pk").values_list("campaign_id", "raised", "donors", "source"))


def messages_of(errors):
    return [str(error) for error in errors]


# --- parsing ------------------------------------------------------------------------


def test_good_file_imports_every_row_in_date_order_and_flags_the_refund(velo, fablab):
    three_days_ago = days_ago(3)
    data = csv_bytes(
        "campaign,raised,donors,date",
        "atelier-velo,1800,18,",  # no date: recorded at the import, after the dated row below
        f"{velo.pk},1500,15,{three_days_ago.isoformat()}",
        "Fablab solidaire,1900.5,29,",  # lower than 2000: a refund
    )
    rows, errors = parse_figures_csv(data)
    assert errors == []
    assert [(row.line, row.campaign.pk, row.raised, row.donors) for row in rows] == [
        (2, velo.pk, Decimal("1800"), 18),
        (3, velo.pk, Decimal("1500"), 15),
        (4, fablab.pk, Decimal("1900.5"), 29),
    ]
    # The preview shows each row against the figures the import will find just before it.
    assert [(row.raised_before, row.refund) for row in rows] == [
        (Decimal("1500"), False),
        (Decimal("1000"), False),
        (Decimal("2000"), True),
    ]

    before = timezone.now()
    assert import_figures(rows) == []

    velo.refresh_from_db()
    fablab.refresh_from_db()
    assert (velo.raised, velo.donors, velo.source) == (Decimal("1800"), 18, FiguresSource.CSV)
    assert (fablab.raised, fablab.donors, fablab.source) == (Decimal("1900.5"), 29, FiguresSource.CSV)
    dated, undated = velo.snapshots.filter(source=FiguresSource.CSV).order_by("recorded_at")
    assert (dated.raised, dated.recorded_at, dated.is_refund) == (
        Decimal("1500"),
        local_midnight(three_days_ago),
        False,
    )
    assert (undated.raised, undated.is_refund) == (Decimal("1800"), False)
    assert undated.recorded_at >= before
    refund = fablab.snapshots.get(source=FiguresSource.CSV)
    assert (refund.raised, refund.donors, refund.is_refund) == (Decimal("1900.5"), 29, True)


def test_one_bad_row_among_good_ones_names_its_line(velo, fablab):
    rows, errors = parse_figures_csv(
        csv_bytes("campaign,raised,donors", "atelier-velo,1800,18", "fablab,beaucoup,31", "fablab,2100,31")
    )
    assert messages_of(errors) == [
        "Ligne 3\u00a0: «\u00a0beaucoup\u00a0» n'est pas un nombre (colonne «\u00a0raised\u00a0»)."
    ]


def test_a_row_failing_at_import_rolls_every_row_back(velo, fablab):
    rows, errors = parse_figures_csv(csv_bytes("campaign,raised,donors", "atelier-velo,1800,18", "fablab,2500,31"))
    assert errors == []
    before = history()
    # Fablab ends between the preview and the import: its row fails, velo's row must not stay.
    FundingCampaign.objects.filter(pk=fablab.pk).update(
        starts_at=timezone.now() - datetime.timedelta(days=40), ends_at=timezone.now() - datetime.timedelta(days=1)
    )
    for row in rows:
        row.campaign.refresh_from_db()

    errors = import_figures(rows)

    assert [error.line for error in errors] == [3]
    assert "résultats sont figés" in errors[0].message
    assert history() == before
    velo.refresh_from_db()
    assert (velo.raised, velo.donors, velo.source) == (Decimal("1000"), 10, FiguresSource.MANUAL)


def test_latin1_file_gets_one_clear_error(velo):
    rows, errors = parse_figures_csv(
        csv_bytes("collecte;collecté;contributeurs", "Atelier vélo;1500;12", encoding="latin-1")
    )
    assert rows == []
    assert len(errors) == 1
    assert errors[0].line is None
    assert str(errors[0]).startswith("Le fichier n'est pas en UTF-8")


@pytest.mark.parametrize(
    "data", [b"", b"\xef\xbb\xbf", b"\n\n  \n", b"campaign,raised,donors\n", b"campaign;raised;donors\n;;\n"]
)
def test_empty_file_or_header_only(data):
    rows, errors = parse_figures_csv(data)
    assert rows == []
    assert len(errors) == 1
    assert str(errors[0]).startswith("Le fichier est vide")


def test_semicolons_french_headers_decimal_comma_and_spaces(velo):
    day = days_ago(2)
    data = "\ufeffCollecte;Collecté;Contributeurs;Date\r\n" + f"Atelier vélo;6\u00a0110,50;1 200;{day:%d/%m/%Y}\r\n"
    rows, errors = parse_figures_csv(data.encode())
    assert errors == []
    [row] = rows
    assert (row.campaign.pk, row.raised, row.donors, row.at) == (velo.pk, Decimal("6110.50"), 1200, local_midnight(day))

    assert import_figures(rows) == []
    velo.refresh_from_db()
    assert (velo.raised, velo.donors) == (Decimal("6110.50"), 1200)
    snapshot = velo.snapshots.latest("pk")
    assert (snapshot.source, snapshot.recorded_at) == (FiguresSource.CSV, local_midnight(day))


def test_iso_date_with_time_is_read_in_the_project_time_zone(velo):
    day = days_ago(1)
    rows, errors = parse_figures_csv(csv_bytes("campaign,raised,donors,date", f"atelier-velo,1100,11,{day} 18:00"))
    assert errors == []
    expected = timezone.make_aware(datetime.datetime(day.year, day.month, day.day, 18), timezone.get_default_timezone())
    assert rows[0].at == expected


@pytest.mark.parametrize(
    "row",
    [
        "makers-2018,5000,70,",  # recorded now, after the end
        "makers-2018,5000,70,2018-10-20",  # dated after the end and after the latest figures
    ],
)
def test_row_changing_an_ended_campaign_is_refused(ended, velo, row):
    before = history()
    rows, errors = parse_figures_csv(csv_bytes("campaign,raised,donors,date", "atelier-velo,1100,11,", row))
    assert [error.line for error in errors] == [3]
    assert "La collecte est terminée\u00a0: ses résultats sont figés." in errors[0].message
    assert [row.line for row in rows] == [2]
    assert history() == before


def test_row_confirming_the_final_results_of_an_ended_campaign_changes_nothing(ended):
    before = history()
    rows, errors = parse_figures_csv(csv_bytes("campaign,raised,donors", "makers-2018,4200,60"))
    assert errors == []
    assert import_figures(rows) == []
    ended.refresh_from_db()
    assert (ended.raised, ended.donors, ended.source) == (Decimal("4200"), 60, FiguresSource.MANUAL)
    assert history() == before


def test_frozen_results_are_refused_at_import_too(ended):
    # Rows built by hand, as if the preview had missed it: record_figures still refuses.
    rows, errors = parse_figures_csv(csv_bytes("campaign,raised,donors", "makers-2018,4200,60"))
    rows[0].raised = Decimal("5000")
    errors = import_figures(rows)
    assert [error.line for error in errors] == [2]
    assert "résultats sont figés" in errors[0].message
    ended.refresh_from_db()
    assert ended.raised == Decimal("4200")


def test_unknown_campaign(velo):
    rows, errors = parse_figures_csv(
        csv_bytes("campaign,raised,donors", "atelier-velo,1100,11", "Atelier inconnu,10,1")
    )
    # The nearest name is suggested; nothing near: the plain message.
    assert messages_of(errors) == [
        "Ligne 3\u00a0: Collecte inconnue\u00a0: «\u00a0Atelier inconnu\u00a0». "
        "Vouliez-vous dire «\u00a0Atelier vélo\u00a0»\u00a0?"
    ]
    rows, errors = parse_figures_csv(csv_bytes("campaign,raised,donors", "Zzz,10,1"))
    assert messages_of(errors) == ["Ligne 2\u00a0: Collecte inconnue\u00a0: «\u00a0Zzz\u00a0»."]


def test_unknown_campaign_suggests_by_identifier_and_ignores_case_and_accents(velo, fablab):
    rows, errors = parse_figures_csv(
        csv_bytes("campaign,raised,donors", "ATELIER VELO,1100,11", "fablob,10,1", "atelier-vlo,12,2")
    )
    assert rows == []
    assert [error.message for error in errors] == [
        f"Collecte inconnue\u00a0: «\u00a0{value}\u00a0». Vouliez-vous dire «\u00a0{name}\u00a0»\u00a0?"
        for value, name in (
            ("ATELIER VELO", "Atelier vélo"),
            ("fablob", "Fablab solidaire"),
            ("atelier-vlo", "Atelier vélo"),
        )
    ]


def test_unknown_names_are_compared_with_one_query(velo, fablab, django_assert_max_num_queries):
    lines = [f"inconnue {number},10,1" for number in range(20)]
    # One lookup per distinct value, one read of every name for the suggestions, nothing per row beyond.
    with django_assert_max_num_queries(22):
        rows, errors = parse_figures_csv(csv_bytes("campaign,raised,donors", *lines))
    assert len(errors) == 20


def test_negative_amount(velo):
    rows, errors = parse_figures_csv(csv_bytes("campaign,raised,donors", "atelier-velo,-5,11"))
    assert rows == []
    assert messages_of(errors) == ["Ligne 2\u00a0: Le montant collecté ne peut pas être négatif."]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("atelier-velo,,11", "Valeur manquante dans la colonne «\u00a0raised\u00a0»."),
        (",100,11", "Valeur manquante dans la colonne «\u00a0campaign\u00a0»."),
        ("atelier-velo,100", "Valeur manquante dans la colonne «\u00a0donors\u00a0»."),
        ("atelier-velo,100,-2", "Le nombre de contributeurs ne peut pas être négatif."),
        ('atelier-velo,100,"12,5"', "«\u00a012,5\u00a0» n'est pas un nombre entier de contributeurs."),
        ("atelier-velo,100,douze", "«\u00a0douze\u00a0» n'est pas un nombre (colonne «\u00a0donors\u00a0»)."),
        ("atelier-velo,100.123,12", "«\u00a0100.123\u00a0» a plus de deux décimales (colonne «\u00a0raised\u00a0»)."),
        ("atelier-velo,100,12,hier", "Date illisible\u00a0: «\u00a0hier\u00a0»."),
        ("atelier-velo,100,12,31/02/2018", "Date illisible\u00a0: «\u00a031/02/2018\u00a0»."),
        ("atelier-velo,100,12,2999-01-01", "La date «\u00a02999-01-01\u00a0» est dans le futur."),
    ],
)
def test_bad_values_are_reported_with_their_line(velo, line, message):
    rows, errors = parse_figures_csv(csv_bytes("campaign,raised,donors,date", "atelier-velo,1100,11,2018-01-01", line))
    assert rows == [] or [row.line for row in rows] == [2]
    assert len(errors) == 1
    assert str(errors[0]).startswith(f"Ligne 3\u00a0: {message}"), messages_of(errors)


def test_unquoted_decimal_comma_in_a_comma_file_is_not_shifted_silently(velo):
    rows, errors = parse_figures_csv(csv_bytes("campaign,raised,donors", "atelier-velo,6110,50,12"))
    assert rows == []
    assert [error.line for error in errors] == [2]
    assert errors[0].message.startswith("Valeurs en trop, hors des colonnes de l'en-tête")


def test_same_campaign_twice_with_the_same_date(velo):
    day = days_ago(1).isoformat()
    rows, errors = parse_figures_csv(
        csv_bytes("campaign,raised,donors,date", f"atelier-velo,1100,11,{day}", f"{velo.pk},1200,12,{day}")
    )
    assert messages_of(errors) == [
        "Ligne 3\u00a0: La collecte «\u00a0Atelier vélo\u00a0» figure déjà ligne 2 avec la même date."
    ]


def test_header_is_required():
    rows, errors = parse_figures_csv(csv_bytes("Atelier vélo,100,12"))
    assert [error.line for error in errors] == [1]
    assert "La première ligne doit nommer les colonnes" in errors[0].message
    rows, errors = parse_figures_csv(csv_bytes("campaign,raised,donors,notes", "x,1,1"))
    assert messages_of(errors) == ["Ligne 1\u00a0: Colonne inconnue\u00a0: «\u00a0notes\u00a0»."]


# --- admin --------------------------------------------------------------------------


def upload(client, data, name="chiffres.csv"):
    return client.post(reverse(IMPORT_URL_NAME), {"file": SimpleUploadedFile(name, data, content_type="text/csv")})


def test_user_without_the_permission_is_refused(client, django_user_model, velo):
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"))
    client.force_login(user)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200  # admin access, nothing more
    before = history()

    response = client.get(reverse(IMPORT_URL_NAME))
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response.url == reverse("wagtailadmin_home")
    response = upload(client, csv_bytes("campaign,raised,donors", "atelier-velo,1100,11"))
    assert response.status_code in (302, 403)
    rows, _errors = parse_figures_csv(csv_bytes("campaign,raised,donors", "atelier-velo,1100,11"))
    response = client.post(reverse(IMPORT_URL_NAME), {"rows": sign_rows(rows)})
    assert response.status_code in (302, 403)
    assert history() == before
    velo.refresh_from_db()
    assert velo.raised == Decimal("1000")


def test_preview_then_confirm(client, officer, velo, fablab):
    client.force_login(officer)
    listing = client.get(reverse(LIST_URL_NAME)).content.decode()
    assert reverse(IMPORT_URL_NAME) in listing
    page = client.get(reverse(IMPORT_URL_NAME))
    assert page.status_code == 200
    assert 'type="file"' in page.content.decode()
    before = history()

    response = upload(client, csv_bytes("campaign;raised;donors", "atelier-velo;1500;15", "fablab;1900;29"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Atelier vélo" in html and "Fablab solidaire" in html
    assert "Confirmer l'import" in html
    assert "<caption>2 lignes à importer</caption>" in html
    assert [row.refund for row in response.context["rows"]] == [False, True]
    assert html.count("<strong>remboursement</strong>") == 1
    assert history() == before  # a preview writes nothing
    token = response.context["form"].initial["rows"]
    assert f'value="{token}"' in html

    response = client.post(reverse(IMPORT_URL_NAME), {"rows": token})
    assert response.status_code == 302
    assert response.url == reverse(LIST_URL_NAME)
    assert [str(message) for message in get_messages(response.wsgi_request)] == ["2 lignes importées."]
    velo.refresh_from_db()
    fablab.refresh_from_db()
    assert (velo.raised, velo.donors, fablab.raised, fablab.donors) == (Decimal("1500"), 15, Decimal("1900"), 29)
    assert fablab.snapshots.get(source=FiguresSource.CSV).is_refund
    after = history()
    assert len(after) == len(before) + 2

    # The same confirmation sent twice (double click, back button) is refused, not imported again.
    response = client.post(reverse(IMPORT_URL_NAME), {"rows": token})
    assert response.status_code == 200
    assert any("ont changé depuis l'aperçu" in str(error) for error in response.context["errors"])
    assert history() == after


def test_bad_file_redisplays_the_form_with_every_error(client, officer, velo):
    client.force_login(officer)
    before = history()
    response = upload(
        client, csv_bytes("campaign,raised,donors", "atelier-velo,1500,15", "atelier-velo,-1,15", "inconnue,1,1")
    )
    assert response.status_code == 200
    errors = messages_of(response.context["errors"])
    assert errors == [
        "Ligne 3\u00a0: Le montant collecté ne peut pas être négatif.",
        "Ligne 4\u00a0: Collecte inconnue\u00a0: «\u00a0inconnue\u00a0».",
    ]
    page = BeautifulSoup(response.content, "html.parser")
    summary = page.select_one("section.help-critical")
    assert summary.find("h2").get_text(strip=True) == "2 erreurs\u00a0: rien n'a été importé."
    assert [item.get_text(strip=True) for item in summary.select("li")] == errors
    assert "Confirmer l'import" not in page.get_text()
    assert history() == before


def test_latin1_file_through_the_admin(client, officer, velo):
    client.force_login(officer)
    response = upload(client, csv_bytes("campaign,raised,donors", "Atelier vélo,1500,15", encoding="latin-1"))
    assert response.status_code == 200
    [error] = response.context["errors"]
    assert "n'est pas en UTF-8" in BeautifulSoup(response.content, "html.parser").get_text()
    assert error.line is None


def test_upload_form_checks_extension_and_size(client, officer):
    client.force_login(officer)
    response = upload(client, csv_bytes("campaign,raised,donors", "x,1,1"), name="chiffres.xlsx")
    assert response.context["form"].errors["file"]
    response = upload(client, b"campaign,raised,donors\n" + b"x" * (1024 * 1024), name="gros.csv")
    assert response.context["form"].errors["file"] == [
        "Le fichier dépasse 1 Mo\u00a0: découpez-le en plusieurs fichiers."
    ]
    response = client.post(reverse(IMPORT_URL_NAME), {})
    assert response.context["form"].errors["file"]


def test_tampered_or_foreign_preview_is_refused(client, officer, velo):
    client.force_login(officer)
    before = history()
    response = upload(client, csv_bytes("campaign,raised,donors", "atelier-velo,1500,15"))
    token = response.context["form"].initial["rows"]
    payload = signing.loads(token, salt="campaigns.funding.csv_import.preview")
    payload["rows"][0][2] = "999999"
    forged = [
        token[:-3] + ("AAA" if token[-3:] != "AAA" else "BBB"),  # the signature no longer matches
        signing.dumps(payload, compress=True),  # valid signature, but not with this feature's salt
        "",
    ]
    for value in forged:
        response = client.post(reverse(IMPORT_URL_NAME), {"rows": value})
        assert response.status_code == 200
        assert messages_of(response.context["errors"]) == [
            "L'aperçu a expiré ou a été modifié\u00a0: déposez à nouveau le fichier."
        ]
    assert history() == before
    velo.refresh_from_db()
    assert velo.raised == Decimal("1000")


def test_campaign_ending_between_preview_and_confirm_blocks_the_whole_file(client, officer, velo, fablab):
    client.force_login(officer)
    response = upload(client, csv_bytes("campaign,raised,donors", "atelier-velo,1500,15", "fablab,2500,35"))
    token = response.context["form"].initial["rows"]
    before = history()
    FundingCampaign.objects.filter(pk=fablab.pk).update(
        starts_at=timezone.now() - datetime.timedelta(days=40), ends_at=timezone.now() - datetime.timedelta(days=1)
    )
    response = client.post(reverse(IMPORT_URL_NAME), {"rows": token})
    assert response.status_code == 200
    [error] = response.context["errors"]
    assert error.line == 3 and "résultats sont figés" in error.message
    assert history() == before
    velo.refresh_from_db()
    assert velo.raised == Decimal("1000")


# --- rows older than a campaign's latest figures ----------------------------------------------


def at_day(days, hour=12):
    return timezone.make_aware(datetime.datetime.combine(days_ago(days), datetime.time(hour)))


def test_row_older_than_the_latest_figures_goes_to_the_history_only(velo):
    FundingCampaign.objects.filter(pk=velo.pk).update(updated_at=at_day(2))
    velo.snapshots.update(recorded_at=at_day(2))  # the latest figures: two days ago
    velo.refresh_from_db()
    rows, errors = parse_figures_csv(
        csv_bytes("campaign,raised,donors,date", f"atelier-velo,800,8,{days_ago(5)} 12:00", "atelier-velo,1200,12,")
    )
    assert errors == []
    old, new = rows
    assert (old.history, old.already, old.latest, old.refund) == (True, False, at_day(2), False)
    assert not new.history
    assert old.history_note().startswith("Ligne 2\u00a0: antérieure aux derniers chiffres du ")
    assert old.history_note().endswith(", enregistrée dans l'historique seulement.")
    assert new.history_note() == ""

    assert import_figures(rows) == []
    velo.refresh_from_db()
    # The undated row is the current figures; the old one sits in the history at its own date.
    assert (velo.raised, velo.donors, velo.source) == (Decimal("1200"), 12, FiguresSource.CSV)
    assert velo.updated_at > at_day(2)
    past = velo.snapshots.get(recorded_at=at_day(5))
    assert (past.raised, past.donors, past.source, past.is_correction) == (Decimal("800"), 8, FiguresSource.CSV, False)


def test_an_old_row_alone_never_moves_the_figures_or_their_date_back(velo):
    before = (velo.raised, velo.donors, velo.source, velo.updated_at, velo.last_sync_at)
    rows, errors = parse_figures_csv(csv_bytes("campaign,raised,donors,date", f"atelier-velo,5000,50,{days_ago(30)}"))
    assert errors == [] and rows[0].history
    assert import_figures(rows) == []
    velo.refresh_from_db()
    assert (velo.raised, velo.donors, velo.source, velo.updated_at, velo.last_sync_at) == before
    assert velo.snapshots.filter(recorded_at=local_midnight(days_ago(30)), raised=Decimal("5000")).exists()


def test_importing_the_same_file_twice_adds_nothing_the_second_time(velo):
    data = csv_bytes(
        "campaign,raised,donors,date", f"atelier-velo,1500,15,{days_ago(3)}", f"atelier-velo,1100,11,{days_ago(20)}"
    )
    rows, errors = parse_figures_csv(data)
    assert errors == [] and [row.history for row in rows] == [False, True]
    assert import_figures(rows) == []
    after = history()
    velo.refresh_from_db()
    state = (velo.raised, velo.donors, velo.updated_at)

    rows, errors = parse_figures_csv(data)
    assert errors == []
    assert [(row.history, row.already) for row in rows] == [(True, True), (True, True)]
    assert rows[0].history_note() == "Ligne 2\u00a0: déjà dans l'historique, rien ne change."
    assert import_figures(rows) == []
    assert history() == after
    velo.refresh_from_db()
    assert (velo.raised, velo.donors, velo.updated_at) == state


def test_old_row_contradicting_the_history_at_the_same_moment_is_refused(velo):
    FundingSnapshot.objects.create(
        campaign=velo, recorded_at=at_day(12, 18), raised=Decimal("700"), donors=7, source=FiguresSource.API
    )
    rows, errors = parse_figures_csv(
        csv_bytes("campaign,raised,donors,date", f"atelier-velo,999,9,{days_ago(12)} 18:00")
    )
    assert rows == []
    assert messages_of(errors) == [
        "Ligne 2\u00a0: L'historique de la collecte «\u00a0Atelier vélo\u00a0» "
        "contient déjà d'autres chiffres à cette date."
    ]


def test_old_rows_of_an_ended_campaign_fill_its_history_but_not_after_its_end(ended):
    correction = timezone.make_aware(datetime.datetime(2018, 11, 2, 10))
    FundingSnapshot.objects.filter(campaign=ended).update(recorded_at=correction)  # a later correction
    rows, errors = parse_figures_csv(
        csv_bytes(
            "campaign,raised,donors,date",
            "makers-2018,3000,40,2018-10-01",  # during the collection: history
            "makers-2018,3900,55,2018-10-20",  # after the end, different from the final results: refused
            "makers-2018,4200,60,2018-10-25",  # after the end, the final results: history
        )
    )
    assert [row.line for row in rows] == [2, 4]
    assert messages_of(errors) == [
        "Ligne 3\u00a0: La collecte est terminée\u00a0: ses résultats sont figés. "
        "Indiquez le motif de la correction pour les modifier."
    ]
    assert import_figures(rows) == []
    ended.refresh_from_db()
    assert (ended.raised, ended.donors) == (Decimal("4200"), 60)
    assert list(ended.snapshots.order_by("recorded_at").values_list("raised", flat=True)) == [
        Decimal("3000"),
        Decimal("4200"),
        Decimal("4200"),
    ]


def test_the_figures_service_refuses_backdated_current_figures(velo):
    from funding.figures import BackdatedFiguresError, record_figures, record_history

    latest = velo.snapshots.get().recorded_at
    with pytest.raises(BackdatedFiguresError):
        record_figures(velo, raised=Decimal("1"), donors=1, source=FiguresSource.CSV, at=latest)
    with pytest.raises(ValidationError):  # newer than the latest: current figures, not history
        record_history(velo, raised=Decimal("1"), donors=1, source=FiguresSource.CSV, at=timezone.now())
    velo.refresh_from_db()
    assert (velo.raised, velo.donors) == (Decimal("1000"), 10)
    snapshot = record_history(
        velo, raised=Decimal("900"), donors=9, source=FiguresSource.CSV, at=latest - datetime.timedelta(days=1)
    )
    assert snapshot.is_refund is False and snapshot.recorded_at < latest
    velo.refresh_from_db()
    assert (velo.raised, velo.donors, velo.source) == (Decimal("1000"), 10, FiguresSource.MANUAL)


def test_preview_and_message_say_which_rows_only_fill_the_history(client, officer, velo, fablab):
    client.force_login(officer)
    response = upload(
        client,
        csv_bytes("campaign;raised;donors;date", f"atelier-velo;900;9;{days_ago(20)}", "fablab;2100;31;"),
    )
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    notice = page.select_one("#csv-import-history").parent
    assert notice.find("h2").get_text(strip=True) == "Une ligne ne change pas les chiffres actuels"
    [item] = notice.select("li")
    assert item.get_text(strip=True).startswith("Ligne 2\u00a0: antérieure aux derniers chiffres du ")
    effects = [row.select("td")[-1].get_text(strip=True) for row in page.select("tbody tr")]
    assert effects == ["historique seulement", "chiffres actuels"]

    response = client.post(reverse(IMPORT_URL_NAME), {"rows": response.context["form"].initial["rows"]})
    assert response.status_code == 302
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "2 lignes importées. Une d'entre elles, antérieure aux derniers chiffres, complète seulement l'historique."
    ]
    velo.refresh_from_db()
    assert (velo.raised, velo.donors) == (Decimal("1000"), 10)


def test_import_screen_offers_the_sample_file_and_explains_the_columns(client, officer):
    client.force_login(officer)
    page = BeautifulSoup(client.get(reverse(IMPORT_URL_NAME)).content, "html.parser")
    link = page.select_one("a[download]")
    assert link["href"].endswith("funding/exemple-import-chiffres.csv")
    assert "exemple" in link.get_text().lower()
    columns = [row.select_one("th").get_text(" ", strip=True) for row in page.select("table.csv-columns tbody tr")]
    assert columns == ["campaign ou collecte", "raised ou collecté", "donors ou contributeurs", "date"]
