"""Demo partners: the authority, the platform and the nine local partners named in the
seed, with neutral descriptions (no facts invented about real organisations)."""

import io
import unicodedata

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from PIL import Image as PILImage
from PIL import ImageDraw

from home.demo import demo_collection, get_or_create_child, get_or_create_translation, home_page, locale

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


def logo_image(name, colour):
    """A generated logo (the name on a coloured band); found again by its title."""
    Image = get_image_model()
    title = f"Logo – {name}"
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    picture = PILImage.new("RGB", (480, 240), (255, 255, 255))
    draw = ImageDraw.Draw(picture)
    draw.rectangle([(0, 170), (480, 240)], fill=colour)
    # The built-in font has no accented letters; the alt text carries the exact name.
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    draw.text((24, 90), plain, fill=(26, 26, 26), font_size=34)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    image = Image(title=title, collection=demo_collection(), description=name)
    image.file = ImageFile(buffer, name="logo-" + "".join(c if c.isalnum() else "-" for c in name.lower()) + ".png")
    image.save()
    return image


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
    palette = [(11, 79, 138), (29, 107, 58), (138, 42, 11), (90, 60, 140)]
    for position, (slug, name, kind, commune, website) in enumerate(PARTNERS):
        text_fr, text_en = ROLE_TEXT.get(kind, DEFAULT_TEXT)
        partner = get_or_create_child(
            index,
            PartnerPage,
            slug,
            title=name,
            kind=kind,
            logo=logo_image(name, palette[position % len(palette)]),
            logo_alt=name,
            short_description=text_fr,
            commune=commune,
            website=website,
            body=[("paragraph", DEMO_NOTE[0])],
        )
        get_or_create_translation(partner, "en", short_description=text_en, body=[("paragraph", DEMO_NOTE[1])])
    setup_roles()
    if settings.DEBUG:
        _demo_accounts(command)


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
