"""A comment's response clock and its state at an instant: one rule, written in three forms.

>>> from lib.business_time import BusinessCalendar
>>> cal = BusinessCalendar()
>>> frame = pd.DataFrame({
...     "id": [1, 2],
...     "received_at": ["2026-03-09 13:30:00", "2026-03-09 14:00:00"],  # UTC
...     "first_handled_at": ["2026-03-09 15:00:00", None],
... })
>>> comment_states(frame, cal, now="2026-03-10 13:00")["state"].tolist()  # Tuesday 9 h
['handled_on_time', 'open_at_risk']
>>> clock = state_clock("2026-03-10 13:00", cal, at_risk_hours=2)
>>> state_of({"due_at": "2026-03-10 18:00:00"}, clock)   # due Tuesday 14 h: 5 h left
'open_ok'

The rule (DESIGN.md, "Response-time compliance"): a comment's due time is
`cal.deadline(received_at, target_hours)`. Handled, it is on time when its response
time (business seconds from reception to the first handling) is at most the target.
Open at `now`, it is breached once its due time has passed, at risk while less than
`at_risk_hours` of business time remains before it, else ok.

The three forms, side by side below and checked against each other by a property test
(tests/test_states.py):

- `comment_states`: vectorised over a frame, for figures and exports;
- `STATE_SQL` and `state_where`: SQL over the stored `due_at`, for the queue, which
  filters, counts and pages open comments without loading them;
- `state_of`: one open comment, for the detail panel.

Which due time is authoritative: the one the calendar gives from `received_at` under
the settings in force at the instant read at. `comments.due_at` stores it, so that SQL
can filter and sort with an index; it is written when a comment arrives and rewritten
for every open comment, in the same transaction, whenever the lead changes the calendar
or the target (`recompute_due_dates`, called by `lib.settings.save_settings`). For an
open comment the stored and the computed due times are therefore equal. A handled
comment keeps the stored due time it had when it was handled; the figures and exports
recompute it under the settings of their instant (`lib.settings.settings_at`), so that a
report of a past period reads as it did then.

Open comments are at risk from the instant `at_risk_until = cal.deadline(now,
at_risk_hours)` is past their due time: `due_at < at_risk_until` is the same as "less
than `at_risk_hours` of business time remains", since business time only grows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlite_utils import Database

from lib.business_time import BusinessCalendar
from lib.db import OPEN_STATUSES, from_db_times, immediate, to_db_time, to_db_times
from lib.times import utc

STATES = ("handled_on_time", "handled_late", "open_breached", "open_at_risk", "open_ok")
HANDLED_STATES = STATES[:2]
OPEN_STATES = STATES[2:]
PENDING_STATES = ("open_at_risk", "open_ok")


# --- vectorised ---------------------------------------------------------------------


def comment_states(
    frame: pd.DataFrame,
    cal: BusinessCalendar,
    now,
    target_hours: float = 8.0,
    at_risk_hours: float = 2.0,
) -> pd.DataFrame:
    """The comments as they stood at `now`, with their clock and state.

    `frame` holds at least `received_at` and `first_handled_at` (timestamps or stored
    UTC text; NaT/None while open). `now` may be in the past: comments received after it
    are dropped, and a first handling after it is undone (first_handled_at becomes NaT and
    first_handled_by missing), so that a past report recomputes exactly. Adds
    `response_seconds` (business seconds, NaN while open), `due_at` (UTC),
    `remaining_seconds` (business seconds left before due_at, 0 once passed, NaN when
    handled) and `state` (one of STATES).
    """
    now = utc(now)
    received = pd.to_datetime(frame["received_at"], utc=True)
    out = frame.loc[received <= now].copy()
    out["received_at"] = received[received <= now]
    handled_at = pd.to_datetime(
        out["first_handled_at"] if "first_handled_at" in out else pd.Series(pd.NaT, out.index),
        utc=True,
    )
    later = handled_at > now
    out["first_handled_at"] = handled_at.where(~later)
    if "first_handled_by" in out:
        out["first_handled_by"] = out["first_handled_by"].where(~later, None)
    handled = out["first_handled_at"].notna()

    # Whole seconds, as `deadline` counts them: 31/60 h is 1860 s, not 1860.0000000000002.
    target, at_risk = round(target_hours * 3600), round(at_risk_hours * 3600)
    response = cal.elapsed(out["received_at"], out["first_handled_at"])
    out["response_seconds"] = response.astype(float)
    out["due_at"] = cal.deadline(out["received_at"], target_hours)
    remaining = cal.elapsed(now, out["due_at"]).astype(float)
    out["remaining_seconds"] = remaining.where(~handled)
    out["state"] = np.select(
        [
            handled & (response <= target),
            handled,
            out["due_at"] < now,
            remaining < at_risk,
        ],
        list(STATES[:4]),
        default="open_ok",
    )
    return out


# --- SQL, over the stored due_at ---------------------------------------------------------


@dataclass(frozen=True)
class StateClock:
    """The instants open comments' states are measured against, once per rerun.

    `now_text` and `at_risk_until` are stored UTC text, the form of `comments.due_at`:
    a comment is `open_breached` when due before `now`, `open_at_risk` when due before
    `at_risk_until`, else `open_ok`.
    """

    now: pd.Timestamp
    now_text: str
    at_risk_until: str

    def params(self) -> dict[str, str]:
        """The named parameters `STATE_SQL` and `state_where` use."""
        return {"now": self.now_text, "at_risk_until": self.at_risk_until}


def state_clock(now, cal: BusinessCalendar | None = None, at_risk_hours: float = 2.0) -> StateClock:
    """The clock at `now`: `now` and `cal.deadline(now, at_risk_hours)`, to the second."""
    now = utc(now)
    cal = cal or BusinessCalendar()
    return StateClock(now, to_db_time(now), to_db_time(cal.deadline(now, at_risk_hours)))


STATE_SQL = (
    "CASE WHEN due_at < :now THEN 'open_breached' "
    "WHEN due_at < :at_risk_until THEN 'open_at_risk' ELSE 'open_ok' END"
)
_STATE_WHERE = {
    "open_breached": "due_at < :now",
    "open_at_risk": "(due_at >= :now AND due_at < :at_risk_until)",
    "open_ok": "(due_at IS NULL OR due_at >= :at_risk_until)",
}


def state_where(states) -> str:
    """A WHERE condition: an open comment in any of `states` (OPEN_STATES)."""
    return "(" + " OR ".join(_STATE_WHERE[s] for s in states) + ")"


# --- one open comment ------------------------------------------------------------------


def state_of(row: dict, clock: StateClock) -> str:
    """The state of one open comment from its stored `due_at`: `STATE_SQL` in Python."""
    due = row.get("due_at")
    if due is None:
        return "open_ok"
    due = to_db_time(due)
    if due < clock.now_text:
        return "open_breached"
    return "open_at_risk" if due < clock.at_risk_until else "open_ok"


# --- due times, stored and recomputed -------------------------------------------------------


def due_dates_for(received_at, settings) -> pd.Series:
    """Due instants (UTC timestamps) for comments received at these instants.

    `settings` gives the calendar and the target (`lib.settings.Settings`). Store them
    with `lib.db.to_db_times`.
    """
    cal = settings.calendar()
    return cal.deadline(pd.to_datetime(received_at, utc=True), settings.target_hours)


def recompute_due_dates(db: Database, settings) -> int:
    """Rewrite comments.due_at of open comments under `settings`; how many rows changed.

    Called in the transaction that changes the calendar or the target. One read, one
    vectorised pass, one executemany. Handled comments keep the due date they were
    measured against. The comment's version is not bumped: a due date is derived data,
    not a moderator's edit, and a bump would make a moderator's pending action stale.
    """
    marks = ", ".join("?" for _ in OPEN_STATUSES)
    with immediate(db):
        rows = db.execute(
            f"SELECT id, received_at, due_at FROM comments WHERE status IN ({marks})",
            OPEN_STATUSES,
        ).fetchall()
        if not rows:
            return 0
        current = pd.DataFrame(rows, columns=["id", "received_at", "due_at"])
        fresh = to_db_times(due_dates_for(from_db_times(current["received_at"]), settings))
        changed = fresh.ne(current["due_at"])
        db.conn.executemany(
            "UPDATE comments SET due_at = ? WHERE id = ?",
            zip(fresh[changed].tolist(), current.loc[changed, "id"].tolist(), strict=True),
        )
    return int(changed.sum())


# --- when states next change ------------------------------------------------------------


def state_changes(rows: pd.DataFrame, now, settings) -> list[pd.Series]:
    """The instants after which these comments' states read at `now` may differ.

    A later `now` gives the same states until one of these is reached: an arrival or a
    first handling after `now`, and for the comments still open at `now`, the first
    business second of being at risk and the second after the due time (state instants
    are whole seconds). Used to keep figures until the next change, not on a timer.
    """
    cal = settings.calendar()
    now = utc(now)
    received = pd.to_datetime(rows["received_at"], utc=True)
    handled = pd.to_datetime(rows["first_handled_at"], utc=True)
    still_open = received[~(handled <= now)]
    due = cal.deadline(still_open, settings.target_hours)
    quiet_hours = max(settings.target_hours - settings.at_risk_hours, 0)
    at_risk = cal.deadline(cal.deadline(still_open, quiet_hours), 1 / 3600)
    return [received, handled, pd.Series(due) + pd.Timedelta(seconds=1), pd.Series(at_risk)]


def first_after(now, changes) -> pd.Timestamp:
    """The earliest instant of `changes` (Series of instants) after `now`, or NaT: never."""
    now = utc(now)
    later = [pd.to_datetime(c, utc=True) for c in changes]
    later = [c[c > now] for c in later if len(c)]
    firsts = [c.min() for c in later if len(c)]
    return min(firsts) if firsts else pd.NaT
