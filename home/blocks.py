"""The shared StreamField vocabulary. Every page body uses ``BaseStreamBlock``;
later apps extend it by subclassing, so editors meet the same blocks everywhere."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

# Body text never gets an h1 (the page title is the only one) nor raw HTML.
RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Texte"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Titre de niveau 2")), ("h3", _("Titre de niveau 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Titre")
        template = "blocks/heading_block.html"
        description = _("Un intertitre qui structure la page.")
        preview_value = {"text": "L'économie circulaire près de chez vous", "level": "h2"}
        group = _("Texte")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Citation"))
    attribution = blocks.CharBlock(label=_("Auteur ou autrice"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "blocks/quote_block.html"
        description = _("Une citation mise en valeur, avec son auteur.")
        preview_value = {"quote": "Les makers ont des super idées.", "attribution": "Une élue"}
        group = _("Texte")


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Texte du bouton"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("ou adresse externe"), required=False)

    class Meta:
        icon = "link"
        label = _("Appel à l'action")
        template = "blocks/call_to_action_block.html"
        description = _("Un bouton vers une page du site ou une adresse externe.")
        preview_value = {"text": "Découvrir les projets", "url": "https://example.org"}
        group = _("Liens")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": blocks.BlockValidationError(_("Choisissez une page ou saisissez une adresse."))}
            )
        return value


class FundingProgressBlock(blocks.StructBlock):
    """A laureate's donation progress. The page type is named by string so that
    ``home`` never imports ``campaigns``; the template uses the campaigns tags."""

    laureate = blocks.PageChooserBlock(label=_("Lauréat"), page_type="campaigns.LaureatePage")

    class Meta:
        icon = "pick"
        label = _("Progression d'une collecte")
        template = "blocks/funding_progress_block.html"
        description = _("Montant collecté, objectif, contributeurs et jours restants d'un lauréat.")
        group = _("Collectes")


class ProgrammeResultsBlock(blocks.StructBlock):
    call = blocks.PageChooserBlock(label=_("Appel à projets"), page_type="campaigns.CallPage")

    class Meta:
        icon = "table"
        label = _("Résultats du programme")
        template = "blocks/programme_results_block.html"
        description = _("Candidatures, lauréats, collectes réussies, total collecté et contributeurs d'un appel.")
        group = _("Collectes")


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Paragraphe"),
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        group=_("Texte"),
    )
    quote = QuoteBlock()
    image = ImageBlock(label=_("Image"), group=_("Médias"), template="blocks/image_block.html")
    video = EmbedBlock(
        label=_("Vidéo"),
        help_text=_("Adresse d'une vidéo (PeerTube, YouTube, Vimeo…)."),
        icon="media",
        group=_("Médias"),
        template="blocks/embed_block.html",
    )
    call_to_action = CallToActionBlock()
    funding_progress = FundingProgressBlock()
    programme_results = ProgrammeResultsBlock()
