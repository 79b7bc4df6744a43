from django.core.management.base import BaseCommand

from campaigns.sharing.share_image import refresh_all


class Command(BaseCommand):
    help = (
        "Draw the share image (og:image) of every live laureate page whose figures, title or hero image "
        "changed since its last picture (--force: all of them)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="redraw every picture, even unchanged ones")

    def handle(self, *args, force=False, **options):
        count = refresh_all(force=force)
        self.stdout.write(f"share images in place: {count}")
