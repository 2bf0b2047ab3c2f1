"""Strings of Paramètres' calendar tabs (calendar.*): hours by period, dated changes,
exceptional openings, named closures and the import of an iCalendar file."""

STRINGS: dict[str, dict[str, str]] = {
    # Weekdays, short, for a schedule's summary ("lun.–jeu. 8 h–12 h")
    "calendar.day_short.0": {"fr": "lun.", "en": "Mon"},
    "calendar.day_short.1": {"fr": "mar.", "en": "Tue"},
    "calendar.day_short.2": {"fr": "mer.", "en": "Wed"},
    "calendar.day_short.3": {"fr": "jeu.", "en": "Thu"},
    "calendar.day_short.4": {"fr": "ven.", "en": "Fri"},
    "calendar.day_short.5": {"fr": "sam.", "en": "Sat"},
    "calendar.day_short.6": {"fr": "dim.", "en": "Sun"},
    "calendar.closed": {"fr": "fermé", "en": "closed"},
    "calendar.always_closed": {"fr": "fermé toute la semaine", "en": "closed all week"},
    # Periods typed in a text box
    "calendar.periods.help": {
        "fr": "Une ou plusieurs périodes séparées par des virgules, par exemple "
        "« 8 h 30 – 12 h, 13 h – 16 h 30 ». Vide : fermé.",
        "en": "One or more periods separated by commas, for example "
        "“8:30 – 12:00, 13:00 – 16:30”. Empty: closed.",
    },
    "calendar.periods.unreadable": {
        "fr": "{field} : « {typed} » ne se lit pas comme des périodes (par exemple "
        "« 8 h 30 – 12 h, 13 h – 16 h 30 »).",
        "en": "{field}: “{typed}” does not read as periods (for example "
        "“8:30 – 12:00, 13:00 – 16:30”).",
    },
    "calendar.periods.empty": {
        "fr": "{field} : indiquez au moins une période.",
        "en": "{field}: give at least one period.",
    },
    # Weekly hours
    "calendar.weekly.title": {"fr": "Heures d'ouverture", "en": "Opening hours"},
    "calendar.weekly.help": {
        "fr": "Pour chaque jour, ses périodes d'ouverture : deux périodes ferment le midi. "
        "Un jour laissé vide est fermé.",
        "en": "For each day, its opening periods: two periods close over lunch. "
        "A day left empty is closed.",
    },
    "calendar.targets.title": {"fr": "Cibles", "en": "Targets"},
    # Dated schedule changes
    "calendar.changes.title": {"fr": "Changements d'horaire datés", "en": "Dated schedule changes"},
    "calendar.changes.help": {
        "fr": "Chaque horaire s'applique à partir de sa date jusqu'au changement suivant.",
        "en": "Each schedule applies from its date until the next change.",
    },
    "calendar.changes.none": {
        "fr": "Aucun changement prévu : les heures d'ouverture ci-dessus valent toute l'année.",
        "en": "No change planned: the opening hours above apply all year.",
    },
    "calendar.changes.summer": {
        "fr": "Ajouter l'horaire d'été {year}",
        "en": "Add the {year} summer hours",
    },
    "calendar.changes.add": {
        "fr": "Ajouter un changement d'horaire",
        "en": "Add a schedule change",
    },
    "calendar.changes.name_fr": {"fr": "Nom en français", "en": "Name in French"},
    "calendar.changes.name_en": {"fr": "Nom en anglais", "en": "Name in English"},
    "calendar.changes.add_button": {"fr": "Ajouter ce changement", "en": "Add this change"},
    "calendar.changes.remove": {"fr": "Changements à retirer", "en": "Changes to remove"},
    "calendar.changes.remove_button": {
        "fr": "Retirer ces changements",
        "en": "Remove these changes",
    },
    "calendar.changes.needs_date_and_name": {
        "fr": "Indiquez la date et un nom en français et en anglais.",
        "en": "Give the date and a name in French and in English.",
    },
    # Exceptional openings
    "calendar.openings.title": {"fr": "Ouvertures exceptionnelles", "en": "Exceptional openings"},
    "calendar.openings.help": {
        "fr": "Un jour ouvert hors de l'horaire (une urgence, un samedi, même un jour férié) : "
        "ses périodes remplacent celles de ce jour.",
        "en": "A day open outside the schedule (an emergency, a Saturday, even a holiday): "
        "its periods replace that day's.",
    },
    "calendar.openings.none": {
        "fr": "Aucune ouverture exceptionnelle.",
        "en": "No exceptional opening.",
    },
    "calendar.openings.periods": {"fr": "Périodes d'ouverture", "en": "Opening periods"},
    "calendar.openings.add_button": {"fr": "Ajouter cette ouverture", "en": "Add this opening"},
    "calendar.openings.needs_date": {"fr": "Choisissez la date.", "en": "Choose the date."},
    "calendar.openings.remove": {"fr": "Ouvertures à retirer", "en": "Openings to remove"},
    "calendar.openings.remove_button": {
        "fr": "Retirer ces ouvertures",
        "en": "Remove these openings",
    },
    # Columns
    "calendar.column.date": {"fr": "Date", "en": "Date"},
    "calendar.column.from": {"fr": "À partir du", "en": "From"},
    "calendar.column.name": {"fr": "Nom", "en": "Name"},
    "calendar.column.schedule": {"fr": "Horaire", "en": "Schedule"},
    "calendar.column.periods": {"fr": "Périodes", "en": "Periods"},
    "calendar.column.status": {"fr": "Dans Vigie", "en": "In Vigie"},
    # Named closures
    "calendar.closure_name": {"fr": "Nom (facultatif)", "en": "Name (optional)"},
    # Import of an iCalendar file
    "calendar.import.title": {
        "fr": "Importer les fermetures d'un calendrier (.ics)",
        "en": "Import closures from a calendar (.ics)",
    },
    "calendar.import.help": {
        "fr": "Dans Outlook, enregistrez le calendrier des fermetures au format iCalendar "
        "(Fichier › Enregistrer le calendrier). Chaque événement d'une journée entière "
        "devient un jour fermé, nommé par son objet ; un événement à une heure précise "
        "n'en devient jamais un, même s'il couvre toute la journée de bureau. Rien n'est "
        "enregistré avant que vous ayez vu la liste.",
        "en": "In Outlook, save the closures calendar in iCalendar format (File › Save "
        "Calendar). Each all-day event becomes a closed day, named by its subject; an event "
        "at a set time never does, even one covering the whole office day. Nothing is saved "
        "before you have seen the list.",
    },
    "calendar.import.file": {"fr": "Fichier .ics", "en": ".ics file"},
    "calendar.import.found": {
        "fr": "{count} jours fermés du {first} au {last} :",
        "en": "{count} closed days from {first} to {last}:",
    },
    "calendar.import.found_one": {
        "fr": "1 jour fermé du {first} au {last} :",
        "en": "1 closed day from {first} to {last}:",
    },
    "calendar.import.status.new": {"fr": "À ajouter", "en": "To add"},
    "calendar.import.status.closed": {"fr": "Déjà fermé", "en": "Already closed"},
    "calendar.import.status.holiday": {
        "fr": "Jour férié : {name}",
        "en": "Public holiday: {name}",
    },
    "calendar.import.save": {"fr": "Enregistrer ces fermetures", "en": "Save these closures"},
    "calendar.import.nothing_new": {
        "fr": "Tous ces jours sont déjà fermés dans Vigie : rien à ajouter.",
        "en": "All these days are already closed in Vigie: nothing to add.",
    },
    "calendar.import.skipped": {
        "fr": "Événements laissés de côté :",
        "en": "Events left aside:",
    },
    "calendar.import.skipped_line": {"fr": "{name} ({day}) : {why}", "en": "{name} ({day}): {why}"},
    "calendar.import.why.timed": {
        "fr": "à une heure précise, ce n'est pas une journée fermée",
        "en": "at a set time, not a closed day",
    },
    "calendar.import.why.cancelled": {"fr": "annulé", "en": "cancelled"},
    "calendar.import.why.too_often": {
        "fr": "se répète plus d'une fois par jour",
        "en": "repeats more than once a day",
    },
    "calendar.import.why.no_start": {"fr": "sans date de début", "en": "no start date"},
    "calendar.import.no_name": {"fr": "(sans objet)", "en": "(no subject)"},
    "calendar.import.outside": {
        "fr": "{count} jours hors de cette période ne sont pas repris.",
        "en": "{count} days outside this period are left out.",
    },
    "calendar.import.error.too_big": {
        "fr": "Ce fichier dépasse {limit} Mo : exportez seulement le calendrier des "
        "fermetures, sur un an ou deux.",
        "en": "This file is over {limit} MB: export only the closures calendar, over a year "
        "or two.",
    },
    "calendar.import.error.not_icalendar": {
        "fr": "Ce fichier n'est pas un calendrier iCalendar lisible : enregistrez-le de "
        "nouveau depuis Outlook au format iCalendar (.ics).",
        "en": "This file is not a readable iCalendar calendar: save it again from Outlook "
        "in iCalendar format (.ics).",
    },
    "calendar.import.error.no_all_day_event": {
        "fr": "Ce calendrier ne contient aucun événement d'une journée entière, donc aucun "
        "jour fermé ({skipped} autres événements).",
        "en": "This calendar holds no all-day event, so no closed day ({skipped} other events).",
    },
    "calendar.import.error.too_many": {
        "fr": "Ce calendrier donne plus de {limit} jours fermés : exportez seulement le "
        "calendrier des fermetures.",
        "en": "This calendar gives more than {limit} closed days: export only the closures "
        "calendar.",
    },
}
