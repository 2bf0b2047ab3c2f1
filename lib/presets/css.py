"""The school service centre's preset: Politique relative à l'utilisation des médias sociaux
(Centre de services scolaire De La Jonquière, R-SG-06, June 2013).

The policy governs its staff's use of social media. Its list of "contenu litigieux"
(8.1) is written of what staff publish, and 8.2 removes any such content "sans
préavis": that list stands for the netiquette here. It states no hours, no delay and
no contact, and publishes no netiquette for the public.
"""

from __future__ import annotations

from lib.presets.rules import (
    COMPLAINT_WITHOUT_OFFICE,
    ENGLISH_UNSTATED,
    SELF_APPROVAL_UNASKED,
    VIGIE_HOURS,
    VIGIE_TARGET,
    Preset,
    Rule,
    unlisted,
)

SOURCE = "css-jonquiere-politique-2013.txt"

# 8.1's list, item by item, and the reason codes each names. The second item is cut
# where the text breaks it with a page header; its end is DISCRIMINATION_GROUNDS.
LISTED = {
    "contenu portant atteinte aux droits fondamentaux d'une personne, notamment au droit au "
    "respect de sa vie privée, de sa dignité, de sa réputation;": ("renseignements_personnels",),
    "contenu discriminatoire fondé sur la race, la couleur, le sexe, la grossesse,": (
        "discriminatoire",
    ),
    "contenu diffamatoire, de propagande ou irrespectueux (attaque, insulte, langage menaçant "
    "ou obscène, propos homophobes, harcèlement, chantage, images dégradantes, et autres);": (
        "diffamatoire",
        "partisan",
        "injurieux",
        "menace",
        "sexuel",
    ),
    "contenu disgracieux et répétitif;": ("anonyme_repetitif",),
    "contenu commercial, publicitaire ou pourriel destiné à faire la promotion d'une idée, "
    "d'un service ou d'un bien matériel ou immatériel n'étant pas lié directement à la mission "
    "de l'établissement ou cautionné par celui-ci;": ("commercial", "pourriel"),
    "contenu anonyme et répétitif;": ("anonyme_repetitif",),
    "contenu illégal.": ("illegal",),
}
DISCRIMINATION_GROUNDS = (
    "l'orientation sexuelle, l'état civil, l'âge sauf dans la mesure prévue par la loi, la "
    "religion, les convictions politiques, la langue, l'origine ethnique ou nationale, la "
    "condition sociale, le handicap;"
)
REMOVED = (
    "À titre préventif, tout contenu jugé litigieux par le Centre de services scolaire sera "
    "supprimé sans préavis."
)
MEANING = "on entend par contenu litigieux :"

_items = [f"- {item}" for item in LISTED]
_items[1] += f" {DISCRIMINATION_GROUNDS}"
NETIQUETTE = {
    "fr": f"{REMOVED} Au sens de sa politique, {MEANING}\n" + "\n".join(_items),
    "en": """\
As a precaution, any content the school service centre deems contentious is deleted without \
notice. Under its policy, contentious content means:
- content that infringes a person's fundamental rights, notably the right to respect for \
their privacy, their dignity, their reputation;
- content that discriminates on the grounds of race, colour, sex, pregnancy, sexual \
orientation, civil status, age except as provided by law, religion, political convictions, \
language, ethnic or national origin, social condition, disability;
- defamatory, propaganda or disrespectful content (attacks, insults, threatening or obscene \
language, homophobic remarks, harassment, blackmail, degrading images, and others);
- unsightly and repetitive content;
- commercial, advertising or spam content promoting an idea, a service or a material or \
immaterial good not directly related to the school's mission or endorsed by it;
- anonymous and repetitive content;
- illegal content.""",
}

STAFF_AND_PUPILS = (
    "divulguer des renseignements personnels concernant les membres du personnel et les élèves, "
    "ni même des renseignements qui permettraient de les identifier"
)
TEMPLATES = {
    "dossier": {
        "fr": (
            "Pour toute question sur un dossier, veuillez communiquer avec l'école ou le service "
            "concerné : nous ne traitons pas de renseignements personnels sur les médias sociaux."
        ),
        "en": (
            "For any question about a file, please contact the school or the service concerned: "
            "we do not handle personal information on social media."
        ),
    },
    "plainte": COMPLAINT_WITHOUT_OFFICE,
}

PRESET = Preset(
    "css",
    SOURCE,
    (
        Rule(
            {"organisation": "Centre de services scolaire De La Jonquière"},
            (
                "Le Centre de services scolaire De La Jonquière encourage l'utilisation "
                "convenable, respectueuse et raisonnable des médias sociaux.",
            ),
        ),
        Rule(
            VIGIE_HOURS,
            (
                "assure un suivi régulier des commentaires publiés sur l'espace « centre de "
                "services scolaire »;",
            ),
            why="A regular follow-up, at no stated hours: Vigie's default hours.",
        ),
        Rule(
            VIGIE_TARGET,
            why="The policy states no response delay: Vigie's default of one business day.",
        ),
        Rule(
            {"retired_reasons": unlisted(LISTED)},
            (*LISTED, REMOVED),
            why="Hateful, off-topic, false, confused content and copyright are not in the list: "
            "retired. 'Obscène' names sexual content, 'propagande' partisan content, "
            "'langage menaçant', 'harcèlement' and 'chantage' threats; a breach of privacy is "
            "personal information; homophobic remarks are discrimination.",
        ),
        Rule(
            {"netiquette": NETIQUETTE},
            (REMOVED, MEANING, *LISTED, DISCRIMINATION_GROUNDS),
        ),
        Rule(
            {"negative_needs_approval": False},
            (
                "aucun utilisateur ne peut, au nom du Centre de services scolaire De La Jonquière, "
                "exprimer d'opinion ou diffuser tout document, à moins d'y être dûment autorisé "
                "par l'institution;",
                "En cas de doute, l'utilisateur doit demander l'avis de son supérieur immédiat.",
            ),
            why="The authorisation to speak for the centre is given once, to the "
            "administrators it designates, not before each reply; a doubtful reply goes to the "
            "superior, which is the moderator's call (escalate), not a rule for every "
            "negative comment.",
        ),
        SELF_APPROVAL_UNASKED,
        ENGLISH_UNSTATED,
        Rule(
            {"templates": TEMPLATES},
            (STAFF_AND_PUPILS,),
            why="No contact is given: a file goes to the school or service, without personal "
            "information on social media; a complaint to the centre's published contacts.",
        ),
    ),
)
