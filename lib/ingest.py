"""How comments arrive: detection, due dates and insertion, the same for every source.

The demo generator and every importer call `insert_comments`, so a comment's
language, flags and due time are computed one way whatever its origin.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
from sqlite_utils import Database

from lib.db import bulk_load, to_db_times

INGEST_COLUMNS = (
    "platform",
    "account",
    "external_id",
    "post_ref",
    "author_name",
    "author_handle",
    "text",
    "received_at",
)
CHUNK_ROWS = 20_000


@dataclass(frozen=True)
class InsertResult:
    added: int
    already_present: int


def prepare_comments(frame: pd.DataFrame, settings) -> pd.DataFrame:
    """The rows to store: the source columns plus language, flags, suggestions, due_at."""
    from lib.compliance import due_dates_for
    from lib.detect import analyse_many

    rows = frame.reindex(columns=INGEST_COLUMNS).copy()
    rows["text"] = rows["text"].fillna("").astype(str)
    received = pd.to_datetime(rows["received_at"], utc=True)
    detected = analyse_many(rows["text"])
    rows["language"] = detected["language"].to_numpy()
    rows["flags"] = detected["flags"].to_numpy()
    rows["suggested_reasons"] = detected["suggested_reasons"].to_numpy()
    rows["suggested_redirect"] = detected["suggested_redirect"].to_numpy()
    rows["due_at"] = to_db_times(due_dates_for(received, settings)).to_numpy()
    rows["received_at"] = to_db_times(received).to_numpy()
    rows["status"] = "new"
    rows["version"] = 1
    return rows


def insert_comments(
    db: Database,
    frame: pd.DataFrame,
    progress: Callable[[int, int], None] | None = None,
    settings=None,
) -> InsertResult:
    """Insert new comments; ones already there (same platform and external id) are skipped.

    Call it inside the caller's transaction (`lib.db.immediate`) so that an
    import is all-or-nothing.
    """
    from lib.settings import load_settings

    rows = prepare_comments(frame, settings or load_settings(db))
    with bulk_load(db, "comments"):
        added = insert_rows(db, "comments", rows, progress=progress, ignore=True)
    return InsertResult(added=added, already_present=len(rows) - added)


def insert_rows(
    db: Database,
    table: str,
    rows: pd.DataFrame,
    progress: Callable[[int, int], None] | None = None,
    ignore: bool = False,
) -> int:
    """Insert a frame's rows in chunks with one prepared statement; returns rows added.

    Faster than building a dict per row, which matters for a million-row demo.
    """
    columns = list(rows.columns)
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    sql = "{} INTO {} ({}) VALUES ({})".format(
        verb, table, ", ".join(columns), ", ".join("?" * len(columns))
    )
    added = 0
    total = len(rows)
    for start in range(0, total, CHUNK_ROWS):
        chunk = rows.iloc[start : start + CHUNK_ROWS]
        # Plain Python objects: sqlite3 cannot bind numpy scalars or pandas NA.
        chunk = chunk.astype(object).where(chunk.notna(), None)
        # rowcount counts this table's rows only; total_changes would also
        # count the rows the full-text triggers write.
        added += db.conn.executemany(sql, chunk.itertuples(index=False, name=None)).rowcount
        if progress:
            progress(min(start + CHUNK_ROWS, total), total)
    return added
