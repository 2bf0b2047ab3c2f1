"""`python -m lib sync`: one run, or one every N seconds until stopped, each summed up in a line;
each run of `--every` also sends the alerts owed (`lib.notify`) and, once a day when the lead
asked for it, anonymises what the retention schedule lets go (`lib.records.retention`)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from lib.connectors.config import load_config
from lib.connectors.sync import SyncReport, sync_once
from lib.db import DatabaseError, open_db
from lib.i18n import t
from lib.notify.command import cycle as notify_cycle
from lib.records import retention
from lib.times import now_utc


def summary(report: SyncReport, problems: list, language: str = "fr") -> str:
    """One line: what came in, what went out, which accounts have a problem."""
    troubled = [f"{a.key} ({a.problem})" for a in report.accounts if a.problem]
    troubled += [p.values.get("account", "?") + " (config)" for p in problems]
    return t(
        "sync.done",
        language,
        accounts=len(report.accounts),
        added=report.added,
        applied=report.applied,
        problems=", ".join(troubled) or t("sync.no_problem", language),
    )


def run(
    db_path: Path,
    config: Path | None,
    every: float | None,
    say: Callable[[str], None],
    runs: int | None = None,
) -> str:
    """Sync once (`every` None) or every `every` seconds, `runs` times (None: until
    interrupted); the configuration is read again at each run, so that a renewed token
    is used without a restart. Returns the last run's line."""
    done, line = 0, ""
    while True:
        started = time.monotonic()
        accounts, problems = load_config(config)
        try:
            with open_db(db_path) as db:
                report = sync_once(db, accounts, now_utc())
                line = summary(report, problems)
                if every is not None:
                    # The long-running worker also sends what cannot wait (lib.notify).
                    line += " · " + notify_cycle(db, config)
                    if (kept := retention.daily(db)) is not None:
                        line += " · " + t("records.sync.applied", "fr", count=kept.count)
        except DatabaseError as error:
            if every is None:
                raise
            # Kept running: the database may be busy or full for a moment.
            line = t("sync.database_problem", "fr", error=error)
        done += 1
        if every is None or (runs is not None and done >= runs):
            return line
        say(line)
        time.sleep(max(0.0, every - (time.monotonic() - started)))
