"""Words of the transparency summary: what a body may publish each month."""

STRINGS = {
    "nav.transparency": {"fr": "Transparence", "en": "Transparency"},
}
