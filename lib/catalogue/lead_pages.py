"""Conformité, Motifs, Rapports and Importer: empty ranges, numbers and their explanations."""

STRINGS: dict[str, dict[str, str]] = {
    # A range that holds nothing (lib.ui.empty.nothing_in_range).
    "leadpages.empty_range.title": {
        "fr": "Rien du {start} au {end}",
        "en": "Nothing from {start} to {end}",
    },
    "leadpages.empty_range.title_day": {"fr": "Rien le {day}", "en": "Nothing on {day}"},
    "leadpages.empty_range.compliance": {
        "fr": "Aucun commentaire n'a été reçu dans cette période : il n'y a pas de délai "
        "de réponse à mesurer.",
        "en": "No comment was received in this period: there is no response time to measure.",
    },
    "leadpages.empty_range.reasons": {
        "fr": "Aucun commentaire reçu, retiré, redirigé ou soumis pour approbation dans "
        "cette période.",
        "en": "No comment was received, removed, redirected or submitted for approval in "
        "this period.",
    },
    "leadpages.empty_range.reports": {
        "fr": "Aucune ligne dans cette période : le fichier n'aurait que les en-têtes.",
        "en": "No rows in this period: the file would hold the headers only.",
    },
    "leadpages.empty_range.what_to_do": {
        "fr": "Choisissez une période plus large (« 30 jours », « Ce trimestre ») ou "
        "d'autres dates. Des commentaires manquent ? Importez-les d'abord.",
        "en": "Pick a wider period (“30 days”, “This quarter”) or other dates. "
        "Comments missing? Import them first.",
    },
    # A chart whose table has no row, in a range that holds comments.
    "leadpages.chart_empty": {
        "fr": "{title} : rien à montrer dans cette période.",
        "en": "{title}: nothing to show in this period.",
    },
    "leadpages.no_repeat_author": {
        "fr": "Aucun auteur n'a eu deux commentaires retirés ou plus dans cette période.",
        "en": "No author had two or more comments removed in this period.",
    },
    # Conformité's breaches, when all of them are listed (the count and the list agree).
    "leadpages.breaches_one": {
        "fr": "1 commentaire a dépassé l'échéance.",
        "en": "1 comment missed its due time.",
    },
    "leadpages.breaches_all": {
        "fr": "{count} commentaires ont dépassé l'échéance.",
        "en": "{count} comments missed their due time.",
    },
    # Rapports: the queue is a snapshot, and may be empty whatever the dates.
    "leadpages.reports.one_row": {
        "fr": "1 ligne, montrée ci-dessous.",
        "en": "1 row, shown below.",
    },
    "leadpages.reports.all_rows": {
        "fr": "{count} lignes, toutes montrées ci-dessous.",
        "en": "{count} rows, all shown below.",
    },
    "leadpages.reports.no_open_comment": {
        "fr": "Aucun commentaire ouvert en ce moment : le fichier n'aurait que les en-têtes.",
        "en": "No open comment right now: the file would hold the headers only.",
    },
    # Importer: a comment too short or too mixed for its language to be told.
    "leadpages.language_und": {"fr": "Indéterminée", "en": "Undetermined"},
    # Conformité's breaches: when the comment was first handled.
    "leadpages.handled_at": {"fr": "Traité le", "en": "Handled at"},
}
