"""When the shell cache (``home.layout``) must be built afresh: whatever the menu, the language
homes, the footer, the site settings or the list of private pages show has changed."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home import layout
from home.models import SiteSettings


def connect():
    for signal in (page_published, page_unpublished):
        signal.connect(layout.invalidate, dispatch_uid=f"layout-{signal}")
    post_page_move.connect(layout.invalidate, dispatch_uid="layout-move")
    for model in (Page, PageViewRestriction, Locale, Site, SiteSettings):
        post_delete.connect(layout.invalidate, sender=model, dispatch_uid=f"layout-delete-{model.__name__}")
    for model in (PageViewRestriction, Locale, Site, SiteSettings):
        post_save.connect(layout.invalidate, sender=model, dispatch_uid=f"layout-save-{model.__name__}")
