"""Words for the policies' codes: netiquette reasons, reply templates, flags and platforms.

The codes themselves are in `lib.taxonomy`; a lead may rename a reason (settings), and
`lib.i18n.label` gives a code's words with that rename.
"""

STRINGS: dict[str, dict[str, str]] = {
    # Netiquette reasons (DESIGN.md, "Moderation reasons")
    "reason.injurieux": {
        "fr": "Propos injurieux, grossiers ou attaques personnelles",
        "en": "Abusive language or personal attacks",
    },
    "reason.haineux": {"fr": "Propos haineux", "en": "Hate speech"},
    "reason.discriminatoire": {
        "fr": "Propos discriminatoires (racistes, sexistes…)",
        "en": "Discriminatory content",
    },
    "reason.diffamatoire": {"fr": "Propos diffamatoires", "en": "Defamation"},
    "reason.sexuel": {
        "fr": "Contenu à connotation sexuelle ou explicite",
        "en": "Sexual or explicit content",
    },
    "reason.menace": {"fr": "Menaces ou harcèlement", "en": "Threats or harassment"},
    "reason.commercial": {
        "fr": "Contenu promotionnel ou commercial",
        "en": "Promotional or commercial content",
    },
    "reason.pourriel": {"fr": "Pourriel", "en": "Spam"},
    "reason.partisan": {"fr": "Contenu partisan", "en": "Partisan content"},
    "reason.hors_sujet": {"fr": "Non pertinent (hors sujet)", "en": "Off-topic"},
    "reason.mensonger": {"fr": "Faux ou trompeur", "en": "False or misleading"},
    "reason.confus": {"fr": "Confus ou imprécis", "en": "Confused or unclear"},
    "reason.renseignements_personnels": {
        "fr": "Renseignements personnels ou confidentiels",
        "en": "Personal or confidential information",
    },
    "reason.droit_auteur": {"fr": "Atteinte au droit d'auteur", "en": "Copyright infringement"},
    "reason.illegal": {"fr": "Contenu illégal", "en": "Illegal content"},
    "reason.anonyme_repetitif": {
        "fr": "Contenu anonyme ou répétitif",
        "en": "Anonymous or repetitive content",
    },
    # Reply templates: the four redirections (DESIGN.md) and two everyday replies
    "template.dossier": {"fr": "Dossier personnel", "en": "Personal file"},
    "template.plainte": {"fr": "Plainte", "en": "Complaint"},
    "template.medical": {"fr": "Question médicale", "en": "Medical question"},
    "template.prive": {
        "fr": "Renseignements personnels (canal privé)",
        "en": "Personal data (private channel)",
    },
    "template.merci": {"fr": "Remerciement", "en": "Thanks"},
    "template.information": {"fr": "Information générale", "en": "General information"},
    # Flags set on arrival
    "flag.pii": {"fr": "Renseignements personnels", "en": "Personal information"},
    "flag.english": {"fr": "Anglais", "en": "English"},
    "flag.question": {"fr": "Question", "en": "Question"},
    "flag.negative": {"fr": "Négatif", "en": "Negative"},
    "flag.link": {"fr": "Lien", "en": "Link"},
    "flag.urgent": {"fr": "Urgent", "en": "Urgent"},
    "flag.distress": {"fr": "Détresse", "en": "Distress"},
    "flag.repeat": {"fr": "Auteur récidiviste", "en": "Repeat author"},
    # Platforms
    "platform.facebook": {"fr": "Facebook", "en": "Facebook"},
    "platform.instagram": {"fr": "Instagram", "en": "Instagram"},
    "platform.x": {"fr": "X", "en": "X"},
    "platform.youtube": {"fr": "YouTube", "en": "YouTube"},
    "platform.linkedin": {"fr": "LinkedIn", "en": "LinkedIn"},
    "platform.other": {"fr": "Autre", "en": "Other"},
}
