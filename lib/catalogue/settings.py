"""Strings of sign-in (auth.*) and of the Paramètres page (settings.*)."""

STRINGS: dict[str, dict[str, str]] = {
    # Sign-in
    "auth.sign_in": {"fr": "Se connecter", "en": "Sign in"},
    "auth.sign_in_oidc": {
        "fr": "Se connecter avec le compte de l'organisation",
        "en": "Sign in with your organisation account",
    },
    "auth.sign_out": {"fr": "Se déconnecter", "en": "Sign out"},
    "auth.password": {"fr": "Mot de passe", "en": "Password"},
    "auth.username": {"fr": "Identifiant", "en": "Username"},
    "auth.signed_in_as": {"fr": "Connecté : {name} · {role}", "en": "Signed in: {name} · {role}"},
    "auth.signin.failed": {
        "fr": "Identifiant ou mot de passe incorrect.",
        "en": "Wrong username or password.",
    },
    "auth.signin.throttled": {
        "fr": "Trop de tentatives de connexion : réessayez à {clock} (dans {wait}). "
        "D'ici là, même le bon mot de passe est refusé.",
        "en": "Too many sign-in attempts: try again at {clock} (in {wait}). "
        "Until then, even the right password is refused.",
    },
    "auth.session_ended": {
        "fr": "Votre session a pris fin : votre mot de passe, votre rôle ou votre compte a "
        "changé. Connectez-vous de nouveau.",
        "en": "Your session has ended: your password, role or account changed. "
        "Please sign in again.",
    },
    "auth.demo_hint": {
        "fr": "Base de démonstration : chefs d'équipe {leads} ; modération {moderators}. "
        "Mot de passe : {password}",
        "en": "Demo database: team leads {leads}; moderators {moderators}. Password: {password}",
    },
    "auth.no_passwords": {
        "fr": "Aucun mot de passe n'est défini : un chef d'équipe lance "
        "`python -m lib password IDENTIFIANT`.",
        "en": "No password is set yet: a team lead runs `python -m lib password USERNAME`.",
    },
    "auth.prompt_local": {
        "fr": "Connectez-vous dans la barre latérale : votre identifiant et votre mot de passe.",
        "en": "Sign in from the sidebar: your username and your password.",
    },
    "auth.prompt_oidc": {
        "fr": "Connectez-vous avec le compte de l'organisation (barre latérale).",
        "en": "Sign in with your organisation account (sidebar).",
    },
    # Refusals (lib.auth)
    "auth.denied": {
        "fr": "Réservé aux chefs d'équipe : {who} ne peut pas {what}.",
        "en": "Team leads only: {who} may not {what}.",
    },
    "auth.permission.settings": {"fr": "modifier les paramètres", "en": "change the settings"},
    "auth.permission.approve": {"fr": "approuver une réponse", "en": "approve a reply"},
    "auth.permission.reject": {"fr": "refuser une réponse", "en": "reject a reply"},
    "auth.permission.unmask": {
        "fr": "voir les renseignements personnels non masqués",
        "en": "see unmasked personal data",
    },
    "auth.permission.passwords": {
        "fr": "remplacer le mot de passe d'un compte",
        "en": "replace an account's password",
    },
    "auth.permission.identities": {
        "fr": "délier le compte de l'organisation d'un membre de l'équipe",
        "en": "unbind a team member's organisation account",
    },
    # Organisation accounts refused (lib.auth.identity)
    "auth.identity.wrong_issuer": {
        "fr": "Le compte {who} ne vient pas du fournisseur d'identité de l'organisation.",
        "en": "The account {who} does not come from the organisation's identity provider.",
    },
    "auth.identity.wrong_tenant": {
        "fr": "Le compte {who} appartient à un autre annuaire (locataire) que celui de "
        "l'organisation.",
        "en": "The account {who} belongs to another directory (tenant) than the organisation's.",
    },
    "auth.identity.no_subject": {
        "fr": "Le fournisseur d'identité n'a pas identifié le compte {who}.",
        "en": "The identity provider did not identify the account {who}.",
    },
    "auth.identity.unverified": {
        "fr": "L'adresse du compte {who} n'est pas vérifiée par le fournisseur d'identité : "
        "Vigie ne peut pas vous reconnaître.",
        "en": "The identity provider has not verified the address of the account {who}: "
        "Vigie cannot recognise you.",
    },
    "auth.identity.not_on_team": {
        "fr": "Le compte {who} ne fait pas partie de l'équipe Vigie : demandez à un chef d'équipe.",
        "en": "The account {who} is not on the Vigie team: ask a team lead.",
    },
    "auth.identity.bound_elsewhere": {
        "fr": "Le nom {who} est déjà lié à un autre compte de l'organisation : demandez à un "
        "chef d'équipe de le délier (Paramètres, Équipe).",
        "en": "The name {who} is already bound to another organisation account: ask a team "
        "lead to unbind it (Settings, Team).",
    },
    "auth.refused.bad_credentials": {
        "fr": "Identifiants refusés pour {who} (nom ou mot de passe)",
        "en": "Credentials refused for {who} (name or password)",
    },
    "auth.refused.unknown_person": {
        "fr": "Personne inconnue : {who}",
        "en": "unknown person: {who}",
    },
    "auth.refused.password_too_short": {
        "fr": "Le mot de passe doit compter au moins {length} caractères",
        "en": "the password needs at least {length} characters",
    },
    # Paramètres
    "settings.title": {"fr": "Paramètres", "en": "Settings"},
    "settings.lead_only": {
        "fr": "Les paramètres sont réservés aux chefs d'équipe. "
        "Demandez à un chef d'équipe s'il faut changer l'horaire, les cibles ou les modèles.",
        "en": "Settings are for team leads only. "
        "Ask a team lead to change the office hours, the targets or the templates.",
    },
    "settings.saved": {"fr": "Enregistré.", "en": "Saved."},
    "settings.unchanged": {"fr": "Aucun changement.", "en": "Nothing changed."},
    "settings.save": {"fr": "Enregistrer", "en": "Save"},
    "settings.tab.calendar": {"fr": "Horaire et cibles", "en": "Hours and targets"},
    "settings.tab.closures": {"fr": "Fermetures", "en": "Closures"},
    "settings.tab.reasons": {"fr": "Motifs", "en": "Reasons"},
    "settings.tab.templates": {"fr": "Modèles de réponse", "en": "Reply templates"},
    "settings.tab.excluded": {"fr": "Auteurs exclus", "en": "Excluded authors"},
    "settings.tab.team": {"fr": "Équipe", "en": "Team"},
    "settings.tab.history": {"fr": "Historique", "en": "History"},
    "settings.team": {"fr": "Équipe", "en": "Team"},
    # Team: accounts and refused sign-ins (lib/ui/team.py)
    "settings.team.local_password": {"fr": "Mot de passe local", "en": "Local password"},
    "settings.team.bound_at": {
        "fr": "Compte de l'organisation lié le",
        "en": "Organisation account bound on",
    },
    "settings.team.unbind": {
        "fr": "Délier le compte de l'organisation de",
        "en": "Unbind the organisation account of",
    },
    "settings.team.unbind_help": {
        "fr": "Sa prochaine connexion vérifiée liera de nouveau son nom au compte qui se "
        "présente (par exemple après la recréation de son compte) ; ses sessions ouvertes "
        "prennent fin.",
        "en": "Their next verified sign-in binds their name again to the account that signs "
        "in (e.g. after their account was recreated); their open sessions end.",
    },
    "settings.team.unbind_button": {"fr": "Délier", "en": "Unbind"},
    "settings.team.failed_signins": {
        "fr": "Connexions refusées",
        "en": "Refused sign-ins",
    },
    "settings.team.failed_help": {
        "fr": "Les {count} plus récentes, heure du Québec. Après {account} échecs pour un "
        "identifiant, ou {client} pour un même poste, chaque essai attend (30 s, puis le "
        "double) ; le registre ne peut être ni modifié ni effacé.",
        "en": "The latest {count}, Québec time. After {account} failures for one username, "
        "or {client} from one client, each attempt waits (30 s, then double); the record "
        "cannot be changed or erased.",
    },
    "settings.team.typed": {"fr": "Identifiant saisi", "en": "Username typed"},
    "settings.team.client": {"fr": "Poste", "en": "Client"},
    "settings.team.reason": {"fr": "Motif du refus", "en": "Why refused"},
    "settings.team.no_failures": {
        "fr": "Aucune connexion refusée.",
        "en": "No refused sign-in.",
    },
    "auth.failure.wrong_password": {"fr": "Mauvais mot de passe", "en": "Wrong password"},
    "auth.failure.unknown_username": {"fr": "Identifiant inconnu", "en": "Unknown username"},
    "auth.failure.no_password": {
        "fr": "Compte sans mot de passe local",
        "en": "Account without a local password",
    },
    "auth.failure.throttled": {
        "fr": "Trop de tentatives (attente)",
        "en": "Too many attempts (waiting)",
    },
    "auth.failure.wrong_issuer": {"fr": "Autre fournisseur d'identité", "en": "Other issuer"},
    "auth.failure.wrong_tenant": {"fr": "Autre locataire", "en": "Other tenant"},
    "auth.failure.no_subject": {"fr": "Compte non identifié", "en": "No subject"},
    "auth.failure.unverified": {"fr": "Adresse non vérifiée", "en": "Unverified address"},
    "auth.failure.not_on_team": {"fr": "Pas dans l'équipe", "en": "Not on the team"},
    "auth.failure.bound_elsewhere": {
        "fr": "Nom lié à un autre compte",
        "en": "Name bound to another account",
    },
    "settings.calendar": {"fr": "Calendrier", "en": "Calendar"},
    "settings.display_name": {"fr": "Nom", "en": "Name"},
    "settings.role": {"fr": "Rôle", "en": "Role"},
    "settings.username": {"fr": "Identifiant", "en": "Username"},
    # Hours and targets
    "settings.open_time": {"fr": "Ouverture", "en": "Opening"},
    "settings.close_time": {"fr": "Fermeture", "en": "Closing"},
    "settings.weekdays": {"fr": "Jours ouvrables", "en": "Business days"},
    "settings.easter_monday": {
        "fr": "Fermé le lundi de Pâques",
        "en": "Closed on Easter Monday",
    },
    "settings.target_hours": {
        "fr": "Délai de réponse visé (heures ouvrables)",
        "en": "Response target (business hours)",
    },
    "settings.at_risk_hours": {
        "fr": "Seuil « à risque » (heures ouvrables restantes)",
        "en": "At-risk threshold (business hours left)",
    },
    "settings.goal_pct": {"fr": "Objectif de conformité (%)", "en": "Compliance goal (%)"},
    "settings.recompute_note": {
        "fr": "Changer l'horaire, les jours, les fermetures ou la cible recalcule aussitôt "
        "l'échéance des commentaires ouverts.",
        "en": "Changing the hours, days, closures or target recomputes the due time of "
        "open comments at once.",
    },
    # Closures
    "settings.closures": {"fr": "Dates de fermeture", "en": "Closure dates"},
    "settings.closures_help": {
        "fr": "En plus des jours fériés du Québec, déjà exclus.",
        "en": "On top of Québec's public holidays, already excluded.",
    },
    "settings.closure_add": {"fr": "Ajouter une date", "en": "Add a date"},
    "settings.closure_add_button": {"fr": "Ajouter", "en": "Add"},
    "settings.closure_remove": {"fr": "Dates à retirer", "en": "Dates to remove"},
    "settings.closure_remove_button": {"fr": "Retirer", "en": "Remove"},
    "settings.preset_fetes": {
        "fr": "Congé des Fêtes ({start} – {end})",
        "en": "Holiday season ({start} – {end})",
    },
    "settings.preset_boxing_day": {"fr": "Lendemain de Noël ({day})", "en": "Boxing Day ({day})"},
    # Reasons
    "settings.reason": {"fr": "Motif", "en": "Reason"},
    "settings.code": {"fr": "Code", "en": "Code"},
    "settings.label_fr": {"fr": "Libellé français", "en": "French label"},
    "settings.label_en": {"fr": "Libellé anglais", "en": "English label"},
    "settings.retired": {"fr": "Retiré", "en": "Retired"},
    "settings.reason_retire": {
        "fr": "Retirer ce motif (il reste lisible dans l'historique)",
        "en": "Retire this reason (it stays readable in the history)",
    },
    "settings.reasons_help": {
        "fr": "Les codes sont permanents : renommez un libellé ou retirez un code, mais ne "
        "donnez jamais un autre sens à un code.",
        "en": "Codes are permanent: rename a label or retire a code, but never give a code "
        "another meaning.",
    },
    # Templates
    "settings.template": {"fr": "Modèle", "en": "Template"},
    "settings.template_fr": {"fr": "Texte français", "en": "French text"},
    "settings.template_en": {"fr": "Texte anglais", "en": "English text"},
    "settings.template_reset": {"fr": "Revenir au texte par défaut", "en": "Restore the default"},
    "settings.template_preview": {
        "fr": "Réponse à un commentaire en anglais (français d'abord, puis anglais)",
        "en": "Reply to an English comment (French first, then English)",
    },
    "settings.template_preview_french_only": {
        "fr": "Réponse à un commentaire en anglais (en français seulement, selon votre politique)",
        "en": "Reply to an English comment (in French only, as your policy says)",
    },
    # Excluded authors
    "settings.excluded_add": {"fr": "Exclure un auteur", "en": "Exclude an author"},
    "settings.handle": {"fr": "Identifiant de l'auteur", "en": "Author handle"},
    "settings.permanent": {"fr": "Exclusion permanente", "en": "Permanent exclusion"},
    "settings.until": {"fr": "Jusqu'au (inclus)", "en": "Until (inclusive)"},
    "settings.why": {"fr": "Raison", "en": "Reason"},
    "settings.exclude_button": {"fr": "Exclure", "en": "Exclude"},
    "settings.readmit": {"fr": "Réadmettre", "en": "Readmit"},
    "settings.readmit_button": {"fr": "Lever l'exclusion", "en": "End the exclusion"},
    "settings.forever": {"fr": "Permanente", "en": "Permanent"},
    "settings.added_by": {"fr": "Par", "en": "By"},
    "settings.added_at": {"fr": "Le", "en": "On"},
    # History
    "settings.history_help": {
        "fr": "Chaque changement de paramètre : qui, quand, avant, après.",
        "en": "Every settings change: who, when, before, after.",
    },
    "settings.at": {"fr": "Quand", "en": "When"},
    "settings.actor": {"fr": "Qui", "en": "Who"},
    "settings.key": {"fr": "Paramètre", "en": "Setting"},
    "settings.old": {"fr": "Avant", "en": "Before"},
    "settings.new": {"fr": "Après", "en": "After"},
    "settings.until_or_permanent": {
        "fr": "Choisissez la date de fin de l'exclusion, ou cochez « Exclusion permanente ».",
        "en": "Choose the last day of the exclusion, or tick “Permanent exclusion”.",
    },
    # Refusals of values (lib.settings.check)
    "settings.error.unknown_setting": {
        "fr": "Paramètre inconnu : {keys}",
        "en": "unknown setting: {keys}",
    },
    "settings.error.unreadable": {
        "fr": "Heure ou date illisible : {detail}",
        "en": "unreadable time or date: {detail}",
    },
    "settings.error.open_before_close": {
        "fr": "L'ouverture doit précéder la fermeture",
        "en": "opening must come before closing",
    },
    "settings.error.no_weekday": {
        "fr": "Choisissez au moins un jour ouvrable",
        "en": "choose at least one weekday",
    },
    "settings.error.target_not_positive": {
        "fr": "La cible doit être positive",
        "en": "the target must be positive",
    },
    "settings.error.at_risk_out_of_range": {
        "fr": "Le seuil « à risque » doit être entre 0 et la cible",
        "en": "the at-risk threshold must be between 0 and the target",
    },
    "settings.error.goal_out_of_range": {
        "fr": "L'objectif doit être entre 0 et 100 %",
        "en": "the goal must be 0 to 100%",
    },
    "settings.error.no_active_reason": {
        "fr": "Gardez au moins un motif actif",
        "en": "keep at least one active reason",
    },
    "settings.error.unknown_reason": {
        "fr": "Code de motif inconnu : {codes}",
        "en": "unknown reason code: {codes}",
    },
    "settings.error.unknown_template": {
        "fr": "Code de modèle inconnu : {codes}",
        "en": "unknown template code: {codes}",
    },
    "settings.error.reason_needs_both_languages": {
        "fr": "Le motif {which} doit avoir un texte en français et en anglais",
        "en": "reason {which} needs a French and an English text",
    },
    "settings.error.template_needs_both_languages": {
        "fr": "Le modèle {which} doit avoir un texte en français et en anglais",
        "en": "template {which} needs a French and an English text",
    },
    "settings.error.too_long": {
        "fr": "Texte trop long pour « {which} » : {limit} caractères au plus.",
        "en": "Text too long for “{which}”: {limit} characters at most.",
    },
    "settings.error.control_character": {
        "fr": "« {which} » contient un caractère de contrôle invisible : retapez le texte.",
        "en": "“{which}” holds an invisible control character: type the text again.",
    },
    "settings.error.netiquette_languages": {
        "fr": "La nétiquette s'écrit en français et en anglais, rien d'autre.",
        "en": "The netiquette is written in French and English, nothing else.",
    },
    "settings.error.exclusion_too_long": {
        "fr": "Pseudonyme de {handle} caractères au plus, motif de {why} caractères au plus.",
        "en": "A handle of at most {handle} characters, a reason of at most {why} characters.",
    },
    "settings.error.exclusion_control_character": {
        "fr": "Le pseudonyme ou le motif contient un caractère de contrôle invisible.",
        "en": "The handle or the reason holds an invisible control character.",
    },
    "settings.error.exclusion_needs_handle": {
        "fr": "Indiquez une plateforme connue et un identifiant",
        "en": "give a known platform and a handle",
    },
}
