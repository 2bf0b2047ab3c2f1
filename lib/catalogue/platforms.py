"""Words of the connected platforms: corrections to a published reply, what a platform
cannot do, what came of an operation on it, and the sync process' own."""

STRINGS = {
    "queue.kind.edit_reply": {
        "fr": "Corriger la réponse publiée",
        "en": "Correct the published reply",
    },
    "queue.kind.remove_reply": {
        "fr": "Retirer la réponse publiée",
        "en": "Remove the published reply",
    },
    "queue.kind.platform_hidden": {
        "fr": "Masqué sur la plateforme",
        "en": "Hidden on the platform",
    },
    "queue.kind.platform_deleted": {
        "fr": "Supprimé sur la plateforme",
        "en": "Deleted on the platform",
    },
    "queue.invalid.no_published_reply": {
        "fr": "Ce commentaire n'a pas de réponse publiée à corriger.",
        "en": "This comment has no published reply to correct.",
    },
    # Platform operations (lib.platforms.OPERATIONS)
    "platforms.operation.reply": {"fr": "réponse", "en": "reply"},
    "platforms.operation.hide": {"fr": "masquage", "en": "hide"},
    "platforms.operation.unhide": {"fr": "démasquage", "en": "unhide"},
    "platforms.operation.delete": {"fr": "suppression", "en": "deletion"},
    "platforms.operation.restore": {"fr": "rétablissement", "en": "restoring"},
    "platforms.operation.block": {"fr": "blocage de l'auteur", "en": "blocking the author"},
    "platforms.operation.edit_reply": {"fr": "correction de la réponse", "en": "reply correction"},
    "platforms.operation.remove_reply": {"fr": "retrait de la réponse", "en": "reply removal"},
    # What a platform cannot do (lib.platforms.limitation), said before acting
    "platforms.limit.youtube_cannot_delete": {
        "fr": "YouTube ne permet pas de supprimer le commentaire d'une autre personne : il sera "
        "supprimé dans Vigie seulement. Masquez-le pour le retirer de YouTube.",
        "en": "YouTube does not let a channel delete someone else's comment: it will be "
        "deleted in Vigie only. Hide it to take it off YouTube.",
    },
    "platforms.limit.x_cannot_reply": {
        "fr": "X ne permet à Vigie que de masquer des réponses : la réponse sera enregistrée "
        "dans Vigie, publiez-la vous-même sur X.",
        "en": "X only lets Vigie hide replies: the reply is recorded in Vigie, publish it "
        "yourself on X.",
    },
    "platforms.limit.x_cannot_delete": {
        "fr": "X ne permet pas de supprimer la publication d'une autre personne : elle sera "
        "supprimée dans Vigie seulement. Masquez-la pour la retirer de la conversation.",
        "en": "X does not let an account delete someone else's post: it will be deleted in "
        "Vigie only. Hide it to take it out of the conversation.",
    },
    "platforms.limit.x_cannot_block": {
        "fr": "Vigie ne peut pas bloquer un auteur sur X : faites-le sur X.",
        "en": "Vigie cannot block an author on X: do it on X.",
    },
    "platforms.limit.x_cannot_edit_reply": {
        "fr": "X ne permet pas à Vigie de corriger une réponse : faites-le sur X.",
        "en": "X does not let Vigie correct a reply: do it on X.",
    },
    "platforms.limit.x_cannot_remove_reply": {
        "fr": "X ne permet pas à Vigie de retirer une réponse : faites-le sur X.",
        "en": "X does not let Vigie remove a reply: do it on X.",
    },
    "platforms.limit.instagram_cannot_block": {
        "fr": "Instagram n'offre pas le blocage par son API : bloquez l'auteur dans "
        "l'application Instagram.",
        "en": "Instagram's API offers no blocking: block the author in the Instagram app.",
    },
    "platforms.limit.instagram_cannot_edit_reply": {
        "fr": "Instagram ne permet pas de modifier un commentaire : retirez la réponse et "
        "publiez-en une nouvelle.",
        "en": "Instagram does not let a comment be edited: remove the reply and publish a new one.",
    },
    "platforms.limit.cannot_restore": {
        "fr": "Un commentaire supprimé sur la plateforme ne peut pas y revenir : il sera "
        "rouvert dans Vigie seulement.",
        "en": "A comment deleted on the platform cannot come back: it is reopened in Vigie only.",
    },
    "platforms.limit.reply_not_published": {
        "fr": "Cette réponse n'a pas été publiée par Vigie sur la plateforme : corrigez-la "
        "sur la plateforme.",
        "en": "This reply was not published by Vigie on the platform: correct it on the platform.",
    },
    "platforms.limit.nothing_to_act_on": {
        "fr": "Aucun commentaire de cet auteur n'est connu sur ce compte : rien par quoi le "
        "bannir.",
        "en": "No comment by this author is known on this account: nothing to ban them by.",
    },
    # Registering an account (lib.accounts.AccountRefused)
    "accounts.error.bad_key": {
        "fr": "La clé du compte est faite de lettres, de chiffres, de « _ » ou de « - », "
        "{longest} caractères au plus.",
        "en": "An account key is letters, digits, '_' or '-', at most {longest} characters.",
    },
    "accounts.error.unknown_platform": {
        "fr": "Plateforme inconnue : choisissez parmi {known}.",
        "en": "Unknown platform: choose among {known}.",
    },
    "accounts.error.unknown_mode": {
        "fr": "Mode inconnu : choisissez parmi {known}.",
        "en": "Unknown mode: choose among {known}.",
    },
    "accounts.error.needs_platform_id": {
        "fr": "Indiquez l'identifiant du compte sur la plateforme (page, compte Instagram, "
        "chaîne ou utilisateur X).",
        "en": "Give the account's id on the platform (page, Instagram account, channel or X user).",
    },
    "accounts.error.bad_name": {
        "fr": "Le nom du compte tient sur une ligne de {longest} caractères au plus.",
        "en": "The account's name fits on one line of at most {longest} characters.",
    },
    "accounts.error.operation_not_waiting": {
        "fr": "L'opération {operation} n'attend plus de décision.",
        "en": "Operation {operation} no longer awaits a decision.",
    },
    "accounts.error.unknown_account": {
        "fr": "Aucun compte « {account} » n'est inscrit.",
        "en": "No account '{account}' is registered.",
    },
    # What went wrong with an account or an operation (lib.connectors.errors.PlatformError.code)
    "sync.problem.token_expired": {
        "fr": "Le jeton d'accès a expiré ou a été révoqué : un·e responsable doit en obtenir "
        "un nouveau et le mettre dans .streamlit/secrets.toml.",
        "en": "The access token expired or was revoked: a lead must get a new one and put it "
        "in .streamlit/secrets.toml.",
    },
    "sync.problem.not_configured": {
        "fr": "Aucun jeton n'est configuré pour ce compte dans .streamlit/secrets.toml.",
        "en": "No token is configured for this account in .streamlit/secrets.toml.",
    },
    "sync.problem.rate_limited": {
        "fr": "La plateforme demande de ralentir : Vigie reprend d'elle-même.",
        "en": "The platform asks to slow down: Vigie resumes by itself.",
    },
    "sync.problem.quota_exhausted": {
        "fr": "Le quota quotidien de la plateforme est atteint : Vigie reprend après sa remise "
        "à zéro (minuit, heure du Pacifique, pour YouTube).",
        "en": "The platform's daily quota is used up: Vigie resumes after it resets "
        "(midnight Pacific time, for YouTube).",
    },
    "sync.problem.unavailable": {
        "fr": "La plateforme ne répond pas correctement ({detail}) : nouvel essai plus tard.",
        "en": "The platform is not answering properly ({detail}): trying again later.",
    },
    "sync.problem.timeout": {
        "fr": "La plateforme n'a pas répondu à temps : nouvel essai plus tard.",
        "en": "The platform did not answer in time: trying again later.",
    },
    "sync.problem.garbage": {
        "fr": "La plateforme a répondu quelque chose d'illisible : nouvel essai plus tard.",
        "en": "The platform answered something unreadable: trying again later.",
    },
    "sync.problem.refused": {
        "fr": "La plateforme a refusé : {detail}",
        "en": "The platform refused: {detail}",
    },
    "sync.problem.permission": {
        "fr": "Le jeton n'a pas la permission requise : {detail}",
        "en": "The token lacks the permission required: {detail}",
    },
    "sync.problem.not_found": {
        "fr": "Le commentaire n'existe plus sur la plateforme.",
        "en": "The comment no longer exists on the platform.",
    },
    "sync.problem.gave_up": {
        "fr": "Toujours en échec après {attempts} essais : un·e responsable doit regarder.",
        "en": "Still failing after {attempts} attempts: a lead must look.",
    },
    # The configuration of connected accounts (lib.connectors.config.ConfigProblem)
    "config.error.file_not_found": {
        "fr": "Fichier de configuration introuvable : {path}",
        "en": "Configuration file not found: {path}",
    },
    "config.error.unreadable": {
        "fr": "Le fichier {path} n'est pas du TOML lisible : {error}",
        "en": "The file {path} is not readable TOML: {error}",
    },
    "config.error.not_a_table": {
        "fr": "« {table} » doit être une table TOML ([{table}]).",
        "en": "'{table}' must be a TOML table ([{table}]).",
    },
    "config.error.unknown_platform": {
        "fr": "Compte « {account} » : plateforme inconnue; choisissez parmi {known}.",
        "en": "Account '{account}': unknown platform; choose among {known}.",
    },
    "config.error.missing_id": {
        "fr": "Compte « {account} » : indiquez {field}, l'identifiant du compte sur {platform}.",
        "en": "Account '{account}': give {field}, the account's id on {platform}.",
    },
    "config.error.bad_mode": {
        "fr": "Compte « {account} » : mode inconnu; choisissez parmi {known}.",
        "en": "Account '{account}': unknown mode; choose among {known}.",
    },
    "config.error.missing_token": {
        "fr": "Compte « {account} » : un compte synchronisé a besoin de son jeton (token).",
        "en": "Account '{account}': a synced account needs its token.",
    },
    "config.error.bad_base_url": {
        "fr": "Compte « {account} » : base_url doit être une adresse http ou https.",
        "en": "Account '{account}': base_url must be an http or https address.",
    },
    "config.error.refused": {
        "fr": "Compte « {account} » : {reason}",
        "en": "Account '{account}': {reason}",
    },
    "sync.done": {
        "fr": "synchronisé {accounts} compte(s) : {added} commentaire(s) reçu(s), "
        "{applied} décision(s) appliquée(s) sur les plateformes; problèmes : {problems}",
        "en": "synced {accounts} account(s): {added} comment(s) received, {applied} "
        "decision(s) applied on the platforms; problems: {problems}",
    },
    "sync.no_problem": {"fr": "aucun", "en": "none"},
    "cli.error.sync_every_too_short": {
        "fr": "--every attend au moins 1 seconde entre deux synchronisations.",
        "en": "--every needs at least 1 second between two syncs.",
    },
    "cli.done.sync_stopped": {"fr": "synchronisation arrêtée", "en": "sync stopped"},
    "sync.database_problem": {
        "fr": "synchronisation reportée : la base de données a refusé ({error})",
        "en": "sync postponed: the database refused ({error})",
    },
}
