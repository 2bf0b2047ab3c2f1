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
    # The command line (lib.cli.records)
    "records.cli.row": {
        "fr": "n° {comment} · {platform} {account} · fermé le {closed} · {rule} {kept}",
        "en": "#{comment} · {platform} {account} · closed on {closed} · {rule} {kept}",
    },
    "records.cli.kept.held": {"fr": "· suspendu (conservé)", "en": "· on hold (kept)"},
    "records.cli.kept.sending": {
        "fr": "· décision pas encore sur la plateforme (conservé)",
        "en": "· decision not yet on the platform (kept)",
    },
    "records.cli.listed": {
        "fr": "retention : {count} commentaires à anonymiser, {held} suspendus, {sending} en "
        "attente d'envoi (rien n'a changé ; --apply pour anonymiser)",
        "en": "retention: {count} comments to anonymise, {held} on hold, {sending} waiting to "
        "be sent (nothing changed; --apply to anonymise)",
    },
    "records.cli.applied": {
        "fr": "retention : {count} commentaires anonymisés, {held} suspendus, {sending} en "
        "attente d'envoi ; inscrit au registre de destruction",
        "en": "retention: {count} comments anonymised, {held} on hold, {sending} waiting to "
        "be sent; written to the destruction log",
    },
    # The hash chain (lib.chain.verify)
    "records.verify.intact": {
        "fr": "verify : chaîne intacte, {rows} lignes dans {tables} tables ; chaîne commencée "
        "le {started}",
        "en": "verify: chain intact, {rows} rows in {tables} tables; chain started on {started}",
    },
    "records.verify.intact_sealed": {
        "fr": "verify : chaîne intacte, {rows} lignes dans {tables} tables ; chaîne commencée "
        "le {started} à la migration : les {before} lignes déjà là ont été scellées telles "
        "qu'elles étaient, sans preuve de ce qu'elles étaient avant",
        "en": "verify: chain intact, {rows} rows in {tables} tables; chain started on "
        "{started} at the migration: the {before} rows already there were sealed as they "
        "were, with no proof of what they were before",
    },
    "records.verify.progress": {
        "fr": "{table} : {rows} lignes vérifiées",
        "en": "{table}: {rows} rows checked",
    },
    "records.verify.changed": {
        "fr": "chaîne rompue : {table}, ligne {row} ne correspond plus à son empreinte "
        "(modifiée hors de Vigie)",
        "en": "chain broken: {table}, row {row} no longer matches its hash (changed outside Vigie)",
    },
    "records.verify.missing_before": {
        "fr": "chaîne rompue : {table}, une ou plusieurs lignes manquent avant la ligne {row} "
        "(supprimées)",
        "en": "chain broken: {table}, one or more rows are missing before row {row} (deleted)",
    },
    "records.verify.unsealed": {
        "fr": "chaîne rompue : {table}, la ligne {row} n'est pas scellée (ajoutée hors de Vigie)",
        "en": "chain broken: {table}, row {row} is not sealed (added outside Vigie)",
    },
    "records.verify.erased_unrecorded": {
        "fr": "chaîne rompue : {table}, la ligne {row} a été effacée sans inscription au "
        "registre de destruction",
        "en": "chain broken: {table}, row {row} was erased without an entry in the destruction log",
    },
    "records.verify.head_missing": {
        "fr": "chaîne rompue : {table}, la ligne {row}, dernière d'une sauvegarde vérifiée, "
        "manque ou a changé (lignes supprimées à la fin ?)",
        "en": "chain broken: {table}, row {row}, the last of a verified backup, is missing or "
        "changed (rows deleted at the end?)",
    },
}
