"""The history's hash chain: every row of an append-only table carries a SHA-256 of its
content and of the previous row's hash, so that a row changed, inserted or removed in the
file itself, behind Vigie's back, breaks the chain where it happened (`verify`).

A row is sealed as it is written, by a trigger that calls `vigie_chain` (registered on
every connection `lib.db.open_db` opens: a connection without it cannot add to a history
at all). The hash covers the row's non-empty columns as canonical JSON, so that a column
added later, empty on the older rows, leaves their hashes as they were.

Notes and replies may have to be anonymised (lib.records.retention) without breaking the
chain: the hash covers them through a salted digest, `sha256(salt + values)`, with a
random salt kept in the row. Anonymising replaces them by `ERASED`, keeps the digest and
drops the salt, so that the chain still verifies and nobody can test a guess against it.

>>> row = {"id": 1, "at": "2026-12-03 15:00:00", "actor": "lea", "reason": None}
>>> seal_hash(None, "settings_history", row).hex()[:16]
'8b96958eb3083189'
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sqlite_utils import Database

# The append-only tables, and the columns of each that anonymising may erase.
CHAINED: dict[str, tuple[str, ...]] = {
    "actions": ("note", "reply"),
    "settings_history": (),
    "export_audit": (),
    "failed_signins": (),
    "notifications": (),
    "flag_reports": (),
    "comment_opens": (),
    "destruction_log": (),
    "legal_holds": (),
    "backups": (),
}
HASH, SALT, DIGEST = "chain_hash", "erasure_salt", "erasure_digest"
CHAIN_COLUMNS = (HASH, SALT, DIGEST)
# What an anonymised value reads, wherever it was (lib.records.retention).
ERASED = "[anonymisé]"
SALT_BYTES = 16
_ERASABLE_KEY = "~erasable"


def register(conn: sqlite3.Connection) -> None:
    """Give a connection the SQL functions the sealing triggers call."""
    conn.create_function("vigie_chain", -1, _chain_sql, deterministic=True)
    conn.create_function("vigie_erasure", -1, _erasure_sql, deterministic=True)


def seal_hash(previous: bytes | None, table: str, row: dict) -> bytes:
    """SHA-256 of the previous row's hash and this row's content (its non-empty values)."""
    content = {name: value for name, value in row.items() if value is not None}
    text = json.dumps([table, content], sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((previous or b"") + text.encode()).digest()


def erasure_digest(salt: bytes | None, values: tuple) -> str | None:
    """The salted digest that stands for a row's erasable values in its hash (hex)."""
    if salt is None:
        return None
    text = json.dumps(list(values), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(bytes(salt) + text.encode()).hexdigest()


def _chain_sql(previous, table, *pairs):
    return seal_hash(previous, table, dict(zip(pairs[::2], pairs[1::2], strict=True)))


def _erasure_sql(salt, *values):
    return erasure_digest(salt, values)


def content_columns(db: Database, table: str) -> list[str]:
    """The columns a row's hash covers, in the table's order (the erasable ones included)."""
    return [c.name for c in db[table].columns if c.name not in CHAIN_COLUMNS]


def install(db: Database, table: str) -> None:
    """(Re)create `table`'s triggers: seal each new row at the end of the chain; refuse an
    update (but sealing, and the anonymising of the erasable columns) and a delete.

    Run it again after adding a column to a chained table, so that its hash covers it.
    """
    erasable = CHAINED[table]
    columns = content_columns(db, table)
    kept = [c for c in columns if c not in erasable]
    pairs = ", ".join(f"'{c}', NEW.[{c}]" for c in columns if c not in erasable)
    salt_step = digest_arg = ""
    if erasable:
        any_value = " OR ".join(f"NEW.[{c}] IS NOT NULL" for c in erasable)
        salt_step = (
            f"UPDATE [{table}] SET {SALT} = randomblob({SALT_BYTES}) "
            f"WHERE id = NEW.id AND ({any_value});"
        )
        values = ", ".join(f"NEW.[{c}]" for c in erasable)
        digest_arg = (
            f", '{_ERASABLE_KEY}', vigie_erasure("
            f"(SELECT {SALT} FROM [{table}] WHERE id = NEW.id), {values})"
        )
    for name in (f"{table}_chain", f"{table}_no_update", f"{table}_no_delete"):
        db.execute(f"DROP TRIGGER IF EXISTS [{name}]")
    db.execute(
        f"CREATE TRIGGER [{table}_chain] AFTER INSERT ON [{table}] BEGIN "
        f"SELECT RAISE(ABORT, '{table} is append-only: rows are added at the end') "
        f"WHERE EXISTS (SELECT 1 FROM [{table}] WHERE id > NEW.id); "
        f"{salt_step} "
        f"UPDATE [{table}] SET {HASH} = vigie_chain("
        f"(SELECT {HASH} FROM [{table}] WHERE id < NEW.id ORDER BY id DESC LIMIT 1), "
        f"'{table}', {pairs}{digest_arg}) WHERE id = NEW.id; END"
    )
    unchanged = " AND ".join(f"NEW.[{c}] IS OLD.[{c}]" for c in columns)
    allowed = f"(OLD.{HASH} IS NULL AND {unchanged})"
    if erasable:
        allowed = f"(OLD.{HASH} IS NULL AND NEW.{DIGEST} IS NULL AND {unchanged})"
        allowed += " OR " + _erasure_allowed(kept, erasable)
    db.execute(
        f"CREATE TRIGGER [{table}_no_update] BEFORE UPDATE ON [{table}] WHEN NOT ({allowed}) "
        f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
    )
    db.execute(
        f"CREATE TRIGGER [{table}_no_delete] BEFORE DELETE ON [{table}] "
        f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
    )
    if f"{table}_no_replace" not in db.triggers_dict:
        db.execute(
            f"CREATE TRIGGER [{table}_no_replace] BEFORE INSERT ON [{table}] "
            f"WHEN EXISTS (SELECT 1 FROM [{table}] WHERE id = NEW.id) "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
        )


def _erasure_allowed(kept: list[str], erasable: tuple[str, ...]) -> str:
    """The one update a sealed row accepts: its erasable values become ERASED, its salt
    goes, and the digest they had is kept (so that its hash still verifies)."""
    unchanged = " AND ".join(f"NEW.[{c}] IS OLD.[{c}]" for c in [*kept, HASH])
    erased = " AND ".join(
        f"((OLD.[{c}] IS NULL AND NEW.[{c}] IS NULL) OR (OLD.[{c}] IS NOT NULL AND "
        f"NEW.[{c}] IS '{ERASED}'))"
        for c in erasable
    )
    old_values = ", ".join(f"OLD.[{c}]" for c in erasable)
    return (
        f"(OLD.{HASH} IS NOT NULL AND OLD.{SALT} IS NOT NULL AND NEW.{SALT} IS NULL "
        f"AND NEW.{DIGEST} IS vigie_erasure(OLD.{SALT}, {old_values}) AND {unchanged} "
        f"AND {erased})"
    )


def seal(db: Database, table: str) -> int:
    """Seal, in order, the rows written while the chain's trigger rested (a bulk load, the
    rows that were there when the chain began); returns how many. Within a write
    transaction: nobody else may append meanwhile."""
    erasable = CHAINED[table]
    columns = content_columns(db, table)
    previous = db.execute(
        f"SELECT {HASH} FROM [{table}] WHERE {HASH} IS NOT NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    previous = previous[0] if previous else None
    names = ", ".join(f"[{c}]" for c in columns)
    cursor = db.execute(f"SELECT {names} FROM [{table}] WHERE {HASH} IS NULL ORDER BY id")
    sealed = 0
    while batch := cursor.fetchmany(10_000):
        updates = []
        for values in batch:
            row = dict(zip(columns, values, strict=True))
            salt = None
            if erasable and any(row[c] is not None for c in erasable):
                salt = os.urandom(SALT_BYTES)
            previous = seal_hash(previous, table, _hashed(row, erasable, salt, None))
            updates.append((salt, previous, row["id"]))
        if erasable:
            sql = f"UPDATE [{table}] SET {SALT} = ?, {HASH} = ? WHERE id = ?"
        else:
            sql, updates = f"UPDATE [{table}] SET {HASH} = ? WHERE id = ?", [u[1:] for u in updates]
        db.conn.executemany(sql, updates)
        sealed += len(batch)
    return sealed


def _hashed(row: dict, erasable: tuple[str, ...], salt, digest) -> dict:
    """What a row's hash covers: its values, the erasable ones through their digest."""
    if not erasable:
        return row
    hashed = {c: v for c, v in row.items() if c not in erasable}
    hashed[_ERASABLE_KEY] = digest or erasure_digest(salt, tuple(row[c] for c in erasable))
    return hashed


@dataclass(frozen=True)
class BadRow:
    """Where the chain breaks: the table, the row's id, and what is wrong there (a code:
    'changed', 'missing_before', 'unsealed', 'erased_unrecorded', 'head_missing')."""

    table: str
    row_id: int
    problem: str


@dataclass
class ChainReport:
    """What `verify` found: the rows checked per table and the first bad row, if any."""

    rows: dict[str, int] = field(default_factory=dict)
    heads: dict[str, tuple[int, str]] = field(default_factory=dict)
    bad: BadRow | None = None

    @property
    def intact(self) -> bool:
        return self.bad is None


def verify(db: Database, progress: Callable[[str, int], None] | None = None) -> ChainReport:
    """Check every chained table from its first row to its last, and that the heads the
    backups recorded are still in place; stop at the first bad row."""
    report = ChainReport()
    for table in CHAINED:
        if table not in db.table_names():
            continue
        for bad in _bad_rows(db, table, report):
            report.bad = bad
            return report
        if progress:
            progress(table, report.rows[table])
    report.bad = next(_missing_heads(db), None)
    return report


def _bad_rows(db: Database, table: str, report: ChainReport) -> Iterator[BadRow]:
    erasable = CHAINED[table]
    columns = content_columns(db, table)
    destroyed = _destroyed_comments(db) if erasable else set()
    selected = [*columns, HASH, *((SALT, DIGEST) if erasable else ())]
    names = ", ".join(f"[{c}]" for c in selected)
    previous, previous_id, count = None, None, 0
    for values in db.execute(f"SELECT {names} FROM [{table}] ORDER BY id"):
        row = dict(zip(selected, values, strict=True))
        stored = row.get(HASH)
        if stored is None:
            yield BadRow(table, row["id"], "unsealed")
            return
        digest = row.get(DIGEST)
        if digest is not None and row.get("comment_id") not in destroyed:
            yield BadRow(table, row["id"], "erased_unrecorded")
            return
        content = {c: row[c] for c in columns}
        hashed = _hashed(content, erasable, row.get(SALT), digest)
        if bytes(stored) != seal_hash(previous, table, hashed):
            gap = previous_id is not None and row["id"] != previous_id + 1
            yield BadRow(table, row["id"], "missing_before" if gap else "changed")
            return
        previous, previous_id, count = bytes(stored), row["id"], count + 1
    report.rows[table] = count
    if previous_id is not None:
        report.heads[table] = (previous_id, previous.hex())


def _destroyed_comments(db: Database) -> set[int]:
    if "destruction_log" not in db.table_names():
        return set()
    ids = db.execute("SELECT comment_ids FROM destruction_log WHERE comment_ids IS NOT NULL")
    return {int(i) for (listed,) in ids for i in json.loads(listed)}


def _missing_heads(db: Database) -> Iterator[BadRow]:
    """A head a verified backup recorded must still be in the chain, unchanged: removing
    the last rows of a table leaves no gap, but it removes a recorded head."""
    if "backups" not in db.table_names():
        return
    for (heads,) in db.execute("SELECT heads FROM backups WHERE heads IS NOT NULL ORDER BY id"):
        for table, (row_id, hex_hash) in json.loads(heads).items():
            found = db.execute(f"SELECT {HASH} FROM [{table}] WHERE id = ?", [row_id]).fetchone()
            if found is None or bytes(found[0]).hex() != hex_hash:
                yield BadRow(table, row_id, "head_missing")
                return


def started(db: Database) -> tuple[str | None, int]:
    """When the chain began (UTC text; None before the migration) and how many rows were
    already there then, sealed as they stood."""
    starts = db.execute("SELECT min(started_at), sum(rows_before) FROM history_chain")
    at, before = starts.fetchone()
    return at, int(before or 0)


def heads(db: Database) -> dict[str, tuple[int, str]]:
    """Each chained table's last row: its id and hash (hex), for a backup to record."""
    found = {}
    for table in CHAINED:
        if table in db.table_names():
            row = db.execute(
                f"SELECT id, {HASH} FROM [{table}] ORDER BY id DESC LIMIT 1"
            ).fetchone()
            if row and row[1] is not None:
                found[table] = (row[0], bytes(row[1]).hex())
    return found
