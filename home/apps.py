from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site et accueil")

    def ready(self):
        from . import converters, languages  # noqa: F401 (register <id:…> in URLs, the LANGUAGE_REGIONS check)
        from .signals import connect
        from .spreadsheets import protect_wagtail_csv_exports

        connect()

        protect_wagtail_csv_exports()
