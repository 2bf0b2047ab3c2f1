"""The moderation queue's reads: filters over open comments, one page of rows, full-text search.

Everything is SQL over the indexed `comments` table: a page is `LIMIT/OFFSET`,
the total is `count(*)`, and the clock states are `lib.states.STATE_SQL`, comparisons
of `due_at` with two instants computed once per rerun (`lib.states.StateClock`), so the
queue never loads every comment, whatever the size of the database.

>>> from lib.db import open_db
>>> from lib.states import state_clock
>>> db = open_db(":memory:")
>>> count_queue(db, QueueFilters(search="région"), VIEWER_ANYONE, state_clock("2026-03-02 15:00"))
0
>>> db.close()
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd
from sqlite_utils import Database

from lib.auth import LEAD
from lib.business_time import BusinessCalendar
from lib.db import OPEN_STATUSES
from lib.queries import frame, search_words
from lib.states import STATE_SQL, StateClock, state_where

ASSIGNEE_SCOPES = ("anyone", "me", "unassigned")
PAGE_SIZE = 50
VIEWER_ANYONE = {"username": "", "role": "moderator"}
# A web address a page may open: http(s), a plain host name (no "user@" before it, which
# would make facebook.com@elsewhere.example read as Facebook), no space, control character
# or backslash. `web_address` is its one-value form, `lib.ingest.store_posts` its vectorised one.
WEB_ADDRESS = r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:[/?#][^\s\x00-\x1f\x7f\\]*)?"
WEB_ADDRESS_MAX_CHARS = 2_000

COLUMNS = (
    "id",
    "platform",
    "account",
    "post_ref",
    "author_name",
    "author_handle",
    "text",
    "language",
    "received_at",
    "due_at",
    "status",
    "assignee",
    "flags",
    "version",
    "proposed_reply",
    "suggested_reasons",
    "suggested_redirect",
    "priority",
    "labels",
)


@dataclass(frozen=True)
class QueueFilters:
    """What the moderator asked to see; empty means no constraint.

    Within a filter the values are alternatives (any of the platforms, any of
    the flags); the filters themselves all apply.
    """

    platforms: tuple[str, ...] = ()
    accounts: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    assignee: str = "anyone"  # one of ASSIGNEE_SCOPES
    languages: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    search: str = ""


def has_flag(param: str) -> str:
    """SQL: the comment's flags hold the code bound to `:param`."""
    return f"instr(' ' || coalesce(flags, '') || ' ', ' ' || :{param} || ' ') > 0"


def in_values(column: str, name: str, values, params: dict) -> str:
    """SQL: `column` is one of `values`, bound in `params` as :name0, :name1, …"""
    names = []
    for i, value in enumerate(values):
        params[f"{name}{i}"] = value
        names.append(f":{name}{i}")
    return f"{column} IN ({', '.join(names)})"


def _where(db: Database, filters: QueueFilters, viewer: dict, clock: StateClock):
    """The WHERE clause and its parameters: open comments matching every filter."""
    params = clock.params()
    statuses = [s for s in filters.statuses if s in OPEN_STATUSES] or list(OPEN_STATUSES)
    clauses = [in_values("status", "status", statuses, params)]
    if filters.platforms:
        clauses.append(in_values("platform", "platform", filters.platforms, params))
    if filters.accounts:
        clauses.append(in_values("account", "account", filters.accounts, params))
    if filters.languages:
        clauses.append(in_values("language", "language", filters.languages, params))
    if filters.states:
        clauses.append(state_where(filters.states))
    if filters.flags:
        for i, flag in enumerate(filters.flags):
            params[f"flag{i}"] = flag
        clauses.append(
            "(" + " OR ".join(has_flag(f"flag{i}") for i in range(len(filters.flags))) + ")"
        )
    if filters.assignee == "me":
        params["me"] = viewer["username"]
        clauses.append("assignee = :me")
    elif filters.assignee == "unassigned":
        clauses.append("assignee IS NULL")
    # Plain words only, and a bounded number of them, whoever built the filters.
    words = search_words(filters.search)
    if words:
        params["search"] = db.quote_fts(words)
        clauses.append("id IN (SELECT rowid FROM comments_fts WHERE comments_fts MATCH :search)")
    return " AND ".join(clauses), params


def queue_order(lead: bool) -> tuple[str, dict]:
    """The queue's ORDER BY and its parameters: most urgent first, for the page and the export.

    Urgent flag first, then what a triage rule raised (`priority`), then (for a lead)
    what awaits their approval, then due time.
    """
    awaiting = "(status = 'awaiting_approval') DESC, " if lead else ""
    urgent = f"({has_flag('urgent')}) DESC"
    return f"{urgent}, priority DESC, {awaiting}due_at IS NULL, due_at, id", {"urgent": "urgent"}


def count_queue(db: Database, filters: QueueFilters, viewer: dict, clock: StateClock) -> int:
    """How many open comments match the filters."""
    where, params = _where(db, filters, viewer, clock)
    return db.execute(f"SELECT count(*) FROM comments WHERE {where}", params).fetchone()[0]


def page_count(total: int, page_size: int = PAGE_SIZE) -> int:
    """Pages needed for `total` rows; at least one, so that an empty queue has a page."""
    return max(1, math.ceil(total / page_size))


def queue_page(
    db: Database,
    filters: QueueFilters,
    viewer: dict,
    clock: StateClock,
    page: int = 0,
    page_size: int = PAGE_SIZE,
    cal: BusinessCalendar | None = None,
) -> pd.DataFrame:
    """One page of the queue, most urgent first, with `state` and `age_seconds`.

    `age_seconds` is the business time since the comment arrived (`cal`'s
    office hours), computed for the page's rows only.
    """
    where, params = _where(db, filters, viewer, clock)
    order, order_params = queue_order(viewer.get("role") == LEAD)
    params.update(order_params)
    params.update(limit=page_size, offset=max(page, 0) * page_size)
    # The page's ids first (the status, due_at, flags index covers the sort
    # when no other filter applies), then only those rows are read whole.
    rows = frame(
        db,
        f"SELECT {', '.join(COLUMNS)}, {STATE_SQL} AS state FROM comments WHERE id IN "
        f"(SELECT id FROM comments WHERE {where} ORDER BY {order} LIMIT :limit OFFSET :offset) "
        f"ORDER BY {order}",
        params,
    )
    if rows.empty:
        rows = pd.DataFrame(columns=[*COLUMNS, "state", "age_seconds"])
        return rows
    ages = (cal or BusinessCalendar()).elapsed(rows["received_at"], clock.now)
    rows["age_seconds"] = pd.Series(ages, index=rows.index)
    return rows


def filter_options(db: Database) -> dict[str, list[str]]:
    """The accounts and languages present among open comments, for the filters."""
    params: dict = {}
    where = in_values("status", "status", OPEN_STATUSES, params)
    options = {}
    for column in ("account", "language"):
        options[column] = [
            row[0]
            for row in db.execute(
                f"SELECT DISTINCT {column} FROM comments WHERE {where} "
                f"AND {column} IS NOT NULL ORDER BY {column}",
                params,
            )
        ]
    return options


def comment(db: Database, comment_id: int) -> dict | None:
    """One comment as stored, whatever its status (the detail panel re-reads it each rerun),
    with what is known of its post: `post_title`, `post_url`, `post_published_at` (or None).
    """
    rows = list(
        db.query(
            "SELECT comments.*, posts.title AS post_title, posts.url AS post_url, "
            "posts.published_at AS post_published_at FROM comments LEFT JOIN posts "
            "ON posts.platform = comments.platform AND posts.post_ref = comments.post_ref "
            "WHERE comments.id = ?",
            [comment_id],
        )
    )
    return rows[0] if rows else None


def web_address(value) -> str | None:
    """`value` when it is an address a page may open (`WEB_ADDRESS`), else None.

    >>> web_address("https://x.com/i/web/status/1"), web_address("javascript:alert(1)")
    ('https://x.com/i/web/status/1', None)
    >>> web_address("https://www.facebook.com@evil.example/"), web_address(None)
    (None, None)
    """
    if not isinstance(value, str) or len(value) > WEB_ADDRESS_MAX_CHARS:
        return None
    return value if re.fullmatch(WEB_ADDRESS, value, flags=re.IGNORECASE) else None
