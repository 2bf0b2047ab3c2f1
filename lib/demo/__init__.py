"""A realistic, invented demo database: accounts, comments, and the team's handling of them.

Everything is drawn with numpy from one seed, a column at a time, so a
million comments take about a minute and the same seed (`now`, `days` and
`chunk_rows`) gives the same database. History rows are written in bulk rather
than through `lib.moderation.act` one by one, for speed; `tests/test_demo.py`
checks that they obey the same invariants `act` keeps (versions, statuses,
clock), and the statuses come from `act`'s own table (`lib.moderation.status_after`).

`generate` cuts the demo's span into slices of whole local days (`arrivals`) and
writes them one after the other, so that its memory does not grow with the rows.
For each slice it draws, from one generator and in this order, the comments
(`comments`, with their `authors` and the `personal_data` they quote), then what
the team did with them (`handling`), and writes the `history` that handling
implies, and the `posts` the comments answer (a post is an account's day: it never
spans two slices). The words are in `texts`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlite_utils import Database

from lib.auth import DEMO_PASSWORD, hash_password
from lib.db import bulk_load, immediate, to_db_times
from lib.demo import texts
from lib.demo.arrivals import Slice, slices
from lib.demo.comments import draw_comments
from lib.demo.handling import draw_handling
from lib.demo.history import history_rows
from lib.demo.posts import comment_addresses, draw_posts
from lib.i18n import Worded
from lib.ingest import POST_COLUMNS, insert_rows, prepare_comments, store_posts
from lib.settings import Settings, calendar_version, load_settings
from lib.times import now_utc, utc

# Comments drawn and written at a time: the memory a part takes, whatever the demo's size.
CHUNK_ROWS = 100_000
# SQLite's page cache while the demo is written, in KiB (`lib.db.bulk_load`).
CACHE_KIB = 128 * 1024


class DemoError(Worded, ValueError):
    """The demo cannot be written: `rows_not_positive`, `days_not_positive`, or
    `database_not_empty`."""

    KEY = "demo.error"


@dataclass(frozen=True)
class DemoSummary:
    comments: int
    actions: int
    users: int
    start: pd.Timestamp
    end: pd.Timestamp


@dataclass(frozen=True)
class _Demo:
    """What every part of a demo is drawn with."""

    db: Database
    rng: np.random.Generator
    settings: Settings
    calendar_version: int
    end: pd.Timestamp
    authors: int


def generate(
    db: Database,
    rows: int = 20_000,
    seed: int = 42,
    now=None,
    days: int = 90,
    password: str | None = DEMO_PASSWORD,
    chunk_rows: int = CHUNK_ROWS,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Fill an empty database with `rows` demo comments received over `days` days up to `now`.

    The team's demo accounts all sign in with `password` (README, "Demo accounts").
    Comments are drawn and written about `chunk_rows` at a time, whole local days
    together; `progress(done, rows)` is called after each part. Detection reads each
    part on its own: an author's repeated message (the `repeat` flag) is recognised
    within the part it falls in, a day of comments at least.

    The whole demo is one transaction, with both bulk loads (`lib.db.bulk_load`) open
    around the parts: indexes are built, the full text indexed and the history's chain
    sealed once, at the end, each in one pass that SQLite keeps within its page cache
    (committing each part would rebuild them each time), and a demo that fails or is
    interrupted leaves the database empty, ready to try again. The write-ahead log
    grows meanwhile to the size of the database.
    """
    _check_empty(db, rows, days)
    rng = np.random.default_rng(seed)
    end = utc(now_utc() if now is None else now).floor("s")
    start = end - pd.Timedelta(days=days)
    settings = load_settings(db)
    demo = _Demo(db, rng, settings, calendar_version(db), end, authors=max(rows // 3, 50))
    parts = slices(rng, rows, start, end, chunk_rows)
    # Hashed before the write lock is taken, and once: argon2 is slow on purpose.
    accounts = _accounts(hash_password(password) if password else None)
    comments = actions = 0
    with immediate(db):
        db["users"].insert_all(accounts, pk="username", replace=True)
        with (
            bulk_load(db, "comments", rebuild_indexes=True, cache_kib=CACHE_KIB),
            bulk_load(db, "actions", rebuild_indexes=True, cache_kib=CACHE_KIB),
        ):
            for part in parts:
                actions += _write_part(demo, part, comments + 1, actions + 1)
                comments += part.rows
                if progress:
                    progress(comments, rows)
    return DemoSummary(comments, actions, len(accounts), start, end)


def _write_part(demo: _Demo, part: Slice, first_id: int, first_action: int) -> int:
    """Draw and write one slice's comments, ids from `first_id`, and their history, ids
    from `first_action`; returns how many actions."""
    if not part.rows:
        return 0
    rng, settings = demo.rng, demo.settings
    comments = draw_comments(rng, part.rows, part.start, part.end, first_id, demo.authors)
    posts = draw_posts(comments)
    comments["permalink"] = comment_addresses(comments, posts).to_numpy()
    # Detected first: how the team may handle a comment depends on its flags.
    stored = prepare_comments(comments, settings).drop(columns=list(POST_COLUMNS))
    stored["calendar_version"] = demo.calendar_version
    handling = draw_handling(rng, comments, stored, settings, settings.calendar(), demo.end)
    actions = history_rows(handling, first_action)
    _record_handling(stored, handling, actions)
    insert_rows(demo.db, "comments", stored)
    insert_rows(demo.db, "actions", actions)
    store_posts(demo.db, posts)
    return len(actions)


def _check_empty(db: Database, rows: int, days: int) -> None:
    if rows < 1:
        raise DemoError("rows_not_positive")
    if days < 1:
        raise DemoError("days_not_positive")
    if db["comments"].exists() and db["comments"].count:
        raise DemoError("database_not_empty")


def _record_handling(stored: pd.DataFrame, handling: pd.DataFrame, actions: pd.DataFrame) -> None:
    """Set on the stored comments, in place, what `act` would have left on them."""
    stored["id"] = handling.index.to_numpy()
    # Aligned on the comments' ids, and kept as the handling's Python strings.
    for column in ("status", "assignee", "first_handled_by", "proposed_reply"):
        stored[column] = handling[column]
    stored["first_handled_at"] = to_db_times(handling["first_handled_at"])
    counts = actions.groupby("comment_id").size()
    stored["version"] = 1 + counts.reindex(handling.index, fill_value=0).to_numpy()


def _accounts(password_hash: str | None) -> list[dict]:
    return [
        {"username": u, "display_name": n, "role": r, "password_hash": password_hash}
        for u, n, r in texts.TEAM
    ]


__all__ = ["DemoError", "DemoSummary", "generate"]
