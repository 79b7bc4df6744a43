"""The officers' campaign screens: the chooser of a laureate's campaign (search, status,
laureate, creation in the modal), the laureate's figures panel, and the campaign list."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

import pytest
from bs4 import BeautifulSoup

from funding.chooser import CampaignCreationForm
from funding.display import status_label, sync_health
from funding.models import FiguresSource, FundingCampaign
from home.formatting import format_money
from tests.factories import FundingCampaignFactory, LaureatePageFactory

pytestmark = pytest.mark.django_db

CHOOSER = "wagtailsnippetchoosers_funding_fundingcampaign"
LIST_URL = "wagtailsnippets_funding_fundingcampaign:list"
NNBSP, NBSP = "\u202f", "\u00a0"


def soup(html):
    return BeautifulSoup(html, "html.parser")


def modal(response):
    """The HTML of a modal workflow response, and its step."""
    assert response.status_code == 200
    data = response.json()
    return soup(data.get("html") or data.get("htmlFragment") or ""), data


def rows_of(page):
    """{campaign name (its link): [cell texts]} of the listing table."""
    rows = {}
    for row in page.select("table.listing tbody tr"):
        key = row.select_one("td a") or row.select_one("td")
        rows[key.get_text(" ", strip=True)] = [cell.get_text(" ", strip=True) for cell in row.select("td")]
    return rows


@pytest.fixture
def officer_client(client, partner_tree):
    client.force_login(partner_tree["officer"])
    return client


@pytest.fixture
def campaigns(partner_tree):
    now = timezone.now()
    velo = FundingCampaignFactory(name="Atelier vélo", external_id="atelier-velo", raised=Decimal("2560"), donors=41)
    LaureatePageFactory(parent=partner_tree["call"], slug="velo", title="Le vélo réparé", campaign=velo)
    free = FundingCampaignFactory(
        name="Compost partagé",
        external_id="compost-kkbb",
        starts_at=now + datetime.timedelta(days=5),
        ends_at=now + datetime.timedelta(days=40),
    )
    missed = FundingCampaignFactory(
        name="Lampes en verre",
        external_id="",
        goal=Decimal("9000"),
        raised=Decimal("4320"),
        starts_at=now - datetime.timedelta(days=60),
        ends_at=now - datetime.timedelta(days=10),
        entered_at=now - datetime.timedelta(days=60),
    )
    return {"velo": velo, "free": free, "missed": missed, "sponsored": partner_tree["laureate"].campaign}


# --- what a campaign says of itself ------------------------------------------------------------


def test_amounts_have_their_currency_and_cents_in_both_languages():
    assert format_money(Decimal("2560"), cents=True) == f"2{NNBSP}560,00{NBSP}€"
    assert format_money(Decimal("0.5"), "CHF", cents=True) == f"0,50{NBSP}CHF"
    with translation.override("en"):
        assert format_money(Decimal("2560"), cents=True) == "€2,560.00"
    assert format_money(None, cents=True) == ""


def test_status_says_what_happened_to_the_money():
    now = timezone.now()
    past = {"starts_at": now - datetime.timedelta(days=60), "ends_at": now - datetime.timedelta(days=1)}
    upcoming = FundingCampaignFactory.build(starts_at=now + datetime.timedelta(days=1))
    live = FundingCampaignFactory.build()
    succeeded = FundingCampaignFactory.build(raised=Decimal("6000"), **past)
    missed = FundingCampaignFactory.build(raised=Decimal("10"), funding_model="all_or_nothing", **past)
    kept = FundingCampaignFactory.build(raised=Decimal("10"), funding_model="keep_what_you_raise", **past)
    cancelled = FundingCampaignFactory.build(cancelled=True)
    assert [str(status_label(campaign)) for campaign in (upcoming, live, succeeded, missed, kept, cancelled)] == [
        "à venir",
        "en cours",
        "réussie",
        "non financée, contributeurs remboursés",
        "terminée, objectif non atteint",
        "annulée, contributeurs remboursés",
    ]
    with translation.override("en"):
        assert str(status_label(missed)) == "not funded, contributors refunded"


def test_sync_health_tells_synced_stale_error_pending_and_manual_apart():
    now = timezone.now()
    synced = FundingCampaignFactory(last_sync_at=now - datetime.timedelta(minutes=5))
    stale = FundingCampaignFactory()  # live for ten days, never reached
    failed = FundingCampaignFactory(
        last_sync_at=now - datetime.timedelta(minutes=5), last_sync_error="Délai dépassé", last_sync_error_at=now
    )
    pending = FundingCampaignFactory(starts_at=now + datetime.timedelta(days=1))
    manual = FundingCampaignFactory(external_id="")
    FundingCampaign.objects.filter(pk=manual.pk).update(source=FiguresSource.CSV)
    manual.refresh_from_db()
    health = {name: sync_health(campaign, now) for name, campaign in locals().items() if name != "now"}
    assert {name: value.kind for name, value in health.items()} == {
        "synced": "synced",
        "stale": "stale",
        "failed": "error",
        "pending": "pending",
        "manual": "manual",
    }
    assert health["synced"].checked_at == synced.last_sync_at
    assert health["failed"].source == "Délai dépassé" and health["failed"].needs_attention
    assert health["stale"].needs_attention and not health["synced"].needs_attention
    assert str(health["manual"].label) == "import CSV" and health["manual"].checked_at == manual.updated_at


# --- the chooser -------------------------------------------------------------------------------


def test_chooser_lists_status_figures_and_laureate_and_offers_creation(officer_client, campaigns):
    page, data = modal(officer_client.get(reverse(f"{CHOOSER}:choose")))
    assert data["step"] == "choose"
    assert page.find("h1").get_text(" ", strip=True) == "Choisir une collecte"
    tabs = [tab.find(string=True).strip() for tab in page.select("[role=tab]")]
    assert tabs == ["Choisir une collecte existante", "Créer une collecte"]
    assert page.select_one("#id_q")["placeholder"] == "Nom ou identifiant sur la plateforme"
    rows = rows_of(page)
    assert rows["Atelier vélo"][1:] == [
        "en cours",
        f"2{NNBSP}560,00{NBSP}€ sur 5{NNBSP}000,00{NBSP}€",
        "KissKissBankBank",
        "Le vélo réparé",
    ]
    assert rows["Compost partagé"][1] == "à venir" and rows["Compost partagé"][4] == "aucun (libre)"
    assert rows["Lampes en verre"][1] == "non financée, contributeurs remboursés"
    assert rows["Lampes en verre"][4] == "aucun (libre)"
    # Each row chooses its campaign.
    link = page.find("a", string=lambda text: text and "Atelier vélo" in text)
    assert link["href"] == reverse(f"{CHOOSER}:chosen", args=[campaigns["velo"].pk])
    # The creation tab: French labels, its own ids (the page's form is around it), no correction reason.
    form = page.select_one("form[data-chooser-modal-creation-form]")
    assert form["action"] == reverse(f"{CHOOSER}:create")
    names = {
        field["name"] for field in form.select("input[name], select[name]") if field["name"] != "csrfmiddlewaretoken"
    }
    assert names == {
        f"nouvelle-collecte-{name}"
        for name in (
            "name",
            "platform",
            "external_id",
            "funding_model",
            "public_url",
            "goal",
            "currency",
            "starts_at",
            "ends_at",
        )
    }
    assert form.find("button", type="submit").get_text(strip=True) == "Créer la collecte et la choisir"
    assert "jj/mm/aaaa hh:mm" in form.get_text()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("vélo", ["Atelier vélo"]),
        ("ATELIER", ["Atelier vélo"]),  # any case (accented capitals too on PostgreSQL)
        ("compost-kkbb", ["Compost partagé"]),  # the platform identifier
        ("lampes en", ["Lampes en verre"]),
    ],
)
def test_chooser_searches_names_and_platform_identifiers(officer_client, campaigns, query, expected):
    response = officer_client.get(reverse(f"{CHOOSER}:choose_results"), {"q": query})
    page = soup(response.content)
    assert [row.select_one("td").get_text(strip=True) for row in page.select("tbody tr")] == expected
    assert page.find("h2").get_text(strip=True).startswith("Il y a 1")


def test_chooser_search_without_match_says_so_in_french(officer_client, campaigns):
    page = soup(officer_client.get(reverse(f"{CHOOSER}:choose_results"), {"q": "introuvable"}).content)
    assert page.select("tbody tr") == []
    text = page.get_text(" ", strip=True)
    assert "Aucune collecte ne correspond à « introuvable »" in text.replace(NBSP, " ")
    assert "snippet" not in text


def test_chooser_can_show_only_campaigns_without_laureate(officer_client, campaigns):
    page = soup(officer_client.get(reverse(f"{CHOOSER}:choose_results"), {"free": "on"}).content)
    names = [row.select_one("td").get_text(strip=True) for row in page.select("tbody tr")]
    assert sorted(names) == ["Compost partagé", "Lampes en verre"]


def test_chooser_queries_do_not_grow_with_the_campaigns(officer_client, partner_tree):
    url = reverse(f"{CHOOSER}:choose_results")

    def count():
        with CaptureQueriesContext(connection) as context:
            assert officer_client.get(url).status_code == 200
        return len(context.captured_queries)

    few = count()
    for number in range(6):
        campaign = FundingCampaignFactory(name=f"Collecte {number}")
        LaureatePageFactory(parent=partner_tree["call"], slug=f"l-{number}", campaign=campaign)
    assert count() == few


def test_creating_in_the_modal_saves_the_campaign_and_chooses_it(officer_client, partner_tree):
    data = {
        "nouvelle-collecte-name": "Ressourcerie mobile",
        "nouvelle-collecte-platform": "ulule",
        "nouvelle-collecte-external_id": "ressourcerie-mobile",
        "nouvelle-collecte-funding_model": "",
        "nouvelle-collecte-public_url": "https://fr.ulule.com/ressourcerie-mobile/",
        "nouvelle-collecte-goal": "4500",
        "nouvelle-collecte-currency": "EUR",
        "nouvelle-collecte-starts_at": "01/03/2027 09:00",
        "nouvelle-collecte-ends_at": "15/04/2027 23:59",
    }
    _page, response = modal(officer_client.post(reverse(f"{CHOOSER}:create"), data))
    assert response["step"] == "chosen"
    campaign = FundingCampaign.objects.get(name="Ressourcerie mobile")
    assert response["result"]["id"] == str(campaign.pk)
    assert response["result"]["string"] == "Ressourcerie mobile"
    assert response["result"]["edit_url"] == reverse("wagtailsnippets_funding_fundingcampaign:edit", args=[campaign.pk])
    # Through the figures service: the platform's funding model, zero figures, the first snapshot.
    assert campaign.funding_model == "all_or_nothing"
    assert (campaign.raised, campaign.donors, campaign.source) == (Decimal("0"), 0, FiguresSource.MANUAL)
    assert campaign.snapshots.count() == 1
    assert timezone.localtime(campaign.starts_at).strftime("%d/%m/%Y %H:%M") == "01/03/2027 09:00"
    log = ModelLogEntry.objects.get(object_id=str(campaign.pk), action="wagtail.create")
    assert log.user == partner_tree["officer"]


def test_a_bad_creation_form_comes_back_with_its_errors_and_creates_nothing(officer_client, partner_tree):
    before = FundingCampaign.objects.count()
    data = {
        "nouvelle-collecte-name": "Sans objectif",
        "nouvelle-collecte-platform": "kisskissbankbank",
        "nouvelle-collecte-currency": "EUR",
        "nouvelle-collecte-starts_at": "15/04/2027 09:00",
        "nouvelle-collecte-ends_at": "01/03/2027 09:00",
    }
    page, response = modal(officer_client.post(reverse(f"{CHOOSER}:create"), data))
    assert response["step"] == "reshow_creation_form"
    text = page.get_text(" ", strip=True)
    assert "La fin de la collecte doit être postérieure à son début." in text
    assert page.select_one("input[name='nouvelle-collecte-name']")["value"] == "Sans objectif"
    assert FundingCampaign.objects.count() == before


def test_without_the_add_permission_there_is_no_creation(client, django_user_model, campaigns):
    user = django_user_model.objects.create_user("lecteur", "lecteur@example.org", "pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
        Permission.objects.get(codename="view_fundingcampaign", content_type__app_label="funding"),
    )
    client.force_login(user)
    page, _data = modal(client.get(reverse(f"{CHOOSER}:choose")))
    assert page.select("form[data-chooser-modal-creation-form]") == []
    before = FundingCampaign.objects.count()
    response = client.post(reverse(f"{CHOOSER}:create"), {"nouvelle-collecte-name": "x"})
    assert response.status_code in (302, 403)  # Wagtail sends a refused admin request home
    assert response.status_code == 403 or response.url == reverse("wagtailadmin_home")
    assert FundingCampaign.objects.count() == before


# --- the laureate's panel ----------------------------------------------------------------------


def test_laureate_form_offers_the_chooser_and_a_panel_that_follows_it(officer_client, partner_tree):
    laureate = partner_tree["laureate"]
    html = officer_client.get(reverse("wagtailadmin_pages:edit", args=[laureate.pk])).content.decode()
    page = soup(html)
    panel = page.select_one("[data-campaign-figures]")
    assert panel["data-input-id"] == "id_campaign"
    assert page.select_one("#id_campaign")["value"] == panel["data-saved-id"] == str(laureate.campaign_id)
    assert panel["data-url"] == reverse("campaigns_chosen_campaign_figures", args=[0])
    assert panel["data-page-key"] == str(laureate.translation_key)
    assert "js/admin-campaign-figures.js" in html
    assert "Choisir ou créer une collecte" in html
    # No link away from the unsaved form: creating happens in the chooser.
    assert reverse("wagtailsnippets_funding_fundingcampaign:add") not in html
    link = panel.select_one("a.button")
    assert link.get_text(" ", strip=True) == "Modifier les chiffres de la collecte (s'ouvre dans un nouvel onglet)"
    assert link["target"] == "_blank"


def test_new_laureate_without_campaign_says_how_to_choose_or_create_one(officer_client, partner_tree):
    url = reverse("wagtailadmin_pages:add", args=["campaigns", "laureatepage", partner_tree["call"].pk])
    panel = soup(officer_client.get(url).content).select_one("[data-campaign-figures]")
    assert panel["data-saved-id"] == ""
    text = panel.select_one("[data-campaign-figures-content]").get_text(" ", strip=True)
    assert "Aucune collecte n'est rattachée à ce lauréat." in text
    assert f"onglet «{NBSP}Créer une collecte{NBSP}»" in text  # French typography: no-break spaces


def test_chosen_campaign_figures_show_before_saving(officer_client, partner_tree, campaigns):
    laureate = partner_tree["laureate"]
    url = reverse("campaigns_chosen_campaign_figures", args=[campaigns["free"].pk])
    page = soup(officer_client.get(url, {"page": str(laureate.translation_key)}).content)
    text = page.get_text(" ", strip=True).replace(NBSP, " ")
    assert "Collecte choisie : « Compost partagé ». Elle sera rattachée au lauréat à l'enregistrement" in text
    assert "à venir" in text and "déjà rattachée" not in text
    # One attached to another laureate: saving would be refused, the panel says so now.
    url = reverse("campaigns_chosen_campaign_figures", args=[campaigns["velo"].pk])
    page = soup(officer_client.get(url, {"page": str(laureate.translation_key)}).content)
    assert "déjà rattachée au lauréat « Le vélo réparé »" in page.get_text(" ", strip=True).replace(NBSP, " ")
    # Its own campaign is not "taken".
    url = reverse("campaigns_chosen_campaign_figures", args=[laureate.campaign_id])
    page = soup(officer_client.get(url, {"page": str(laureate.translation_key)}).content)
    assert "déjà rattachée" not in page.get_text()


def test_chosen_campaign_figures_are_for_officers_only(client, partner_tree, campaigns):
    url = reverse("campaigns_chosen_campaign_figures", args=[campaigns["velo"].pk])
    client.force_login(partner_tree["user_a"])
    assert client.get(url).status_code in (302, 403)
    client.force_login(partner_tree["officer"])
    assert client.get(reverse("campaigns_chosen_campaign_figures", args=[999999])).status_code == 404


# --- the campaign list -------------------------------------------------------------------------


def test_campaign_list_shows_currency_status_laureate_and_sync_health(officer_client, campaigns):
    now = timezone.now()
    FundingCampaign.objects.filter(pk=campaigns["velo"].pk).update(last_sync_at=now - datetime.timedelta(minutes=3))
    response = officer_client.get(reverse(LIST_URL))
    assert response.status_code == 200
    page = soup(response.content)
    rows = rows_of(page)
    velo = rows["Atelier vélo"]
    headers = [cell.get_text(" ", strip=True) for cell in page.select("thead th")][1:]
    assert headers[:7] == [
        "Nom de la collecte",
        "Statut",
        "Collecté ou promis",
        "Contributeurs",
        "Lauréat",
        "Fin",
        "Chiffres",
    ]
    cells = dict(zip(headers, velo[1:], strict=False))
    assert cells["Statut"] == "en cours"
    assert cells["Collecté ou promis"] == f"2{NNBSP}560,00{NBSP}€ sur 5{NNBSP}000,00{NBSP}€ (51{NBSP}%)"
    assert cells["Lauréat"] == "Le vélo réparé"
    assert cells["Chiffres"].startswith("synchronisée Vérifié le ")
    assert cells["Fin"] == timezone.localtime(campaigns["velo"].ends_at).strftime("%d/%m/%Y")
    missed = dict(zip(headers, rows["Lampes en verre"][1:], strict=False))
    assert missed["Statut"] == "non financée, contributeurs remboursés"
    assert missed["Chiffres"].startswith("saisie manuelle Mis à jour le ")
    assert missed["Lauréat"] == "aucun (libre)"
    sponsored = dict(zip(headers, rows[campaigns["sponsored"].name][1:], strict=False))
    assert sponsored["Chiffres"].startswith("à vérifier")  # live for ten days, the platform never reached
    assert "Ajouter une collecte" in page.get_text()


def test_campaign_list_queries_are_bounded(officer_client, partner_tree, django_assert_max_num_queries):
    url = reverse(LIST_URL)

    def count():
        with CaptureQueriesContext(connection) as context:
            assert officer_client.get(url).status_code == 200
        return len(context.captured_queries)

    few = count()
    for number in range(8):
        campaign = FundingCampaignFactory(name=f"Collecte {number}")
        LaureatePageFactory(parent=partner_tree["call"], slug=f"liste-{number}", campaign=campaign)
    assert count() == few
    with django_assert_max_num_queries(few):
        officer_client.get(url)


def test_campaign_list_in_english(officer_client, campaigns, partner_tree):
    officer = partner_tree["officer"]
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "en"
    profile.save()
    with translation.override("fr"):  # the admin activates English for the request: not for the next tests
        page = soup(officer_client.get(reverse(LIST_URL)).content)
    velo = rows_of(page)["Atelier vélo"]
    assert "€2,560.00 of €5,000.00 (51%)" in velo
    assert "live" in velo


def test_every_field_an_officer_fills_has_help_in_french_and_english():
    # The officers' campaign form (its edit handler) and the chooser's creation form.
    edit_form = FundingCampaign.snippet_viewset.get_edit_handler().get_form_class()
    for form_class in (edit_form, CampaignCreationForm):
        assert {"name", "platform", "goal", "currency", "starts_at"} <= set(form_class.base_fields)
        for name, field in form_class.base_fields.items():
            with translation.override("fr"):
                french = str(field.help_text)
            assert french, f"{name} has no help text"
            with translation.override("en"):
                english = str(field.help_text)
            assert english and english != french, f"{name}: no English help text"
    assert "jj/mm/aaaa hh:mm" in str(CampaignCreationForm.base_fields["ends_at"].help_text)
