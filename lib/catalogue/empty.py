"""Words for empty states: a database with no team, or with no comments yet."""

STRINGS: dict[str, dict[str, str]] = {
    # No team: the sidebar, then the page in place of the sign-in prompt.
    "empty.no_team.sidebar": {
        "fr": "Personne n'est encore dans l'équipe : voyez sur la page comment la créer.",
        "en": "No one is on the team yet: the page says how to create it.",
    },
    "empty.no_team.title": {
        "fr": "Personne n'est encore dans l'équipe",
        "en": "No one is on the team yet",
    },
    "empty.no_team.how": {
        "fr": "Pour créer l'équipe et son premier chef d'équipe, lancez cette commande "
        "sur le serveur, dans le dossier de Vigie :",
        "en": "To create the team and its first team lead, run this command on the server, "
        "in Vigie's folder:",
    },
    "empty.no_team.command": {
        "fr": 'python -m lib init --db {db} --lead IDENTIFIANT --name "Prénom Nom"',
        "en": 'python -m lib init --db {db} --lead USERNAME --name "First Last"',
    },
    "empty.no_team.password": {
        "fr": "La commande demande au terminal le mot de passe de ce chef d'équipe. "
        "Actualisez ensuite cette page pour vous connecter.",
        "en": "The command asks for that team lead's password at the terminal. "
        "Then reload this page to sign in.",
    },
    "empty.no_team.options": {
        "fr": "Facultatif : `--email ADRESSE` (son adresse de courriel), "
        "`--policy mess|csj|cisss|css|cest|general` (la politique de départ de la "
        'nétiquette et des règles), `--org "Nom de l\'organisation"`.',
        "en": "Optional: `--email ADDRESS` (their e-mail address), "
        "`--policy mess|csj|cisss|css|cest|general` (the policy the netiquette and rules "
        'start from), `--org "Organisation name"`.',
    },
    "empty.no_team.oidc": {
        "fr": "Avec la connexion par le compte de l'organisation, donnez avec `--email` "
        "l'adresse de ce compte quand ce n'est pas l'identifiant : sa première connexion "
        "l'y lie.",
        "en": "With organisation sign-in, give with `--email` that account's address when it "
        "is not the username: their first sign-in binds it.",
    },
    # No comment yet: each page says what it will show, then what to do next.
    "empty.no_comments.title": {
        "fr": "Aucun commentaire pour l'instant",
        "en": "No comments yet",
    },
    "empty.page.today": {
        "fr": "Cette page montrera les chiffres de la journée (commentaires reçus et "
        "traités, conformité au délai, temps de réponse) comparés au jour ouvrable "
        "précédent, les arrivées heure par heure, et ce qui attend un chef d'équipe.",
        "en": "This page will show the day's figures (comments received and handled, "
        "compliance with the target, response times) against the previous business day, "
        "arrivals hour by hour, and what is waiting for a team lead.",
    },
    "empty.page.queue": {
        "fr": "La file d'attente montrera les commentaires ouverts, les plus urgents "
        "d'abord, pour les lire, y répondre, les rediriger, les masquer ou les assigner.",
        "en": "The queue will show open comments, most urgent first, to read, answer, "
        "redirect, hide or assign them.",
    },
    "empty.page.compliance": {
        "fr": "Cette page montrera la part des commentaires traités dans le délai cible, "
        "les temps de réponse, où et quand le délai est dépassé, et chaque commentaire "
        "en retard.",
        "en": "This page will show the share of comments handled within the target, "
        "response times, where and when the target slips, and each overdue comment.",
    },
    "empty.page.reasons": {
        "fr": "Cette page montrera les commentaires masqués ou supprimés et leurs motifs "
        "de nétiquette, les redirections, les renseignements personnels, les auteurs "
        "récurrents et les approbations.",
        "en": "This page will show the comments hidden or deleted and their netiquette "
        "reasons, redirections, personal information, repeat authors and approvals.",
    },
    "empty.page.reports": {
        "fr": "Cette page produira les quatre fichiers CSV pour Excel (file d'attente, "
        "conformité, bilan quotidien, motifs de retrait), avec un aperçu.",
        "en": "This page will produce the four CSV files for Excel (queue, compliance, "
        "daily summary, removal reasons), with a preview.",
    },
    "empty.lead_first": {
        "fr": "Avant la première importation, réglez dans {settings} l'horaire et le délai "
        "cible (onglet « {hours} ») et les jours de fermeture (onglet « {closures} ») : "
        "l'échéance de chaque commentaire en dépend.",
        "en": "Before the first import, set the office hours and the response target in "
        '{settings} ("{hours}" tab) and the days the team is closed ("{closures}" tab): '
        "each comment's due time depends on them.",
    },
    "empty.to_settings": {"fr": "Ouvrir les paramètres", "en": "Open the settings"},
    "empty.next": {
        "fr": "Pour commencer, importez un fichier de commentaires : le CSV de Vigie, ou le "
        "JSON que renvoient les API de Facebook, d'Instagram, de YouTube ou de X.",
        "en": "To begin, import a file of comments: Vigie's CSV, or the JSON that the "
        "Facebook, Instagram, YouTube or X APIs return.",
    },
    "empty.to_importer": {"fr": "Importer un fichier", "en": "Import a file"},
    "empty.command_line": {
        "fr": "Ou en ligne de commande, sur le serveur, dans le dossier de Vigie :",
        "en": "Or from the command line, on the server, in Vigie's folder:",
    },
    "empty.command.import": {
        "fr": "python -m lib import FICHIER --db {db}",
        "en": "python -m lib import FILE --db {db}",
    },
    "empty.accounts_later": {
        "fr": "Les comptes des plateformes ne se connectent pas encore à Vigie : les "
        "commentaires y entrent par importation.",
        "en": "Platform accounts cannot be connected to Vigie yet: comments come in by import.",
    },
    # The Importer page's list of recent comments, before the first import.
    "empty.recent": {
        "fr": "Aucun commentaire encore : ceux que vous importez apparaîtront ici.",
        "en": "No comments yet: those you import will appear here.",
    },
}
