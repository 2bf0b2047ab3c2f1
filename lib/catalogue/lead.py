"""Strings of the lead pages: Aujourd'hui, Conformité, Motifs, and their charts."""

STRINGS: dict[str, dict[str, str]] = {
    # Shared by the three pages
    "lead.table": {"fr": "Données du graphique", "en": "Chart data"},
    "lead.as_of": {"fr": "Données au {moment}", "en": "Figures as of {moment}"},
    "lead.range": {"fr": "Période", "en": "Period"},
    "lead.preset.7d": {"fr": "7 jours", "en": "7 days"},
    "lead.preset.30d": {"fr": "30 jours", "en": "30 days"},
    "lead.preset.month": {"fr": "Ce mois-ci", "en": "This month"},
    "lead.preset.last_month": {"fr": "Mois dernier", "en": "Last month"},
    "lead.preset.quarter": {"fr": "Ce trimestre", "en": "This quarter"},
    "lead.preset.custom": {"fr": "Personnalisée", "en": "Custom"},
    "lead.dates": {"fr": "Du … au …", "en": "From … to …"},
    "lead.range_caption": {"fr": "Du {start} au {end}", "en": "From {start} to {end}"},
    "lead.handled": {"fr": "Traités", "en": "Handled"},
    "lead.on_time": {"fr": "À temps", "en": "On time"},
    "lead.received": {"fr": "Reçus", "en": "Received"},
    "lead.compliance_pct": {"fr": "Conformité (%)", "en": "Compliance (%)"},
    "lead.goal": {"fr": "Objectif {value}", "en": "Goal {value}"},
    "lead.target": {"fr": "Cible {value}", "en": "Target {value}"},
    "lead.open_comment": {"fr": "Ouvrir n° {id}", "en": "Open #{id}"},
    "lead.comment_id": {"fr": "N°", "en": "#"},
    "lead.link": {"fr": "Lien", "en": "Link"},
    "lead.weekday": {"fr": "Jour d'arrivée", "en": "Arrival weekday"},
    "lead.hour": {"fr": "Heure", "en": "Hour"},
    "lead.week": {"fr": "Semaine du", "en": "Week of"},
    "lead.response_hours": {
        "fr": "Délai de réponse (heures ouvrables)",
        "en": "Response time (business hours)",
    },
    # Aujourd'hui
    "today.title": {"fr": "Aujourd'hui", "en": "Today"},
    "today.day": {"fr": "Journée", "en": "Day"},
    "today.previous": {"fr": "Jour ouvrable précédent", "en": "Previous business day"},
    "today.back_to_today": {"fr": "Aujourd'hui", "en": "Today"},
    "today.compared": {
        "fr": "Variations par rapport au {day}.",
        "en": "Changes compared with {day}.",
    },
    "today.closed_day": {
        "fr": "Jour non ouvrable : l'horloge des délais ne tourne pas.",
        "en": "Not a business day: the response clock does not run.",
    },
    "today.received": {"fr": "Reçus", "en": "Received"},
    "today.handled": {"fr": "Traités", "en": "Handled"},
    "today.on_time_pct": {"fr": "Traités à temps", "en": "Handled on time"},
    "today.median": {"fr": "Délai médian (ouvrable)", "en": "Median response (business)"},
    "today.open_now": {"fr": "Ouverts maintenant", "en": "Open now"},
    "today.at_risk_now": {"fr": "À risque maintenant", "en": "At risk now"},
    "today.breached_now": {"fr": "En retard maintenant", "en": "Overdue now"},
    "today.awaiting": {"fr": "En attente d'approbation", "en": "Awaiting approval"},
    "today.open_end": {"fr": "Ouverts en fin de journée", "en": "Open at day's end"},
    "today.at_risk_end": {"fr": "À risque en fin de journée", "en": "At risk at day's end"},
    "today.breached_end": {"fr": "En retard en fin de journée", "en": "Overdue at day's end"},
    "today.awaiting_end": {
        "fr": "En attente d'approbation (fin de journée)",
        "en": "Awaiting approval (day's end)",
    },
    "today.cards_help": {
        "fr": "Reçus, traités, à temps et délai médian : commentaires reçus ce jour-là.",
        "en": "Received, handled, on time and median: comments received that day.",
    },
    "today.points": {"fr": "{value} pts", "en": "{value} pts"},
    "today.by_hour": {"fr": "Arrivées par heure", "en": "Arrivals by hour"},
    "today.by_hour_previous": {"fr": "Jour ouvrable précédent", "en": "Previous business day"},
    "today.office_hours": {"fr": "Heures de bureau", "en": "Office hours"},
    "today.present": {"fr": "Maintenant", "en": "Now"},
    "today.by_platform": {"fr": "Par plateforme", "en": "By platform"},
    "today.by_moderator": {"fr": "Par modérateur", "en": "By moderator"},
    "today.needs_lead": {"fr": "À traiter maintenant", "en": "Needs the lead now"},
    "today.needs_lead_count": {
        "fr": "{count} commentaires en retard ou en attente d'approbation.",
        "en": "{count} comments overdue or awaiting approval.",
    },
    "today.nothing_for_lead": {
        "fr": "Rien en retard, rien en attente d'approbation.",
        "en": "Nothing overdue, nothing awaiting approval.",
    },
    "today.to_queue": {"fr": "Ouvrir la file d'attente", "en": "Open the queue"},
    # Conformité
    "compliance.title": {"fr": "Conformité des délais", "en": "Response-time compliance"},
    "compliance.overall": {"fr": "Conformité", "en": "Compliance"},
    "compliance.pending": {"fr": "En attente (pas encore dus)", "en": "Pending (not yet due)"},
    "compliance.breached": {"fr": "En retard", "en": "Overdue"},
    "compliance.median": {"fr": "Délai médian", "en": "Median response"},
    "compliance.p90": {"fr": "90e centile", "en": "90th percentile"},
    "compliance.granularity": {"fr": "Regrouper par", "en": "Group by"},
    "compliance.per_day": {"fr": "Jour", "en": "Day"},
    "compliance.per_week": {"fr": "Semaine", "en": "Week"},
    "compliance.over_time": {
        "fr": "Conformité par {unit} et objectif",
        "en": "Compliance per {unit} against the goal",
    },
    "compliance.distribution": {
        "fr": "Répartition des délais de réponse",
        "en": "Distribution of response times",
    },
    "compliance.beyond": {"fr": "{value} et plus", "en": "{value} and more"},
    "compliance.breakdown": {"fr": "Conformité par {dimension}", "en": "Compliance by {dimension}"},
    "compliance.dim.platform": {"fr": "plateforme", "en": "platform"},
    "compliance.dim.account": {"fr": "compte", "en": "account"},
    "compliance.dim.language": {"fr": "langue", "en": "language"},
    "compliance.dim.first_handled_by": {"fr": "modérateur", "en": "moderator"},
    "compliance.dim.weekday": {"fr": "jour d'arrivée", "en": "arrival weekday"},
    "compliance.heatmap": {
        "fr": "Arrivées par jour et heure ({share} hors des heures de bureau)",
        "en": "Arrivals by weekday and hour ({share} outside office hours)",
    },
    "compliance.breaches": {"fr": "Dépassements", "en": "Breaches"},
    "compliance.breaches_count": {
        "fr": "{count} commentaires ont dépassé l'échéance (les {shown} plus récents).",
        "en": "{count} comments missed their due time (latest {shown} shown).",
    },
    "compliance.no_breach": {"fr": "Aucun dépassement.", "en": "No breach."},
    "compliance.open_selected": {
        "fr": "Sélectionnez une ligne pour ouvrir le commentaire.",
        "en": "Select a row to open the comment.",
    },
    "compliance.closed_days": {"fr": "Congés et fermetures", "en": "Holidays and closures"},
    "compliance.no_closed_day": {
        "fr": "Aucun congé ni fermeture dans la période.",
        "en": "No holiday or closure in the period.",
    },
    "compliance.definitions": {"fr": "Définitions", "en": "Definitions"},
    "compliance.def.response": {
        "fr": "Délai de réponse : temps ouvrable entre la réception et la première action "
        "de traitement (réponse, redirection, masquage, suppression, aucune réponse requise).",
        "en": "Response time: business time from reception to the first handling action "
        "(reply, redirect, hide, delete, no reply needed).",
    },
    "compliance.def.due": {
        "fr": "Échéance : la réception plus {target} ouvrables (lundi au vendredi, "
        "{open} à {close}, hors congés).",
        "en": "Due: reception plus {target} of business time (Monday to Friday, "
        "{open} to {close}, holidays excluded).",
    },
    "compliance.def.compliance": {
        "fr": "Conformité : traités à temps ÷ (traités + ouverts en retard) ; les commentaires "
        "ouverts pas encore dus sont en attente et exclus.",
        "en": "Compliance: handled on time ÷ (handled + open overdue); open comments not yet "
        "due are pending and excluded.",
    },
    "compliance.def.at_risk": {
        "fr": "À risque : ouvert, moins de {hours} ouvrables avant l'échéance.",
        "en": "At risk: open, less than {hours} of business time before it is due.",
    },
    # Motifs
    "reasons.title": {"fr": "Motifs de modération", "en": "Moderation reasons"},
    "reasons.removed": {"fr": "Commentaires retirés", "en": "Comments removed"},
    "reasons.by_reason": {"fr": "Retraits par motif", "en": "Removals by reason"},
    "reasons.removals": {"fr": "Retraits", "en": "Removals"},
    "reasons.trend": {"fr": "Retraits par semaine et motif", "en": "Removals per week and reason"},
    "reasons.by_platform": {
        "fr": "Commentaires retirés par plateforme",
        "en": "Removed by platform",
    },
    "reasons.rate": {
        "fr": "Taux de retrait selon la semaine d'arrivée",
        "en": "Removal rate by arrival week",
    },
    "reasons.rate_pct": {"fr": "Taux de retrait (%)", "en": "Removal rate (%)"},
    "reasons.redirects": {"fr": "Redirections par type", "en": "Redirects by type"},
    "reasons.redirect_count": {"fr": "Redirections", "en": "Redirects"},
    "reasons.pii": {
        "fr": "Incidents de renseignements personnels",
        "en": "Personal-information incidents",
    },
    "reasons.pii.flagged": {"fr": "Signalés à l'arrivée", "en": "Flagged on arrival"},
    "reasons.pii.removed": {"fr": "Retirés pour ce motif", "en": "Removed for it"},
    "reasons.pii.redirected_private": {
        "fr": "Redirigés vers un canal privé",
        "en": "Redirected to a private channel",
    },
    "reasons.repeat_authors": {"fr": "Auteurs récidivistes", "en": "Repeat authors"},
    "reasons.repeat_help": {
        "fr": "Auteurs dont au moins deux commentaires ont été retirés dans la période ; "
        "noms réduits aux initiales.",
        "en": "Authors with at least two comments removed in the period; names reduced to "
        "initials.",
    },
    "reasons.approvals": {"fr": "Approbations", "en": "Approvals"},
    "reasons.escalated": {"fr": "Soumises", "en": "Escalated"},
    "reasons.approved": {"fr": "Approuvées", "en": "Approved"},
    "reasons.rejected": {"fr": "Refusées", "en": "Rejected"},
    "reasons.waiting": {"fr": "En attente", "en": "Waiting"},
    "reasons.median_wait": {"fr": "Attente médiane (ouvrable)", "en": "Median wait (business)"},
    "reasons.definition": {
        "fr": "Un retrait est un masquage ou une suppression avec au moins un motif de "
        "nétiquette ; un retrait à deux motifs compte pour chacun.",
        "en": "A removal is a hide or delete with at least one netiquette reason; a removal "
        "with two reasons counts for each.",
    },
}
