"""Demo partners: the authority, the platform and the nine local partners named in the
seed, with neutral descriptions (no facts invented about real organisations)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from home import illustrations
from home.demo import drawn_image, get_or_create_child, get_or_create_translation, home_page, locale

from .models import PartnerIndexPage, PartnerKind, PartnerPage
from .roles import OFFICERS_GROUP, ensure_partner_group, setup_roles

# (slug, name, kind, commune, website)
PARTNERS = [
    ("metropole-europeenne-de-lille", "Métropole européenne de Lille", PartnerKind.PUBLIC_BODY, "Lille", ""),
    ("kisskissbankbank", "KissKissBankBank", PartnerKind.PLATFORM, "", "https://www.kisskissbankbank.com/"),
    ("boulanger", "Boulanger", PartnerKind.COMPANY, "", ""),
    ("techshop", "Techshop", PartnerKind.COMPANY, "", ""),
    ("universite-de-lille", "Université de Lille", PartnerKind.UNIVERSITY, "Lille", ""),
    ("bge-hauts-de-france", "BGE Hauts-de-France", PartnerKind.ASSOCIATION, "", ""),
    ("maker-faire-lille", "Maker Faire Lille", PartnerKind.ASSOCIATION, "Lille", ""),
    ("smart-grands-ensemble", "Smart grands ensemble", PartnerKind.ASSOCIATION, "", ""),
    ("makers-lille", "Makers Lille", PartnerKind.ASSOCIATION, "Lille", ""),
    ("universite-catholique-de-lille", "Université Catholique de Lille", PartnerKind.UNIVERSITY, "Lille", ""),
    ("la-condition-publique", "La Condition Publique", PartnerKind.ASSOCIATION, "Roubaix", ""),
]
# The demo's drawn wordmarks (home.illustrations.wordmark): a colour and a mark per partner. They
# are invented logos, not the organisations' real ones.
LOGO_STYLES = {
    "metropole-europeenne-de-lille": ("blue", "letters"),
    "kisskissbankbank": ("green", "heart"),
    "boulanger": ("orange", "letters"),
    "techshop": ("grey-dark", "gear"),
    "universite-de-lille": ((130, 30, 60), "columns"),
    "bge-hauts-de-france": ("teal", "bars"),
    "maker-faire-lille": ("red", "gear", ["Maker Faire", "Lille"]),
    "smart-grands-ensemble": ("purple", "blocks", ["Smart", "grands ensemble"]),
    "makers-lille": ("green", "hexagon"),
    "universite-catholique-de-lille": ("blue-dark", "shield"),
    "la-condition-publique": ("brick", "arch", ["La Condition", "Publique"]),
}
ROLE_TEXT = {
    PartnerKind.PUBLIC_BODY: (
        "Collectivité qui porte l'appel à projets.",
        "The authority that runs the call for projects.",
    ),
    PartnerKind.PLATFORM: (
        "Plateforme de financement participatif sur laquelle les lauréats collectent leurs dons.",
        "The crowdfunding platform on which the laureates collect their donations.",
    ),
}
DEFAULT_TEXT = (
    "Partenaire de l'appel à projets MEL Makers 2018, parrain de lauréats.",
    "Partner of the MEL Makers 2018 call for projects, sponsor of laureates.",
)
DEMO_NOTE = (
    "<p><em>Fiche de démonstration : présentation neutre à compléter par le partenaire.</em></p>",
    "<p><em>Demo profile: a neutral presentation for the partner to complete.</em></p>",
)
DEMO_OFFICER = ("communication", "demo-communication-2018")
DEMO_PARTNER = ("partenaire", "demo-partenaire-2018", "makers-lille")


def logo_image(slug, name):
    """The partner's drawn wordmark (``home.illustrations.wordmark``); found again by its title
    and redrawn in place when out of date (``home.demo.drawn_image``)."""
    colour, symbol, *lines = LOGO_STYLES.get(slug, ("blue", "letters"))

    def draw():
        return illustrations.wordmark(name, colour, symbol, lines[0] if lines else None)

    return drawn_image(f"Logo – {name}", f"Logo de {name}", draw, f"logo-{slug}.png")


def partner_index(home):
    index = get_or_create_child(
        home,
        PartnerIndexPage,
        "partenaires",
        title="Partenaires",
        show_in_menus=True,
        intro="La collectivité, la plateforme et les partenaires locaux qui accompagnent les lauréats.",
    )
    get_or_create_translation(
        index,
        "en",
        title="Partners",
        slug="partners",
        intro="The authority, the platform and the local partners who support the laureates.",
    )
    return index


def load(command):
    home = home_page()
    index = partner_index(home)
    for slug, name, kind, commune, website in PARTNERS:
        text_fr, text_en = ROLE_TEXT.get(kind, DEFAULT_TEXT)
        partner = get_or_create_child(
            index,
            PartnerPage,
            slug,
            title=name,
            kind=kind,
            logo=logo_image(slug, name),
            logo_alt=name,
            short_description=text_fr,
            commune=commune,
            website=website,
            body=[("paragraph", DEMO_NOTE[0])],
        )
        get_or_create_translation(partner, "en", short_description=text_en, body=[("paragraph", DEMO_NOTE[1])])
    setup_roles()
    _logos_in_partners_collections()
    if settings.DEBUG:
        _demo_accounts(command)


def _logos_in_partners_collections():
    """Each partner's logo in its own collection, where its accounts find it in the image chooser."""
    for partner in PartnerPage.objects.filter(locale=locale("fr"), logo__isnull=False).select_related("logo"):
        collection = ensure_partner_group(partner).collection
        if partner.logo.collection_id != collection.pk:
            partner.logo.collection = collection
            partner.logo.save(update_fields=["collection"])


def _demo_accounts(command):
    User = get_user_model()
    username, password = DEMO_OFFICER
    officer = User.objects.filter(username=username).first()
    if officer is None:
        officer = User.objects.create_user(username, f"{username}@example.org", password, first_name="Chargée")
    officer.groups.add(Group.objects.get(name=OFFICERS_GROUP))

    username, password, slug = DEMO_PARTNER
    page = PartnerPage.objects.get(slug=slug, locale=locale("fr"))
    partner = User.objects.filter(username=username).first()
    if partner is None:
        partner = User.objects.create_user(username, f"{username}@example.org", password, first_name="Makers")
    partner.groups.add(ensure_partner_group(page).group)
    command.stdout.write(f"demo officer: user {DEMO_OFFICER[0]}  password {DEMO_OFFICER[1]}")
    command.stdout.write(f"demo partner ({page.title}): user {username}  password {password}")
