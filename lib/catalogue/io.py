"""Strings of the io pages: Rapports (CSV exports) and Importer."""

STRINGS: dict[str, dict[str, str]] = {
    # Rapports
    "reports.title": {"fr": "Rapports", "en": "Reports"},
    "reports.kind": {"fr": "Rapport", "en": "Report"},
    "reports.kind.queue": {"fr": "File d'attente", "en": "Queue"},
    "reports.kind.compliance": {"fr": "Conformité", "en": "Compliance"},
    "reports.kind.daily": {"fr": "Jour par jour", "en": "Day by day"},
    "reports.kind.reasons": {"fr": "Motifs de retrait", "en": "Removal reasons"},
    "reports.about.queue": {
        "fr": "Les commentaires ouverts en ce moment, les plus urgents d'abord, avec leur état.",
        "en": "The comments open right now, most urgent first, with their state.",
    },
    "reports.about.compliance": {
        "fr": "Un commentaire reçu dans la période par ligne, avec son délai de réponse"
        " en minutes ouvrables et son état.",
        "en": "One row per comment received in the period, with its response time"
        " in business minutes and its state.",
    },
    "reports.about.daily": {
        "fr": "Une ligne par jour de la période : reçus, traités, à temps, en retard"
        " et taux de conformité.",
        "en": "One row per day of the period: received, handled, on time, late"
        " and compliance rate.",
    },
    "reports.about.reasons": {
        "fr": "Une ligne par commentaire masqué ou supprimé dans la période et par motif"
        " de nétiquette.",
        "en": "One row per comment hidden or deleted in the period and per netiquette reason.",
    },
    "reports.snapshot": {
        "fr": "La file d'attente est un instantané : elle ne dépend pas d'une période.",
        "en": "The queue is a snapshot: it does not depend on a period.",
    },
    "reports.delimiter": {"fr": "Format du fichier", "en": "File format"},
    "reports.delimiter.semicolon": {
        "fr": "Point-virgule, virgule décimale (Excel en français)",
        "en": "Semicolon, decimal comma (French Excel)",
    },
    "reports.delimiter.comma": {
        "fr": "Virgule, point décimal (Excel en anglais)",
        "en": "Comma, decimal point (English Excel)",
    },
    "reports.unmask": {
        "fr": "Afficher les renseignements personnels (auteur et texte non masqués)",
        "en": "Show personal information (author and text unmasked)",
    },
    "reports.unmask_help": {
        "fr": "Réservé aux chefs d'équipe. Seul le rapport de la file d'attente contient"
        " des renseignements personnels.",
        "en": "Team leads only. Only the queue report holds personal information.",
    },
    "reports.unmasked_warning": {
        "fr": "Ce fichier contiendra des renseignements personnels : ne le diffusez pas.",
        "en": "This file will hold personal information: do not share it.",
    },
    "reports.preview": {"fr": "Aperçu", "en": "Preview"},
    "reports.rows": {
        "fr": "{count} lignes ; l'aperçu montre les {shown} premières.",
        "en": "{count} rows; the preview shows the first {shown}.",
    },
    "reports.no_rows": {
        "fr": "Aucune ligne pour cette période : le fichier n'aura que les en-têtes.",
        "en": "No rows for this period: the file will hold the headers only.",
    },
    "reports.download": {"fr": "Télécharger {name}", "en": "Download {name}"},
    "reports.sign_in": {
        "fr": "Connectez-vous pour exporter des rapports.",
        "en": "Sign in to export reports.",
    },
    # Import
    "import.title": {"fr": "Importer des commentaires", "en": "Import comments"},
    "import.recent": {"fr": "Derniers commentaires reçus", "en": "Latest comments received"},
    "import.file": {"fr": "Fichier de commentaires", "en": "Comment file"},
    "import.file_help": {
        "fr": "CSV de Vigie ou d'Excel (virgule ou point-virgule), ou JSON des API de Meta"
        " (Facebook, Instagram), YouTube ou X.",
        "en": "Vigie's or Excel's CSV (comma or semicolon), or JSON from the Meta (Facebook,"
        " Instagram), YouTube or X APIs.",
    },
    "import.format": {"fr": "Format", "en": "Format"},
    "import.format.auto": {"fr": "Détection automatique", "en": "Detect automatically"},
    "import.format.csv": {"fr": "CSV (Vigie, Excel)", "en": "CSV (Vigie, Excel)"},
    "import.format.facebook": {
        "fr": "Facebook (API Graph de Meta)",
        "en": "Facebook (Meta Graph API)",
    },
    "import.format.instagram": {
        "fr": "Instagram (API Graph de Meta)",
        "en": "Instagram (Meta Graph API)",
    },
    "import.format.youtube": {
        "fr": "YouTube (API Data, commentThreads)",
        "en": "YouTube (Data API, commentThreads)",
    },
    "import.format.x": {"fr": "X (API v2)", "en": "X (API v2)"},
    "import.choose": {
        "fr": "Choisissez un fichier : vous verrez un aperçu avant que rien ne soit importé.",
        "en": "Choose a file: you will see a preview before anything is imported.",
    },
    "import.detected": {
        "fr": "{count} commentaires lus, format « {format} ».",
        "en": "{count} comments read, format “{format}”.",
    },
    "import.preview": {
        "fr": "Aperçu des {shown} premières lignes",
        "en": "Preview of the first {shown} rows",
    },
    "import.refused": {
        "fr": "Fichier refusé, rien n'a été importé. {reason}",
        "en": "File refused, nothing was imported. {reason}",
    },
    "import.empty": {
        "fr": "Aucun commentaire trouvé dans ce fichier en le lisant au format « {format} » :"
        " vérifiez le format choisi.",
        "en": "No comment found in this file when read as “{format}”: check the chosen format.",
    },
    "import.run": {"fr": "Importer", "en": "Import"},
    "import.progress": {
        "fr": "{done} commentaires sur {total} enregistrés",
        "en": "{done} of {total} comments stored",
    },
    "import.done": {"fr": "Importation terminée.", "en": "Import finished."},
    "import.added": {"fr": "Ajoutés", "en": "Added"},
    "import.already_present": {"fr": "Déjà présents", "en": "Already present"},
    "import.refused_count": {"fr": "Refusés", "en": "Refused"},
    "import.col.line": {"fr": "Ligne", "en": "Line"},
    "import.col.external_id": {"fr": "Identifiant", "en": "ID"},
    "import.sign_in": {
        "fr": "Connectez-vous pour importer des commentaires.",
        "en": "Sign in to import comments.",
    },
}
