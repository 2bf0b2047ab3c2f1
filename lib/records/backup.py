"""Backups: a consistent copy of the database taken while others write, checked, then put in
place; the log of every attempt; and the last good one, as a lead reads it.

SQLite's online backup API copies the database as one read transaction sees it, so that the
app and the sync worker go on writing meanwhile (WAL). The copy is written beside the target
under a temporary name and checked there: SQLite's `integrity_check`, then the history's
chain (`lib.chain.verify`). It is made one self-contained file (no -wal beside it) and only
then renamed onto the target, so that the target is the previous backup or the new one,
never half of one, and a failed attempt leaves no file behind. Each attempt is a row of the
source's append-only `backups`; a good one records the chain's heads it verified, which
`verify` later checks are still in the source.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder, open_db(Path(folder) / "vigie.db") as db:
...     report = backup(db, Path(folder) / "copie.db")
...     (report.outcome, report.problem), sorted(p.name for p in Path(folder).iterdir())[:2]
(('ok', None), ['copie.db', 'vigie.db'])
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from lib import chain
from lib.auth import SERVER_OPERATOR
from lib.db import immediate, open_db, to_db_time, using
from lib.i18n import LANGUAGES, Worded, t
from lib.times import local, now_utc

# The copy's name while it is written and checked: hidden, beside the target.
TEMP_SUFFIX = ".partial"
# The files SQLite may keep beside a database.
SIDECARS = ("-wal", "-shm", "-journal")
LOCAL_FORMAT = "%Y-%m-%d %H:%M"


class BackupRefused(Worded, Exception):
    """Why a backup was refused or failed: a `code` whose words are `backups.error.<code>`."""

    KEY = "backups.error"


@dataclass
class BackupReport:
    """One attempt, as the log records it: `outcome` 'ok' or 'failed' (then `problem`, a
    code, and `refusal`, its words); for a good one, the file's size, the history's rows
    the copy verified and the chain's heads (table: (id, hash in hex))."""

    target: Path
    at: str
    outcome: str
    bytes: int | None = None
    rows: int = 0
    heads: dict[str, tuple[int, str]] = field(default_factory=dict)
    problem: str | None = None
    refusal: BackupRefused | None = None

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"


def backup(
    source: Database | str | Path,
    target: str | Path,
    actor=SERVER_OPERATOR,
    overwrite: bool = False,
) -> BackupReport:
    """Copy `source` (an open database or its path) to `target`, check the copy, put it in
    place, and record the attempt in the source's `backups`.

    Raises BackupRefused, before copying or recording anything, when `target` cannot be a
    backup: the database itself, a folder, a file in a missing folder, or a file already
    there unless `overwrite`. A copy that fails or does not verify leaves no file and is
    recorded as 'failed': the report says why.
    """
    if not isinstance(source, Database) and not Path(source).is_file():
        raise BackupRefused("no_source", path=str(source))
    target = Path(target)
    with using(source) as db:
        _refuse(db, target, overwrite)
        try:
            temp, report = _checked_copy(db, target)
        except BackupRefused as failure:
            return _record_failure(db, actor, target, failure)
        return _put_in_place(db, actor, temp, report)


def _refuse(db: Database, target: Path, overwrite: bool) -> None:
    name = str(target)
    source = db.execute("PRAGMA database_list").fetchone()[2]
    if source and target.resolve() in {Path(f"{source}{s}").resolve() for s in ("", *SIDECARS)}:
        raise BackupRefused("same_file", path=name)
    if target.is_dir():
        raise BackupRefused("target_is_folder", path=name)
    if not target.parent.is_dir():
        raise BackupRefused("no_folder", path=name)
    if target.exists() and not overwrite:
        raise BackupRefused("target_exists", path=name)


def _checked_copy(db: Database, target: Path) -> tuple[Path, BackupReport]:
    """The copy, under a temporary name beside `target`, once it has passed the checks, and
    what they found; nothing is left behind when it fails them (BackupRefused) or anything
    else goes wrong."""
    temp = None
    try:
        handle, name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=TEMP_SUFFIX
        )
        os.close(handle)
        temp = Path(name)
        _copy(db, temp, target)
        verified, heads = _check(temp, target)
        _sync(temp)
        size = temp.stat().st_size
    except BaseException as error:
        if temp is not None:
            _remove(temp)
        if isinstance(error, OSError):  # the folder refused it, or the disk is full
            raise BackupRefused("copy_failed", path=str(target), reason=error.strerror) from None
        raise
    rows = sum(verified.rows.values())
    return temp, BackupReport(target, "", "ok", bytes=size, rows=rows, heads=heads)


def _copy(db: Database, temp: Path, target: Path) -> None:
    """SQLite's online backup, in one step: one read transaction's view of the database,
    while writers go on (in WAL mode a reader holds nobody back)."""
    copy = sqlite3.connect(temp)
    try:
        db.conn.backup(copy)
    except sqlite3.Error as error:
        raise BackupRefused("copy_failed", path=str(target), reason=str(error)) from None
    finally:
        copy.close()


def _check(temp: Path, target: Path) -> tuple[chain.ChainReport, dict]:
    """SQLite's integrity check, then the history's chain, on the copy; then the copy is
    made one file (out of WAL mode, which leaves no -wal beside it)."""
    try:
        with open_db(temp, migrate=False) as copy:
            found = [row[0] for row in copy.execute("PRAGMA integrity_check")]
            if found != ["ok"]:
                raise BackupRefused("damaged", reason=found[0])
            verified = chain.verify(copy)
            if not verified.intact:
                bad = verified.bad
                # In verify's own words (lib.cli.records), in both languages.
                problem = {
                    language: t(
                        f"records.verify.{bad.problem}", language, table=bad.table, row=bad.row_id
                    )
                    for language in LANGUAGES
                }
                raise BackupRefused("chain_broken", problem=problem)
            heads = chain.heads(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as error:
        raise BackupRefused("copy_failed", path=str(target), reason=str(error)) from None
    return verified, heads


def _put_in_place(db: Database, actor, temp: Path, report: BackupReport) -> BackupReport:
    """Rename the checked copy onto the target and record it: both or neither."""
    report.at = to_db_time(now_utc())
    try:
        # A new backup is readable by its owner only (it holds personal information); one
        # that replaces another keeps the permissions given to the one before.
        if report.target.is_file():
            os.chmod(temp, stat.S_IMODE(report.target.stat().st_mode))
        with immediate(db):
            db["backups"].insert(_log_row(report, actor))
            os.replace(temp, report.target)  # a failed rename rolls the row back
    except OSError as error:
        _remove(temp)
        failure = BackupRefused("copy_failed", path=str(report.target), reason=error.strerror)
        return _record_failure(db, actor, report.target, failure)
    except BaseException:
        _remove(temp)
        raise
    # The rename itself on the disk; a file system that cannot sync a folder still has it.
    with contextlib.suppress(OSError):
        _sync(report.target.parent)
    return report


def _record_failure(db: Database, actor, target: Path, failure: BackupRefused) -> BackupReport:
    report = BackupReport(
        target, to_db_time(now_utc()), "failed", problem=failure.code, refusal=failure
    )
    with immediate(db):
        db["backups"].insert(_log_row(report, actor))
    return report


def _log_row(report: BackupReport, actor) -> dict:
    return {
        "at": report.at,
        "actor": str(actor),  # SERVER_OPERATOR reads "operator"
        "target": str(report.target),
        "bytes": report.bytes,
        "outcome": report.outcome,
        "problem": report.problem,
        "heads": json.dumps(report.heads) if report.ok else None,
    }


def _sync(path: Path) -> None:
    """Flush a file (or, on POSIX, a folder's entries) to the disk: a backup that a power
    cut could take back is no backup."""
    if path.is_dir() and os.name != "posix":
        return
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _remove(temp: Path) -> None:
    for suffix in ("", *SIDECARS):
        Path(f"{temp}{suffix}").unlink(missing_ok=True)


def last_good_backup(db: Database) -> dict | None:
    """The newest backup that verified: id, at (UTC text), actor, target, bytes, heads (JSON).

    >>> with open_db(":memory:") as db:
    ...     last_good_backup(db) is None
    True
    """
    sql = (
        "SELECT id, at, actor, target, bytes, heads FROM backups WHERE outcome = 'ok' "
        "ORDER BY id DESC LIMIT 1"
    )
    return next(db.query(sql), None)


def backup_line(db: Database, language: str) -> str:
    """When the last good backup was taken, in Québec local time, or that none was.

    >>> with open_db(":memory:") as db:
    ...     backup_line(db, "en")
    'No verified backup yet: `python -m lib backup --to FILE` makes one.'
    """
    last = last_good_backup(db)
    if last is None:
        return t("backups.none_yet", language)
    return t("backups.last_good", language, at=local(last["at"]).strftime(LOCAL_FORMAT))
