"""Partner profiles. They are pages so that Wagtail's per-page permissions and
moderation workflows apply: a partner edits its own profile and nothing else."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BaseStreamBlock, stream_texts
from home.layout import public_q
from home.models import BaseIndexPage, BasePage, filled_links
from home.panels import TitleFieldPanel

from .panels import LogoChooser, ModerationNoticePanel

# What a partner's profile says the same way in every language: kept identical in all its
# translations (wagtail-localize does not offer them for translation, and publishing one
# language copies them to the others, see ``partners.sync``).
SYNCHRONISED_FIELDS = (
    "kind",
    "logo",
    "website",
    "contact_email",
    "contact_phone",
    "mastodon_url",
    "linkedin_url",
    "facebook_url",
    "instagram_url",
)

# Officers (and superusers) have it; partner accounts do not: the address of the page, its
# search-engine texts and its sharing image are the communication team's business.
PROMOTION_PERMISSION = "partners.change_partner_promotion"

validate_https = URLValidator(
    schemes=["https"],
    code="https_required",  # not "invalid": the form field would show its own vaguer message
    message=_("Indiquez une adresse sécurisée, qui commence par https:// (par exemple https://www.exemple.fr)."),
)


class PartnerKind(models.TextChoices):
    PUBLIC_BODY = "public", _("Collectivité ou organisme public")
    COMPANY = "company", _("Entreprise")
    UNIVERSITY = "university", _("Université ou école")
    ASSOCIATION = "association", _("Association ou tiers-lieu")
    PLATFORM = "platform", _("Plateforme de financement participatif")


class PartnerIndexPage(BaseIndexPage):
    """All partners, grouped by kind, with a logo wall and a filter by kind."""

    subpage_types = ["partners.PartnerPage"]

    class Meta:
        verbose_name = _("liste des partenaires")
        verbose_name_plural = _("listes des partenaires")

    def partners(self):
        return (
            PartnerPage.objects.child_of(self)
            .live()
            .filter(public_q())
            .select_related("logo")
            .prefetch_related("logo__renditions")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partners = list(self.partners())
        kinds = dict(PartnerKind.choices)
        selected = request.GET.get("type", "")
        if selected not in kinds:
            selected = ""  # an unknown kind shows everyone rather than an error
        groups = []
        for value, label in PartnerKind.choices:
            members = [partner for partner in partners if partner.kind == value]
            if members and (not selected or selected == value):
                groups.append({"kind": value, "label": label, "partners": members})
        context["partner_groups"] = groups
        context["kind_filters"] = [
            {"value": value, "label": label, "count": sum(1 for p in partners if p.kind == value)}
            for value, label in PartnerKind.choices
            if any(p.kind == value for p in partners)
        ]
        context["selected_kind"] = selected
        context["partners_count"] = len(partners)
        return context


class PartnerPage(BasePage):
    kind = models.CharField(
        _("type de partenaire"),
        max_length=20,
        choices=PartnerKind.choices,
        help_text=_("La liste des partenaires les regroupe par type."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        help_text=_("De préférence un SVG ou un PNG sur fond transparent ; il est affiché sans être recadré."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_alt = models.CharField(
        _("texte alternatif du logo"),
        max_length=200,
        blank=True,
        help_text=_("Ce que dit le logo, en général le nom du partenaire. Obligatoire si un logo est choisi."),
    )
    short_description = models.TextField(
        _("description courte"),
        max_length=500,
        help_text=_("Deux ou trois phrases (500 caractères au plus), montrées sur la liste des partenaires."),
    )
    body = StreamField(
        BaseStreamBlock,
        verbose_name=_("présentation"),
        blank=True,
        help_text=_("La présentation complète du partenaire, en blocs."),
    )
    website = models.URLField(
        _("site web"),
        blank=True,
        validators=[validate_https],
        help_text=_("Adresse complète, commençant par https://."),
    )
    contact_email = models.EmailField(
        _("courriel public"), blank=True, help_text=_("Affiché sur le profil : une adresse faite pour être publique.")
    )
    contact_phone = models.CharField(
        _("téléphone public"), max_length=30, blank=True, help_text=_("Par exemple 03 20 00 00 00.")
    )
    commune = models.CharField(
        _("commune"), max_length=100, blank=True, help_text=_("La commune du siège, par exemple Lille.")
    )
    mastodon_url = models.URLField(
        _("Mastodon"),
        blank=True,
        validators=[validate_https],
        help_text=_("Adresse complète de la page Mastodon, commençant par https://."),
    )
    linkedin_url = models.URLField(
        _("LinkedIn"),
        blank=True,
        validators=[validate_https],
        help_text=_("Adresse complète de la page LinkedIn, commençant par https://."),
    )
    facebook_url = models.URLField(
        _("Facebook"),
        blank=True,
        validators=[validate_https],
        help_text=_("Adresse complète de la page Facebook, commençant par https://."),
    )
    instagram_url = models.URLField(
        _("Instagram"),
        blank=True,
        validators=[validate_https],
        help_text=_("Adresse complète de la page Instagram, commençant par https://."),
    )

    content_panels = [
        ModerationNoticePanel(),
        TitleFieldPanel(
            "title",
            heading=_("Nom du partenaire"),
            help_text=_("Tel qu'il s'affichera sur le site ; l'adresse de la page en est tirée."),
        ),
        FieldPanel("kind"),
        MultiFieldPanel([FieldPanel("logo", widget=LogoChooser), FieldPanel("logo_alt")], heading=_("Logo")),
        FieldPanel("short_description"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                FieldPanel("commune"),
            ],
            heading=_("Coordonnées publiques"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("mastodon_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
            ],
            heading=_("Réseaux sociaux"),
        ),
    ]
    # Partner accounts do not get the Promotion tab: without the permission its fields are not
    # even in their form, so a forged request cannot change the slug either.
    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug", permission=PROMOTION_PERMISSION),
                FieldPanel("seo_title", permission=PROMOTION_PERMISSION),
                FieldPanel("search_description", permission=PROMOTION_PERMISSION),
            ],
            heading=_("Référencement"),
        ),
        MultiFieldPanel([FieldPanel("social_image", permission=PROMOTION_PERMISSION)], heading=_("Réseaux sociaux")),
        FieldPanel("show_in_menus", permission=PROMOTION_PERMISSION),
    ]
    override_translatable_fields = [SynchronizedField(name) for name in SYNCHRONISED_FIELDS]
    search_fields = [
        *Page.search_fields,
        index.SearchField("short_description"),
        index.AutocompleteField("short_description"),
        index.SearchField("body"),
        index.SearchField("commune"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("partenaire")
        verbose_name_plural = _("partenaires")
        permissions = [
            ("change_partner_promotion", _("Modifier l'adresse, le référencement et le partage des partenaires")),
        ]

    def card_summary(self):
        return self.short_description

    def card_image(self):
        return self.logo

    def card_image_alt(self):
        return self.logo_alt or super().card_image_alt()

    def search_texts(self):
        return [*super().search_texts(), *stream_texts(self.body)]

    def clean(self):
        super().clean()
        if self.logo_id and not self.logo_alt.strip():
            raise ValidationError(
                {"logo_alt": _("Décrivez le logo : ce texte remplace l'image pour qui ne la voit pas.")}
            )

    @property
    def social_links(self):
        return filled_links(self, ["mastodon_url", "linkedin_url", "facebook_url", "instagram_url"])

    def sponsorships_here(self):
        """Live laureates this partner sponsors, in this page's language.

        Read through the reverse relation (``partners`` never imports ``campaigns``) and
        matched on the translation key, so the English profile lists the English laureates
        whichever language the sponsorship row points at.
        """
        related = self._meta.get_field("sponsorships").related_model
        return (
            related.objects.filter(
                partner__translation_key=self.translation_key,
                laureate__locale_id=self.locale_id,
                laureate__live=True,
            )
            .select_related("laureate", "laureate__campaign", "laureate__hero_image")
            .prefetch_related("laureate__hero_image__renditions")
            .order_by("laureate__title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sponsorships"] = list(self.sponsorships_here())
        return context

    def cache_dependents(self):
        """Pages that show this partner besides its index (home.page_cache): the laureates it
        sponsors and the calls whose logo wall has it, in every language."""
        keys = {row.laureate.translation_key for row in self.sponsorships.select_related("laureate")}
        keys |= {row.call.translation_key for row in self.calls.select_related("call")}
        return list(Page.objects.live().filter(translation_key__in=keys))


class PartnerAccess(models.Model):
    """Links a partner profile (all its translations) to its own group and collection."""

    translation_key = models.UUIDField(_("clé de traduction du profil"), unique=True)
    group = models.OneToOneField("auth.Group", verbose_name=_("groupe"), on_delete=models.CASCADE)
    collection = models.ForeignKey(
        "wagtailcore.Collection", verbose_name=_("collection"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("accès partenaire")
        verbose_name_plural = _("accès partenaires")

    def __str__(self):
        return self.group.name

    def pages(self):
        return PartnerPage.objects.filter(translation_key=self.translation_key)
