"""Reply templates: the policies' defaults, the lead's edits over them, bilingual for English.

>>> print(reply_text("medical", "fr", {}).split(".")[0])
Nous ne pouvons pas répondre aux questions de santé sur les médias sociaux
>>> reply_text("medical", "en", {}).startswith("Nous ne pouvons pas")   # French first
True
>>> "Info-Santé at 811" in reply_text("medical", "en", {}, bilingual=False)
False
"""

from __future__ import annotations

from lib.taxonomy import REDIRECTS

# The four redirections (DESIGN.md) and two everyday replies; the lead may
# replace any text through settings.templates ({code: {"fr": ..., "en": ...}}).
DEFAULT_TEMPLATES: dict[str, dict[str, str]] = {
    "dossier": {
        "fr": (
            "Pour toute question sur votre dossier, veuillez communiquer avec votre bureau "
            "local; nous ne pouvons traiter de renseignements personnels sur les médias sociaux."
        ),
        "en": (
            "For any question about your file, please contact your local office; we cannot "
            "handle personal information on social media."
        ),
    },
    "plainte": {
        "fr": (
            "Nous sommes désolés de votre expérience. Pour déposer une plainte, veuillez "
            "communiquer avec le commissaire aux plaintes et à la qualité des services, qui "
            "la traitera en toute confidentialité."
        ),
        "en": (
            "We are sorry about your experience. To file a complaint, please contact the "
            "service quality and complaints commissioner, who will handle it confidentially."
        ),
    },
    "medical": {
        "fr": (
            "Nous ne pouvons pas répondre aux questions de santé sur les médias sociaux. "
            "Pour un conseil santé, appelez Info-Santé au 811; en cas d'urgence, composez le 911."
        ),
        "en": (
            "We cannot answer health questions on social media. For health advice, call "
            "Info-Santé at 811; in an emergency, dial 911."
        ),
    },
    "prive": {
        "fr": (
            "Pour protéger vos renseignements personnels, nous avons masqué votre commentaire. "
            "Écrivez-nous en message privé et nous vous répondrons."
        ),
        "en": (
            "To protect your personal information, we have hidden your comment. "
            "Send us a private message and we will answer you."
        ),
    },
    "merci": {
        "fr": "Merci de votre commentaire!",
        "en": "Thank you for your comment!",
    },
    "information": {
        "fr": (
            "Merci de votre question. Vous trouverez l'information à jour sur notre site Web, "
            "ou auprès de Services Québec au 1 877 644-4545."
        ),
        "en": (
            "Thank you for your question. Up-to-date information is on our website, "
            "or from Services Québec at 1 877 644-4545."
        ),
    },
}

REDIRECT_CODES = tuple(REDIRECTS)
REPLY_CODES = tuple(DEFAULT_TEMPLATES)


def templates(stored: dict | None) -> dict[str, dict[str, str]]:
    """The defaults with the lead's texts (settings.templates) over them, per language."""
    merged = {code: dict(texts) for code, texts in DEFAULT_TEMPLATES.items()}
    for code, texts in (stored or {}).items():
        merged.setdefault(code, {}).update({k: v for k, v in texts.items() if v})
    return merged


def reply_text(
    code: str, comment_language: str | None, stored: dict | None, bilingual: bool = True
) -> str:
    """The template's text for a comment: French, then English for an English comment
    unless the organisation answers in French only (`bilingual=False`)."""
    texts = templates(stored)[code]
    french = texts.get("fr") or texts.get("en", "")
    if bilingual and comment_language == "en" and texts.get("en"):
        return f"{french}\n\n{texts['en']}"
    return french
