"""Reading comments and the history into frames for the lead's figures, at an instant.

What the figures read of a comment is kept to the columns they need: fewer columns are
read faster at a million comments.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlite_utils import Database

from lib.db import OPEN_STATUSES, to_db_time
from lib.queries import frame, removals, select_list
from lib.settings import Settings, settings_at
from lib.states import first_after, state_changes, states_for
from lib.times import LOCAL_TZ, local_bounds, utc

# The stored due_at is not among them: the states recompute it (lib.states).
STATE_COLUMNS = (
    "id",
    "platform",
    "account",
    "language",
    "received_at",
    "first_handled_at",
    "first_handled_by",
    "service_level",
)
OPEN_COLUMNS = (
    "id",
    "platform",
    "account",
    "status",
    "received_at",
    "first_handled_at",
    "service_level",
)


def states_of(rows: pd.DataFrame, now, settings: Settings) -> pd.DataFrame:
    """The states at `now`, with the local arrival weekday and hour for breakdowns."""
    cal = settings.calendar()
    states = states_for(rows, settings, now)
    local = states["received_at"].dt.tz_convert(cal.tz)
    return states.assign(weekday=local.dt.day_of_week, hour=local.dt.hour)


def open_rows(db: Database, instants) -> pd.DataFrame:
    """Comments received by the last instant and not handled by the first.

    Read through the index of `first_handled_at`: the comments never handled and those
    handled after the first instant, a few whatever the years of history behind them.
    """
    # Instants are stored to the second: compare at that resolution, as SQL would.
    instants = [utc(t).floor("s") for t in instants]
    columns = select_list(OPEN_COLUMNS)
    sql = (
        f"SELECT {columns} FROM comments WHERE first_handled_at IS NULL AND received_at <= ?"
        f" UNION ALL SELECT {columns} FROM comments"
        " WHERE first_handled_at > ? AND received_at <= ? ORDER BY received_at, id"
    )
    last, first = to_db_time(max(instants)), to_db_time(min(instants))
    return frame(db, sql, [last, first, last])


def open_at(rows: pd.DataFrame, at, settings: Settings) -> pd.DataFrame:
    at = utc(at).floor("s")
    received, handled = rows["received_at"], rows["first_handled_at"]
    return states_of(rows[(received <= at) & ~(handled <= at)], at, settings)


# What ends an escalation's wait: the lead's decision (or another escalation), or the
# comment leaving the queue while it waited (hidden or deleted, by the team or on its
# platform). Nothing else takes a comment out of "awaiting approval" (lib.moderation).
WAIT_ENDING_KINDS = (
    "escalate",
    "approve",
    "reject",
    "hide",
    "delete",
    "platform_hidden",
    "platform_deleted",
)
_ENDING = ", ".join(f"'{kind}'" for kind in WAIT_ENDING_KINDS)
# The escalations, with the end of their wait, of the comments in `candidates`.
ESCALATIONS_SQL = (
    "SELECT comment_id, unixepoch(at) AS escalated_at, unixepoch(next_at) AS next_at FROM ("
    " SELECT e.comment_id, e.at, (SELECT x.at FROM actions x"
    f"  WHERE x.comment_id = e.comment_id AND x.kind IN ({_ENDING})"
    "  AND (x.at > e.at OR (x.at = e.at AND x.id > e.id)) ORDER BY x.at, x.id LIMIT 1"
    " ) AS next_at FROM candidates c CROSS JOIN actions e ON e.comment_id = c.id"
    # "+": through the (comment_id, at) index, not every escalation ever made.
    " WHERE +e.kind = 'escalate' AND e.at <= :last"
    ") WHERE next_at IS NULL OR next_at > :first ORDER BY comment_id, escalated_at"
)


def escalation_spans(db: Database, instants) -> pd.DataFrame:
    """Each escalation that may be waiting at one of `instants`, and when its wait ended.

    Only a few comments can have one: those awaiting approval now, and those whose wait
    ended after the first instant (an action of `WAIT_ENDING_KINDS` since then), read
    through the indexes, not the years of escalations behind them.
    """
    instants = [utc(t).floor("s") for t in instants]
    candidates = (
        "WITH candidates(id) AS (SELECT id FROM comments WHERE status = 'awaiting_approval'"
        f" UNION SELECT comment_id FROM actions WHERE kind IN ({_ENDING}) AND at > :first) "
    )
    return frame(
        db,
        candidates + ESCALATIONS_SQL,
        {"first": to_db_time(min(instants)), "last": to_db_time(max(instants))},
        time_columns=("escalated_at", "next_at"),
    )


def awaiting_at(rows: pd.DataFrame, at) -> pd.Series:
    """A comment waits at t when it has an escalation made by t whose wait ends (its next
    action of `WAIT_ENDING_KINDS`, if any) after t."""
    at = utc(at).floor("s")
    waiting = rows["escalated_at"].le(at) & ~rows["next_at"].le(at)
    return rows.loc[waiting, "comment_id"].reset_index(drop=True)


def next_state_change(db: Database, now, settings: Settings | None = None) -> pd.Timestamp:
    """The first instant after `now` at which any open comment turns at risk or overdue.

    Figures read at `now` from the whole database (an export) stay right until then,
    or until something is written. NaT when no open comment will change.
    """
    settings = settings or settings_at(db, now)
    marks = ", ".join("?" for _ in OPEN_STATUSES)
    sql = (
        f"SELECT {select_list(('received_at', 'first_handled_at'))} FROM comments"
        f" WHERE status IN ({marks})"
    )
    return first_after(now, state_changes(frame(db, sql, OPEN_STATUSES), now, settings))


def load_escalations(db: Database, start: date, end: date, tz: str = LOCAL_TZ) -> pd.DataFrame:
    """Escalations made on local dates [start, end] and the lead's decision that followed."""
    low, high = local_bounds(start, end, tz)
    sql = (
        "SELECT e.comment_id, e.at AS escalated_at, d.at AS decided_at, d.kind AS decision"
        " FROM actions e LEFT JOIN actions d ON d.id = ("
        "  SELECT x.id FROM actions x WHERE x.comment_id = e.comment_id"
        "  AND x.kind IN ('approve', 'reject') AND x.at >= e.at ORDER BY x.at, x.id LIMIT 1)"
        " WHERE e.kind = 'escalate' AND e.at >= ? AND e.at < ?"
    )
    return frame(
        db, sql, [to_db_time(low), to_db_time(high)], time_columns=("escalated_at", "decided_at")
    )


def load_redirect_counts(db: Database, start: date, end: date, tz: str = LOCAL_TZ) -> pd.DataFrame:
    """Redirections published on local dates [start, end] (directly or on a lead's approval):
    per template, how many and on how many comments (counted by SQLite)."""
    low, high = local_bounds(start, end, tz)
    sql = (
        "SELECT template, count(*) AS redirects, count(DISTINCT comment_id) AS comments"
        " FROM actions WHERE kind IN ('redirect', 'approve') AND template IS NOT NULL"
        " AND at >= ? AND at < ? GROUP BY template"
    )
    return frame(db, sql, [to_db_time(low), to_db_time(high)], time_columns=())


# The actions that publish a reply of the organisation on a comment: a reply, a
# redirection, and a lead's approval of an escalated one. A correction (`edit_reply`)
# changes a reply already published, so it is not another one.
REPLY_KINDS = ("reply", "redirect", "approve")


def load_reply_counts(db: Database, start: date, end: date, tz: str = LOCAL_TZ) -> pd.DataFrame:
    """Replies published on local dates [start, end] per platform (counted by SQLite)."""
    low, high = local_bounds(start, end, tz)
    marks = ", ".join("?" for _ in REPLY_KINDS)
    sql = (
        "SELECT c.platform, count(*) AS replies FROM actions a"
        " JOIN comments c ON c.id = a.comment_id"
        f" WHERE a.kind IN ({marks}) AND a.at >= ? AND a.at < ?"
        " GROUP BY c.platform ORDER BY c.platform"
    )
    params = [*REPLY_KINDS, to_db_time(low), to_db_time(high)]
    return frame(db, sql, params, time_columns=()).astype({"replies": "int64"})


def load_removals(db: Database, start: date, end: date | None, tz: str = LOCAL_TZ) -> pd.DataFrame:
    """`lib.queries.removals` from local date `start` to `end` (None: up to now), with
    each comment's arrival and author."""
    low, high = local_bounds(start, end or start, tz)
    columns = ("received_at", "author_name", "author_handle")
    rows = removals(db, low, high if end else None, comment_columns=columns)
    return rows.reset_index(drop=True)


def load_arrivals(db: Database, start: date, end: date, tz: str = LOCAL_TZ) -> pd.DataFrame:
    """Comments received per local date in [start, end], counted by SQLite per UTC hour."""
    low, high = local_bounds(start, end, tz)
    rows = frame(
        db,
        "SELECT substr(received_at, 1, 13) AS hour, count(*) AS received, "
        "sum(instr(' ' || flags || ' ', ' pii ') > 0) AS pii_flagged FROM comments"
        " WHERE received_at >= ? AND received_at < ? GROUP BY 1",
        [to_db_time(low), to_db_time(high)],
        time_columns=(),
    )
    hours = pd.to_datetime(rows["hour"], format="%Y-%m-%d %H", utc=True)
    rows["date"] = hours.dt.tz_convert(tz).dt.date
    return rows.groupby("date", as_index=False)[["received", "pii_flagged"]].sum()
