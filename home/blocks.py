"""The shared StreamField vocabulary. Every page body uses ``BaseStreamBlock``, so editors meet
the same blocks everywhere.

Apps above ``home`` add their own blocks to it through a Wagtail hook instead of being imported
here (``home`` knows nothing of campaigns): a function registered under ``STREAM_BLOCKS_HOOK`` in
the app's ``wagtail_hooks.py`` returns ``(name, block)`` pairs, which every ``BaseStreamBlock``
appends after the shared blocks when it is built. Page models therefore pass the class, not an
instance, to ``StreamField``: Wagtail builds the block on first use, once the apps are loaded and
every hook is registered. (Built before the apps are loaded, the block fails loudly rather than
silently lacking the contributed blocks.) The contributed blocks are ordinary StructBlocks, so
migrations serialise them exactly as if they were declared here."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks, hooks
from wagtail.images.blocks import ImageBlock

from .text import plain_text

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
                block_errors={"url": ValidationError(_("Choisissez une page ou saisissez une adresse."))}
            )
        return value


# The players a video block may frame. YouTube and Vimeo by their fixed player hosts; PeerTube is
# a federation of independent servers, so only the instances listed in VIDEO_PEERTUBE_HOSTS
# (settings, from the environment) are framed: any other address could serve any page.
YOUTUBE_PLAYER = "https://www.youtube-nocookie.com"
VIMEO_PLAYER = "https://player.vimeo.com"
VIDEO_PLAYERS = [
    # (pattern of the public video address, embed address template, host shown to visitors)
    (
        re.compile(r"^https?://(?:www\.|m\.)?youtube\.com/watch\?(?:.*&)?v=([\w-]{11})", re.ASCII),
        YOUTUBE_PLAYER + "/embed/{}",
        "YouTube",
    ),
    (re.compile(r"^https?://youtu\.be/([\w-]{11})", re.ASCII), YOUTUBE_PLAYER + "/embed/{}", "YouTube"),
    (re.compile(r"^https?://(?:www\.)?vimeo\.com/(\d+)", re.ASCII), VIMEO_PLAYER + "/video/{}", "Vimeo"),
]
PEERTUBE_PATTERNS = [
    re.compile(r"^https://([^/?#]+)/w/([\w-]+)", re.ASCII),
    re.compile(r"^https://([^/?#]+)/videos/watch/([\w-]+)", re.ASCII),
]
# The click-to-play iframe (templates/blocks/video_block.html): sandboxed with only what the
# players need (their scripts, their own cookies and storage, fullscreen, the "watch on the
# host" link), never allowed to navigate this page; the referrer is only our origin (YouTube
# refuses to play without one).
VIDEO_IFRAME_SANDBOX = "allow-scripts allow-same-origin allow-presentation allow-popups"
VIDEO_IFRAME_ALLOW = "autoplay; fullscreen; picture-in-picture"
VIDEO_IFRAME_REFERRER_POLICY = "strict-origin-when-cross-origin"


def peertube_hosts():
    """The PeerTube instances whose videos may be framed, lower case ("host" or "host:port")."""
    return [host.lower() for host in getattr(settings, "VIDEO_PEERTUBE_HOSTS", [])]


def video_frame_sources():
    """The origins a video block may frame: for the Content-Security-Policy's frame-src."""
    return [YOUTUBE_PLAYER, VIMEO_PLAYER, *(f"https://{host}" for host in peertube_hosts())]


def _peertube_match(url):
    for pattern in PEERTUBE_PATTERNS:
        match = pattern.match(url or "")
        if match:
            return match.group(1).lower(), match.group(2)
    return None


def video_player(url):
    """(embed URL, host name) for a supported video address, else None."""
    for pattern, template, host in VIDEO_PLAYERS:
        match = pattern.match(url or "")
        if match:
            return template.format(*match.groups()), host
    peertube = _peertube_match(url)
    if peertube and peertube[0] in peertube_hosts():
        return f"https://{peertube[0]}/videos/embed/{peertube[1]}", "PeerTube"
    return None


def video_address_error(url):
    """Why ``url`` is not a video this portal frames (a message for the editor)."""
    peertube = _peertube_match(url)
    if peertube is None:
        if re.match(r"^http://[^/?#]+/(?:w|videos/watch)/", url or ""):
            return _("Une vidéo PeerTube s'intègre par son adresse en https://.")
        return _("Adresse non reconnue : YouTube, Vimeo ou PeerTube.")
    hosts = peertube_hosts()
    if not hosts:
        return _(
            "Aucune instance PeerTube n'est acceptée sur ce portail (réglage VIDEO_PEERTUBE_HOSTS) : "
            "utilisez YouTube ou Vimeo, ou demandez à l'équipe technique d'ajouter l'instance."
        )
    return _(
        "« %(host)s » n'est pas une instance PeerTube acceptée par ce portail. Instances acceptées : %(hosts)s."
    ) % {"host": peertube[0], "hosts": ", ".join(hosts)}


class VideoBlock(blocks.StructBlock):
    """A video that loads nothing from its host until the visitor asks for it."""

    url = blocks.URLBlock(
        label=_("Adresse de la vidéo"),
        help_text=_("Page de la vidéo sur YouTube, Vimeo ou PeerTube."),
    )
    title = blocks.CharBlock(label=_("Titre de la vidéo"), max_length=200)
    transcript = blocks.TextBlock(label=_("Transcription ou description"), required=False)

    class Meta:
        icon = "media"
        label = _("Vidéo")
        template = "blocks/video_block.html"
        description = _("Une vidéo chargée seulement quand le visiteur clique : rien n'est envoyé à l'hébergeur avant.")
        preview_value = {"url": "https://www.youtube.com/watch?v=aaaaaaaaaaa", "title": "Présentation du projet"}
        group = _("Médias")

    def clean(self, value):
        value = super().clean(value)
        if value.get("url") and video_player(value["url"]) is None:
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(video_address_error(value["url"]))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # A stored address no longer allowed (an instance removed from the list) is only a link.
        player = video_player(value.get("url"))
        context["embed_url"], context["host"] = player if player else (None, None)
        context["iframe"] = {
            "sandbox": VIDEO_IFRAME_SANDBOX,
            "allow": VIDEO_IFRAME_ALLOW,
            "referrerpolicy": VIDEO_IFRAME_REFERRER_POLICY,
        }
        return context


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Légende"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("Crédit"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Image légendée")
        template = "blocks/figure_block.html"
        description = _("Une image avec sa légende et son crédit.")
        group = _("Médias")


class KeyFiguresBlock(blocks.StructBlock):
    figures = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("value", blocks.CharBlock(label=_("Chiffre"), max_length=40)),
                ("label", blocks.CharBlock(label=_("Libellé"), max_length=200)),
            ]
        ),
        label=_("Chiffres"),
        min_num=1,
    )

    class Meta:
        icon = "order"
        label = _("Chiffres clés")
        template = "blocks/key_figures_block.html"
        description = _("Quelques chiffres mis en valeur, par exemple « 55 000 € collectés ».")
        preview_value = {
            "figures": [{"value": "55 000 €", "label": "collectés"}, {"value": "9 sur 10", "label": "projets financés"}]
        }
        group = _("Texte")


# Name of the Wagtail hook through which higher apps contribute blocks to every page body.
STREAM_BLOCKS_HOOK = "portal_register_stream_blocks"


class BaseStreamBlock(blocks.StreamBlock):
    """Every page body's blocks: the shared ones declared here, then those contributed by other
    apps through ``STREAM_BLOCKS_HOOK`` (see the module docstring)."""

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
    figure = FigureBlock()
    video = VideoBlock()
    key_figures = KeyFiguresBlock()
    call_to_action = CallToActionBlock()

    def __init__(self, local_blocks=None, **kwargs):
        contributed = [pair for hook in hooks.get_hooks(STREAM_BLOCKS_HOOK) for pair in hook()]
        super().__init__([*contributed, *(local_blocks or [])], **kwargs)


# The blocks that hold running text, and which of their values are words (None: the value itself).
TEXT_BLOCKS = {"paragraph": None, "heading": ("text",), "quote": ("quote", "attribution")}


def stream_texts(stream):
    """The words of a stream's text blocks, one plain-text string per block, in order. Read from
    the stored data, without building the blocks (search excerpts call it for every result)."""
    texts = []
    for block in stream.raw_data if stream else []:
        if block.get("type") not in TEXT_BLOCKS:
            continue
        keys, value = TEXT_BLOCKS[block["type"]], block.get("value") or ""
        parts = [value] if keys is None else [value.get(key) or "" for key in keys]
        texts.append(plain_text(" ".join(str(part) for part in parts)))
    return texts
