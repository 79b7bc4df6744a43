"""Removes the metadata (EXIF and its GPS position, XMP, IPTC, comments) from the images already
stored, as uploads are cleaned since home/uploads.py: run once after deploying, safe to run again.

Each image with metadata is re-encoded in place (same name, same format, orientation applied),
its size, hash and dimensions are updated and its renditions dropped (drawn again, clean, from
the new original). An image already clean is left untouched."""

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.images import get_image_model

from PIL import Image as PillowImage

from home.uploads import UploadRefused, image_metadata, strip_image_metadata


def _extension(name):
    return name.rsplit(".", 1)[-1].lower()


def clean_stored_image(image):
    """True when the image had metadata and was cleaned, False when it was already clean."""
    with image.file.open("rb") as handle:
        data = handle.read()
    if not image_metadata(data):
        return False
    clean = strip_image_metadata(data, _extension(image.file.name))
    storage, name = image.file.storage, image.file.name
    with transaction.atomic():
        storage.delete(name)
        image.file.name = storage.save(name, ContentFile(clean))
        with PillowImage.open(image.file.open("rb")) as decoded:
            image.width, image.height = decoded.size
        image.file.close()
        image._set_image_file_metadata()  # file_size and file_hash of the clean file
        image.save(update_fields=["file", "width", "height", "file_size", "file_hash"])
        image.renditions.all().delete()
    return True


class Command(BaseCommand):
    help = "Removes EXIF (GPS), XMP, IPTC and comments from the stored original images."

    def handle(self, *args, **options):
        cleaned = already_clean = unreadable = 0
        for image in get_image_model().objects.order_by("pk").iterator():
            try:
                if clean_stored_image(image):
                    cleaned += 1
                else:
                    already_clean += 1
            except (OSError, UploadRefused) as error:
                unreadable += 1
                reason = "; ".join(error.messages) if isinstance(error, UploadRefused) else str(error)
                self.stderr.write(
                    _("Image %(id)s (%(name)s) illisible : %(reason)s")
                    % {"id": image.pk, "name": image.file.name, "reason": reason}
                )
        counts = [
            ngettext("%(count)d image nettoyée", "%(count)d images nettoyées", cleaned) % {"count": cleaned},
            ngettext("%(count)d déjà propre", "%(count)d déjà propres", already_clean) % {"count": already_clean},
            ngettext("%(count)d illisible", "%(count)d illisibles", unreadable) % {"count": unreadable},
        ]
        self.stdout.write(", ".join(counts) + ".")
