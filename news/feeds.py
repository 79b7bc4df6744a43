"""RSS 2.0 and Atom feeds of a news index (one per language, served by the index page)."""

import datetime
import mimetypes

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed

from home.models import absolute_url

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        return index.title

    def link(self, index):
        return absolute_url(index, self.request)

    def description(self, index):
        return index.intro or index.title

    def feed_url(self, index):
        return self.request.build_absolute_uri()

    def items(self, index):
        return index.news()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return absolute_url(item, self.request)

    def item_guid(self, item):
        return absolute_url(item, self.request)

    def item_pubdate(self, item):
        # The editorial date, at the time the page first went live when that was the same day.
        first = item.first_published_at
        if first and timezone.localtime(first).date() == item.date:
            return first
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(9, 0)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_author_name(self, item):
        return item.byline or None

    def item_categories(self, item):
        return [item.category.name] if item.category_id else []

    def item_enclosures(self, item):
        if not item.hero_image_id:
            return []
        rendition = item.hero_image.get_rendition("fill-1200x630")
        url = self.request.build_absolute_uri(rendition.url)
        mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
        try:
            length = str(rendition.file.size)
        except OSError:
            length = "0"
        return [Enclosure(url, length, mime_type)]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)
