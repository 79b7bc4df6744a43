"""The communication officer's admin: help on every field, slugs from titles, correct French,
choosers that open where the choice lives, categories, promoted results and dashboard shortcuts."""

import re

from django.contrib.auth.models import Group
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation

from modelcluster.fields import ParentalKey
from taggit.managers import TaggableManager
from wagtail.admin.panels import InlinePanel
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest
from bs4 import BeautifulSoup

from campaigns.models import (
    CallIndexPage,
    CallKeyFigure,
    CallPage,
    CallPartner,
    CallPhase,
    LaureatePage,
    LaureateSponsor,
)
from home.models import ContentPage, HomePage, SiteSettings
from news.models import NewsCategory, NewsIndexPage, NewsPage, NewsRelatedPage
from partners.models import PartnerIndexPage, PartnerPage
from partners.roles import OFFICERS_GROUP
from tests.factories import (
    LaureatePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    translate,
)
from tests.helpers import migrate_to, migrate_to_latest, partner_form

NBSP = "\u00a0"

OFFICER_MODELS = [
    HomePage,
    ContentPage,
    SiteSettings,
    CallIndexPage,
    CallPage,
    CallPhase,
    CallKeyFigure,
    CallPartner,
    LaureatePage,
    LaureateSponsor,
    PartnerIndexPage,
    PartnerPage,
    NewsIndexPage,
    NewsPage,
    NewsRelatedPage,
    NewsCategory,
]
# Fields an officer never types into: set by Wagtail or by the translation machinery.
WITHOUT_HELP = {("newscategory", "locale"), ("newscategory", "translation_key")}


def _panel_fields(panel, model):
    """(model, field name) for every field a panel tree shows, inline panels included."""
    if isinstance(panel, InlinePanel):
        related = panel.db_field.related_model
        for child in panel.child_edit_handler.children:
            yield from _panel_fields(child, related)
        return
    if getattr(panel, "field_name", None):
        yield model, panel.field_name
    for child in getattr(panel, "children", []):
        yield from _panel_fields(child, model)


def _edit_handler(model):
    if issubclass(model, Page):
        return model.get_edit_handler()
    from wagtail.admin.panels import get_edit_handler

    return get_edit_handler(model)


def _shown_fields():
    seen = set()
    for model in OFFICER_MODELS:
        if model in (CallPhase, CallKeyFigure, CallPartner, LaureateSponsor, NewsRelatedPage):
            continue  # reached through their page's inline panels
        for owner, name in _panel_fields(_edit_handler(model), model):
            seen.add((owner, name))
    return seen


def _own_fields(model):
    """The editable fields the model declares itself (not Wagtail's Page fields)."""
    for field in model._meta.get_fields(include_parents=False):
        if not getattr(field, "editable", False) or field.auto_created or not field.concrete and not field.many_to_many:
            continue
        if isinstance(field, (ParentalKey, models.OneToOneField)) or field.name == "sort_order":
            continue
        yield field


def test_every_field_an_officer_fills_has_french_help():
    shown = _shown_fields()
    assert {(model, name) for model, name in shown if model is NewsRelatedPage} == {(NewsRelatedPage, "page")}
    missing = []
    for model, name in shown:
        field = model._meta.get_field(name)
        if field.model._meta.app_label == "wagtailcore":
            continue  # Wagtail's own fields (title, slug, schedule): Wagtail's help, in French
        if not str(field.help_text or "").strip():
            missing.append(f"{model.__name__}.{name}")
    assert not missing, f"no help text: {missing}"


@pytest.mark.parametrize("model", OFFICER_MODELS, ids=lambda model: model.__name__)
def test_a_new_field_without_help_fails_here(model):
    """Any editable field a model declares has help, shown in a panel or not (allowlist above)."""
    for field in _own_fields(model):
        if (model._meta.model_name, field.name) in WITHOUT_HELP:
            continue
        help_text = str(field.help_text or "")
        if isinstance(field, TaggableManager):
            assert "virgules" in help_text, field.name  # not taggit's English default
        assert help_text.strip(), f"{model.__name__}.{field.name} has no help text"


def test_dates_say_their_format_and_help_is_translated_to_english():
    dates = [
        field
        for model in OFFICER_MODELS
        for field in model._meta.get_fields(include_parents=False)
        if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField) and field.editable
    ]
    assert {f"{field.model.__name__}.{field.name}" for field in dates} >= {
        "CallPhase.start_date",
        "CallPhase.end_date",
        "NewsPage.date",
    }
    for field in dates:
        assert "JJ/MM/AAAA" in str(field.help_text), field
    with translation.override("en"):
        english = str(CallPage._meta.get_field("theme").help_text)
    assert english and english != str(CallPage._meta.get_field("theme").help_text)


def test_french_help_texts_follow_french_typography():
    for model in OFFICER_MODELS:
        for field in model._meta.get_fields(include_parents=False):
            text = str(getattr(field, "help_text", "") or "")
            assert not re.search(r" [:;?!»]|« ", text), f"{model.__name__}.{field.name}: {text!r}"


# --- slugs from titles -------------------------------------------------------


@pytest.fixture
def officer(partner_tree):
    return partner_tree["officer"]


def test_title_panels_fill_the_slug(client, officer, partner_tree):
    client.force_login(officer)
    for url in (
        reverse("wagtailadmin_pages:add", args=("campaigns", "laureatepage", partner_tree["call"].pk)),
        reverse("wagtailadmin_pages:add", args=("partners", "partnerpage", partner_tree["index"].pk)),
        reverse("wagtailadmin_pages:edit", args=(partner_tree["laureate"].pk,)),
    ):
        title = BeautifulSoup(client.get(url).content, "html.parser").find(id="id_title")
        assert "w-sync" in title["data-controller"], url
        assert "#id_slug" in title["data-w-sync-target-value"], url


def test_partner_created_without_a_slug_takes_one_from_its_title(client, officer, partner_tree):
    client.force_login(officer)
    url = reverse("wagtailadmin_pages:add", args=("partners", "partnerpage", partner_tree["index"].pk))
    page = PartnerPage(title="Atelier Été", kind="association", short_description="Un atelier.")
    response = client.post(url, {**partner_form(page, slug=""), "action-publish": "action-publish"})
    assert response.status_code == 302, response.context["form"].errors
    created = PartnerPage.objects.child_of(partner_tree["index"]).get(title="Atelier Été")
    assert created.slug == "atelier-été" and created.live


def test_laureate_created_without_a_slug_takes_a_unique_one(client, officer, partner_tree):
    client.force_login(officer)
    call = partner_tree["call"]
    sibling = LaureatePageFactory(parent=call, title="Un autre projet", slug="atelier-vélo")
    url = reverse("wagtailadmin_pages:add", args=("campaigns", "laureatepage", call.pk))
    data = nested_form_data(
        {
            "title": "Atelier Vélo",
            "slug": "",
            "makers": "Camille",
            "commune": "",
            "pitch": "Un projet.",
            "themes": inline_formset([]),
            "fund_uses": inline_formset([]),
            "hero_image": "",
            "campaign": "",
            "sponsors": inline_formset([]),
            "story": streamfield([]),
            "seo_title": "",
            "search_description": "",
            "social_image": "",
            "comments": inline_formset([]),
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    created = LaureatePage.objects.child_of(call).get(title="Atelier Vélo")
    assert created.slug == "atelier-vélo-2"  # from the title, made unique among its siblings
    assert sibling.slug == "atelier-vélo"


def test_editing_keeps_the_slug_required(client, officer, partner_tree):
    client.force_login(officer)
    page = partner_tree["a"]
    response = client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), partner_form(page, slug=""))
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    page.refresh_from_db()
    assert page.slug == "atelier-a"


# --- correct French ----------------------------------------------------------


def test_default_workflow_root_and_groups_are_french(partner_tree):
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    default = WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow
    assert default.name == "Relecture avant publication"
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow=default)
    assert task.name == "Relecture par la communication"
    # The officers review what colleagues submit to it.
    assert task.groups.filter(name=OFFICERS_GROUP).exists()
    assert Page.get_first_root_node().title == "Racine"
    assert set(Group.objects.values_list("name", flat=True)) >= {"Modérateurs", "Éditeurs"}


def _text(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ")


def test_officer_screens_read_as_french(client, officer, partner_tree):
    client.force_login(officer)
    call_edit = client.get(reverse("wagtailadmin_pages:edit", args=(partner_tree["call"].pk,)))
    html = call_edit.content.decode()
    text = _text(call_edit)
    assert f"Ajouter{NBSP}: Étape" in html
    assert "un(e)" not in html and "Nouvel(le)" not in html
    # "Soumettre à Relecture avant publication", never the English workflow name.
    assert "Relecture avant publication" in text
    assert "Moderators approval" not in text
    explorer = client.get(reverse("wagtailadmin_explore_root"))
    assert "Racine" in _text(explorer) and "Root" not in _text(explorer)
    new_campaign = client.get(reverse("wagtailsnippets_funding_fundingcampaign:add"))
    assert f"Création{NBSP}: Collecte" in new_campaign.content.decode()
    assert "Nouvel(le)" not in new_campaign.content.decode()


def test_translation_editor_button_has_its_space(client, officer):
    """wagtail-localize's French says "Publier dans" + "English" with no space between."""
    client.force_login(officer)
    with translation.override("fr"):
        response = client.get("/admin/localize/jsi18n/")
    catalog = response.content.decode()
    assert response.status_code == 200
    assert (
        '"Publish in ": "Publier la version\\u00a0: "' in catalog
        or f'"Publish in ": "Publier la version{NBSP}: "' in (catalog)
    )


# --- choosers ----------------------------------------------------------------


def _chooser_opts(html, field_id):
    """The options the page chooser widget for this input is started with."""
    match = re.search(r"new PageChooser\(\"" + re.escape(field_id) + r"\", (\{.*?\})\)", html)
    assert match, field_id
    return match.group(1)


def test_partner_chooser_opens_at_the_partners_index_of_the_pages_language(client, officer, partner_tree):
    client.force_login(officer)
    english_index = translate(partner_tree["index"], "en", title="Partners", slug="partners")
    translate(partner_tree["a"], "en", title="Workshop A", slug="workshop-a")
    translate(partner_tree["call"].get_parent().specific, "en", title="Calls", slug="calls")
    english_call = translate(partner_tree["call"], "en", title="Call", slug="call")
    english_laureate = translate(partner_tree["laureate"], "en", title="Sponsored", slug="sponsored")

    french = client.get(reverse("wagtailadmin_pages:edit", args=(partner_tree["laureate"].pk,))).content.decode()
    english = client.get(reverse("wagtailadmin_pages:edit", args=(english_laureate.pk,))).content.decode()
    new = client.get(reverse("wagtailadmin_pages:add", args=("campaigns", "laureatepage", english_call.pk)))
    # An empty chooser (the blank row of the inline panel) opens at the index, in the page's language.
    empty = "id_sponsors-__prefix__-partner"
    assert f'"startParentId": {partner_tree["index"].pk}' in _chooser_opts(french, empty)
    assert f'"startParentId": {english_index.pk}' in _chooser_opts(english, empty)
    assert f'"startParentId": {english_index.pk}' in _chooser_opts(new.content.decode(), empty)
    assert '"modelNames": ["partners.partnerpage"]' in _chooser_opts(french, empty)
    assert "js/admin/page-chooser-start.js" in french


def test_chooser_lists_one_language_at_a_time(client, officer, partner_tree):
    client.force_login(officer)
    translate(partner_tree["index"], "en", title="Partners", slug="partners")
    url = reverse("wagtailadmin_choose_page_child", args=(partner_tree["index"].pk,))
    response = client.get(url, {"page_type": "partners.partnerpage"})
    pages = list(response.context["pagination_page"])
    assert {page.title for page in pages} == {"Atelier A", "Bureau B"}
    assert all(page.locale_id == partner_tree["index"].locale_id for page in pages)


@pytest.fixture
def news_tree(partner_tree):
    index = NewsIndexPageFactory(parent=partner_tree["home"], slug="actualites")
    news = NewsPageFactory(parent=index, slug="une-actualite")
    return {**partner_tree, "news_index": index, "news": news}


def _news_form(news, related):
    return nested_form_data(
        {
            "title": news.title,
            "slug": news.slug,
            "date": "03/09/2018",
            "byline": "",
            "category": "",
            "tags": "",
            "hero_image": "",
            "hero_alt": "",
            "intro": "Un chapeau.",
            "body": streamfield([]),
            "related_pages": inline_formset([{"page": page.pk} for page in related]),
            "seo_title": "",
            "search_description": "",
            "social_image": "",
            "pinned": "",
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )


def test_related_pages_are_chosen_with_page_choosers_and_shown_in_order(client, officer, news_tree):
    client.force_login(officer)
    news = news_tree["news"]
    edit = reverse("wagtailadmin_pages:edit", args=(news.pk,))
    html = client.get(edit).content.decode()
    assert "related_pages-__prefix__-page" in html and "new PageChooser" in html
    assert "related_laureates" not in html  # no raw multi-select any more

    related = [news_tree["laureate"], news_tree["a"], news_tree["call"]]
    response = client.post(edit, _news_form(news, related))
    assert response.status_code == 302, response.context["form"].errors
    news.refresh_from_db()
    assert [row.page_id for row in news.related_pages.all()] == [page.pk for page in related]

    public = client.get(news.url)
    section = BeautifulSoup(public.content, "html.parser").find(id="related-content-title").parent
    assert [link.get_text() for link in section.find_all("a")] == [page.title for page in related]


def test_related_pages_refuse_other_page_types(client, officer, news_tree):
    client.force_login(officer)
    news = news_tree["news"]
    response = client.post(reverse("wagtailadmin_pages:edit", args=(news.pk,)), _news_form(news, [news_tree["home"]]))
    assert response.status_code == 200
    assert NewsRelatedPage.objects.filter(news=news).count() == 0


def test_english_news_shows_the_english_related_pages(client, news_tree):
    news = news_tree["news"]
    NewsRelatedPage.objects.create(news=news, page=news_tree["a"], sort_order=0)
    english_home = news_tree["home_en"]
    english_index = translate(news_tree["news_index"], "en", title="News", slug="news")
    translate(news_tree["index"], "en", title="Partners", slug="partners")
    translate(news_tree["a"], "en", title="Workshop A", slug="workshop-a")
    english_news = translate(news, "en", title="A story", slug="a-story")
    assert english_index.get_parent().pk == english_home.pk
    response = client.get(english_news.url)
    section = BeautifulSoup(response.content, "html.parser").find(id="related-content-title").parent
    assert [link.get_text() for link in section.find_all("a")] == ["Workshop A"]


# --- categories, promoted results, dashboard ---------------------------------


def test_officers_manage_news_categories_in_both_languages(client, officer, partner_tree):
    client.force_login(officer)
    listing = client.get(reverse("wagtailsnippets_news_newscategory:list"))
    assert listing.status_code == 200
    response = client.post(
        reverse("wagtailsnippets_news_newscategory:add") + "?locale=fr", {"name": "Lauréats", "slug": "laureats"}
    )
    assert response.status_code == 302
    category = NewsCategory.objects.get(slug="laureats")
    assert category.locale.language_code == "fr"
    response = client.post(
        reverse("wagtailsnippets_news_newscategory:add") + "?locale=en", {"name": "Laureates", "slug": "laureates"}
    )
    assert response.status_code == 302
    assert NewsCategory.objects.get(slug="laureates").locale.language_code == "en"
    french = client.get(reverse("wagtailsnippets_news_newscategory:list") + "?locale=fr")
    rows = BeautifulSoup(french.content, "html.parser").select("table tbody tr")
    assert [row.find("a").get_text(strip=True) for row in rows] == ["Lauréats"]
    delete = client.post(reverse("wagtailsnippets_news_newscategory:delete", args=(category.pk,)))
    assert delete.status_code == 302 and not NewsCategory.objects.filter(pk=category.pk).exists()


def test_officers_manage_promoted_search_results(client, officer, partner_tree):
    client.force_login(officer)
    listing = client.get(reverse("wagtailsearchpromotions:index"))
    assert listing.status_code == 200
    response = client.post(
        reverse("wagtailsearchpromotions:add"),
        nested_form_data(
            {
                "query_string": "vélo",
                "editors_picks": inline_formset(
                    [
                        {
                            "page": partner_tree["laureate"].pk,
                            "external_link_url": "",
                            "external_link_text": "",
                            "description": "",
                        }
                    ]
                ),
            }
        ),
    )
    assert response.status_code == 302
    from wagtail.contrib.search_promotions.models import SearchPromotion

    assert SearchPromotion.objects.filter(query__query_string="vélo", page=partner_tree["laureate"]).exists()


def test_partners_cannot_manage_categories_or_promotions(client, partner_tree):
    client.force_login(partner_tree["user_a"])
    assert client.get(reverse("wagtailsnippets_news_newscategory:list")).status_code in (302, 403)
    assert client.get(reverse("wagtailsearchpromotions:index")).status_code in (302, 403)


def test_dashboard_offers_the_officers_shortcuts(client, officer, news_tree):
    client.force_login(officer)
    response = client.get(reverse("wagtailadmin_home"))
    panel = BeautifulSoup(response.content, "html.parser").find(id="officer-shortcuts-content") or BeautifulSoup(
        response.content, "html.parser"
    ).find(class_="officer-shortcuts")
    assert panel is not None
    links = {link.get_text(" ", strip=True): link["href"] for link in panel.find_all("a")}
    assert links["Écrire une actualité"] == reverse(
        "wagtailadmin_pages:add", args=("news", "newspage", news_tree["news_index"].pk)
    )
    call = news_tree["call"]
    assert links[f"Lauréats de «{NBSP}{call.title}{NBSP}»"] == reverse("wagtailadmin_explore", args=(call.pk,))
    assert links["Collectes"] == reverse("wagtailsnippets_funding_fundingcampaign:list")
    assert links["Importer les chiffres (CSV)"] == reverse("funding_csv_import")
    assert any(label.startswith(f"À valider{NBSP}:") for label in links)
    for url in links.values():
        assert client.get(url).status_code == 200, url


def test_partners_do_not_see_the_officers_shortcuts(client, news_tree):
    client.force_login(news_tree["user_a"])
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert b"officer-shortcuts" not in response.content


# --- migrations ----------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_related_pages_move_from_the_multi_selects_to_the_ordered_list():
    old = migrate_to([("news", "0002_help_texts")])
    ContentType = old.get_model("contenttypes", "ContentType")
    Revision = old.get_model("wagtailcore", "Revision")
    # An earlier transactional test may have flushed the tree: the pages need a locale, not a root.
    locale_id = old.get_model("wagtailcore", "Locale").objects.get_or_create(language_code="fr")[0].pk
    root_path = "0001"

    def make(app_label, model_name, position, **fields):
        model = old.get_model(app_label, model_name)
        content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
        return model.objects.create(
            title=f"{model_name} {position}",
            draft_title=f"{model_name} {position}",
            slug=f"{model_name}-{position}",
            path=f"{root_path}{position:04d}",
            depth=2,
            url_path=f"/{model_name}-{position}/",
            content_type=content_type,
            locale_id=locale_id,
            live=True,
            **fields,
        )

    call = make("campaigns", "callpage", 101, edition_year=2018, summary="Un appel.")
    partner = make("partners", "partnerpage", 102, kind="association", short_description="Un partenaire.")
    news = make("news", "newspage", 103, date="2018-09-03", intro="Un chapeau.")
    # The old multi-selects' link tables (historical models do not commit parental relations).
    fields = old.get_model("news", "NewsPage")._meta
    fields.get_field("related_partners").remote_field.through.objects.create(
        newspage_id=news.pk, partnerpage_id=partner.pk
    )
    fields.get_field("related_calls").remote_field.through.objects.create(newspage_id=news.pk, callpage_id=call.pk)
    revision = Revision.objects.create(
        content_type_id=news.content_type_id,
        base_content_type_id=news.content_type_id,
        object_id=str(news.pk),
        created_at=timezone.now(),
        content={"title": "Brouillon", "related_calls": [call.pk], "related_partners": [partner.pk]},
    )

    migrate_to_latest()

    assert list(NewsRelatedPage.objects.filter(news_id=news.pk).values_list("page_id", flat=True)) == [
        call.pk,
        partner.pk,
    ]
    from wagtail.models import Revision as CurrentRevision

    content = CurrentRevision.objects.get(pk=revision.pk).content
    assert "related_calls" not in content and "related_partners" not in content
    assert [row["page"] for row in content["related_pages"]] == [call.pk, partner.pk]
