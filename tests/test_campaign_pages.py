"""Call, laureate and call-index pages: tree rules, timeline, widget, results, queries, admin."""

import datetime
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

import pytest
from bs4 import BeautifulSoup

from campaigns.models import CallIndexPage, CallPage, LaureatePage, PhaseKind, ProgrammeResults
from funding.figures import record_figures
from funding.models import FundingCampaign, FundingSnapshot
from home.models import HomePage
from tests.factories import (
    CallIndexPageFactory,
    CallPageFactory,
    FundingCampaignFactory,
    LaureatePageFactory,
    add_phase,
    build_site,
    translate,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def call_tree(site_tree):
    index = CallIndexPageFactory(parent=site_tree["home"], slug="appels-a-projets")
    call = CallPageFactory(parent=index, slug="makers-2018", title="Makers 2018")
    return {**site_tree, "index": index, "call": call}


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def today():
    return timezone.localdate()


# --- timeline and call to action ---------------------------------------------


@pytest.mark.parametrize(
    ("kind", "label"),
    [
        (PhaseKind.APPLICATIONS, "Déposer une candidature"),
        (PhaseKind.COLLECTION, "Soutenir les projets"),
        (PhaseKind.RESULTS, "Voir les résultats"),
    ],
)
def test_call_page_shows_the_call_to_action_of_the_current_phase(client, call_tree, kind, label):
    call = call_tree["call"]
    call.application_url = "https://candidatures.example.org/"
    call.save_revision().publish()
    add_phase(call, kind, today() - datetime.timedelta(days=3), today() + datetime.timedelta(days=3))
    page = soup(client.get("/appels-a-projets/makers-2018/"))
    button = page.select_one(".page-header a.button")
    assert button is not None and button.get_text(strip=True) == label
    current = page.select_one('[aria-current="step"]')
    assert current is not None


def test_results_call_to_action_after_the_collection_and_none_between_phases(call_tree):
    call = call_tree["call"]
    add_phase(call, PhaseKind.APPLICATIONS, datetime.date(2018, 2, 1), datetime.date(2018, 3, 31))
    add_phase(call, PhaseKind.COACHING, datetime.date(2018, 5, 1), datetime.date(2018, 8, 31))
    add_phase(call, PhaseKind.COLLECTION, datetime.date(2018, 9, 3), datetime.date(2018, 10, 14))
    assert call.current_phase(datetime.date(2018, 6, 1)).kind == PhaseKind.COACHING
    assert call.call_to_action(datetime.date(2018, 6, 1)) is None
    assert call.call_to_action(datetime.date(2018, 3, 1)) is None  # no application address given
    assert str(call.call_to_action(datetime.date(2018, 9, 10))[0]) == "Soutenir les projets"
    assert str(call.call_to_action(datetime.date(2019, 1, 1))[0]) == "Voir les résultats"
    assert call.is_over(datetime.date(2019, 1, 1))
    assert not call.is_over(datetime.date(2018, 10, 14))


def test_phase_ending_before_it_starts_is_refused(call_tree):
    from django.core.exceptions import ValidationError

    from campaigns.models import CallPhase

    phase = CallPhase(
        page=call_tree["call"],
        kind=PhaseKind.COACHING,
        start_date=datetime.date(2018, 5, 1),
        end_date=datetime.date(2018, 4, 1),
    )
    with pytest.raises(ValidationError):
        phase.full_clean()


def test_call_index_lists_current_calls_first_then_past_editions_by_year(client, call_tree):
    index = call_tree["index"]
    old = CallPageFactory(parent=index, title="Édition 2016", edition_year=2016)
    add_phase(old, PhaseKind.COLLECTION, datetime.date(2016, 9, 1), datetime.date(2016, 10, 1))
    older = CallPageFactory(parent=index, title="Édition 2015", edition_year=2015)
    add_phase(older, PhaseKind.COLLECTION, datetime.date(2015, 9, 1), datetime.date(2015, 10, 1))
    current = call_tree["call"]
    add_phase(current, PhaseKind.COLLECTION, today() - datetime.timedelta(days=1), today() + datetime.timedelta(days=9))

    page = soup(client.get("/appels-a-projets/"))
    current_section = page.find(id="current-calls").parent
    assert [a.get_text() for a in current_section.select(".card__title a")] == ["Makers 2018"]
    past = page.find(id="past-calls").parent
    assert [h.get_text() for h in past.find_all("h3")] == ["2016", "2015"]
    assert [a.get_text() for a in past.select(".card__title a")] == ["Édition 2016", "Édition 2015"]


# --- the progress widget -------------------------------------------------------


def test_laureate_page_widget_has_accessible_values_and_visible_numbers(client, call_tree):
    campaign = FundingCampaignFactory(
        goal=Decimal("5000"),
        ends_at=timezone.now() + datetime.timedelta(days=12),
        funding_model="keep_what_you_raise",
        external_id="",  # figures typed by an officer
    )
    record_figures(campaign, raised=Decimal("6110"), donors=95, source="manual")
    LaureatePageFactory(parent=call_tree["call"], slug="palettes", title="Palettes", campaign=campaign)

    page = soup(client.get("/appels-a-projets/makers-2018/palettes/"))
    widget = page.select_one(".laureate__funding .progress-widget")
    bar = widget.select_one('[role="progressbar"]')
    assert bar["aria-valuemin"] == "0"
    assert bar["aria-valuemax"] == "100"
    assert bar["aria-valuenow"] == "100"
    assert bar["aria-valuetext"] == "122\u00a0% de l'objectif\u00a0: 6\u202f110\u00a0€ collectés sur 5\u202f000\u00a0€"
    assert page.find(id=bar["aria-labelledby"]) is not None
    text = widget.get_text(" ", strip=True)
    assert "6\u202f110\u00a0€" in text and "5\u202f000\u00a0€" in text
    figures = {
        div.find("dt").get_text(strip=True): div.find("dd").get_text(strip=True)
        for div in widget.select(".progress-widget__figures > div")
    }
    assert figures == {"de l'objectif": "122\u00a0%", "contributeurs": "95", "jours restants": "12"}
    assert "en cours" in text
    assert "Chiffres saisis le" in text  # typed by an officer: no platform is claimed
    assert "Mis à jour le" not in text and "peuvent ne pas être à jour" not in text
    link = widget.select_one("a.button")
    assert link["href"] == campaign.public_url
    assert "Soutenir ce projet" in link.get_text()
    assert "site externe\u00a0: KissKissBankBank" in link.select_one(".visually-hidden").get_text()


def test_widget_after_the_end_says_when_it_ended(client, call_tree):
    campaign = FundingCampaignFactory(
        starts_at=timezone.make_aware(datetime.datetime(2018, 9, 3, 9)),
        ends_at=timezone.make_aware(datetime.datetime(2018, 10, 14, 23, 59)),
        goal=Decimal("9000"),
    )
    LaureatePageFactory(parent=call_tree["call"], slug="court", campaign=campaign)
    page = soup(client.get("/appels-a-projets/makers-2018/court/"))
    text = page.select_one(".progress-widget").get_text(" ", strip=True)
    assert "Collecte terminée le 14 octobre 2018" in text
    assert "objectif non atteint" in text
    assert "Soutenir ce projet" not in text


def test_widget_is_formatted_the_english_way_on_the_english_page(client, call_tree):
    campaign = FundingCampaignFactory(goal=Decimal("5000"), funding_model="keep_what_you_raise")
    record_figures(campaign, raised=Decimal("6110"), donors=95, source="manual")
    laureate = LaureatePageFactory(parent=call_tree["call"], slug="palettes", title="Palettes", campaign=campaign)
    index_en = translate(call_tree["index"], "en", slug="calls")
    call_en = translate(call_tree["call"], "en", slug="makers-2018")
    translate(laureate, "en", slug="pallets", title="Pallets")
    assert index_en.live and call_en.live

    page = soup(client.get("/en/calls/makers-2018/pallets/"))
    bar = page.select_one('[role="progressbar"]')
    assert bar["aria-valuetext"] == "122% of the goal: €6,110 collected of €5,000"
    assert "Support this project" in page.select_one(".progress-widget a.button").get_text()


def test_progress_and_results_blocks_render_in_a_home_page_body(client, call_tree):
    # Ended: the results block shows only once the collection is over.
    campaign = FundingCampaignFactory(
        goal=Decimal("3000"),
        funding_model="keep_what_you_raise",
        starts_at=timezone.now() - datetime.timedelta(days=40),
        ends_at=timezone.now() - datetime.timedelta(days=1),
        entered_at=timezone.now() - datetime.timedelta(days=40),
    )
    record_figures(
        campaign, raised=Decimal("1500"), donors=30, source="manual", at=timezone.now() - datetime.timedelta(days=2)
    )
    laureate = LaureatePageFactory(parent=call_tree["call"], title="Compost", campaign=campaign)
    home = HomePage.objects.get(pk=call_tree["home"].pk)
    home.body = [("funding_progress", {"laureate": laureate}), ("programme_results", {"call": call_tree["call"]})]
    home.save_revision().publish()

    page = soup(client.get("/"))
    widget = page.select_one(".block-funding-progress .progress-widget")
    assert widget.select_one("h2").get_text() == "Compost"
    assert widget.select_one('[role="progressbar"]')["aria-valuenow"] == "50"
    results = page.select_one(".programme-results")
    assert "1\u00a0500\u00a0€" in results.get_text() or "1\u202f500\u00a0€" in results.get_text()


# --- programme results ----------------------------------------------------------


def test_results_count_funded_campaigns_and_ignore_cancelled_ones(call_tree):
    call = call_tree["call"]
    start, end = timezone.now() - datetime.timedelta(days=60), timezone.now() - datetime.timedelta(days=18)
    # Ended all-or-nothing: two funded, one missed (its pledges were refunded).
    for goal, raised, donors in [("5000", "6000", 80), ("4000", "4000", 50), ("3000", "1000", 12)]:
        campaign = FundingCampaignFactory(
            goal=Decimal(goal), starts_at=start, ends_at=end, entered_at=start - datetime.timedelta(days=1)
        )
        record_figures(campaign, raised=Decimal(raised), donors=donors, source="manual", at=start)
        LaureatePageFactory(parent=call, campaign=campaign)
    # Ended keep-what-you-raise that missed its goal: its donations were collected all the same.
    kept = FundingCampaignFactory(
        goal=Decimal("2000"),
        starts_at=start,
        ends_at=end,
        platform="helloasso",
        entered_at=start - datetime.timedelta(days=1),
    )
    record_figures(kept, raised=Decimal("700"), donors=7, source="manual", at=start)
    LaureatePageFactory(parent=call, campaign=kept)
    # Live all-or-nothing: pledges, not collected yet.
    live = FundingCampaignFactory(goal=Decimal("2000"))
    record_figures(live, raised=Decimal("300"), donors=4, source="manual")
    LaureatePageFactory(parent=call, campaign=live)
    cancelled = FundingCampaignFactory(cancelled=True)
    record_figures(cancelled, raised=Decimal("999"), donors=9, source="manual")
    LaureatePageFactory(parent=call, campaign=cancelled)
    LaureatePageFactory(parent=call, campaign=None)
    draft = LaureatePageFactory(parent=call)
    record_figures(draft.campaign, raised=Decimal("10000"), donors=100, source="manual")
    draft.unpublish()

    results = ProgrammeResults.for_call(call)
    assert kept.funding_model == "keep_what_you_raise"  # HelloAsso's default
    assert results.laureates == 7
    assert results.campaigns == 5
    assert (results.funded, results.ended) == (2, 4)
    assert results.collected == Decimal("10700")  # 6000 + 4000 + 700: never the refunded 1000
    assert results.collected_donors == 137
    assert (results.refunded, results.refunded_donors, results.refunded_count) == (Decimal("1000"), 12, 1)
    assert (results.pledged, results.pledged_donors) == (Decimal("300"), 4)
    assert results.average_funded == Decimal("5000")
    assert results.success_rate == Decimal("50")
    assert results.applications == 40


def test_demo_programme_reproduces_the_seed_figures(client, demo):
    call = CallPage.objects.get(slug="mel-makers-2018", locale__language_code="fr")
    results = call.results()
    assert results.applications == 40
    assert results.laureates == 10
    assert (results.funded, results.ended, results.campaigns) == (9, 10, 10)
    # The seed: "plus de 55 000 euros … soit 6 110 euros en moyenne", "plus de 900 citoyens".
    assert 55000 < results.collected < 55100
    assert abs(results.average_funded - 6110) <= 5
    assert results.collected_donors > 900
    # The tenth missed its goal: all-or-nothing, so nothing collected and its backers refunded.
    assert results.refunded_count == 1 and results.refunded > 0

    page = soup(client.get(call.url))
    figures = {
        dt.get_text(" ", strip=True): dd.get_text(strip=True)
        for dt, dd in ((item.find("dt"), item.find("dd")) for item in page.select(".programme-results .key-figure"))
    }
    assert figures["candidatures reçues"] == "40"
    assert figures["lauréats"] == "10"
    assert figures["collectes réussies sur 10 terminées (90\u00a0%)"] == "9"
    assert figures["en moyenne par collecte réussie"] == "6\u202f113\u00a0€"
    total = Decimal(figures["collectés au total"].replace("\u202f", "").replace("\u00a0€", ""))
    assert total == results.collected
    assert figures["contributeurs aux collectes réussies"] == str(results.collected_donors)
    refunds = page.select_one(".programme-results__refunds").get_text(" ", strip=True)
    assert "remboursés" in refunds and "n'a rien collecté" in refunds
    english = CallPage.objects.get(slug="mel-makers-2018", locale__language_code="en")
    assert english.results().collected == results.collected
    assert "€6,113" in client.get(english.url).text


# --- query counts -----------------------------------------------------------------


def _queries_for(client, url):
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_call_page_queries_do_not_grow_with_laureates(client, call_tree):
    call = call_tree["call"]
    add_phase(call, PhaseKind.COLLECTION, today(), today() + datetime.timedelta(days=10))
    for _ in range(10):
        LaureatePageFactory(parent=call)
    small = _queries_for(client, call.url)

    for _ in range(190):
        LaureatePageFactory(parent=call)
    assert LaureatePage.objects.child_of(call).count() == 200
    large = _queries_for(client, call.url)
    assert large == small, f"{small} queries with 10 laureates, {large} with 200"


def test_page_query_counts_are_bounded(client, call_tree, django_assert_max_num_queries):
    laureate = LaureatePageFactory(parent=call_tree["call"], slug="p")
    record_figures(laureate.campaign, raised=Decimal("100"), donors=1, source="manual")
    pages = [
        ("/appels-a-projets/", 19),
        ("/appels-a-projets/makers-2018/", 24),
        # 25 since the og:image reads the generated share image's row (one query), 26 with the
        # "À quoi serviront les dons" lines (one query).
        ("/appels-a-projets/makers-2018/p/", 26),
    ]
    for url, limit in pages:
        client.get(url)
        with django_assert_max_num_queries(limit):
            assert client.get(url).status_code == 200


def test_campaign_pages_set_no_cookies_for_anonymous_visitors(client, demo):
    for page in [*CallIndexPage.objects.all(), *CallPage.objects.all(), *LaureatePage.objects.all()[:4]]:
        response = client.get(page.url)
        assert response.status_code == 200
        assert response.cookies == {}, page.url


# --- integrity and admin ---------------------------------------------------------


def test_a_campaign_belongs_to_one_laureate_and_its_translations(call_tree):
    from django.core.exceptions import ValidationError

    laureate = LaureatePageFactory(parent=call_tree["call"])
    translate(call_tree["index"], "en")
    translate(call_tree["call"], "en")
    english = translate(laureate, "en")
    assert english.campaign_id == laureate.campaign_id
    english.full_clean()  # sharing with its own translation is fine

    # Wagtail validates pages on save: a second laureate cannot take the same campaign.
    with pytest.raises(ValidationError) as error:
        LaureatePageFactory(parent=call_tree["call"], campaign=laureate.campaign)
    assert "campaign" in error.value.message_dict
    assert LaureatePage.objects.filter(campaign=laureate.campaign).count() == 2


@pytest.fixture
def officer(django_user_model):
    return django_user_model.objects.create_superuser("officer", "officer@example.org", "pw")


def _campaign_form(campaign, **overrides):
    data = {
        "name": campaign.name,
        "platform": campaign.platform,
        "external_id": campaign.external_id,
        "public_url": campaign.public_url,
        "goal": str(campaign.goal),
        "currency": campaign.currency,
        "raised": str(campaign.raised),
        "donors": str(campaign.donors),
        "correction_reason": "",
        "starts_at": timezone.localtime(campaign.starts_at).strftime("%Y-%m-%d %H:%M"),
        "ends_at": timezone.localtime(campaign.ends_at).strftime("%Y-%m-%d %H:%M"),
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"raised": "-5"}, "raised"),
        ({"goal": "0"}, "goal"),
        ({"ends_at": "2000-01-01 10:00"}, "ends_at"),
        ({"currency": "ZZZ"}, "currency"),
        ({"donors": "-3"}, "donors"),
        ({"goal": "abc"}, "goal"),
    ],
)
def test_admin_refuses_bad_figures_and_changes_nothing(client, officer, overrides, field):
    campaign = FundingCampaignFactory()
    before = (FundingCampaign.objects.values().get(pk=campaign.pk), FundingSnapshot.objects.count())
    client.force_login(officer)
    url = reverse("wagtailsnippets_funding_fundingcampaign:edit", args=[campaign.pk])
    response = client.post(url, _campaign_form(campaign, **overrides))
    assert response.status_code == 200  # the form comes back with its messages
    errors = response.context["form"].errors
    assert list(errors) == [field]
    assert escape(errors[field][0]) in response.content.decode()
    assert (FundingCampaign.objects.values().get(pk=campaign.pk), FundingSnapshot.objects.count()) == before


def test_admin_correction_of_an_ended_campaign_needs_a_reason(client, officer):
    campaign = FundingCampaignFactory(
        starts_at=timezone.make_aware(datetime.datetime(2018, 9, 3, 9)),
        ends_at=timezone.make_aware(datetime.datetime(2018, 10, 14, 23, 59)),
    )
    client.force_login(officer)
    url = reverse("wagtailsnippets_funding_fundingcampaign:edit", args=[campaign.pk])

    response = client.post(url, _campaign_form(campaign, raised="4200", donors="60"))
    assert response.status_code == 200
    assert "résultats sont figés" in response.content.decode()
    campaign.refresh_from_db()
    assert campaign.raised == Decimal("0")

    response = client.post(
        url, _campaign_form(campaign, raised="4200", donors="60", correction_reason="Chiffres finaux")
    )
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.raised == Decimal("4200")
    assert campaign.snapshots.filter(is_correction=True, reason="Chiffres finaux").count() == 1
    history = client.get(url).content.decode()
    assert "Chiffres finaux" in history


def test_laureate_edit_screen_shows_the_campaign_figures(client, officer, call_tree):
    laureate = LaureatePageFactory(parent=call_tree["call"])
    record_figures(laureate.campaign, raised=Decimal("2500"), donors=40, source="manual")
    client.force_login(officer)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[laureate.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Modifier les chiffres de la collecte" in html
    assert reverse("wagtailsnippets_funding_fundingcampaign:edit", args=[laureate.campaign.pk]) in html


class CampaignTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        Page.objects.filter(depth=2, slug="home").delete()
        cls.home, _ = build_site()
        cls.index = CallIndexPageFactory(parent=cls.home)
        cls.call = CallPageFactory(parent=cls.index)
        cls.laureate = LaureatePageFactory(parent=cls.call)

    def test_page_tree_rules(self):
        self.assertAllowedParentPageTypes(CallIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CallIndexPage, {CallPage})
        self.assertAllowedParentPageTypes(CallPage, {CallIndexPage})
        self.assertAllowedSubpageTypes(CallPage, {LaureatePage})
        self.assertAllowedParentPageTypes(LaureatePage, {CallPage})
        self.assertAllowedSubpageTypes(LaureatePage, set())

    def test_one_call_index_per_language_tree(self):
        self.assertFalse(CallIndexPage.can_create_at(self.home))
        self.assertTrue(CallIndexPage.can_create_at(HomePage.objects.exclude(pk=self.home.pk).get()))

    def test_pages_render(self):
        for page in (self.index, self.call, self.laureate):
            self.assertPageIsRenderable(page)
