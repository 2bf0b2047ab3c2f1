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
    # Retention (lib.records.retention, lib.settings.retention)
    "records.rule.default": {
        "fr": "Délai par défaut ({months} mois)",
        "en": "Default period ({months} months)",
    },
    "records.rule.reason": {
        "fr": "Motif « {reason} » ({months} mois)",
        "en": "Reason “{reason}” ({months} months)",
    },
    "settings.error.retention_months": {
        "fr": "Une durée de conservation est un nombre entier de mois, de {low} à {high}.",
        "en": "A retention period is a whole number of months, from {low} to {high}.",
    },
    "settings.error.retention_reason": {
        "fr": "Motifs inconnus dans le calendrier de conservation : {codes}.",
        "en": "Unknown reasons in the retention schedule: {codes}.",
    },
    # Legal holds (lib.records.holds)
    "records.hold.error.needs_target": {
        "fr": "Une suspension vise soit un commentaire, soit un auteur (plateforme et "
        "identifiant), pas les deux.",
        "en": "A hold is on either a comment or an author (platform and handle), not both.",
    },
    "records.hold.error.bad_author": {
        "fr": "L'auteur visé doit avoir une plateforme connue et un identifiant valide.",
        "en": "The author needs a known platform and a valid handle.",
    },
    "records.hold.error.unknown_comment": {
        "fr": "Aucun commentaire n° {comment}.",
        "en": "No comment #{comment}.",
    },
    "records.hold.error.not_standing": {
        "fr": "La suspension n° {hold} n'est pas en vigueur.",
        "en": "Hold #{hold} is not in force.",
    },
    "records.hold.error.needs_reason": {
        "fr": "Donnez la raison (demande d'accès, plainte, litige…).",
        "en": "Give the reason (access request, complaint, dispute…).",
    },
    "records.hold.error.bad_reason": {
        "fr": "La raison tient en {limit} caractères, sans caractère de contrôle.",
        "en": "The reason fits in {limit} characters, without control characters.",
    },
}
