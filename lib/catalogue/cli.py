"""Strings of the command line (`python -m lib`): refusals, prompts and one-line summaries.

Refusals and prompts are printed in French, then English; summaries in French, the
working language.
"""

STRINGS: dict[str, dict[str, str]] = {
    # Refusals (lib.cli.CommandError)
    "cli.error.database": {
        "fr": "base de données {path} : {error}",
        "en": "database {path}: {error}",
    },
    "cli.error.unreadable_now": {
        "fr": "--now illisible : {text}",
        "en": "--now unreadable: {text}",
    },
    "cli.error.database_not_found": {
        "fr": "base de données introuvable : {path} "
        "(`python -m lib demo --db FICHIER` en crée une)",
        "en": "database not found: {path} (`python -m lib demo --db FILE` creates one)",
    },
    "cli.error.not_sqlite": {
        "fr": "{path} n'est pas une base de données SQLite ({error})",
        "en": "{path} is not an SQLite database ({error})",
    },
    "cli.error.not_vigie": {
        "fr": "{path} n'est pas une base de données Vigie (pas de table comments)",
        "en": "{path} is not a Vigie database (no comments table)",
    },
    "cli.error.needs_lead": {"fr": "{flag} demande --as CHEF", "en": "{flag} needs --as LEAD"},
    "cli.error.password_needed": {
        "fr": "{flag} --as {actor} : mot de passe requis, lancez depuis un terminal ou "
        "définissez {variable}",
        "en": "{flag} --as {actor}: password needed, run in a terminal or set {variable}",
    },
    "cli.error.refused": {"fr": "{reason}", "en": "{reason}"},
    "cli.error.file_not_found": {
        "fr": "fichier introuvable : {path}",
        "en": "file not found: {path}",
    },
    "cli.error.import_refused": {
        "fr": "{reason} Rien n'a été importé.",
        "en": "{reason} Nothing was imported.",
    },
    "cli.error.snapshot_has_no_range": {
        "fr": "--from/--to ne s'appliquent pas à {kind}, un instantané à --now",
        "en": "--from/--to do not apply to {kind}, a snapshot at --now",
    },
    "cli.error.range_reversed": {
        "fr": "--from {start} est après --to {end}",
        "en": "--from {start} is after --to {end}",
    },
    "cli.error.cannot_write": {
        "fr": "écriture impossible : {path} ({reason})",
        "en": "cannot write {path} ({reason})",
    },
    "cli.error.has_password": {
        "fr": "{username} a déjà un mot de passe : le remplacer demande --as CHEF",
        "en": "{username} already has a password: replacing it needs --as LEAD",
    },
    "cli.error.passwords_differ": {
        "fr": "les mots de passe diffèrent",
        "en": "the passwords differ",
    },
    # The demo's refusals (lib.demo.DemoError)
    "demo.error.rows_not_positive": {
        "fr": "--rows doit être un entier positif",
        "en": "--rows must be positive",
    },
    "demo.error.days_not_positive": {
        "fr": "--days doit être un entier positif",
        "en": "--days must be positive",
    },
    "cli.progress.demo": {
        "fr": "démo : {done} commentaires sur {total} ({seconds} s)",
        "en": "demo: {done} of {total} comments ({seconds} s)",
    },
    "demo.error.database_not_empty": {
        "fr": "La base contient déjà des commentaires ; choisissez un nouveau fichier avec --db.",
        "en": "The database already holds comments; choose a new file with --db.",
    },
    # Prompts
    "cli.prompt.lead_password": {"fr": "Mot de passe de {actor}", "en": "Password for {actor}"},
    "cli.prompt.new_password": {"fr": "Nouveau mot de passe", "en": "New password"},
    "cli.prompt.again": {"fr": "Encore", "en": "Again"},
    # Summaries
    "cli.done.demo": {
        "fr": "demo: {comments} commentaires, {actions} actions, {users} personnes dans {path} "
        "({seconds} s)",
        "en": "demo: {comments} comments, {actions} actions, {users} people in {path} "
        "({seconds} s)",
    },
    "cli.done.import": {
        "fr": "import: {added} ajoutés, {present} déjà présents ({format}, {name}){ambiguous}",
        "en": "import: {added} added, {present} already present ({format}, {name}){ambiguous}",
    },
    "cli.done.ambiguous": {
        "fr": "; {count} heures ambiguës (recul de l'heure) lues en heure avancée",
        "en": "; {count} ambiguous fall-back times read as daylight time",
    },
    "cli.done.export": {
        "fr": "export {kind}: {path} ({size} octets, {when}{masked})",
        "en": "export {kind}: {path} ({size} bytes, {when}{masked})",
    },
    "cli.done.snapshot": {"fr": "instantané du {at}", "en": "snapshot at {at}"},
    "cli.done.unmasked": {"fr": ", NON MASQUÉ", "en": ", UNMASKED"},
    "cli.done.password": {
        "fr": "mot de passe enregistré : {username}",
        "en": "password set: {username}",
    },
}
