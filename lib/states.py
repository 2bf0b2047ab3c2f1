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
`clock.deadline(received_at, target_hours)`. Handled, it is on time when its response
time (seconds of its clock from reception to the first handling) is at most the target.
Open at `now`, it is breached once its due time has passed, at risk while less than
`at_risk_hours` of its clock remains before it, else ok. The clock and the target are
those of the comment's service level (`lib.service_levels`), chosen at arrival: the
calendar's business hours by default, or around the clock for what cannot wait.

The three forms, side by side below and checked against each other by a property test
(tests/test_states.py):

- `comment_states`: vectorised over a frame on one clock, and `states_for` over a frame
  whose comments each run on their level's, for figures and exports;
- `STATE_SQL` and `state_where`: SQL over the stored `due_at` (and `around_the_clock`,
  which picks the at-risk instant), for the queue, which filters, counts and pages
  open comments without loading them;
- `state_of`: one open comment, for the detail panel.

Which due time is authoritative: the one the calendar gives from `received_at` under
the settings in force at the instant read at. `comments.due_at` stores it, so that SQL
can filter and sort with an index; it is written when a comment arrives and rewritten
for every open comment, in the same transaction, whenever the lead changes the calendar,
a target or the levels (`recompute_due_dates`, called by `lib.settings.save_settings`),
with the calendar version that computed it (`comments.calendar_version`). For an
open comment the stored and the computed due times are therefore equal. A handled
comment keeps the stored due time it had when it was handled; the figures and exports
recompute it under the settings of their instant (`lib.settings.settings_at`), so that a
report of a past period reads as it did then.

Open comments are at risk from the instant `at_risk_until = clock.deadline(now,
at_risk_hours)` is past their due time: `due_at < at_risk_until` is the same as "less
than `at_risk_hours` of business time remains", since business time only grows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlite_utils import Database

from lib import service_levels
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


def states_for(frame: pd.DataFrame, settings, now) -> pd.DataFrame:
    """`comment_states` with each comment on its service level's clock and target.

    `frame`'s `service_level` column (when present) holds the codes stored at arrival; a
    missing or no longer defined code is the default level. The result keeps `frame`'s
    order and index, and its `service_level` column holds the level each was measured on.
    """
    levels = service_levels.levels(settings)
    codes = _level_codes(frame, settings) if len(levels) > 1 else None
    parts = []
    for level in levels:
        # Without levels of its own, the team's comments are all the default level's.
        rows = frame if codes is None else frame.loc[codes == level.code]
        if len(rows) or level.code == service_levels.DEFAULT_LEVEL:
            clock = settings.clock(level)
            part = comment_states(rows, clock, now, level.target_hours, settings.at_risk_hours)
            part["service_level"] = level.code
            parts.append(part)
    if len(parts) == 1:
        return parts[0]
    out = pd.concat([p for p in parts if len(p)] or parts[-1:])
    # `frame`'s order, without the comments received after `now`.
    return out.loc[frame.index[frame.index.isin(out.index)]]


def _level_codes(frame: pd.DataFrame, settings) -> pd.Series:
    known = [level.code for level in service_levels.levels(settings)]
    stored = frame.get("service_level", pd.Series(None, index=frame.index, dtype=object))
    return stored.where(stored.isin(known), service_levels.DEFAULT_LEVEL)


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
    # The same for comments whose clock runs around the clock: `now + at_risk_hours`.
    at_risk_until_continuous: str = ""

    def params(self) -> dict[str, str]:
        """The named parameters `STATE_SQL` and `state_where` use."""
        return {
            "now": self.now_text,
            "at_risk_until": self.at_risk_until,
            "at_risk_until_24": self.at_risk_until_continuous or self.at_risk_until,
        }

    def at_risk_from(self, around_the_clock) -> str:
        """When a comment on that clock starts being at risk (`_AT_RISK_UNTIL` in Python)."""
        return self.params()["at_risk_until_24" if around_the_clock else "at_risk_until"]


def state_clock(now, cal: BusinessCalendar | None = None, at_risk_hours: float = 2.0) -> StateClock:
    """The clock at `now`: `now`, `cal.deadline(now, at_risk_hours)` and the same around
    the clock, to the second."""
    now = utc(now)
    cal = cal or BusinessCalendar()
    return StateClock(
        now,
        to_db_time(now),
        to_db_time(cal.deadline(now, at_risk_hours)),
        to_db_time(now + pd.Timedelta(seconds=round(at_risk_hours * 3600))),
    )


_AT_RISK_UNTIL = "(CASE WHEN around_the_clock THEN :at_risk_until_24 ELSE :at_risk_until END)"
STATE_SQL = (
    "CASE WHEN due_at < :now THEN 'open_breached' "
    f"WHEN due_at < {_AT_RISK_UNTIL} THEN 'open_at_risk' ELSE 'open_ok' END"
)
_STATE_WHERE = {
    "open_breached": "due_at < :now",
    "open_at_risk": f"(due_at >= :now AND due_at < {_AT_RISK_UNTIL})",
    "open_ok": f"(due_at IS NULL OR due_at >= {_AT_RISK_UNTIL})",
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
    return "open_at_risk" if due < clock.at_risk_from(row.get("around_the_clock")) else "open_ok"


# --- due times, stored and recomputed -------------------------------------------------------


CLOCK_COLUMNS = ("service_level", "around_the_clock", "due_at")


def clock_columns(frame: pd.DataFrame, settings) -> pd.DataFrame:
    """Each comment's service level, whether it runs around the clock, and its due time
    (UTC timestamps; store them with `lib.db.to_db_times`), from `received_at` and what
    the levels look at (`flags`, `platform`, `account`).

    `settings` gives the calendar, the targets and the levels (`lib.settings.Settings`).
    """
    received = pd.to_datetime(frame["received_at"], utc=True)
    codes = service_levels.assign(frame, settings)
    out = pd.DataFrame(
        {
            "service_level": codes,
            "around_the_clock": 0,
            "due_at": pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns, UTC]"),
        }
    )
    for level in service_levels.levels(settings):
        mine = codes == level.code
        if mine.any():
            due = settings.clock(level).deadline(received[mine], level.target_hours)
            out.loc[mine, "due_at"] = due
            out.loc[mine, "around_the_clock"] = int(level.around_the_clock)
    return out


def recompute_due_dates(db: Database, settings, version: int = 0) -> int:
    """Rewrite the service level and due time of open comments under `settings`, recording
    `version` (the calendar version, `lib.settings.calendar_version`) on each; returns
    how many due times or levels changed.

    Called in the transaction that changes the calendar, a target or the levels. One
    read, one vectorised pass, one executemany. Handled comments keep the level and due
    time they were measured against. The comment's version is not bumped: a due time is
    derived data, not a moderator's edit, and a bump would make a pending action stale.
    """
    marks = ", ".join("?" for _ in OPEN_STATUSES)
    read = ["id", "received_at", "flags", "platform", "account", *CLOCK_COLUMNS]
    with immediate(db):
        rows = db.execute(
            f"SELECT {', '.join(read)} FROM comments WHERE status IN ({marks})", OPEN_STATUSES
        ).fetchall()
        if not rows:
            return 0
        current = pd.DataFrame(rows, columns=read)
        fresh = clock_columns(
            current.assign(received_at=from_db_times(current["received_at"])), settings
        )
        fresh["due_at"] = to_db_times(fresh["due_at"])
        fresh["service_level"] = fresh["service_level"].where(
            fresh["service_level"] != service_levels.DEFAULT_LEVEL, None
        )
        changed = (
            fresh["due_at"].ne(current["due_at"])
            | fresh["service_level"].fillna("").ne(current["service_level"].fillna(""))
            | fresh["around_the_clock"].ne(current["around_the_clock"])
        )
        db.conn.executemany(
            "UPDATE comments SET service_level = ?, around_the_clock = ?, due_at = ?, "
            "calendar_version = ? WHERE id = ?",
            zip(
                fresh["service_level"].tolist(),
                fresh["around_the_clock"].tolist(),
                fresh["due_at"].tolist(),
                [version] * len(fresh),
                current["id"].tolist(),
                strict=True,
            ),
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
    now = utc(now)
    received = pd.to_datetime(rows["received_at"], utc=True)
    handled = pd.to_datetime(rows["first_handled_at"], utc=True)
    codes = _level_codes(rows, settings)
    changes = [received, handled]
    for level in service_levels.levels(settings):
        still_open = received[~(handled <= now) & (codes == level.code)]
        if not len(still_open):
            continue
        clock = settings.clock(level)
        due = clock.deadline(still_open, level.target_hours)
        quiet_hours = max(level.target_hours - settings.at_risk_hours, 0)
        at_risk = clock.deadline(clock.deadline(still_open, quiet_hours), 1 / 3600)
        changes += [pd.Series(due) + pd.Timedelta(seconds=1), pd.Series(at_risk)]
    return changes


def first_after(now, changes) -> pd.Timestamp:
    """The earliest instant of `changes` (Series of instants) after `now`, or NaT: never."""
    now = utc(now)
    later = [pd.to_datetime(c, utc=True) for c in changes]
    later = [c[c > now] for c in later if len(c)]
    firsts = [c.min() for c in later if len(c)]
    return min(firsts) if firsts else pd.NaT
