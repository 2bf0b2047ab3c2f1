"""The ministry's preset: Politique éditoriale sur les médias sociaux (MESS, March 2013).

The only policy of the five that answers "en français seulement": an English comment
gets the French reply alone, and the draft checks warn about a reply with an English part.
"""

from __future__ import annotations

from lib.presets.rules import (
    COMPLAINT_WITHOUT_OFFICE,
    SELF_APPROVAL_UNASKED,
    Preset,
    Rule,
    unlisted,
)

SOURCE = "mess-politique-editoriale-2013.txt"

HOURS = (
    "Le Ministère s'efforce de mettre à jour et de surveiller les comptes de médias sociaux "
    "pendant les heures normales de bureau, soit du lundi au vendredi, de 8 h 30 à 16 h 30."
)
FRENCH_ONLY = (
    "Le Ministère communique avec les personnes et les entreprises dans les médias sociaux en "
    "français seulement, en conformité avec l'article 1 de la Charte de la langue française et "
    "la politique linguistique du Ministère."
)
TARGET = "Il s'engage à vous répondre dans un délai maximal de 24 heures (un jour ouvrable)"

# The netiquette's list, item by item, and the reason codes each item names.
LISTED = {
    "injurieux, diffamatoire, discriminatoire, grossier, haineux, offensant ou à connotation "
    "sexuelle;": ("injurieux", "diffamatoire", "discriminatoire", "haineux", "sexuel"),
    "promotionnel ou qui vise un but commercial;": ("commercial",),
    "partisan;": ("partisan",),
    "non pertinent ou mensonger;": ("hors_sujet", "mensonger"),
    "confus ou imprécis;": ("confus",),
    "qui contient des renseignements personnels ou confidentiels.": ("renseignements_personnels",),
}

# The netiquette section, word for word but for its last three paragraphs (Facebook's
# terms, changing the rules, acceptance), which tell a moderator nothing.
NETIQUETTE_FR = (
    "Chaque participant ou participante assume la responsabilité de ses propos et il lui "
    "incombe de vérifier l'exactitude de ses affirmations. De son côté, le ministère de "
    "l'Emploi et de la Solidarité sociale s'engage à publier les commentaires reçus dans leur "
    "intégralité, sans rectifications.",
    "Cependant, le Ministère se réserve le droit de supprimer tout commentaire :\n"
    + "\n".join(f"- {item}" for item in LISTED),
    "Le Ministère ne supprimera pas un commentaire parce qu'il est en désaccord avec son "
    "contenu. Le Ministère espère que les commentaires seront toujours faits dans un esprit "
    "constructif.",
)
NETIQUETTE_EN = """\
Each participant is responsible for what they write and must check that their statements \
are accurate. For its part, the Ministère de l'Emploi et de la Solidarité sociale undertakes \
to publish the comments it receives in full, without corrections.

However, the Ministère reserves the right to delete any comment that is:
- abusive, defamatory, discriminatory, coarse, hateful, offensive or sexual in nature;
- promotional or commercial in purpose;
- partisan;
- irrelevant or untrue;
- confused or unclear;
- holding personal or confidential information.

The Ministère will not delete a comment because it disagrees with its content. The Ministère \
hopes that comments will always be made in a constructive spirit."""

PRESET = Preset(
    "mess",
    SOURCE,
    (
        Rule(
            {"organisation": "Ministère de l'Emploi et de la Solidarité sociale"},
            (
                "Le ministère de l'Emploi et de la Solidarité sociale est présent dans les médias "
                "sociaux (Twitter, Facebook et Youtube)",
            ),
        ),
        Rule(
            {"open_time": "08:30", "close_time": "16:30", "weekdays": (0, 1, 2, 3, 4)},
            (HOURS,),
        ),
        Rule(
            {"target_hours": 8.0},
            (TARGET,),
            why="The 24 hours are the one business day in brackets: 8 business hours of "
            "8:30 to 16:30, not 24 hours of the clock.",
        ),
        Rule(
            {"retired_reasons": unlisted(LISTED)},
            tuple(LISTED),
            why="Threats, spam, copyright, illegal and anonymous or repetitive content are "
            "not in the list: retired, for the lead to bring back if the ministry's practice "
            "goes further than its text ('offensant' may cover a threat).",
        ),
        Rule(
            {"netiquette": {"fr": "\n\n".join(NETIQUETTE_FR), "en": NETIQUETTE_EN}},
            NETIQUETTE_FR,
        ),
        Rule(
            {"negative_needs_approval": False},
            (
                "Les différents comptes dans les médias sociaux sont gérés par la Direction des "
                "communications du ministère de l'Emploi et de la Solidarité sociale.",
            ),
            why="The policy asks for no approval before a reply: the communications branch "
            "that runs the accounts answers. A moderator may still ask a lead (escalate).",
        ),
        SELF_APPROVAL_UNASKED,
        Rule({"english_replies": "french_only"}, (FRENCH_ONLY,)),
        Rule(
            {"templates": {"plainte": COMPLAINT_WITHOUT_OFFICE}},
            why="The policy gives no contact for complaints or for a person's file; the "
            "default file reply (the local office) fits the ministry's network of offices.",
        ),
    ),
)
