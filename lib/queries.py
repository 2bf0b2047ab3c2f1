"""Read queries the pages share: comments as frames, removals, an author's past, search words.

>>> from lib.db import open_db
>>> with open_db(":memory:") as db:
...     comments_between(db, None, None).empty
True
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from sqlite_utils import Database

from lib.db import from_db_times, to_db_time
from lib.taxonomy import PRIVATE_REDIRECT, REMOVED_STATUSES

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
INTEGER_COLUMNS = ("id",)
RECEIVED_INDEX = "idx_comments_received_at"
# `packed_frame` joins a column's values with UNIT and marks NULL with RECORD (ASCII
# separators, not expected in names); a value holding one makes it fall back to `frame`.
UNIT, RECORD = "\x1f", "\x1e"


# The queue's search looks for a few words of a comment. FTS5's cost grows with each
# term (20,000 words took 6 s a run), so longer input is cut before it reaches SQL.
SEARCH_MAX_CHARS = 200
SEARCH_MAX_TERMS = 12
# Control characters (NUL ends an FTS5 string early: "unterminated string"), lone
# surrogates (not UTF-8) and FTS5's double quotes become spaces.
_NOT_SEARCHABLE = dict.fromkeys(
    [*range(0x20), *range(0x7F, 0xA0), *range(0xD800, 0xE000), ord('"')], " "
)


def search_words(text: str) -> str:
    r"""What a search may look for: plain words, at most SEARCH_MAX_TERMS of them.

    The text is cut to SEARCH_MAX_CHARS characters first; control characters and
    double quotes separate words.

    >>> search_words(' "région"\x00NEAR(a b)\n')
    'région NEAR(a b)'
    >>> len(search_words("mot " * 20_000).split()) == SEARCH_MAX_TERMS
    True
    """
    words = str(text)[:SEARCH_MAX_CHARS].translate(_NOT_SEARCHABLE).split()
    return " ".join(words[:SEARCH_MAX_TERMS])


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


def packed_frame(db: Database, sql: str, params, columns) -> pd.DataFrame:
    """`frame` of `SELECT <select_list(columns)> ...`, read about twice as fast.

    Reading 300,000 rows one Python object per value costs more than the query itself;
    here SQLite joins each column into one string and pyarrow splits it, so no value
    becomes a Python object. `columns` are comment columns (text, or INTEGER_COLUMNS,
    or TIME_COLUMNS). Same frame as `frame`, which it falls back to when a value holds
    a separator.
    """
    packed = ", ".join(
        f"group_concat(ifnull({c}, char({ord(RECORD)})), char({ord(UNIT)}))" for c in columns
    )
    row = db.execute(f"SELECT count(*), {packed} FROM ({sql})", params).fetchone()
    count, texts = row[0], row[1:]
    arrays = [_unpacked(text) for text in texts] if count else []
    if not count or any(len(values) != count for values in arrays):
        return frame(db, sql, params)
    result = pd.DataFrame(
        {
            column: _typed(values, column in TIME_COLUMNS or column in INTEGER_COLUMNS)
            for column, values in zip(columns, arrays, strict=True)
        }
    )
    for column in TIME_COLUMNS:
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
    select = "SELECT {} FROM comments{}{}".format(
        select_list(columns), "{}", " WHERE " + " AND ".join(where) if where else ""
    )
    try:
        # Walking the index reads the rows in received_at order, without a sort.
        return packed_frame(db, select.format(" INDEXED BY " + RECEIVED_INDEX), params, columns)
    except sqlite3.OperationalError:  # the index is suspended during a bulk load
        return frame(db, select.format("") + " ORDER BY comments.received_at", params)


def open_comments(db: Database, columns=FRAME_COLUMNS) -> pd.DataFrame:
    """Every open comment (new, assigned, awaiting approval), whatever its arrival."""
    sql = "SELECT {} FROM comments WHERE status IN ('new', 'assigned', 'awaiting_approval')"
    return frame(db, sql.format(", ".join(columns)))


def has_comments(db: Database) -> bool:
    """Whether any comment is stored: with none, each page shows its empty state.

    >>> from lib.db import open_db
    >>> with open_db(":memory:") as db:
    ...     has_comments(db)
    False
    """
    return db.execute("SELECT 1 FROM comments LIMIT 1").fetchone() is not None


def recent_comments(db: Database, limit: int = 50) -> pd.DataFrame:
    sql = (
        "SELECT id, platform, account, author_name, text, language, status, received_at "
        "FROM comments ORDER BY received_at DESC LIMIT ?"
    )
    return frame(db, sql, [limit])


def data_signature(db: Database) -> tuple:
    """Changes whenever a comment, an action or a setting is written, a retention run
    anonymises (comments change without a new row) or a legal hold is placed or lifted: a
    cache key for figures."""
    return db.execute(
        "SELECT (SELECT max(id) FROM comments), (SELECT max(id) FROM actions),"
        " (SELECT max(id) FROM settings_history), (SELECT max(id) FROM destruction_log),"
        " (SELECT max(id) FROM legal_holds)"
    ).fetchone()


# The actions that take a comment out of public view: a hide, a delete, and a `prive`
# redirection (or its approval), which hides it. Each recorded at least one reason.
# `{kind}` is how the query names the kind column of `actions a`.
REMOVAL_ACTIONS = (
    "{kind} IN ('hide', 'delete', 'redirect', 'approve') "
    f"AND ({{kind}} IN ('hide', 'delete') OR a.template = '{PRIVATE_REDIRECT}')"
)


def removals(db: Database, start=None, end=None, comment_columns=()) -> pd.DataFrame:
    """One row per (removal action, reason code) in [start, end): `REMOVAL_ACTIONS`.

    A `prive` redirection recorded before Vigie asked for its reason has none: it is
    not in these rows, as it was not in the reasons' figures then.

    `comment_columns` adds the removed comment's columns (e.g. "author_handle") at the end.
    """
    extra = "".join(
        f", unixepoch(c.{c}) AS {c}" if c in TIME_COLUMNS else f", c.{c}" for c in comment_columns
    )
    sql = (
        "SELECT a.comment_id, c.platform, unixepoch(a.at) AS removed_at, a.kind AS action, "
        f"a.reasons, a.actor{extra} FROM actions a JOIN comments c ON c.id = a.comment_id "
        f"WHERE {REMOVAL_ACTIONS.format(kind='a.kind')} AND a.at >= ? AND a.at < ? ORDER BY a.at"
    )
    low = to_db_time(start) if start is not None else ""
    high = to_db_time(end) if end is not None else "9999"
    times = ("removed_at", *(c for c in comment_columns if c in TIME_COLUMNS))
    rows = frame(db, sql, [low, high], time_columns=times)
    rows["reason_code"] = rows["reasons"].fillna("").str.split()
    return rows.explode("reason_code").drop(columns="reasons").dropna(subset=["reason_code"])


@dataclass(frozen=True)
class AuthorHistory:
    """An author's other comments: how many, how many were removed, and the newest of them
    (newest first) with the removals among those."""

    comments: pd.DataFrame  # the newest `limit`
    removals: pd.DataFrame  # of those comments
    total: int  # all their other comments
    removal_count: int  # of all their other comments, those hidden or deleted now


_AUTHOR_COMMENT_COLUMNS = ("id", "received_at", "account", "post_ref", "text", "status", "flags")
_REMOVAL_COLUMNS = ("comment_id", "at", "actor", "kind", "reasons", "template")
# An author may have written thousands of comments over the years: the panel lists these.
AUTHOR_PAST_LIMIT = 20


def author_history(
    db: Database,
    platform: str,
    author_handle: str,
    exclude_id: int | None = None,
    limit: int = AUTHOR_PAST_LIMIT,
) -> AuthorHistory:
    """The author's comments on the platform, how many of them are removed (hidden or
    deleted, by the team or on the platform: a `prive` redirection hides), counted by
    SQLite; the newest `limit` read, with their removals (hide, delete, `prive`).
    """
    params = {"platform": platform, "handle": author_handle, "exclude": exclude_id}
    mine = "author_handle = :handle and platform = :platform and id is not :exclude"
    # Counted in the (author_handle, platform, received_at, status) index alone.
    removed = ", ".join(f"'{status}'" for status in REMOVED_STATUSES)
    total, removal_count = db.execute(
        f"select count(*), total(status in ({removed})) from comments where {mine}", params
    ).fetchone()
    comments = frame(
        db,
        f"select {', '.join(_AUTHOR_COMMENT_COLUMNS)} from comments where {mine} "
        "order by received_at desc, id desc limit :limit",
        {**params, "limit": int(limit)},
        time_columns=(),
    )
    ids = ", ".join(str(int(i)) for i in comments["id"]) or "null"
    removals = frame(
        db,
        f"select {', '.join(_REMOVAL_COLUMNS)} from actions a "
        f"where {REMOVAL_ACTIONS.format(kind='+a.kind')} "
        f"and comment_id in ({ids}) order by at desc, id desc",
        time_columns=(),
    )
    return AuthorHistory(comments, removals, int(total), int(removal_count))


def _timestamps(values: pd.Series) -> pd.Series:
    """Stored UTC text or Unix seconds (None: NaT) as aware UTC timestamps."""
    if pd.api.types.is_string_dtype(values):
        # Keep the datetime64 dtype: to_numpy() would make one object per value.
        return from_db_times(values.to_numpy()).set_axis(values.index)
    seconds = pd.to_numeric(values).astype("Int64")
    stamps = pd.to_datetime(seconds, unit="s", utc=True)
    # The unit text parsing gives: microseconds, seconds when there is no value at all.
    return stamps.dt.as_unit("us" if seconds.notna().any() else "s")


def _unpacked(text: str) -> pa.Array:
    """One `packed_frame` column: its values as an arrow string array, NULL for RECORD."""
    values = pc.split_pattern(pa.array([text], pa.large_string()), UNIT).flatten()
    return pc.if_else(pc.equal(values, RECORD), None, values)


def _typed(values: pa.Array, numeric: bool) -> pd.Series:
    """As `DataFrame.from_records` types a column: int64, float64 with NaN, str, or object."""
    if values.null_count == len(values):
        return pd.Series([None] * len(values), dtype=object)
    if numeric:
        return pd.Series(pc.cast(values, pa.int64()).to_numpy(zero_copy_only=False))
    return pd.Series(values.cast(pa.string()).to_pandas())
