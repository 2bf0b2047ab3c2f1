"""The ethics commission's preset: Politique d'utilisation des médias sociaux du Secrétariat
de la CEST (Commission de l'éthique en science et en technologie, July 2014).

The only policy of the five that requires approval of a reply to a negative comment.
Its rules for the public are in a NETiquette annexed to the policy, which the published
text does not include; it states no hours, no delay and no contact.
"""

from __future__ import annotations

from lib.presets.rules import (
    COMPLAINT_WITHOUT_OFFICE,
    ENGLISH_UNSTATED,
    VIGIE_HOURS,
    VIGIE_TARGET,
    Preset,
    Rule,
)

SOURCE = "cest-politique-2014.txt"

RESPECT = (
    "La Commission ne peut endosser un usage des médias sociaux qui ne serait empreint de "
    "respect tant envers les personnes qu'envers les institutions."
)
NEGATIVE = (
    "Avant de publier une réponse à un commentaire négatif, vous devez obtenir l'assentiment de "
    "la Secrétaire générale."
)
ERRORS = (
    "Si vous commettez une erreur dans une publication, assurez-vous de la corriger rapidement. "
    "N'effacez pas simplement la publication erronée."
)
ANNEX = (
    "Les articles concernant les règles d'utilisation des médias sociaux par les utilisateurs "
    "externes et les engagements de la Commission à leur endroit sont inscrits à la NETiquette "
    "(en annexe)."
)
SHOWN = (
    "La NETiquette est présentée aux utilisateurs sur toute page d'un média social administrée "
    "par la Commission."
)

# What the policy asks of whoever moderates, close to its words.
NETIQUETTE = {
    "fr": f"""\
{RESPECT}

Une réponse à un commentaire négatif n'est publiée qu'avec l'assentiment de la Secrétaire \
générale.

Une publication erronée est corrigée rapidement, jamais simplement effacée.

Les règles d'utilisation des médias sociaux par les utilisateurs externes sont inscrites à la \
NETiquette de la Commission, présentée sur toute page d'un média social qu'elle administre.""",
    "en": """\
The Commission cannot endorse any use of social media that is not respectful of people and \
institutions alike.

A reply to a negative comment is published only with the assent of the Secrétaire générale \
(general secretary).

A mistaken post is corrected quickly, never simply erased.

The rules for external users of social media are in the Commission's NETiquette, shown on \
every social-media page the Commission runs.""",
}

TEMPLATES = {
    "dossier": {
        "fr": (
            "Pour toute question qui vous concerne personnellement, veuillez nous écrire par "
            "les coordonnées publiées sur notre site Web : nous ne traitons pas de "
            "renseignements personnels sur les médias sociaux."
        ),
        "en": (
            "For any question about you personally, please write to us through the contact "
            "details on our website: we do not handle personal information on social media."
        ),
    },
    "plainte": COMPLAINT_WITHOUT_OFFICE,
}

PRESET = Preset(
    "cest",
    SOURCE,
    (
        Rule(
            {"organisation": "Commission de l'éthique en science et en technologie"},
            ("Politique d'utilisation des médias sociaux du Secrétariat de la CEST",),
            why="The text calls it the CEST and 'la Commission'; this is its full name.",
        ),
        Rule(
            VIGIE_HOURS,
            (
                "Les médias sociaux n'ont pas d'heures d'ouverture et de fermeture, des "
                "utilisateurs peuvent publier ou commenter à tout moment.",
            ),
            why="Social media have no hours, the policy says, and it states none of the "
            "Commission's: Vigie's default hours.",
        ),
        Rule(
            VIGIE_TARGET,
            why="The policy states no response delay: Vigie's default of one business day.",
        ),
        Rule(
            {"retired_reasons": ()},
            (ANNEX,),
            why="The NETiquette is an annex the published text does not include: every "
            "reason stays active until the lead pastes it and retires what it does not list.",
        ),
        Rule({"netiquette": NETIQUETTE}, (RESPECT, NEGATIVE, ERRORS, SHOWN)),
        Rule(
            {"negative_needs_approval": True},
            (NEGATIVE,),
            why="In Vigie a lead gives the assent the policy asks of the Secrétaire générale.",
        ),
        Rule(
            {"lead_self_approval": True},
            (NEGATIVE,),
            why="The lead stands for the Secrétaire générale, the person the policy names: "
            "a reply she writes herself has her assent, and the history records it as "
            "self-approved.",
        ),
        ENGLISH_UNSTATED,
        Rule(
            {"templates": TEMPLATES},
            (
                "Avant de publier quelque chose qui implique directement une personne, vous devez "
                "obtenir son consentement, à moins qu'il ne s'agisse d'information de notoriété "
                "publique.",
            ),
            why="No contact is given; nothing personal is handled in public, and the "
            "Commission has no local offices or complaints commissioner: people write through "
            "its website.",
        ),
    ),
)
