"""Words for empty states: a database with no team, or with no comments yet."""

STRINGS: dict[str, dict[str, str]] = {}
