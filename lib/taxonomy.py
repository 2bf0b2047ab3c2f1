"""The policies' vocabulary: netiquette reasons, redirections, flags, action kinds.

Codes are stable: a lead may rename a label or retire a code (settings), never
give a code another meaning.

>>> REASONS["pourriel"].fr
'Pourriel'
>>> "desaccord" in REASONS   # disagreement is never a reason
False
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    code: str
    fr: str
    en: str

    def in_language(self, lang: str) -> str:
        return self.en if lang == "en" else self.fr


def _table(*rows: tuple[str, str, str]) -> dict[str, Label]:
    return {code: Label(code, fr, en) for code, fr, en in rows}


REASONS = _table(
    (
        "injurieux",
        "Propos injurieux, grossiers ou attaques personnelles",
        "Abusive language or personal attacks",
    ),
    ("haineux", "Propos haineux", "Hate speech"),
    (
        "discriminatoire",
        "Propos discriminatoires (racistes, sexistes…)",
        "Discriminatory content",
    ),
    ("diffamatoire", "Propos diffamatoires", "Defamation"),
    ("sexuel", "Contenu à connotation sexuelle ou explicite", "Sexual or explicit content"),
    ("menace", "Menaces ou harcèlement", "Threats or harassment"),
    ("commercial", "Contenu promotionnel ou commercial", "Promotional or commercial content"),
    ("pourriel", "Pourriel", "Spam"),
    ("partisan", "Contenu partisan", "Partisan content"),
    ("hors_sujet", "Non pertinent (hors sujet)", "Off-topic"),
    ("mensonger", "Faux ou trompeur", "False or misleading"),
    ("confus", "Confus ou imprécis", "Confused or unclear"),
    (
        "renseignements_personnels",
        "Renseignements personnels ou confidentiels",
        "Personal or confidential information",
    ),
    ("droit_auteur", "Atteinte au droit d'auteur", "Copyright infringement"),
    ("illegal", "Contenu illégal", "Illegal content"),
    ("anonyme_repetitif", "Contenu anonyme ou répétitif", "Anonymous or repetitive content"),
)

REDIRECTS = _table(
    ("dossier", "Dossier personnel", "Personal file"),
    ("plainte", "Plainte", "Complaint"),
    ("medical", "Question médicale", "Medical question"),
    ("prive", "Renseignements personnels (canal privé)", "Personal data (private channel)"),
)

FLAGS = _table(
    ("pii", "Renseignements personnels", "Personal information"),
    ("english", "Anglais", "English"),
    ("question", "Question", "Question"),
    ("negative", "Négatif", "Negative"),
    ("link", "Lien", "Link"),
    ("urgent", "Urgent", "Urgent"),
    ("repeat", "Auteur récidiviste", "Repeat author"),
)

PLATFORM_LABELS = _table(
    ("facebook", "Facebook", "Facebook"),
    ("instagram", "Instagram", "Instagram"),
    ("x", "X", "X"),
    ("youtube", "YouTube", "YouTube"),
    ("linkedin", "LinkedIn", "LinkedIn"),
    ("other", "Autre", "Other"),
)

# Actions that stop the response clock (DESIGN.md, compliance definitions).
HANDLING_KINDS = ("reply", "redirect", "hide", "delete", "no_reply_needed")
ACTION_KINDS = (
    "assign",
    "reply",
    "redirect",
    "hide",
    "delete",
    "no_reply_needed",
    "escalate",
    "approve",
    "reject",
    "note",
    "reopen",
)
REMOVAL_KINDS = ("hide", "delete")
