"""Budgets a platform sets and Vigie keeps across runs: YouTube's daily units, X's hides
per fifteen minutes. Spent before each call, in the database (`platform_usage`), so that
two runs of the sync process share them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from lib.connectors.errors import PlatformError
from lib.connectors.http import next_pacific_midnight, pacific_day
from lib.db import immediate
from lib.times import now_utc

# YouTube's cost of each call, in quota units (its documentation's table).
YOUTUBE_READ_UNITS = 1
YOUTUBE_WRITE_UNITS = 50
# X lets an account hide 50 replies per fifteen minutes.
X_HIDES_PER_WINDOW = 50
X_WINDOW = timedelta(minutes=15)


class Budget:
    """`limit` units per window; `spend` refuses (`problem`, until the window's end) what
    would pass it."""

    def __init__(
        self,
        db: Database,
        account: str,
        limit: int,
        window: Callable[[], tuple[str, datetime]],
        problem: str,
    ):
        self.db, self.account, self.limit = db, account, limit
        self.window, self.problem = window, problem

    def used(self) -> int:
        name, _ = self.window()
        row = self.db.execute(
            "SELECT units FROM platform_usage WHERE account = ? AND period = ?",
            [self.account, name],
        ).fetchone()
        return row[0] if row else 0

    def spend(self, units: int) -> None:
        name, ends = self.window()
        with immediate(self.db):
            used = self.used()
            if used + units > self.limit:
                raise PlatformError(self.problem, retry_at=ends)
            self._set(name, used + units)

    def exhaust(self) -> None:
        """The platform says the budget is spent (another tool shares it): believe it."""
        name, _ = self.window()
        with immediate(self.db):
            self._set(name, self.limit)

    def _set(self, name: str, units: int) -> None:
        self.db.execute(
            "INSERT INTO platform_usage (account, period, units) VALUES (?, ?, ?) "
            "ON CONFLICT (account, period) DO UPDATE SET units = excluded.units",
            [self.account, name, units],
        )


def youtube_day() -> tuple[str, datetime]:
    return f"youtube:{pacific_day()}", next_pacific_midnight()


def x_window() -> tuple[str, datetime]:
    now = now_utc()
    start = int(now.timestamp()) // int(X_WINDOW.total_seconds()) * int(X_WINDOW.total_seconds())
    return f"x-hide:{start}", datetime.fromtimestamp(start, UTC) + X_WINDOW
