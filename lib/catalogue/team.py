"""Words for team administration: Paramètres › Équipe and `python -m lib team`."""

STRINGS: dict[str, dict[str, str]] = {}
