"""Keep the generated share images in step with what they show.

Pictures are drawn after the commit (a rolled back change draws nothing) and never during a page
view; ``share_image`` logs its own failures, so a save or a publish never fails because of them.
Figures reach here through ``funding.figures.figures_changed``, sent once the change is committed."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.images import get_image_model
from wagtail.signals import page_published

from campaigns.models import LaureatePage
from funding.figures import figures_changed

from .models import LaureateShareImage

# Fields a picture shows: other changes (sync bookkeeping, the name) leave pictures alone.
SHOWN_FIELDS = {"raised", "goal", "donors", "currency", "funding_model", "starts_at", "ends_at", "cancelled"}


@receiver(figures_changed)
def campaign_changed(sender, campaign, fields, **kwargs):
    if not SHOWN_FIELDS & set(fields):
        return
    from .share_image import refresh_for_campaign

    refresh_for_campaign(campaign)


@receiver(page_published, sender=LaureatePage)
def laureate_published(sender, instance, **kwargs):
    from .share_image import refresh

    transaction.on_commit(partial(refresh, instance))


# Image fields a picture depends on: Wagtail also saves images to store their size or hash.
IMAGE_FIELDS = {"file", "focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height"}


@receiver(post_save, sender=get_image_model())
def image_saved(sender, instance, created=False, update_fields=None, **kwargs):
    """A new file or focal point for a hero image changes the pictures that show it."""
    if created or (update_fields is not None and not IMAGE_FIELDS & set(update_fields)):
        return
    from .share_image import refresh

    for page in LaureatePage.objects.live().filter(hero_image=instance).only("pk"):
        transaction.on_commit(partial(refresh, page))


@receiver(post_delete, sender=LaureateShareImage)
def share_image_deleted(sender, instance, **kwargs):
    """The file goes with its row (a deleted page, a page without campaign), once committed."""
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(partial(storage.delete, name))
