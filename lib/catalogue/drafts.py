"""Strings of the checks on what the organisation publishes (lib.moderation.drafts):
the findings under a draft, the refusals, the history's marks and the lead's settings."""

STRINGS: dict[str, dict[str, str]] = {
    # The kinds of personal information (lib.detect.PII_KINDS)
    "pii.email": {"fr": "adresse courriel", "en": "e-mail address"},
    "pii.phone": {"fr": "numéro de téléphone", "en": "phone number"},
    "pii.sin": {"fr": "numéro d'assurance sociale", "en": "social insurance number"},
    "pii.health_card": {
        "fr": "numéro d'assurance maladie",
        "en": "health insurance number",
    },
    "pii.card": {"fr": "numéro de carte de paiement", "en": "payment card number"},
    "pii.driver_licence": {"fr": "numéro de permis de conduire", "en": "driver's licence number"},
    "pii.address": {"fr": "adresse de domicile", "en": "home address"},
    "pii.birth_date": {"fr": "date de naissance", "en": "date of birth"},
    "pii.file_number": {"fr": "numéro de dossier", "en": "file number"},
    # The checks, as the history and the settings name them (taxonomy.DRAFT_CHECKS)
    "check.personal_information": {"fr": "Renseignement personnel", "en": "Personal information"},
    "check.full_name": {"fr": "Nom complet", "en": "Full name"},
    "check.language": {"fr": "Langue de la réponse", "en": "Language of the reply"},
    "check.link": {"fr": "Lien externe", "en": "Outside link"},
    # Findings under the draft
    "drafts.blocked": {
        "fr": (
            "Cette réponse ne peut pas être publiée : elle contient un renseignement "
            "personnel. Retirez le passage surligné."
        ),
        "en": (
            "This reply cannot be published: it holds personal information. Remove the "
            "highlighted passage."
        ),
    },
    "drafts.blocked.lead": {
        "fr": (
            "Cette réponse contient un renseignement personnel. Retirez le passage surligné, "
            "ou, comme chef d'équipe, publiez-la quand même en expliquant pourquoi dans la note."
        ),
        "en": (
            "This reply holds personal information. Remove the highlighted passage or, as a "
            "team lead, publish it anyway and say why in the note."
        ),
    },
    "drafts.warned": {
        "fr": (
            "Avant de publier, vérifiez ce qui suit. Corrigez la réponse, ou publiez-la quand "
            "même en expliquant pourquoi dans la note (elle sera gardée à l'historique)."
        ),
        "en": (
            "Before publishing, check the following. Correct the reply, or publish it anyway "
            "and say why in the note (it is kept in the history)."
        ),
    },
    "drafts.warned.escalate": {
        "fr": ("Le chef d'équipe verra aussi ces avertissements en approuvant la réponse."),
        "en": "The team lead will see these warnings too when approving the reply.",
    },
    "drafts.finding.personal_information": {
        "fr": "{what} : une réponse de l'organisation ne publie jamais de renseignement personnel.",
        "en": "{what}: the organisation's replies never publish personal information.",
    },
    "drafts.finding.full_name": {
        "fr": (
            "Nom complet de « {detail} » : la politique demande le consentement d'une personne "
            "avant de publier ce qui l'implique directement (CEST, art. 5)."
        ),
        "en": (
            "Full name of “{detail}”: the policy asks for a person's consent before publishing "
            "anything that directly involves them (CEST, art. 5)."
        ),
    },
    "drafts.finding.language.not_french_first": {
        "fr": "La réponse commence en anglais : l'organisation répond d'abord en français.",
        "en": "The reply starts in English: the organisation answers in French first.",
    },
    "drafts.finding.language.no_english": {
        "fr": ("Le commentaire est en anglais : la réponse se donne en français, puis en anglais."),
        "en": "The comment is in English: the reply is given in French, then in English.",
    },
    "drafts.finding.language.not_french_only": {
        "fr": (
            "L'organisation répond en français seulement (politique linguistique) : retirez "
            "la partie en anglais."
        ),
        "en": (
            "The organisation answers in French only (language policy): remove the English part."
        ),
    },
    "drafts.finding.link": {
        "fr": (
            "Lien vers {detail}, qui n'est pas un site autorisé par l'organisation "
            "(Paramètres › Politique)."
        ),
        "en": (
            "Link to {detail}, which is not a site the organisation allows (Settings › Policy)."
        ),
    },
    "drafts.passage": {"fr": "Passage en cause", "en": "Passage concerned"},
    "drafts.note": {
        "fr": "Note pour publier malgré tout (gardée à l'historique)",
        "en": "Note to publish anyway (kept in the history)",
    },
    # Refusals of act() (lib.moderation.rules.INVALID_ACTION_CODES)
    "queue.invalid.draft_blocked": {
        "fr": (
            "Réponse non publiée : elle contient un renseignement personnel. Retirez-le; "
            "seul un chef d'équipe peut publier malgré tout, avec une note."
        ),
        "en": (
            "Reply not published: it holds personal information. Remove it; only a team lead "
            "may publish it anyway, with a note."
        ),
    },
    "queue.invalid.draft_needs_note": {
        "fr": (
            "Réponse non publiée : corrigez ce qui est signalé sous la réponse, ou expliquez "
            "dans la note pourquoi la publier malgré tout."
        ),
        "en": (
            "Reply not published: correct what is pointed out under the reply, or say in the "
            "note why it should be published anyway."
        ),
    },
    "queue.invalid.self_approval": {
        "fr": (
            "L'organisation demande qu'un autre chef d'équipe approuve ce que vous avez proposé."
        ),
        "en": "The organisation asks that another team lead approve what you proposed.",
    },
    # The history
    "queue.history.overridden": {
        "fr": "Publiée malgré : {checks}",
        "en": "Published despite: {checks}",
    },
    "queue.history.self_approved": {
        "fr": "Approuvée par son auteur, chef d'équipe",
        "en": "Approved by its author, a team lead",
    },
    # The lead's settings (Paramètres › Politique)
    "settings.publishing": {
        "fr": "Ce que l'organisation publie",
        "en": "What the organisation publishes",
    },
    "settings.english_replies": {
        "fr": "Réponse à un commentaire en anglais",
        "en": "Reply to a comment in English",
    },
    "settings.english_replies.bilingual": {
        "fr": "En français, puis en anglais",
        "en": "In French, then in English",
    },
    "settings.english_replies.french_only": {
        "fr": "En français seulement",
        "en": "In French only",
    },
    "settings.english_replies_help": {
        "fr": "Une réponse qui ne suit pas ce choix est signalée avant d'être publiée.",
        "en": "A reply that does not follow this choice is pointed out before it is published.",
    },
    "settings.lead_self_approval_help": {
        "fr": (
            "Ne compte que lorsqu'une réponse à un commentaire négatif attend l'approbation "
            "d'un chef d'équipe. Décoché, un chef d'équipe soumet lui aussi sa réponse, et un "
            "autre chef d'équipe l'approuve."
        ),
        "en": (
            "Only counts when a reply to a negative comment waits for a team lead's approval. "
            "Unchecked, a team lead submits their reply too, and another team lead approves it."
        ),
    },
    "settings.lead_self_approval_unused": {
        "fr": (
            "Les réponses aux commentaires négatifs n'attendent pas d'approbation (ci-dessus) : "
            "ce choix ne compte pas pour l'instant."
        ),
        "en": (
            "Replies to negative comments do not wait for approval (above): this choice does "
            "not count for now."
        ),
    },
    "settings.allowed_domains": {
        "fr": "Sites vers lesquels une réponse peut renvoyer (un par ligne)",
        "en": "Sites a reply may link to (one per line)",
    },
    "settings.allowed_domains_help": {
        "fr": (
            "Chaque site compte avec ses sous-domaines (quebec.ca couvre www.quebec.ca). Les "
            "sites déjà cités dans vos modèles de réponse sont autorisés d'office."
        ),
        "en": (
            "Each site counts with its subdomains (quebec.ca covers www.quebec.ca). Sites your "
            "reply templates already quote are allowed as well."
        ),
    },
    "settings.lead_self_approval": {
        "fr": (
            "Un chef d'équipe peut publier lui-même une réponse qui demande une approbation "
            "(l'historique l'indique)"
        ),
        "en": (
            "A team lead may publish a reply that needs approval themselves (the history says so)"
        ),
    },
    "settings.error.unknown_english_replies": {
        "fr": "Manière de répondre en anglais inconnue : « {value} ».",
        "en": "Unknown way of answering in English: “{value}”.",
    },
    "settings.error.bad_domain": {
        "fr": "Ces sites ne sont pas des noms de domaine : {domains}.",
        "en": "These sites are not domain names: {domains}.",
    },
}
