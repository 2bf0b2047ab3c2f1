"""Strings of the queue page (File d'attente): filters, table, detail panel, actions."""

STRINGS: dict[str, dict[str, str]] = {
    # Filters and paging
    "queue.filters": {"fr": "Filtres", "en": "Filters"},
    "queue.search": {"fr": "Recherche dans le texte", "en": "Search the text"},
    "queue.search_help": {
        "fr": "Mots du commentaire (accents facultatifs)",
        "en": "Words of the comment (accents optional)",
    },
    "queue.all": {"fr": "Tous", "en": "All"},
    "queue.assignee.anyone": {"fr": "Tout le monde", "en": "Anyone"},
    "queue.assignee.me": {"fr": "Moi", "en": "Me"},
    "queue.assignee.unassigned": {"fr": "Non assignés", "en": "Unassigned"},
    "queue.page": {"fr": "Page", "en": "Page"},
    "queue.page_of": {
        "fr": "Page {page} sur {pages} · {count} commentaires ouverts correspondants",
        "en": "Page {page} of {pages} · {count} matching open comments",
    },
    "queue.empty": {
        "fr": "Aucun commentaire ouvert ne correspond aux filtres.",
        "en": "No open comment matches the filters.",
    },
    # Table
    "queue.age": {"fr": "Âge (ouvrable)", "en": "Age (business)"},
    "queue.proposed_reply": {"fr": "Réponse proposée", "en": "Proposed reply"},
    # Bulk actions
    "queue.bulk.hint": {
        "fr": "Cochez des lignes pour agir sur plusieurs commentaires à la fois.",
        "en": "Tick rows to act on several comments at once.",
    },
    "queue.bulk.selected": {
        "fr": "{count} commentaires sélectionnés",
        "en": "{count} comments selected",
    },
    "queue.selection_cleared": {
        "fr": "La liste a changé depuis votre sélection : elle a été effacée.",
        "en": "The list changed since your selection: it was cleared.",
    },
    "queue.bulk.assign": {"fr": "Assigner", "en": "Assign"},
    "queue.bulk.assignee": {"fr": "Assigner à", "en": "Assign to"},
    "queue.bulk.hide_spam": {"fr": "Masquer (pourriel)", "en": "Hide (spam)"},
    "queue.bulk.delete_spam": {"fr": "Supprimer (pourriel)", "en": "Delete (spam)"},
    "queue.bulk.no_reply": {"fr": "Aucune réponse requise", "en": "No reply needed"},
    "queue.bulk.done": {
        "fr": "Fait : {done} · déjà modifiés par quelqu'un : {stale} · refusés : {invalid}",
        "en": "Done: {done} · already changed by someone: {stale} · refused: {invalid}",
    },
    "queue.bulk.failed": {
        "fr": "{count} commentaires non traités. {problem}",
        "en": "{count} comments not handled. {problem}",
    },
    # A write the database refused (lib.ui.queue.acting.database_problem)
    "queue.db.busy": {
        "fr": (
            "La base de données est occupée par une autre écriture (une importation, par "
            "exemple) : rien n'a été enregistré. Réessayez dans un moment."
        ),
        "en": (
            "The database is busy with another write (an import, for instance): nothing "
            "was saved. Try again in a moment."
        ),
    },
    "queue.db.read_only": {
        "fr": (
            "La base de données est en lecture seule : rien n'a été enregistré. "
            "Prévenez la personne qui administre Vigie."
        ),
        "en": "The database is read-only: nothing was saved. Tell whoever runs Vigie.",
    },
    "queue.db.damaged": {
        "fr": (
            "Le fichier de la base de données est endommagé : rien n'a été enregistré. "
            "Prévenez la personne qui administre Vigie."
        ),
        "en": "The database file is damaged: nothing was saved. Tell whoever runs Vigie.",
    },
    "queue.db.full": {
        "fr": (
            "Le disque de la base de données est plein : rien n'a été enregistré. "
            "Prévenez la personne qui administre Vigie."
        ),
        "en": "The database's disk is full: nothing was saved. Tell whoever runs Vigie.",
    },
    "queue.db.other": {
        "fr": (
            "La base de données a refusé l'écriture ({error}) : rien n'a été enregistré. "
            "Réessayez; si l'erreur revient, prévenez la personne qui administre Vigie."
        ),
        "en": (
            "The database refused the write ({error}): nothing was saved. Try again; if "
            "the error comes back, tell whoever runs Vigie."
        ),
    },
    "queue.db.kept": {
        "fr": "Votre texte est conservé.",
        "en": "Your text is kept.",
    },
    # Detail panel
    "queue.status_line": {"fr": "Statut : {status}", "en": "Status: {status}"},
    "queue.open_post": {"fr": "Ouvrir la publication", "en": "Open the post"},
    "queue.post_line": {"fr": "Publication : {post}", "en": "Post: {post}"},
    "queue.author_line": {"fr": "Auteur : {author}", "en": "Author: {author}"},
    "queue.suggested": {
        "fr": "Suggestions de la détection (rien n'est appliqué sans vous)",
        "en": "Detector suggestions (nothing is applied without you)",
    },
    "queue.suggested.reasons": {
        "fr": "Masquer pour : {reasons}",
        "en": "Hide for: {reasons}",
    },
    "queue.suggested.redirect": {
        "fr": "Rediriger : {redirect}",
        "en": "Redirect: {redirect}",
    },
    "queue.suggested.redirect_escalate": {
        "fr": "Proposer la redirection « {redirect} » pour approbation",
        "en": "Propose the “{redirect}” redirection for approval",
    },
    "queue.history": {"fr": "Historique ({count})", "en": "History ({count})"},
    "queue.when": {"fr": "Quand", "en": "When"},
    "queue.who": {"fr": "Qui", "en": "Who"},
    "queue.what": {"fr": "Action", "en": "Action"},
    "queue.author_past": {
        "fr": "Commentaires antérieurs de l'auteur : {comments} · retraits : {removals}",
        "en": "The author's earlier comments: {comments} · removals: {removals}",
    },
    "queue.removed": {"fr": "Retiré", "en": "Removed"},
    "queue.excluded": {
        "fr": "Auteur exclu : {until}",
        "en": "Author excluded: {until}",
    },
    "queue.excluded.until": {"fr": "jusqu'au {day} inclus", "en": "until {day} inclusive"},
    "queue.excluded.forever": {"fr": "exclusion permanente", "en": "permanently"},
    "queue.excluded.reason": {"fr": "Motif : {reason}", "en": "Reason: {reason}"},
    "queue.conflict": {
        "fr": (
            "Quelqu'un a agi sur ce commentaire avant votre action « {what} », qui n'a pas "
            "été faite. Voici ce qui s'est passé entre-temps et le commentaire à jour; "
            "votre texte est conservé."
        ),
        "en": (
            "Someone acted on this comment before your “{what}”, which was not applied. "
            "Here is what happened meanwhile and the updated comment; your text is kept."
        ),
    },
    "queue.conflict.line": {"fr": "{who} : {what} ({when})", "en": "{who}: {what} ({when})"},
    "queue.conflict.closed": {
        "fr": (
            "Le commentaire est maintenant « {status} » : votre action n'est plus possible. "
            "Votre texte est ci-dessous, prêt à copier (rouvrez le commentaire pour l'utiliser)."
        ),
        "en": (
            "The comment is now “{status}”: your action is no longer possible. Your text "
            "is below, ready to copy (reopen the comment to use it)."
        ),
    },
    "queue.done": {
        "fr": "Commentaire n° {id} : {what} — fait.",
        "en": "Comment #{id}: {what} — done.",
    },
    # Approval
    "queue.approval.title": {
        "fr": "Réponse à approuver (commentaire négatif)",
        "en": "Reply awaiting approval (negative comment)",
    },
    "queue.approval.revised": {
        "fr": (
            "La proposition a été refusée puis révisée pendant votre lecture : la boîte "
            "montre maintenant la nouvelle version."
        ),
        "en": (
            "The proposal was rejected and revised while you were reading it: the box now "
            "shows the new version."
        ),
    },
    "queue.approval.your_edit": {
        "fr": "Vos modifications de l'ancienne version, prêtes à copier :",
        "en": "Your edits of the old version, ready to copy:",
    },
    "queue.reject_note": {
        "fr": "Motif du refus (obligatoire pour refuser)",
        "en": "Why it is rejected (required to reject)",
    },
    "queue.needs_approval": {
        "fr": "Commentaire négatif : la réponse sera publiée après l'approbation d'un chef.",
        "en": "Negative comment: the reply is published once a team lead approves it.",
    },
    # Action tabs and fields
    "queue.tab.reply": {"fr": "Répondre", "en": "Reply"},
    "queue.tab.redirect": {"fr": "Rediriger", "en": "Redirect"},
    "queue.tab.remove": {"fr": "Masquer ou supprimer", "en": "Hide or delete"},
    "queue.tab.assign": {"fr": "Assigner", "en": "Assign"},
    "queue.tab.other": {"fr": "Autres", "en": "More"},
    "queue.reply": {"fr": "Réponse", "en": "Reply"},
    "queue.bilingual": {
        "fr": "Commentaire en anglais : répondez en français d'abord, puis en anglais.",
        "en": "English comment: answer in French first, then in English.",
    },
    "queue.template": {"fr": "Modèle de réponse", "en": "Reply template"},
    "queue.template.insert": {"fr": "Insérer", "en": "Insert"},
    "queue.redirect": {"fr": "Rediriger vers", "en": "Redirect to"},
    "queue.reasons": {"fr": "Motifs (nétiquette)", "en": "Reasons (netiquette)"},
    "queue.reasons_placeholder": {
        "fr": "Choisir un ou plusieurs motifs",
        "en": "Choose one or more",
    },
    "queue.reasons_help": {
        "fr": "Au moins un motif de la nétiquette; le désaccord n'en est jamais un.",
        "en": "At least one netiquette reason; disagreement never is one.",
    },
    "queue.note": {"fr": "Note interne", "en": "Internal note"},
    # Action kinds, as buttons and in the history
    "queue.kind.assign": {"fr": "Assigner", "en": "Assign"},
    "queue.kind.unassign": {"fr": "Remettre dans la file", "en": "Return to the pool"},
    "queue.kind.reply": {"fr": "Répondre", "en": "Reply"},
    "queue.kind.redirect": {"fr": "Rediriger", "en": "Redirect"},
    "queue.kind.hide": {"fr": "Masquer", "en": "Hide"},
    "queue.kind.delete": {"fr": "Supprimer", "en": "Delete"},
    "queue.kind.no_reply_needed": {"fr": "Aucune réponse requise", "en": "No reply needed"},
    "queue.kind.escalate": {"fr": "Soumettre pour approbation", "en": "Submit for approval"},
    "queue.kind.approve": {"fr": "Approuver et publier", "en": "Approve and publish"},
    "queue.kind.reject": {"fr": "Refuser", "en": "Reject"},
    "queue.kind.note": {"fr": "Ajouter la note", "en": "Add the note"},
    "queue.kind.reopen": {"fr": "Rouvrir", "en": "Reopen"},
    # What only a triage rule does (lib.triage_rules), as the history shows it
    "queue.kind.label": {"fr": "Étiquette ajoutée", "en": "Label added"},
    "queue.kind.prioritize": {"fr": "Priorité relevée", "en": "Priority raised"},
    "queue.kind.suggest": {"fr": "Suggestion", "en": "Suggestion"},
    # Why act() refused (InvalidAction.code)
    "queue.invalid.unknown_kind": {"fr": "Action inconnue.", "en": "Unknown action."},
    "queue.invalid.rule_only": {
        "fr": "Seule une règle de tri fait cette action.",
        "en": "Only a triage rule does this.",
    },
    "queue.invalid.not_for_rules": {
        "fr": "Une règle de tri ne peut pas faire cette action.",
        "en": "A triage rule cannot do this.",
    },
    "queue.invalid.not_assigned": {
        "fr": "Ce commentaire n'est assigné à personne.",
        "en": "This comment is assigned to nobody.",
    },
    "queue.invalid.unknown_comment": {
        "fr": "Ce commentaire n'existe plus.",
        "en": "This comment no longer exists.",
    },
    "queue.invalid.unknown_actor": {
        "fr": "Personne inconnue : choisissez-vous dans la barre latérale.",
        "en": "Unknown person: pick yourself in the sidebar.",
    },
    "queue.invalid.unknown_assignee": {
        "fr": "Cette personne ne fait pas partie de l'équipe.",
        "en": "This person is not on the team.",
    },
    "queue.invalid.unexpected_argument": {
        "fr": "Cette action ne prend pas ces informations.",
        "en": "This action does not take that information.",
    },
    "queue.invalid.reason_required": {
        "fr": "Choisissez au moins un motif de la nétiquette pour masquer ou supprimer.",
        "en": "Choose at least one netiquette reason to hide or delete.",
    },
    "queue.invalid.unknown_reason": {"fr": "Motif inconnu.", "en": "Unknown reason."},
    "queue.invalid.retired_reason": {
        "fr": "Ce motif a été retiré par la chef d'équipe.",
        "en": "This reason was retired by the team lead.",
    },
    "queue.invalid.template_required": {
        "fr": "Choisissez une redirection.",
        "en": "Choose a redirection.",
    },
    "queue.invalid.unknown_template": {
        "fr": "Redirection inconnue.",
        "en": "Unknown redirection.",
    },
    "queue.invalid.reply_required": {
        "fr": "Écrivez la réponse d'abord.",
        "en": "Write the reply first.",
    },
    "queue.invalid.note_required": {
        "fr": "Écrivez la note d'abord.",
        "en": "Write the note first.",
    },
    "queue.invalid.too_long": {
        "fr": "Ce texte est trop long pour être publié : raccourcissez-le.",
        "en": "This text is too long to publish: shorten it.",
    },
    "queue.invalid.proposal_required": {
        "fr": "Dites quelle proposition vous approuvez : rouvrez le commentaire.",
        "en": "Say which proposal you approve: open the comment again.",
    },
    "queue.invalid.proposal_changed": {
        "fr": (
            "La proposition a été refusée puis révisée depuis votre lecture : rien n'a été "
            "publié. Relisez la nouvelle version ci-dessus."
        ),
        "en": (
            "The proposal was rejected and revised since you read it: nothing was published. "
            "Read the new version above."
        ),
    },
    "queue.invalid.lead_only": {
        "fr": "Seul un chef d'équipe peut approuver ou refuser.",
        "en": "Only a team lead may approve or reject.",
    },
    "queue.invalid.needs_approval": {
        "fr": "Cette réponse demande l'approbation d'un chef d'équipe : soumettez-la.",
        "en": "This reply needs a team lead's approval: submit it.",
    },
    "queue.invalid.not_awaiting_approval": {
        "fr": "Ce commentaire n'attend pas d'approbation.",
        "en": "This comment is not awaiting approval.",
    },
    "queue.invalid.not_open": {
        "fr": "Ce commentaire est déjà traité : rouvrez-le d'abord.",
        "en": "This comment is already handled: reopen it first.",
    },
    "queue.invalid.not_closed": {
        "fr": "Ce commentaire est encore ouvert.",
        "en": "This comment is still open.",
    },
    "queue.invalid.before_received": {
        "fr": "Une action ne peut précéder la réception du commentaire.",
        "en": "An action cannot come before the comment arrived.",
    },
}
