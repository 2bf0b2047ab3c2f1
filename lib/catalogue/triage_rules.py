"""Words of the triage rules: Paramètres › Règles de tri, the rules' history entries."""

STRINGS: dict[str, dict[str, str]] = {}
