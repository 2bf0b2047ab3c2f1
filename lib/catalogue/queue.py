"""Strings of the queue pages."""

STRINGS: dict[str, dict[str, str]] = {}
