"""Words of access requests: everything Vigie holds about one author, as a ZIP."""

STRINGS: dict[str, dict[str, str]] = {}
