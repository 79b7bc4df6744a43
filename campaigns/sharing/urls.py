"""Addresses of the API, open data and oEmbed (language-neutral) and of the embeds (per language)."""

from django.urls import path

from . import embed, views

urlpatterns = [
    path("api/v1/campaigns/<int:pk>/", views.campaign_detail, name="api_campaign"),
    path("api/v1/calls/", views.call_list, name="api_calls"),
    path("api/v1/calls/<int:pk>/", views.call_detail, name="api_call"),
    path("api/v1/openapi.json", views.openapi, name="api_openapi"),
    path("donnees/appels/<int:pk>/laureats.json", views.call_dataset_json, name="opendata_call_json"),
    path("donnees/appels/<int:pk>/laureats.csv", views.call_dataset_csv, name="opendata_call_csv"),
    path("oembed/", embed.oembed, name="oembed"),
]

# Under i18n_patterns: /embed/... in French, /en/embed/... in English.
embed_urlpatterns = [
    path("embed/campaigns/<int:pk>/", embed.campaign_embed, name="embed_campaign"),
    path("embed/calls/<int:pk>/results/", embed.results_embed, name="embed_results"),
]
