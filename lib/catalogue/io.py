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
    "import.size_limit": {
        "fr": "Taille maximale : {megabytes} Mo par fichier ({json_megabytes} Mo pour un"
        " JSON). Un fichier plus gros se découpe en plusieurs (par exemple un par mois),"
        " importés l'un après l'autre.",
        "en": "Maximum size: {megabytes} MB per file ({json_megabytes} MB for a JSON file)."
        " Split a larger file into several (for example one per month) and import them one"
        " after the other.",
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
        "fr": "Analyse (langue, signalements, échéance) : {done} commentaires sur {total}",
        "en": "Analysing (language, flags, due time): {done} of {total} comments",
    },
    "import.phase.writing": {
        "fr": "Écriture dans la base de données : {done} commentaires sur {total}",
        "en": "Writing to the database: {done} of {total} comments",
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
    # Why a file is refused (lib.importers.BadImportFile.code), and where
    "import.where.line": {"fr": "Ligne {line}", "en": "Line {line}"},
    "import.where.field": {"fr": "champ « {field} »", "en": "field '{field}'"},
    "import.where.line_field": {
        "fr": "Ligne {line}, champ « {field} »",
        "en": "Line {line}, field '{field}'",
    },
    "import.where.reason": {"fr": "{where} : {reason}", "en": "{where}: {reason}"},
    "import.where.earlier_line": {"fr": "à la ligne {line}", "en": "on line {line}"},
    "import.where.above": {"fr": "plus haut", "en": "above"},
    "import.error.empty_file": {
        "fr": "le fichier {filename} est vide.",
        "en": "the file {filename} is empty.",
    },
    "import.error.excel_workbook": {
        "fr": "c'est un classeur Excel : enregistrez-le en « CSV UTF-8 » puis importez ce fichier.",
        "en": "this is an Excel workbook: save it as 'CSV UTF-8' and import that file.",
    },
    "import.error.invalid_utf16": {
        "fr": "le fichier annonce l'UTF-16 mais contient un caractère invalide ;"
        " enregistrez-le en « CSV UTF-8 ».",
        "en": "the file announces UTF-16 but holds an invalid character; save it as 'CSV UTF-8'.",
    },
    "import.error.mixed_encoding": {
        "fr": "encodage mélangé : le fichier est en UTF-8 mais contient un caractère invalide ;"
        " enregistrez-le de nouveau en « CSV UTF-8 ».",
        "en": "mixed encoding: the file is UTF-8 but holds an invalid character;"
        " save it again as 'CSV UTF-8'.",
    },
    "import.error.unknown_encoding": {
        "fr": "encodage non reconnu : enregistrez le fichier en « CSV UTF-8 ».",
        "en": "unrecognised encoding: save the file as 'CSV UTF-8'.",
    },
    "import.error.malformed_csv": {
        "fr": "CSV mal formé ({detail}).",
        "en": "malformed CSV ({detail}).",
    },
    "import.error.wrong_cell_count": {
        "fr": "{count} cellules au lieu de {width} : un texte contenant le séparateur"
        " ou un saut de ligne doit être entre guillemets.",
        "en": "{count} cells instead of {width}: text containing the separator"
        " or a line break must be quoted.",
    },
    "import.error.missing_column": {
        "fr": "colonne obligatoire absente de l'en-tête (attendu au moins : {expected}).",
        "en": "required column missing from the header (expected at least: {expected}).",
    },
    "import.error.repeated_column": {
        "fr": "colonne présente deux fois dans l'en-tête.",
        "en": "column appears twice in the header.",
    },
    "import.error.json_not_utf8": {
        "fr": "le JSON doit être en UTF-8.",
        "en": "JSON must be UTF-8.",
    },
    "import.error.json_too_large": {
        "fr": "fichier JSON de plus de {megabytes} Mo : importez-le en plusieurs fichiers"
        " (une page de l'API par fichier) ou en CSV, qui peut aller jusqu'à la taille"
        " maximale.",
        "en": "JSON file over {megabytes} MB: import it as several files (one page of the"
        " API per file) or as CSV, which may go up to the maximum size.",
    },
    "import.error.invalid_json": {
        "fr": "JSON invalide ({detail}, colonne {column}).",
        "en": "invalid JSON ({detail}, column {column}).",
    },
    "import.error.json_too_deep": {"fr": "JSON trop imbriqué.", "en": "JSON nested too deeply."},
    "import.error.number_too_long": {
        "fr": "nombre de plus de {digits} chiffres : aucune API n'en produit, le fichier est"
        " abîmé.",
        "en": "number of more than {digits} digits: no API writes one, the file is damaged.",
    },
    "import.error.unknown_json_format": {
        "fr": "format JSON non reconnu ; formats essayés : {tried}. Si le fichier vient bien"
        " de l'une de ces API, choisissez son format (liste « Format », ou --format"
        " facebook|instagram|youtube|x) : le message dira quel champ manque.",
        "en": "unrecognised JSON; formats tried: {tried}. If the file does come from one of"
        " these APIs, choose its format (the Format list, or --format"
        " facebook|instagram|youtube|x): the message will say which field is missing.",
    },
    "import.error.json_not_object": {
        "fr": "le JSON doit être un objet.",
        "en": "the JSON must be an object.",
    },
    "import.error.list_expected": {"fr": "une liste est attendue.", "en": "a list is expected."},
    "import.error.bad_replies": {
        "fr": "les réponses doivent être un objet {expected}.",
        "en": "replies must be an object {expected}.",
    },
    "import.error.missing_field": {
        "fr": "champ obligatoire absent.",
        "en": "required field missing.",
    },
    "import.error.text_expected": {
        "fr": "du texte est attendu ici.",
        "en": "text is expected here.",
    },
    "import.error.missing_object": {
        "fr": "objet obligatoire absent.",
        "en": "required object missing.",
    },
    "import.error.unknown_platform": {
        "fr": "plateforme « {value} » inconnue (attendu : {known}).",
        "en": "unknown platform '{value}' (expected: {known}).",
    },
    "import.error.missing_id": {
        "fr": "l'identifiant du commentaire est vide.",
        "en": "the comment id is empty.",
    },
    "import.error.scientific_id": {
        "fr": "identifiant « {value} » abîmé par Excel (notation scientifique) :"
        " mettez la colonne au format Texte avant d'enregistrer.",
        "en": "id '{value}' was turned into scientific notation by Excel:"
        " format the column as Text before saving.",
    },
    "import.error.bad_instant": {
        "fr": "date et heure « {value} » illisibles (attendu : AAAA-MM-JJ HH:MM,"
        " heure du Québec, ou ISO 8601 avec décalage, ex. 2026-11-02T14:03:00Z).",
        "en": "unreadable date and time '{value}' (expected: YYYY-MM-DD HH:MM,"
        " Québec time, or ISO 8601 with an offset, e.g. 2026-11-02T14:03:00Z).",
    },
    "import.error.date_without_time": {
        "fr": "« {value} » est une date sans heure : l'heure de réception est nécessaire"
        " (AAAA-MM-JJ HH:MM, heure du Québec). Dans Excel, donnez à la colonne le format"
        " personnalisé aaaa-mm-jj hh:mm avant d'enregistrer.",
        "en": "'{value}' is a date without a time: the time received is needed"
        " (YYYY-MM-DD HH:MM, Québec time). In Excel, give the column the custom format"
        " yyyy-mm-dd hh:mm before saving.",
    },
    "import.error.nonexistent_instant": {
        "fr": "l'heure « {value} » n'existe pas au Québec (passage à l'heure avancée) :"
        " corrigez-la ou ajoutez le décalage UTC.",
        "en": "the time '{value}' does not exist in Québec (clocks spring forward):"
        " correct it or add the UTC offset.",
    },
    "import.error.future_instant": {
        "fr": "date et heure « {value} » dans le futur, plus de {minutes} minutes après"
        " l'heure du serveur : vérifiez le fuseau horaire (ou le décalage UTC) et l'horloge"
        " de l'ordinateur qui a produit le fichier.",
        "en": "date and time '{value}' in the future, more than {minutes} minutes after"
        " the server's clock: check the time zone (or the UTC offset) and the clock of the"
        " computer that produced the file.",
    },
    "import.error.value_too_long": {
        "fr": "valeur de plus de {limit} caractères : aucune plateforme ne permet un"
        " commentaire aussi long.",
        "en": "value of more than {limit} characters: no platform allows a comment that long.",
    },
    "import.error.invalid_character": {
        "fr": "caractère invalide (demi-paire de substitution UTF-16).",
        "en": "invalid character (lone UTF-16 surrogate).",
    },
    "import.error.duplicate_id": {
        "fr": "identifiant « {external_id} » en double dans le fichier (déjà {earlier})"
        " avec un autre contenu (« {source} » diffère) : gardez une seule version.",
        "en": "duplicate id '{external_id}' in the file (already {earlier}) with other"
        " content ('{source}' differs): keep one version.",
    },
}
