"""Service levels, the calendar's refusals and the clock's explanation of periods."""

STRINGS = {
    # Refusals of calendar values (lib.settings._check_calendar)
    "settings.error.periods_order": {
        "fr": "{day_fr} : chaque période doit finir après son début, le même jour ({periods})",
        "en": "{day_en}: each period must end after it starts, on the same day ({periods})",
    },
    "settings.error.periods_overlap": {
        "fr": "{day_fr} : des périodes se chevauchent ({periods})",
        "en": "{day_en}: periods overlap ({periods})",
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
        "fr": "Code de niveau de service invalide ou en double : « {code} » "
        "(lettres minuscules, chiffres, - et _ ; « default » est réservé)",
        "en": "invalid or repeated service level code: “{code}” "
        "(lower-case letters, digits, - and _; “default” is reserved)",
    },
    "settings.error.level_needs_name": {
        "fr": "Le niveau « {code} » doit avoir un nom en français et en anglais",
        "en": "level “{code}” needs a name in French and in English",
    },
    "settings.error.level_needs_condition": {
        "fr": "Le niveau « {code} » doit viser un indicateur, une plateforme ou un compte : "
        "le niveau par défaut prend tout le reste",
        "en": "level “{code}” must look at a flag, a platform or an account: "
        "the default level takes everything else",
    },
    "settings.error.level_unknown_condition": {
        "fr": "Le niveau « {code} » vise des valeurs inconnues : {values}",
        "en": "level “{code}” looks at unknown values: {values}",
    },
    "settings.error.level_clock": {
        "fr": "Le niveau « {code} » doit compter en heures ouvrables ou 24 h sur 24",
        "en": "level “{code}” must run on business hours or around the clock",
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
    "compliance.dim.service_level": {"fr": "niveau de service", "en": "service level"},
    "col.service_level": {"fr": "Niveau de service", "en": "Service level"},
}
