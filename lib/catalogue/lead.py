"""Strings of the lead pages."""

STRINGS: dict[str, dict[str, str]] = {}
