"""Words of the records: retention, legal holds, the history's hash chain (Registres)."""

STRINGS = {
    "nav.records": {"fr": "Registres", "en": "Records"},
    "auth.permission.records": {
        "fr": "gérer les registres (conservation, suspensions, demandes d'accès)",
        "en": "manage the records (retention, holds, access requests)",
    },
    "records.lead_only": {
        "fr": "Les registres sont réservés aux chefs d'équipe.",
        "en": "The records are for team leads only.",
    },
    "records.tab.access": {"fr": "Demandes d'accès", "en": "Access requests"},
}
