"""A realistic, invented demo database: accounts, comments, and the team's handling of them.

Everything is drawn with numpy from one seed, a column at a time, so a
million comments take seconds and the same seed (and `now`) gives the same
database. History rows are written in bulk rather than through
`lib.moderation.act` one by one, for speed; `tests/test_demo.py` checks that
they obey the same invariants `act` keeps (versions, statuses, clock), and the
statuses come from `act`'s own table (`lib.moderation.status_after`).

`generate` draws, from one generator and in this order, the comments
(`comments`, with their `authors` and the `personal_data` they quote), then
what the team did with them (`handling`), and writes the `history` that
handling implies, and the `posts` the comments answer. The words are in `texts`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlite_utils import Database

from lib.auth import DEMO_PASSWORD, hash_password
from lib.db import bulk_load, immediate, to_db_times
from lib.demo import texts
from lib.demo.comments import draw_comments
from lib.demo.handling import draw_handling
from lib.demo.history import history_rows
from lib.demo.posts import comment_addresses, draw_posts
from lib.i18n import Worded
from lib.ingest import POST_COLUMNS, insert_rows, prepare_comments, store_posts
from lib.settings import calendar_version, load_settings
from lib.times import now_utc, utc


class DemoError(Worded, ValueError):
    """The demo cannot be written: `rows_not_positive`, or `database_not_empty`."""

    KEY = "demo.error"


@dataclass(frozen=True)
class DemoSummary:
    comments: int
    actions: int
    users: int
    start: pd.Timestamp
    end: pd.Timestamp


def generate(
    db: Database,
    rows: int = 20_000,
    seed: int = 42,
    now=None,
    days: int = 90,
    password: str | None = DEMO_PASSWORD,
) -> DemoSummary:
    """Fill an empty database with `rows` demo comments received over `days` days up to `now`.

    The team's demo accounts all sign in with `password` (README, "Demo accounts").
    """
    _check_empty(db, rows)
    rng = np.random.default_rng(seed)
    end = utc(now_utc() if now is None else now).floor("s")
    start = end - pd.Timedelta(days=days)
    settings = load_settings(db)
    cal = settings.calendar()

    comments = draw_comments(rng, rows, start, end)
    posts = draw_posts(comments)
    comments["permalink"] = comment_addresses(comments, posts).to_numpy()
    # Detected first: how the team may handle a comment depends on its flags.
    stored = prepare_comments(comments, settings).drop(columns=list(POST_COLUMNS))
    stored["calendar_version"] = calendar_version(db)
    handling = draw_handling(rng, comments, stored, settings, cal, end)
    actions = history_rows(handling)
    _record_handling(stored, handling, actions)

    # Hashed before the write lock is taken, and once: argon2 is slow on purpose.
    accounts = _accounts(hash_password(password) if password else None)
    with immediate(db):
        db["users"].insert_all(accounts, pk="username", replace=True)
        with bulk_load(db, "comments", rebuild_indexes=True):
            insert_rows(db, "comments", stored)
        with bulk_load(db, "actions", rebuild_indexes=True):
            insert_rows(db, "actions", actions)
        store_posts(db, posts)
    return DemoSummary(len(stored), len(actions), len(accounts), start, end)


def _check_empty(db: Database, rows: int) -> None:
    if rows < 1:
        raise DemoError("rows_not_positive")
    if db["comments"].exists() and db["comments"].count:
        raise DemoError("database_not_empty")


def _record_handling(stored: pd.DataFrame, handling: pd.DataFrame, actions: pd.DataFrame) -> None:
    """Set on the stored comments, in place, what `act` would have left on them."""
    stored["id"] = handling.index.to_numpy()
    stored["status"] = handling["status"].to_numpy()
    stored["assignee"] = handling["assignee"].to_numpy()
    stored["first_handled_at"] = to_db_times(handling["first_handled_at"]).to_numpy()
    stored["first_handled_by"] = handling["first_handled_by"].to_numpy()
    stored["proposed_reply"] = handling["proposed_reply"].to_numpy()
    counts = actions.groupby("comment_id").size()
    stored["version"] = 1 + counts.reindex(handling.index, fill_value=0).to_numpy()


def _accounts(password_hash: str | None) -> list[dict]:
    return [
        {"username": u, "display_name": n, "role": r, "password_hash": password_hash}
        for u, n, r in texts.TEAM
    ]


__all__ = ["DemoError", "DemoSummary", "generate"]
