"""Service levels, the calendar's refusals and the clock's explanation of periods."""

STRINGS = {
    # Refusals of calendar values (lib.settings._check_calendar)
    "settings.error.periods_order": {
        "fr": "{day} : chaque période doit finir après son début, le même jour ({periods})",
        "en": "{day}: each period must end after it starts, on the same day ({periods})",
    },
    "settings.error.periods_overlap": {
        "fr": "{day} : des périodes se chevauchent ({periods})",
        "en": "{day}: periods overlap ({periods})",
    },
    "settings.error.closed_week": {
        "fr": "Un horaire doit ouvrir au moins une période dans la semaine",
        "en": "a schedule must open at least one period in the week",
    },
    "settings.error.change_needs_name": {
        "fr": "Nommez chaque changement d'horaire (par exemple « Horaire d'été »)",
        "en": "name each schedule change (for example “Summer hours”)",
    },
    # Refusals of service levels (lib.settings._check_service_levels)
    "settings.error.level_code": {
        "fr": "Code de niveau de service invalide ou en double : « {level} » "
        "(lettres minuscules, chiffres, - et _ ; « default » est réservé)",
        "en": "invalid or repeated service level code: “{level}” "
        "(lower-case letters, digits, - and _; “default” is reserved)",
    },
    "settings.error.level_needs_name": {
        "fr": "Le niveau « {level} » doit avoir un nom en français et en anglais",
        "en": "level “{level}” needs a name in French and in English",
    },
    "settings.error.level_needs_condition": {
        "fr": "Le niveau « {level} » doit viser un indicateur, une plateforme ou un compte : "
        "le niveau par défaut prend tout le reste",
        "en": "level “{level}” must look at a flag, a platform or an account: "
        "the default level takes everything else",
    },
    "settings.error.level_unknown_condition": {
        "fr": "Le niveau « {level} » vise des valeurs inconnues : {values}",
        "en": "level “{level}” looks at unknown values: {values}",
    },
    "settings.error.level_clock": {
        "fr": "Le niveau « {level} » doit compter en heures ouvrables ou 24 h sur 24",
        "en": "level “{level}” must run on business hours or around the clock",
    },
    # The clock's explanation (lib.compliance.explain_clock)
    "clock.around_the_clock": {
        "fr": "reçu {received} → échéance {due}, 24 h sur 24 (niveau « {level} »)",
        "en": "received {received} → due {due}, around the clock (level “{level}”)",
    },
    "clock.closed_between": {"fr": "fermé de {start} à {end}", "en": "closed {start} to {end}"},
    "clock.schedule": {"fr": "{name} en vigueur", "en": "{name} in force"},
    "clock.opening": {
        "fr": "ouverture exceptionnelle {day}, {periods}",
        "en": "exceptional opening {day}, {periods}",
    },
    "clock.version": {
        "fr": "Échéance calculée au niveau « {level} » selon le calendrier {version}",
        "en": "Due time computed on level “{level}” under calendar {version}",
    },
    "clock.version_default": {"fr": "par défaut", "en": "of the defaults"},
    "clock.version_of": {
        "fr": "modifié le {date} par {actor} (version {number})",
        "en": "changed on {date} by {actor} (version {number})",
    },
    # Service levels, where the lead pages and exports name them
    "today.by_level": {"fr": "Par niveau de service", "en": "By service level"},
    "compliance.dim.service_level": {"fr": "niveau de service", "en": "service level"},
    "col.service_level": {"fr": "Niveau de service", "en": "Service level"},
    # Paramètres › Niveaux de service (lib/ui/service_levels.py)
    "settings.tab.levels": {"fr": "Niveaux de service", "en": "Service levels"},
    "levels.help": {
        "fr": "Le premier niveau qu'un commentaire remplit à son arrivée fixe sa cible ; "
        "le niveau par défaut (Horaire et cibles) prend tout le reste. Un changement "
        "recalcule le niveau et l'échéance des commentaires ouverts.",
        "en": "The first level a comment meets when it arrives sets its target; the "
        "default level (Hours and targets) takes everything else. A change recomputes "
        "the level and due time of open comments.",
    },
    "levels.add_urgent": {
        "fr": "Ajouter le niveau Urgence (menaces et détresse, 1 h, 24 h sur 24)",
        "en": "Add the Emergency level (threats and distress, 1 h, around the clock)",
    },
    "levels.pick": {"fr": "Niveau à modifier", "en": "Level to edit"},
    "levels.new": {"fr": "Nouveau niveau", "en": "New level"},
    "levels.code": {"fr": "Code (dans les exports)", "en": "Code (in exports)"},
    "levels.name": {"fr": "Niveau", "en": "Level"},
    "levels.name_fr": {"fr": "Nom en français", "en": "Name in French"},
    "levels.name_en": {"fr": "Nom en anglais", "en": "Name in English"},
    "levels.flags": {"fr": "Indicateurs (l'un ou l'autre)", "en": "Flags (any of them)"},
    "levels.platforms": {"fr": "Plateformes (l'une ou l'autre)", "en": "Platforms (any of them)"},
    "levels.accounts": {"fr": "Comptes (l'un ou l'autre)", "en": "Accounts (any of them)"},
    "levels.any": {"fr": "Aucune condition de ce genre", "en": "No condition of this kind"},
    "levels.accounts_help": {
        "fr": "Noms des comptes, séparés par des virgules",
        "en": "Account names, separated by commas",
    },
    "levels.target": {"fr": "Cible (heures)", "en": "Target (hours)"},
    "levels.clock": {"fr": "Horloge", "en": "Clock"},
    "levels.clock.business": {"fr": "Heures ouvrables", "en": "Business hours"},
    "levels.clock.continuous": {"fr": "24 h sur 24", "en": "Around the clock"},
    "levels.alerting": {"fr": "Alerte", "en": "Alert"},
    "levels.save": {"fr": "Enregistrer le niveau", "en": "Save the level"},
    "levels.move_up": {"fr": "Monter d'un rang", "en": "Move up"},
    "levels.remove": {"fr": "Retirer ce niveau", "en": "Remove this level"},
    "levels.order": {"fr": "Ordre", "en": "Order"},
    "levels.when": {"fr": "Condition", "en": "Condition"},
    "levels.everything_else": {"fr": "Tout le reste", "en": "Everything else"},
}
