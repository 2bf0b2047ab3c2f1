"""Words for the policy presets and the organisation's netiquette (Paramètres › Politique)."""

STRINGS: dict[str, dict[str, str]] = {
    "settings.tab.policy": {"fr": "Politique", "en": "Policy"},
    "presets.organisation": {"fr": "Nom de l'organisation", "en": "Organisation's name"},
    "presets.netiquette_help": {
        "fr": "La nétiquette de l'organisation, dans ses mots : les modérateurs la lisent à "
        "côté des motifs de retrait. Sans texte anglais, le français est montré.",
        "en": "The organisation's netiquette, in its own words: moderators read it beside the "
        "removal reasons. Without an English text, the French one is shown.",
    },
    "presets.netiquette_fr": {"fr": "Nétiquette (français)", "en": "Netiquette (French)"},
    "presets.netiquette_en": {"fr": "Nétiquette (anglais)", "en": "Netiquette (English)"},
    "presets.negative_needs_approval": {
        "fr": "Une réponse à un commentaire négatif attend l'approbation d'un chef d'équipe",
        "en": "A reply to a negative comment waits for a team lead's approval",
    },
    "presets.negative_needs_approval_help": {
        "fr": "Décoché, un modérateur publie lui-même sa réponse, et peut toujours la soumettre "
        "à un chef d'équipe.",
        "en": "Unchecked, a moderator publishes their reply themselves, and may still submit "
        "it to a team lead.",
    },
    "presets.start_again": {"fr": "Repartir d'un préréglage", "en": "Start again from a preset"},
    "presets.start_again_help": {
        "fr": "Un préréglage remplace le nom de l'organisation, l'horaire, la cible de "
        "réponse, les motifs retirés, les modèles de réponse, la nétiquette, les règles "
        "d'approbation et la langue des réponses à un commentaire en anglais par ce que dit "
        "la politique choisie. Les fermetures, le seuil « à risque », l'objectif, vos "
        "libellés de motifs et les sites autorisés restent. Chaque changement est inscrit à "
        "l'historique, et tout reste modifiable ensuite.",
        "en": "A preset replaces the organisation's name, the hours, the response target, "
        "the retired reasons, the reply templates, the netiquette, the approval rules and the "
        "language of replies to an English comment with what the chosen policy says. "
        "Closures, the at-risk threshold, the goal, your reason labels and the allowed sites "
        "stay. Each change is recorded in the history, and everything can be edited "
        "afterwards.",
    },
    "presets.current": {"fr": "Préréglage de départ : {name}", "en": "Started from: {name}"},
    "presets.choose": {"fr": "Préréglage", "en": "Preset"},
    "presets.rules": {
        "fr": "Ce que ce préréglage règle, et les phrases de la politique",
        "en": "What this preset sets, and the policy's sentences",
    },
    "presets.quotes_note": {
        "fr": "Chaque paramètre est suivi des phrases de la politique qui le fixent.",
        "en": "Each setting is followed by the policy's sentences that set it (in French, "
        "as published).",
    },
    "presets.silent": {
        "fr": "Aucune phrase de la politique ne le fixe : valeur de Vigie.",
        "en": "No sentence of the policy sets it: Vigie's value.",
    },
    "presets.confirm": {
        "fr": "Remplacer ces paramètres par ceux du préréglage",
        "en": "Replace these settings with the preset's",
    },
    "presets.apply": {"fr": "Appliquer le préréglage", "en": "Apply the preset"},
    "presets.name.mess": {
        "fr": "MESS — Ministère de l'Emploi et de la Solidarité sociale (2013)",
        "en": "MESS — Ministère de l'Emploi et de la Solidarité sociale (2013)",
    },
    "presets.name.csj": {
        "fr": "CSJ — Commission des services juridiques (2017)",
        "en": "CSJ — Commission des services juridiques (legal aid, 2017)",
    },
    "presets.name.cisss": {
        "fr": "CISSS de la Gaspésie (2017)",
        "en": "CISSS de la Gaspésie (health and social services, 2017)",
    },
    "presets.name.css": {
        "fr": "Centre de services scolaire De La Jonquière (2013)",
        "en": "Centre de services scolaire De La Jonquière (school service centre, 2013)",
    },
    "presets.name.cest": {
        "fr": "CEST — Commission de l'éthique en science et en technologie (2014)",
        "en": "CEST — Commission de l'éthique en science et en technologie (2014)",
    },
    "presets.name.general": {
        "fr": "Général — les règles par défaut de Vigie",
        "en": "General — Vigie's default rules",
    },
    "presets.setting.organisation": {"fr": "Organisation", "en": "Organisation"},
    "presets.setting.open_time": {"fr": "Ouverture", "en": "Opening"},
    "presets.setting.close_time": {"fr": "Fermeture", "en": "Closing"},
    "presets.setting.weekdays": {"fr": "Jours ouvrables", "en": "Business days"},
    "presets.setting.target_hours": {"fr": "Cible de réponse", "en": "Response target"},
    "presets.setting.retired_reasons": {"fr": "Motifs retirés", "en": "Retired reasons"},
    "presets.setting.netiquette": {"fr": "Nétiquette", "en": "Netiquette"},
    "presets.setting.negative_needs_approval": {
        "fr": "Approbation des réponses aux commentaires négatifs",
        "en": "Approval of replies to negative comments",
    },
    "presets.setting.lead_self_approval": {
        "fr": "Approbation par un chef d'équipe de sa propre réponse",
        "en": "A team lead's approval of their own reply",
    },
    "presets.setting.english_replies": {
        "fr": "Réponse à un commentaire en anglais",
        "en": "Reply to a comment in English",
    },
    "presets.setting.templates": {"fr": "Modèles de réponse", "en": "Reply templates"},
    "presets.netiquette": {"fr": "Nétiquette", "en": "Netiquette"},
    "presets.netiquette_of": {
        "fr": "Nétiquette — {organisation}",
        "en": "Netiquette — {organisation}",
    },
    "presets.error.unknown_preset": {
        "fr": "Préréglage inconnu : « {name} ». Préréglages connus : {known}.",
        "en": "Unknown preset: “{name}”. Known presets: {known}.",
    },
    "settings.error.unknown_policy": {
        "fr": "Politique inconnue : « {policy} ». Politiques connues : {known}.",
        "en": "Unknown policy: “{policy}”. Known policies: {known}.",
    },
}
