"""Strings of the settings pages."""

STRINGS: dict[str, dict[str, str]] = {}
