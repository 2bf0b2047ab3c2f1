"""Words of the records: retention, legal holds, the history's hash chain (Registres)."""

STRINGS = {
    "nav.records": {"fr": "Registres", "en": "Records"},
    "auth.permission.records": {
        "fr": "gérer les registres (conservation, suspensions, demandes d'accès)",
        "en": "manage the records (retention, holds, access requests)",
    },
    "records.lead_only": {
        "fr": "Les registres sont réservés aux chefs d'équipe.",
        "en": "The records are for team leads only.",
    },
    "records.tab.retention": {"fr": "Conservation", "en": "Retention"},
    "records.tab.holds": {"fr": "Suspensions", "en": "Legal holds"},
    "records.tab.access": {"fr": "Demandes d'accès", "en": "Access requests"},
    "records.tab.integrity": {"fr": "Intégrité et sauvegardes", "en": "Integrity and backups"},
    # Registres › Conservation (lib.ui.records)
    "records.ui.retention_help": {
        "fr": "Une fois sa finalité accomplie, un renseignement personnel est détruit ou "
        "anonymisé (Loi sur l'accès, art. 73), selon le calendrier de conservation de "
        "l'organisme. Vigie remplace alors le texte, l'auteur, son identifiant, les notes et "
        "les réponses d'un commentaire fermé ; les délais, motifs, états, plateforme et compte "
        "restent, et les chiffres passés ne changent pas.",
        "en": "Once its purpose is achieved, personal information is destroyed or anonymised "
        "(Access Act, s. 73), under the body's retention schedule. Vigie then replaces a "
        "closed comment's text, author, handle, notes and replies; its timings, reasons, "
        "states, platform and account stay, and past figures do not change.",
    },
    "records.ui.months": {
        "fr": "Conserver le texte et l'auteur (mois après la fermeture)",
        "en": "Keep the text and author (months after closing)",
    },
    "records.ui.by_reason": {
        "fr": "Par motif, si le calendrier de conservation le prévoit",
        "en": "By reason, where the retention schedule says so",
    },
    "records.ui.default_placeholder": {"fr": "délai par défaut", "en": "default period"},
    "records.ui.daily": {
        "fr": "Appliquer chaque jour avec le processus de synchronisation",
        "en": "Apply every day with the sync worker",
    },
    "records.ui.due_title": {"fr": "À anonymiser aujourd'hui", "en": "To anonymise today"},
    "records.ui.due": {
        "fr": "**{count}** commentaires fermés ont dépassé leur délai ; {held} sont gardés par "
        "une suspension et {sending} attendent l'envoi d'une décision à leur plateforme.",
        "en": "**{count}** closed comments are past their period; {held} are kept by a legal "
        "hold and {sending} wait for a decision to reach their platform.",
    },
    "records.ui.kept_held": {"fr": "suspendu", "en": "on hold"},
    "records.ui.kept_sending": {"fr": "en attente d'envoi", "en": "waiting to be sent"},
    "records.ui.confirm": {
        "fr": "Je confirme : anonymiser ces {count} commentaires est irréversible.",
        "en": "I confirm: anonymising these {count} comments cannot be undone.",
    },
    "records.ui.apply": {"fr": "Anonymiser maintenant", "en": "Anonymise now"},
    "records.ui.applied": {
        "fr": "{count} commentaires anonymisés ; la passe est inscrite au registre de destruction.",
        "en": "{count} comments anonymised; the run is written to the destruction log.",
    },
    "records.ui.log_title": {"fr": "Registre de destruction", "en": "Destruction log"},
    "records.ui.log_empty": {
        "fr": "Aucune anonymisation jusqu'ici.",
        "en": "Nothing anonymised so far.",
    },
    "records.ui.rule_none": {"fr": "rien à anonymiser", "en": "nothing to anonymise"},
    "records.col.comment": {"fr": "N°", "en": "#"},
    "records.col.platform": {"fr": "Plateforme", "en": "Platform"},
    "records.col.account": {"fr": "Compte", "en": "Account"},
    "records.col.closed": {"fr": "Fermé le", "en": "Closed on"},
    "records.col.rule": {"fr": "Règle", "en": "Rule"},
    "records.col.kept": {"fr": "Gardé", "en": "Kept"},
    "records.col.at": {"fr": "Quand", "en": "When"},
    "records.col.actor": {"fr": "Par", "en": "By"},
    "records.col.comments": {"fr": "Commentaires", "en": "Comments"},
    "records.col.hold": {"fr": "Suspension", "en": "Hold"},
    "records.col.action": {"fr": "Geste", "en": "Step"},
    "records.col.target": {"fr": "Vise", "en": "On"},
    "records.col.reason": {"fr": "Raison", "en": "Reason"},
    # Registres › Suspensions
    "records.ui.holds_help": {
        "fr": "Une suspension (demande d'accès en cours, plainte, litige) empêche "
        "l'anonymisation d'un commentaire, ou de tous ceux d'un auteur sur une plateforme, "
        "tant qu'elle n'est pas levée. Placer et lever une suspension est inscrit à "
        "l'historique.",
        "en": "A legal hold (an access request under way, a complaint, a dispute) keeps a "
        "comment, or all of one author's comments on a platform, from being anonymised until "
        "it is lifted. Placing and lifting holds is in the history.",
    },
    "records.ui.hold_on": {"fr": "Suspendre", "en": "Hold"},
    "records.ui.hold_comment": {"fr": "un commentaire", "en": "a comment"},
    "records.ui.hold_author": {"fr": "un auteur", "en": "an author"},
    "records.ui.hold_comment_number": {
        "fr": "Numéro du commentaire (s'il s'agit d'un commentaire)",
        "en": "Comment number (for a comment)",
    },
    "records.ui.hold_handle": {
        "fr": "Identifiant de l'auteur sur la plateforme (s'il s'agit d'un auteur)",
        "en": "The author's handle on the platform (for an author)",
    },
    "records.ui.hold_reason": {"fr": "Raison", "en": "Reason"},
    "records.ui.hold_place": {"fr": "Placer la suspension", "en": "Place the hold"},
    "records.ui.hold_bad_number": {
        "fr": "« {typed} » n'est pas un numéro de commentaire.",
        "en": "“{typed}” is not a comment number.",
    },
    "records.ui.holds_standing": {"fr": "Suspensions en vigueur", "en": "Holds in force"},
    "records.ui.holds_none": {"fr": "Aucune suspension en vigueur.", "en": "No hold in force."},
    "records.ui.hold_which": {"fr": "Suspension à lever", "en": "Hold to lift"},
    "records.ui.lift_reason": {"fr": "Raison de la levée", "en": "Why it is lifted"},
    "records.ui.hold_lift": {"fr": "Lever la suspension", "en": "Lift the hold"},
    "records.ui.holds_history": {
        "fr": "Historique des suspensions",
        "en": "History of the holds",
    },
    "records.ui.action_place": {"fr": "placée", "en": "placed"},
    "records.ui.action_lift": {"fr": "levée (n° {hold})", "en": "lifted (#{hold})"},
    "records.ui.target_comment": {"fr": "commentaire n° {comment}", "en": "comment #{comment}"},
    # Registres › Intégrité et sauvegardes
    "records.ui.chain_started": {
        "fr": "L'historique est chaîné depuis le {at} ; les {before} lignes qui existaient "
        "alors ont été scellées telles quelles.",
        "en": "The history has been chained since {at}; the {before} rows that existed then "
        "were sealed as they were.",
    },
    "records.ui.verify": {"fr": "Vérifier l'historique", "en": "Verify the history"},
    "records.ui.verifying": {"fr": "Vérification de la chaîne…", "en": "Checking the chain…"},
    "records.ui.intact": {
        "fr": "Chaîne intacte : {rows} lignes dans {tables} tables.",
        "en": "Chain intact: {rows} rows in {tables} tables.",
    },
    # Retention (lib.records.retention, lib.settings.retention)
    "records.rule.default": {
        "fr": "Délai par défaut ({months} mois)",
        "en": "Default period ({months} months)",
    },
    "records.rule.reason": {
        "fr": "Motif « {reason} » ({months} mois)",
        "en": "Reason “{reason}” ({months} months)",
    },
    "settings.error.retention_months": {
        "fr": "Une durée de conservation est un nombre entier de mois, de {low} à {high}.",
        "en": "A retention period is a whole number of months, from {low} to {high}.",
    },
    "settings.error.retention_reason": {
        "fr": "Motifs inconnus dans le calendrier de conservation : {codes}.",
        "en": "Unknown reasons in the retention schedule: {codes}.",
    },
    # Legal holds (lib.records.holds)
    "records.hold.error.needs_target": {
        "fr": "Une suspension vise soit un commentaire, soit un auteur (plateforme et "
        "identifiant), pas les deux.",
        "en": "A hold is on either a comment or an author (platform and handle), not both.",
    },
    "records.hold.error.bad_author": {
        "fr": "L'auteur visé doit avoir une plateforme connue et un identifiant valide.",
        "en": "The author needs a known platform and a valid handle.",
    },
    "records.hold.error.unknown_comment": {
        "fr": "Aucun commentaire n° {comment}.",
        "en": "No comment #{comment}.",
    },
    "records.hold.error.not_standing": {
        "fr": "La suspension n° {hold} n'est pas en vigueur.",
        "en": "Hold #{hold} is not in force.",
    },
    "records.hold.error.needs_reason": {
        "fr": "Donnez la raison (demande d'accès, plainte, litige…).",
        "en": "Give the reason (access request, complaint, dispute…).",
    },
    "records.hold.error.bad_reason": {
        "fr": "La raison tient en {limit} caractères, sans caractère de contrôle.",
        "en": "The reason fits in {limit} characters, without control characters.",
    },
    # The command line (lib.cli.records)
    "records.cli.row": {
        "fr": "n° {comment} · {platform} {account} · fermé le {closed} · {rule} {kept}",
        "en": "#{comment} · {platform} {account} · closed on {closed} · {rule} {kept}",
    },
    "records.cli.kept.held": {"fr": "· suspendu (conservé)", "en": "· on hold (kept)"},
    "records.cli.kept.sending": {
        "fr": "· décision pas encore sur la plateforme (conservé)",
        "en": "· decision not yet on the platform (kept)",
    },
    "records.cli.listed": {
        "fr": "retention : {count} commentaires à anonymiser, {held} suspendus, {sending} en "
        "attente d'envoi (rien n'a changé ; --apply pour anonymiser)",
        "en": "retention: {count} comments to anonymise, {held} on hold, {sending} waiting to "
        "be sent (nothing changed; --apply to anonymise)",
    },
    "records.cli.applied": {
        "fr": "retention : {count} commentaires anonymisés, {held} suspendus, {sending} en "
        "attente d'envoi ; inscrit au registre de destruction",
        "en": "retention: {count} comments anonymised, {held} on hold, {sending} waiting to "
        "be sent; written to the destruction log",
    },
    "records.sync.applied": {
        "fr": "conservation : {count} commentaire(s) anonymisé(s)",
        "en": "retention: {count} comment(s) anonymised",
    },
    # The hash chain (lib.chain.verify)
    "records.verify.intact": {
        "fr": "verify : chaîne intacte, {rows} lignes dans {tables} tables ; chaîne commencée "
        "le {started}",
        "en": "verify: chain intact, {rows} rows in {tables} tables; chain started on {started}",
    },
    "records.verify.intact_sealed": {
        "fr": "verify : chaîne intacte, {rows} lignes dans {tables} tables ; chaîne commencée "
        "le {started} à la migration : les {before} lignes déjà là ont été scellées telles "
        "qu'elles étaient, sans preuve de ce qu'elles étaient avant",
        "en": "verify: chain intact, {rows} rows in {tables} tables; chain started on "
        "{started} at the migration: the {before} rows already there were sealed as they "
        "were, with no proof of what they were before",
    },
    "records.verify.progress": {
        "fr": "{table} : {rows} lignes vérifiées",
        "en": "{table}: {rows} rows checked",
    },
    "records.verify.changed": {
        "fr": "chaîne rompue : {table}, ligne {row} ne correspond plus à son empreinte "
        "(modifiée hors de Vigie)",
        "en": "chain broken: {table}, row {row} no longer matches its hash (changed outside Vigie)",
    },
    "records.verify.missing_before": {
        "fr": "chaîne rompue : {table}, une ou plusieurs lignes manquent avant la ligne {row} "
        "(supprimées)",
        "en": "chain broken: {table}, one or more rows are missing before row {row} (deleted)",
    },
    "records.verify.unsealed": {
        "fr": "chaîne rompue : {table}, la ligne {row} n'est pas scellée (ajoutée hors de Vigie)",
        "en": "chain broken: {table}, row {row} is not sealed (added outside Vigie)",
    },
    "records.verify.erased_unrecorded": {
        "fr": "chaîne rompue : {table}, la ligne {row} a été effacée sans inscription au "
        "registre de destruction",
        "en": "chain broken: {table}, row {row} was erased without an entry in the destruction log",
    },
    "records.verify.head_missing": {
        "fr": "chaîne rompue : {table}, la ligne {row}, dernière d'une sauvegarde vérifiée, "
        "manque ou a changé (lignes supprimées à la fin ?)",
        "en": "chain broken: {table}, row {row}, the last of a verified backup, is missing or "
        "changed (rows deleted at the end?)",
    },
}
