"""The policies' vocabulary as stable codes: netiquette reasons, redirections, flags, actions.

Codes are stable: a lead may rename a reason or retire it (settings), never give a code
another meaning. Their words are in the catalogue (`lib.catalogue.taxonomy`), read
through `lib.i18n.label`.

>>> "pourriel" in REASONS
True
>>> "desaccord" in REASONS   # disagreement is never a reason
False
"""

from __future__ import annotations

# DESIGN.md, "Moderation reasons", in the order the policies list them.
REASONS = (
    "injurieux",
    "haineux",
    "discriminatoire",
    "diffamatoire",
    "sexuel",
    "menace",
    "commercial",
    "pourriel",
    "partisan",
    "hors_sujet",
    "mensonger",
    "confus",
    "renseignements_personnels",
    "droit_auteur",
    "illegal",
    "anonyme_repetitif",
)

# DESIGN.md, "Redirections": each is also a reply template of the same code.
REDIRECTS = ("dossier", "plainte", "medical", "prive")
# The person exposed their own data: the reply sends them to a private channel and the
# comment is hidden, which is a removal: it records a reason, the personal information
# one unless the moderator chooses another.
PRIVATE_REDIRECT = "prive"
PERSONAL_INFORMATION_REASON = "renseignements_personnels"

# Set on arrival by the detectors (lib/detect); `repeat` comes last, appended at ingest.
# `urgent` is anything that cannot wait (a threat or a person in danger); `distress`
# marks the urgent comments where a person is in danger, answered with 811 / 911
# rather than removed.
FLAGS = ("pii", "english", "question", "negative", "link", "urgent", "distress", "repeat")

# Actions that stop the response clock (DESIGN.md, compliance definitions).
HANDLING_KINDS = ("reply", "redirect", "hide", "delete", "no_reply_needed")
ACTION_KINDS = (
    "assign",
    "unassign",
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
    "edit_reply",
    "remove_reply",
)
# What only a lead's triage rule does to an arriving comment (lib.triage_rules), never a
# person: add a label, raise its priority in the queue, suggest a reason or a redirection.
RULE_ONLY_KINDS = ("label", "prioritize", "suggest")
# Everything a rule may do: those, an assignment, and a hide for spam or commercial content.
RULE_KINDS = ("assign", "hide", *RULE_ONLY_KINDS)
# Corrections to a reply the organisation published: the policies' "correct, don't erase",
# so the history keeps every version, and a removal says why (a note).
CORRECTION_KINDS = ("edit_reply", "remove_reply")
# The statuses of a comment that holds a published reply.
REPLIED_STATUSES = ("answered", "redirected")
REMOVAL_KINDS = ("hide", "delete")
# The statuses of a comment no longer shown to the public: whatever put it there
# (a removal, a `prive` redirection) recorded at least one reason.
REMOVED_STATUSES = ("hidden", "deleted")

# What Vigie reads in a draft before the organisation publishes it (lib.moderation.drafts):
# personal information blocks it, the others warn.
DRAFT_CHECKS = ("personal_information", "full_name", "language", "link")
# How an English comment is answered: French, then English (the CSJ's policy, and
# DESIGN.md's templates), or in French only (the MESS's policy).
ENGLISH_REPLIES = ("bilingual", "french_only")


def split_codes(stored: str | None) -> tuple[str, ...]:
    """Codes as stored (flags, reasons, suggestions): separated by spaces.

    >>> split_codes("pii question"), split_codes(None)
    (('pii', 'question'), ())
    """
    return tuple((stored or "").split())


# The longest texts people type, in characters; `act`, the settings and the text boxes
# stop there. A reply: Facebook's limit for a comment (Instagram's is 2,200, X's 280),
# which a reply template must fit too; a note: a page; a reason's label: a line; an
# author's handle: longer than any platform's.
REPLY_MAX_CHARS = 8000
NOTE_MAX_CHARS = 2000
LABEL_MAX_CHARS = 80
HANDLE_MAX_CHARS = 100
