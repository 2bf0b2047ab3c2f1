"""Words for the policy presets and the organisation's netiquette (Paramètres › Politique)."""

STRINGS: dict[str, dict[str, str]] = {}
