import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Locale, Page, Site

import factory
import wagtail_factories

from campaigns.models import CallIndexPage, CallPage, CallPhase, LaureatePage, LaureateSponsor
from funding import figures
from funding.models import FundingCampaign
from home.models import ContentPage, HomePage
from news.models import NewsCategory, NewsIndexPage, NewsPage
from partners.models import PartnerIndexPage, PartnerPage
from partners.roles import OFFICERS_GROUP, ensure_partner_group, setup_roles


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Accueil"
    slug = factory.Sequence(lambda n: f"accueil-{n}")
    hero_title = "Financer ensemble les projets du territoire"
    intro = "<p>Une introduction.</p>"

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page de contenu {n}")
    intro = "Un chapeau."

    class Meta:
        model = ContentPage


def translate(page, language_code, **fields):
    """Create and publish ``page``'s translation with the given fields."""
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    translated = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    translated.save_revision().publish()
    return type(translated).objects.get(pk=translated.pk)


def build_site():
    """A French home page as the default site's root, with its English translation."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, title="Accueil", slug="accueil")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    home_en = translate(home, "en", title="Home", slug="home", hero_title="Funding our projects together")
    return home, home_en


class FundingCampaignFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Collecte {n}")
    platform = "kisskissbankbank"
    public_url = factory.Sequence(lambda n: f"https://www.kisskissbankbank.com/fr/projects/projet-{n}")
    external_id = factory.Sequence(lambda n: f"projet-{n}")
    currency = "EUR"
    goal = Decimal("5000")
    raised = Decimal("0")
    donors = 0
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=10))
    ends_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=20))

    class Meta:
        model = FundingCampaign

    @classmethod
    def _create(cls, model_class, *args, entered_at=None, **kwargs):
        # Through the figures service, as the admin creates one: its first figures start the history,
        # dated ``entered_at`` (now by default; earlier for a campaign created before a test's dated figures).
        return figures.save_campaign(model_class(*args, **kwargs), at=entered_at)


class CallIndexPageFactory(wagtail_factories.PageFactory):
    title = "Appels à projets"
    slug = factory.Sequence(lambda n: f"appels-{n}")

    class Meta:
        model = CallIndexPage


class CallPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Appel {n}")
    slug = factory.Sequence(lambda n: f"appel-{n}")
    edition_year = 2018
    theme = "Économie circulaire"
    summary = "Un appel aux makers du territoire."
    applications_count = 40

    class Meta:
        model = CallPage


class LaureatePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Projet {n}")
    slug = factory.Sequence(lambda n: f"projet-{n}")
    makers = "Camille Exemple"
    commune = "Roubaix"
    pitch = "Un projet de réemploi."
    campaign = factory.SubFactory(FundingCampaignFactory)

    class Meta:
        model = LaureatePage


def add_phase(call, kind, start, end, text=""):
    """Add a timeline row to a saved call page."""
    return CallPhase.objects.create(page=call, kind=kind, start_date=start, end_date=end, description=text)


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Partenaires"
    slug = factory.Sequence(lambda n: f"partenaires-{n}")

    class Meta:
        model = PartnerIndexPage


class PartnerPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Partenaire {n}")
    slug = factory.Sequence(lambda n: f"partenaire-{n}")
    kind = "association"
    short_description = "Une association partenaire."

    class Meta:
        model = PartnerPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Actualités"
    slug = factory.Sequence(lambda n: f"actualites-{n}")

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Actualité {n}")
    slug = factory.Sequence(lambda n: f"actualite-{n}")
    date = datetime.date(2018, 9, 3)
    intro = "Un chapeau d'actualité."
    byline = "Service communication"

    class Meta:
        model = NewsPage


def news_category(name, slug, language_code="fr"):
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    return NewsCategory.objects.create(name=name, slug=slug, locale=locale)


def make_site_tree():
    """French and English home pages; Wagtail's welcome page removed."""
    Page.objects.filter(depth=2, slug="home").delete()
    home, home_en = build_site()
    return {"home": home, "home_en": home_en}


def make_partner_tree(site_tree):
    """Two partners, a call with a laureate sponsored by partner A, the roles, an officer and
    partner A's user."""
    django_user_model = get_user_model()
    index = PartnerIndexPageFactory(parent=site_tree["home"], slug="partenaires")
    partner_a = PartnerPageFactory(parent=index, title="Atelier A", slug="atelier-a", kind="association")
    partner_b = PartnerPageFactory(parent=index, title="Bureau B", slug="bureau-b", kind="company")
    calls = CallIndexPageFactory(parent=site_tree["home"], slug="appels")
    call = CallPageFactory(parent=calls, slug="appel")
    laureate = LaureatePageFactory(parent=call, slug="laureat", title="Lauréat sponsorisé")
    LaureateSponsor.objects.create(laureate=laureate, partner=partner_a, role="parrain")
    setup_roles()
    officers = Group.objects.get(name=OFFICERS_GROUP)
    officer = django_user_model.objects.create_user("officer", "officer@example.org", "pw")
    officer.groups.add(officers)
    user_a = django_user_model.objects.create_user("user-a", "a@example.org", "pw")
    user_a.groups.add(ensure_partner_group(partner_a).group)
    return {
        **site_tree,
        "index": index,
        "a": partner_a,
        "b": partner_b,
        "call": call,
        "laureate": laureate,
        "officer": officer,
        "user_a": user_a,
    }
