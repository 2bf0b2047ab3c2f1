"""Importing a file into the database: analysed first, then written in one short transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
from sqlite_utils import Database

from lib import ingest
from lib.db import immediate
from lib.importers.errors import DatabaseBusy, busy
from lib.importers.reading import read_comments
from lib.settings import Settings, load_settings
from lib.triage_rules import apply_rules

# Comments analysed (and then written) between two progress reports: detection,
# the slow part, runs chunk by chunk so that a progress bar moves from the start.
# Each chunk costs some 10-20 ms whatever its size, but 5,000 rows raised the peak
# memory of a 50 MB CSV's import from 4.2 to 4.9 times the file (target 5).
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
    account: str | None = None,
) -> ImportSummary:
    """Import a file in one transaction: every comment or none.

    Comments already in the database (same platform and external id), and
    exact copies of a row earlier in the file, are counted in
    `already_present`, so re-importing a file adds nothing. A bad file raises
    `BadImportFile` before the database is touched, and `DatabaseBusy` says
    that another writer kept the database past the busy timeout (nothing written).

    The file is read and its new comments analysed (language, flags, due time)
    without holding anything: colleagues keep acting meanwhile. Only the
    writes take the write lock (BEGIN IMMEDIATE), for one short transaction.
    Comments that someone else stores between the analysis and the writes
    are left as they are (the unique index on platform and external id
    decides) and counted as already present.

    `phase(name)` says what the import is doing: "reading" (the file is read
    and checked), "analysing" (its new comments are analysed), "writing" (they
    are written, in one transaction). `progress(done, total)` counts the new
    comments in each of the last two phases: once with 0, then after each chunk
    of about `IMPORT_CHUNK_ROWS`, so that a bar moves from the start.

    `account` names the account every comment of the file belongs to (a connected
    account's key, for what the sync process pulls), whatever the file says.

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
    summary = ImportSummary(
        added=0,
        already_present=len(reading.frame) + reading.repeated_rows,
        format=reading.format,
        ambiguous_times=reading.ambiguous_times,
    )
    frame = reading.frame if account is None else reading.frame.assign(account=account)
    del reading  # from here on, the analysed rows hold what is written
    try:
        # A re-imported comment adds nothing, but what the file says of its post
        # (a title or an address added to the export since) is still recorded.
        known = _already_present(db, frame)
        known_posts = _posts_of_known(frame, known)
        settings = load_settings(db)  # read once for the whole file
        prepared = _analysed(db, frame, known, phase, progress, settings)
        del frame
        phase("writing")
        added = _written(db, prepared, progress, known_posts, settings.triage_rules)
    except sqlite3.OperationalError as error:
        if busy(error):
            raise DatabaseBusy(str(error)) from error
        raise
    return replace(summary, added=added, already_present=summary.already_present - added)


def _analysed(
    db: Database, frame: pd.DataFrame, known: np.ndarray, phase, progress, settings: Settings
) -> list[pd.DataFrame]:
    """The rows to write for the comments the database does not hold yet, in chunks.

    Reads only: nothing is locked. A comment repeats its author's text when the
    author wrote it before in the database or earlier in the file (`repeated_text`).
    """
    # Known comments (`known`) skip detection, the costly part: a re-import is quick.
    new = (frame.loc[~known] if known.any() else frame).reset_index(drop=True)
    authors = _author_codes(new)
    total = len(new)
    phase("analysing")
    progress(0, total)
    prepared = []
    for start in range(0, total, IMPORT_CHUNK_ROWS):
        end = start + IMPORT_CHUNK_ROWS
        chunk = new.iloc[start:end]
        # The file's earlier comments are not stored yet: those of the same authors too.
        wanted = np.zeros(authors.max() + 2, dtype=bool)
        wanted[authors[start:end]] = True
        wanted[-1] = False  # code -1: no author
        in_file = new.iloc[:start].loc[wanted[authors[:start]], list(_EARLIER_COLUMNS)]
        stored = ingest.earlier_comments(db, chunk)
        earlier = [part for part in (stored, in_file) if len(part)]
        earlier = pd.concat(earlier, ignore_index=True) if earlier else None
        # Looked up at each call, so that tests can stand in for it.
        rows = ingest.prepare_comments(chunk, settings, earlier)
        prepared.append(_packed(rows))
        progress(min(end, total), total)
    return prepared


def _author_codes(frame: pd.DataFrame) -> np.ndarray:
    """A number per (platform, author_handle), -1 for a comment without an author."""
    handles = frame["author_handle"]
    key = frame["platform"].astype(str) + "\x1f" + handles.fillna("").astype(str)
    codes = pd.factorize(key)[0]
    return np.where(handles.isna().to_numpy(), -1, codes)


def _posts_of_known(frame: pd.DataFrame, known: np.ndarray) -> pd.DataFrame:
    """The post fields of the file's comments already stored, where the file gives any."""
    columns = [c for c in ingest.POST_COLUMNS if c in frame.columns]
    if not columns or not known.any():
        return frame.iloc[:0]
    rows = frame.loc[known & frame[columns].notna().any(axis=1).to_numpy()]
    return rows[["platform", "post_ref", *columns]]


def _written(
    db: Database, prepared: list[pd.DataFrame], progress, known_posts: pd.DataFrame, rules=()
) -> int:
    """Write the analysed rows and the known comments' posts in one transaction; how many
    comments were added. The lead's triage `rules` then act on the comments just added,
    in the same transaction: a comment is never seen in the queue before its rules ran."""
    progress(0, sum(len(rows) for rows in prepared))
    with immediate(db):
        if len(known_posts):
            ingest.store_posts(db, known_posts)
        before = _comment_count(db)
        active = [rule for rule in rules if rule.get("active", True)]
        last_id = _last_id(db) if active else 0
        ingest.store_comments(db, prepared, progress=progress)
        # Counted from the table, under the write lock: nobody else can insert
        # meanwhile, and connection change counters also count the rows that
        # the full-text triggers write.
        added = _comment_count(db) - before
        if added and active:
            apply_rules(db, active, after_id=last_id)
        return added


_EARLIER_COLUMNS = ("platform", "author_handle", "text", "received_at")


def _packed(rows: pd.DataFrame) -> pd.DataFrame:
    """The analysed rows with their text as Arrow strings: a large file's rows wait for
    the write in a fraction of the memory Python strings would take."""
    text = [name for name in rows.columns if rows[name].dtype == object]
    return rows.astype(dict.fromkeys(text, "str"))


def _no_progress(done: int, total: int) -> None:
    pass


def _no_phase(name: str) -> None:
    pass


def _already_present(db: Database, frame: pd.DataFrame) -> np.ndarray:
    """Which rows' (platform, external_id) the database holds, by its unique index."""
    known = np.zeros(len(frame), dtype=bool)
    for platform, positions in frame.groupby("platform").indices.items():
        ids = frame["external_id"].iloc[positions]
        found = known_ids(db, platform, ids.tolist())
        if found:
            known[positions] = ids.isin(found).to_numpy(dtype=bool)
    return known


def known_ids(db: Database, platform: str, ids: list[str]) -> set[str]:
    """The platform's external ids among `ids` that the database holds.

    Asked for 500 at a time: a large file is never held as Python text at once.
    """
    found: set[str] = set()
    sql = "SELECT external_id FROM comments WHERE platform = ? AND external_id IN ({})"
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        rows = db.execute(sql.format(", ".join("?" * len(part))), [platform, *part])
        found.update(row[0] for row in rows)
    return found


def _comment_count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM comments").fetchone()[0]


def _last_id(db: Database) -> int:
    return db.execute("SELECT coalesce(max(id), 0) FROM comments").fetchone()[0]
