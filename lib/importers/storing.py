"""Importing a file into the database: every comment or none, in chunks that report progress."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlite_utils import Database

from lib import ingest
from lib.db import immediate
from lib.importers.reading import read_comments
from lib.settings import load_settings

# Comments analysed and stored between two progress reports: detection, the
# slow part, runs chunk by chunk so that a progress bar moves from the start.
IMPORT_CHUNK_ROWS = 2_000
# What `import_file` tells its `phase` callback, in order.
PHASES = ("reading", "analysing", "writing")


@dataclass(frozen=True)
class ImportSummary:
    """What an import did. A refused file raises instead: nothing is ever half-imported."""

    added: int
    already_present: int
    format: str = "csv"
    ambiguous_times: int = 0


def import_file(
    db: Database,
    raw_bytes: bytes,
    filename: str,
    fmt: str = "auto",
    progress: Callable[[int, int], None] | None = None,
    phase: Callable[[str], None] | None = None,
) -> ImportSummary:
    """Import a file in one transaction: every comment or none.

    Comments already in the database (same platform and external id), and
    exact copies of a row earlier in the file, are counted in
    `already_present`, so re-importing a file adds nothing. A bad file raises
    `BadImportFile` before the database is touched.

    `phase(name)` says what the import is doing: "reading" (the file is read
    and checked), "analysing" (new comments are analysed: language, flags,
    due time; and stored), "writing" (the transaction is committed).
    `progress(done, total)` counts the new comments: once with 0, then after
    each chunk of about `IMPORT_CHUNK_ROWS`, so that a bar moves from the start.

    >>> from lib.db import open_db
    >>> raw = b"platform;external_id;received_at;text\\nx;1;2026-11-02 9:15;Allo\\n"
    >>> db = open_db(":memory:")
    >>> first, again = import_file(db, raw, "f.csv"), import_file(db, raw, "f.csv")
    >>> (first.added, first.already_present), (again.added, again.already_present)
    ((1, 0), (0, 1))
    >>> db.close()
    """
    progress = progress or _no_progress
    phase = phase or _no_phase
    phase("reading")
    reading = read_comments(raw_bytes, filename, fmt)
    frame = reading.frame
    with immediate(db):
        # Known comments skip detection, the costly part: a re-import is quick.
        new = frame.loc[~_already_present(db, frame)].reset_index(drop=True)
        total = len(new)
        before = _comment_count(db)
        settings = load_settings(db)  # read once, under the write lock
        phase("analysing")
        progress(0, total)
        for start in range(0, total, IMPORT_CHUNK_ROWS):
            chunk = new.iloc[start : start + IMPORT_CHUNK_ROWS]
            # Looked up at each call, so that tests can stand in for it.
            ingest.insert_comments(db, chunk, settings=settings)
            progress(min(start + IMPORT_CHUNK_ROWS, total), total)
        # Counted from the table, under the write lock: nobody else can insert
        # meanwhile, and connection change counters also count the rows that
        # the full-text triggers write.
        added = _comment_count(db) - before
        phase("writing")
    return ImportSummary(
        added=added,
        already_present=len(frame) + reading.repeated_rows - added,
        format=reading.format,
        ambiguous_times=reading.ambiguous_times,
    )


def _no_progress(done: int, total: int) -> None:
    pass


def _no_phase(name: str) -> None:
    pass


def _already_present(db: Database, frame: pd.DataFrame) -> np.ndarray:
    """Which rows' (platform, external_id) the database holds, by its unique index."""
    known = set()
    sql = "SELECT platform, external_id FROM comments WHERE platform = ? AND external_id IN ({})"
    for platform, ids in frame.groupby("platform")["external_id"]:
        ids = ids.tolist()
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            rows = db.execute(sql.format(", ".join("?" * len(part))), [platform, *part])
            known.update(rows.fetchall())
    pairs = zip(frame["platform"].tolist(), frame["external_id"].tolist(), strict=True)
    return np.array([pair in known for pair in pairs], dtype=bool)


def _comment_count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM comments").fetchone()[0]
