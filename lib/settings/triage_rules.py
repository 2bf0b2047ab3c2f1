"""A lead's triage rules as the settings hold them: stored form and checks
(lib.triage_rules applies them)."""

from __future__ import annotations


def normalised(rule: dict) -> dict:
    """A rule as a page gives it, in its stored form."""
    return dict(rule)


def check_rules(settings) -> None:
    """Raise SettingsError for a rule that cannot be applied."""
