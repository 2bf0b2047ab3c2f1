"""Words of backups: `python -m lib backup`, and the last good backup a lead sees."""

STRINGS: dict[str, dict[str, str]] = {}
