"""The sync process: for every connected account, pull what is new, notice what changed on
the platform, and carry the outbox there; `python -m lib sync --once | --every SECONDS`.

Accounts are independent: one whose platform is down, slow, out of quota or answering
garbage is noted (Paramètres › Comptes, Aujourd'hui) and the others go on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import timedelta

from sqlite_utils import Database

from lib.accounts import (
    account,
    accounts,
    cursor_of,
    note_problem,
    register_account,
    save_progress,
)
from lib.connectors.base import Connector
from lib.connectors.config import AccountConfig
from lib.connectors.errors import ACCOUNT_PROBLEMS, PlatformError, unexpected_answers
from lib.connectors.graph import Facebook, Instagram
from lib.connectors.http import Http
from lib.connectors.limits import X_HIDES_PER_WINDOW, Budget, x_window, youtube_day
from lib.connectors.pushing import push_account
from lib.connectors.x import X
from lib.connectors.youtube import YouTube
from lib.db import OPEN_STATUSES, to_db_time
from lib.importers import BadImportFile, import_file, known_ids
from lib.moderation import record_platform_change
from lib.times import now_utc

CONNECTORS = {"facebook": Facebook, "instagram": Instagram, "youtube": YouTube, "x": X}
# How far back the sync looks for comments changed on the platform (hidden, deleted).
CHANGES_WINDOW = timedelta(days=7)
CHANGES_PER_RUN = 200


@dataclass
class AccountReport:
    key: str
    added: int = 0
    changed: int = 0
    applied: int = 0
    failed: int = 0
    problem: str | None = None
    skipped: str | None = None  # paused, record-only, resting


@dataclass
class SyncReport:
    accounts: list[AccountReport] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(a.added for a in self.accounts)

    @property
    def applied(self) -> int:
        return sum(a.applied for a in self.accounts)

    @property
    def problems(self) -> int:
        return sum(a.problem is not None for a in self.accounts)


def sync_once(db: Database, configs: list[AccountConfig], now=None, client=None) -> SyncReport:
    """One run over every configured account; registers those not yet registered."""
    report, now = SyncReport(), now or now_utc()
    configured = {config.key for config in configs}
    for row in accounts(db):  # registered in Paramètres, with no token in the configuration
        if row["key"] not in configured and row["mode"] == "sync" and not row["paused"]:
            note_problem(db, row["key"], "not_configured", now)
    for config in configs:
        register_account(
            db, config.key, config.platform, config.name, config.platform_id, config.mode, "config"
        )
        report.accounts.append(sync_account(db, config, now, client))
    return report


def sync_account(db: Database, config: AccountConfig, now, client=None) -> AccountReport:
    """Pull, notice changes, push, for one account; its problem is noted, never raised."""
    report = AccountReport(config.key)
    row = account(db, config.key)
    if config.mode != "sync":
        report.skipped = "record-only"
        return report
    if row["paused"]:
        report.skipped = "paused"
        return report
    if row["resume_at"] and row["resume_at"] > to_db_time(now):
        report.skipped = "resting"
        return report
    http = Http(config.url, config.token, config.platform, config.timeout, client)
    connector = CONNECTORS[config.platform](config, http, _budget(db, config))
    problem = None
    try:
        for step in (_pull, _notice_changes, _push):
            try:
                with unexpected_answers():
                    step(db, connector, row, report, now)
            except PlatformError as error:
                problem = problem or error
                if error.code in ACCOUNT_PROBLEMS:
                    break  # nothing else can work for this account now
                # else the next step still runs: a failed pull keeps no decision back
    finally:
        if client is None:
            http.close()
    report.problem = problem.code if problem else None
    expired = problem is not None and problem.code == "token_expired"
    note_problem(db, config.key, report.problem, now, token_expired=expired)
    rest = problem.retry_at if problem is not None and problem.retry_at else http.rest_until
    save_progress(db, config.key, resume_at=rest, last_push_at=now)
    return report


def _budget(db: Database, config: AccountConfig) -> Budget | None:
    if config.platform == "youtube":
        return Budget(db, config.key, config.daily_units, youtube_day, "quota_exhausted")
    if config.platform == "x":
        return Budget(db, config.key, X_HIDES_PER_WINDOW, x_window, "rate_limited")
    return None


def _pull(db: Database, connector: Connector, row: dict, report: AccountReport, now) -> None:
    """Import what is new, through the same path as a file; `report.added` says how many.

    The cursor moves only once the batch is stored: a failure pulls it again next time,
    and what was stored already is recognised (platform and id), never doubled.
    """
    platform = connector.platform
    pulled = connector.pull(cursor_of(row), lambda ids: known_ids(db, platform, ids))
    if pulled.count:
        raw = json.dumps(pulled.document).encode("utf-8")
        try:
            summary = import_file(db, raw, f"{row['key']}.json", pulled.format, account=row["key"])
        except BadImportFile as refusal:
            raise PlatformError("garbage", detail=refusal.describe("en")) from None
        report.added = summary.added
    save_progress(db, row["key"], cursor=pulled.cursor or None, last_pull_at=now)


def _notice_changes(db: Database, connector: Connector, row: dict, report: AccountReport, now):
    """Record the account's recent open comments that the platform now shows hidden or
    deleted; `report.changed` says how many."""
    rows = db.execute(
        "SELECT id, external_id FROM comments WHERE account = ? AND platform = ? "
        "AND status IN ({}) AND received_at >= ? ORDER BY received_at DESC LIMIT ?".format(
            ", ".join("?" * len(OPEN_STATUSES))
        ),
        [
            row["key"],
            connector.platform,
            *OPEN_STATUSES,
            to_db_time(now - CHANGES_WINDOW),
            CHANGES_PER_RUN,
        ],
    ).fetchall()
    ids = {external_id: comment_id for comment_id, external_id in rows}
    for external_id, state in connector.states(list(ids)).items():
        if external_id in ids:
            report.changed += record_platform_change(db, ids[external_id], state, now)


def _push(db: Database, connector: Connector, row: dict, report: AccountReport, now) -> None:
    """Carry the account's outbox to its platform; what stopped it is raised."""
    pushed = push_account(db, connector, row["key"], now)
    report.applied, report.failed = pushed.applied, pushed.failed
    if pushed.problem is not None:
        raise pushed.problem
