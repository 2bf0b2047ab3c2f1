"""Aujourd'hui: the hourly chart, the cards' changes and what they count."""

STRINGS: dict[str, dict[str, str]] = {
    "today2.no_change": {"fr": "Aucun changement", "en": "No change"},
    "today2.on_time_counts": {
        "fr": "« {on_time} » ne compte que les commentaires reçus ce jour-là ; les retards "
        "des jours précédents sont dans « {overdue} ».",
        "en": "“{on_time}” counts only the comments received that day; overdue comments "
        "from earlier days are in “{overdue}”.",
    },
    "today2.hover_hour": {"fr": "%{x} h", "en": "%{x}:00"},
    "today2.no_arrivals": {
        "fr": "Aucun commentaire reçu ce jour-là ni le jour ouvrable précédent : rien à "
        "tracer. Reculez d'un jour ouvrable ou choisissez un autre jour.",
        "en": "No comment arrived that day nor on the previous business day: nothing to "
        "chart. Step back a business day or pick another day.",
    },
    "today2.before_first": {
        "fr": "Le premier commentaire de la base date du {first}.",
        "en": "The first comment in the database is from {first}.",
    },
    "today2.no_platform": {
        "fr": "Aucun commentaire reçu ce jour-là : pas de répartition par plateforme.",
        "en": "No comment arrived that day: no breakdown by platform.",
    },
    "today2.no_moderator": {
        "fr": "Personne n'a encore traité de commentaire reçu ce jour-là.",
        "en": "Nobody has handled a comment received that day yet.",
    },
    "today2.needs_lead_one": {
        "fr": "1 commentaire en retard ou en attente d'approbation.",
        "en": "1 comment overdue or awaiting approval.",
    },
    "today2.needs_lead_many": {
        "fr": "{count} commentaires en retard ou en attente d'approbation.",
        "en": "{count} comments overdue or awaiting approval.",
    },
    "today2.needs_lead_shown": {
        "fr": "Les {shown} plus en retard ci-dessous, tous dans la file d'attente.",
        "en": "The {shown} most overdue below, all of them in the queue.",
    },
}
