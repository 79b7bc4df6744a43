from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Admin accounts' security: two-factor authentication and the log of authentication events."""

    name = "accounts"
    verbose_name = "Comptes"

    def ready(self):
        from . import events

        events.connect()
