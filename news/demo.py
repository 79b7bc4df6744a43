"""Demo stories of the 2018 programme, in French and English, from the seed's facts."""

import datetime

from campaigns.models import CallPage, LaureatePage
from home.demo import demo_image, get_or_create_child, get_or_create_translation, home_page, locale
from home.illustrations import describe
from home.typography import french_spacing

from .models import NewsCategory, NewsIndexPage, NewsPage, NewsRelatedPage

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
            "Réparation, réemploi, matériaux recyclés, partage d'outils\u00a0: la métropole cherche des projets "
            "concrets, portés par des habitants, qui réduisent les déchets et créent du lien dans les quartiers. "
            "Les dossiers se déposent en ligne jusqu'au 31 mars, et des réunions d'information sont organisées "
            "dans les tiers-lieux partenaires.",
        ],
        [
            "Applications are open to the area's makers, craftspeople and associations.",
            "Laureates will be supported by the authority, the platform and local partners.",
            "Repair, re-use, recycled materials, shared tools: the authority is looking for practical projects, "
            "led by residents, that cut waste and bring neighbourhoods together. Applications can be made online "
            "until 31 March, and information meetings are held in the partner venues.",
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
            "Parmi eux, un atelier de mobilier en bois de palette à Roubaix, un repair café sur vélo cargo à "
            "Lille, une outilthèque à Wattrelos ou encore un fablab qui imprime des pièces détachées à Lomme. "
            "Chacun prépare cet été sa page de collecte, sa vidéo et les contreparties offertes aux donateurs.",
        ],
        [
            "Choosing was hard: 40 strong applications were received.",
            "The laureates are coached all summer by the platform's coaches and their sponsors.",
            "Among them are a pallet-furniture workshop in Roubaix, a repair café on a cargo bike in Lille, a tool "
            "library in Wattrelos and a fablab that prints spare parts in Lomme. Over the summer each of them "
            "prepares a campaign page, a video and the rewards offered to donors.",
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
            "La règle est celle du tout ou rien\u00a0: un projet qui atteint son objectif reçoit l'ensemble des "
            "dons, sinon les contributeurs sont remboursés. Chaque don, même modeste, compte donc, et le partage "
            "des pages auprès de ses proches aide les makers à franchir le cap.",
        ],
        [
            "Posters, social networks and articles made the projects known across the metropolitan area.",
            "Each laureate collects donations on KissKissBankBank for six weeks.",
            "The rule is all or nothing: a project that reaches its goal receives all the donations, otherwise "
            "backers are refunded. Every donation counts, however small, and sharing the pages with friends and "
            "family helps the makers over the line.",
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
            "Seul Plastique en Boucle, l'atelier de recyclage des écoles de Croix, n'a pas atteint son objectif\u00a0; "
            "ses contributeurs ont été remboursés et l'équipe cherche d'autres financements. Les neuf autres "
            "projets ont déjà commandé leurs machines et ouvriront leurs ateliers au public dès cet hiver.",
        ],
        [
            "In six weeks the makers raised over €55,000, €6,110 on average per funded project.",
            "Only Plastic Loop, the recycling workshop of the Croix schools, missed its goal; its backers were "
            "refunded and the team is looking for other funding. The nine other projects have already ordered "
            "their machines and will open their workshops to the public this winter.",
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
            "Le prix récompense autant les makers que les habitants qui les ont soutenus\u00a0: plus de 900 "
            "personnes ont donné, partagé les projets et poussé la porte des ateliers. Une nouvelle édition est "
            "à l'étude.",
        ],
        [
            "The ten projects' pages were viewed 100,000 times on the platform.",
            "The jury praised an innovative campaign that boosts the local economy.",
            "The award recognises the makers as much as the residents who backed them: more than 900 people "
            "donated, shared the projects and walked into the workshops. A new edition is being considered.",
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
    for story in STORIES:
        slug, slug_en, date, category, tags, title, title_en, intro, intro_en, text, text_en = story
        extra, extra_en = _extra(category, call, laureate, "fr"), _extra(category, call, laureate, "en")
        page = index.get_children().filter(slug=slug).first()
        # Asked for on every run: a picture drawn by an older demo is redrawn in place.
        image = demo_image(f"Actualité – {title}", slug)
        if page is None:
            page = NewsPage(
                slug=slug,
                title=french_spacing(title),
                date=date,
                byline="Service communication",
                category=found[category],
                hero_image=image,
                hero_alt=describe(slug),
                intro=french_spacing(intro),
                body=_body([french_spacing(paragraph) for paragraph in text], DEMO_NOTE[0], extra),
                pinned=category == "resultats",
            )
            page.tags.add(*tags)
            if call:
                page.related_pages = [NewsRelatedPage(page=call)]
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
            hero_alt=describe(slug, "en"),
            category=english_category,
            body=_body(text_en, DEMO_NOTE[1], extra_en),
        )
