"""One notify cycle as the command line and the sync loop run it, summed up in a line."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from lib.i18n import t
from lib.notify.channels import load_channels
from lib.notify.worker import NotifyReport, notify_once


def cycle(db: Database, config: Path | None = None, now=None, language: str = "fr") -> str:
    """Read the channels (again at each cycle: a changed server is used without a restart),
    send what is owed, and say so in one line."""
    channels, problems = load_channels(config)
    return summary(notify_once(db, channels, now), problems, language)


def summary(report: NotifyReport, problems: list[str], language: str = "fr") -> str:
    """'notify: 2 sent, 1 failed (tried again later)', with any configuration problem."""
    troubles = [
        t("notify.no_channel", language) if p == "no_channel" else p for p in report.problems
    ]
    return t(
        "notify.done",
        language,
        sent=report.sent,
        failed=report.failed,
        problems="; ".join([*troubles, *problems]) or t("sync.no_problem", language),
    )
