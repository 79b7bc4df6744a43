"""The sharing app's own data: generated share images."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LaureateShareImage(models.Model):
    """The generated Open Graph picture of a laureate page (one per language), drawn by
    ``campaigns.sharing.share_image`` when the figures or the page change, never during a page view.

    The table keeps its first name (``campaigns_laureateshareimage``): the model moved apps.

    ``fingerprint`` hashes what the picture shows, so an unchanged page is not redrawn; the file
    name contains it, so the URL changes with the picture and social networks fetch it again."""

    WIDTH, HEIGHT = 1200, 630

    page = models.OneToOneField(
        "campaigns.LaureatePage",
        verbose_name=_("page du lauréat"),
        on_delete=models.CASCADE,
        related_name="share_image",
    )
    file = models.FileField(_("fichier"), upload_to="share/", max_length=255)
    fingerprint = models.CharField(_("empreinte des données affichées"), max_length=64)
    generated_at = models.DateTimeField(_("générée le"))

    class Meta:
        db_table = "campaigns_laureateshareimage"
        verbose_name = _("image de partage générée")
        verbose_name_plural = _("images de partage générées")

    def __str__(self):
        return self.file.name
