"""The health and social-services centre's preset: Politique d'utilisation des médias sociaux
(CISSS de la Gaspésie, CGA-2017-025, 2017) and its annex, the CISSS's netiquette.

The netiquette gives the complaints commissioner's phone line and her personal e-mail
address: the replies give the line and the office's title, never the address
(docs/policies/README.md).
"""

from __future__ import annotations

from lib.presets.rules import VIGIE_TARGET, Preset, Rule, unlisted

SOURCE = "cisss-gaspesie-politique-netiquette-2017.txt"

# The netiquette's list of what is not tolerated, item by item, then its rules on
# relevance (1) and identity (5): the reason codes each names.
LISTED = {
    "Le langage raciste, sexiste ou désobligeant;": ("discriminatoire", "injurieux"),
    "Le langage haineux;": ("haineux",),
    "Le contenu sexuellement explicite;": ("sexuel",),
    "Les attaques personnelles et les énoncés diffamatoires;": ("injurieux", "diffamatoire"),
    "Les contraventions aux règles du droit d'auteur;": ("droit_auteur",),
    "La divulgation de renseignements personnels;": ("renseignements_personnels",),
    "Les menaces et le harcèlement;": ("menace",),
    "Les pourriels;": ("pourriel",),
    "Le contenu promotionnel commercial;": ("commercial",),
    "Le contenu illégal.": ("illegal",),
    "1. La pertinence\n\nChacun est invité à partager de l'information, à envoyer des "
    "commentaires et à poser des questions pourvu que ces interventions portent sur le CISSS "
    "de la Gaspésie, ses enjeux, son actualité ainsi que ses services.": ("hors_sujet",),
    "Nous nous réservons le droit de ne pas publier un commentaire ou de ne pas répondre à une "
    "question s'il subsiste un doute quant à l'identité de son auteur.": ("anonyme_repetitif",),
}

HOURS = (
    "Toutefois, nous mettons à jour nos comptes et les suivons durant les heures habituelles de "
    "travail, soit du lundi au vendredi, de 8 h 30 à 16 h 30, heure de l'Est."
)
NOT_ALL_ANSWERED = (
    "Toutefois, nous ne pouvons pas répondre à tous les messages et à tous les commentaires que "
    "nous recevons sur nos comptes Facebook et Twitter."
)
HEALTH = (
    "Veillez noter qu'aucun diagnostic médical ou aucune évaluation d'un problème médical ne "
    "sera fait sur les comptes du CISSS. Pour toute urgence, composez le 911. Pour des questions "
    "sur votre état de santé, vous adresser à Info-Santé au 811."
)
COMPLAINTS = (
    "De plus, aucune plainte ou demande d'intervention ne sera reçue et traitée par le biais des "
    "médias sociaux. Si vous souhaitez formuler une plainte, nous vous invitons à communiquer "
    "avec la commissaire aux plaintes et à la qualité des services par téléphone au 418 "
    "368-3301, poste 3604"
)
CONTACT_PAGE = (
    "Pour connaître nos coordonnées complètes, visitez la section « Nous joindre » de notre site "
    "Internet : <http://www.cisss-gaspesie.gouv.qc.ca/pour-nous-joindre>"
)
SENSITIVE = (
    "L'utilisateur autorisé doit obtenir l'autorisation du hors cadre ou du cadre supérieur "
    "concerné avant de diffuser ou transmettre toute information qui lui semble sensible;"
)
LANGUAGE = (
    "La langue des comptes Facebook, Twitter et LinkedIn du CISSS de la Gaspésie est le "
    "français. Toutefois, nous répondrons aux questions conformément aux dispositions de la "
    "Charte de la langue française."
)
INTRO = (
    "Nous voulons créer un lieu de partage respectueux et enrichissant sur les enjeux du CISSS "
    "de la Gaspésie, sur son actualité ainsi que sur ses services."
)
NOT_TOLERATED = (
    "Le CISSS de la Gaspésie ne tolère pas les commentaires offensants, irrespectueux ou "
    "abusifs envers une personne ou un organisme. Voici des exemples de ce qui n'est pas toléré :"
)
EXCLUSION = (
    "Toute personne qui ne respecte pas ces règles peut être exclue de façon temporaire ou "
    "permanente des espaces de dialogue des comptes du CISSS de la Gaspésie."
)
IDENTITY = (
    "Si vous souhaitez échanger avec nous sur ces plateformes, nous vous demandons de vous "
    "identifier."
)

LIST_FR = "\n".join(f"- {item}" for item in list(LISTED)[:10])
NETIQUETTE = {
    "fr": f"""\
{INTRO}

La pertinence : chacun est invité à partager de l'information, à envoyer des commentaires et à \
poser des questions pourvu que ces interventions portent sur le CISSS de la Gaspésie, ses \
enjeux, son actualité ainsi que ses services.

Le respect : {NOT_TOLERATED}
{LIST_FR}

{EXCLUSION}

L'identité : {IDENTITY} {list(LISTED)[-1]}

Aucun diagnostic médical ni aucune évaluation d'un problème médical ne se fait sur les comptes \
du CISSS : pour toute urgence, le 911; pour des questions de santé, Info-Santé au 811. Aucune \
plainte ou demande d'intervention n'est reçue ni traitée par le biais des médias sociaux : les \
plaintes vont au Commissariat aux plaintes et à la qualité des services (418 368-3301, \
poste 3604).

Les comptes sont suivis du lundi au vendredi, de 8 h 30 à 16 h 30, heure de l'Est.""",
    "en": """\
We want a respectful and enriching place to share about the CISSS de la Gaspésie's \
issues, news and services.

Relevance: everyone is invited to share information, send comments and ask questions, \
provided they are about the CISSS de la Gaspésie, its issues, its news and its services.

Respect: the CISSS de la Gaspésie does not tolerate comments that are offensive, \
disrespectful or abusive towards a person or an organisation. Examples of what is not \
tolerated:
- racist, sexist or disparaging language;
- hateful language;
- sexually explicit content;
- personal attacks and defamatory statements;
- breaches of copyright;
- disclosure of personal information;
- threats and harassment;
- spam;
- commercial promotional content;
- illegal content.

Anyone who does not follow these rules may be excluded, temporarily or permanently, from the \
discussion spaces of the CISSS de la Gaspésie's accounts.

Identity: if you wish to talk with us on these platforms, we ask you to identify yourself. We \
reserve the right not to publish a comment or not to answer a question when there is doubt \
about its author's identity.

No medical diagnosis or assessment of a medical problem is made on the CISSS's accounts: in \
an emergency, 911; for health questions, Info-Santé at 811. No complaint or request for \
intervention is received or handled through social media: complaints go to the service \
quality and complaints commissioner's office (418 368-3301, extension 3604).

The accounts are followed Monday to Friday, 8:30 a.m. to 4:30 p.m., Eastern time.""",
}

CONTACT_URL = "http://www.cisss-gaspesie.gouv.qc.ca/pour-nous-joindre"
TEMPLATES = {
    "plainte": {
        "fr": (
            "Nous sommes désolés de votre expérience. Aucune plainte n'est reçue ni traitée par "
            "le biais des médias sociaux : pour formuler une plainte, veuillez communiquer avec "
            "le Commissariat aux plaintes et à la qualité des services du CISSS de la Gaspésie, "
            "au 418 368-3301, poste 3604. Elle sera traitée en toute confidentialité."
        ),
        "en": (
            "We are sorry about your experience. Complaints are not received or handled through "
            "social media: to file a complaint, please contact the CISSS de la Gaspésie's "
            "service quality and complaints commissioner's office at 418 368-3301, extension "
            "3604. It will be handled confidentially."
        ),
    },
    "medical": {
        "fr": (
            "Aucun diagnostic médical ni aucune évaluation d'un problème médical ne se fait sur "
            "les comptes du CISSS. Pour des questions sur votre état de santé, adressez-vous à "
            "Info-Santé au 811. Pour toute urgence, composez le 911."
        ),
        "en": (
            "No medical diagnosis or assessment of a medical problem is made on the CISSS's "
            "accounts. For questions about your health, call Info-Santé at 811. In an "
            "emergency, dial 911."
        ),
    },
    "dossier": {
        "fr": (
            "Aucune demande d'intervention n'est reçue ni traitée par le biais des médias "
            "sociaux. Pour joindre le service concerné, consultez la section « Nous joindre » "
            f"de notre site Internet : {CONTACT_URL}"
        ),
        "en": (
            "Requests for intervention are not received or handled through social media. To "
            "reach the right service, see the « Nous joindre » (contact us) section of our "
            f"website: {CONTACT_URL}"
        ),
    },
    "prive": {
        "fr": (
            "Pour protéger vos renseignements personnels, nous avons masqué votre commentaire. "
            "Aucune demande d'intervention n'est traitée par le biais des médias sociaux : pour "
            "nous joindre, consultez la section « Nous joindre » de notre site Internet : "
            f"{CONTACT_URL}"
        ),
        "en": (
            "To protect your personal information, we have hidden your comment. Requests for "
            "intervention are not handled through social media: to reach us, see the « Nous "
            f"joindre » (contact us) section of our website: {CONTACT_URL}"
        ),
    },
}

PRESET = Preset(
    "cisss",
    SOURCE,
    (
        Rule(
            {"organisation": "Centre intégré de santé et de services sociaux de la Gaspésie"},
            ("Centre intégré de santé et de services sociaux de la Gaspésie",),
        ),
        Rule({"open_time": "08:30", "close_time": "16:30", "weekdays": (0, 1, 2, 3, 4)}, (HOURS,)),
        Rule(
            VIGIE_TARGET,
            (NOT_ALL_ANSWERED,),
            why="The netiquette commits to no delay, and warns that not every message gets "
            "an answer: Vigie's default of one business day.",
        ),
        Rule(
            {"retired_reasons": unlisted(LISTED)},
            tuple(LISTED),
            why="Partisan, false and confused content are not in the netiquette: retired. "
            "'Désobligeant' reads as abusive; the identity rule is the anonymous half of "
            "'anonyme ou répétitif'.",
        ),
        Rule(
            {"netiquette": NETIQUETTE},
            (INTRO, NOT_TOLERATED, EXCLUSION, IDENTITY, HEALTH, COMPLAINTS, HOURS),
        ),
        Rule(
            {"negative_needs_approval": True},
            (SENSITIVE,),
            why="A reply to a negative comment is the sensitive publication Vigie can "
            "recognise; the lead approves it, in the place of the manager the policy names.",
        ),
        Rule(
            {"lead_self_approval": True},
            (SENSITIVE,),
            why="The authorised user asks the manager concerned; the lead stands for that "
            "manager, so a lead's own reply carries the authorisation, and the history marks "
            "it self-approved. A lead who wants a second reader unchecks it.",
        ),
        Rule(
            {"english_replies": "bilingual"},
            (LANGUAGE,),
            why="French is the accounts' language, and 'Toutefois' sets the answers apart: "
            "they follow the Charter, and the text does not say French only, as the "
            "ministry's does. Read as the answer in French, then, to an English question, in "
            "English too (Vigie's bilingual form); a lead advised otherwise chooses French "
            "only.",
        ),
        Rule({"templates": TEMPLATES}, (HEALTH, COMPLAINTS, CONTACT_PAGE)),
    ),
)
