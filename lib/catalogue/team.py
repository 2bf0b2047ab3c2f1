"""Words for team administration: Paramètres › Équipe, `python -m lib init` and `team`."""

STRINGS: dict[str, dict[str, str]] = {
    "auth.permission.team": {"fr": "gérer l'équipe", "en": "manage the team"},
    "auth.failure.deactivated": {"fr": "Membre désactivé", "en": "Deactivated member"},
    "auth.identity.deactivated": {
        "fr": "Le compte {who} a été désactivé : demandez à un chef d'équipe de le réactiver.",
        "en": "The account {who} was deactivated: ask a team lead to reactivate it.",
    },
    # Refusals (lib.team)
    "team.error.team_exists": {
        "fr": "Cette base a déjà une équipe : ajoutez les membres dans Paramètres › Équipe "
        "ou avec `python -m lib team add`.",
        "en": "This database already has a team: add members in Settings › Team "
        "or with `python -m lib team add`.",
    },
    "team.error.database_exists": {
        "fr": "Le fichier {path} existe déjà : Vigie ne l'écrase pas. Choisissez un autre nom, "
        "ou importez dans cette base avec `python -m lib import`.",
        "en": "The file {path} already exists: Vigie does not overwrite it. Choose another "
        "name, or import into that database with `python -m lib import`.",
    },
    "team.error.bad_username": {
        "fr": "Identifiant {username} refusé : lettres, chiffres et . _ - + @ seulement, "
        "sans espace.",
        "en": "Username {username} refused: letters, digits and . _ - + @ only, no space.",
    },
    "team.error.username_too_long": {
        "fr": "Identifiant trop long : {limit} caractères au plus.",
        "en": "Username too long: {limit} characters at most.",
    },
    "team.error.bad_name": {
        "fr": "Indiquez le nom affiché (prénom et nom), sans caractère invisible.",
        "en": "Give the display name (first and last name), with no invisible character.",
    },
    "team.error.name_too_long": {
        "fr": "Nom affiché trop long : {limit} caractères au plus.",
        "en": "Display name too long: {limit} characters at most.",
    },
    "team.error.unknown_role": {
        "fr": "Rôle {role} inconnu : {roles}.",
        "en": "Unknown role {role}: {roles}.",
    },
    "team.error.bad_email": {
        "fr": "Adresse courriel {email} illisible (nom@organisation.qc.ca).",
        "en": "Unreadable e-mail address {email} (name@organisation.qc.ca).",
    },
    "team.error.email_taken": {
        "fr": "L'adresse {email} appartient déjà à un membre de l'équipe.",
        "en": "The address {email} already belongs to a team member.",
    },
    "team.error.username_taken": {
        "fr": "L'identifiant {username} est déjà pris (les membres désactivés le gardent).",
        "en": "The username {username} is taken (deactivated members keep theirs).",
    },
    "team.error.unknown_member": {
        "fr": "Aucun membre de l'équipe n'a l'identifiant {username}.",
        "en": "No team member has the username {username}.",
    },
    "team.error.last_lead": {
        "fr": "{who} est le dernier chef d'équipe actif : nommez d'abord un autre chef d'équipe.",
        "en": "{who} is the last active team lead: name another lead first.",
    },
    # The command line (python -m lib init, team)
    "cli.done.init": {
        "fr": "Base {path} créée avec la politique « {policy} » et son chef d'équipe {lead}. "
        "Ensuite : vérifiez les heures dans Paramètres, ajoutez l'équipe "
        "(python -m lib team add), importez des commentaires (python -m lib import).",
        "en": "Database {path} created with the “{policy}” policy and its team lead {lead}. "
        "Next: check the hours in Settings, add the team (python -m lib team add), "
        "import comments (python -m lib import).",
    },
    "cli.team.active": {"fr": "actif", "en": "active"},
    "cli.team.inactive": {"fr": "désactivé", "en": "deactivated"},
    "cli.done.team_list": {"fr": "{count} membre(s)", "en": "{count} member(s)"},
    "cli.done.team_add": {
        "fr": "{username} ajouté à l'équipe. Premier mot de passe : "
        "python -m lib password {username} (ou connexion avec le compte de l'organisation).",
        "en": "{username} added to the team. First password: python -m lib password "
        "{username} (or sign-in with the organisation account).",
    },
    "cli.done.team_role": {"fr": "Rôle de {username} changé.", "en": "{username}'s role changed."},
    "cli.done.team_deactivate": {
        "fr": "{username} désactivé ; {count} commentaire(s) remis dans la file.",
        "en": "{username} deactivated; {count} comment(s) returned to the pool.",
    },
    "cli.done.team_reactivate": {"fr": "{username} réactivé.", "en": "{username} reactivated."},
    # Paramètres › Équipe
    "team.email": {"fr": "Courriel (authentification unique)", "en": "E-mail (single sign-on)"},
    "team.status": {"fr": "État", "en": "Status"},
    "team.active": {"fr": "Actif", "en": "Active"},
    "team.inactive": {"fr": "Désactivé", "en": "Deactivated"},
    "team.member": {"fr": "Membre", "en": "Member"},
    "team.add": {"fr": "Ajouter un membre", "en": "Add a member"},
    "team.first_password": {
        "fr": "Premier mot de passe (facultatif)",
        "en": "First password (optional)",
    },
    "team.add_help": {
        "fr": "Identifiant sans espace. Donnez le premier mot de passe ({length} caractères au "
        "moins) de vive voix ; avec l'authentification unique, l'adresse courriel suffit.",
        "en": "A username without spaces. Give the first password (at least {length} "
        "characters) in person; with single sign-on, the e-mail address is enough.",
    },
    "team.add_button": {"fr": "Ajouter", "en": "Add"},
    "team.role_change": {"fr": "Changer un rôle", "en": "Change a role"},
    "team.role_button": {"fr": "Changer le rôle", "en": "Change the role"},
    "team.deactivate": {"fr": "Désactiver un membre", "en": "Deactivate a member"},
    "team.deactivate_help": {
        "fr": "Le membre ne peut plus se connecter ; son nom reste sur tout ce qu'il a fait "
        "et les commentaires ouverts qui lui sont assignés retournent dans la file.",
        "en": "The member can no longer sign in; their name stays on everything they did "
        "and the open comments assigned to them return to the pool.",
    },
    "team.deactivate_confirm": {
        "fr": "Je confirme la désactivation",
        "en": "I confirm the deactivation",
    },
    "team.deactivate_unconfirmed": {
        "fr": "Cochez la confirmation pour désactiver ce membre.",
        "en": "Tick the confirmation to deactivate this member.",
    },
    "team.deactivate_button": {"fr": "Désactiver", "en": "Deactivate"},
    "team.reactivate": {"fr": "Réactiver un membre", "en": "Reactivate a member"},
    "team.reactivate_button": {"fr": "Réactiver", "en": "Reactivate"},
    "team.password": {"fr": "Définir un mot de passe", "en": "Set a password"},
    "team.new_password": {"fr": "Nouveau mot de passe", "en": "New password"},
    "team.password_button": {"fr": "Définir", "en": "Set"},
}
