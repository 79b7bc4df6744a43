from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("activer/", views.setup, name="setup"),
    path("verifier/", views.verify, name="verify"),
    path("codes-de-secours/", views.regenerate_codes, name="regenerate_codes"),
    path("desactiver/", views.disable, name="disable"),
]
