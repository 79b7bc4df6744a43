"""News: listing, filters and pagination, feeds, metadata, sitemap, scheduling, safety."""

import datetime
import json
from xml.etree import ElementTree

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

import feedparser
import pytest
import time_machine
from bs4 import BeautifulSoup
from wagtail_factories import ImageFactory

from home.models import HomePage
from news.models import NewsIndexPage, NewsPage
from tests.factories import NewsIndexPageFactory, NewsPageFactory, build_site, news_category, translate
from tests.helpers import assert_no_script

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_tree(site_tree):
    index = NewsIndexPageFactory(parent=site_tree["home"], slug="actualites", intro="Les nouvelles.")
    return {**site_tree, "index": index}


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def titles(page):
    return [a.get_text() for a in page.select(".news-card .card__title a")]


def make_news(index, count, **fields):
    return [
        NewsPageFactory(
            parent=index,
            title=f"Nouvelle {n:03d}",
            date=datetime.date(2018, 1, 1) + datetime.timedelta(days=n),
            **fields,
        )
        for n in range(count)
    ]


# --- listing --------------------------------------------------------------------------


def test_listing_is_newest_first_12_per_page(client, news_tree):
    make_news(news_tree["index"], 14)
    first = soup(client.get("/actualites/"))
    assert titles(first)[:2] == ["Nouvelle 013", "Nouvelle 012"]
    assert len(titles(first)) == 12
    second = soup(client.get("/actualites/?page=2"))
    assert titles(second) == ["Nouvelle 001", "Nouvelle 000"]
    assert "14 actualités" in first.select_one(".results-count").get_text()


@pytest.mark.parametrize(
    ("page", "expected_first"),
    [
        ("abc", "Nouvelle 013"),
        ("999", "Nouvelle 001"),
        ("-1", "Nouvelle 001"),
        ("0", "Nouvelle 001"),
        ("", "Nouvelle 013"),
        ("2.5", "Nouvelle 013"),
    ],
)
def test_bad_page_numbers_give_a_sensible_page(client, news_tree, page, expected_first):
    make_news(news_tree["index"], 14)
    listing = soup(client.get("/actualites/", {"page": page}))
    assert titles(listing)[0] == expected_first


def test_filters_by_category_and_tag_combine(client, news_tree):
    results = news_category("Résultats", "resultats")
    laureates = news_category("Lauréats", "laureats")
    a = NewsPageFactory(parent=news_tree["index"], title="A", category=results)
    a.tags.add("collecte")
    a.save_revision().publish()
    b = NewsPageFactory(parent=news_tree["index"], title="B", category=results)
    b.tags.add("prix")
    b.save_revision().publish()
    NewsPageFactory(parent=news_tree["index"], title="C", category=laureates)

    assert sorted(titles(soup(client.get("/actualites/?categorie=resultats")))) == ["A", "B"]
    assert titles(soup(client.get("/actualites/?tag=collecte"))) == ["A"]
    assert titles(soup(client.get("/actualites/?categorie=resultats&tag=prix"))) == ["B"]
    assert titles(soup(client.get("/actualites/?categorie=laureats&tag=prix"))) == []
    # Unknown values are ignored rather than failing.
    for query in ["?categorie=zzz", "?tag=%3Cscript%3E", "?categorie=" + "x" * 500]:
        assert len(titles(soup(client.get("/actualites/" + query)))) == 3


def test_listing_queries_do_not_grow_with_the_number_of_news(client, news_tree):
    category = news_category("Résultats", "resultats")
    image = ImageFactory()
    make_news(news_tree["index"], 10, category=category, hero_image=image, hero_alt="Visuel")

    def count():
        client.get("/actualites/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/actualites/").status_code == 200
        return len(queries)

    small = count()
    for _n in range(290):
        NewsPageFactory(
            parent=news_tree["index"],
            category=category,
            hero_image=image,
            hero_alt="Visuel",
            date=datetime.date(2019, 1, 1),
        )
    assert NewsPage.objects.count() == 300
    assert count() == small


# --- news page ------------------------------------------------------------------------


def test_news_page_shows_its_parts_and_related_news(client, news_tree):
    category = news_category("Résultats", "resultats")
    NewsPageFactory(parent=news_tree["index"], slug="bilan", title="Le bilan", category=category, byline="Camille")
    related = NewsPageFactory(parent=news_tree["index"], title="Même catégorie", category=category)
    NewsPageFactory(parent=news_tree["index"], title="Sans rapport")
    html = soup(client.get("/actualites/bilan/"))
    assert html.select_one("h1").get_text() == "Le bilan"
    assert html.select_one("time")["datetime"] == "2018-09-03"
    assert "Par Camille" in html.get_text()
    assert [a.get_text() for a in html.find(id="related-news-title").parent.select(".card__title a")] == [related.title]


def test_video_block_loads_nothing_from_the_host_before_a_click(client, news_tree):
    page = NewsPageFactory(parent=news_tree["index"], slug="video")
    page.body = [
        ("video", {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "Le film", "transcript": ""})
    ]
    page.save_revision().publish()
    html = client.get("/actualites/video/").text
    document = BeautifulSoup(html, "html.parser")
    # The only iframe is inert, in a <template> that video.js copies on the click.
    assert [iframe.parent.name for iframe in document.find_all("iframe")] == ["template"]
    assert not [tag for tag in document.find_all(src=True) if "youtube" in tag["src"]]
    player = document.find("template", class_="video-block__player").find("iframe")
    assert player["data-src"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert document.select_one(".video-block a")["href"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def test_video_block_refuses_unknown_hosts():
    from wagtail.blocks import StructBlockValidationError

    from home.blocks import VideoBlock

    block = VideoBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean({"url": "https://videos.example.com/x", "title": "x", "transcript": ""})
    assert block.clean({"url": "https://vimeo.com/76979871", "title": "x", "transcript": ""})["url"]


def test_hero_image_needs_alt_text(news_tree):
    from django.core.exceptions import ValidationError

    page = NewsPageFactory(parent=news_tree["index"])
    page.hero_image = ImageFactory()
    page.hero_alt = ""
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "hero_alt" in error.value.message_dict


def test_rich_text_injection_does_not_reach_the_public_page(client, news_tree, django_user_model):
    page = NewsPageFactory(parent=news_tree["index"], slug="piege")
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(editor)
    hostile = {
        "blocks": [
            {
                "key": "k1",
                "text": "<img src=x onerror=alert(1)> lien",
                "type": "unstyled",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 31, "length": 4, "key": 0}],
                "data": {},
            },
            {
                "key": "k2",
                "text": "Titre interdit",
                "type": "header-one",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [],
                "data": {},
            },
        ],
        "entityMap": {
            "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(document.cookie)"}}
        },
    }
    data = nested_form_data(
        {
            "title": "Piège",
            "slug": "piege",
            "date": "2018-09-03",
            "byline": "",
            "category": "",
            "tags": "",
            "hero_image": "",
            "hero_alt": "",
            "intro": "<script>alert(1)</script>",
            "body": streamfield([("paragraph", json.dumps(hostile))]),
            "seo_title": "",
            "search_description": '"><script>alert(2)</script>',
            "social_image": "",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
            "related_pages-TOTAL_FORMS": "0",
            "related_pages-INITIAL_FORMS": "0",
            "action-publish": "1",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    client.logout()
    html = client.get("/actualites/piege/").text
    assert_no_script(html)
    assert len(BeautifulSoup(html, "html.parser").find_all("h1")) == 1  # rich text may not add an h1
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# --- feeds -----------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "version"), [("rss/", "rss20"), ("atom/", "atom10")])
def test_feeds_parse_in_a_real_parser_in_both_languages(client, news_tree, path, version):
    image = ImageFactory()
    french = NewsPageFactory(
        parent=news_tree["index"], title="Première", slug="premiere", hero_image=image, hero_alt="Visuel"
    )
    translate(news_tree["index"], "en", slug="news", title="News")
    translate(french, "en", slug="first", title="First")

    for prefix, title, url in [
        ("/actualites/", "Première", "http://testserver/actualites/premiere/"),
        ("/en/news/", "First", "http://testserver/en/news/first/"),
    ]:
        response = client.get(prefix + path)
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.bozo_exception
        assert feed.version == version
        assert [entry.title for entry in feed.entries] == [title]
        entry = feed.entries[0]
        assert entry.link == url
        assert entry.published_parsed[:3] == (2018, 9, 3)
        assert feed.feed.link.startswith("http://testserver" + prefix)
        if version == "rss20":
            assert entry.enclosures[0].href.startswith("http://testserver/")
            assert entry.enclosures[0].type.startswith("image/")


def test_feed_links_are_announced_in_head(client, news_tree):
    html = soup(client.get("/"))
    links = {link["type"]: link["href"] for link in html.select('head link[rel="alternate"][type]')}
    assert links == {"application/rss+xml": "/actualites/rss/", "application/atom+xml": "/actualites/atom/"}


# --- metadata on every page type ------------------------------------------------------------


def head_meta(html):
    head = html.head
    return {
        "title": head.title.get_text(),
        "description": (head.select_one('meta[name="description"]') or {}).get("content"),
        "canonical": (head.select_one('link[rel="canonical"]') or {}).get("href"),
        "og": {tag["property"]: tag["content"] for tag in head.select("meta[property]")},
        "twitter": {tag["name"]: tag["content"] for tag in head.select('meta[name^="twitter:"]')},
        "hreflang": {tag["hreflang"]: tag["href"] for tag in head.select("link[hreflang]")},
        "json_ld": [json.loads(tag.string) for tag in head.select('script[type="application/ld+json"]')],
    }


METADATA_CASES = [
    ("/", "website", ["Organization"]),
    ("/en/", "website", ["Organization"]),
    ("/actualites/", "website", []),
    ("/actualites/neuf-projets-sur-dix-finances/", "article", ["NewsArticle"]),
    ("/en/news/nine-projects-out-of-ten-funded/", "article", ["NewsArticle"]),
    ("/appels-a-projets/", "website", []),
    ("/appels-a-projets/mel-makers-2018/", "website", ["Event", "Event"]),
    ("/appels-a-projets/mel-makers-2018/les-palettes-retrouvees/", "website", []),
    ("/partenaires/", "website", []),
    ("/partenaires/makers-lille/", "website", []),
    ("/mentions-legales/", "website", []),
]


def test_every_page_type_has_its_metadata(client, demo):
    """One demo site, every public page type (the demo fixture: built once, copied in)."""
    for url, og_type, ld_types in METADATA_CASES:
        meta = head_meta(soup(client.get(url)))
        assert meta["canonical"] == "http://testserver" + url, url
        assert meta["description"], url
        assert meta["og"]["og:type"] == og_type, url
        assert meta["og"]["og:url"] == meta["canonical"], url
        assert meta["og"]["og:title"] in meta["title"], url
        assert meta["og"]["og:locale"] == ("en_GB" if url.startswith("/en/") else "fr_FR"), url
        assert meta["twitter"]["twitter:card"] in ("summary", "summary_large_image"), url
        if "og:image" in meta["og"]:
            assert meta["og"]["og:image"].startswith("http://testserver/"), url
            width, height = int(meta["og"]["og:image:width"]), int(meta["og"]["og:image:height"])
            assert width <= 1200 and abs(width * 630 / 1200 - height) <= 1, url  # 1200×630 crop, never upscaled
            assert meta["twitter"]["twitter:card"] == "summary_large_image", url
        assert set(meta["hreflang"]) == {"fr", "en"}, url
        assert [item["@type"] for item in meta["json_ld"]] == ld_types, url
        for item in meta["json_ld"]:
            assert item["@context"] == "https://schema.org", url


def test_news_article_json_ld_is_complete(client, demo):
    article = head_meta(soup(client.get("/actualites/neuf-projets-sur-dix-finances/")))["json_ld"][0]
    assert article["headline"] == "Plus de 55\u202f000\u00a0€ collectés\u00a0: neuf projets sur dix financés"
    assert article["datePublished"] == "2018-10-22"
    assert article["inLanguage"] == "fr"
    assert article["image"][0].startswith("http://testserver/")
    og = head_meta(soup(client.get("/actualites/neuf-projets-sur-dix-finances/")))["og"]
    assert (og["og:image:width"], og["og:image:height"]) == ("1200", "630")
    assert article["author"]["name"]


def test_json_ld_cannot_be_broken_out_of(client, news_tree):
    NewsPageFactory(parent=news_tree["index"], slug="evasion", title="</script><script>alert(1)</script>")
    html = client.get("/actualites/evasion/").text
    assert "</script><script>alert(1)" not in html
    assert_no_script(html)


def test_sitemap_lists_both_languages_with_alternates_and_robots_points_to_it(client, demo):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    document = ElementTree.fromstring(response.content)  # noqa: S314 (our own output)
    locations = [loc.text for loc in document.findall("s:url/s:loc", namespaces)]
    assert "http://testserver/" in locations and "http://testserver/en/" in locations
    assert "http://testserver/actualites/neuf-projets-sur-dix-finances/" in locations
    assert "http://testserver/en/news/nine-projects-out-of-ten-funded/" in locations
    assert len(locations) == Page.objects.live().filter(depth__gte=2).count()
    home = next(
        url
        for url in document.findall("s:url", namespaces)
        if url.find("s:loc", namespaces).text == "http://testserver/"
    )
    alternates = {link.get("hreflang"): link.get("href") for link in home.findall("x:link", namespaces)}
    assert alternates == {"fr": "http://testserver/", "en": "http://testserver/en/"}
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in robots.text
    assert "Disallow: /admin/" in robots.text


# --- editorial tools --------------------------------------------------------------------------


def test_scheduled_news_appears_only_after_its_time(client, news_tree):
    page = NewsPageFactory(parent=news_tree["index"], slug="plus-tard", title="Annonce programmée", live=False)
    go_live = timezone.now() + datetime.timedelta(hours=2)
    page.go_live_at = go_live
    revision = page.save_revision(approved_go_live_at=go_live)
    revision.publish()  # with a future date this schedules rather than publishes
    assert not NewsPage.objects.get(pk=page.pk).live
    assert "Annonce programmée" not in client.get("/actualites/").text
    assert client.get("/actualites/plus-tard/").status_code == 404
    call_command("publish_scheduled")
    assert not NewsPage.objects.get(pk=page.pk).live

    with time_machine.travel(go_live + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")
    assert NewsPage.objects.get(pk=page.pk).live
    assert "Annonce programmée" in client.get("/actualites/").text


def test_news_can_be_translated_with_wagtail_localize(news_tree):
    from wagtail_localize.models import TranslationSource

    english = Locale.objects.get(language_code="en")
    index_source, _ = TranslationSource.get_or_create_from_instance(news_tree["index"])
    index_source.create_or_update_translation(english, fallback=True)
    page = NewsPageFactory(parent=news_tree["index"], title="À traduire")
    source, _ = TranslationSource.get_or_create_from_instance(page)
    # fallback=True: untranslated segments keep the French text until a translator fills them in.
    translated, created = source.create_or_update_translation(english, fallback=True)
    assert created
    assert translated.locale == english
    assert translated.get_parent().specific.locale == english
    assert NewsPage.objects.filter(translation_key=page.translation_key).count() == 2


def test_editors_get_the_accessibility_checker_in_the_user_bar(client, news_tree, django_user_model):
    page = NewsPageFactory(parent=news_tree["index"], slug="a11y")
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    html = client.get(page.url).text
    assert "w-userbar" in html
    assert 'id="checker-axe-configuration"' in html  # Wagtail's content and accessibility checker
    client.logout()
    assert "w-userbar" not in client.get(page.url).text


class NewsTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        Page.objects.filter(depth=2, slug="home").delete()
        cls.home, _ = build_site()
        cls.index = NewsIndexPageFactory(parent=cls.home)
        cls.news = NewsPageFactory(parent=cls.index)

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_every_page_type_can_be_previewed(self):
        self.assertPageIsPreviewable(
            self.news,
            post_data=nested_form_data(
                {
                    "title": "Aperçu",
                    "slug": "apercu",
                    "date": "2018-09-03",
                    "intro": "Chapeau",
                    "body": streamfield([]),
                    "comments-TOTAL_FORMS": "0",
                    "comments-INITIAL_FORMS": "0",
                    "related_pages-TOTAL_FORMS": "0",
                    "related_pages-INITIAL_FORMS": "0",
                }
            ),
        )
        self.assertPageIsPreviewable(
            self.index,
            post_data=nested_form_data({"title": "Actualités", "slug": "actualites", "intro": ""}),
        )
