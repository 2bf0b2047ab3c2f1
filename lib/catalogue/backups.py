"""Words of backups: `python -m lib backup`, and the last good backup a lead sees."""

STRINGS = {
    "backups.last_good": {
        "fr": "Dernière sauvegarde vérifiée : {at} (heure du Québec).",
        "en": "Last verified backup: {at} (Québec time).",
    },
    "backups.none_yet": {
        "fr": "Aucune sauvegarde vérifiée pour l'instant : `python -m lib backup --to FICHIER` "
        "en fait une.",
        "en": "No verified backup yet: `python -m lib backup --to FILE` makes one.",
    },
    "backups.done": {
        "fr": "backup: {path} ({size} octets, {rows} lignes d'historique vérifiées)",
        "en": "backup: {path} ({size} bytes, {rows} history rows verified)",
    },
    "backups.error.no_source": {
        "fr": "base de données introuvable : {path}",
        "en": "database not found: {path}",
    },
    "backups.error.same_file": {
        "fr": "{path} est la base de données elle-même : une sauvegarde va dans un autre fichier",
        "en": "{path} is the database itself: a backup goes into another file",
    },
    "backups.error.no_folder": {
        "fr": "le dossier de {path} n'existe pas : rien n'a été copié",
        "en": "the folder of {path} does not exist: nothing was copied",
    },
    "backups.error.target_is_folder": {
        "fr": "{path} est un dossier : donnez le nom du fichier de sauvegarde",
        "en": "{path} is a folder: give the backup file's name",
    },
    "backups.error.target_exists": {
        "fr": "{path} existe déjà : rien n'a été copié (--force le remplace)",
        "en": "{path} already exists: nothing was copied (--force replaces it)",
    },
    "backups.error.copy_failed": {
        "fr": "la copie vers {path} a échoué ({reason}) : aucun fichier n'a été laissé",
        "en": "the copy to {path} failed ({reason}): no file was left behind",
    },
    "backups.error.damaged": {
        "fr": "la copie ne passe pas le contrôle d'intégrité de SQLite ({reason}) : "
        "aucun fichier n'a été laissé",
        "en": "the copy fails SQLite's integrity check ({reason}): no file was left behind",
    },
    "backups.error.chain_broken": {
        "fr": "l'historique de la base ne se vérifie pas ({problem}) : aucun fichier n'a été "
        "laissé ; `python -m lib verify` en dit plus",
        "en": "the database's history does not verify ({problem}): no file was left behind; "
        "`python -m lib verify` tells more",
    },
}
