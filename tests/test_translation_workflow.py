"""Communication officers translate pages and snippets themselves with wagtail-localize.

Through the admin views, as an officer (not a superuser): "Traduire" on a call with its subtree,
the strings typed into the translation editor, "Publier". The tree stays valid (wagtail-localize
issue #773 left the translated call with 0 children and its laureates answering 404), the
translations start as drafts, and phases, key figures and themes are offered for translation."""

import datetime
import re
from io import StringIO
from urllib.parse import urlencode

from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

import pytest

from campaigns.models import CallKeyFigure, CallPage, LaureatePage, LaureateTheme, ProjectTheme
from news.models import NewsCategory
from tests.factories import LaureatePageFactory, add_phase, news_category, translate

pytestmark = pytest.mark.django_db

# What the officer types in the translation editor, source string by source string.
ENGLISH = {
    "Appel 2026": "Call 2026",
    "appel-2026": "call-2026",
    "Économie circulaire": "Circular economy",
    "Un appel aux makers du territoire.": "A call to the area's makers.",
    "Dépôt des candidatures en ligne.": "Applications online.",
    "Six semaines de collecte de dons.": "Six weeks of donations.",
    "100 000": "100,000",
    "vues des pages des projets": "views of the projects' pages",
    "Atelier vélo": "Bike workshop",
    "atelier-velo": "bike-workshop",
    "Vaisselle consignée": "Deposit-return tableware",
    "vaisselle-consignee": "deposit-return-tableware",
    "Inès Moreau et Yanis Lefort": "Inès Moreau and Yanis Lefort",
    "Chloé Bernard": "Chloé Bernard",
    "Roubaix": "Roubaix",
    "Réparer son vélo avec des pièces de réemploi.": "Repairing one's bike with reused parts.",
    "Des boîtes repas consignées.": "Deposit-return lunch boxes.",
    "réemploi": "re-use",
    "mobilité": "mobility",
}
FRENCH_ONLY = [
    "Dépôt des candidatures",
    "vues des pages",
    "Réparer son vélo",
    "boîtes repas",
    "réemploi",
    "Six semaines de collecte",
]


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def call_tree(partner_tree):
    """A French call (phases, a key figure) with two laureates carrying themes; the call index and
    the partner pages already have their English translations."""
    index = partner_tree["call"].get_parent().specific
    translate(index, "en", title="Calls", slug="calls")
    call = partner_tree["call"]
    call.title, call.slug = "Appel 2026", "appel-2026"
    call.save_revision().publish()
    call = CallPage.objects.get(pk=call.pk)
    partner_tree["laureate"].delete()
    today = datetime.date.today()
    add_phase(call, "applications", today - datetime.timedelta(days=60), today - datetime.timedelta(days=30))
    CallPage.objects.get(pk=call.pk).phases.filter(kind="applications").update(
        description="Dépôt des candidatures en ligne."
    )
    add_phase(call, "collection", today - datetime.timedelta(days=5), today + datetime.timedelta(days=30))
    CallPage.objects.get(pk=call.pk).phases.filter(kind="collection").update(
        description="Six semaines de collecte de dons."
    )
    CallKeyFigure.objects.create(page=call, value="100 000", label="vues des pages des projets")
    french = call.locale
    reuse = ProjectTheme.objects.create(name="réemploi", locale=french)
    mobility = ProjectTheme.objects.create(name="mobilité", locale=french)
    bike = LaureatePageFactory(
        parent=call,
        title="Atelier vélo",
        slug="atelier-velo",
        makers="Inès Moreau et Yanis Lefort",
        pitch="Réparer son vélo avec des pièces de réemploi.",
    )
    LaureateTheme.objects.create(laureate=bike, theme=reuse, sort_order=0)
    LaureateTheme.objects.create(laureate=bike, theme=mobility, sort_order=1)
    tableware = LaureatePageFactory(
        parent=call,
        title="Vaisselle consignée",
        slug="vaisselle-consignee",
        makers="Chloé Bernard",
        pitch="Des boîtes repas consignées.",
    )
    LaureateTheme.objects.create(laureate=tableware, theme=reuse, sort_order=0)
    for page in (bike, tableware):
        page.save_revision().publish()
    call = CallPage.objects.get(pk=call.pk)
    laureates = [LaureatePage.objects.get(pk=page.pk) for page in (bike, tableware)]
    return {**partner_tree, "call": call, "laureates": laureates, "themes": [reuse, mobility]}


def tree_problems():
    """What ``fixtree`` would repair, and what it prints."""
    out = StringIO()
    call_command("fixtree", stdout=out, interactive=False)
    return [problem for problem in Page.find_problems() if problem], out.getvalue()


def submit_subtree(client, page, locale, capture):
    """The officer's "Traduire" with "Inclure les sous-pages" ticked; wagtail-localize publishes
    (when it does) after the commit, so the commit's callbacks run here as in production."""
    with capture(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [locale.pk], "include_subtree": "on"},
        )
    assert response.status_code == 302, response.content[:500]


def type_translations(client, translation):
    """Type every string of the translation editor, as the officer does in its text boxes."""
    segments = StringSegment.objects.filter(source=translation.source).select_related("string", "context")
    assert segments.exists()
    for segment in segments:
        text = segment.string.data
        assert text in ENGLISH, f"the test has no English for {segment.context.path}: {text!r}"
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            data=urlencode({"value": ENGLISH[text]}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), response.content[:300]


def publish_translation(client, page, capture):
    """ "Publier" in the translation editor (the page's edit view, which wagtail-localize takes over)."""
    with capture(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
    assert response.status_code == 302, response.content[:500]


def english_pages(call, english):
    call_en = CallPage.objects.get(translation_key=call.translation_key, locale=english)
    laureates = list(LaureatePage.objects.filter(locale=english).order_by("title"))
    return call_en, laureates


# --- who may translate -------------------------------------------------------------------


def test_officers_may_submit_translations_and_partners_may_not(client, call_tree):
    officer, partner = call_tree["officer"], call_tree["user_a"]
    assert officer.has_perm("wagtail_localize.submit_translation")
    assert not officer.is_superuser
    assert not partner.has_perm("wagtail_localize.submit_translation")
    url = reverse("wagtail_localize:submit_page_translation", args=[call_tree["call"].pk])

    client.force_login(officer)
    page = client.get(url)
    assert page.status_code == 200
    assert "include_subtree" in page.text  # the call has laureates: the subtree can be included
    explorer = client.get(reverse("wagtailadmin_explore", args=[call_tree["call"].get_parent().pk]))
    assert url in explorer.text  # "Traduire" is offered in the page listing

    client.force_login(partner)
    assert client.get(url).status_code in (302, 403)
    assert not Translation.objects.exists()


def test_officer_translates_snippets(client, call_tree, english):
    """Themes and news categories are translatable snippets the officers translate themselves."""
    client.force_login(call_tree["officer"])
    reuse = call_tree["themes"][0]
    category = news_category("Vie des projets", "vie-des-projets")
    for snippet in (reuse, category):
        meta = snippet._meta
        listing = client.get(reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:list"))
        assert listing.status_code == 200
        url = reverse("wagtail_localize:submit_snippet_translation", args=[meta.app_label, meta.model_name, snippet.pk])
        assert client.get(url).status_code == 200
        assert client.post(url, {"locales": [english.pk]}).status_code == 302
    theme_en = ProjectTheme.objects.get(translation_key=reuse.translation_key, locale=english)
    translation = Translation.objects.get(source__object_id=reuse.translation_key, target_locale=english)
    type_translations(client, translation)
    edit = reverse("wagtailsnippets_campaigns_projecttheme:edit", args=[theme_en.pk])
    assert client.post(edit, {"action": "publish"}).status_code == 302
    theme_en.refresh_from_db()
    assert theme_en.name == "re-use"
    assert NewsCategory.objects.filter(translation_key=category.translation_key, locale=english).exists()


# --- the journey: a call with its laureates ------------------------------------------------


def test_officer_translates_a_call_with_its_laureates(client, call_tree, english, django_capture_on_commit_callbacks):
    call = call_tree["call"]
    client.force_login(call_tree["officer"])
    submit_subtree(client, call, english, django_capture_on_commit_callbacks)

    call_en, laureates_en = english_pages(call, english)
    assert len(laureates_en) == 2
    # The tree is whole: the English call counts its children and routes to them (issue #773).
    assert call_en.numchild == 2
    assert list(call_en.get_children().specific()) == sorted(laureates_en, key=lambda page: page.path)
    assert tree_problems()[0] == []
    # Drafts, not French pages published at once under English addresses.
    for page in (call_en, *laureates_en):
        assert not page.live
        assert client.get(page.url).status_code == 404 if page.url else True
    assert client.get("/en/calls/appel-2026/").status_code == 404

    # Phases, key figures and themes are in the translation editor.
    source = TranslationSource.objects.get(object_id=call.translation_key)
    paths = set(StringSegment.objects.filter(source=source).values_list("context__path", flat=True))
    assert any(path.startswith("phases.") and path.endswith(".description") for path in paths)
    assert any(path.startswith("key_figures.") and path.endswith(".value") for path in paths)
    assert any(path.startswith("key_figures.") and path.endswith(".label") for path in paths)
    bike_source = TranslationSource.objects.get(object_id=call_tree["laureates"][0].translation_key)
    assert bike_source.relatedobjectsegment_set.count() == 2  # its two themes
    # Submitting the laureates submitted their themes too: each is translated once.
    theme_translations = Translation.objects.filter(
        source__object_id__in=[theme.translation_key for theme in call_tree["themes"]], target_locale=english
    )
    assert theme_translations.count() == 2

    # The officer types the English and publishes: themes first, then the call and laureates.
    for translation in theme_translations:
        type_translations(client, translation)
        theme_en = ProjectTheme.objects.get(translation_key=translation.source.object_id, locale=english)
        edit = reverse("wagtailsnippets_campaigns_projecttheme:edit", args=[theme_en.pk])
        assert client.post(edit, {"action": "publish"}).status_code == 302
    for page in (call_en, *laureates_en):
        translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=english)
        type_translations(client, translation)
        publish_translation(client, page, django_capture_on_commit_callbacks)

    call_en, laureates_en = english_pages(call, english)
    assert call_en.live and all(page.live for page in laureates_en)
    assert call_en.numchild == 2
    problems, fixtree_output = tree_problems()
    assert problems == []
    assert "No problems found" in fixtree_output

    client.logout()
    call_page = client.get("/en/calls/call-2026/")
    assert call_page.status_code == 200
    assert "Applications online." in call_page.text
    # The key figures show with the results, once the collection is over: translated meanwhile.
    figure_en = call_en.key_figures.get()
    assert (figure_en.value, figure_en.locale) == ("100,000", english)
    assert "views of the projects" in figure_en.label
    pages = [call_page]
    for slug, title in (("bike-workshop", "Bike workshop"), ("deposit-return-tableware", "Deposit-return tableware")):
        response = client.get(f"/en/calls/call-2026/{slug}/")
        assert response.status_code == 200
        assert title in response.text
        pages.append(response)
    assert themes_shown(pages[1]) == ["re-use", "mobility"]
    assert themes_shown(pages[2]) == ["re-use"]
    assert "Inès Moreau and Yanis Lefort" in pages[1].text
    for response in pages:
        for french in FRENCH_ONLY:
            assert french not in response.text
    # The French pages are untouched.
    french_call = client.get(call.url)
    assert french_call.status_code == 200
    assert "Dépôt des candidatures en ligne." in french_call.text


@override_settings(WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE=True)
def test_subtree_translation_published_at_once_still_leaves_a_valid_tree(
    client, call_tree, english, django_capture_on_commit_callbacks
):
    """wagtail-localize's own default publishes each copy after the commit, from an instance read
    before its children existed: without the guard in BasePage.save the English call would
    record 0 children and every English laureate would answer 404 (issue #773)."""
    call = call_tree["call"]
    client.force_login(call_tree["officer"])
    submit_subtree(client, call, english, django_capture_on_commit_callbacks)

    call_en, laureates_en = english_pages(call, english)
    assert call_en.live
    assert call_en.numchild == 2
    assert tree_problems()[0] == []
    for laureate in laureates_en:
        assert client.get(laureate.url).status_code == 200


def test_a_full_save_keeps_the_child_count_of_the_database(call_tree):
    stale = CallPage.objects.get(pk=call_tree["call"].pk)
    assert stale.numchild == 2
    LaureatePageFactory(parent=CallPage.objects.get(pk=stale.pk))
    stale.title = "Appel renommé"
    stale.save()
    assert CallPage.objects.get(pk=stale.pk).numchild == 3
    assert stale.numchild == 3
    assert tree_problems()[0] == []


# --- the child rows --------------------------------------------------------------------------


def test_phases_key_figures_and_themes_carry_their_page_locale(call_tree, english):
    """New rows take their page's locale; a copy for translation keeps their translation key."""
    call = call_tree["call"]
    phase = call.phases.first()
    figure = call.key_figures.first()
    assert phase.locale_id == call.locale_id
    assert figure.locale_id == call.locale_id
    call_en = call.copy_for_translation(english)
    assert {row.translation_key for row in call_en.phases.all()} == {row.translation_key for row in call.phases.all()}
    assert {row.locale_id for row in call_en.phases.all()} == {english.pk}
    assert {row.locale_id for row in call_en.key_figures.all()} == {english.pk}


def test_a_laureate_page_shows_its_themes_in_the_active_language(client, call_tree, english):
    bike = call_tree["laureates"][0]
    reuse = call_tree["themes"][0]
    reuse_en = reuse.copy_for_translation(english)
    reuse_en.name = "re-use"
    reuse_en.save()
    assert themes_shown(client.get(bike.url)) == ["réemploi", "mobilité"]
    translate(call_tree["call"], "en", title="Call 2026", slug="call-2026")
    bike_en = translate(bike, "en", title="Bike workshop", slug="bike-workshop")
    # Rows pointing at the French themes still show each theme in English where it is translated,
    # and as it is where it is not yet.
    assert themes_shown(client.get(bike_en.url)) == ["re-use", "mobilité"]


def themes_shown(response):
    assert response.status_code == 200
    found = re.search(r'<ul class="tag-list"[^>]*>(.*?)</ul>', response.text, re.S)
    return re.findall(r"<li>([^<]*)</li>", found.group(1)) if found else []


# --- the demo --------------------------------------------------------------------------------


def test_demo_english_pages_carry_english_phases_figures_and_themes(client, demo):
    english = Locale.objects.get(language_code="en")
    call = client.get("/en/calls-for-projects/mel-makers-2018/")
    assert call.status_code == 200
    assert "Six weeks of donations on KissKissBankBank." in call.text
    assert "100,000" in call.text
    assert "Six semaines de collecte" not in call.text
    french_call = client.get("/appels-a-projets/mel-makers-2018/")
    assert "Six semaines de collecte de dons sur KissKissBankBank." in french_call.text
    # Every English row is an English translation of a French one (wagtail-localize can sync them).
    for model in (CallKeyFigure, LaureateTheme):
        rows = model.objects.filter(locale=english)
        assert rows.exists()
        french_keys = set(model.objects.exclude(locale=english).values_list("translation_key", flat=True))
        assert set(rows.values_list("translation_key", flat=True)) <= french_keys
    assert not LaureateTheme.objects.filter(locale=english).exclude(theme__locale=english).exists()
    laureate = LaureatePage.objects.live().filter(locale=english, themes__isnull=False).first()
    shown = themes_shown(client.get(laureate.url))
    assert shown and shown == [row.theme.name for row in laureate.themes.select_related("theme")]
    french_names = set(ProjectTheme.objects.exclude(locale=english).values_list("name", flat=True))
    assert not set(shown) & (french_names - {"design", "compost", "construction"})
    assert Page.find_problems() == ([], [], [], [], [])
