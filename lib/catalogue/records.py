"""Words of the records: retention, legal holds, the history's hash chain (Registres)."""

STRINGS = {
    "nav.records": {"fr": "Registres", "en": "Records"},
}
