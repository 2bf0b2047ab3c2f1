"""Words of the connected accounts in the pages: Paramètres › Comptes, what the queue says a
platform will do or did, corrections to a published reply, Aujourd'hui's « À regarder »."""

STRINGS = {
    # Paramètres › Comptes (lib/ui/accounts.py)
    "settings.tab.accounts": {"fr": "Comptes", "en": "Accounts"},
    "accounts_ui.tokens": {
        "fr": "Les jetons d'accès ne se saisissent jamais ici : ils vont dans "
        "`.streamlit/secrets.toml`, sous `[connectors.CLÉ]` (voir la section « Comptes "
        "connectés » du README). Un compte nommé là s'inscrit de lui-même à la première "
        "synchronisation ; inscrivez-le ici pour le nommer, choisir son mode ou le mettre "
        "en pause.",
        "en": "Access tokens are never entered here: they go in `.streamlit/secrets.toml`, "
        "under `[connectors.KEY]` (see the README's section « Comptes connectés », connected "
        "accounts). An account named there registers itself at the first sync; register it "
        "here to name it, choose its mode or pause it.",
    },
    "accounts_ui.none": {
        "fr": "Aucun compte n'est inscrit : les commentaires viennent des fichiers importés.",
        "en": "No account is registered: comments come from imported files.",
    },
    "accounts_ui.col.key": {"fr": "Clé", "en": "Key"},
    "accounts_ui.col.name": {"fr": "Nom", "en": "Name"},
    "accounts_ui.col.platform_id": {
        "fr": "Identifiant sur la plateforme",
        "en": "Id on the platform",
    },
    "accounts_ui.col.mode": {"fr": "Mode", "en": "Mode"},
    "accounts_ui.col.state": {"fr": "État", "en": "State"},
    "accounts_ui.col.last_pull": {"fr": "Dernière lecture", "en": "Last pull"},
    "accounts_ui.col.last_push": {"fr": "Dernier envoi", "en": "Last push"},
    "accounts_ui.col.registered_by": {"fr": "Inscrit par", "en": "Registered by"},
    "accounts_ui.by_config": {"fr": "la configuration", "en": "the configuration"},
    "accounts_ui.mode.sync": {"fr": "Synchronisé", "en": "Synchronised"},
    "accounts_ui.mode.record-only": {"fr": "Enregistrement seulement", "en": "Record only"},
    "accounts_ui.state.active": {"fr": "Actif", "en": "Active"},
    "accounts_ui.state.paused": {"fr": "En pause", "en": "Paused"},
    "accounts_ui.state.token_expired": {"fr": "Jeton à renouveler", "en": "Token to renew"},
    "accounts_ui.state.problem": {
        "fr": "Problème le {when} : {problem}",
        "en": "Problem on {when}: {problem}",
    },
    "accounts_ui.pause": {"fr": "Mettre en pause", "en": "Pause"},
    "accounts_ui.resume": {"fr": "Reprendre", "en": "Resume"},
    "accounts_ui.pause_help": {
        "fr": "En pause, Vigie ne lit ni n'envoie rien pour le compte : les décisions "
        "attendent la reprise.",
        "en": "Paused, Vigie neither reads nor sends anything for the account: decisions "
        "wait for it to resume.",
    },
    "accounts_ui.register": {
        "fr": "Inscrire ou modifier un compte",
        "en": "Register or change an account",
    },
    "accounts_ui.pick": {"fr": "Compte", "en": "Account"},
    "accounts_ui.pick_new": {"fr": "Nouveau compte", "en": "New account"},
    "accounts_ui.key_help": {
        "fr": "Le nom de sa section dans `.streamlit/secrets.toml` : `[connectors.CLÉ]`. "
        "Lettres, chiffres, « _ » et « - ».",
        "en": "The name of its section in `.streamlit/secrets.toml`: `[connectors.KEY]`. "
        "Letters, digits, '_' and '-'.",
    },
    "accounts_ui.platform_id_help": {
        "fr": "Sur {platform}, c'est le champ `{field}` de sa section dans "
        "`.streamlit/secrets.toml`.",
        "en": "On {platform}, it is the `{field}` field of its section in "
        "`.streamlit/secrets.toml`.",
    },
    "accounts_ui.mode_help": {
        "fr": "Synchronisé : Vigie lit les commentaires et applique les décisions sur la "
        "plateforme. Enregistrement seulement : Vigie lit les commentaires et ne change "
        "rien sur la plateforme.",
        "en": "Synchronised: Vigie reads the comments and applies decisions on the platform. "
        "Record only: Vigie reads the comments and changes nothing on the platform.",
    },
    "accounts_ui.submit": {"fr": "Enregistrer le compte", "en": "Save the account"},
    # The queue: the comment on its platform, what an action will do there (lib/ui/queue)
    "queue.platform.open": {"fr": "Voir sur {platform}", "en": "View on {platform}"},
    "queue.platform.will_apply": {
        "fr": "Sera appliqué sur {platform} par la synchronisation.",
        "en": "Will be applied on {platform} by the sync.",
    },
    "queue.platform.will_apply_paused": {
        "fr": "Sera appliqué sur {platform} quand le compte, en pause, reprendra.",
        "en": "Will be applied on {platform} when the account, paused, resumes.",
    },
    "queue.platform.heading": {"fr": "Sur la plateforme", "en": "On the platform"},
    "queue.platform.at": {"fr": "à {clock}", "en": "at {clock}"},
    "queue.platform.on": {"fr": "le {date} à {clock}", "en": "on {date} at {clock}"},
    # What came of an operation (lib.sync_status.operation_line); French agrees in gender.
    "queue.platform.applied.reply": {
        "fr": "{operation} appliquée sur {platform} {when}",
        "en": "{operation} applied on {platform} {when}",
    },
    "queue.platform.applied.hide": {
        "fr": "{operation} appliqué sur {platform} {when}",
        "en": "{operation} applied on {platform} {when}",
    },
    "queue.platform.applied.unhide": {
        "fr": "{operation} appliqué sur {platform} {when}",
        "en": "{operation} applied on {platform} {when}",
    },
    "queue.platform.applied.delete": {
        "fr": "{operation} appliquée sur {platform} {when}",
        "en": "{operation} applied on {platform} {when}",
    },
    "queue.platform.applied.restore": {
        "fr": "{operation} appliqué sur {platform} {when}",
        "en": "{operation} applied on {platform} {when}",
    },
    "queue.platform.applied.block": {
        "fr": "{operation} appliqué sur {platform} {when}",
        "en": "{operation} applied on {platform} {when}",
    },
    "queue.platform.applied.edit_reply": {
        "fr": "{operation} appliquée sur {platform} {when}",
        "en": "{operation} applied on {platform} {when}",
    },
    "queue.platform.applied.remove_reply": {
        "fr": "{operation} appliqué sur {platform} {when}",
        "en": "{operation} applied on {platform} {when}",
    },
    "queue.platform.pending": {
        "fr": "{operation} en attente d'envoi à {platform}",
        "en": "{operation} waiting to be sent to {platform}",
    },
    "queue.platform.retrying": {
        "fr": "{operation} sur {platform} — échec, nouvel essai {when} : {problem}",
        "en": "{operation} on {platform} — failed, trying again {when}: {problem}",
    },
    "queue.platform.by_hand": {
        "fr": "{operation} — à faire à la main : {limit}",
        "en": "{operation} — to do by hand: {limit}",
    },
    "queue.platform.attention": {
        "fr": "{operation} sur {platform} — à regarder : {problem}",
        "en": "{operation} on {platform} — to look at: {problem}",
    },
    "queue.platform.cancelled": {
        "fr": "{operation} sur {platform} — envoi annulé",
        "en": "{operation} on {platform} — sending cancelled",
    },
    # Corrections to a published reply (lib/ui/queue/corrections.py)
    "queue.tab.correct": {"fr": "Corriger", "en": "Correct"},
    "queue.correct.help": {
        "fr": "La réponse corrigée ou retirée reste à l'historique, avec chaque version.",
        "en": "The corrected or removed reply stays in the history, with every version.",
    },
    "queue.correct.text": {"fr": "Réponse corrigée", "en": "Corrected reply"},
    "queue.correct.unknown": {
        "fr": "Vigie ne connaît pas de réponse publiée ici (retirée, ou publiée hors de Vigie) : "
        "écrivez la réponse en entier.",
        "en": "Vigie knows no reply published here (removed, or published outside Vigie): "
        "write the whole reply.",
    },
    "queue.correct.remove_note": {
        "fr": "Pourquoi la retirer (note obligatoire, gardée à l'historique)",
        "en": "Why remove it (a note is required, kept in the history)",
    },
    # Aujourd'hui's « À regarder » (lib/ui/attention.py), leads only
    "today.attention.title": {"fr": "À regarder", "en": "To look at"},
    "today.attention.account": {
        "fr": "Compte {name} ({platform}) : {state}",
        "en": "Account {name} ({platform}): {state}",
    },
    "today.attention.operation": {
        "fr": "{platform} · {operation} · commentaire n° {id} : {problem}",
        "en": "{platform} · {operation} · comment #{id}: {problem}",
    },
    "today.attention.operation_author": {
        "fr": "{platform} · {operation} · @{handle} : {problem}",
        "en": "{platform} · {operation} · @{handle}: {problem}",
    },
    "today.attention.more": {
        "fr": "… et {count} autres opérations à regarder.",
        "en": "… and {count} more operations to look at.",
    },
    "today.attention.todo.token": {
        "fr": "À faire : obtenez un nouveau jeton et mettez-le dans `.streamlit/secrets.toml`, "
        "sous `[connectors.{account}]` ; la synchronisation reprend d'elle-même.",
        "en": "To do: get a new token and put it in `.streamlit/secrets.toml`, under "
        "`[connectors.{account}]`; the sync resumes by itself.",
    },
    "today.attention.todo.wait": {
        "fr": "Rien à faire : Vigie reprend d'elle-même.",
        "en": "Nothing to do: Vigie resumes by itself.",
    },
    "today.attention.todo.look": {
        "fr": "À faire : vérifiez le compte sur {platform} et les permissions de son jeton, "
        "puis son inscription dans Paramètres › Comptes.",
        "en": "To do: check the account on {platform} and its token's permissions, then its "
        "registration in Settings › Accounts.",
    },
    "today.attention.todo.operation": {
        "fr": "À faire : ouvrez le commentaire et regardez-le sur {platform}. Réessayez une "
        "fois la cause réglée (un jeton, une permission), ou faites l'opération à la main sur "
        "la plateforme et abandonnez-la ici.",
        "en": "To do: open the comment and look at it on {platform}. Try again once the cause "
        "is fixed (a token, a permission), or do the operation by hand on the platform and "
        "give it up here.",
    },
    "today.attention.retry": {"fr": "Réessayer", "en": "Try again"},
    "today.attention.abandon": {"fr": "Abandonner", "en": "Give up"},
    "today.attention.retried": {
        "fr": "L'opération sera tentée de nouveau à la prochaine synchronisation.",
        "en": "The operation will be tried again at the next sync.",
    },
    "today.attention.abandoned": {
        "fr": "Opération abandonnée; l'historique du commentaire le dit.",
        "en": "Operation given up; the comment's history says so.",
    },
}
