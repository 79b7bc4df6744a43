"""Demo stories of the 2018 programme, in French and English, from the seed's facts."""

import datetime

from campaigns.models import CallPage, LaureatePage
from home.demo import demo_image, get_or_create_child, get_or_create_translation, home_page, locale
from home.typography import french_spacing

from .models import NewsCategory, NewsIndexPage, NewsPage

CATEGORIES = [
    ("appel-a-projets", "Appel à projets", "call-for-projects", "Call for projects"),
    ("laureats", "Lauréats", "laureates", "Laureates"),
    ("collecte", "Collecte", "campaign", "Campaign"),
    ("resultats", "Résultats", "results", "Results"),
    ("distinctions", "Distinctions", "awards", "Awards"),
]

# slug, slug_en, date, category, tags, title, title_en, intro, intro_en, paragraphs, paragraphs_en
STORIES = [
    (
        "lancement-mel-makers-2018",
        "mel-makers-2018-launched",
        datetime.date(2018, 2, 1),
        "appel-a-projets",
        ["makers", "économie circulaire"],
        "La métropole lance MEL Makers, un appel à projets pour les makers",
        "The metropolitan authority launches MEL Makers, a call for makers",
        "Avec KissKissBankBank, la métropole invite les makers du territoire à proposer leurs projets "
        "d'économie circulaire, financés ensuite par le public.",
        "With KissKissBankBank, the authority invites the area's makers to put forward circular-economy "
        "projects, then funded by the public.",
        [
            "Les candidatures sont ouvertes aux makers, artisans et associations de la métropole.",
            "Les lauréats seront accompagnés par la collectivité, la plateforme et des partenaires locaux.",
        ],
        [
            "Applications are open to the area's makers, craftspeople and associations.",
            "Laureates will be supported by the authority, the platform and local partners.",
        ],
    ),
    (
        "dix-laureats-choisis",
        "ten-laureates-chosen",
        datetime.date(2018, 5, 22),
        "laureats",
        ["makers", "jury"],
        "Dix lauréats choisis parmi 40 candidatures",
        "Ten laureates chosen from 40 applications",
        "La collectivité et ses neuf partenaires ont retenu dix projets « coups de cœur ».",
        "The authority and its nine partners picked ten favourite projects.",
        [
            "Le choix fut difficile : 40 candidatures de qualité ont été reçues.",
            "Les lauréats sont accompagnés tout l'été par les coachs de la plateforme et leurs parrains.",
        ],
        [
            "Choosing was hard: 40 strong applications were received.",
            "The laureates are coached all summer by the platform's coaches and their sponsors.",
        ],
    ),
    (
        "la-collecte-est-ouverte",
        "donations-are-open",
        datetime.date(2018, 9, 3),
        "collecte",
        ["collecte", "économie circulaire"],
        "La collecte est ouverte : six semaines pour soutenir les makers",
        "Donations are open: six weeks to support the makers",
        "Après quatre semaines de campagne de communication, les dix lauréats lancent leur collecte de dons.",
        "After a four-week communication campaign, the ten laureates open their donation campaigns.",
        [
            "Affiches, réseaux sociaux et articles ont fait connaître les projets dans toute la métropole.",
            "Chaque lauréat collecte des dons sur KissKissBankBank pendant six semaines.",
        ],
        [
            "Posters, social networks and articles made the projects known across the metropolitan area.",
            "Each laureate collects donations on KissKissBankBank for six weeks.",
        ],
    ),
    (
        "neuf-projets-sur-dix-finances",
        "nine-projects-out-of-ten-funded",
        datetime.date(2018, 10, 22),
        "resultats",
        ["collecte", "résultats"],
        "Plus de 55 000 € collectés : neuf projets sur dix financés",
        "Over €55,000 raised: nine projects out of ten funded",
        "Plus de 900 citoyens ont soutenu les makers : neuf projets ont atteint ou dépassé leur objectif.",
        "Over 900 citizens backed the makers: nine projects reached or beat their goal.",
        [
            "En six semaines, les makers ont collecté plus de 55 000 €, soit 6 110 € en moyenne par projet financé.",
        ],
        [
            "In six weeks the makers raised over €55,000, €6,110 on average per funded project.",
        ],
    ),
    (
        "prix-capcom-2018",
        "capcom-award-2018",
        datetime.date(2018, 12, 6),
        "distinctions",
        ["communication"],
        "MEL Makers reçoit le prix de la communication institutionnelle Cap'Com",
        "MEL Makers wins the Cap'Com institutional communication award",
        "La campagne MEL Makers est distinguée lors de la cérémonie Cap'Com 2018.",
        "The MEL Makers campaign was recognised at the 2018 Cap'Com ceremony.",
        [
            "Les pages des dix projets ont été vues 100 000 fois sur la plateforme.",
            "Le jury a salué une campagne innovante qui stimule l'économie locale.",
        ],
        [
            "The ten projects' pages were viewed 100,000 times on the platform.",
            "The jury praised an innovative campaign that boosts the local economy.",
        ],
    ),
]
DEMO_NOTE = (
    "<p><em>Article de démonstration, écrit d'après le bilan public du programme.</em></p>",
    "<p><em>Demo article, written from the programme's public report.</em></p>",
)


def categories():
    french, english = locale("fr"), locale("en")
    found = {}
    for slug, name, slug_en, name_en in CATEGORIES:
        category = NewsCategory.objects.filter(slug=slug, locale=french).first()
        if category is None:
            category = NewsCategory.objects.create(slug=slug, name=name, locale=french)
        if not NewsCategory.objects.filter(translation_key=category.translation_key, locale=english).exists():
            translated = category.copy_for_translation(english)
            translated.name, translated.slug = name_en, slug_en
            translated.save()
        found[slug] = category
    return found


def _body(paragraphs, note, extra=()):
    return [("paragraph", f"<p>{text}</p>") for text in paragraphs] + list(extra) + [("paragraph", note)]


RESULT_FIGURES = {
    "fr": [("55 000 €", "collectés"), ("9 sur 10", "projets financés"), ("900", "contributeurs et plus")],
    "en": [("€55,000", "raised"), ("9 out of 10", "projects funded"), ("900", "donors and more")],
}


def _extra(category, call, laureate, language):
    """The blocks a story shows besides its text, in ``language``."""
    if category == "resultats" and call:
        figures = [
            {"value": french_spacing(value) if language == "fr" else value, "label": label}
            for value, label in RESULT_FIGURES[language]
        ]
        return [("key_figures", {"figures": figures}), ("programme_results", {"call": call})]
    if category == "collecte" and laureate:
        return [("funding_progress", {"laureate": laureate})]
    return []


def load(command):
    home = home_page()
    index = get_or_create_child(
        home,
        NewsIndexPage,
        "actualites",
        title="Actualités",
        show_in_menus=True,
        intro="Les nouvelles des appels à projets, des lauréats et de leurs collectes.",
    )
    get_or_create_translation(
        index, "en", title="News", slug="news", intro="News of the calls, the laureates and their campaigns."
    )
    found = categories()
    call = CallPage.objects.filter(slug="mel-makers-2018", locale__language_code="fr").first()
    laureate = LaureatePage.objects.filter(locale__language_code="fr").order_by("path").first()
    english = locale("en")
    for position, story in enumerate(STORIES):
        slug, slug_en, date, category, tags, title, title_en, intro, intro_en, text, text_en = story
        extra, extra_en = _extra(category, call, laureate, "fr"), _extra(category, call, laureate, "en")
        page = index.get_children().filter(slug=slug).first()
        if page is None:
            page = NewsPage(
                slug=slug,
                title=french_spacing(title),
                date=date,
                byline="Service communication",
                category=found[category],
                hero_image=demo_image(f"Actualité – {title}", (20 + 40 * position, 79, 138)),
                hero_alt="Visuel de démonstration aux couleurs du programme",
                intro=french_spacing(intro),
                body=_body([french_spacing(paragraph) for paragraph in text], DEMO_NOTE[0], extra),
                pinned=category == "resultats",
            )
            page.tags.add(*tags)
            if call:
                page.related_calls = [call]
            index.add_child(instance=page)
            page.save_revision().publish()
        english_category = found[category].get_translation_or_none(english)
        get_or_create_translation(
            page.specific,
            "en",
            title=title_en,
            slug=slug_en,
            intro=intro_en,
            byline="Communication team",
            hero_alt="Demo picture in the programme's colours",
            category=english_category,
            body=_body(text_en, DEMO_NOTE[1], extra_en),
        )
