"""Words of the flags' explanations: why each flag was raised, « Signal erroné » in the queue,
Paramètres › Détection (how often each flag was right)."""

STRINGS = {
    # A report the rules refuse (lib.flag_reports.FlagReportRefused)
    "flags.error.unknown_comment": {
        "fr": "Le commentaire n° {comment} n'existe pas.",
        "en": "Comment #{comment} does not exist.",
    },
    "flags.error.not_reportable": {
        "fr": "« {flag} » n'est pas un signal de la détection : il ne peut pas être "
        "signalé erroné.",
        "en": "“{flag}” is not a detector's flag: it cannot be reported wrong.",
    },
    "flags.error.not_carried": {
        "fr": "Le commentaire n° {comment} ne porte pas le signal « {flag} ».",
        "en": "Comment #{comment} does not carry the “{flag}” flag.",
    },
    # The queue's detail panel (lib/ui/queue/flags.py)
    "flags.why": {"fr": "Pourquoi ces signaux ?", "en": "Why these flags?"},
    "flags.distress.alert": {
        "fr": "**Une personne est peut-être en danger.** Répondez sans attendre avec la "
        "redirection Info-Santé 811 / 911 (« Question médicale ») plutôt que de masquer le "
        "commentaire, et prévenez votre chef d'équipe comme le demande la politique.",
        "en": "**Someone may be in danger.** Answer now with the Info-Santé 811 / 911 "
        "redirection (“Medical question”) rather than hiding the comment, and alert your "
        "team lead as the policy asks.",
    },
    "flags.threat.alert": {
        "fr": "**Menace.** Escaladez ce commentaire sans attendre à votre chef d'équipe, qui "
        "décide de la suite comme le prévoit la politique.",
        "en": "**Threat.** Escalate this comment to your team lead without delay; they decide "
        "what follows, as the policy provides.",
    },
    "flags.line": {"fr": "**{flag}** — {why}", "en": "**{flag}** — {why}"},
    # No-break spaces inside the French quotes: a line never starts or ends with one alone.
    "flags.rule_words": {"fr": "{rule} · «\u00a0{words}\u00a0»", "en": "{rule} · “{words}”"},
    "flags.earlier": {
        "fr": "Levé à l'arrivée par une version antérieure des détecteurs : la détection "
        "actuelle ne le trouve plus dans le texte.",
        "en": "Raised on arrival by an earlier version of the detectors: the current "
        "detection no longer finds it in the text.",
    },
    "flags.repeat": {
        "fr": "L'auteur répète le même commentaire.",
        "en": "The author repeats the same comment.",
    },
    "flags.wrong": {"fr": "Signal erroné", "en": "Wrong flag"},
    "flags.wrong_help": {
        "fr": "Ce signal ne convient pas à ce commentaire. Le signalement est compté dans "
        "Paramètres › Détection ; il ne modifie jamais les détecteurs.",
        "en": "This flag does not fit this comment. The report is counted in Settings › "
        "Detection; it never changes the detectors.",
    },
    "flags.reported": {
        "fr": "Signalé erroné par {who}, le {when}",
        "en": "Reported wrong by {who} on {when}",
    },
    "flags.withdraw": {"fr": "Annuler", "en": "Undo"},
    # The suggestions box, for a person in danger (lib/ui/queue/detail.py)
    "flags.suggested.medical": {
        "fr": "Rediriger vers Info-Santé 811 / 911",
        "en": "Redirect to Info-Santé 811 / 911",
    },
    "flags.suggested.medical_escalate": {
        "fr": "Proposer Info-Santé 811 / 911 pour approbation",
        "en": "Propose Info-Santé 811 / 911 for approval",
    },
    # Paramètres › Détection (lib/ui/detection.py)
    "settings.tab.detection": {"fr": "Détection", "en": "Detection"},
    "detection.precision_help": {
        "fr": "La précision d'un signal est la part des commentaires signalés et examinés par "
        "une personne dont personne n'a marqué le signal erroné (bouton « Signal erroné » de "
        "la file d'attente). Un commentaire est examiné une fois traité, ou quand l'un de ses "
        "signaux est marqué erroné. Les signalements sont conservés et comptés ; ils ne "
        "réentraînent ni ne modifient jamais les détecteurs.",
        "en": "A flag's precision is the share of flagged comments reviewed by a person that "
        "nobody marked wrong (the queue's “Wrong flag” button). A comment is reviewed once "
        "handled, or when one of its flags is marked wrong. Reports are kept and counted; "
        "they never retrain or change the detectors.",
    },
    "detection.last_30_days": {"fr": "30 derniers jours", "en": "Last 30 days"},
    "detection.last_12_months": {"fr": "12 derniers mois", "en": "Last 12 months"},
    "detection.col.flag": {"fr": "Signal", "en": "Flag"},
    "detection.col.raised": {"fr": "Levés", "en": "Raised"},
    "detection.col.reviewed": {"fr": "Examinés", "en": "Reviewed"},
    "detection.col.reported_wrong": {"fr": "Marqués erronés", "en": "Marked wrong"},
    "detection.col.precision": {"fr": "Précision", "en": "Precision"},
    "detection.recent": {"fr": "Derniers signalements", "en": "Latest reports"},
    "detection.none": {
        "fr": "Aucun signal n'est marqué erroné.",
        "en": "No flag is marked wrong.",
    },
    "detection.col.comment": {"fr": "Commentaire", "en": "Comment"},
    "detection.col.received": {"fr": "Reçu", "en": "Received"},
    "detection.col.rules": {"fr": "Règles en cause", "en": "Rules involved"},
    "detection.col.by": {"fr": "Signalé par", "en": "Reported by"},
    "detection.col.at": {"fr": "Quand", "en": "When"},
}
