from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from partners.invitations import invite_partner
from partners.models import PartnerPage


class Command(BaseCommand):
    help = "Invite a partner account: `invite_partner <partner page id or slug> <email>` (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("partner", help="id or slug of the partner page")
        parser.add_argument("email")

    def handle(self, *args, partner, email, **options):
        pages = (
            PartnerPage.objects.filter(pk=int(partner))
            if partner.isdigit()
            else PartnerPage.objects.filter(slug=partner)
        )
        page = pages.order_by("pk").first()
        if page is None:
            raise CommandError(f"No partner page with id or slug {partner!r}.")
        try:
            user, created = invite_partner(page, email)
        except ValidationError as error:
            raise CommandError(f"{email!r}: {'; '.join(error.messages)}") from None
        state = "created" if created else "already existed, invitation sent again"
        self.stdout.write(f"{user.email}: {state}; member of the group of {page.title!r}")
