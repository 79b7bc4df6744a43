"""Demo content for the site shell, plus helpers the other apps' demo modules reuse.

Every helper looks things up before creating them, so ``load_demo`` can run any
number of times and leave the same rows (and no extra revisions) behind.
"""

import io

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from . import illustrations
from .models import ContentPage, HomePage, SiteSettings

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "demo-portail-2018"  # documented in the README, created only with DEBUG on


def locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]


def root_collection():
    return Collection.get_first_root_node() or Collection.add_root(name="Racine")


def root_page():
    """Wagtail's tree root; recreated if a flushed database lost it (browser tests)."""
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Racine", slug="root", locale=locale(settings.LANGUAGE_CODE)))
    return root


def demo_collection():
    root = root_collection()
    existing = root.get_children().filter(name="Démo").first()
    return existing or root.add_child(name="Démo")


def drawn_image(title, description, draw, filename):
    """The demo image of this title, found again by it; drawn by ``draw()`` (PNG bytes) when
    missing. One drawn by an older version of the demo (another description), or whose file is
    gone (a database kept, its media not), is redrawn in place: same row, old renditions dropped."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing and existing.description == description and existing.file.storage.exists(existing.file.name):
        return existing
    if existing:
        existing.renditions.all().delete()  # drawn from the old file
    image = existing or Image(title=title, collection=demo_collection())
    image.description = description
    image.file = ImageFile(io.BytesIO(draw()), name=filename)
    image.file_size = None
    image.file_hash = ""
    image.save()
    return image


def demo_image(title, scene, size=(1200, 630)):
    """A drawn illustration (``home.illustrations``, no download), found again by its title.

    ``scene`` names the drawing, in general the French slug of the page it illustrates; the
    image's description, its alternative text, says what the drawing shows."""
    filename = "".join(c if c.isalnum() else "-" for c in title.lower())[:60] + ".png"
    return drawn_image(title, illustrations.describe(scene), lambda: illustrations.render(scene, size), filename)


def publish(page):
    page.save_revision().publish()
    return page


def get_or_create_child(parent, model, slug, **fields):
    """A live child page of ``parent`` with this slug; created and published once."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    return publish(page)


def get_or_create_translation(page, code, adjust=None, **fields):
    """The page's translation in ``code``, created with the given (translated) fields once.

    ``adjust(translated)`` may change what plain attributes cannot (child rows)."""
    target_locale = locale(code)
    existing = page.get_translation_or_none(target_locale)
    if existing:
        return existing.specific
    translated = page.copy_for_translation(target_locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    if adjust:
        adjust(translated)
    translated.save()
    return publish(translated)


def home_page():
    """The French home page, made the default site's root (replacing Wagtail's welcome page)."""
    french = locale("fr")
    home = HomePage.objects.filter(locale=french).first()
    root = root_page()
    if home is None:
        welcome = root.get_children().filter(slug="home").exclude(content_type__model="homepage").first()
        if welcome is not None:
            welcome.delete()
        home = HomePage(
            title="Accueil",
            slug="accueil",
            locale=french,
            hero_title="Financer ensemble les projets de notre territoire",
            intro=(
                "<p>La collectivité lance des appels à projets et accompagne les lauréats "
                "jusqu'à leur collecte de dons sur une plateforme de financement participatif.</p>"
            ),
            search_description="Appels à projets financés par le public : lauréats, collectes, résultats.",
        )
        root.add_child(instance=home)
        publish(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Portail")
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return home


def load(command):
    home = home_page()
    image = demo_image("Accueil – visuel de démonstration", "accueil")
    if home.hero_image_id is None:
        home.hero_image = image
        publish(home)
    get_or_create_translation(
        home,
        "en",
        title="Home",
        slug="home",
        hero_title="Funding our area's projects together",
        intro=(
            "<p>The authority runs calls for projects and supports the laureates "
            "up to their donation campaign on a crowdfunding platform.</p>"
        ),
        search_description="Publicly funded calls for projects: laureates, campaigns, results.",
    )

    legal = get_or_create_child(
        home,
        ContentPage,
        "mentions-legales",
        title="Mentions légales",
        intro="Éditeur du site, hébergement et données personnelles (contenu de démonstration).",
    )
    get_or_create_translation(
        legal,
        "en",
        title="Legal notice",
        slug="legal-notice",
        intro="Publisher, hosting and personal data (demo content).",
    )
    accessibility = get_or_create_child(
        home,
        ContentPage,
        "accessibilite",
        title="Déclaration d'accessibilité",
        intro="Ce site vise la conformité au RGAA 4.1 (contenu de démonstration).",
    )
    get_or_create_translation(
        accessibility,
        "en",
        title="Accessibility statement",
        slug="accessibility",
        intro="This site aims to comply with RGAA 4.1 (demo content).",
    )

    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    if not site_settings.organisation_name:
        # A proper name, the same on the French and English pages (the setting has one value per
        # site); every demo page says it is a demonstration in its own language.
        site_settings.organisation_name = "Métropole européenne de Lille"
        site_settings.contact_address = "1 rue de la Démonstration\n59000 Lille"
        site_settings.contact_email = "contact@example.org"
        site_settings.mastodon_url = "https://mastodon.example.org/@portail"
        site_settings.legal_notice_page = legal
        site_settings.accessibility_page = accessibility
        site_settings.save()

    if settings.DEBUG:
        User = get_user_model()
        if not User.objects.filter(username=DEMO_ADMIN_USERNAME).exists():
            User.objects.create_superuser(DEMO_ADMIN_USERNAME, "admin@example.org", DEMO_ADMIN_PASSWORD)
        command.stdout.write(
            f"demo admin: http://127.0.0.1:8000/admin/  user {DEMO_ADMIN_USERNAME}  password {DEMO_ADMIN_PASSWORD}"
        )
