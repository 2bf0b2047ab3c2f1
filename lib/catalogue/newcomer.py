"""The language switch, number fields, and reading and moving through the queue."""

STRINGS: dict[str, dict[str, str]] = {}
