"""The one way a comment changes: `act()`, and the history it leaves."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from lib.auth import LEAD, MODERATOR, role_of
from lib.db import immediate, to_db_time, using
from lib.moderation.drafts import check_draft, draft_context
from lib.moderation.rules import (
    CLOCK_STOPPING_KINDS,
    DRAFT_KINDS,
    PUBLISHED_KINDS,
    PUBLISHING_KINDS,
    STATUS_AFTER,
    InvalidAction,
    check_arguments,
    check_state,
    needs_approval,
    status_after,
    valid_reasons,
)
from lib.outbox import enqueue_decision
from lib.settings import Settings, load_settings
from lib.taxonomy import RULE_ONLY_KINDS, split_codes
from lib.times import now_utc


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
    rule: dict | None = None,
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
    lib.moderation.acting.StaleVersion: comment 1 is at version 2, not 1 (since then: ana hide)
    >>> db.close()

    The comment update and its `actions` row are one BEGIN IMMEDIATE
    transaction: concurrent callers queue on the write lock (busy timeout)
    and the loser of a race gets `StaleVersion`, never a lost write.

    Rules beyond DESIGN.md's contract:

    - Reasons are stored as space-separated codes (a string in that form is
      accepted as `reasons` too). Whatever hides or deletes a comment records at
      least one (`rules.valid_reasons`): a `prive` redirection, which hides it,
      records `renseignements_personnels` unless the moderator chose others.
    - A moderator's reply or redirection to a comment flagged `negative` must
      be escalated with the proposed text (and template, for a redirection);
      a lead's `approve` publishes it, the lead's edit (`reply`) replacing
      the proposal. A lead may publish their own reply where the organisation
      allows it (`Settings.lead_self_approval`): the history marks it
      `self_approved`, as it does a lead's approval of their own escalation.
    - The text a reply, a redirection, an escalation or an approval would
      publish is checked first (`lib.moderation.drafts.check_draft`). Personal
      information refuses it (`draft_blocked`) unless a lead publishes it with
      a note; a warning (a full name, the language form, a link) refuses it
      without a note (`draft_needs_note`), except in an escalation, whose
      approval publishes it and answers for it. The history records which
      checks the note overrode (`overridden`).
    - An approval or a rejection may name the proposal it judges (`proposal`,
      the version of its escalation, `current_proposal`), and must when the
      lead's edit replaces the text: a proposal rejected and revised since
      is refused (`proposal_changed`), never published over the revision.
    - A comment awaiting approval takes no reply, redirection, "no reply
      needed" or new escalation from anyone, a lead included: the lead
      approves or rejects (with a note). Assigning it keeps it waiting.
    - A correction (`edit_reply`, with the new text; `remove_reply`, with a note) needs a
      comment that holds a published reply (answered or redirected); the history keeps
      every version. On a connected account, every decision also writes what it asks of
      the platform (`lib.outbox`), in the same transaction.
    - Every kind but `note` and `reopen` needs an open comment; `reopen`
      needs a closed one and does not reset `first_handled_at`.
    - `approve` stops the clock (it publishes the reply); `first_handled_by`
      is then the approving lead.
    - A lead's triage rule (`rule`, its stored form) acts as a moderator would, and only
      as rules may (`RULE_KINDS`): the actor recorded is `rule:<code>` whatever `actor`
      says, and the action row names the rule (`rule`, its name at the time). Only a
      rule labels (`note` holds the label), raises the priority or suggests.
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
    if rule is not None:
        actor = RULE_ACTOR + rule["code"]
    with using(db) as conn:
        return _act(conn, comment_id, kind, actor, expected_version, given, at, rule)


# How the history names a triage rule that acted: "rule:" and the rule's code.
RULE_ACTOR = "rule:"


def _act(db: Database, comment_id, kind, actor, expected_version, given: dict, at, rule) -> int:
    check_arguments(kind, given, by_rule=rule is not None)
    at_text = to_db_time(now_utc() if at is None else at)
    with immediate(db):
        # A rule has no user row: it acts as a moderator would.
        role = MODERATOR if rule is not None else role_of(db, actor)  # None: deactivated too
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
        check_state(comment, kind, role, settings)
        _check_proposal(db, comment_id, given["proposal"])
        changes, row = _transition(db, comment, kind, actor, given)
        row["reasons"] = valid_reasons(
            kind, changes.get("status"), row["template"], row["reasons"], settings.retired_reasons
        )
        overridden = _overridden(db, comment, kind, role, row["reply"], given["note"], settings)
        self_approved = _self_approved(comment, kind, actor, role, row, settings)
        version = expected_version + 1
        if kind in CLOCK_STOPPING_KINDS and comment["first_handled_at"] is None:
            changes.update(first_handled_at=at_text, first_handled_by=actor)
        changes["version"] = version
        _update_comment(db, comment_id, expected_version, changes)
        recorded = db["actions"].insert(
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
                "assignee": row.get("assignee"),
                "overridden": " ".join(overridden) or None,
                "self_approved": 1 if self_approved else None,
                "rule": None if rule is None else rule["name"],
            }
        )
        # What the decision asks of the platform, in the same transaction (lib.outbox).
        status = changes.get("status", comment["status"])
        enqueue_decision(db, comment, kind, recorded.last_pk, status, row["reply"], at_text)
    return version


def _overridden(db, comment, kind, role, text, note, settings: Settings) -> tuple[str, ...]:
    """The draft checks a publishing action's note overrides; refuses what no note may."""
    if kind not in DRAFT_KINDS:
        return ()
    findings = check_draft(text, draft_context(db, comment), settings)
    if any(f.blocks for f in findings) and role != LEAD:
        raise InvalidAction("draft_blocked", "the draft holds personal information", findings)
    must_answer = [f for f in findings if f.blocks or kind != "escalate"]
    if must_answer and note is None:
        raise InvalidAction("draft_needs_note", "publishing over the checks needs a note", findings)
    return tuple(dict.fromkeys(f.check for f in must_answer))


def _self_approved(comment, kind, actor, role, row, settings: Settings) -> bool:
    """A lead publishing, without another's assent, a reply that needs approval; refused
    where the organisation wants another lead's (`Settings.lead_self_approval`)."""
    if kind == "approve" and row["proposer"] == actor:
        if not settings.lead_self_approval:
            raise InvalidAction("self_approval", "another lead approves what a lead proposed")
        return True
    return kind in PUBLISHING_KINDS and role == LEAD and needs_approval(comment, settings)


def _text(value: str | None) -> str | None:
    """Blank text is no text: a reply or note of spaces says nothing."""
    return value.strip() if value is not None and value.strip() else None


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
        escalation = _latest_escalation(db, comment["id"])
        reply = given["reply"] or comment["proposed_reply"]
        if reply is None:
            raise InvalidAction("reply_required", "nothing to publish: no proposed reply")
        # A `prive` redirection's reasons are the ones its escalation proposed.
        reasons = tuple((escalation["reasons"] or "").split())
        row = {"reasons": reasons, "reply": reply, "template": escalation["template"]}
        row["proposer"] = escalation["actor"]
        return {"status": status_after(kind, row["template"]), "proposed_reply": None}, row
    if kind == "reject":
        # The proposal stays on the comment so its author can revise it.
        return {"status": back_to_queue}, row
    if kind == "reopen":
        return {"status": back_to_queue}, row
    if kind in RULE_ONLY_KINDS:
        return _triaged(comment, kind, given), row
    return {}, row  # note


def _triaged(comment: dict, kind: str, given: dict) -> dict:
    """What a triage rule's own kinds change: the labels (a JSON list, in the order they
    came), the priority, the suggestions (the rule's reason first, then the detectors')."""
    if kind == "label":
        labels = json.loads(comment.get("labels") or "[]")
        labels = list(dict.fromkeys([*labels, given["note"]]))
        return {"labels": json.dumps(labels, ensure_ascii=False)}
    if kind == "prioritize":
        return {"priority": 1}
    changes = {}
    if given["reasons"]:
        reasons = (*given["reasons"], *split_codes(comment.get("suggested_reasons")))
        changes["suggested_reasons"] = " ".join(dict.fromkeys(reasons))
    if given["template"] is not None:
        changes["suggested_redirect"] = given["template"]
    return changes


def _comment(db: Database, comment_id: int) -> dict | None:
    rows = list(db.query("select * from comments where id = ?", [comment_id]))
    return rows[0] if rows else None


def current_proposal(db: Database | str | Path, comment_id: int) -> dict | None:
    """The comment's latest escalation (`version`, `actor`, `at`, `reply`, `template`,
    `reasons`), or None.

    Its `version` names the proposal an approval or a rejection judges.
    """
    with using(db) as conn:
        escalation = _latest_escalation(conn, int(comment_id))
    return escalation if escalation["version"] is not None else None


def published_text(db: Database | str | Path, comment_id: int) -> str | None:
    """The text of the organisation's reply now published on the comment, or None: the
    latest reply, redirection, approval or correction, unless a removal came after it.

    >>> from lib.db import open_db
    >>> db = open_db(":memory:")
    >>> _ = db["users"].insert({"username": "ana", "display_name": "Ana", "role": "moderator"})
    >>> _ = db["comments"].insert({"id": 1, "platform": "x", "external_id": "1",
    ...                            "received_at": "2026-03-02 14:00:00"})
    >>> act(db, 1, "reply", "ana", 1, reply="Ouvert à 8 h.")
    2
    >>> act(db, 1, "edit_reply", "ana", 2, reply="Ouvert à 8 h 30.")
    3
    >>> published_text(db, 1)
    'Ouvert à 8 h 30.'
    >>> _ = act(db, 1, "remove_reply", "ana", 3, note="Horaire changé")
    >>> published_text(db, 1) is None
    True
    >>> db.close()
    """
    marks = ", ".join("?" for _ in PUBLISHED_KINDS)
    with using(db) as conn:
        row = conn.execute(
            "SELECT kind, reply FROM actions WHERE comment_id = ? AND (kind = 'remove_reply' "
            f"OR (kind IN ({marks}) AND reply IS NOT NULL)) ORDER BY version DESC, id DESC LIMIT 1",
            [int(comment_id), *PUBLISHED_KINDS],
        ).fetchone()
    return None if row is None or row[0] == "remove_reply" else row[1]


def _latest_escalation(db: Database, comment_id: int) -> dict:
    rows = db.query(
        "select version, actor, at, reply, template, reasons from actions "
        "where comment_id = ? and kind = 'escalate' order by version desc limit 1",
        [comment_id],
    )
    empty = dict.fromkeys(("version", "actor", "at", "reply", "template", "reasons"))
    return next(iter(rows), empty)


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
