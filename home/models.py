from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from .blocks import BaseStreamBlock


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
    """Every public page type inherits from this: shared SEO and social fields."""

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

    # Open Graph type; news pages are articles.
    og_type = "website"

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        """The search description, else the page's own summary field, as plain text."""
        if self.search_description:
            return self.search_description
        for name in ("intro", "summary", "pitch", "short_description", "hero_title"):
            value = getattr(self, name, "")
            if value:
                return Truncator(strip_tags(str(value))).chars(200)
        return ""

    @property
    def meta_image(self):
        return self.social_image or getattr(self, "hero_image", None) or getattr(self, "logo", None)

    def social_image_meta(self, request):
        """The picture social networks show for this page: {url, width, height, alt} or None.

        Page types may override it (laureates show a generated card with their figures)."""
        image = self.meta_image
        if image is None:
            return None
        return image_meta(image, request, getattr(self, "hero_alt", "") or image.default_alt_text or self.title)

    def structured_data(self, request):
        """JSON-LD objects describing this page (schema.org); none by default."""
        return []


class BaseIndexPage(BasePage):
    """A section's index directly under a home page: one per language tree."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class HomePage(BasePage):
    hero_title = models.CharField(_("titre d'accroche"), max_length=200)
    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image d'accroche"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cta_text = models.CharField(_("texte de l'appel à l'action"), max_length=80, blank=True)
    cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page de l'appel à l'action"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenu"), blank=True)

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

    def structured_data(self, request):
        site_settings = SiteSettings.for_request(request)
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

    intro = models.TextField(_("chapeau"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.AutocompleteField("intro"),
    ]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

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

    organisation_name = models.CharField(_("nom de l'organisation"), max_length=200, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_address = models.TextField(_("adresse postale"), blank=True)
    contact_email = models.EmailField(_("courriel de contact"), blank=True)
    mastodon_url = models.URLField(_("Mastodon"), blank=True)
    bluesky_url = models.URLField(_("Bluesky"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page des mentions légales"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page de la déclaration d'accessibilité"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_status = models.CharField(
        _("conformité RGAA"), max_length=10, choices=ACCESSIBILITY_STATUSES, default="partial"
    )
    footer_text = RichTextField(_("texte du pied de page"), features=["bold", "italic", "link"], blank=True)

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
