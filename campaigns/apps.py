from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Appels à projets et lauréats")

    def ready(self):
        from . import signals  # noqa: F401 (figures purge the page cache)
