"""Demo laureates for the "call for makers" portal (circular economy theme).

All the content in this module is INVENTED DEMO CONTENT: the makers, their
names, the projects, the quotes and every figure are fictional. They are only
meant to make the portal look plausible for a metropolitan crowdfunded call
for makers around Lille. Nothing here describes real people or real companies.

Pure data: no Django imports, safe to import from anywhere.
"""

from decimal import Decimal

LAUREATES = [
    {
        "slug": "les-palettes-retrouvees",
        "slug_en": "pallets-reborn",
        "title": "Les Palettes Retrouvées",
        "title_en": "Pallets Reborn",
        "makers": "Camille Verhaeghe et Julien Masset",
        "commune": "Roubaix",
        "pitch": (
            "Un atelier roubaisien transforme les palettes abandonnées par les "
            "entreprises du quartier en mobilier solide et modulable. La collecte "
            "à vélo-remorque et des ateliers ouverts aux habitants complètent le projet."
        ),
        "pitch_en": (
            "A Roubaix workshop turns pallets discarded by local businesses into "
            "sturdy, modular furniture. Collection by bike trailer and workshops "
            "open to residents complete the project."
        ),
        "story": [
            "Tout a commencé dans une cour du quartier de l'Alma, où s'empilaient "
            "chaque semaine des dizaines de palettes promises à la benne. Camille, "
            "ébéniste de formation, et Julien, ancien logisticien, ont proposé aux "
            "entreprises voisines de les récupérer gratuitement. Démontées, triées, "
            "poncées puis huilées, elles deviennent des bancs, des étagères et des "
            "bacs de jardinage pensés pour durer.",
            "La campagne de financement participatif a permis d'acheter une scie "
            "d'occasion et une remorque de vélo pour la collecte. Chaque mois, "
            "l'atelier ouvre ses portes aux habitants pour des séances d'initiation : "
            "on y apprend à démonter une palette sans l'abîmer, à reconnaître les bois "
            "traités et à assembler un premier meuble. Les pièces produites sont "
            "vendues à prix doux ou prêtées aux associations du quartier.",
        ],
        "story_en": [
            "It all started in a courtyard in the Alma neighbourhood, where dozens "
            "of pallets bound for the skip piled up every week. Camille, a trained "
            "cabinetmaker, and Julien, a former logistics worker, offered to collect "
            "them free of charge from neighbouring businesses. Dismantled, sorted, "
            "sanded and oiled, they become benches, shelves and planters built to last.",
            "The crowdfunding campaign paid for a second-hand saw and a bike trailer "
            "for collections. Every month the workshop opens its doors to residents "
            "for introductory sessions: people learn how to take a pallet apart "
            "without damaging it, how to recognise treated wood and how to assemble "
            "their first piece of furniture. The pieces made are sold at affordable "
            "prices or lent to local associations.",
        ],
        "quote": "Une palette jetée, c'est un meuble qui attend quelqu'un.",
        "quote_en": "A discarded pallet is a piece of furniture waiting for someone.",
        "tags": ["réemploi", "mobilier"],
        "goal": Decimal("5000"),
        "raised": Decimal("6110"),
        "donors": 101,
        "funded": True,
    },
    {
        "slug": "le-triporteur-de-la-reparation",
        "slug_en": "the-repair-cargo-bike",
        "title": "Le Triporteur de la Réparation",
        "title_en": "The Repair Cargo Bike",
        "makers": "Inès Carpentier et Thomas Delannoy",
        "commune": "Lille",
        "pitch": (
            "Un repair café itinérant installé sur un vélo cargo, qui s'arrête sur "
            "les marchés et devant les écoles de Lille. Bénévoles et habitants y "
            "réparent ensemble petit électroménager, vêtements et vélos."
        ),
        "pitch_en": (
            "A travelling repair café on a cargo bike that stops at markets and "
            "outside schools across Lille. Volunteers and residents fix small "
            "appliances, clothes and bikes together."
        ),
        "story": [
            "Inès anime depuis plusieurs années un repair café dans une salle "
            "associative de Fives, mais elle constatait que c'étaient toujours les "
            "mêmes personnes qui venaient. L'idée du triporteur est née de ce "
            "constat : aller vers les habitants plutôt que d'attendre qu'ils se "
            "déplacent. Thomas, mécanicien cycle, a conçu un caisson qui se déplie "
            "en établi et transporte l'outillage, un fer à souder et une machine à coudre.",
            "Grâce aux contributeurs, le vélo cargo à assistance électrique a été "
            "acheté et équipé au printemps. Il sillonne désormais les marchés de "
            "Wazemmes, du Vieux-Lille et de Moulins, ainsi que les sorties d'école "
            "le mercredi. Chaque réparation est notée dans un carnet partagé : en "
            "quelques mois, des centaines d'objets ont évité la poubelle, et de "
            "nouveaux bénévoles ont rejoint l'équipe.",
        ],
        "story_en": [
            "For several years Inès has been running a repair café in a community "
            "hall in Fives, but she noticed that it was always the same people who "
            "came. The idea of the cargo bike grew out of that: going to residents "
            "rather than waiting for them to come. Thomas, a bike mechanic, designed "
            "a box that unfolds into a workbench and carries tools, a soldering iron "
            "and a sewing machine.",
            "Thanks to the backers, the electric-assist cargo bike was bought and "
            "fitted out in the spring. It now travels around the markets of "
            "Wazemmes, Vieux-Lille and Moulins, and stops outside schools on "
            "Wednesdays. Every repair is logged in a shared notebook: within a few "
            "months, hundreds of objects have been kept out of the bin, and new "
            "volunteers have joined the team.",
        ],
        "quote": "Réparer ensemble, c'est aussi une façon de se rencontrer.",
        "quote_en": "Repairing things together is also a way of meeting each other.",
        "tags": ["réparation", "mobilité"],
        "goal": Decimal("4000"),
        "raised": Decimal("5120"),
        "donors": 93,
        "funded": True,
    },
    {
        "slug": "chutes-de-fil",
        "slug_en": "offcut-threads",
        "title": "Chutes de Fil",
        "title_en": "Offcut Threads",
        "makers": "Nadia Bouzid et Claire Lemaire",
        "commune": "Tourcoing",
        "pitch": (
            "À Tourcoing, deux couturières donnent une seconde vie aux chutes de "
            "tissu des ateliers de confection locaux en les transformant en sacs, "
            "trousses et cabas. Chaque pièce est unique et fabriquée sur place."
        ),
        "pitch_en": (
            "In Tourcoing, two seamstresses give offcuts from local garment "
            "workshops a second life as bags, pouches and totes. Every piece is "
            "unique and made on site."
        ),
        "story": [
            "Tourcoing a longtemps vécu au rythme du textile, et de petits ateliers "
            "de confection y travaillent encore. Chacun produit chaque semaine des "
            "sacs entiers de chutes, trop petites pour être revendues et souvent "
            "incinérées. Nadia et Claire, qui se sont rencontrées lors d'une "
            "formation en couture, ont commencé à les collecter pour en faire des "
            "cadeaux, avant de comprendre qu'il y avait là une vraie matière première.",
            "La collecte a financé deux machines à coudre industrielles d'occasion "
            "et la location d'un local partagé près du centre-ville. Les chutes "
            "sont triées par matière et par couleur, puis assemblées en patchworks "
            "pour créer des sacs, des trousses et des cabas. Une partie de la "
            "production est réalisée lors d'ateliers d'insertion, et un catalogue "
            "de modèles est en préparation pour les commerçants de la métropole.",
        ],
        "story_en": [
            "Tourcoing long lived to the rhythm of the textile industry, and small "
            "garment workshops still operate there. Each of them produces whole bags "
            "of offcuts every week, too small to be sold and often incinerated. "
            "Nadia and Claire, who met on a sewing course, started collecting them "
            "to make gifts, before realising they had found a genuine raw material.",
            "The campaign paid for two second-hand industrial sewing machines and "
            "the rent of a shared space near the town centre. The offcuts are "
            "sorted by fabric and colour, then pieced together into patchwork to "
            "make bags, pouches and totes. Part of the production takes place in "
            "back-to-work workshops, and a catalogue of designs is being prepared "
            "for shops across the metropolitan area.",
        ],
        "quote": "Les chutes racontent l'histoire des ateliers d'où elles viennent.",
        "quote_en": "Offcuts tell the story of the workshops they come from.",
        "tags": ["textile", "réemploi"],
        "goal": Decimal("6000"),
        "raised": Decimal("6890"),
        "donors": 104,
        "funded": True,
    },
    {
        "slug": "piece-par-piece",
        "slug_en": "piece-by-piece",
        "title": "Pièce par Pièce",
        "title_en": "Piece by Piece",
        "makers": "Hugo Vandamme et Léa Moreau",
        "commune": "Lomme",
        "pitch": (
            "Un fablab de Lomme imprime en 3D les petites pièces détachées "
            "introuvables dont l'absence condamne trop souvent un appareil encore "
            "en état de marche. Les modèles sont publiés en libre accès pour que "
            "d'autres puissent les réutiliser."
        ),
        "pitch_en": (
            "A fablab in Lomme 3D-prints the hard-to-find spare parts whose absence "
            "too often condemns an appliance that still works. The designs are "
            "published openly so that others can reuse them."
        ),
        "story": [
            "Un bouton de lave-linge cassé, une charnière de réfrigérateur fendue, "
            "un clip d'aspirateur perdu : bien des appareils finissent à la "
            "déchetterie pour une pièce de quelques centimes que plus personne ne "
            "fournit. Hugo, technicien en électroménager, et Léa, designer "
            "industrielle, ont décidé de s'attaquer à ce gâchis en mettant leurs "
            "compétences en commun dans un petit fablab associatif.",
            "Le financement a permis d'acquérir deux imprimantes 3D, un pied à "
            "coulisse numérique et des bobines de filament recyclé. Les habitants "
            "apportent la pièce cassée ou l'appareil ; l'équipe la mesure, la "
            "modélise puis l'imprime, souvent en moins d'une semaine. Chaque modèle "
            "validé rejoint une bibliothèque en ligne sous licence libre, déjà "
            "consultée par d'autres ateliers de réparation de la région.",
        ],
        "story_en": [
            "A broken washing-machine knob, a cracked fridge hinge, a lost vacuum "
            "cleaner clip: many appliances end up at the tip because of a part "
            "worth a few cents that nobody supplies any more. Hugo, an appliance "
            "technician, and Léa, an industrial designer, decided to tackle this "
            "waste by pooling their skills in a small community fablab.",
            "The funding paid for two 3D printers, a digital calliper and spools "
            "of recycled filament. Residents bring in the broken part or the "
            "appliance; the team measures it, models it and prints it, often in "
            "less than a week. Every approved design joins an online library under "
            "an open licence, already used by other repair workshops in the region.",
        ],
        "quote": ("Une pièce de deux grammes ne devrait jamais condamner une machine de soixante kilos."),
        "quote_en": "A two-gram part should never condemn a sixty-kilo machine.",
        "tags": ["réparation", "impression 3d"],
        "goal": Decimal("6000"),
        "raised": Decimal("6050"),
        "donors": 108,
        "funded": True,
    },
    {
        "slug": "compost-a-velo",
        "slug_en": "compost-by-bike",
        "title": "Compost à Vélo",
        "title_en": "Compost by Bike",
        "makers": "Mathilde Leroy et Karim Haddad",
        "commune": "Hellemmes",
        "pitch": (
            "Une collecte à vélo des biodéchets de restaurants et de foyers "
            "d'Hellemmes, compostés dans les jardins partagés du quartier. Le "
            "compost mûr revient ensuite aux habitants."
        ),
        "pitch_en": (
            "A bike collection of food waste from restaurants and households in "
            "Hellemmes, composted in the neighbourhood's shared gardens. The "
            "finished compost then goes back to residents."
        ),
        "story": [
            "Mathilde et Karim cultivent tous deux une parcelle dans un jardin "
            "partagé d'Hellemmes et manquaient de matière organique pour enrichir "
            "leur terre. Au même moment, les restaurateurs de la rue voisine "
            "jetaient chaque jour épluchures et marc de café avec les ordures "
            "ménagères. Ils ont proposé un échange simple : des seaux fermés "
            "déposés chez les commerçants volontaires et collectés à vélo deux fois "
            "par semaine.",
            "La campagne a financé une remorque adaptée, une trentaine de seaux et "
            "trois composteurs supplémentaires, construits avec des planches de "
            "réemploi. Les foyers du quartier peuvent désormais apporter leurs "
            "biodéchets aux points de collecte. Au printemps, le compost mûr est "
            "distribué lors d'une fête de quartier, et des ateliers expliquent "
            "comment composter chez soi, même en appartement.",
        ],
        "story_en": [
            "Mathilde and Karim both tend plots in a shared garden in Hellemmes "
            "and were short of organic matter to enrich their soil. Meanwhile, the "
            "restaurants in the next street were throwing out peelings and coffee "
            "grounds with the general waste every day. They suggested a simple "
            "exchange: sealed buckets left with volunteer businesses and collected "
            "by bike twice a week.",
            "The campaign paid for a suitable trailer, around thirty buckets and "
            "three extra compost bins built from reclaimed planks. Households in "
            "the neighbourhood can now bring their food waste to the collection "
            "points. In spring, the finished compost is handed out at a street "
            "party, and workshops explain how to compost at home, even in a flat.",
        ],
        "quote": "Nos poubelles sont pleines de ce qui manque à nos sols.",
        "quote_en": "Our bins are full of what our soil is missing.",
        "tags": ["compost", "biodéchets"],
        "goal": Decimal("3000"),
        "raised": Decimal("3028"),
        "donors": 63,
        "funded": True,
    },
    {
        "slug": "deuxieme-tour",
        "slug_en": "second-spin",
        "title": "Deuxième Tour",
        "title_en": "Second Spin",
        "makers": "Antoine Lefebvre et Sarah Nguyen",
        "commune": "Villeneuve-d'Ascq",
        "pitch": (
            "Un atelier proche des campus de Villeneuve-d'Ascq remet en état les "
            "vélos abandonnés pour les proposer aux étudiants à petit prix. Chacun "
            "peut aussi y apprendre à entretenir son propre vélo."
        ),
        "pitch_en": (
            "A workshop near the Villeneuve-d'Ascq campuses refurbishes abandoned "
            "bikes and offers them to students at low prices. Anyone can also learn "
            "there how to look after their own bike."
        ),
        "story": [
            "À chaque fin d'année universitaire, des dizaines de vélos restent "
            "attachés aux arceaux des résidences étudiantes, rouillés et oubliés. "
            "Antoine, ancien étudiant devenu mécanicien, et Sarah, doctorante en "
            "urbanisme, ont obtenu l'accord des gestionnaires de résidences pour "
            "récupérer ces épaves après une période d'affichage. Démontés, nettoyés "
            "et équipés de pièces de réemploi, ces vélos reprennent la route.",
            "Avec les fonds réunis, l'atelier s'est doté de pieds d'atelier, d'un "
            "outillage complet et d'un stock de chambres à air, de câbles et "
            "d'éclairages. Les vélos reconditionnés sont vendus à prix solidaire à "
            "la rentrée, avec un an d'entretien inclus. Des permanences "
            "hebdomadaires permettent à chacun de venir réparer son propre vélo, "
            "accompagné par un bénévole.",
        ],
        "story_en": [
            "At the end of every academic year, dozens of bikes are left locked to "
            "the racks of student residences, rusty and forgotten. Antoine, a "
            "former student turned mechanic, and Sarah, a PhD student in urban "
            "planning, got the residence managers' agreement to collect these "
            "wrecks after a notice period. Stripped down, cleaned and fitted with "
            "reused parts, the bikes get back on the road.",
            "With the money raised, the workshop bought repair stands, a full set "
            "of tools and a stock of inner tubes, cables and lights. The "
            "refurbished bikes are sold at solidarity prices at the start of the "
            "academic year, with a year of servicing included. Weekly drop-in "
            "sessions let anyone come and fix their own bike with help from a "
            "volunteer.",
        ],
        "quote": "Chaque vélo oublié en juin peut rouler de nouveau en septembre.",
        "quote_en": "Every bike forgotten in June can be back on the road in September.",
        "tags": ["mobilité", "reconditionnement"],
        "goal": Decimal("7000"),
        "raised": Decimal("7430"),
        "donors": 117,
        "funded": True,
    },
    {
        "slug": "marc-et-matiere",
        "slug_en": "grounds-and-matter",
        "title": "Marc & Matière",
        "title_en": "Grounds & Matter",
        "makers": "Élise Dumont et Maxime Caron",
        "commune": "Marcq-en-Barœul",
        "pitch": (
            "Un petit laboratoire artisanal mélange le marc de café collecté à "
            "Marcq-en-Barœul à des liants d'origine végétale pour obtenir un "
            "matériau moulable. Il sert à fabriquer des pots, des dessous-de-plat "
            "et des objets du quotidien."
        ),
        "pitch_en": (
            "A small craft lab mixes coffee grounds collected in Marcq-en-Barœul "
            "with plant-based binders to make a mouldable material. It is used to "
            "produce pots, trivets and everyday objects."
        ),
        "story": [
            "Élise, ingénieure en matériaux, s'intéressait depuis longtemps aux "
            "déchets alimentaires qui pourraient devenir une ressource. Le marc de "
            "café, produit en grande quantité et de composition assez régulière, "
            "lui a semblé un bon point de départ. Avec Maxime, céramiste, elle a "
            "passé plusieurs mois à tester des recettes dans une cuisine "
            "transformée en atelier, jusqu'à obtenir un matériau solide, léger et "
            "agréable au toucher.",
            "La collecte a permis d'équiper un atelier avec un séchoir, une presse "
            "et des moules en silicone. Le marc est récupéré chaque semaine auprès "
            "d'une dizaine de cafés et de boulangeries partenaires, puis séché et "
            "mélangé à un liant d'origine végétale. Les premiers objets, pots de "
            "plantes et dessous-de-plat, sont vendus dans des boutiques de "
            "créateurs de la métropole, et des ateliers de découverte sont proposés "
            "aux écoles.",
        ],
        "story_en": [
            "Élise, a materials engineer, had long been interested in food waste "
            "that could become a resource. Coffee grounds, produced in large "
            "quantities and fairly consistent in composition, seemed a good place "
            "to start. With Maxime, a ceramicist, she spent several months testing "
            "recipes in a kitchen turned workshop, until they had a material that "
            "was strong, light and pleasant to the touch.",
            "The campaign paid for a workshop with a dryer, a press and silicone "
            "moulds. The grounds are collected every week from about ten partner "
            "cafés and bakeries, then dried and mixed with a plant-based binder. "
            "The first objects, plant pots and trivets, are sold in designer shops "
            "around the metropolitan area, and discovery workshops are offered to "
            "schools.",
        ],
        "quote": "Le marc de votre café du matin mérite mieux que la poubelle.",
        "quote_en": "The grounds from your morning coffee deserve better than the bin.",
        "tags": ["biomatériaux", "valorisation"],
        "goal": Decimal("5000"),
        "raised": Decimal("5210"),
        "donors": 89,
        "funded": True,
    },
    {
        "slug": "l-outiltheque-de-wattrelos",
        "slug_en": "wattrelos-tool-library",
        "title": "L'Outilthèque de Wattrelos",
        "title_en": "The Wattrelos Tool Library",
        "makers": "Sophie Delcroix et Mehdi Amrani",
        "commune": "Wattrelos",
        "pitch": (
            "Une bibliothèque d'outils où les habitants de Wattrelos empruntent "
            "une perceuse, une scie sauteuse ou un nettoyeur haute pression au lieu "
            "de les acheter. Chaque outil est entretenu et réparé sur place."
        ),
        "pitch_en": (
            "A tool library where Wattrelos residents borrow a drill, a jigsaw or "
            "a pressure washer instead of buying one. Every tool is maintained and "
            "repaired on site."
        ),
        "story": [
            "On dit souvent qu'une perceuse ne sert que quelques minutes dans toute "
            "sa vie, et pourtant presque chaque foyer en possède une. Partant de ce "
            "constat, Sophie et Mehdi, voisins et bricoleurs, ont commencé par "
            "prêter leurs propres outils via un groupe de quartier. Les demandes se "
            "sont multipliées, tout comme les dons d'outils qui dormaient dans les "
            "garages : il fallait un lieu pour organiser tout cela.",
            "Grâce aux contributeurs, l'outilthèque a ouvert dans un ancien local "
            "commercial du centre, avec des étagères construites en bois de "
            "récupération. Plus de deux cents outils sont disponibles à l'emprunt "
            "pour une adhésion annuelle modeste. Un système de réservation en ligne "
            "facilite les prêts, et des bénévoles vérifient et réparent chaque "
            "outil à son retour avant de le remettre en circulation.",
        ],
        "story_en": [
            "It is often said that a drill is only used for a few minutes in its "
            "whole life, and yet almost every household owns one. Starting from "
            "that observation, Sophie and Mehdi, neighbours and keen DIYers, began "
            "by lending their own tools through a neighbourhood group. Requests "
            "kept growing, and so did donations of tools gathering dust in "
            "garages: they needed a place to organise it all.",
            "Thanks to the backers, the tool library opened in a former shop in "
            "the town centre, with shelves built from reclaimed wood. More than two "
            "hundred tools can be borrowed for a modest annual membership. An "
            "online booking system makes lending easier, and volunteers check and "
            "repair every tool when it comes back before putting it into "
            "circulation again.",
        ],
        "quote": ("Ce qui compte, ce n'est pas de posséder une perceuse, c'est de pouvoir percer un trou."),
        "quote_en": "What matters isn't owning a drill, it's being able to drill a hole.",
        "tags": ["partage", "réemploi"],
        "goal": Decimal("6000"),
        "raised": Decimal("6935"),
        "donors": 110,
        "funded": True,
    },
    {
        "slug": "la-materiautheque-d-armentieres",
        "slug_en": "armentieres-materials-bank",
        "title": "La Matériauthèque d'Armentières",
        "title_en": "The Armentières Materials Bank",
        "makers": "Vincent Dhaussy et Amandine Petit",
        "commune": "Armentières",
        "pitch": (
            "Une plateforme qui récupère portes, fenêtres, carrelages et bois de "
            "charpente issus de chantiers de rénovation pour les revendre à bas "
            "prix aux particuliers et aux artisans. Le réemploi devient simple et "
            "accessible."
        ),
        "pitch_en": (
            "A platform that salvages doors, windows, tiles and timber from "
            "renovation sites and sells them cheaply to residents and tradespeople. "
            "Reuse becomes simple and accessible."
        ),
        "story": [
            "Le bâtiment est l'un des secteurs qui produisent le plus de déchets, "
            "alors qu'une grande partie des matériaux jetés est encore en bon état. "
            "Vincent, menuisier, voyait partir chaque semaine à la benne des portes "
            "massives et des parquets anciens. Avec Amandine, conductrice de "
            "travaux, il a imaginé un lieu où ces matériaux pourraient être "
            "déposés, inventoriés puis proposés à d'autres chantiers.",
            "Les fonds réunis ont servi à aménager un entrepôt, à acheter un "
            "utilitaire d'occasion et à créer un inventaire en ligne, photographié "
            "et mis à jour chaque semaine. Les artisans partenaires y déposent "
            "leurs surplus et y trouvent des matériaux pour leurs propres "
            "chantiers. Des ateliers sur la dépose soignée et la remise en état "
            "sont aussi proposés aux particuliers qui rénovent leur logement.",
        ],
        "story_en": [
            "Construction is one of the sectors that produces the most waste, even "
            "though much of the material thrown away is still in good condition. "
            "Vincent, a joiner, watched solid doors and old parquet floors go into "
            "the skip every week. With Amandine, a site manager, he came up with a "
            "place where these materials could be dropped off, catalogued and then "
            "offered to other building projects.",
            "The money raised was used to fit out a warehouse, buy a second-hand "
            "van and set up an online inventory, photographed and updated every "
            "week. Partner tradespeople drop off their surplus there and find "
            "materials for their own jobs. Workshops on careful dismantling and "
            "restoration are also offered to residents renovating their homes.",
        ],
        "quote": "Les plus beaux matériaux sont souvent ceux qui ont déjà une histoire.",
        "quote_en": "The finest materials are often the ones that already have a story.",
        "tags": ["réemploi", "construction"],
        "goal": Decimal("8000"),
        "raised": Decimal("8240"),
        "donors": 128,
        "funded": True,
    },
    {
        "slug": "plastique-en-boucle",
        "slug_en": "plastic-loop",
        "title": "Plastique en Boucle",
        "title_en": "Plastic Loop",
        "makers": "Lucas Bernard et Chloé Ramdani",
        "commune": "Croix",
        "pitch": (
            "Un atelier de recyclage de proximité qui broie les bouchons et petits "
            "déchets plastiques collectés dans les écoles de Croix pour les mouler "
            "en pots, règles et porte-clés. Les élèves suivent tout le cycle de la "
            "matière."
        ),
        "pitch_en": (
            "A neighbourhood recycling workshop that shreds bottle caps and small "
            "plastic waste collected in Croix schools and moulds them into pots, "
            "rulers and key rings. Pupils follow the whole life cycle of the material."
        ),
        "story": [
            "Lucas, professeur de technologie, et Chloé, animatrice environnement, "
            "voulaient montrer concrètement aux enfants ce que devient le plastique "
            "une fois trié. Inspirés par les plans de machines de recyclage "
            "partagés en libre accès par des communautés de makers, ils ont "
            "construit un premier prototype de broyeur avec des pièces de "
            "récupération et organisé des collectes de bouchons dans trois écoles "
            "de la ville.",
            "La campagne visait à acheter une presse à injection et un broyeur plus "
            "robuste pour passer du prototype à un atelier régulier. Le montant "
            "n'a pas été atteint et les contributeurs ont été remboursés, mais la "
            "campagne a fait connaître le projet et d'autres écoles ont demandé à "
            "y participer. L'équipe poursuit les collectes et cherche d'autres "
            "financements pour relancer l'atelier sous une forme plus modeste.",
        ],
        "story_en": [
            "Lucas, a technology teacher, and Chloé, an environmental educator, "
            "wanted to show children in a hands-on way what happens to plastic once "
            "it has been sorted. Inspired by open-source recycling machine designs "
            "shared by maker communities, they built a first shredder prototype "
            "from salvaged parts and organised bottle-cap collections in three "
            "schools in the town.",
            "The campaign aimed to buy an injection press and a sturdier shredder "
            "to move from a prototype to a regular workshop. The target was not "
            "reached and backers were refunded, but the campaign raised the "
            "project's profile and other schools have asked to take part. The team "
            "is keeping the collections going and looking for other funding to "
            "relaunch the workshop on a smaller scale.",
        ],
        "quote": ("Les enfants comprennent tout de suite quand ils voient un bouchon devenir une règle."),
        "quote_en": "Children get it straight away when they see a bottle cap become a ruler.",
        "tags": ["plastique", "recyclage", "éducation"],
        "goal": Decimal("9000"),
        "raised": Decimal("4320"),
        "donors": 61,
        "funded": False,
    },
]


# "À quoi serviront les dons": (French label, English label, amount) per laureate, adding up
# to each campaign's goal. Invented, like everything above.
FUND_USES = {
    "les-palettes-retrouvees": [
        ("Scie à format d'occasion", "Second-hand panel saw", Decimal("2200")),
        ("Remorque de vélo pour la collecte", "Bike trailer for collections", Decimal("1300")),
        ("Outillage et huiles pour les ateliers ouverts", "Tools and oils for open workshops", Decimal("1500")),
    ],
    "le-triporteur-de-la-reparation": [
        ("Vélo cargo à assistance électrique", "Electric-assist cargo bike", Decimal("2800")),
        ("Caisses à outils et pièces de rechange", "Tool boxes and spare parts", Decimal("1200")),
    ],
    "chutes-de-fil": [
        ("Machine à coudre industrielle", "Industrial sewing machine", Decimal("3500")),
        ("Surjeteuse", "Overlocker", Decimal("1500")),
        ("Ateliers de couture pour les habitants", "Sewing workshops for residents", Decimal("1000")),
    ],
    "piece-par-piece": [
        ("Deux imprimantes 3D", "Two 3D printers", Decimal("3600")),
        ("Scanner 3D", "3D scanner", Decimal("1600")),
        ("Filament recyclé pour un an", "A year of recycled filament", Decimal("800")),
    ],
    "compost-a-velo": [
        ("Triporteur et bacs de collecte", "Cargo tricycle and collection bins", Decimal("2200")),
        ("Composteurs pour trois jardins partagés", "Composters for three shared gardens", Decimal("800")),
    ],
    "deuxieme-tour": [
        ("Pieds d'atelier et outillage vélo", "Repair stands and bike tools", Decimal("3000")),
        ("Pièces détachées pour cent vélos", "Spare parts for a hundred bikes", Decimal("2500")),
        ("Aménagement du local", "Fitting out the workshop", Decimal("1500")),
    ],
    "marc-et-matiere": [
        ("Presse à chaud", "Heat press", Decimal("2600")),
        ("Moules et liants végétaux", "Moulds and plant-based binders", Decimal("1400")),
        ("Collecte du marc chez les cafés", "Collecting grounds from cafés", Decimal("1000")),
    ],
    "l-outiltheque-de-wattrelos": [
        ("Cent outils à prêter", "A hundred tools to lend", Decimal("3800")),
        ("Étagères et logiciel de prêt", "Shelving and lending software", Decimal("1200")),
        ("Entretien et réparation des outils", "Tool maintenance and repair", Decimal("1000")),
    ],
    "la-materiautheque-d-armentieres": [
        ("Location de l'entrepôt pour un an", "A year's warehouse rent", Decimal("4200")),
        ("Camionnette d'occasion", "Second-hand van", Decimal("3000")),
        ("Rayonnages", "Racking", Decimal("800")),
    ],
    "plastique-en-boucle": [
        ("Broyeur à plastique", "Plastic shredder", Decimal("4500")),
        ("Presse à injection", "Injection press", Decimal("3500")),
        ("Animations dans les écoles", "Activities in schools", Decimal("1000")),
    ],
    "atelier-velo-du-quartier": [
        ("Pieds d'atelier et outillage", "Repair stands and tools", Decimal("2200")),
        ("Stock de pièces de réemploi", "Stock of reused parts", Decimal("1000")),
        ("Assurance et local pour un an", "A year's insurance and premises", Decimal("800")),
    ],
    "vaisselle-consignee": [
        ("Deux mille boîtes repas en inox", "Two thousand stainless-steel lunch boxes", Decimal("4000")),
        ("Lave-vaisselle professionnel", "Commercial dishwasher", Decimal("2500")),
    ],
    "lampes-en-verre-recycle": [
        ("Four de verrier d'occasion", "Second-hand glass furnace", Decimal("2200")),
        ("Collecte des bouteilles et outillage", "Bottle collection and tools", Decimal("800")),
    ],
}
