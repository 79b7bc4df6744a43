"""Calls for projects, laureates and their funding campaigns."""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from home.blocks import BaseStreamBlock, stream_texts
from home.models import BaseIndexPage, BasePage, absolute_url, active_locale_id, localized_live
from partners.models import PartnerPage

from .formatting import format_money, format_percentage
from .panels import CampaignFiguresPanel
from .results import ProgrammeResults

# --- pages ---------------------------------------------------------------


class CallIndexPage(BaseIndexPage):
    """The list of calls, one per language tree."""

    subpage_types = ["campaigns.CallPage"]

    class Meta:
        verbose_name = _("liste des appels à projets")
        verbose_name_plural = _("listes des appels à projets")

    def calls(self):
        return CallPage.objects.child_of(self).live().public().prefetch_related("phases").order_by("-edition_year")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        current, past = [], []
        for call in self.calls():
            (past if call.is_over(today) else current).append(call)
        years = {}
        for call in past:
            years.setdefault(call.edition_year, []).append(call)
        context["current_calls"] = current
        context["past_calls_by_year"] = sorted(years.items(), reverse=True)
        return context


class PhaseKind(models.TextChoices):
    APPLICATIONS = "applications", _("Appel à candidatures")
    SELECTION = "selection", _("Sélection par le jury")
    COACHING = "coaching", _("Accompagnement")
    COMMUNICATION = "communication", _("Campagne de communication")
    COLLECTION = "collection", _("Collecte de dons")
    RESULTS = "results", _("Résultats")


class CallPhase(TranslatableMixin, Orderable):
    """A step of the call's timeline. Translatable (wagtail-localize offers its short text in the
    translation editor; the kind and the dates stay the same in every language)."""

    page = ParentalKey("campaigns.CallPage", on_delete=models.CASCADE, related_name="phases")
    kind = models.CharField(_("étape"), max_length=20, choices=PhaseKind.choices)
    start_date = models.DateField(_("début"))
    end_date = models.DateField(_("fin"))
    description = models.CharField(_("texte court"), max_length=255, blank=True)

    panels = [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("description"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("étape du calendrier")
        verbose_name_plural = _("étapes du calendrier")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("La fin de l'étape ne peut pas précéder son début.")})

    def is_current(self, today):
        return self.start_date <= today <= self.end_date


class CallKeyFigure(TranslatableMixin, Orderable):
    """What the portal cannot compute itself: page views, awards, press coverage. Translatable:
    both the figure ("100 000" reads "100,000" in English) and its label."""

    page = ParentalKey("campaigns.CallPage", on_delete=models.CASCADE, related_name="key_figures")
    value = models.CharField(_("chiffre"), max_length=40, help_text=_("Par exemple « 100 000 » ou « 1er prix »."))
    label = models.CharField(_("libellé"), max_length=200)

    panels = [FieldPanel("value"), FieldPanel("label")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("chiffre clé")
        verbose_name_plural = _("chiffres clés")


class CallPage(BasePage):
    """An "appel à projets": its timeline, its laureates and its results."""

    edition_year = models.PositiveSmallIntegerField(_("édition (année)"))
    theme = models.CharField(_("thème"), max_length=200, blank=True)
    summary = models.TextField(_("résumé"))
    body = StreamField(BaseStreamBlock, verbose_name=_("contenu"), blank=True)
    eligibility = RichTextField(
        _("conditions d'éligibilité"), features=["bold", "italic", "ul", "ol", "link"], blank=True
    )
    platform_name = models.CharField(_("plateforme de financement"), max_length=100, blank=True)
    platform_url = models.URLField(_("adresse de la plateforme"), blank=True)
    application_url = models.URLField(
        _("adresse du dépôt de candidature"), blank=True, help_text=_("Formulaire ou plateforme de candidature.")
    )
    applications_count = models.PositiveIntegerField(_("candidatures reçues"), default=0)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("edition_year"), FieldPanel("theme")]), FieldPanel("summary")],
            heading=_("L'appel"),
        ),
        FieldPanel("body"),
        FieldPanel("eligibility"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("platform_name"), FieldPanel("platform_url")]),
                FieldPanel("application_url"),
                FieldPanel("applications_count"),
            ],
            heading=_("Candidatures et plateforme"),
        ),
        InlinePanel("phases", heading=_("Calendrier"), label=_("Étape")),
        InlinePanel("key_figures", heading=_("Chiffres clés saisis"), label=_("Chiffre clé")),
        InlinePanel("call_partners", heading=_("Partenaires de l'appel"), label=_("Partenaire")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("theme"),
        index.SearchField("summary"),
        index.AutocompleteField("theme"),
        index.AutocompleteField("summary"),
        index.SearchField("body"),
        index.FilterField("edition_year"),
    ]

    parent_page_types = ["campaigns.CallIndexPage"]
    subpage_types = ["campaigns.LaureatePage"]

    class Meta:
        verbose_name = _("appel à projets")
        verbose_name_plural = _("appels à projets")

    def card_summary(self):
        return self.summary

    def search_texts(self):
        return [*super().search_texts(), *stream_texts(self.body)]

    # --- timeline ------------------------------------------------------

    def sorted_phases(self):
        # Cached on the instance: the timeline, the current phase and the call to action
        # all read it during one request.
        if not hasattr(self, "_sorted_phases"):
            self._sorted_phases = sorted(self.phases.all(), key=lambda phase: (phase.start_date, phase.sort_order or 0))
        return self._sorted_phases

    def current_phase(self, today=None):
        today = today or timezone.localdate()
        current = [phase for phase in self.sorted_phases() if phase.is_current(today)]
        return current[-1] if current else None

    def is_over(self, today=None):
        """Past edition: every phase has ended (a call with no timeline counts as current)."""
        today = today or timezone.localdate()
        phases = self.sorted_phases()
        return bool(phases) and max(phase.end_date for phase in phases) < today

    def call_to_action(self, today=None):
        """(label, url) matching where the call stands today, or None."""
        today = today or timezone.localdate()
        phase = self.current_phase(today)
        kind = phase.kind if phase else None
        if kind == PhaseKind.APPLICATIONS and self.application_url:
            return (_("Déposer une candidature"), self.application_url)
        if kind == PhaseKind.COLLECTION:
            return (_("Soutenir les projets"), "#laureats")
        collection_ends = [p.end_date for p in self.sorted_phases() if p.kind == PhaseKind.COLLECTION]
        if kind == PhaseKind.RESULTS or (collection_ends and max(collection_ends) < today):
            return (_("Voir les résultats"), "#resultats")
        return None

    def structured_data(self, request):
        """schema.org Events for the phases the public takes part in."""
        url = absolute_url(self, request)
        events = []
        for phase in self.sorted_phases():
            if phase.kind not in (PhaseKind.APPLICATIONS, PhaseKind.COLLECTION):
                continue
            event = {
                "@context": "https://schema.org",
                "@type": "Event",
                "name": f"{self.title} – {phase.get_kind_display()}",
                "startDate": phase.start_date.isoformat(),
                "endDate": phase.end_date.isoformat(),
                "eventStatus": "https://schema.org/EventScheduled",
                "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
                "location": {
                    "@type": "VirtualLocation",
                    "url": (self.platform_url if phase.kind == PhaseKind.COLLECTION else self.application_url) or url,
                },
                "url": url,
                "inLanguage": self.locale.language_code,
            }
            if phase.description:
                event["description"] = phase.description
            events.append(event)
        return events

    # --- laureates and results ----------------------------------------

    def laureates(self):
        return (
            LaureatePage.objects.child_of(self)
            .live()
            .public()
            .select_related("campaign", "hero_image")
            .prefetch_related("hero_image__renditions")
            .order_by("title")
        )

    def results(self):
        return ProgrammeResults.for_call(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        phases = self.sorted_phases()
        context["phases"] = [(phase, phase.is_current(today)) for phase in phases]
        context["current_phase"] = self.current_phase(today)
        context["call_to_action"] = self.call_to_action(today)
        context["laureates"] = list(self.laureates())
        context["results"] = ProgrammeResults.for_call(self, laureates=context["laureates"])
        context["partners"] = localized_partners([row.partner for row in self.call_partners.select_related("partner")])
        return context


class SponsorRole(models.TextChoices):
    SPONSOR = "parrain", _("parrain")
    PATRON = "mecene", _("mécène")
    COACHING = "accompagnement", _("accompagnement")


class LaureateSponsor(Orderable):
    """A partner that sponsors ("parraine") a laureate, with its role."""

    laureate = ParentalKey("campaigns.LaureatePage", on_delete=models.CASCADE, related_name="sponsors")
    partner = models.ForeignKey(
        "partners.PartnerPage", verbose_name=_("partenaire"), on_delete=models.CASCADE, related_name="sponsorships"
    )
    role = models.CharField(_("rôle"), max_length=20, choices=SponsorRole.choices, default=SponsorRole.SPONSOR)

    panels = [FieldPanel("partner"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("parrainage")
        verbose_name_plural = _("parrainages")


class CallPartner(Orderable):
    """A partner of a call (authority, platform, sponsors), shown as a logo on the call page."""

    call = ParentalKey("campaigns.CallPage", on_delete=models.CASCADE, related_name="call_partners")
    partner = models.ForeignKey(
        "partners.PartnerPage", verbose_name=_("partenaire"), on_delete=models.CASCADE, related_name="calls"
    )

    panels = [FieldPanel("partner")]

    class Meta(Orderable.Meta):
        verbose_name = _("partenaire de l'appel")
        verbose_name_plural = _("partenaires de l'appel")


def localized_partners(partners):
    """The given partner pages in the active language, live ones only, in one query."""
    keys = [partner.translation_key for partner in partners]
    pages = localized_live(PartnerPage, keys).select_related("logo").prefetch_related("logo__renditions")
    by_key = {page.translation_key: page for page in pages}
    return [by_key[key] for key in keys if key in by_key]


class ProjectTheme(TranslatableMixin, models.Model):
    """A theme laureates share ("réemploi", "mobilité"): a snippet translated once for every
    laureate that carries it, where free tags would have to be retyped on each English page."""

    name = models.CharField(_("nom"), max_length=100, help_text=_("Un ou deux mots, par exemple « réemploi »."))

    panels = [FieldPanel("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("thème de projet")
        verbose_name_plural = _("thèmes de projet")
        ordering = ["name"]

    def __str__(self):
        return self.name


class LaureateTheme(TranslatableMixin, Orderable):
    """A laureate's theme. A translatable child row, so wagtail-localize submits the theme with the
    page and points the translated page at the theme's translation."""

    laureate = ParentalKey("campaigns.LaureatePage", on_delete=models.CASCADE, related_name="themes")
    theme = models.ForeignKey(
        ProjectTheme, verbose_name=_("thème"), on_delete=models.CASCADE, related_name="laureate_themes"
    )

    panels = [FieldPanel("theme")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("thème du lauréat")
        verbose_name_plural = _("thèmes du lauréat")


def localized_themes(themes):
    """The given themes in the active language where translated (else as they are), in one query."""
    themes = list(themes)
    keys = {theme.translation_key for theme in themes}
    translated = {
        theme.translation_key: theme
        for theme in ProjectTheme.objects.filter(translation_key__in=keys, locale_id=active_locale_id())
    }
    return [translated.get(theme.translation_key, theme) for theme in themes]


class LaureatePage(BasePage):
    """A laureate project: its makers, its story and its funding campaign."""

    makers = models.CharField(
        _("maker(s)"), max_length=255, help_text=_("Noms tels que les porteurs souhaitent les voir affichés.")
    )
    commune = models.CharField(_("commune"), max_length=100, blank=True)
    pitch = models.TextField(_("pitch"), max_length=400, help_text=_("Le projet en deux ou trois phrases."))
    story = StreamField(BaseStreamBlock, verbose_name=_("histoire du projet"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image principale"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    campaign = models.ForeignKey(
        "funding.FundingCampaign",
        verbose_name=_("collecte"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="laureate_pages",
        help_text=_("La collecte de ce lauréat, partagée par les traductions de la page."),
    )

    content_panels = [
        FieldPanel("title", heading=_("Nom du projet")),
        MultiFieldPanel(
            [FieldPanel("makers"), FieldPanel("commune"), FieldPanel("pitch")],
            heading=_("Le projet"),
        ),
        InlinePanel("themes", heading=_("Thèmes"), label=_("Thème")),
        FieldPanel("hero_image"),
        MultiFieldPanel([FieldPanel("campaign"), CampaignFiguresPanel()], heading=_("Collecte")),
        InlinePanel("sponsors", heading=_("Partenaires parrains"), label=_("Parrainage")),
        FieldPanel("story"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("makers"),
        index.SearchField("commune"),
        index.SearchField("pitch"),
        index.AutocompleteField("makers"),
        index.AutocompleteField("pitch"),
        index.SearchField("story"),
    ]

    parent_page_types = ["campaigns.CallPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lauréat")
        verbose_name_plural = _("lauréats")

    def card_summary(self):
        return self.pitch

    def card_image(self):
        return self.hero_image

    def search_texts(self):
        return [*super().search_texts(), self.makers, *stream_texts(self.story)]

    def clean(self):
        super().clean()
        if self.campaign_id:
            taken = (
                LaureatePage.objects.filter(campaign_id=self.campaign_id)
                .exclude(translation_key=self.translation_key)
                .exists()
            )
            if taken:
                raise ValidationError({"campaign": _("Cette collecte est déjà rattachée à un autre lauréat.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["call"] = self.get_parent()
        context["snapshots"] = list(self.campaign.snapshots.all()) if self.campaign_id else []
        context["theme_tags"] = localized_themes(row.theme for row in self.themes.select_related("theme"))
        rows = list(self.sponsors.select_related("partner"))
        partners = {partner.translation_key: partner for partner in localized_partners([row.partner for row in rows])}
        context["sponsors"] = [
            (partners[row.partner.translation_key], row.get_role_display())
            for row in rows
            if row.partner.translation_key in partners
        ]
        return context

    # --- share image ---------------------------------------------------

    def generated_share_image(self):
        """The generated share image's row, or None (one query, remembered on the instance)."""
        # The row belongs to the sharing app (above this one): reached by its reverse accessor only.
        try:
            return self.share_image
        except ObjectDoesNotExist:
            return None

    def share_image_alt(self):
        """What the generated image says, for those who cannot see it, in the active language."""
        campaign = self.campaign
        return gettext("« %(title)s » : %(raised)s collectés sur %(goal)s (%(percent)s)") % {
            "title": self.title,
            "raised": format_money(campaign.raised, campaign.currency),
            "goal": format_money(campaign.goal, campaign.currency),
            "percent": format_percentage(campaign.percent),
        }

    def social_image_meta(self, request):
        """An image chosen by an editor wins; then the generated card with the figures; then the hero image.

        The generated file is trusted from its row (no storage call during a page view)."""
        if not self.social_image_id and self.campaign_id:
            generated = self.generated_share_image()
            if generated is not None and generated.file:
                return {
                    "url": request.build_absolute_uri(generated.file.url),
                    "width": generated.WIDTH,
                    "height": generated.HEIGHT,
                    "alt": self.share_image_alt(),
                }
        return super().social_image_meta(request)
