"""Calls for projects, laureates and their funding campaigns."""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from home.blocks import BaseStreamBlock, stream_texts
from home.formatting import format_money, format_percentage
from home.layout import public_q
from home.models import BaseIndexPage, BasePage, absolute_url, active_locale_id, localized_live
from home.panels import LocalizedPageChooserPanel
from partners.models import PartnerPage

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
        return (
            CallPage.objects.child_of(self)
            .live()
            .filter(public_q())
            .prefetch_related("phases")
            .order_by("-edition_year")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        upcoming, current, past = [], [], []
        for call in self.calls():
            if call.is_over(today):
                past.append(call)
            elif call.is_upcoming(today):
                upcoming.append(call)
            else:
                current.append(call)
        years = {}
        for call in past:
            years.setdefault(call.edition_year, []).append(call)
        context["upcoming_calls"] = sorted(upcoming, key=lambda call: call.opens_on())
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
    kind = models.CharField(
        _("étape"),
        max_length=20,
        choices=PhaseKind.choices,
        help_text=_("Ce qui se passe pendant cette période ; la page de l'appel met en avant l'étape en cours."),
    )
    start_date = models.DateField(_("début"), help_text=_("Premier jour de l'étape, au format JJ/MM/AAAA."))
    end_date = models.DateField(_("fin"), help_text=_("Dernier jour de l'étape (inclus), au format JJ/MM/AAAA."))
    description = models.CharField(
        _("texte court"),
        max_length=255,
        blank=True,
        help_text=_("Une phrase affichée sous l'étape, par exemple « Dépôt en ligne jusqu'à midi »."),
    )

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
    value = models.CharField(_("chiffre"), max_length=40, help_text=_("Par exemple « 100 000 » ou « 1er prix »."))
    label = models.CharField(
        _("libellé"),
        max_length=200,
        help_text=_("Ce que mesure le chiffre, par exemple « vues de la vidéo »."),
    )

    panels = [FieldPanel("value"), FieldPanel("label")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("chiffre clé")
        verbose_name_plural = _("chiffres clés")


class CallPage(BasePage):
    """An "appel à projets": its timeline, its laureates and its results."""

    edition_year = models.PositiveSmallIntegerField(
        _("édition (année)"),
        help_text=_("L'année de l'édition, par exemple 2018 ; les appels passés sont classés par année."),
    )
    theme = models.CharField(
        _("thème"),
        max_length=200,
        blank=True,
        help_text=_("Le thème de cette édition en quelques mots, par exemple « Économie circulaire »."),
    )
    summary = models.TextField(
        _("résumé"),
        help_text=_("Deux ou trois phrases : montrées sur les cartes, dans la recherche et les partages."),
    )
    body = StreamField(
        BaseStreamBlock,
        verbose_name=_("contenu"),
        blank=True,
        help_text=_("La présentation complète de l'appel, en blocs."),
    )
    eligibility = RichTextField(
        _("conditions d'éligibilité"),
        features=["bold", "italic", "ul", "ol", "link"],
        blank=True,
        help_text=_("Qui peut candidater et à quelles conditions, de préférence en liste."),
    )
    platform_name = models.CharField(
        _("plateforme de financement"),
        max_length=100,
        blank=True,
        help_text=_("Le nom de la plateforme de dons, par exemple KissKissBankBank."),
    )
    platform_url = models.URLField(
        _("adresse de la plateforme"),
        blank=True,
        help_text=_("La page de l'appel sur la plateforme, commençant par https://."),
    )
    application_url = models.URLField(
        _("adresse du dépôt de candidature"), blank=True, help_text=_("Formulaire ou plateforme de candidature.")
    )
    applications_count = models.PositiveIntegerField(
        _("candidatures reçues"), default=0, help_text=_("Nombre de dossiers déposés, affiché dans les résultats.")
    )

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

    def opens_on(self):
        """The first day of the timeline (None without one)."""
        phases = self.sorted_phases()
        return min(phase.start_date for phase in phases) if phases else None

    def is_upcoming(self, today=None):
        """Announced but not started: every phase lies in the future."""
        today = today or timezone.localdate()
        opens = self.opens_on()
        return opens is not None and opens > today

    def collection_ends_on(self):
        ends = [phase.end_date for phase in self.sorted_phases() if phase.kind == PhaseKind.COLLECTION]
        return max(ends) if ends else None

    def results_are_out(self, today=None, laureates=None):
        """Programme results are shown only once the collection is over: after the last day of
        the collection phase or, for a call without one, once every laureate's campaign has ended."""
        today = today or timezone.localdate()
        collection_end = self.collection_ends_on()
        if collection_end is not None:
            return collection_end < today
        if self.is_over(today):
            return True
        laureates = self.laureates() if laureates is None else laureates
        campaigns = [page.campaign for page in laureates if page.campaign_id]
        now = timezone.now()
        return bool(campaigns) and all(campaign.ends_at <= now for campaign in campaigns)

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
            .filter(public_q())
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
        laureates = list(self.laureates())
        context["results_are_out"] = self.results_are_out(today, laureates)
        if context["results_are_out"]:
            # A finished call lists its laureates by amount raised, the most first.
            # What the project got counts (a refunded all-or-nothing campaign collected nothing).
            def by_amount(page):
                campaign = page.campaign
                return (-campaign.collected(), -campaign.raised, page.title) if campaign else (1, 0, page.title)

            laureates.sort(key=by_amount)
            context["results"] = ProgrammeResults.for_call(self, laureates=laureates)
        context["laureates"] = laureates
        context["collection_ends_on"] = self.collection_ends_on()
        context["opens_on"] = self.opens_on() if self.is_upcoming(today) else None
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
        "partners.PartnerPage",
        verbose_name=_("partenaire"),
        on_delete=models.CASCADE,
        related_name="sponsorships",
        help_text=_("Le partenaire qui parraine ce lauréat, choisi dans la liste des partenaires."),
    )
    role = models.CharField(
        _("rôle"),
        max_length=20,
        choices=SponsorRole.choices,
        default=SponsorRole.SPONSOR,
        help_text=_("Ce que le partenaire apporte au projet."),
    )

    panels = [LocalizedPageChooserPanel("partner"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("parrainage")
        verbose_name_plural = _("parrainages")


class CallPartner(Orderable):
    """A partner of a call (authority, platform, sponsors), shown as a logo on the call page."""

    call = ParentalKey("campaigns.CallPage", on_delete=models.CASCADE, related_name="call_partners")
    partner = models.ForeignKey(
        "partners.PartnerPage",
        verbose_name=_("partenaire"),
        on_delete=models.CASCADE,
        related_name="calls",
        help_text=_("Son logo est montré sur la page de l'appel."),
    )

    panels = [LocalizedPageChooserPanel("partner")]

    class Meta(Orderable.Meta):
        verbose_name = _("partenaire de l'appel")
        verbose_name_plural = _("partenaires de l'appel")


def localized_partners(partners):
    """The given partner pages in the active language, live ones only, in one query."""
    keys = [partner.translation_key for partner in partners]
    pages = localized_live(PartnerPage, keys).select_related("logo").prefetch_related("logo__renditions")
    by_key = {page.translation_key: page for page in pages}
    return [by_key[key] for key in keys if key in by_key]


class LaureateFundUse(TranslatableMixin, Orderable):
    """One line of "À quoi serviront les dons": what part of the money pays for what."""

    laureate = ParentalKey("campaigns.LaureatePage", on_delete=models.CASCADE, related_name="fund_uses")
    label = models.CharField(
        _("poste de dépense"), max_length=200, help_text=_("Par exemple « Achat d'une scie à ruban ».")
    )
    amount = models.DecimalField(
        _("montant"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(0)],
        help_text=_("Dans la devise de la collecte, par exemple 1200 ou 350,50."),
    )

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("amount")])]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("usage des dons")
        verbose_name_plural = _("usages des dons")

    def __str__(self):
        return self.label


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
        ProjectTheme,
        verbose_name=_("thème"),
        on_delete=models.CASCADE,
        related_name="laureate_themes",
        help_text=_("Un thème partagé par les lauréats (réemploi, mobilité…), traduit une fois pour tous."),
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
    commune = models.CharField(
        _("commune"), max_length=100, blank=True, help_text=_("Où le projet se déroule, par exemple Roubaix.")
    )
    pitch = models.TextField(_("pitch"), max_length=400, help_text=_("Le projet en deux ou trois phrases."))
    story = StreamField(
        BaseStreamBlock,
        verbose_name=_("histoire du projet"),
        blank=True,
        help_text=_("Le récit du projet : qui le porte, ce qu'il change, où en est-il."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image principale"),
        help_text=_("Montrée en haut de la page et sur les cartes (au moins 1200 pixels de large)."),
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
        TitleFieldPanel(
            "title",
            heading=_("Nom du projet"),
            help_text=_("Tel qu'il s'affichera sur le site ; l'adresse de la page en est tirée."),
        ),
        MultiFieldPanel(
            [FieldPanel("makers"), FieldPanel("commune"), FieldPanel("pitch")],
            heading=_("Le projet"),
        ),
        InlinePanel("themes", heading=_("Thèmes"), label=_("Thème")),
        FieldPanel("hero_image"),
        MultiFieldPanel([FieldPanel("campaign"), CampaignFiguresPanel()], heading=_("Collecte")),
        InlinePanel(
            "fund_uses",
            heading=_("À quoi serviront les dons"),
            label=_("Poste de dépense"),
            help_text=_("Ce que la collecte financera, poste par poste, avec son montant."),
        ),
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

    def cache_dependents(self):
        """Pages that show this laureate besides its call and the home page (home.page_cache):
        the profiles of its sponsors, in every language."""
        keys = {row.partner.translation_key for row in self.sponsors.select_related("partner")}
        return list(Page.objects.live().filter(translation_key__in=keys))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["call"] = self.get_parent()
        campaign = self.campaign if self.campaign_id else None
        # No chart before the collection opens: it would only draw a flat line at zero.
        opened = campaign is not None and campaign.starts_at <= timezone.now()
        context["snapshots"] = list(campaign.snapshots.all()) if opened else []
        context["fund_uses"] = list(self.fund_uses.all())
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
