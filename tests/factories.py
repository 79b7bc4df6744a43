from wagtail.models import Locale, Page, Site

import factory
import wagtail_factories

from home.models import ContentPage, HomePage


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
    return translated


def build_site():
    """A French home page as the default site's root, with its English translation."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, title="Accueil", slug="accueil")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    home_en = translate(home, "en", title="Home", slug="home", hero_title="Funding our projects together")
    return home, home_en
