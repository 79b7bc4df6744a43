"""News pieces other templates place: the latest stories and the feed links in <head>."""

from django import template
from django.db.models import Q

from home import layout
from home.layout import public_q
from home.models import active_locale_id
from news.models import NewsIndexPage, NewsPage

register = template.Library()


def _index_for_active_language():
    return NewsIndexPage.objects.live().filter(locale_id=active_locale_id()).first()


@register.inclusion_tag("news/includes/feed_links.html", takes_context=True)
def news_feed_links(context):
    """The feeds of the active language's news index, kept with the site's shell (home.layout)."""
    request = context.get("request")
    if request is None:
        return {}

    def build():
        index = _index_for_active_language()
        if index is None:
            return {}
        url = index.get_url(request)
        return {"index_title": index.title, "rss_url": url + "rss/", "atom_url": url + "atom/"}

    return layout.remember("news-feeds", layout.site_id(request), build)


@register.inclusion_tag("news/includes/latest_news.html", takes_context=True)
def latest_news(context, count=3, heading_level=2):
    """The newest stories plus the ones editors pinned, newest first, in the active language."""
    index = _index_for_active_language()
    if index is None:
        return {"news": []}
    base = NewsPage.objects.child_of(index).live().filter(public_q())
    latest_ids = list(base.order_by("-date", "-pk").values_list("pk", flat=True)[:count])
    news = (
        base.filter(Q(pk__in=latest_ids) | Q(pinned=True))
        .select_related("category", "hero_image")
        .prefetch_related("hero_image__renditions")
        .order_by("-pinned", "-date", "-pk")
    )
    return {"news": list(news), "index": index, "heading_level": heading_level, "request": context.get("request")}
