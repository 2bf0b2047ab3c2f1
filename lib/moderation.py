"""The one way a comment changes: `act()`, its rules, and the history it leaves."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from lib.auth import LEAD, role_of
from lib.db import OPEN_STATUSES, immediate, to_db_time, using
from lib.settings import load_settings
from lib.taxonomy import (
    ACTION_KINDS,
    HANDLING_KINDS,
    NOTE_MAX_CHARS,
    PRIVATE_REDIRECT,
    REASONS,
    REDIRECTS,
    REMOVAL_KINDS,
    REPLY_MAX_CHARS,
)
from lib.times import now_utc

# Approve publishes the escalated reply, so it stops the clock like a reply.
CLOCK_STOPPING_KINDS = (*HANDLING_KINDS, "approve")

# Which optional arguments each kind accepts; anything else is a caller's bug
# that would otherwise be silently dropped from the history.
_ACCEPTS = {
    "assign": {"assignee"},
    "unassign": set(),
    "reply": {"reply"},
    "redirect": {"template", "reply"},
    "hide": {"reasons"},
    "delete": {"reasons"},
    "no_reply_needed": set(),
    "escalate": {"reply", "template"},
    "approve": {"reply", "proposal"},
    "reject": {"proposal"},
    "note": set(),
    "reopen": set(),
}
_PUBLISHING_KINDS = ("reply", "redirect")

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
    "not_awaiting_approval",
    "not_open",
    "not_closed",
    "not_assigned",
    "before_received",
)


class InvalidAction(ValueError):
    """An action the rules forbid; `code` is stable (one of INVALID_ACTION_CODES)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


class StaleVersion(Exception):
    """Someone acted on the comment since `expected_version` was read.

    `comment` is the current row; `actions` are the history rows written
    after `expected_version`, so the page can say who did what meanwhile.
    """

    def __init__(self, comment: dict, expected_version: int, actions: list[dict]):
        self.comment = comment
        self.expected_version = expected_version
        self.current_version = comment["version"]
        self.actions = actions
        meanwhile = ", ".join(f"{a['actor']} {a['kind']}" for a in actions) or "nothing recorded"
        super().__init__(
            f"comment {comment['id']} is at version {self.current_version}, "
            f"not {expected_version} (since then: {meanwhile})"
        )


@dataclass(frozen=True)
class Outcome:
    """One comment's result in `act_many`: 'done', 'stale', 'invalid' or 'failed'."""

    comment_id: int
    status: str
    version: int | None = None
    error: Exception | None = None


def act(
    db: Database | str | Path,
    comment_id: int,
    kind: str,
    actor: str,
    expected_version: int,
    reasons: Iterable[str] = (),
    reply: str | None = None,
    template: str | None = None,
    note: str | None = None,
    assignee: str | None = None,
    proposal: int | None = None,
    at=None,
) -> int:
    """Apply one moderation action and record it; return the comment's new version.

    >>> from lib.db import open_db
    >>> db = open_db(":memory:")
    >>> _ = db["users"].insert({"username": "ana", "display_name": "Ana", "role": "moderator"})
    >>> _ = db["comments"].insert({"id": 1, "platform": "x", "external_id": "1",
    ...                            "received_at": "2026-03-02 14:00:00"})
    >>> act(db, 1, "hide", "ana", expected_version=1, reasons=["pourriel"])
    2
    >>> act(db, 1, "note", "ana", expected_version=1, note="vu")
    Traceback (most recent call last):
    ...
    lib.moderation.StaleVersion: comment 1 is at version 2, not 1 (since then: ana hide)
    >>> db.close()

    The comment update and its `actions` row are one BEGIN IMMEDIATE
    transaction: concurrent callers queue on the write lock (busy timeout)
    and the loser of a race gets `StaleVersion`, never a lost write.

    Rules beyond DESIGN.md's contract:

    - Reasons are stored as space-separated codes (a string in that form is
      accepted as `reasons` too); only `hide` and `delete` carry them. A
      `prive` redirection hides the comment without a netiquette reason: the
      person exposed their own data, and the reasons charts count it apart.
    - A moderator's reply or redirection to a comment flagged `negative` must
      be escalated with the proposed text (and template, for a redirection);
      a lead's `approve` publishes it, the lead's edit (`reply`) replacing
      the proposal. A lead's own reply needs no approval.
    - An approval or a rejection may name the proposal it judges (`proposal`,
      the version of its escalation, `current_proposal`), and must when the
      lead's edit replaces the text: a proposal rejected and revised since
      is refused (`proposal_changed`), never published over the revision.
    - A comment awaiting approval takes no reply, redirection, "no reply
      needed" or new escalation from anyone, a lead included: the lead
      approves or rejects (with a note). Assigning it keeps it waiting.
    - Every kind but `note` and `reopen` needs an open comment; `reopen`
      needs a closed one and does not reset `first_handled_at`.
    - `approve` stops the clock (it publishes the reply); `first_handled_by`
      is then the approving lead.
    """
    # Pages pass numpy integers from frames, which sqlite3 cannot bind.
    comment_id, expected_version = int(comment_id), int(expected_version)
    if isinstance(reasons, str):
        reasons = reasons.split()  # the stored form, space-separated codes
    if kind == "approve" and reply is not None and _text(reply) is None:
        # An approval box the lead emptied publishes nothing, not the proposal.
        raise InvalidAction("reply_required", "the approved reply is blank")
    given = {
        "reasons": tuple(reasons or ()),
        "reply": _text(reply),
        "template": template,
        "note": _text(note),
        "assignee": assignee,
        "proposal": None if proposal is None else int(proposal),
    }
    with using(db) as conn:
        return _act(conn, comment_id, kind, actor, expected_version, given, at)


def _act(db: Database, comment_id, kind, actor, expected_version, given: dict, at) -> int:
    _check_arguments(kind, given)
    at_text = to_db_time(now_utc() if at is None else at)
    with immediate(db):
        role = role_of(db, actor)  # None for a deactivated member too
        if role is None:
            raise InvalidAction("unknown_actor", f"no user named {actor!r}")
        if given["assignee"] is not None and role_of(db, given["assignee"]) is None:
            raise InvalidAction("unknown_assignee", f"no user named {given['assignee']!r}")
        comment = _comment(db, comment_id)
        if comment is None:
            raise InvalidAction("unknown_comment", f"no comment with id {comment_id}")
        if comment["version"] != expected_version:
            meanwhile = _actions_after(db, comment_id, expected_version)
            raise StaleVersion(comment, expected_version, meanwhile)
        # Normalised, so that a received_at written in another ISO form compares right.
        if at_text < to_db_time(comment["received_at"]):
            raise InvalidAction("before_received", f"{at_text} is before the comment arrived")
        settings = load_settings(db)
        check_state(comment, kind, role, settings.negative_needs_approval)
        _check_proposal(db, comment_id, given["proposal"])
        given = {**given, "reasons": _valid_reasons(kind, given, settings.retired_reasons)}
        changes, row = _transition(db, comment, kind, actor, given)
        version = expected_version + 1
        if kind in CLOCK_STOPPING_KINDS and comment["first_handled_at"] is None:
            changes.update(first_handled_at=at_text, first_handled_by=actor)
        changes["version"] = version
        _update_comment(db, comment_id, expected_version, changes)
        db["actions"].insert(
            {
                "comment_id": comment_id,
                "at": at_text,
                "actor": actor,
                "kind": kind,
                "reasons": " ".join(row["reasons"]) or None,
                "reply": row["reply"],
                "template": row["template"],
                "note": given["note"],
                "version": version,
                **_assignee_column(db, row),
            }
        )
    return version


def _assignee_column(db: Database, row: dict) -> dict:
    """Record who was assigned once the schema has `actions.assignee` (requested)."""
    if "assignee" in row and "assignee" in db["actions"].columns_dict:
        return {"assignee": row["assignee"]}
    return {}


def _text(value: str | None) -> str | None:
    """Blank text is no text: a reply or note of spaces says nothing."""
    return value.strip() if value is not None and value.strip() else None


def _check_arguments(kind: str, given: dict) -> None:
    """Rules that depend on the call alone, not on the database."""
    if kind not in ACTION_KINDS:
        raise InvalidAction("unknown_kind", f"unknown action kind {kind!r}")
    for name, value in given.items():
        if name != "note" and value not in (None, ()) and name not in _ACCEPTS[kind]:
            raise InvalidAction("unexpected_argument", f"{kind} does not take {name}")
    if kind in ("reply", "escalate") and given["reply"] is None:
        raise InvalidAction("reply_required", f"{kind} needs the reply text")
    if kind in ("reject", "note") and given["note"] is None:
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


def _valid_reasons(kind: str, given: dict, retired: tuple[str, ...]) -> tuple[str, ...]:
    """The removal's reason codes, deduplicated, checked against the lead's settings."""
    reasons = tuple(dict.fromkeys(given["reasons"]))
    if not reasons and kind in REMOVAL_KINDS:
        raise InvalidAction("reason_required", f"{kind} needs at least one netiquette reason")
    unknown = [code for code in reasons if code not in REASONS]
    if unknown:
        raise InvalidAction("unknown_reason", f"unknown reason code(s): {' '.join(unknown)}")
    if set(retired).intersection(reasons):
        codes = " ".join(c for c in reasons if c in retired)
        raise InvalidAction("retired_reason", f"retired reason code(s): {codes}")
    return reasons


def check_state(comment: dict, kind: str, role: str, negative_needs_approval=True) -> None:
    """Rules that depend on the comment's state, the actor's role and the organisation's
    approval rule (`Settings.negative_needs_approval`).

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
    if not is_open:
        raise InvalidAction("not_open", f"comment is {status}: reopen it first")
    awaiting = status == "awaiting_approval"
    if kind in ("approve", "reject") and not awaiting:
        raise InvalidAction("not_awaiting_approval", f"comment is {status}, not awaiting approval")
    if awaiting and kind in (*_PUBLISHING_KINDS, "no_reply_needed", "escalate"):
        raise InvalidAction("needs_approval", "awaiting a lead's approval: approve or reject it")
    if kind == "unassign" and not isinstance(comment.get("assignee"), str):
        raise InvalidAction("not_assigned", "nobody is assigned: nothing to return to the pool")
    # A row from a frame may carry NaN for missing flags.
    flags = comment.get("flags")
    negative = isinstance(flags, str) and "negative" in flags.split()
    if negative_needs_approval and negative and kind in _PUBLISHING_KINDS and role != LEAD:
        raise InvalidAction(
            "needs_approval", "a reply to a negative comment needs a lead's approval: escalate it"
        )


def available_kinds(comment: dict, role: str, negative_needs_approval=True) -> tuple[str, ...]:
    """The action kinds the comment's state, the role and the approval rule allow."""
    allowed = []
    for kind in ACTION_KINDS:
        try:
            check_state(comment, kind, role, negative_needs_approval)
        except InvalidAction:
            continue
        allowed.append(kind)
    return tuple(allowed)


# The status each handling kind (HANDLING_KINDS) leaves a comment in; `status_after`
# adds the approval and the `prive` redirection. `_transition` and the demo read it.
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


def _transition(db, comment: dict, kind: str, actor: str, given: dict) -> tuple[dict, dict]:
    """The comment's column changes and the action row's reply/template/reasons."""
    row = {"reasons": given["reasons"], "reply": given["reply"], "template": given["template"]}
    back_to_queue = "assigned" if comment["assignee"] else "new"
    if kind == "assign":
        assignee = given["assignee"] or actor
        # An escalation being reassigned is still waiting for its lead.
        status = comment["status"] if comment["status"] == "awaiting_approval" else "assigned"
        return {"status": status, "assignee": assignee}, {**row, "assignee": assignee}
    if kind == "unassign":
        # Back to the pool: an escalation still waits for its lead.
        status = comment["status"] if comment["status"] == "awaiting_approval" else "new"
        return {"status": status, "assignee": None}, {**row, "assignee": None}
    if kind in STATUS_AFTER:
        return {"status": status_after(kind, given["template"])}, row
    if kind == "escalate":
        return {"status": "awaiting_approval", "proposed_reply": given["reply"]}, row
    if kind == "approve":
        template = _latest_escalation(db, comment["id"])["template"]
        reply = given["reply"] or comment["proposed_reply"]
        if reply is None:
            raise InvalidAction("reply_required", "nothing to publish: no proposed reply")
        row = {**row, "reply": reply, "template": template}
        return {"status": status_after(kind, template), "proposed_reply": None}, row
    if kind == "reject":
        # The proposal stays on the comment so its author can revise it.
        return {"status": back_to_queue}, row
    if kind == "reopen":
        return {"status": back_to_queue}, row
    return {}, row  # note


def _comment(db: Database, comment_id: int) -> dict | None:
    rows = list(db.query("select * from comments where id = ?", [comment_id]))
    return rows[0] if rows else None


def current_proposal(db: Database | str | Path, comment_id: int) -> dict | None:
    """The comment's latest escalation (`version`, `actor`, `at`, `reply`, `template`), or None.

    Its `version` names the proposal an approval or a rejection judges.
    """
    with using(db) as conn:
        escalation = _latest_escalation(conn, int(comment_id))
    return escalation if escalation["version"] is not None else None


def _latest_escalation(db: Database, comment_id: int) -> dict:
    rows = db.query(
        "select version, actor, at, reply, template from actions "
        "where comment_id = ? and kind = 'escalate' order by version desc limit 1",
        [comment_id],
    )
    return next(iter(rows), dict.fromkeys(("version", "actor", "at", "reply", "template")))


def _check_proposal(db: Database, comment_id: int, proposal: int | None) -> None:
    """A judged proposal must still be the comment's: revised since, it is refused."""
    current = _latest_escalation(db, comment_id)["version"] if proposal is not None else None
    if current != proposal:
        raise InvalidAction(
            "proposal_changed", f"proposal {proposal} was replaced by proposal {current}"
        )


def _actions_after(db: Database, comment_id: int, version: int) -> list[dict]:
    return list(
        db.query(
            "select * from actions where comment_id = ? and version > ? order by version, id",
            [comment_id, version],
        )
    )


def _update_comment(db: Database, comment_id: int, expected_version: int, changes: dict) -> None:
    columns = ", ".join(f"{name} = :{name}" for name in changes)
    cursor = db.execute(
        f"update comments set {columns} where id = :_id and version = :_expected",
        {**changes, "_id": comment_id, "_expected": expected_version},
    )
    # Unreachable under BEGIN IMMEDIATE; kept so a future refactor cannot lose a write.
    if cursor.rowcount != 1:
        raise RuntimeError(f"comment {comment_id} changed inside its own transaction")


def act_many(
    db: Database | str | Path,
    items: Iterable[tuple[int, int]],
    kind: str,
    actor: str,
    **arguments,
) -> list[Outcome]:
    """Apply one action to many `(comment_id, expected_version)` pairs.

    Each comment is its own transaction: a conflict or a refusal on one
    comment leaves the others done; `arguments` are `act`'s keywords. A database
    error (locked past the busy timeout, read-only, damaged) stops there: that
    comment and the ones after it are 'failed' with the error, untried.
    """
    outcomes: list[Outcome] = []
    with using(db) as conn:
        for comment_id, expected_version in items:
            comment_id = int(comment_id)
            failed = next((o.error for o in outcomes if o.status == "failed"), None)
            if failed is not None:
                outcomes.append(Outcome(comment_id, "failed", None, failed))
                continue
            try:
                version = act(conn, comment_id, kind, actor, expected_version, **arguments)
            except sqlite3.Error as error:
                outcomes.append(Outcome(comment_id, "failed", None, error))
            except StaleVersion as error:
                outcomes.append(Outcome(comment_id, "stale", error.current_version, error))
            except InvalidAction as error:
                outcomes.append(Outcome(comment_id, "invalid", None, error))
            else:
                outcomes.append(Outcome(comment_id, "done", version))
    return outcomes


def history(db: Database | str | Path, comment_id: int) -> list[dict]:
    """The comment's actions, oldest first."""
    with using(db) as conn:
        return _actions_after(conn, comment_id, 0)


__all__ = [
    "act",
    "act_many",
    "available_kinds",
    "check_state",
    "current_proposal",
    "history",
    "status_after",
    "InvalidAction",
    "Outcome",
    "StaleVersion",
    "INVALID_ACTION_CODES",
    "STATUS_AFTER",
]
