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
}
