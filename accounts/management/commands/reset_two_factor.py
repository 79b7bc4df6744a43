from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts import events
from accounts.two_factor import is_required, remove_devices


class Command(BaseCommand):
    help = (
        "Remove an account's authenticator app and recovery codes (a lost phone). At its next "
        "login the account sets up a new app if it must use one (officers, superusers)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="the account's login")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(f"No account with the login {username!r}.") from None
        removed = remove_devices(user)
        if not removed:
            self.stdout.write(f"{username}: no two-factor device to remove.")
            return
        events.record(events.RESET, user, detail="manage.py reset_two_factor")
        then = "must set up a new app at its next login" if is_required(user) else "signs in with its password alone"
        self.stdout.write(f"{username}: two-factor devices removed; the account {then}.")
