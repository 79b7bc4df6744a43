from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SharingConfig(AppConfig):
    """Embeds, oEmbed, the JSON API, open data and share images: everything that leaves the portal."""

    name = "campaigns.sharing"
    label = "sharing"
    verbose_name = _("Partage et données ouvertes")

    def ready(self):
        from . import signals  # noqa: F401 (keeps the share images in step with figures and pages)
