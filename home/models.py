from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from . import layout
from .blocks import BaseStreamBlock, stream_texts
from .forms import PageForm
from .text import plain_text


def filled_links(instance, field_names):
    """(label, url) for the URL fields that are filled in, in the given order."""
    return [
        (instance._meta.get_field(name).verbose_name, getattr(instance, name))
        for name in field_names
        if getattr(instance, name)
    ]


def absolute_url(page, request):
    """The page's address on the host the visitor used (hreflang, canonical, feeds and sitemap
    then agree), rather than the hostname stored on the Wagtail site."""
    url = page.get_url(request)
    return request.build_absolute_uri(url) if url else ""


def image_alt(image):
    """An image's alternative text (its description, else its title) in the active language.

    Descriptions are data, written once in French; one that the translation catalogue knows
    (the demo's drawn illustrations, ``home.illustrations``) is shown translated."""
    text = image.default_alt_text
    return gettext(text) if text else ""


def image_meta(image, request, alt):
    """A Wagtail image as Open Graph wants it: an absolute 1200 × 630 rendition and its alt text."""
    rendition = image.get_rendition("fill-1200x630")
    return {
        "url": request.build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": alt,
    }


_LOCALE_IDS = {}


def active_locale_id():
    """The id of the active language's Locale, remembered per process: listings ask for it many
    times per request and locales almost never change (the cache is emptied when they do)."""
    code = translation.get_language() or settings.LANGUAGE_CODE
    if code not in _LOCALE_IDS:
        _LOCALE_IDS[code] = Locale.get_active().pk
    return _LOCALE_IDS[code]


@receiver([post_save, post_delete], sender=Locale)
def _forget_locale_ids(**kwargs):
    _LOCALE_IDS.clear()


def localized_live(model, translation_keys):
    """Live pages of ``model`` with these translation keys, in the active language: one query
    where calling ``.localized`` on each page would cost one per page."""
    keys = list(translation_keys)
    if not keys:
        return model.objects.none()
    return model.objects.live().filter(translation_key__in=keys, locale_id=active_locale_id())


class BasePage(Page):
    """Every public page type inherits from this: shared SEO and social fields, and the small
    interface through which cards, search results, the meta description and social previews
    read any page without knowing its type's fields:

    - ``card_summary()``: what the page is about, as plain text, not truncated;
    - ``card_image()``: the image that stands for the page (cards, social previews), or None,
      and ``card_image_alt()``: what that image shows;
    - ``search_texts()``: the plain-text pieces, in reading order, a search result may quote;
    - ``structured_data(request)`` and ``og_type``: JSON-LD and the Open Graph type.

    The defaults suit a page with none of these; every page type answers for its own fields
    (``tests/test_page_interface.py`` checks that each one does)."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de partage"),
        help_text=_("Image montrée par les réseaux sociaux (idéalement 1200 × 630 pixels)."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading=_("Référencement"),
        ),
        MultiFieldPanel([FieldPanel("social_image")], heading=_("Réseaux sociaux")),
        FieldPanel("show_in_menus"),
    ]

    # Slug optional when creating a page: made from the title (see home.forms.PageForm).
    base_form_class = PageForm

    # Open Graph type; news pages are articles.
    og_type = "website"
    META_DESCRIPTION_LENGTH = 200

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        """Never write back a stale child count.

        ``numchild`` belongs to the tree (treebeard updates it in the database as children come
        and go), yet a full save writes whatever the instance holds. An instance read before its
        children were added, such as the one a revision publishes after the commit, would record
        0 children, and a page with 0 children routes nowhere: wagtail-localize's "include
        subtree" did exactly that (its issue #773). The count is read again before such a save."""
        update_fields = kwargs.get("update_fields")
        if self.pk and (update_fields is None or "numchild" in update_fields):
            current = Page.objects.filter(pk=self.pk).values_list("numchild", flat=True).first()
            if current is not None:
                self.numchild = current
        return super().save(*args, **kwargs)

    # --- the interface every page type answers ---------------------------

    def card_summary(self):
        """What the page is about, in plain text (cards truncate it themselves)."""
        return ""

    def card_image(self):
        """The image that stands for the page, or None."""
        return None

    def card_image_alt(self):
        """What ``card_image()`` shows, for those who cannot see it."""
        image = self.card_image()
        return image_alt(image) if image else ""

    def search_texts(self):
        """Plain-text pieces, in reading order, that a search result may quote."""
        return [self.search_description, self.card_summary()]

    # --- built on it ------------------------------------------------------

    @property
    def meta_description(self):
        """The search description, else the page's summary, as plain text."""
        return self.search_description or Truncator(self.card_summary()).chars(self.META_DESCRIPTION_LENGTH)

    def social_image_meta(self, request):
        """The picture social networks show for this page: {url, width, height, alt} or None.

        An image chosen for sharing wins, else the page's card image. Page types may override
        it (laureates show a generated card with their figures)."""
        if self.social_image_id:
            image = self.social_image
            alt = image_alt(image)
        else:
            image = self.card_image()
            alt = self.card_image_alt() if image else ""
        if image is None:
            return None
        return image_meta(image, request, alt or self.title)

    def structured_data(self, request):
        """JSON-LD objects describing this page (schema.org); none by default."""
        return []


class BaseIndexPage(BasePage):
    """A section's index directly under a home page: one per language tree."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Quelques phrases en tête de la liste, reprises dans les résultats de recherche."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def card_summary(self):
        return self.intro


class HomePage(BasePage):
    hero_title = models.CharField(
        _("titre d'accroche"), max_length=200, help_text=_("La grande phrase en haut de l'accueil.")
    )
    intro = RichTextField(
        _("introduction"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("Un court paragraphe sous le titre d'accroche."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image d'accroche"),
        help_text=_("Grande image en haut de l'accueil (au moins 1600 pixels de large)."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cta_text = models.CharField(
        _("texte de l'appel à l'action"),
        max_length=80,
        blank=True,
        help_text=_("Le texte du bouton, par exemple « Découvrir les lauréats ». Vide, pas de bouton."),
    )
    cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page de l'appel à l'action"),
        help_text=_("La page où mène le bouton."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(
        BaseStreamBlock,
        verbose_name=_("contenu"),
        blank=True,
        help_text=_("Les blocs de l'accueil, dans l'ordre : textes, images, chiffres, progression des collectes…"),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("intro"), FieldPanel("hero_image")],
            heading=_("Accroche"),
        ),
        MultiFieldPanel(
            [FieldPanel("cta_text"), PageChooserPanel("cta_page")],
            heading=_("Appel à l'action"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("hero_title"), index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]

    def card_summary(self):
        return plain_text(self.intro) or self.hero_title

    def card_image(self):
        return self.hero_image

    def search_texts(self):
        return [self.search_description, plain_text(self.intro), self.hero_title, *stream_texts(self.body)]

    def structured_data(self, request):
        site_settings = layout.site_settings(request)
        organisation = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": site_settings.organisation_name or self.title,
            "url": absolute_url(self, request),
        }
        if site_settings.logo:
            organisation["logo"] = request.build_absolute_uri(site_settings.logo.get_rendition("max-512x512").url)
        if site_settings.contact_email:
            organisation["email"] = site_settings.contact_email
        if site_settings.contact_address:
            organisation["address"] = site_settings.contact_address.replace("\n", ", ")
        links = [url for _label, url in site_settings.social_links]
        if links:
            organisation["sameAs"] = links
        return [organisation]

    class Meta:
        verbose_name = _("page d'accueil")
        verbose_name_plural = _("pages d'accueil")


class ContentPage(BasePage):
    """A plain page for legal notices, the accessibility statement and the like."""

    intro = models.TextField(
        _("chapeau"), blank=True, help_text=_("Une ou deux phrases en tête de page, reprises dans la recherche.")
    )
    body = StreamField(
        BaseStreamBlock, verbose_name=_("contenu"), blank=True, help_text=_("Le texte de la page, en blocs.")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.AutocompleteField("intro"),
    ]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    def card_summary(self):
        return self.intro

    def search_texts(self):
        return [*super().search_texts(), *stream_texts(self.body)]

    class Meta:
        verbose_name = _("page de contenu")
        verbose_name_plural = _("pages de contenu")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What the header and footer say about the authority running the portal."""

    ACCESSIBILITY_STATUSES = [
        ("non", _("non conforme")),
        ("partial", _("partiellement conforme")),
        ("full", _("totalement conforme")),
    ]

    organisation_name = models.CharField(
        _("nom de l'organisation"),
        max_length=200,
        blank=True,
        help_text=_("La collectivité qui porte le portail, affichée dans le pied de page."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        help_text=_("Le logo de l'organisation, affiché dans l'en-tête (SVG ou PNG sur fond transparent)."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_address = models.TextField(
        _("adresse postale"), blank=True, help_text=_("Sur plusieurs lignes, comme sur une enveloppe.")
    )
    contact_email = models.EmailField(
        _("courriel de contact"), blank=True, help_text=_("L'adresse publique où écrire au service.")
    )
    mastodon_url = models.URLField(
        _("Mastodon"), blank=True, help_text=_("Adresse complète de la page Mastodon, commençant par https://.")
    )
    bluesky_url = models.URLField(
        _("Bluesky"), blank=True, help_text=_("Adresse complète de la page Bluesky, commençant par https://.")
    )
    linkedin_url = models.URLField(
        _("LinkedIn"), blank=True, help_text=_("Adresse complète de la page LinkedIn, commençant par https://.")
    )
    facebook_url = models.URLField(
        _("Facebook"), blank=True, help_text=_("Adresse complète de la page Facebook, commençant par https://.")
    )
    instagram_url = models.URLField(
        _("Instagram"), blank=True, help_text=_("Adresse complète de la page Instagram, commençant par https://.")
    )
    youtube_url = models.URLField(
        _("YouTube"), blank=True, help_text=_("Adresse complète de la page YouTube, commençant par https://.")
    )
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page des mentions légales"),
        help_text=_("Lien « Mentions légales » du pied de page."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page de la déclaration d'accessibilité"),
        help_text=_("Lien « Accessibilité » du pied de page, obligatoire pour un site public."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_status = models.CharField(
        _("conformité RGAA"),
        max_length=10,
        choices=ACCESSIBILITY_STATUSES,
        default="partial",
        help_text=_("Ce que dit la déclaration d'accessibilité ; affiché dans le pied de page."),
    )
    footer_text = RichTextField(
        _("texte du pied de page"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("Un court texte sous les liens du pied de page."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("organisation_name"), FieldPanel("logo")], heading=_("Organisation")),
        MultiFieldPanel([FieldPanel("contact_address"), FieldPanel("contact_email")], heading=_("Contact")),
        MultiFieldPanel(
            [
                FieldPanel("mastodon_url"),
                FieldPanel("bluesky_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Réseaux sociaux"),
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("legal_notice_page"),
                PageChooserPanel("accessibility_page"),
                FieldPanel("accessibility_status"),
                FieldPanel("footer_text"),
            ],
            heading=_("Pied de page"),
        ),
    ]

    class Meta:
        verbose_name = _("réglages du site")

    @property
    def social_links(self):
        """(label, url) pairs for the networks that are filled in, in a stable order."""
        names = ["mastodon_url", "bluesky_url", "linkedin_url", "facebook_url", "instagram_url", "youtube_url"]
        return filled_links(self, names)
