"""The legal-aid commission's preset: Politique sur la gestion et l'utilisation des médias
sociaux (Commission des services juridiques, March 2017).

The policy's contact for comments on the policy is one employee's address: left out
(docs/policies/README.md); the replies send people to their legal-aid office through the
CSJ's website, as the policy does.
"""

from __future__ import annotations

from lib.presets.rules import SELF_APPROVAL_UNASKED, VIGIE_HOURS, VIGIE_TARGET, Preset, Rule

SOURCE = "csj-politique-medias-sociaux-2017.txt"

SERVICE_HOURS = (
    "La CSJ s'engage à répondre aux internautes, si nécessaire, dans des délais raisonnables, "
    "en fonction des heures de service en vigueur."
)
NO_FILES = (
    "Il est primordial d'insister sur le fait que la CSJ ne traitera aucune demande concernant "
    "le dossier d'un requérant, ni aucune information de nature personnelle, par "
    "l'intermédiaire des médias sociaux. Dans ces cas, les internautes sont invités à "
    "communiquer avec leur bureau d'aide juridique, dont les coordonnées se trouvent sur notre "
    "site Web : www.csj.qc.ca."
)
VALUES = (
    "La CSJ souhaite que ses échanges sur les médias sociaux soient axés sur des valeurs "
    "telles que l'intégrité, le respect et l'équité."
)
ENGLISH_WHEN = (
    "Lorsqu'un internaute publie un commentaire ou formule une question en anglais, la CSJ y "
    "répond, si nécessaire."
)
ENGLISH = (
    "Dans ce cas, la CSJ répond en français dans un premier temps, puis en anglais dans un "
    "deuxième temps, par souci de courtoisie."
)

# What the policy tells the public, close to its words: it has no netiquette list.
NETIQUETTE = {
    "fr": f"""\
{VALUES}

La CSJ ne traite aucune demande concernant le dossier d'un requérant, ni aucune information \
de nature personnelle, par l'intermédiaire des médias sociaux. Les internautes sont invités à \
communiquer avec leur bureau d'aide juridique, dont les coordonnées se trouvent sur le site \
Web de la CSJ : www.csj.qc.ca.

La CSJ utilise le français sur les médias sociaux. À un commentaire ou à une question en \
anglais, elle répond, si nécessaire, en français dans un premier temps, puis en anglais dans \
un deuxième temps, par souci de courtoisie.""",
    "en": """\
The CSJ wants its exchanges on social media to rest on values such as integrity, respect \
and fairness.

The CSJ does not handle any request about an applicant's file, nor any personal \
information, through social media. People are invited to contact their legal aid office, \
whose contact details are on the CSJ's website: www.csj.qc.ca.

The CSJ uses French on social media. To a comment or a question in English it answers, when \
needed, in French first, then in English, as a courtesy.""",
}

TEMPLATES = {
    "dossier": {
        "fr": (
            "La CSJ ne traite aucune demande concernant un dossier par l'intermédiaire des "
            "médias sociaux. Veuillez communiquer avec votre bureau d'aide juridique, dont les "
            "coordonnées se trouvent sur notre site Web : www.csj.qc.ca."
        ),
        "en": (
            "The CSJ does not handle any request about a file through social media. Please "
            "contact your legal aid office; its contact details are on our website: "
            "www.csj.qc.ca."
        ),
    },
    "prive": {
        "fr": (
            "Pour protéger vos renseignements personnels, nous avons masqué votre commentaire. "
            "La CSJ ne traite aucune information de nature personnelle par l'intermédiaire des "
            "médias sociaux : veuillez communiquer avec votre bureau d'aide juridique, dont les "
            "coordonnées se trouvent sur notre site Web : www.csj.qc.ca."
        ),
        "en": (
            "To protect your personal information, we have hidden your comment. The CSJ does "
            "not handle personal information through social media: please contact your legal "
            "aid office; its contact details are on our website: www.csj.qc.ca."
        ),
    },
    "plainte": {
        "fr": (
            "Nous sommes désolés de votre expérience. La CSJ ne traite aucune demande "
            "concernant un dossier par l'intermédiaire des médias sociaux : pour formuler une "
            "plainte, veuillez utiliser les coordonnées publiées sur notre site Web : "
            "www.csj.qc.ca."
        ),
        "en": (
            "We are sorry about your experience. The CSJ does not handle any request about a "
            "file through social media: to file a complaint, please use the contact details on "
            "our website: www.csj.qc.ca."
        ),
    },
}

PRESET = Preset(
    "csj",
    SOURCE,
    (
        Rule(
            {"organisation": "Commission des services juridiques"},
            (
                "la gestion et l'utilisation des médias sociaux par la Commission des services "
                "juridiques (CSJ)",
            ),
        ),
        Rule(
            VIGIE_HOURS,
            (SERVICE_HOURS,),
            why="The policy refers to its service hours without stating them: Vigie's "
            "default hours, for the lead to set to the CSJ's.",
        ),
        Rule(
            VIGIE_TARGET,
            (SERVICE_HOURS,),
            why="'Des délais raisonnables' is no figure: Vigie's default of one business day.",
        ),
        Rule(
            {"retired_reasons": ()},
            (
                "la CSJ se réserve le droit, sans préavis, de modifier cette politique ou sa "
                "nétiquette",
            ),
            why="The CSJ has a netiquette, but the policy does not include it: every reason "
            "stays active until the lead pastes it and retires what it does not list.",
        ),
        Rule({"netiquette": NETIQUETTE}, (VALUES, NO_FILES, ENGLISH)),
        Rule(
            {"negative_needs_approval": False},
            why="The policy says nothing of approving a reply before it is published: no "
            "step is added. A moderator may still ask a lead (escalate).",
        ),
        SELF_APPROVAL_UNASKED,
        Rule({"english_replies": "bilingual"}, (ENGLISH_WHEN, ENGLISH)),
        Rule(
            {"templates": TEMPLATES},
            (NO_FILES,),
            why="Files, personal information and complaints (about one's file) go to the "
            "person's legal-aid office, whose details are on the CSJ's website.",
        ),
    ),
)
