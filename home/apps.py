from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site et accueil")

    def ready(self):
        from . import languages  # noqa: F401 (registers the LANGUAGE_REGIONS system check)
