"""Words for the policy presets and the organisation's netiquette (Paramètres › Politique)."""

STRINGS: dict[str, dict[str, str]] = {
    "presets.error.unknown_preset": {
        "fr": "Préréglage inconnu : « {name} ». Préréglages connus : {known}.",
        "en": "Unknown preset: “{name}”. Known presets: {known}.",
    },
    "settings.error.unknown_policy": {
        "fr": "Politique inconnue : « {policy} ». Politiques connues : {known}.",
        "en": "Unknown policy: “{policy}”. Known policies: {known}.",
    },
}
