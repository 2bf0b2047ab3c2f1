"""Retention: once a closed comment has been kept as long as the retention schedule says,
its personal information is anonymised (Loi sur l'accès, art. 73), and the rest stays.

A comment is closed when it is no longer open (lib.db.OPEN_STATUSES); it was closed at the
last action on it. It is kept `retention_months` after that (lib.settings.retention), or
as long as the schedule sets for one of its moderation reasons (the longest, when several
are set). Anonymising replaces its text, author's name, proposed reply, the notes and the
replies written on it, and what was to be published for it, by `lib.chain.ERASED`; it
empties its handle and address. Its timings, state, reasons, platform, account, flags and
language stay, so every past compliance and reason figure stays as it was.

Never anonymised: an open comment, a comment under a legal hold (lib.records.holds), one
whose decision still waits to reach its platform (the outbox). Each run writes the
destruction log (which comments, by which rule, when, by whom; never their content).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sqlite_utils import Database

from lib.chain import ERASED
from lib.db import OPEN_STATUSES, from_db_times, immediate, to_db_time
from lib.i18n import label, t
from lib.records.holds import HELD
from lib.settings import Settings, load_settings
from lib.taxonomy import split_codes
from lib.times import local, now_utc, utc

# What anonymising replaces or empties, as the destruction log names it.
FIELDS = "text author_name author_handle permalink proposed_reply note reply outbox_text"
DEFAULT_RULE = "default"
# The actor of a run the sync worker makes on its own (lib.connectors.command).
SCHEDULED = "vigie-retention"

_CANDIDATES = """
SELECT c.id AS comment_id, c.platform, c.account, c.status,
  coalesce((SELECT max(a.at) FROM actions a WHERE a.comment_id = c.id),
           c.first_handled_at, c.received_at) AS closed_at,
  (SELECT group_concat(a.reasons, ' ') FROM actions a
    WHERE a.comment_id = c.id AND coalesce(a.reasons, '') != '') AS reasons,
  {held} AS held,
  EXISTS (SELECT 1 FROM outbox o WHERE o.comment_id = c.id AND o.state = 'pending') AS sending
FROM comments c
WHERE c.anonymised_at IS NULL AND c.received_at <= :horizon
  AND c.status NOT IN ({open_statuses})
""".format(held=HELD, open_statuses=", ".join(f"'{s}'" for s in OPEN_STATUSES))


def rule_label(rule: str, months: int, language: str = "fr") -> str:
    """'Délai par défaut (24 mois)', 'Motif « Pourriel » (6 mois)'."""
    if rule.startswith("reason:"):
        reason = label("reason", rule.removeprefix("reason:"), language)
        return t("records.rule.reason", language, reason=reason, months=months)
    return t("records.rule.default", language, months=months)


def review(db: Database, settings: Settings | None = None, now=None) -> pd.DataFrame:
    """Every closed comment whose time is up at `now`: comment_id, platform, account,
    status, closed_at and expires_at (UTC), rule, months, and why it is kept anyway
    (`held` by a legal hold, `sending` a decision not yet on its platform)."""
    settings = settings or load_settings(db)
    now = utc(now if now is not None else now_utc())
    by_reason = settings.retention_by_reason
    shortest = min([settings.retention_months, *by_reason.values()])
    # Closed after it came in: a comment received since then cannot be due yet.
    horizon = to_db_time(local(now) - pd.DateOffset(months=shortest))
    found = pd.read_sql_query(_CANDIDATES, db.conn, params={"horizon": horizon})
    if found.empty:
        return found.drop(columns="reasons").assign(expires_at=None, rule=None, months=None)
    found["closed_at"] = from_db_times(found["closed_at"])
    rules = found["reasons"].fillna("").map(lambda codes: _rule(codes, settings))
    found["rule"] = rules.str[0]
    found["months"] = rules.str[1].astype(int)
    found["expires_at"] = _months_later(found["closed_at"], found["months"], local(now).tz)
    found[["held", "sending"]] = found[["held", "sending"]].astype(bool)
    due = found[found["expires_at"] <= now].drop(columns="reasons")
    return due.sort_values(["closed_at", "comment_id"], ignore_index=True)


def _months_later(instants: pd.Series, months: pd.Series, tz) -> pd.Series:
    """Each instant so many months later on the local wall clock (UTC). A wall time that
    falls in the hour the clocks go back is taken the second time (standard time: kept the
    longer), one in the hour they skip moves forward to the first time that exists."""
    wall = instants.dt.tz_convert(tz).dt.tz_localize(None)
    later = pd.Series(pd.NaT, index=instants.index, dtype=wall.dtype)
    for count, rows in months.groupby(months).groups.items():
        later[rows] = wall[rows] + pd.DateOffset(months=int(count))
    standard = np.zeros(len(later), dtype=bool)
    aware = later.dt.tz_localize(tz, ambiguous=standard, nonexistent="shift_forward")
    return aware.dt.tz_convert("UTC")


def _rule(reasons: str | None, settings: Settings) -> tuple[str, int]:
    """The rule a comment's reasons give: the longest of theirs the schedule sets, else
    the default."""
    by_reason = settings.retention_by_reason
    set_here = [(by_reason[code], code) for code in split_codes(reasons) if code in by_reason]
    if not set_here:
        return DEFAULT_RULE, settings.retention_months
    months, code = max(set_here)
    return f"reason:{code}", months


@dataclass
class RetentionRun:
    """What a run anonymised: comments per rule, and how many were kept by a hold or wait
    for their platform."""

    anonymised: dict[tuple[str, int], list[int]] = field(default_factory=dict)
    held: int = 0
    sending: int = 0

    @property
    def count(self) -> int:
        return sum(len(ids) for ids in self.anonymised.values())


def plan(due: pd.DataFrame) -> RetentionRun:
    """What `apply` would do with `review`'s rows: changes nothing."""
    run = RetentionRun(held=int(due["held"].sum()), sending=int(due["sending"].sum()))
    going = due[~due["held"] & ~due["sending"]]
    for (rule, months), rows in going.groupby(["rule", "months"]):
        run.anonymised[(rule, int(months))] = [int(i) for i in rows["comment_id"]]
    return run


def apply(db: Database, actor: str, settings: Settings | None = None, now=None) -> RetentionRun:
    """Anonymise what `review` lists and may go, in one transaction, and log the run."""
    now = utc(now if now is not None else now_utc())
    # Freed space is overwritten, so that the text does not linger in the file's free pages.
    secure = db.execute("PRAGMA secure_delete").fetchone()[0]
    db.execute("PRAGMA secure_delete = ON")
    try:
        run = _apply(db, actor, settings, now)
    finally:
        db.execute(f"PRAGMA secure_delete = {int(secure)}")
    if run.count:
        _purge_search_index(db)
    return run


def _apply(db: Database, actor: str, settings: Settings | None, now: pd.Timestamp) -> RetentionRun:
    at = to_db_time(now)
    with immediate(db):
        run = plan(review(db, settings, now))
        ids = [(i,) for listed in run.anonymised.values() for i in listed]
        db.execute("CREATE TEMP TABLE IF NOT EXISTS anonymising (id INTEGER PRIMARY KEY)")
        db.execute("DELETE FROM temp.anonymising")
        db.conn.executemany("INSERT INTO temp.anonymising (id) VALUES (?)", ids)
        _anonymise(db, at)
        db.execute("DELETE FROM temp.anonymising")
        entries = [
            {"rule": rule, "months": months, "comments": len(listed), "comment_ids": listed}
            for (rule, months), listed in run.anonymised.items()
        ] or [{"rule": "none", "months": None, "comments": 0, "comment_ids": []}]
        for entry in entries:
            db["destruction_log"].insert(
                {
                    **entry,
                    "at": at,
                    "actor": actor,
                    "comment_ids": json.dumps(entry["comment_ids"]),
                    "fields": FIELDS if entry["comments"] else None,
                }
            )
    return run


def _anonymise(db: Database, at: str) -> None:
    chosen = "IN (SELECT id FROM temp.anonymising)"
    erased = f"'{ERASED}'"
    db.execute(
        f"UPDATE comments SET text = {erased}, author_handle = NULL, permalink = NULL, "
        f"author_name = CASE WHEN author_name IS NULL THEN NULL ELSE {erased} END, "
        f"proposed_reply = CASE WHEN proposed_reply IS NULL THEN NULL ELSE {erased} END, "
        f"anonymised_at = ?, version = version + 1 WHERE id {chosen}",
        [at],
    )
    # The chain keeps their digest (lib.chain): the salt goes, and nothing can be guessed.
    db.execute(
        "UPDATE actions SET erasure_digest = vigie_erasure(erasure_salt, note, reply), "
        f"note = CASE WHEN note IS NULL THEN NULL ELSE {erased} END, "
        f"reply = CASE WHEN reply IS NULL THEN NULL ELSE {erased} END, erasure_salt = NULL "
        f"WHERE comment_id {chosen} AND erasure_salt IS NOT NULL"
    )
    db.execute(f"UPDATE outbox SET text = {erased} WHERE comment_id {chosen} AND text IS NOT NULL")


def _purge_search_index(db: Database) -> None:
    """Merge the full-text index, so that the words of the replaced texts leave it too, and
    bring the write-ahead log back into the file."""
    if "comments_fts" in db.table_names():
        with immediate(db):
            db.execute("INSERT INTO comments_fts (comments_fts) VALUES ('optimize')")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def daily(db: Database, now=None) -> RetentionRun | None:
    """The sync worker's own run, once a local day when the lead turned it on (Registres ›
    Conservation); None when there is nothing to do today."""
    settings = load_settings(db)
    if not settings.retention_daily:
        return None
    now = utc(now if now is not None else now_utc())
    last = db.execute(
        "SELECT max(at) FROM destruction_log WHERE actor = ?", [SCHEDULED]
    ).fetchone()[0]
    if last is not None and local(from_db_times([last])[0]).date() == local(now).date():
        return None
    return apply(db, SCHEDULED, settings, now)


def log(db: Database, limit: int = 100) -> pd.DataFrame:
    """The destruction log, newest first: at, actor, rule, months, comments, fields."""
    return pd.read_sql_query(
        "SELECT id, at, actor, rule, months, comments, fields FROM destruction_log "
        "ORDER BY id DESC LIMIT ?",
        db.conn,
        params=[limit],
    )
