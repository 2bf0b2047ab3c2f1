"""What `act()` allows: the refusals and their codes, who may do what in which state,
and the status each action leaves a comment in."""

from __future__ import annotations

from lib.auth import LEAD
from lib.db import OPEN_STATUSES
from lib.settings import Settings
from lib.taxonomy import (
    ACTION_KINDS,
    CORRECTION_KINDS,
    HANDLING_KINDS,
    NOTE_MAX_CHARS,
    PERSONAL_INFORMATION_REASON,
    PRIVATE_REDIRECT,
    REASONS,
    REDIRECTS,
    REMOVAL_KINDS,
    REMOVED_STATUSES,
    REPLIED_STATUSES,
    REPLY_MAX_CHARS,
    RULE_KINDS,
    RULE_ONLY_KINDS,
)

DEFAULTS = Settings()

# Approve publishes the escalated reply, so it stops the clock like a reply.
CLOCK_STOPPING_KINDS = (*HANDLING_KINDS, "approve")
# The kinds whose reply text the organisation publishes, or proposes to (escalate):
# the draft checks (`lib.moderation.drafts`) read it first.
PUBLISHING_KINDS = ("reply", "redirect")
# The kinds whose text goes public: a correction replaces it, `remove_reply` takes it down.
PUBLISHED_KINDS = (*PUBLISHING_KINDS, "approve", "edit_reply")
DRAFT_KINDS = (*PUBLISHED_KINDS, "escalate")

# Which optional arguments each kind accepts; anything else is a caller's bug
# that would otherwise be silently dropped from the history. A redirection (or
# its escalation) takes reasons when it hides the comment (`prive`).
ACCEPTS = {
    "assign": {"assignee"},
    "unassign": set(),
    "reply": {"reply"},
    "redirect": {"template", "reply", "reasons"},
    "hide": {"reasons"},
    "delete": {"reasons"},
    "no_reply_needed": set(),
    "escalate": {"reply", "template", "reasons"},
    "approve": {"reply", "proposal"},
    "reject": {"proposal"},
    "note": set(),
    "reopen": set(),
    "edit_reply": {"reply"},
    "remove_reply": set(),
    # A triage rule's own kinds (RULE_ONLY_KINDS): the label is the action's note.
    "label": set(),
    "prioritize": set(),
    "suggest": {"reasons", "template"},
}

INVALID_ACTION_CODES = (
    "unknown_kind",
    "unknown_comment",
    "unknown_actor",
    "unknown_assignee",
    "unexpected_argument",
    "reason_required",
    "unknown_reason",
    "retired_reason",
    "template_required",
    "unknown_template",
    "reply_required",
    "note_required",
    "too_long",
    "proposal_required",
    "proposal_changed",
    "lead_only",
    "needs_approval",
    "self_approval",
    "not_awaiting_approval",
    "not_open",
    "not_closed",
    "not_assigned",
    "no_published_reply",
    "before_received",
    "draft_blocked",
    "draft_needs_note",
    "rule_only",
    "not_for_rules",
)


class InvalidAction(ValueError):
    """An action the rules forbid; `code` is stable (one of INVALID_ACTION_CODES).

    `findings` are the draft checks' findings (`lib.moderation.drafts.Finding`) behind a
    `draft_blocked` or `draft_needs_note` refusal, so that a page can show the passages.
    """

    def __init__(self, code: str, message: str, findings: tuple = ()):
        super().__init__(message)
        self.code = code
        self.message = message
        self.findings = tuple(findings)


def check_arguments(kind: str, given: dict, by_rule: bool = False) -> None:
    """Rules that depend on the call alone, not on the database: among them, what a
    triage rule may do (`by_rule`) and what only a rule does."""
    if kind not in ACTION_KINDS and kind not in RULE_ONLY_KINDS:
        raise InvalidAction("unknown_kind", f"unknown action kind {kind!r}")
    if kind in RULE_ONLY_KINDS and not by_rule:
        raise InvalidAction("rule_only", f"only a triage rule does {kind}")
    if by_rule and kind not in RULE_KINDS:
        raise InvalidAction("not_for_rules", f"a triage rule does not {kind}")
    for name, value in given.items():
        if name != "note" and value not in (None, ()) and name not in ACCEPTS[kind]:
            raise InvalidAction("unexpected_argument", f"{kind} does not take {name}")
    hides = kind in REMOVAL_KINDS or given["template"] == PRIVATE_REDIRECT
    if given["reasons"] and not hides and kind != "suggest":
        raise InvalidAction("unexpected_argument", f"{kind} takes reasons only if it hides")
    if kind == "suggest" and not given["reasons"] and given["template"] is None:
        raise InvalidAction("reason_required", "a suggestion names a reason or a redirection")
    if kind in ("reply", "escalate", "edit_reply") and given["reply"] is None:
        raise InvalidAction("reply_required", f"{kind} needs the reply text")
    if kind in ("reject", "note", "remove_reply", "label") and given["note"] is None:
        raise InvalidAction("note_required", f"{kind} needs a note")
    for name, longest in (("reply", REPLY_MAX_CHARS), ("note", NOTE_MAX_CHARS)):
        if len(given[name] or "") > longest:
            raise InvalidAction("too_long", f"the {name} is over {longest} characters")
    if kind == "approve" and given["reply"] is not None and given["proposal"] is None:
        raise InvalidAction("proposal_required", "an edited approval names its proposal")
    if kind == "redirect" and given["template"] is None:
        raise InvalidAction("template_required", "redirect needs a redirection template")
    if given["template"] is not None and given["template"] not in REDIRECTS:
        raise InvalidAction("unknown_template", f"unknown redirection {given['template']!r}")


def valid_reasons(
    kind: str, status: str | None, template: str | None, given: tuple, retired: tuple
) -> tuple[str, ...]:
    """The reason codes an action records, deduplicated and checked against the settings.

    Whatever takes a comment out of public view (`status` in REMOVED_STATUSES) records
    at least one: a hide or a delete, the ones the moderator chose; a `prive`
    redirection, its escalation and its approval, `renseignements_personnels` unless
    the moderator chose otherwise (or the lead retired it: then a choice is required).

    >>> valid_reasons("redirect", "hidden", "prive", (), ())
    ('renseignements_personnels',)
    >>> valid_reasons("hide", "hidden", None, ("pourriel", "pourriel"), ())
    ('pourriel',)
    """
    reasons = tuple(dict.fromkeys(given))
    private = template == PRIVATE_REDIRECT and kind in ("redirect", "escalate", "approve")
    if not reasons and private and PERSONAL_INFORMATION_REASON not in retired:
        reasons = (PERSONAL_INFORMATION_REASON,)
    if not reasons and (kind in REMOVAL_KINDS or status in REMOVED_STATUSES or private):
        raise InvalidAction("reason_required", f"{kind} needs at least one netiquette reason")
    unknown = [code for code in reasons if code not in REASONS]
    if unknown:
        raise InvalidAction("unknown_reason", f"unknown reason code(s): {' '.join(unknown)}")
    if set(retired).intersection(reasons):
        codes = " ".join(c for c in reasons if c in retired)
        raise InvalidAction("retired_reason", f"retired reason code(s): {codes}")
    return reasons


def needs_approval(comment: dict, settings: Settings) -> bool:
    """Whether a reply to this comment waits for a lead's assent (the organisation's rule)."""
    # A row from a frame may carry NaN for missing flags.
    flags = comment.get("flags")
    negative = isinstance(flags, str) and "negative" in flags.split()
    return settings.negative_needs_approval and negative


def check_state(comment: dict, kind: str, role: str, settings: Settings = DEFAULTS) -> None:
    """Rules that depend on the comment's state, the actor's role and the organisation's
    approval rules (`Settings.negative_needs_approval`, `Settings.lead_self_approval`).

    Raises `InvalidAction`; `available_kinds` uses it to offer only what may work.
    """
    status = comment["status"]
    is_open = status in OPEN_STATUSES
    if kind in ("approve", "reject") and role != LEAD:
        raise InvalidAction("lead_only", f"only a team lead may {kind}")
    if kind == "reopen":
        if is_open:
            raise InvalidAction("not_closed", f"comment is {status}: nothing to reopen")
        return
    if kind == "note":
        return
    if kind in CORRECTION_KINDS:
        if status not in REPLIED_STATUSES:
            raise InvalidAction("no_published_reply", f"comment is {status}: no reply to correct")
        return
    if not is_open:
        raise InvalidAction("not_open", f"comment is {status}: reopen it first")
    awaiting = status == "awaiting_approval"
    if kind in ("approve", "reject") and not awaiting:
        raise InvalidAction("not_awaiting_approval", f"comment is {status}, not awaiting approval")
    if awaiting and kind in (*PUBLISHING_KINDS, "no_reply_needed", "escalate"):
        raise InvalidAction("needs_approval", "awaiting a lead's approval: approve or reject it")
    if kind == "unassign" and not isinstance(comment.get("assignee"), str):
        raise InvalidAction("not_assigned", "nobody is assigned: nothing to return to the pool")
    lead_may = role == LEAD and settings.lead_self_approval
    if kind in PUBLISHING_KINDS and needs_approval(comment, settings) and not lead_may:
        raise InvalidAction(
            "needs_approval", "a reply to a negative comment needs a lead's approval: escalate it"
        )


def available_kinds(comment: dict, role: str, settings: Settings = DEFAULTS) -> tuple[str, ...]:
    """The action kinds the comment's state, the role and the approval rules allow."""
    allowed = []
    for kind in ACTION_KINDS:
        try:
            check_state(comment, kind, role, settings)
        except InvalidAction:
            continue
        allowed.append(kind)
    return tuple(allowed)


# The status each handling kind (HANDLING_KINDS) leaves a comment in; `status_after`
# adds the approval and the `prive` redirection. `act` and the demo read it.
STATUS_AFTER = {
    "reply": "answered",
    "redirect": "redirected",
    "hide": "hidden",
    "delete": "deleted",
    "no_reply_needed": "no_reply_needed",
}


def status_after(kind: str, template: str | None = None) -> str:
    """The status a handling kind, or a lead's `approve`, leaves a comment in.

    An approval publishes what was escalated: the proposed reply, or the
    redirection its template names. A `prive` redirection also hides the comment
    (DESIGN.md, Redirections).

    >>> status_after("delete"), status_after("redirect", "plainte")
    ('deleted', 'redirected')
    >>> status_after("redirect", "prive"), status_after("approve"), status_after("approve", "prive")
    ('hidden', 'answered', 'hidden')
    """
    if kind == "approve":
        kind = "reply" if template is None else "redirect"
    status = STATUS_AFTER[kind]
    return "hidden" if status == "redirected" and template == PRIVATE_REDIRECT else status
