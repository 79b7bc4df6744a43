from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import urls as accounts_urls
from campaigns.sharing import urls as sharing_urls
from funding.webhooks import funding_webhook
from home import views as home_views
from portal import health
from search import views as search_views

urlpatterns = [
    # For the load balancer (not in the sitemap; see docs/deployment.md).
    path("healthz", health.healthz, name="healthz"),
    path("sitemap.xml", home_views.sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("favicon.ico", home_views.favicon, name="favicon"),
    # Two-factor set-up and verification, under the admin's prefix and before its catch-all.
    path("admin/securite/", include(accounts_urls, namespace="accounts")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("webhooks/<slug:provider>/", funding_webhook, name="funding_webhook"),
    *sharing_urls.urlpatterns,
]

# Database errors become the 503 maintenance answer; other errors an honest 500 page.
handler500 = "portal.errors.server_error"

if settings.DEBUG:
    from portal.media import dev_media

    # Images only: documents go through /documents/ and its privacy check (portal/media.py).
    urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", dev_media, name="dev_media")]

# French at "/", English at "/en/"; Wagtail's page tree is the catch-all, last.
urlpatterns += i18n_patterns(
    path(_("recherche/"), search_views.search, name="search"),
    path(_("recherche/suggestions/"), search_views.suggestions, name="search_suggestions"),
    *sharing_urls.embed_urlpatterns,
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
