"""Carrying the outbox to a platform: each pending operation applied once, in order per
comment, retried with back-off, and never published twice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlite_utils import Database

from lib.connectors.base import Connector
from lib.connectors.errors import (
    ACCOUNT_PROBLEMS,
    PASSING_PROBLEMS,
    PlatformError,
    unexpected_answers,
)
from lib.db import immediate, to_db_time
from lib.outbox import published_reply, settle

# Attempts before an operation that keeps failing is shown to the leads (Aujourd'hui).
MAX_ATTEMPTS = 5
# The wait after the first failure, doubled after each next one, up to `LONGEST_WAIT`.
FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=1)
# Operations taken per account and per run at most.
BATCH = 500


class NothingPublished(Exception):
    """A correction of a reply Vigie never published on the platform."""


@dataclass
class Pushed:
    applied: int = 0
    failed: int = 0
    problem: PlatformError | None = None  # what stopped the account, if anything


def push_account(db: Database, connector: Connector, key: str, now) -> Pushed:
    """Apply the account's due operations; a problem of the whole account (its token, a
    limit) stops there (`Pushed.problem`), the operation left as it was."""
    pushed = Pushed()
    for row in _due(db, key, now):
        if not _still_pending(db, row):
            continue  # a reopening cancelled it since the run began
        if row["comment_id"] is not None and _earlier_pending(db, row):
            continue  # in order per comment: a reply before the hide that follows it
        try:
            result = _apply(db, connector, row)
        except NothingPublished:
            # The reply was published before the account was connected, or by hand.
            _update(db, row, state="unsupported", problem="reply_not_published")
            continue
        except PlatformError as error:
            if error.code in ACCOUNT_PROBLEMS:
                _defer(db, row, error, now)
                pushed.problem = error
                break
            if _failed(db, row, error, now):
                pushed.applied += 1  # already so on the platform
                continue
            pushed.failed += 1
            if error.code in PASSING_PROBLEMS:
                break  # the platform is down or slow: the rest waits for the next run
            continue
        done = {"state": "applied", "applied_at": to_db_time(now), "result_ref": result}
        settle(db, row, to_db_time(now), **done, problem=None, problem_detail=None, unsure=0)
        pushed.applied += 1
    return pushed


def _due(db: Database, key: str, now) -> list[dict]:
    return list(
        db.query(
            "SELECT * FROM outbox WHERE account = ? AND state = 'pending' "
            "AND next_attempt_at <= ? ORDER BY id LIMIT ?",
            [key, to_db_time(now), BATCH],
        )
    )


def _still_pending(db: Database, row: dict) -> bool:
    state = db.execute("SELECT state FROM outbox WHERE id = ?", [row["id"]]).fetchone()
    return state is not None and state[0] == "pending"


def _earlier_pending(db: Database, row: dict) -> bool:
    found = db.execute(
        "SELECT 1 FROM outbox WHERE comment_id = ? AND id < ? "
        "AND state IN ('pending', 'attention')",
        [row["comment_id"], row["id"]],
    ).fetchone()
    return found is not None


def _apply(db: Database, connector: Connector, row: dict) -> str | None:
    operation, target, text = row["operation"], row["target"], row["text"]
    reply = None
    if operation in ("edit_reply", "remove_reply"):
        reply = published_reply(db, row["comment_id"])
        if reply is None:
            raise NothingPublished
    if operation == "reply" and row["unsure"]:
        # An earlier attempt ended without an answer: it may have been published.
        with unexpected_answers():
            found = connector.find_reply(target, text)
        if found is not None:
            return found
    try:
        with unexpected_answers(write=True):
            return connector.push(operation, target, text, reply)
    except PlatformError as error:
        if operation == "reply" and error.code not in ("refused", "permission", "not_found"):
            error.unsure = True  # a reply whose fate is unknown is looked for before a retry
        raise


def _failed(db: Database, row: dict, error: PlatformError, now) -> bool:
    """Record a failed attempt: tried again later, or shown to the leads (`attention`).
    True when what was asked holds all the same (deleting what is already gone)."""
    if error.code == "not_found" and row["operation"] in ("delete", "remove_reply"):
        _update(db, row, state="applied", applied_at=to_db_time(now), problem="not_found")
        return True
    attempts = row["attempts"] + 1
    passing = error.code in PASSING_PROBLEMS
    state = "pending" if passing and attempts < MAX_ATTEMPTS else "attention"
    wait = min(FIRST_WAIT * 2 ** (attempts - 1), LONGEST_WAIT)
    problem = "gave_up" if passing and state == "attention" else error.code
    _update(
        db,
        row,
        state=state,
        attempts=attempts,
        unsure=int(bool(row["unsure"]) or error.unsure),
        next_attempt_at=to_db_time(now + wait),
        problem=problem,
        problem_detail=error.detail or None,
    )
    return False


def _defer(db: Database, row: dict, error: PlatformError, now) -> None:
    """The account cannot act for now: the operation waits, its attempts not counted."""
    retry = error.retry_at or now
    _update(db, row, next_attempt_at=to_db_time(max(retry, now)), problem=error.code)


def _update(db: Database, row: dict, **changes) -> None:
    with immediate(db):
        db["outbox"].update(row["id"], changes)
