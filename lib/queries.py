"""Read queries the pages share: comments in a range as a frame, recent arrivals, the team.

>>> from lib.db import open_db
>>> comments_between(open_db(":memory:"), None, None).empty
True
"""

from __future__ import annotations

import pandas as pd
from sqlite_utils import Database

from lib.db import from_db_times, to_db_time

FRAME_COLUMNS = (
    "id",
    "platform",
    "account",
    "language",
    "status",
    "assignee",
    "flags",
    "received_at",
    "first_handled_at",
    "first_handled_by",
    "due_at",
)
TIME_COLUMNS = ("received_at", "first_handled_at", "due_at")


def frame(db: Database, sql: str, params=(), time_columns=TIME_COLUMNS) -> pd.DataFrame:
    """A query's rows as a frame, its time columns as aware UTC timestamps.

    A time column may come as stored UTC text or, several times faster to read, as
    Unix seconds: select it through `select_list` (`unixepoch(received_at) AS received_at`).
    """
    cursor = db.execute(sql, params)
    columns = [c[0] for c in cursor.description]
    result = pd.DataFrame.from_records(cursor.fetchall(), columns=columns)
    for column in time_columns:
        if column in result:
            result[column] = _timestamps(result[column])
    return result


def select_list(columns) -> str:
    """`columns` for a SELECT, the instants among them as Unix seconds for `frame`.

    >>> select_list(["id", "received_at"])
    'id, unixepoch(received_at) AS received_at'
    """
    return ", ".join(f"unixepoch({c}) AS {c}" if c in TIME_COLUMNS else c for c in columns)


def comments_between(db: Database, start, end, columns=FRAME_COLUMNS) -> pd.DataFrame:
    """Comments received in [start, end) (aware instants; None leaves that side open)."""
    where, params = [], []
    if start is not None:
        where.append("received_at >= ?")
        params.append(to_db_time(start))
    if end is not None:
        where.append("received_at < ?")
        params.append(to_db_time(end))
    sql = "SELECT {} FROM comments{} ORDER BY received_at".format(
        select_list(columns), " WHERE " + " AND ".join(where) if where else ""
    )
    return frame(db, sql, params)


def open_comments(db: Database, columns=FRAME_COLUMNS) -> pd.DataFrame:
    """Every open comment (new, assigned, awaiting approval), whatever its arrival."""
    sql = "SELECT {} FROM comments WHERE status IN ('new', 'assigned', 'awaiting_approval')"
    return frame(db, sql.format(", ".join(columns)))


def recent_comments(db: Database, limit: int = 50) -> pd.DataFrame:
    sql = (
        "SELECT id, platform, account, author_name, text, language, status, received_at "
        "FROM comments ORDER BY received_at DESC LIMIT ?"
    )
    return frame(db, sql, [limit])


def team(db: Database) -> pd.DataFrame:
    return frame(db, "SELECT username, display_name, role FROM users ORDER BY role, display_name")


def removals(db: Database, start=None, end=None, comment_columns=()) -> pd.DataFrame:
    """One row per (removal action, reason code) in [start, end).

    `comment_columns` adds the removed comment's columns (e.g. "author_handle") at the end.
    """
    extra = "".join(
        f", unixepoch(c.{c}) AS {c}" if c in TIME_COLUMNS else f", c.{c}" for c in comment_columns
    )
    sql = (
        "SELECT a.comment_id, c.platform, unixepoch(a.at) AS removed_at, a.kind AS action, "
        f"a.reasons, a.actor{extra} FROM actions a JOIN comments c ON c.id = a.comment_id "
        "WHERE a.kind IN ('hide', 'delete') AND a.at >= ? AND a.at < ? ORDER BY a.at"
    )
    low = to_db_time(start) if start is not None else ""
    high = to_db_time(end) if end is not None else "9999"
    times = ("removed_at", *(c for c in comment_columns if c in TIME_COLUMNS))
    rows = frame(db, sql, [low, high], time_columns=times)
    rows["reason_code"] = rows["reasons"].fillna("").str.split()
    return rows.explode("reason_code").drop(columns="reasons").dropna(subset=["reason_code"])


def _timestamps(values: pd.Series) -> pd.Series:
    """Stored UTC text or Unix seconds (None: NaT) as aware UTC timestamps."""
    if pd.api.types.is_string_dtype(values):
        # Keep the datetime64 dtype: to_numpy() would make one object per value.
        return from_db_times(values.to_numpy()).set_axis(values.index)
    seconds = pd.to_numeric(values).astype("Int64")
    stamps = pd.to_datetime(seconds, unit="s", utc=True)
    # The unit text parsing gives: microseconds, seconds when there is no value at all.
    return stamps.dt.as_unit("us" if seconds.notna().any() else "s")
