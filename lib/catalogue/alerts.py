"""Words of the alerts: the messages the notify worker sends, Paramètres › Alertes."""

STRINGS = {
    "settings.error.escalation_minutes": {
        "fr": "Le délai avant de prévenir la personne suivante est un nombre entier de "
        "minutes, de {low} à {high}.",
        "en": "The delay before the next person is alerted is a whole number of minutes, "
        "from {low} to {high}.",
    },
    # The messages (lib.notify): French, then English, in the same message.
    "alerts.alert.subject": {
        "fr": "Vigie — commentaire urgent sur {platform} (n° {comment})",
        "en": "Vigie — urgent comment on {platform} (#{comment})",
    },
    "alerts.escalation.subject": {
        "fr": "Vigie — toujours pas ouvert : commentaire urgent sur {platform} (n° {comment})",
        "en": "Vigie — still unopened: urgent comment on {platform} (#{comment})",
    },
    "alerts.alert.opening": {
        "fr": "Un commentaire ne peut pas attendre : ouvrez-le dans Vigie.",
        "en": "A comment cannot wait: open it in Vigie.",
    },
    "alerts.escalation.opening": {
        "fr": "Personne n'a ouvert ce commentaire urgent {minutes} minutes après l'alerte "
        "précédente : il vous revient maintenant.",
        "en": "Nobody opened this urgent comment {minutes} minutes after the previous "
        "alert: it is yours now.",
    },
    "alerts.platform": {"fr": "Plateforme : {platform}", "en": "Platform: {platform}"},
    "alerts.account": {"fr": "Compte : {account}", "en": "Account: {account}"},
    "alerts.flags": {"fr": "Signaux : {flags}", "en": "Flags: {flags}"},
    "alerts.received": {"fr": "Reçu : {at}", "en": "Received: {at}"},
    "alerts.level": {"fr": "Niveau de service : {level}", "en": "Service level: {level}"},
    "alerts.link": {"fr": "Ouvrir dans Vigie : {link}", "en": "Open in Vigie: {link}"},
    "alerts.footer": {
        "fr": "Message automatique de Vigie. Il ne contient ni le texte ni l'auteur du "
        "commentaire : lisez-les dans Vigie.",
        "en": "An automatic message from Vigie. It holds neither the comment's text nor its "
        "author: read them in Vigie.",
    },
    "alerts.spike.subject": {
        "fr": "Vigie — afflux de commentaires : {arrivals} dans la dernière heure",
        "en": "Vigie — comment spike: {arrivals} in the last hour",
    },
    "alerts.spike.opening": {
        "fr": "{arrivals} commentaires sont arrivés dans la dernière heure, alors "
        "qu'un {weekday} vers {hour} en reçoit d'habitude {usual} (médiane des huit "
        "semaines précédentes).",
        "en": "{arrivals} comments arrived in the last hour, where a {weekday} around "
        "{hour} usually gets {usual} (median of the previous eight weeks).",
    },
    "alerts.spike.account": {
        "fr": "- {platform}, {account} : {count}",
        "en": "- {platform}, {account}: {count}",
    },
    "alerts.digest.subject": {
        "fr": "Vigie — résumé du {day}",
        "en": "Vigie — digest for {day}",
    },
    "alerts.digest.day": {"fr": "Journée du {day} :", "en": "{day}:"},
    "alerts.digest.now": {"fr": "En ce moment :", "en": "Right now:"},
    "alerts.card": {"fr": "- {name} : {value}", "en": "- {name}: {value}"},
    # The worker's line (python -m lib notify --once, and each run of sync --every)
    "notify.done": {
        "fr": "alertes : {sent} message(s) envoyé(s), {failed} échec(s) (réessayés plus tard); "
        "problèmes : {problems}",
        "en": "alerts: {sent} message(s) sent, {failed} failure(s) (tried again later); "
        "problems: {problems}",
    },
    "notify.no_channel": {
        "fr": "aucun canal configuré ([smtp] ou [alerts] dans .streamlit/secrets.toml) : "
        "rien n'est parti",
        "en": "no channel configured ([smtp] or [alerts] in .streamlit/secrets.toml): "
        "nothing went out",
    },
    "alerts.test.subject": {"fr": "Vigie — message d'essai", "en": "Vigie — test message"},
    "alerts.test.text": {
        "fr": "Ce message d'essai montre que Vigie peut vous joindre : les alertes urgentes "
        "arriveront ici.",
        "en": "This test message shows that Vigie can reach you: urgent alerts will come here.",
    },
    # Paramètres › Alertes (lib/ui/alerts.py)
    "settings.tab.alerts": {"fr": "Alertes", "en": "Alerts"},
    "alerts.ui.help": {
        "fr": "Un commentaire urgent (signal « Urgent », ou un niveau de service qui alerte) "
        "prévient aussitôt, à toute heure, la première personne de la liste, par courriel, et "
        "le canal Teams ou Slack de l'équipe s'il est configuré. Si personne n'a ouvert le "
        "commentaire dans Vigie après le délai choisi, la personne suivante est prévenue. "
        "Les messages ne contiennent ni le texte ni l'auteur du commentaire.",
        "en": "An urgent comment (the “Urgent” flag, or a service level that alerts) alerts "
        "the first person on the list at once, at any hour, by e-mail, and the team's Teams "
        "or Slack channel where configured. If nobody has opened the comment in Vigie after "
        "the delay chosen, the next person is alerted. Messages hold neither the comment's "
        "text nor its author.",
    },
    "alerts.ui.list": {"fr": "Liste d'alerte, dans l'ordre", "en": "Alert list, in order"},
    "alerts.ui.list_help": {
        "fr": "Les membres actifs qui ont une adresse courriel (Paramètres › Équipe). Vide : "
        "tous les chefs d'équipe actifs, par ordre alphabétique.",
        "en": "Active members with an e-mail address (Settings › Team). Empty: every active "
        "team lead, in alphabetical order.",
    },
    "alerts.ui.minutes": {
        "fr": "Minutes avant de prévenir la personne suivante",
        "en": "Minutes before the next person is alerted",
    },
    "alerts.ui.order": {"fr": "Ordre des alertes : {people}", "en": "Alert order: {people}"},
    "alerts.ui.order_default": {
        "fr": "Ordre des alertes (tous les chefs d'équipe, par défaut) : {people}",
        "en": "Alert order (every team lead, by default): {people}",
    },
    "alerts.ui.nobody": {
        "fr": "Personne ne peut être prévenu par courriel : aucun membre de la liste (ou, "
        "par défaut, aucun chef d'équipe actif) n'a d'adresse courriel.",
        "en": "Nobody can be alerted by e-mail: no member of the list (or, by default, no "
        "active team lead) has an e-mail address.",
    },
    "alerts.ui.channels": {"fr": "Canaux", "en": "Channels"},
    "alerts.ui.no_smtp": {
        "fr": "Aucun serveur de courriel : les alertes par courriel ne partent pas. "
        "L'administrateur du serveur le configure sous [smtp] dans .streamlit/secrets.toml "
        "(voir le README, « Alertes »).",
        "en": "No mail server: e-mail alerts do not go out. The server's administrator sets "
        "it under [smtp] in .streamlit/secrets.toml (see the README, “Alerts”).",
    },
    "alerts.ui.smtp": {
        "fr": "Courriel : serveur {host}, port {port}.",
        "en": "E-mail: server {host}, port {port}.",
    },
    "alerts.ui.webhook": {
        "fr": "{kind} : canal de l'équipe configuré.",
        "en": "{kind}: the team's channel is configured.",
    },
    "alerts.ui.test": {
        "fr": "M'envoyer un courriel d'essai",
        "en": "Send me a test e-mail",
    },
    "alerts.ui.test_sent": {
        "fr": "Courriel d'essai envoyé à {address}.",
        "en": "Test e-mail sent to {address}.",
    },
    "alerts.ui.test_failed": {
        "fr": "Le courriel d'essai n'est pas parti ({problem}).",
        "en": "The test e-mail did not go out ({problem}).",
    },
    "alerts.ui.log": {"fr": "Messages envoyés", "en": "Messages sent"},
    "alerts.ui.log_empty": {"fr": "Aucun message pour l'instant.", "en": "No message yet."},
    "alerts.ui.when": {"fr": "Quand", "en": "When"},
    "alerts.ui.what": {"fr": "Message", "en": "Message"},
    "alerts.ui.channel": {"fr": "Canal", "en": "Channel"},
    "alerts.ui.to": {"fr": "Destinataires", "en": "Recipients"},
    "alerts.ui.subject": {"fr": "Objet", "en": "Subject"},
    "alerts.ui.comment": {"fr": "Commentaire", "en": "Comment"},
    "alerts.ui.outcome": {"fr": "Résultat", "en": "Outcome"},
    "alerts.ui.attempt": {"fr": "Essai", "en": "Attempt"},
    "alerts.ui.problem": {"fr": "Problème", "en": "Problem"},
    "alerts.ui.outcome.sent": {"fr": "Envoyé", "en": "Sent"},
    "alerts.ui.outcome.failed": {"fr": "Échec", "en": "Failed"},
    "alerts.ui.kind.alert": {"fr": "Alerte", "en": "Alert"},
    "alerts.ui.kind.escalation": {"fr": "Relance", "en": "Escalation"},
    "alerts.ui.kind.spike": {"fr": "Afflux", "en": "Spike"},
    "alerts.ui.kind.digest": {"fr": "Résumé du matin", "en": "Morning digest"},
    "alerts.ui.kind.test": {"fr": "Essai", "en": "Test"},
    "alerts.ui.kind.email": {"fr": "Courriel", "en": "E-mail"},
    "alerts.ui.kind.teams": {"fr": "Microsoft Teams", "en": "Microsoft Teams"},
    "alerts.ui.kind.slack": {"fr": "Slack", "en": "Slack"},
}
