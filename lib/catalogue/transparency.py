"""Words of the transparency summary: what a body may publish each month."""

STRINGS = {
    "nav.transparency": {"fr": "Transparence", "en": "Transparency"},
    "transparency.title": {"fr": "Sommaire de transparence", "en": "Transparency summary"},
    "transparency.intro": {
        "fr": "Le sommaire mensuel que l'organisation peut publier : les commentaires "
        "retirés par motif de nétiquette et par plateforme, les réponses publiées et le "
        "respect de l'engagement de délai de réponse. Il ne contient que des nombres : "
        "aucun texte, aucun auteur, aucun nom de membre de l'équipe.",
        "en": "The monthly summary the organisation may publish: comments removed per "
        "netiquette reason and platform, replies published, and compliance with the "
        "response-time commitment. It holds numbers only: no text, no author, no team "
        "member's name.",
    },
    "transparency.month": {"fr": "Mois", "en": "Month"},
    "transparency.month_caption": {
        "fr": "Du {start} au {end}, heure du Québec.",
        "en": "From {start} to {end}, Québec time.",
    },
    "transparency.in_progress": {
        "fr": "Mois en cours : chiffres au {moment} ; ils changeront d'ici la fin du mois.",
        "en": "Month in progress: figures as of {moment}; they will change until the month ends.",
    },
    "transparency.card.removed": {"fr": "Commentaires retirés", "en": "Comments removed"},
    "transparency.card.replies": {"fr": "Réponses publiées", "en": "Replies published"},
    "transparency.card.compliance": {
        "fr": "Respect du délai de réponse",
        "en": "Response-time compliance",
    },
    "transparency.removals": {
        "fr": "Retraits par motif de nétiquette",
        "en": "Removals per netiquette reason",
    },
    "transparency.removals_help": {
        "fr": "Commentaires masqués ou supprimés dans le mois pour un motif de la "
        "nétiquette ; une redirection vers un canal privé masque aussi le commentaire. "
        "Un retrait pour deux motifs compte pour chacun d'eux.",
        "en": "Comments hidden or deleted in the month for a netiquette reason; a "
        "redirection to a private channel hides the comment too. A removal for two "
        "reasons counts for each of them.",
    },
    "transparency.removals_chart": {
        "fr": "Retraits par motif, toutes plateformes",
        "en": "Removals per reason, all platforms",
    },
    "transparency.removed_per_platform": {
        "fr": "Commentaires retirés : {platforms}. Un commentaire retiré pour deux motifs, "
        "ou masqué puis supprimé, compte ici une fois.",
        "en": "Comments removed: {platforms}. A comment removed for two reasons, or "
        "hidden then deleted, counts once here.",
    },
    "transparency.no_removals": {
        "fr": "Aucun commentaire retiré dans ce mois.",
        "en": "No comment was removed in this month.",
    },
    "transparency.replies": {"fr": "Réponses publiées", "en": "Replies published"},
    "transparency.replies_help": {
        "fr": "Réponses et redirections publiées dans le mois, y compris celles qu'un chef "
        "d'équipe a approuvées ; la correction d'une réponse déjà publiée ne compte pas.",
        "en": "Replies and redirections published in the month, those a team lead "
        "approved included; correcting a reply already published does not count.",
    },
    "transparency.no_replies": {
        "fr": "Aucune réponse publiée dans ce mois.",
        "en": "No reply was published in this month.",
    },
    "transparency.compliance": {
        "fr": "Respect de l'engagement de délai de réponse",
        "en": "Compliance with the response-time commitment",
    },
    "transparency.compliance_help": {
        "fr": "Commentaires reçus dans le mois. Engagement : traiter chaque commentaire "
        "dans les {target} ouvrables (selon son niveau de service), objectif {goal}. "
        "Conformité = traités à temps ÷ (traités + ouverts en retard) ; les commentaires "
        "pas encore dus sont en attente et n'y comptent pas.",
        "en": "Comments received in the month. Commitment: handle each comment within "
        "{target} of business time (as its service level sets), goal {goal}. "
        "Compliance = handled on time ÷ (handled + open overdue); comments not yet due "
        "are pending and do not count.",
    },
    "transparency.all_platforms": {"fr": "Toutes les plateformes", "en": "All platforms"},
    "transparency.download": {
        "fr": "Télécharger le sommaire (CSV)",
        "en": "Download the summary (CSV)",
    },
    "transparency.download_help": {
        "fr": "Un fichier pour Excel, un nombre par ligne, aux colonnes stables d'un mois "
        "à l'autre ; aucun renseignement personnel.",
        "en": "A file for Excel, one number a line, with the same columns every month; "
        "no personal information.",
    },
    # Column names of the page's tables (lib.tables.readable).
    "col.replies": {"fr": "Réponses publiées", "en": "Replies published"},
    "col.total": {"fr": "Total", "en": "Total"},
    # The page's empty state (lib.ui.empty.no_comments_yet).
    "empty.page.transparency": {
        "fr": "Cette page montrera, mois par mois, le sommaire que l'organisation peut "
        "publier : les retraits par motif de nétiquette et par plateforme, les réponses "
        "publiées et le respect du délai de réponse, sans aucun renseignement personnel, "
        "avec son fichier CSV.",
        "en": "This page will show, month by month, the summary the organisation may "
        "publish: removals per netiquette reason and platform, replies published and "
        "compliance with the response time, without any personal information, with its "
        "CSV file.",
    },
}
