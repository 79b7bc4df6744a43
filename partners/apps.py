from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partenaires")

    def ready(self):
        from . import display_names, sync

        sync.connect()
        # Partners see other accounts by role, never by e-mail (see display_names).
        display_names.install()
