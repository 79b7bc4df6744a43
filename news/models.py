"""News and campaign stories."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from campaigns.models import CallPage, LaureatePage
from home.blocks import BaseStreamBlock, stream_texts
from home.layout import public_q
from home.models import BaseIndexPage, BasePage, absolute_url, localized_live
from home.panels import LocalizedPageChooserPanel
from partners.models import PartnerPage

from .feeds import NewsAtomFeed, NewsRssFeed

NEWS_PER_PAGE = 12


class NewsCategory(TranslatableMixin, models.Model):
    """A translatable category ("Appel à projets", "Lauréats", "Résultats"…)."""

    name = models.CharField(
        _("nom"), max_length=100, help_text=_("Le nom affiché sur les actualités, par exemple « Lauréats ».")
    )
    slug = models.SlugField(
        _("identifiant dans l'adresse"),
        max_length=100,
        allow_unicode=False,
        help_text=_(
            "En minuscules, sans accent ni espace, par exemple « laureats » : il sert au filtre des actualités."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("catégorie d'actualité")
        verbose_name_plural = _("catégories d'actualité")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="news_category_slug_per_locale")]

    def __str__(self):
        return self.name


class NewsTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsIndexPage(RoutablePageMixin, BaseIndexPage):
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("liste des actualités")
        verbose_name_plural = _("listes des actualités")

    @path("rss/")
    def rss_feed(self, request):
        return NewsRssFeed(self)(request)

    @path("atom/")
    def atom_feed(self, request):
        return NewsAtomFeed(self)(request)

    def news(self):
        return (
            NewsPage.objects.child_of(self)
            .live()
            .filter(public_q())
            .select_related("category", "hero_image")
            .prefetch_related("hero_image__renditions")
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = self.news()
        categories = list(NewsCategory.objects.filter(locale=self.locale).order_by("name"))
        category = next((c for c in categories if c.slug == request.GET.get("categorie")), None)
        tag = Tag.objects.filter(slug=request.GET.get("tag", "")[:100]).first() if request.GET.get("tag") else None
        if category:
            news = news.filter(category=category)
        if tag:
            news = news.filter(tagged_items__tag=tag)
        # get_page() turns "abc" into page 1 and 999 into the last page: never a 500.
        page_obj = Paginator(news, NEWS_PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            {
                "news_page": page_obj,
                "categories": categories,
                "selected_category": category,
                "selected_tag": tag,
                "tags": Tag.objects.filter(news_newstag_items__content_object__in=self.news())
                .distinct()
                .order_by("name"),
            }
        )
        return context


class NewsPage(BasePage):
    date = models.DateField(
        _("date de publication"),
        default=timezone.localdate,
        help_text=_("La date affichée sur l'actualité, au format JJ/MM/AAAA ; les plus récentes viennent en tête."),
    )
    byline = models.CharField(
        _("signature"),
        max_length=200,
        blank=True,
        help_text=_("Qui signe l'article, par exemple « Service communication »."),
    )
    category = models.ForeignKey(
        NewsCategory,
        verbose_name=_("catégorie"),
        help_text=_("Les catégories se gèrent dans le menu « Catégories d'actualité »."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(
        through=NewsTag,
        blank=True,
        verbose_name=_("mots-clés"),
        help_text=_("Quelques mots-clés séparés par des virgules ; ils relient les actualités entre elles."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image principale"),
        help_text=_("Montrée en haut de l'article et sur les cartes (au moins 1200 pixels de large)."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt = models.CharField(
        _("texte alternatif de l'image"),
        max_length=250,
        blank=True,
        help_text=_("Ce que montre l'image. Obligatoire si une image est choisie."),
    )
    intro = models.TextField(
        _("chapeau"),
        max_length=500,
        help_text=_("Deux ou trois phrases (500 caractères au plus) : montrées sur les cartes et dans les flux."),
    )
    body = StreamField(
        BaseStreamBlock, verbose_name=_("contenu"), blank=True, help_text=_("Le texte de l'article, en blocs.")
    )
    pinned = models.BooleanField(
        _("épinglée sur l'accueil"),
        default=False,
        help_text=_("Montrée sur l'accueil en plus des dernières actualités."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("date"), FieldPanel("byline")]), FieldPanel("category"), FieldPanel("tags")],
            heading=_("Publication"),
        ),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt")], heading=_("Image principale")),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel(
            "related_pages",
            heading=_("Contenus liés"),
            label=_("Contenu lié"),
            help_text=_("Appels, lauréats ou partenaires dont parle l'actualité (« Pour aller plus loin »)."),
        ),
    ]
    promote_panels = [*BasePage.promote_panels, FieldPanel("pinned")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("byline"),
        index.AutocompleteField("intro"),
        index.FilterField("date"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    og_type = "article"

    class Meta:
        verbose_name = _("actualité")
        verbose_name_plural = _("actualités")

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_alt.strip():
            raise ValidationError({"hero_alt": _("Décrivez l'image : ce texte la remplace pour qui ne la voit pas.")})

    def card_summary(self):
        return self.intro

    def card_image(self):
        return self.hero_image

    def card_image_alt(self):
        return self.hero_alt or super().card_image_alt()

    def search_texts(self):
        return [*super().search_texts(), *stream_texts(self.body)]

    def structured_data(self, request):
        article = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "description": self.intro,
            "datePublished": self.date.isoformat(),
            "dateModified": (self.last_published_at or self.latest_revision_created_at or timezone.now()).isoformat(),
            "inLanguage": self.locale.language_code,
            "mainEntityOfPage": absolute_url(self, request),
            "url": absolute_url(self, request),
        }
        if self.byline:
            article["author"] = {"@type": "Person", "name": self.byline}
        if self.hero_image_id:
            article["image"] = [request.build_absolute_uri(self.hero_image.get_rendition("fill-1200x630").url)]
        if self.category_id:
            article["articleSection"] = self.category.name
        return [article]

    def cache_dependents(self):
        """What shows this story besides its index and the home page (home.page_cache): the
        index's feeds and the other stories of its language (their "related news")."""
        index = self.get_parent()
        parts = index.get_url_parts()
        feeds = [parts[2] + "rss/", parts[2] + "atom/"] if parts else []
        return [*feeds, *NewsPage.objects.live().filter(locale_id=self.locale_id).exclude(pk=self.pk)]

    def related_news(self, limit=3):
        """Newest stories sharing the category or a tag, in this page's language."""
        siblings = NewsPage.objects.live().filter(public_q()).filter(locale_id=self.locale_id).exclude(pk=self.pk)
        tag_ids = [tagged.tag_id for tagged in self.tagged_items.all()]
        matches = models.Q(tagged_items__tag_id__in=tag_ids)
        if self.category_id:
            matches |= models.Q(category_id=self.category_id)
        return (
            siblings.filter(matches)
            .distinct()
            .select_related("category", "hero_image")
            .prefetch_related("hero_image__renditions")
            .order_by("-date", "-pk")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_news"] = list(self.related_news())
        context["news_tags"] = list(self.tags.all())
        context["related_content"] = self.related_content()
        return context

    def related_content(self):
        """The related pages, live and in the active language, in the order the editor gave
        (a page chosen in French shows as its English translation on the English site)."""
        keys = [row.page.translation_key for row in self.related_pages.select_related("page") if row.page_id]
        pages = {page.translation_key: page for page in localized_live(Page, keys)}
        return [pages[key] for key in dict.fromkeys(keys) if key in pages]


RELATED_PAGE_TYPES = [CallPage, LaureatePage, PartnerPage]


class NewsRelatedPage(Orderable):
    """A call, laureate or partner page an article links to ("Pour aller plus loin")."""

    news = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page liée"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Un appel à projets, un lauréat ou un partenaire, choisi dans l'arborescence de sa langue."),
    )

    panels = [LocalizedPageChooserPanel("page", page_type=[model._meta.label for model in RELATED_PAGE_TYPES])]

    class Meta(Orderable.Meta):
        verbose_name = _("contenu lié")
        verbose_name_plural = _("contenus liés")

    def clean(self):
        super().clean()
        if self.page_id and not issubclass(self.page.specific_class or Page, tuple(RELATED_PAGE_TYPES)):
            raise ValidationError({"page": _("Choisissez un appel à projets, un lauréat ou un partenaire.")})
