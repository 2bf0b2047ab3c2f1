"""Opening Vigie's SQLite database: connection settings, schema and migrations.

`open_db` is the one way to open it; close what you open (`with open_db(path) as db:`).

>>> with open_db(":memory:") as db:
...     sorted(t for t in db.table_names() if not t.startswith("_"))[:4]
['accounts', 'actions', 'backups', 'comment_opens']
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import warnings
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
from sqlite_utils import Database

from lib import chain
from lib.schema import migrations
from lib.times import utc

# Vigie's folder, where `make run` and `python -m lib` run from.
PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_DB = PROJECT_DIR / "data" / "vigie.db"
BUSY_TIMEOUT_SECONDS = 30

# Instants are stored as UTC text in SQLite's own format: sortable, readable
# in any SQLite client, and comparable with datetime('now').
DB_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"

PLATFORMS = ("facebook", "instagram", "x", "youtube", "linkedin", "other")
STATUSES = (
    "new",
    "assigned",
    "awaiting_approval",
    "answered",
    "redirected",
    "no_reply_needed",
    "hidden",
    "deleted",
)
OPEN_STATUSES = ("new", "assigned", "awaiting_approval")
ROLES = ("moderator", "lead")


def db_path() -> Path:
    """The database file: `VIGIE_DB` when set, else `data/vigie.db`."""
    return Path(os.environ.get("VIGIE_DB") or DEFAULT_DB)


class _Connection(sqlite3.Connection):
    """A connection that says so when it is dropped without being closed.

    Python 3.13's sqlite3 warns by itself; on 3.11 an unclosed connection would go
    unnoticed until a file stays locked. The tests turn the warning into an error.
    """

    def close(self) -> None:
        self._closed = True
        super().close()

    def __del__(self) -> None:
        if not getattr(self, "_closed", True):
            warnings.warn(f"unclosed Vigie database {self._path}", ResourceWarning, stacklevel=1)
            super().close()


def open_db(path: str | Path | None = None, migrate: bool = True) -> Database:
    """Open (and create or migrate) a Vigie database; the caller closes it.

    WAL mode and a busy timeout let several browser sessions and the command
    line write at once; foreign keys are enforced.
    """
    path = db_path() if path is None else path
    memory = str(path) == ":memory:"
    if not memory:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False, factory=_Connection
    )
    conn._path, conn._closed = str(path), False
    chain.register(conn)
    db = Database(conn)
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
        db.execute("PRAGMA foreign_keys = ON")
        if not memory:
            db.enable_wal()
            db.execute("PRAGMA synchronous = NORMAL")
        if migrate:
            migrations.apply(db)
    except BaseException:
        db.close()
        raise
    return db


@contextlib.contextmanager
def using(db: Database | str | Path) -> Iterator[Database]:
    """`db` itself when it is open, else the database at that path, closed after."""
    if isinstance(db, Database):
        yield db
        return
    with open_db(db) as opened:
        yield opened


def schema_version(db: Database) -> int:
    """How many of Vigie's migrations the database has had."""
    return len(migrations.applied(db))


@contextlib.contextmanager
def read_only(path: Path | str) -> Iterator[sqlite3.Connection]:
    """The SQLite file at `path`, opened so that nothing can be written, nor migrated: for
    looking at a file that may not be Vigie's. Raises sqlite3.DatabaseError for a file
    that is no database at all, once read."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        yield conn
    finally:
        conn.close()


def table_names(conn: sqlite3.Connection) -> set[str]:
    """The tables (and indexes, triggers, views) a connection's file holds."""
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}


# What callers catch for any refusal of the database, without importing sqlite3.
DatabaseError = sqlite3.Error

# SQLite's error names (Python 3.11+) and the kind of problem a person is told of.
_PROBLEMS = (
    ("SQLITE_BUSY", "busy"),
    ("SQLITE_LOCKED", "busy"),
    ("SQLITE_READONLY", "read_only"),
    ("SQLITE_CORRUPT", "damaged"),
    ("SQLITE_NOTADB", "damaged"),
    ("SQLITE_FULL", "full"),
)


def problem(error: BaseException) -> str:
    """What kind of refusal a database error is: 'busy' (another connection held the
    lock past the timeout: try again), 'read_only', 'damaged', 'full' or 'other'.

    >>> with open_db(":memory:") as db:
    ...     try:
    ...         db.execute("INSERT INTO history_is_append_only VALUES (1)")
    ...     except DatabaseError as error:
    ...         problem(error)
    'other'
    """
    name = getattr(error, "sqlite_errorname", None) or ""
    return next((kind for prefix, kind in _PROBLEMS if name.startswith(prefix)), "other")


@contextlib.contextmanager
def immediate(db: Database) -> Iterator[Database]:
    """A write transaction that takes the write lock at once.

    sqlite-utils' `atomic()` opens a deferred BEGIN: a read-then-write
    transaction could then fail with SQLITE_BUSY despite the busy timeout.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


def to_db_time(value) -> str | None:
    """A timestamp (aware, or naive meaning UTC) as stored UTC text."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return utc(value).strftime(DB_TIME_FORMAT)


def to_db_times(values: pd.Series) -> pd.Series:
    """Vectorised `to_db_time` for a Series of timestamps (NaT stays None)."""
    ts = pd.Series(pd.to_datetime(values, utc=True))
    # numpy's ISO formatting is several times faster than strftime on a million rows.
    seconds = ts.dt.tz_localize(None).to_numpy("datetime64[s]")
    text = pd.Series(np.datetime_as_string(seconds, unit="s"), index=ts.index)
    text = text.str.replace("T", " ", regex=False)
    return text.astype(object).where(ts.notna(), None)


def from_db_times(values) -> pd.Series:
    """Stored UTC text to a Series of aware UTC timestamps (None gives NaT)."""
    return pd.to_datetime(pd.Series(values), format=DB_TIME_FORMAT, utc=True)


@contextlib.contextmanager
def bulk_load(
    db: Database, table: str, rebuild_indexes: bool = False, cache_kib: int = 256 * 1024
) -> Iterator[None]:
    """Within a transaction: index the full text of the new rows in one statement.

    sqlite-utils' insert trigger feeds the full-text index one row at a time,
    about fifteen times slower than one INSERT … SELECT over the new rows. With
    `rebuild_indexes` (a load into an empty table), secondary indexes are
    also dropped and built once at the end. Unique indexes stay, since inserts
    rely on them; everything is restored as it was, and a rollback restores it
    too (SQLite's DDL is transactional). The history's guard against INSERT OR
    REPLACE rests meanwhile: the load's own inserts replace nothing, and the write
    lock keeps every other writer out until it is back. A history's rows are sealed
    into its hash chain once, at the end (lib.chain).

    `cache_kib` is SQLite's page cache while loading: a large one suits the demo's
    million rows written at once; a smaller one spills an import's dirty pages to the
    WAL instead of holding them all in memory until the commit, and is no slower.
    """
    fts = f"{table}_fts"
    has_fts = fts in db.table_names()
    suspended = db.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL AND ("
        " (type = 'trigger' AND sql LIKE ? AND sql LIKE '%AFTER INSERT%')"
        # The loads are plain inserts: nothing to replace, so the guard can rest.
        " OR (type = 'trigger' AND name LIKE '%\\_no\\_replace' ESCAPE '\\')"
        # The chain is sealed once at the end, in order (lib.chain.seal): one pass, not a
        # trigger per row.
        " OR (type = 'trigger' AND name = ? || '_chain')"
        " OR (? AND type = 'index' AND sql NOT LIKE 'CREATE UNIQUE%'))",
        [table, f"%{fts}%", table, rebuild_indexes],
    ).fetchall()
    last_rowid = db.execute(f"SELECT coalesce(max(rowid), 0) FROM [{table}]").fetchone()[0]
    cache = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
    for kind, name, _sql in suspended:
        db.execute(f"DROP {kind.upper()} [{name}]")
    yield
    if has_fts:
        columns = ", ".join(f"[{c.name}]" for c in db[fts].columns)
        db.execute(
            f"INSERT INTO [{fts}] (rowid, {columns}) "
            f"SELECT rowid, {columns} FROM [{table}] WHERE rowid > ?",
            [last_rowid],
        )
    if table in chain.CHAINED:
        chain.seal(db, table)
    for _kind, _name, sql in suspended:
        db.execute(sql)
    db.execute(f"PRAGMA cache_size = {cache}")
