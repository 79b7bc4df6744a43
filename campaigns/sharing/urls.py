"""Addresses of the API, open data and oEmbed (language-neutral) and of the embeds (per language).

Ids are ``<id:…>`` (home.converters): digits within a 64-bit integer, so an id too large for the
database is a 404, not a 500. Any other address under ``api/`` or of a dataset answers a JSON 404
(not the site's HTML page), so that a client reading JSON gets a reason it can read."""

from django.urls import path, re_path

from . import embed, views

urlpatterns = [
    path("api/v1/campaigns/<id:pk>/", views.campaign_detail, name="api_campaign"),
    path("api/v1/calls/", views.call_list, name="api_calls"),
    path("api/v1/calls/<id:pk>/", views.call_detail, name="api_call"),
    path("api/v1/openapi.json", views.openapi, name="api_openapi"),
    re_path(r"^api/", views.api_not_found),
    path("donnees/appels/<id:pk>/laureats.json", views.call_dataset_json, name="opendata_call_json"),
    path("donnees/appels/<id:pk>/laureats.csv", views.call_dataset_csv, name="opendata_call_csv"),
    re_path(r"^donnees/appels/[^/]*/laureats\.(?:json|csv)$", views.dataset_not_found),
    path("oembed/", embed.oembed, name="oembed"),
]

# Under i18n_patterns: /embed/... in French, /en/embed/... in English.
embed_urlpatterns = [
    path("embed/campaigns/<id:pk>/", embed.campaign_embed, name="embed_campaign"),
    path("embed/calls/<id:pk>/results/", embed.results_embed, name="embed_results"),
]
