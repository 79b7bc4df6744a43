"""The page cache (home.page_cache): what it keeps, for whom, and what purges it."""

from datetime import timedelta
from decimal import Decimal

from django.core.cache import cache
from django.utils import timezone

import pytest

from funding.figures import record_figures
from funding.models import FiguresSource
from home import layout, page_cache
from home.models import SiteSettings
from tests.factories import ContentPageFactory, LaureatePageFactory


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def tree(partner_tree, django_capture_on_commit_callbacks):
    tree = dict(partner_tree)
    tree["capture"] = django_capture_on_commit_callbacks
    return tree


def get(client, url, **extra):
    response = client.get(url, **extra)
    return response, response.get("X-Page-Cache")


def publish(tree, page):
    with tree["capture"](execute=True):
        page.save_revision().publish()


def test_an_anonymous_visitor_is_served_the_kept_page_without_a_query(client, tree, django_assert_num_queries):
    url = tree["laureate"].url
    first, state = get(client, url)
    assert (first.status_code, state) == (200, "miss")
    with django_assert_num_queries(0):
        second, state = get(client, url)
    assert state == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_kept_pages_say_public_and_vary_on_nothing_personal(client, tree, settings):
    settings.PAGE_CACHE_MAX_AGE, settings.PAGE_CACHE_S_MAXAGE = 30, 600
    for _attempt in ("miss", "hit"):
        response, _state = get(client, "/")
        control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"public", "max-age=30", "s-maxage=600"} <= control
        assert "cookie" not in response.get("Vary", "").lower()
        assert "accept-language" not in response.get("Vary", "").lower()
        assert not response.cookies
        assert "nonce" not in response["Content-Security-Policy"]


def test_a_page_lives_no_longer_than_the_next_collection_end(client, tree):
    campaign = tree["laureate"].campaign
    campaign.starts_at = timezone.now() - timedelta(days=3)
    campaign.ends_at = timezone.now() + timedelta(seconds=90)
    campaign.save()
    response, _state = get(client, tree["laureate"].url)
    control = dict(part.strip().partition("=")[::2] for part in response["Cache-Control"].split(","))
    assert 0 < int(control["s-maxage"]) <= 90


def test_signed_in_users_are_never_served_nor_kept(client, tree):
    url = tree["laureate"].url
    get(client, url)  # kept for anonymous visitors
    client.force_login(tree["officer"])
    response, state = get(client, url)
    assert state is None
    assert "wagtail-userbar" in response.content.decode() or "w-userbar" in response.content.decode()
    client.logout()
    cache.clear()
    client.force_login(tree["officer"])
    get(client, url)
    client.logout()
    _response, state = get(client, url)
    assert state == "miss"  # what the officer saw was not kept


def test_private_pages_posts_errors_and_the_admin_are_never_kept(client, tree):
    from wagtail.models import PageViewRestriction

    private = ContentPageFactory(parent=tree["home"], slug="reservee", title="Réservée")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    for url in (private.url, "/page-qui-n-existe-pas/", "/admin/login/"):
        for _attempt in range(2):
            response, state = get(client, url)
            assert state is None, url
            assert "public" not in response.get("Cache-Control", ""), url
    response = client.post(tree["laureate"].url)
    assert response.get("X-Page-Cache") is None


def test_publishing_a_laureate_purges_it_and_every_page_that_shows_it(client, tree):
    laureate = tree["laureate"]
    shown_on = [laureate.url, tree["call"].url, tree["a"].url]
    for url in shown_on:
        assert get(client, url)[1] == "miss"
        assert get(client, url)[1] == "hit"
    laureate.title = "Lauréat rebaptisé"
    publish(tree, laureate)
    for url in shown_on:
        response, state = get(client, url)
        assert state == "miss", url
        assert "Lauréat rebaptisé" in response.content.decode(), url


def test_a_page_elsewhere_keeps_its_kept_copy(client, tree):
    get(client, tree["b"].url)
    laureate = tree["laureate"]
    laureate.title = "Lauréat rebaptisé"
    publish(tree, laureate)
    assert get(client, tree["b"].url)[1] == "hit"  # partner B shows nothing of that laureate


def test_unpublishing_takes_the_page_out_at_once(client, tree):
    laureate = tree["laureate"]
    get(client, laureate.url), get(client, tree["call"].url)
    with tree["capture"](execute=True):
        laureate.unpublish()
    assert client.get(laureate.url).status_code == 404
    assert laureate.title not in client.get(tree["call"].url).content.decode()


def test_a_new_laureate_appears_on_its_call_page(client, tree):
    get(client, tree["call"].url)
    new = LaureatePageFactory(parent=tree["call"], title="Tout nouveau lauréat", slug="nouveau", live=False)
    publish(tree, new)
    assert "Tout nouveau lauréat" in client.get(tree["call"].url).content.decode()


def test_recorded_figures_reach_the_page_its_call_the_embed_and_the_api(client, tree):
    laureate = tree["laureate"]
    campaign = laureate.campaign
    urls = [laureate.url, tree["call"].url, f"/embed/campaigns/{campaign.pk}/", f"/api/v1/campaigns/{campaign.pk}/"]
    before = {url: get(client, url)[0].content for url in urls}
    assert all(get(client, url)[1] == "hit" for url in urls)
    with tree["capture"](execute=True):
        record_figures(campaign, raised=Decimal("4321"), donors=77, source=FiguresSource.MANUAL)
    for url in urls:
        response, state = get(client, url)
        assert state == "miss", url
        assert response.content != before[url], url
    assert "4321" in client.get(urls[-1]).content.decode()


def test_the_embed_keeps_its_own_policy_when_served_from_the_cache(client, tree):
    url = f"/embed/campaigns/{tree['laureate'].campaign.pk}/"
    first, _state = get(client, url)
    second, state = get(client, url)
    assert state == "hit"
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "frame-ancestors *" in second["Content-Security-Policy"]
    assert "X-Frame-Options" not in second


def test_a_site_settings_change_purges_every_page(client, tree):
    for url in ("/", tree["b"].url):
        get(client, url)
    site_settings = SiteSettings.for_site(tree["home"].get_site())
    site_settings.organisation_name = "Collectivité renommée"
    with tree["capture"](execute=True):
        site_settings.save()
    for url in ("/", tree["b"].url):
        response, state = get(client, url)
        assert state == "miss" and "Collectivité renommée" in response.content.decode(), url


def test_both_languages_are_kept_apart(client, tree):
    french, _state = get(client, "/")
    english, state = get(client, "/en/")
    assert state == "miss"
    assert '<html lang="en">' in english.content.decode()
    assert '<html lang="fr">' in get(client, "/")[0].content.decode()
    assert french.content != english.content


def test_a_cache_that_does_not_answer_leaves_pages_and_publishing_working(client, tree, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    # (Wagtail's own caches are Wagtail's: only what this portal keeps fails here.)
    monkeypatch.setattr(page_cache, "_generations", broken)
    monkeypatch.setattr(page_cache.secrets, "token_hex", broken)
    monkeypatch.setattr(layout, "version", broken)
    response = client.get(tree["laureate"].url)
    assert response.status_code == 200 and response.get("X-Page-Cache") is None
    laureate = tree["laureate"]
    laureate.title = "Publié sans cache"
    publish(tree, laureate)
    assert "Publié sans cache" in client.get(laureate.url).content.decode()


def test_purge_paths_forgets_every_query_string_of_a_path(client, tree):
    url = tree["call"].url
    get(client, url), get(client, url + "?page=1")
    page_cache.purge_paths([url])
    assert get(client, url)[1] == "miss"
    assert get(client, url + "?page=1")[1] == "miss"
