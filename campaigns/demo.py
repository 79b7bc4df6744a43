"""Demo content for calls and laureates: the 2018 "MEL Makers" programme with its real
totals (invented laureates, see ``demo_data``) and a current call whose collection is live."""

import datetime
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils import timezone

from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from funding import figures
from funding.models import FiguresSource, FundingCampaign
from home.demo import demo_image, get_or_create_child, get_or_create_translation, home_page, locale, publish
from home.formatting import join_names
from home.typography import french_spacing
from partners.models import PartnerPage

from .demo_data import FUND_USES, LAUREATES
from .models import (
    CallIndexPage,
    CallKeyFigure,
    CallPage,
    CallPartner,
    CallPhase,
    LaureateFundUse,
    LaureatePage,
    LaureateSponsor,
    LaureateTheme,
    PhaseKind,
    ProjectTheme,
    SponsorRole,
)
from .sharing.share_image import refresh_all

PARIS = ZoneInfo("Europe/Paris")

# The English name of each theme, written in through wagtail-localize (see project_theme).
THEMES_EN = {
    "biodéchets": "bio-waste",
    "biomatériaux": "bio-based materials",
    "compost": "compost",
    "construction": "construction",
    "design": "design",
    "impression 3d": "3D printing",
    "mobilier": "furniture",
    "mobilité": "mobility",
    "partage": "sharing",
    "plastique": "plastic",
    "recyclage": "recycling",
    "reconditionnement": "refurbishing",
    "réemploi": "re-use",
    "réparation": "repair",
    "textile": "textiles",
    "valorisation": "upcycling",
    "verre": "glass",
    "zéro déchet": "zero waste",
    "éducation": "education",
}

CALL_2018_PHASES = [
    (PhaseKind.APPLICATIONS, "2018-02-01", "2018-03-31", "40 candidatures de makers de la métropole."),
    (PhaseKind.SELECTION, "2018-04-01", "2018-05-15", "La collectivité et ses 9 partenaires choisissent 10 lauréats."),
    (PhaseKind.COACHING, "2018-05-16", "2018-08-31", "Un été d'accompagnement par les coachs et les parrains."),
    (
        PhaseKind.COMMUNICATION,
        "2018-08-06",
        "2018-09-02",
        "Quatre semaines d'affiches, de réseaux sociaux et d'articles.",
    ),
    (PhaseKind.COLLECTION, "2018-09-03", "2018-10-14", "Six semaines de collecte de dons sur KissKissBankBank."),
    (PhaseKind.RESULTS, "2018-10-15", "2018-12-31", "Neuf projets sur dix financés."),
]
# In the order of CALL_2018_PHASES: the English call says the same.
CALL_2018_PHASE_TEXTS_EN = [
    "40 applications from the area's makers.",
    "The authority and its 9 partners choose 10 laureates.",
    "A summer of coaching by the coaches and sponsors.",
    "Four weeks of posters, social media and articles.",
    "Six weeks of donations on KissKissBankBank.",
    "Nine projects out of ten funded.",
]
COLLECTION_2018 = (
    datetime.datetime(2018, 9, 3, 9, 0, tzinfo=PARIS),
    datetime.datetime(2018, 10, 14, 23, 59, tzinfo=PARIS),
)
# Share of the final figures reached at each point of the six weeks: how a collection usually grows.
GROWTH = [(0.1, 0.18), (0.3, 0.38), (0.55, 0.55), (0.8, 0.76), (0.97, 1.0)]

CURRENT_LAUREATES = [
    {
        "slug": "atelier-velo-du-quartier",
        "slug_en": "neighbourhood-bike-workshop",
        "title": "Atelier vélo du quartier",
        "title_en": "Neighbourhood bike workshop",
        "makers": "Inès Moreau et Yanis Lefort",
        "commune": "Lille",
        "pitch": "Un atelier participatif où chacun apprend à réparer son vélo avec des pièces de réemploi.",
        "pitch_en": "A community workshop where everyone learns to repair their bike with reused parts.",
        "tags": ["réparation", "mobilité"],
        "goal": Decimal("4000"),
        "share": (0.64, 0.6),
        "story": [
            "Au rez-de-chaussée d'une ancienne boutique de Moulins, Inès et Yanis ont installé deux pieds "
            "d'atelier, un établi et des bacs de pièces triées par taille. Tout vient du réemploi\u00a0: des "
            "chambres à air, des freins et des dérailleurs démontés sur des vélos donnés par les habitants "
            "ou récupérés à la déchetterie.",
            "Ici, personne ne répare à la place de personne. Les bénévoles montrent les gestes, prêtent les "
            "outils et laissent chacun remettre lui-même sa chaîne ou régler ses freins. Les dons serviront "
            "à acheter un troisième pied d'atelier, un jeu de clés spécifiques et à ouvrir le samedi matin "
            "pour les familles.",
        ],
        "story_en": [
            "On the ground floor of a former shop in Moulins, Inès and Yanis have set up two repair stands, "
            "a workbench and tubs of parts sorted by size. Everything is reused: inner tubes, brakes and "
            "derailleurs taken from bikes donated by residents or rescued from the tip.",
            "Nobody repairs anything for anyone else here. Volunteers show how it is done, lend the tools "
            "and let people refit their own chain or adjust their own brakes. The donations will pay for a "
            "third repair stand and a set of specialist tools, and let the workshop open on Saturday "
            "mornings for families.",
        ],
        "quote": "Un vélo qu'on a réparé soi-même, on le garde longtemps.",
        "quote_en": "A bike you have repaired yourself is a bike you keep for a long time.",
    },
    {
        "slug": "vaisselle-consignee",
        "slug_en": "deposit-return-tableware",
        "title": "Vaisselle consignée",
        "title_en": "Deposit-return tableware",
        "makers": "Chloé Bernard",
        "commune": "Roubaix",
        "pitch": "Des boîtes repas consignées pour les restaurants de quartier, lavées et réutilisées sur place.",
        "pitch_en": "Deposit-return lunch boxes for local restaurants, washed and reused on site.",
        "tags": ["réemploi", "zéro déchet"],
        "goal": Decimal("6500"),
        "share": (1.12, 1.0),
        "story": [
            "Chloé a travaillé dix ans en restauration et a vu chaque midi des sacs entiers de barquettes "
            "jetables partir à la poubelle. Elle propose aux restaurants de Roubaix des boîtes repas en inox, "
            "consignées deux euros\u00a0: le client emporte son plat, rapporte la boîte dans n'importe quel "
            "restaurant partenaire et récupère sa consigne.",
            "Une douzaine d'établissements se sont déjà engagés. La collecte financera un premier stock de "
            "mille boîtes, un lave-vaisselle professionnel installé dans une cuisine partagée et un vélo "
            "de livraison pour faire tourner les boîtes propres entre les restaurants.",
        ],
        "story_en": [
            "Chloé worked in restaurants for ten years and saw whole bags of disposable trays thrown away "
            "every lunchtime. She offers Roubaix restaurants stainless steel lunch boxes with a two-euro "
            "deposit: customers take their meal away, bring the box back to any partner restaurant and get "
            "their deposit back.",
            "A dozen places have already signed up. The campaign will pay for a first stock of a thousand "
            "boxes, a commercial dishwasher in a shared kitchen and a delivery bike to take the clean boxes "
            "round the restaurants.",
        ],
        "quote": "La meilleure barquette, c'est celle qu'on n'a pas besoin de jeter.",
        "quote_en": "The best takeaway tray is the one you never have to throw away.",
    },
    {
        "slug": "lampes-en-verre-recycle",
        "slug_en": "recycled-glass-lamps",
        "title": "Lampes en verre recyclé",
        "title_en": "Recycled glass lamps",
        "makers": "Malik Durand",
        "commune": "Tourcoing",
        "pitch": "Des lampes soufflées à partir de bouteilles collectées dans les bars de la ville.",
        "pitch_en": "Lamps blown from bottles collected in the town's bars.",
        "tags": ["verre", "design"],
        "goal": Decimal("3000"),
        "share": (0.31, 0.3),
        "story": [
            "Chaque week-end, les bars du centre de Tourcoing remplissent des caisses de bouteilles vides. "
            "Malik, souffleur de verre formé dans un atelier d'art, les récupère, les trie par couleur et "
            "les refond pour en faire des suspensions aux teintes vertes et ambrées, toutes différentes.",
            "Son four actuel, prêté par une école, ne lui permet de travailler que deux jours par mois. Les "
            "dons serviront à acheter un petit four de fusion électrique et à aménager un coin d'atelier "
            "où il accueillera des stages d'initiation au soufflage pour les habitants.",
        ],
        "story_en": [
            "Every weekend, the bars in the centre of Tourcoing fill crates with empty bottles. Malik, a "
            "glassblower trained in an art studio, collects them, sorts them by colour and melts them down "
            "into pendant lamps in shades of green and amber, no two alike.",
            "His current furnace, lent by a school, only lets him work two days a month. The donations will "
            "pay for a small electric melting furnace and a corner of the workshop where he will run "
            "glassblowing taster sessions for residents.",
        ],
        "quote": "Une bouteille vide a encore toute sa lumière.",
        "quote_en": "An empty bottle still holds all its light.",
    },
]


LOCAL_PARTNERS = [
    "makers-lille",
    "techshop",
    "universite-de-lille",
    "maker-faire-lille",
    "la-condition-publique",
    "universite-catholique-de-lille",
    "smart-grands-ensemble",
]
ALL_PARTNERS = [
    "metropole-europeenne-de-lille",
    "kisskissbankbank",
    "boulanger",
    "bge-hauts-de-france",
    *LOCAL_PARTNERS,
]


def sponsors_for(slug):
    """A stable choice of sponsors per laureate: one "parrain", and a patron or coach for some."""
    position = sum(map(ord, slug))
    sponsors = [(LOCAL_PARTNERS[position % len(LOCAL_PARTNERS)], SponsorRole.SPONSOR)]
    if position % 3 == 0:
        sponsors.append(("boulanger", SponsorRole.PATRON))
    elif position % 3 == 1:
        sponsors.append(("bge-hauts-de-france", SponsorRole.COACHING))
    return sponsors


def partner_pages(slugs):
    """French partner pages by slug, in the given order (the partners demo creates them)."""
    pages = {page.slug: page for page in PartnerPage.objects.filter(slug__in=slugs, locale__language_code="fr")}
    return [pages[slug] for slug in slugs if slug in pages]


def _date(value):
    return datetime.date.fromisoformat(value)


def call_index(home):
    index = get_or_create_child(
        home,
        CallIndexPage,
        "appels-a-projets",
        title="Appels à projets",
        show_in_menus=True,
        intro="Les appels à projets de la collectivité, leurs lauréats et leurs résultats.",
    )
    index_en = get_or_create_translation(
        index,
        "en",
        title="Calls for projects",
        slug="calls-for-projects",
        intro="The authority's calls, laureates and results.",
    )
    _menu_first(index)
    _menu_first(index_en)
    return index


def _menu_first(page):
    """Calls come first in the main menu, though the partners demo creates its index earlier."""
    first = page.get_parent().get_children().first()
    if first.pk != page.pk:
        page.move(first, pos="left")


def get_or_create_call(index, slug, phases, translation, key_figures=(), partners=(), **fields):
    call = index.get_children().filter(slug=slug).first()
    if call is None:
        call = CallPage(slug=slug, **fields)
        for position, partner in enumerate(partner_pages(partners)):
            call.call_partners.add(CallPartner(partner=partner, sort_order=position))
        for position, (kind, start, end, text) in enumerate(phases):
            call.phases.add(_phase(kind, start, end, text, position))
        for position, (value, label) in enumerate(key_figures):
            call.key_figures.add(CallKeyFigure(value=value, label=label, sort_order=position))
        index.add_child(instance=call)
        publish(call)
    call = call.specific
    key_figures_en = translation.pop("key_figures", [])
    phase_texts_en = translation.pop("phase_texts", [])

    def translate_rows(translated):
        # Saved row by row: the copy's child rows are already in the database, and changing
        # instances fetched by .all() alone would be lost.
        for figure, (value, label) in zip(translated.key_figures.all(), key_figures_en, strict=False):
            figure.value, figure.label = value, label
            figure.save(update_fields=["value", "label"])
        for phase, text in zip(translated.phases.all(), phase_texts_en, strict=False):
            phase.description = text
            phase.save(update_fields=["description"])

    get_or_create_translation(call, "en", adjust=translate_rows, **translation)
    return call


def _phase(kind, start, end, text, position):
    return CallPhase(kind=kind, start_date=start, end_date=end, description=text, sort_order=position)


def get_or_create_campaign(name, *, goal, starts_at, ends_at, history, public_url, external_id):
    """A campaign with its history; each point is recorded at its own date so the chart is real."""
    campaign = FundingCampaign.objects.filter(name=name).first()
    if campaign:
        return campaign
    campaign = FundingCampaign(
        name=name, goal=goal, starts_at=starts_at, ends_at=ends_at, public_url=public_url, external_id=external_id
    )
    campaign.full_clean()
    figures.save_campaign(campaign, at=starts_at)
    for moment, raised, donors in history:
        figures.record_figures(campaign, raised=raised, donors=donors, source=FiguresSource.MANUAL, at=moment)
    return campaign


def history_for(final_raised, final_donors, starts_at, ends_at, until=None):
    span = ends_at - starts_at
    points = []
    for time_share, figure_share in GROWTH:
        moment = starts_at + span * time_share
        if until and moment > until:
            break
        raised = (Decimal(final_raised) * Decimal(str(figure_share))).quantize(Decimal("1"))
        donors = round(final_donors * figure_share)
        points.append((moment, raised, donors))
    return points


def get_or_create_laureate(call, data, campaign):
    laureate = call.get_children().filter(slug=data["slug"]).first()
    # Asked for on every run: a picture drawn by an older demo is redrawn in place.
    image = demo_image(f"Lauréat – {data['title']}", data["slug"])
    if laureate is None:
        laureate = LaureatePage(
            slug=data["slug"],
            title=data["title"],
            makers=data["makers"],
            commune=data["commune"],
            pitch=french_spacing(data["pitch"]),
            hero_image=image,
            campaign=campaign,
            search_description=french_spacing(data["pitch"][:150]),
            story=_story(data.get("story", []), data.get("quote")),
        )
        for position, (label, _label_en, amount) in enumerate(FUND_USES.get(data["slug"], [])):
            laureate.fund_uses.add(LaureateFundUse(label=label, amount=amount, sort_order=position))
        for position, name in enumerate(data["tags"]):
            laureate.themes.add(LaureateTheme(theme=project_theme(name), sort_order=position))
        for position, (partner_slug, role) in enumerate(sponsors_for(data["slug"])):
            partner = partner_pages([partner_slug])
            if partner:
                laureate.sponsors.add(LaureateSponsor(partner=partner[0], role=role, sort_order=position))
        call.add_child(instance=laureate)
        publish(laureate)
    laureate = laureate.specific
    labels_en = [label_en for _label, label_en, _amount in FUND_USES.get(data["slug"], [])]

    def translate_fund_uses(translated):
        # The copy's rows are already saved: changed and saved one by one (as the key figures).
        for use, label in zip(translated.fund_uses.all(), labels_en, strict=False):
            use.label = label
            use.save(update_fields=["label"])

    def translate_themes(translated):
        # The English rows point at the English themes, as wagtail-localize leaves them.
        for row in translated.themes.select_related("theme"):
            row.theme = row.theme.get_translation(locale("en"))
            row.save(update_fields=["theme"])

    def translate_rows(translated):
        translate_fund_uses(translated)
        translate_themes(translated)

    get_or_create_translation(
        laureate,
        "en",
        adjust=translate_rows,
        title=data["title_en"],
        slug=data["slug_en"],
        makers=names_in(data["makers"], "en"),
        pitch=data["pitch_en"],
        search_description=data["pitch_en"][:150],
        story=_story(data.get("story_en", []), data.get("quote_en"), "en"),
    )
    return laureate


def names_in(makers, language):
    """The makers' names as ``language`` joins them: "Inès Moreau et Yanis Lefort" becomes
    "Inès Moreau and Yanis Lefort" in English."""
    return join_names([name.strip() for name in re.split(r",| et ", makers) if name.strip()], language)


def project_theme(name):
    """The French theme of that name and its English translation, created once.

    Translated through wagtail-localize (its translation memory then holds the English): a page
    submitted for translation later resubmits its themes, and a translation made outside
    wagtail-localize would be overwritten with the French text."""
    french, english = locale("fr"), locale("en")
    theme = ProjectTheme.objects.filter(locale=french, name=name).first()
    if theme is None:
        theme = ProjectTheme.objects.create(locale=french, name=name)
    if not theme.has_translation(english):
        source, _created = TranslationSource.get_or_create_from_instance(theme)
        for segment in source.stringsegment_set.select_related("string", "context"):
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=english,
                context=segment.context,
                defaults={"data": THEMES_EN.get(segment.string.data, segment.string.data)},
            )
        translation, _created = Translation.objects.get_or_create(source=source, target_locale=english)
        translation.save_target(publish=True)
    return theme


DEMO_NOTE = {
    "fr": "<p><em>Projet et porteurs fictifs, créés pour la démonstration du portail.</em></p>",
    "en": "<p><em>Invented project and makers, created to demonstrate the portal.</em></p>",
}


def _story(paragraphs, quote, language="fr"):
    if language == "fr":
        paragraphs, quote = [french_spacing(text) for text in paragraphs], quote and french_spacing(quote)
    blocks = [("paragraph", f"<p>{text}</p>") for text in paragraphs]
    blocks.append(("paragraph", DEMO_NOTE[language]))
    if quote:
        blocks.insert(1, ("quote", {"quote": quote, "attribution": ""}))
    return blocks


def load_2018(index):
    call = get_or_create_call(
        index,
        "mel-makers-2018",
        CALL_2018_PHASES,
        {
            "title": "MEL Makers 2018",
            "slug": "mel-makers-2018",
            "theme": "Circular economy",
            "key_figures": [
                ("100,000", "views of the projects' pages on the platform"),
                ("Cap'Com 2018", "institutional communication award"),
            ],
            "phase_texts": CALL_2018_PHASE_TEXTS_EN,
            "summary": (
                "The metropolitan authority and KissKissBankBank called on the area's makers: "
                "10 laureates, coached all summer, then six weeks of donations from the public."
            ),
        },
        title="MEL Makers 2018",
        edition_year=2018,
        theme="Économie circulaire",
        summary=french_spacing(
            "La métropole et KissKissBankBank ont lancé un appel aux makers du territoire : "
            "10 lauréats accompagnés tout l'été, puis six semaines de collecte de dons auprès du public."
        ),
        eligibility="<p>Makers, artisans et associations de la métropole portant un projet d'économie circulaire.</p>",
        platform_name="KissKissBankBank",
        platform_url="https://www.kisskissbankbank.com/",
        applications_count=40,
        partners=ALL_PARTNERS,
        key_figures=[
            ("100\u202f000", "vues des pages des projets sur la plateforme"),
            ("Cap'Com 2018", "prix de la communication institutionnelle"),
        ],
    )
    starts_at, ends_at = COLLECTION_2018
    for data in LAUREATES:
        campaign = get_or_create_campaign(
            f"{data['title']} (2018)",
            goal=data["goal"],
            starts_at=starts_at,
            ends_at=ends_at,
            history=history_for(data["raised"], data["donors"], starts_at, ends_at),
            public_url=f"https://www.kisskissbankbank.com/fr/projects/{data['slug']}",
            external_id=data["slug"],
        )
        get_or_create_laureate(call, data, campaign)
    return call


def load_current(index):
    today = timezone.localdate()
    year = today.year

    def day(offset):
        return (today + datetime.timedelta(days=offset)).isoformat()

    phases = [
        (PhaseKind.APPLICATIONS, day(-150), day(-100), "Dépôt des candidatures en ligne."),
        (PhaseKind.SELECTION, day(-99), day(-80), "Choix des lauréats par le jury."),
        (PhaseKind.COACHING, day(-79), day(-15), "Accompagnement par les partenaires."),
        (PhaseKind.COMMUNICATION, day(-42), day(-15), "Campagne de communication dans la métropole."),
        (PhaseKind.COLLECTION, day(-14), day(28), "Six semaines de collecte de dons."),
        (PhaseKind.RESULTS, day(29), day(90), "Annonce des résultats."),
    ]
    phase_texts_en = [
        "Applications online.",
        "The jury chooses the laureates.",
        "Coaching by the partners.",
        "Communication campaign across the metropolitan area.",
        "Six weeks of donations.",
        "Results announced.",
    ]
    call = get_or_create_call(
        index,
        f"makers-du-reemploi-{year}",
        phases,
        {
            "title": f"Re-use makers {year}",
            "slug": f"re-use-makers-{year}",
            "theme": "Re-use and repair",
            "summary": "This year's call: makers who repair, re-use and share. The collection is live now.",
            "phase_texts": phase_texts_en,
        },
        title=f"Makers du réemploi {year}",
        edition_year=year,
        theme="Réemploi et réparation",
        summary=french_spacing(
            "L'appel de cette année : des makers qui réparent, réemploient et partagent. La collecte est ouverte."
        ),
        platform_name="KissKissBankBank",
        platform_url="https://www.kisskissbankbank.com/",
        applications_count=27,
        partners=["metropole-europeenne-de-lille", "kisskissbankbank", "makers-lille", "la-condition-publique"],
    )
    now = timezone.now()
    starts_at = timezone.make_aware(datetime.datetime.combine(_date(day(-14)), datetime.time(9, 0)))
    ends_at = timezone.make_aware(datetime.datetime.combine(_date(day(28)), datetime.time(23, 59)))
    for data in CURRENT_LAUREATES:
        raised_share, _ = data["share"]
        final = (data["goal"] * Decimal(str(raised_share))).quantize(Decimal("1"))
        donors = int(final / 62)
        campaign = get_or_create_campaign(
            f"{data['title']} ({year})",
            goal=data["goal"],
            starts_at=starts_at,
            ends_at=ends_at,
            history=[
                (moment, raised, d) for moment, raised, d in history_for(final, donors, starts_at, now, until=now)
            ],
            public_url=f"https://www.kisskissbankbank.com/fr/projects/{data['slug']}",
            # No platform identifier: the demo cannot reach KissKissBankBank, so its live figures are
            # the officers' own entries and say so, rather than claiming a sync that never happens.
            external_id="",
        )
        get_or_create_laureate(call, data, campaign)
    return call


def first_laureate(call):
    return call.get_children().live().order_by("path").first().specific


def load(command):
    home = home_page()
    index = call_index(home)
    call_2018 = load_2018(index)
    current = load_current(index)
    if not home.body:
        home.body = [
            ("heading", {"text": "La collecte est ouverte", "level": "h2"}),
            ("funding_progress", {"laureate": first_laureate(current)}),
            ("programme_results", {"call": call_2018}),
        ]
        publish(home)
    home_en = home.get_translation_or_none(locale("en"))
    if home_en is not None and not home_en.specific.body:
        home_en = home_en.specific
        home_en.body = [
            ("heading", {"text": "Donations are open", "level": "h2"}),
            ("funding_progress", {"laureate": first_laureate(current)}),
            ("programme_results", {"call": call_2018}),
        ]
        publish(home_en)
    # Drawn here rather than after the commit: the pictures are in place when load_demo returns,
    # and a second run finds them up to date (nothing is redrawn).
    refresh_all()
