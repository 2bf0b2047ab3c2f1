"""Aujourd'hui: the hourly chart, the cards' changes and what they count."""

STRINGS: dict[str, dict[str, str]] = {}
