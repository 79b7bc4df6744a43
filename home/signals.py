"""What the shell cache (``home.layout``) and the page cache (``home.page_cache``) forget, and when.

Each purge happens twice: at once, and again once the transaction is committed, so that a request
that read the old content between the two cannot leave it in the cache."""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home import layout, page_cache
from home.models import SiteSettings

logger = logging.getLogger(__name__)


def twice(function, *args):
    _safely(function, *args)
    transaction.on_commit(lambda: _safely(function, *args))


def _safely(function, *args):
    """A cache that does not answer must not fail the publish (it keeps nothing then anyway)."""
    try:
        function(*args)
    except Exception:
        logger.exception("Cache purge failed: %s", function.__name__)


def forget_everything(**kwargs):
    twice(layout.invalidate)
    twice(page_cache.purge_all)


def forget_settings(created=False, **kwargs):
    # Wagtail creates the row, with its defaults, the first time a page asks: nothing shown changes.
    if not created:
        forget_everything()


def forget_page(instance, **kwargs):
    twice(layout.invalidate)
    paths = page_cache.paths_to_purge(instance)  # read once: the purge after commit sends the same
    if paths is None:
        twice(page_cache.purge_all)
    else:
        twice(page_cache.purge_paths, paths)


def connect():
    for signal in (page_published, page_unpublished):
        signal.connect(forget_page, dispatch_uid=f"page-cache-{signal}")
    # A move or a deletion changes addresses the purge would have to know from before: rare
    # enough to forget everything.
    post_page_move.connect(forget_everything, dispatch_uid="page-cache-move")
    for model in (Page, PageViewRestriction, Locale, Site, SiteSettings):
        post_delete.connect(forget_everything, sender=model, dispatch_uid=f"page-cache-delete-{model.__name__}")
    for model in (PageViewRestriction, Locale, Site):
        post_save.connect(forget_everything, sender=model, dispatch_uid=f"page-cache-save-{model.__name__}")
    post_save.connect(forget_settings, sender=SiteSettings, dispatch_uid="page-cache-save-SiteSettings")
