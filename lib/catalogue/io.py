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
        "fr": "La file d'attente est un instantané au {at} : la période ne s'y applique pas.",
        "en": "The queue is a snapshot at {at}: the period does not apply to it.",
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
        "fr": "Formats acceptés :\n"
        "- **CSV** de Vigie ou d'Excel : virgule ou point-virgule ; UTF-8 (avec ou sans BOM)"
        " ou Windows-1252. Colonnes obligatoires : `platform`, `external_id`, `received_at`,"
        " `text` ; facultatives : `account`, `author`, `author_handle`, `post`.\n"
        "- **Date et heure** (`received_at`) : `AAAA-MM-JJ HH:MM` en heure du Québec"
        " (ex. 2026-11-02 09:05 ou 2026-11-02 9:05), ou ISO 8601 avec décalage"
        " (ex. 2026-11-02T14:05:00Z). Une date sans heure est refusée.\n"
        "- **JSON** : commentaires de l'API Graph de Meta (Facebook, Instagram, réponses"
        " imbriquées comprises), `commentThreads` de l'API Data de YouTube, tweets de l'API X v2.",
        "en": "Accepted formats:\n"
        "- **CSV** from Vigie or Excel: comma or semicolon; UTF-8 (with or without BOM)"
        " or Windows-1252. Required columns: `platform`, `external_id`, `received_at`,"
        " `text`; optional: `account`, `author`, `author_handle`, `post`.\n"
        "- **Date and time** (`received_at`): `YYYY-MM-DD HH:MM` in Québec time"
        " (e.g. 2026-11-02 09:05 or 2026-11-02 9:05), or ISO 8601 with an offset"
        " (e.g. 2026-11-02T14:05:00Z). A date without a time is refused.\n"
        "- **JSON**: Meta Graph API comments (Facebook, Instagram, nested replies included),"
        " YouTube Data API `commentThreads`, X API v2 tweets.",
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
    "import.phase.reading": {
        "fr": "Lecture et vérification du fichier…",
        "en": "Reading and checking the file…",
    },
    "import.phase.analysing": {
        "fr": "Analyse (langue, signalements, échéance) et enregistrement :"
        " {done} commentaires sur {total}",
        "en": "Analysing (language, flags, due time) and storing: {done} of {total} comments",
    },
    "import.phase.writing": {
        "fr": "Écriture dans la base de données…",
        "en": "Writing to the database…",
    },
    "import.done": {
        "fr": "Importation terminée : {name} ({format}).",
        "en": "Import finished: {name} ({format}).",
    },
    "import.added": {"fr": "Ajoutés", "en": "Added"},
    "import.already_present": {"fr": "Déjà présents", "en": "Already present"},
    "import.already_present_help": {
        "fr": "Commentaires déjà dans Vigie (même plateforme et même identifiant), et lignes"
        " recopiées à l'identique dans le fichier : ils ne sont pas ajoutés une deuxième fois.",
        "en": "Comments already in Vigie (same platform and id), and rows copied identically"
        " within the file: they are not added a second time.",
    },
    "import.repeated": {
        "fr": "{count} lignes sont la copie exacte d'une ligne précédente du fichier :"
        " elles seront comptées comme déjà présentes.",
        "en": "{count} rows are exact copies of an earlier row of the file:"
        " they will count as already present.",
    },
    "import.ambiguous": {
        "fr": "{count} heures sans décalage tombent dans l'heure qui se répète au passage à"
        " l'heure normale (1 h à 2 h, premier dimanche de novembre) : elles sont lues comme la"
        " première des deux (heure avancée, UTC−4). Ajoutez le décalage (-05:00) pour la"
        " seconde.",
        "en": "{count} times without an offset fall in the hour that repeats when clocks fall"
        " back (1:00 to 2:00, first Sunday of November): they are read as the first of the two"
        " (daylight time, UTC−4). Add the offset (-05:00) for the second.",
    },
    "import.failed": {
        "fr": "L'importation a échoué, rien n'a été importé : {reason}",
        "en": "The import failed, nothing was imported: {reason}",
    },
    "import.locked": {
        "fr": "la base de données est occupée par une autre écriture ; réessayez dans un moment.",
        "en": "the database is busy with another write; try again in a moment.",
    },
    "import.col.line": {"fr": "Ligne", "en": "Line"},
    "import.col.external_id": {"fr": "Identifiant", "en": "ID"},
    "import.sign_in": {
        "fr": "Connectez-vous pour importer des commentaires.",
        "en": "Sign in to import comments.",
    },
}
