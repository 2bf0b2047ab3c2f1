"""Strings of the io pages."""

STRINGS: dict[str, dict[str, str]] = {}
