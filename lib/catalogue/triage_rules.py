"""Words of the triage rules: Paramètres › Règles de tri, the rules' history entries."""

STRINGS: dict[str, dict[str, str]] = {
    # Refusals of a rule (lib.settings.triage_rules.check_rules)
    "settings.error.rules_too_many": {
        "fr": "Au plus {limit} règles de tri",
        "en": "At most {limit} triage rules",
    },
    "settings.error.rule_code": {
        "fr": "Code de règle invalide ou en double : « {rule} » "
        "(lettres minuscules, chiffres, - et _)",
        "en": "invalid or repeated rule code: “{rule}” (lower-case letters, digits, - and _)",
    },
    "settings.error.rule_needs_name": {
        "fr": "Nommez la règle « {rule} » : l'historique la nomme quand elle agit",
        "en": "name rule “{rule}”: the history names it when it acts",
    },
    "settings.error.rule_too_many_words": {
        "fr": "La règle « {rule} » a trop de mots ou d'expressions (au plus {limit})",
        "en": "rule “{rule}” has too many words or phrases (at most {limit})",
    },
    "settings.error.rule_needs_condition": {
        "fr": "La règle « {rule} » doit avoir au moins une condition",
        "en": "rule “{rule}” needs at least one condition",
    },
    "settings.error.rule_needs_effect": {
        "fr": "La règle « {rule} » doit faire au moins une chose",
        "en": "rule “{rule}” must do at least one thing",
    },
    "settings.error.rule_unknown_value": {
        "fr": "La règle « {rule} » vise des valeurs inconnues : {values}",
        "en": "rule “{rule}” uses unknown values: {values}",
    },
    "settings.error.rule_hide_reason": {
        "fr": "La règle « {rule} » ne peut pas masquer avec ce motif : le masquage "
        "automatique est réservé au pourriel et au contenu commercial",
        "en": "rule “{rule}” cannot hide for this reason: hiding automatically is only "
        "for spam and commercial content",
    },
    "settings.error.rule_hide_unconfirmed": {
        "fr": "La règle « {rule} » masque sans que personne ne relise : cochez la "
        "confirmation explicite (réservé au pourriel et au contenu commercial)",
        "en": "rule “{rule}” hides without anyone reading first: tick the explicit "
        "confirmation (only for spam and commercial content)",
    },
    "settings.error.rule_retired_reason": {
        "fr": "La règle « {rule} » utilise un motif retiré : {reasons}",
        "en": "rule “{rule}” uses a retired reason: {reasons}",
    },
    # The queue: what a rule did, and what it put on a comment
    "queue.history.by_rule": {"fr": "Règle « {name} »", "en": "Rule “{name}”"},
    "queue.triage_marks": {"fr": "Tri", "en": "Triage"},
    "queue.priority_mark": {"fr": "⬆ prioritaire", "en": "⬆ priority"},
    # Paramètres › Règles de tri (lib/ui/triage_rules.py)
    "settings.tab.rules": {"fr": "Règles de tri", "en": "Triage rules"},
    "rules.help": {
        "fr": "Les règles actives s'appliquent dans l'ordre à chaque commentaire qui arrive, "
        "d'un fichier ou d'une plateforme ; chaque geste d'une règle est inscrit dans "
        "l'historique du commentaire sous son nom. Une assignation ou une suggestion vient "
        "de la première règle qui en donne une ; les étiquettes s'ajoutent ; un masquage "
        "arrête les règles suivantes.",
        "en": "Active rules apply in order to every arriving comment, from a file or a "
        "platform; each thing a rule does is in the comment's history under its name. An "
        "assignment or a suggestion comes from the first rule that gives one; labels add "
        "up; a hide stops the rules after it.",
    },
    "rules.none": {"fr": "Aucune règle de tri.", "en": "No triage rule."},
    "rules.pick": {"fr": "Règle à modifier", "en": "Rule to edit"},
    "rules.new": {"fr": "Nouvelle règle", "en": "New rule"},
    "rules.name": {"fr": "Nom de la règle", "en": "Rule name"},
    "rules.active": {"fr": "Active", "en": "Active"},
    "rules.conditions": {
        "fr": "Conditions (toutes doivent tenir ; dans une liste, l'une ou l'autre)",
        "en": "Conditions (all must hold; within a list, any of them)",
    },
    "rules.words": {"fr": "Mots ou expressions", "en": "Words or phrases"},
    "rules.words_help": {
        "fr": "Un par ligne ; majuscules et accents ignorés, mots entiers (« pad » ne trouve "
        "pas « padding »). Des mots simples, pas des expressions régulières.",
        "en": "One a line; case and accents ignored, whole words (“pad” does not find "
        "“padding”). Plain words, not regular expressions.",
    },
    "rules.flags": {"fr": "Indicateurs (l'un ou l'autre)", "en": "Flags (any of them)"},
    "rules.platforms": {"fr": "Plateformes (l'une ou l'autre)", "en": "Platforms (any of them)"},
    "rules.accounts": {"fr": "Comptes (l'un ou l'autre)", "en": "Accounts (any of them)"},
    "rules.accounts_help": {
        "fr": "Noms des comptes, séparés par des virgules",
        "en": "Account names, separated by commas",
    },
    "rules.languages": {"fr": "Langues (l'une ou l'autre)", "en": "Languages (any of them)"},
    "rules.any": {"fr": "Aucune condition de ce genre", "en": "No condition of this kind"},
    "rules.link": {"fr": "Le commentaire contient un lien", "en": "The comment holds a link"},
    "rules.excluded_author": {
        "fr": "L'auteur est exclu à l'arrivée du commentaire",
        "en": "The author is excluded when the comment arrives",
    },
    "rules.effects": {"fr": "Ce que fait la règle", "en": "What the rule does"},
    "rules.assign": {"fr": "Assigner à", "en": "Assign to"},
    "rules.nobody": {"fr": "Personne", "en": "Nobody"},
    "rules.priority": {
        "fr": "Relever la priorité dans la file",
        "en": "Raise the priority in the queue",
    },
    "rules.label": {"fr": "Étiquette", "en": "Label"},
    "rules.suggest_reason": {"fr": "Motif suggéré", "en": "Suggested reason"},
    "rules.suggest_redirect": {"fr": "Redirection suggérée", "en": "Suggested redirection"},
    "rules.none_chosen": {"fr": "Aucun", "en": "None"},
    "rules.hide_reason": {
        "fr": "Masquer automatiquement (pourriel ou commercial seulement)",
        "en": "Hide automatically (spam or commercial only)",
    },
    "rules.no_hide": {"fr": "Ne pas masquer", "en": "Do not hide"},
    "rules.hide_confirmed": {
        "fr": "Je confirme : ces commentaires seront masqués sans que personne ne les relise "
        "(sauf un commentaire urgent, que Vigie ne masque jamais seul)",
        "en": "I confirm: these comments will be hidden without anyone reading them (except "
        "an urgent comment, which Vigie never hides on its own)",
    },
    "rules.simulate": {"fr": "Simuler sur 30 jours", "en": "Simulate on 30 days"},
    "rules.save": {"fr": "Enregistrer la règle", "en": "Save the rule"},
    "rules.simulate_first": {
        "fr": "Voici ce que la règle aurait trouvé : vérifiez-le, puis enregistrez de nouveau.",
        "en": "Here is what the rule would have found: check it, then save again.",
    },
    "rules.dry_run": {
        "fr": "Sur les {days} derniers jours, la règle aurait trouvé {matched} commentaires, "
        "dont {removed} ont en fait été retirés (masqués ou supprimés).",
        "en": "Over the last {days} days, the rule would have found {matched} comments, "
        "{removed} of which were in fact removed (hidden or deleted).",
    },
    "rules.examples": {"fr": "Exemples récents", "en": "Recent examples"},
    "rules.removed": {"fr": "Retiré", "en": "Removed"},
    "rules.move_up": {"fr": "Monter d'un rang", "en": "Move up"},
    "rules.move_down": {"fr": "Descendre d'un rang", "en": "Move down"},
    "rules.activate": {"fr": "Activer", "en": "Activate"},
    "rules.deactivate": {"fr": "Désactiver", "en": "Deactivate"},
    "rules.remove": {"fr": "Supprimer cette règle", "en": "Delete this rule"},
    "rules.order": {"fr": "Ordre", "en": "Order"},
    "rules.rule": {"fr": "Règle", "en": "Rule"},
    "rules.when": {"fr": "Si", "en": "When"},
    "rules.then": {"fr": "Alors", "en": "Then"},
    "rules.quoted": {"fr": "« {word} »", "en": "“{word}”"},
    "rules.when.words": {"fr": "le texte contient {values}", "en": "the text holds {values}"},
    "rules.when.flags": {"fr": "indicateur {values}", "en": "flag {values}"},
    "rules.when.platforms": {"fr": "sur {values}", "en": "on {values}"},
    "rules.when.accounts": {"fr": "compte {values}", "en": "account {values}"},
    "rules.when.languages": {"fr": "langue {values}", "en": "language {values}"},
    "rules.when.link": {"fr": "contient un lien", "en": "holds a link"},
    "rules.when.excluded_author": {"fr": "auteur exclu", "en": "excluded author"},
    "rules.or": {"fr": " ou ", "en": " or "},
    "rules.do.assign": {"fr": "assigner à {name}", "en": "assign to {name}"},
    "rules.do.priority": {"fr": "relever la priorité", "en": "raise the priority"},
    "rules.do.label": {"fr": "étiquette « {label} »", "en": "label “{label}”"},
    "rules.do.suggest_reason": {"fr": "suggérer « {reason} »", "en": "suggest “{reason}”"},
    "rules.do.suggest_redirect": {
        "fr": "suggérer la redirection « {redirect} »",
        "en": "suggest the redirection “{redirect}”",
    },
    "rules.do.hide": {"fr": "masquer ({reason})", "en": "hide ({reason})"},
}
