"""The notifications log: every attempt to send a message, append-only (table `notifications`).

A message is named by its `key` ("alert:42", "alert:42:1" for its first escalation,
"spike:2026-12-04 17", "digest:2026-12-04") and goes out on channels ("email", "teams",
"slack"). A key and channel that once went out are never sent again; a failed attempt is
tried again after a pause that doubles (`owed`), at most `MAX_ATTEMPTS` times.

>>> from lib.db import open_db
>>> db = open_db(":memory:")
>>> record(db, Attempt("alert", "alert:1", "email", ("ana@example.org",), "Alerte", 1),
...        "failed", "unreachable", "2026-12-04 22:05:00")
>>> owed(db, "alert:1", "email", "2026-12-04 22:05:30"), owed(db, "alert:1", "email",
...       "2026-12-04 22:06:00")
(False, True)
>>> record(db, Attempt("alert", "alert:1", "email", ("ana@example.org",), "Alerte", 1),
...        "sent", None, "2026-12-04 22:06:00")
>>> owed(db, "alert:1", "email", "2026-12-04 23:00:00"), owed(db, "alert:2", "email", "2026")
(False, True)
>>> db.close()
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlite_utils import Database

from lib.db import to_db_time
from lib.times import utc

OUTCOMES = ("sent", "failed")
MAX_ATTEMPTS = 5
FIRST_PAUSE = pd.Timedelta(minutes=1)  # then 2, 4, 8 minutes
LOG_COLUMNS = ["at", "kind", "channel", "recipients", "subject", "comment_id", "outcome"]
LOG_COLUMNS += ["attempt", "problem"]


@dataclass(frozen=True)
class Attempt:
    """What one message is: its kind, key, channel, recipients (addresses; none for a
    webhook), subject, and the comment it is about (None for a spike or a digest)."""

    kind: str
    key: str
    channel: str
    recipients: tuple[str, ...]
    subject: str
    comment_id: int | None = None


def record(db: Database, attempt: Attempt, outcome: str, problem: str | None, at) -> None:
    """Append one attempt's outcome."""
    if outcome not in OUTCOMES:
        raise ValueError(f"an outcome is one of {OUTCOMES}, not {outcome!r}")
    tried = _tries(db, attempt.key, attempt.channel)
    db["notifications"].insert(
        {
            "at": to_db_time(at),
            "kind": attempt.kind,
            "key": attempt.key,
            "channel": attempt.channel,
            "recipients": ", ".join(attempt.recipients) or None,
            "subject": attempt.subject,
            "comment_id": attempt.comment_id,
            "outcome": outcome,
            "attempt": len(tried) + 1,
            "problem": problem,
        }
    )


def _tries(db: Database, key: str, channel: str) -> list[tuple[str, str]]:
    """(at, outcome) of each attempt of a key on a channel, oldest first."""
    return db.execute(
        "SELECT at, outcome FROM notifications WHERE key = ? AND channel = ? ORDER BY id",
        [key, channel],
    ).fetchall()


def owed(db: Database, key: str, channel: str, now) -> bool:
    """Whether a message should go out on `channel` now: never tried there, or tried and
    failed fewer than `MAX_ATTEMPTS` times with its pause since the last failure over."""
    tried = _tries(db, key, channel)
    if not tried:
        return True
    if any(outcome == "sent" for _, outcome in tried) or len(tried) >= MAX_ATTEMPTS:
        return False
    pause = FIRST_PAUSE * 2 ** (len(tried) - 1)
    return utc(tried[-1][0]) + pause <= utc(now)


def first_attempt_at(db: Database, key: str) -> pd.Timestamp | None:
    """When a message was first attempted, on any channel (UTC), or None."""
    row = db.execute("SELECT min(at) FROM notifications WHERE key = ?", [key]).fetchone()
    return None if row[0] is None else utc(row[0])


def latest(db: Database, kind: str) -> tuple[str, pd.Timestamp] | None:
    """The key of the last message of `kind` tried, and when (UTC), or None."""
    row = db.execute(
        "SELECT key, at FROM notifications WHERE kind = ? ORDER BY id DESC LIMIT 1", [kind]
    ).fetchone()
    return None if row is None else (row[0], utc(row[1]))


def recent(db: Database, limit: int = 200) -> pd.DataFrame:
    """The latest attempts, newest first, for Paramètres."""
    cursor = db.execute(
        f"SELECT {', '.join(LOG_COLUMNS)} FROM notifications ORDER BY id DESC LIMIT ?", [limit]
    )
    return pd.DataFrame(cursor.fetchall(), columns=LOG_COLUMNS)
