"""Calls for projects, laureates and their funding campaigns."""

import datetime
import math
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, F, Max, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BaseStreamBlock, stream_texts
from home.models import BaseIndexPage, BasePage, absolute_url, localized_live
from partners.models import PartnerPage

from .formatting import format_money, format_percentage
from .panels import CampaignFiguresPanel


class Platform(models.TextChoices):
    KISSKISSBANKBANK = "kisskissbankbank", "KissKissBankBank"
    ULULE = "ulule", "Ulule"
    HELLOASSO = "helloasso", "HelloAsso"
    OTHER = "other", _("Autre plateforme")


class Currency(models.TextChoices):
    EUR = "EUR", _("euro (EUR)")
    CHF = "CHF", _("franc suisse (CHF)")
    GBP = "GBP", _("livre sterling (GBP)")
    USD = "USD", _("dollar américain (USD)")
    CAD = "CAD", _("dollar canadien (CAD)")
    XPF = "XPF", _("franc CFP (XPF)")


class CampaignStatus(models.TextChoices):
    UPCOMING = "upcoming", _("à venir")
    LIVE = "live", _("en cours")
    SUCCEEDED = "succeeded", _("objectif atteint")
    NOT_REACHED = "not_reached", _("objectif non atteint")
    CANCELLED = "cancelled", _("annulée")


class FiguresSource(models.TextChoices):
    MANUAL = "manual", _("saisie manuelle")
    API = "api", _("synchronisation avec la plateforme")
    WEBHOOK = "webhook", _("notification de la plateforme")
    CSV = "csv", _("import CSV")


class FrozenResultsError(ValidationError):
    """Raised when the figures of an ended campaign change without a correction reason."""


MONEY = {"max_digits": 12, "decimal_places": 2}


class FundingCampaign(models.Model):
    """A laureate's collection on a crowdfunding platform.

    Figures are data, not editorial content: they live here, outside page
    revisions, so a sync or a correction applies at once and a scheduled
    publication can never bring old figures back. Every change of figures
    appends a ``FundingSnapshot``; once the campaign has ended its figures are
    frozen and only an explicit correction with a reason may change them.
    """

    # Fields whose change after the end is a correction.
    FROZEN_FIELDS = ("goal", "raised", "donors", "ends_at")

    name = models.CharField(_("nom de la collecte"), max_length=200)
    platform = models.CharField(
        _("plateforme"), max_length=20, choices=Platform.choices, default=Platform.KISSKISSBANKBANK
    )
    public_url = models.URLField(_("adresse publique de la collecte"), blank=True)
    external_id = models.CharField(
        _("identifiant sur la plateforme"), max_length=200, blank=True, help_text=_("Identifiant ou slug du projet.")
    )
    currency = models.CharField(_("devise"), max_length=3, choices=Currency.choices, default=Currency.EUR)
    goal = models.DecimalField(_("objectif"), **MONEY, validators=[MinValueValidator(Decimal("0.01"))])
    raised = models.DecimalField(
        _("montant collecté"), **MONEY, default=Decimal("0"), validators=[MinValueValidator(Decimal("0"))]
    )
    donors = models.PositiveIntegerField(_("nombre de contributeurs"), default=0)
    starts_at = models.DateTimeField(_("début de la collecte"))
    ends_at = models.DateTimeField(_("fin de la collecte"))
    cancelled = models.BooleanField(_("collecte annulée"), default=False)
    updated_at = models.DateTimeField(_("chiffres mis à jour le"), null=True, blank=True, editable=False)
    last_sync_at = models.DateTimeField(_("dernière synchronisation réussie"), null=True, blank=True, editable=False)
    last_sync_error = models.TextField(_("dernière erreur de synchronisation"), blank=True, editable=False)
    last_sync_error_at = models.DateTimeField(_("date de la dernière erreur"), null=True, blank=True, editable=False)
    source = models.CharField(
        _("source des chiffres"), max_length=20, choices=FiguresSource.choices, default=FiguresSource.MANUAL
    )

    class Meta:
        verbose_name = _("collecte")
        verbose_name_plural = _("collectes")
        ordering = ["-starts_at", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(goal__gt=0), name="campaign_goal_positive"),
            models.CheckConstraint(condition=Q(raised__gte=0), name="campaign_raised_not_negative"),
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="campaign_ends_after_start"),
        ]

    def __str__(self):
        return self.name

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Set by the admin form or record_figures(); never stored on the campaign itself.
        self.correction_reason = ""
        self._recorded_at = None
        self._refund = False

    def save(self, *args, **kwargs):
        stored = self._stored()
        self._check_frozen(stored)
        figures_changed = stored is None or stored["raised"] != self.raised or stored["donors"] != self.donors
        correction = bool(stored and self._changed_frozen_fields(stored) and self.correction_reason.strip())
        if figures_changed or correction:
            self.updated_at = self._recorded_at or timezone.now()
        super().save(*args, **kwargs)
        if figures_changed or correction:
            self.snapshots.create(
                recorded_at=self.updated_at,
                raised=self.raised,
                donors=self.donors,
                source=self.source,
                is_correction=correction,
                is_refund=self._refund,
                reason=self.correction_reason.strip() if correction else "",
            )
        self.correction_reason = ""
        self._recorded_at = None
        self._refund = False

    # --- validation and history ---------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.goal is not None and self.goal <= 0:
            errors["goal"] = _("L'objectif doit être supérieur à zéro.")
        if self.raised is not None and self.raised < 0:
            errors["raised"] = _("Le montant collecté ne peut pas être négatif.")
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("La fin de la collecte doit être postérieure à son début.")
        if errors:
            raise ValidationError(errors)
        self._check_frozen()

    def _stored(self):
        if not self.pk:
            return None
        return type(self).objects.filter(pk=self.pk).values(*self.FROZEN_FIELDS).first()

    def _changed_frozen_fields(self, stored):
        return [name for name in self.FROZEN_FIELDS if stored and stored[name] != getattr(self, name)]

    def _check_frozen(self, stored=None):
        stored = stored if stored is not None else self._stored()
        if not stored:
            return
        moment = self._recorded_at or timezone.now()
        changed = self._changed_frozen_fields(stored)
        if changed and moment >= stored["ends_at"] and not self.correction_reason.strip():
            raise FrozenResultsError(
                {
                    name: _(
                        "La collecte est terminée : ses résultats sont figés. "
                        "Indiquez le motif de la correction pour les modifier."
                    )
                    for name in changed
                }
            )

    # --- derived state -------------------------------------------------

    def status(self, now=None):
        now = now or timezone.now()
        if self.cancelled:
            return CampaignStatus.CANCELLED
        if now < self.starts_at:
            return CampaignStatus.UPCOMING
        if now < self.ends_at:
            return CampaignStatus.LIVE
        if self.raised >= self.goal:
            return CampaignStatus.SUCCEEDED
        return CampaignStatus.NOT_REACHED

    @property
    def current_status(self):
        return self.status()

    @property
    def percent(self):
        """Share of the goal raised, in percent; 122 is a normal value and is never clamped."""
        if not self.goal:
            return Decimal("0")
        return (self.raised * 100 / self.goal).quantize(Decimal("0.1"))

    @property
    def bar_percent(self):
        """The bar's width: the only place where the percentage stops at 100."""
        return min(int(self.percent), 100)

    @property
    def goal_reached(self):
        return self.raised >= self.goal

    def days_left(self, now=None):
        """Whole days until the end, rounded up (1.2 days left shows as 2)."""
        now = now or timezone.now()
        if now >= self.ends_at:
            return 0
        return math.ceil((self.ends_at - now) / datetime.timedelta(days=1))

    def is_frozen(self, at=None):
        return (at or timezone.now()) >= self.ends_at

    def record_figures(self, raised, donors, *, source=FiguresSource.MANUAL, at=None, reason="", refund=False):
        """The one way code changes figures: validated, frozen-aware, appended to history.

        ``refund`` marks a lower amount than before as a platform refund in the history."""
        self._refund = refund
        self.raised = Decimal(raised)
        self.donors = donors
        self.source = source
        self.correction_reason = reason
        self._recorded_at = at
        self._check_frozen()  # first, so callers get the specific FrozenResultsError
        self.full_clean()
        self.save()


class WebhookDelivery(models.Model):
    """A webhook already processed: its id is the idempotency key (unique per provider)."""

    provider = models.CharField(_("plateforme"), max_length=20)
    webhook_id = models.CharField(_("identifiant du webhook"), max_length=255)
    received_at = models.DateTimeField(_("reçu le"), auto_now_add=True)
    campaign = models.ForeignKey(
        "campaigns.FundingCampaign", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("webhook reçu")
        verbose_name_plural = _("webhooks reçus")
        constraints = [models.UniqueConstraint(fields=["provider", "webhook_id"], name="webhook_once_per_provider")]

    def __str__(self):
        return f"{self.provider}:{self.webhook_id}"


class FundingSnapshot(models.Model):
    """One point of a campaign's history: figures as they were at ``recorded_at``."""

    campaign = models.ForeignKey(FundingCampaign, on_delete=models.CASCADE, related_name="snapshots")
    recorded_at = models.DateTimeField(_("relevé le"), db_index=True)
    raised = models.DecimalField(_("montant collecté"), **MONEY)
    donors = models.PositiveIntegerField(_("nombre de contributeurs"))
    source = models.CharField(_("source"), max_length=20, choices=FiguresSource.choices)
    is_correction = models.BooleanField(_("correction"), default=False)
    is_refund = models.BooleanField(_("remboursement"), default=False)
    reason = models.TextField(_("motif de la correction"), blank=True)

    class Meta:
        verbose_name = _("relevé de collecte")
        verbose_name_plural = _("relevés de collecte")
        ordering = ["recorded_at", "pk"]

    def __str__(self):
        return f"{self.campaign} @ {self.recorded_at:%Y-%m-%d %H:%M}"


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


class CallPhase(Orderable):
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

    class Meta(Orderable.Meta):
        verbose_name = _("étape du calendrier")
        verbose_name_plural = _("étapes du calendrier")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("La fin de l'étape ne peut pas précéder son début.")})

    def is_current(self, today):
        return self.start_date <= today <= self.end_date


class CallKeyFigure(Orderable):
    """What the portal cannot compute itself: page views, awards, press coverage."""

    page = ParentalKey("campaigns.CallPage", on_delete=models.CASCADE, related_name="key_figures")
    value = models.CharField(_("chiffre"), max_length=40, help_text=_("Par exemple « 100 000 » ou « 1er prix »."))
    label = models.CharField(_("libellé"), max_length=200)

    panels = [FieldPanel("value"), FieldPanel("label")]

    class Meta(Orderable.Meta):
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


class ProgrammeResults:
    """A call's results, computed with database aggregates (a constant number of queries)."""

    def __init__(self, call, applications, laureates, totals):
        self.call = call
        self.applications = applications
        self.laureates = laureates
        self.campaigns = totals["campaigns_count"] or 0
        self.funded = totals["funded_count"] or 0
        self.raised = totals["total_raised"] or Decimal("0")
        self.funded_raised = totals["funded_raised"] or Decimal("0")
        self.donors = totals["total_donors"] or 0
        self.currency = totals["any_currency"] or Currency.EUR
        # Amounts in different currencies cannot be added up: the totals are then not shown.
        self.mixed_currencies = (totals["currencies"] or 0) > 1

    @classmethod
    def for_call(cls, call, laureates=None):
        """Two queries at most: the aggregate, and the laureate count unless the page already has the list."""
        if laureates is None:
            pages = LaureatePage.objects.child_of(call).live().public()
            laureates_count = pages.count()
            campaign_filter = Q(pk__in=pages.values("campaign_id"))
        else:
            laureates_count = len(laureates)
            campaign_filter = Q(pk__in=[page.campaign_id for page in laureates if page.campaign_id])
        funded = Q(raised__gte=F("goal"))
        totals = FundingCampaign.objects.filter(campaign_filter, cancelled=False).aggregate(
            campaigns_count=Count("pk"),
            funded_count=Count("pk", filter=funded),
            total_raised=Sum("raised"),
            funded_raised=Sum("raised", filter=funded),
            total_donors=Sum("donors"),
            currencies=Count("currency", distinct=True),
            any_currency=Max("currency"),
        )
        return cls(call, call.applications_count, laureates_count, totals)

    @property
    def success_rate(self):
        if not self.campaigns:
            return Decimal("0")
        return Decimal(self.funded * 100) / self.campaigns

    @property
    def average_funded(self):
        if not self.funded:
            return Decimal("0")
        return (self.funded_raised / self.funded).quantize(Decimal("1"))


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


class LaureateTag(TaggedItemBase):
    content_object = ParentalKey("campaigns.LaureatePage", on_delete=models.CASCADE, related_name="tagged_items")


class LaureatePage(BasePage):
    """A laureate project: its makers, its story and its funding campaign."""

    makers = models.CharField(
        _("maker(s)"), max_length=255, help_text=_("Noms tels que les porteurs souhaitent les voir affichés.")
    )
    commune = models.CharField(_("commune"), max_length=100, blank=True)
    pitch = models.TextField(_("pitch"), max_length=400, help_text=_("Le projet en deux ou trois phrases."))
    story = StreamField(BaseStreamBlock, verbose_name=_("histoire du projet"), blank=True)
    tags = ClusterTaggableManager(through=LaureateTag, blank=True, verbose_name=_("thèmes"))
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image principale"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    campaign = models.ForeignKey(
        FundingCampaign,
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
            [FieldPanel("makers"), FieldPanel("commune"), FieldPanel("pitch"), FieldPanel("tags")],
            heading=_("Le projet"),
        ),
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
        context["theme_tags"] = list(self.tags.all())
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
        try:
            return self.share_image
        except LaureateShareImage.DoesNotExist:
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
                    "width": LaureateShareImage.WIDTH,
                    "height": LaureateShareImage.HEIGHT,
                    "alt": self.share_image_alt(),
                }
        return super().social_image_meta(request)


class LaureateShareImage(models.Model):
    """The generated Open Graph picture of a laureate page (one per language), drawn by
    ``campaigns.sharing.share_image`` when the figures or the page change, never during a page view.

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
        verbose_name = _("image de partage générée")
        verbose_name_plural = _("images de partage générées")

    def __str__(self):
        return self.file.name
