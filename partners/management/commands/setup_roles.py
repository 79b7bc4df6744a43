from django.core.management.base import BaseCommand

from partners.roles import setup_roles


class Command(BaseCommand):
    help = "Create or update the officers' and partners' groups, collections and moderation workflow (idempotent)."

    def handle(self, *args, **options):
        setup_roles()
        self.stdout.write("roles: communication officers, one group per partner, moderation workflow: ok")
