"""A rule tried on the last days' comments before it is saved: how many it would have
matched, how many of those the team in fact removed, and a few of them to read."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlite_utils import Database

from lib.db import to_db_time
from lib.privacy import mask_personal_information
from lib.queries import frame
from lib.settings.triage_rules import normalised
from lib.taxonomy import REMOVED_STATUSES
from lib.times import utc
from lib.triage_rules.matching import matches

DRY_RUN_DAYS = 30
EXAMPLES = 5
EXAMPLE_CHARS = 160
# What a rule reads of the comments received since `start` (the received_at index). The
# author counts as excluded when an exclusion recorded before the comment arrived still
# ran on its (UTC) day: the nearest the table comes to "excluded when it arrived".
RECENT_SQL = (
    "SELECT c.id, c.received_at, c.text, c.flags, c.platform, c.account, c.language, "
    "c.status, EXISTS (SELECT 1 FROM excluded_authors e WHERE e.platform = c.platform "
    "AND e.author_handle = c.author_handle AND e.added_at <= c.received_at "
    "AND (e.until IS NULL OR e.until >= substr(c.received_at, 1, 10))) AS excluded "
    "FROM comments c WHERE c.received_at >= :start AND c.received_at <= :end"
)


@dataclass(frozen=True)
class DryRun:
    """What a rule would have matched: `matched` comments, `removed` of them (hidden or
    deleted today, whoever removed them), and the latest `examples` (received_at,
    platform, text cut short with its personal information masked, removed)."""

    matched: int
    removed: int
    examples: pd.DataFrame


def dry_run(
    db: Database, rule: dict, now, days: int = DRY_RUN_DAYS, examples: int = EXAMPLES
) -> DryRun:
    """Try `rule` (as a page gives it) on the comments received in the `days` before `now`.

    >>> from lib.db import open_db
    >>> db = open_db(":memory:")
    >>> _ = db["comments"].insert_all([
    ...     {"platform": "x", "external_id": str(i), "text": text, "status": status,
    ...      "received_at": f"2026-03-{day:02d} 14:00:00"}
    ...     for i, (day, text, status) in enumerate([(1, "PROMO", "hidden"),
    ...         (20, "Une promo", "new"), (21, "promotion", "new")])])
    >>> found = dry_run(db, {"words": ["promo"]}, now="2026-03-25 12:00", days=10)
    >>> found.matched, found.removed, found.examples["text"].tolist()
    (1, 0, ['Une promo'])
    >>> db.close()
    """
    end = utc(now)
    start = end - pd.Timedelta(days=days)
    params = {"start": to_db_time(start), "end": to_db_time(end)}
    recent = frame(db, RECENT_SQL, params, ())
    if recent.empty:
        return DryRun(0, 0, _examples(recent))
    hit = recent.loc[matches(recent, normalised(rule))]
    removed = hit["status"].isin(REMOVED_STATUSES)
    latest = hit.sort_values(["received_at", "id"], ascending=False).head(examples)
    return DryRun(len(hit), int(removed.sum()), _examples(latest))


def _examples(rows: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "received_at": pd.to_datetime(rows.get("received_at", []), utc=True),
            "platform": list(rows.get("platform", [])),
            "text": [_shortened(mask_personal_information(t)) for t in rows.get("text", [])],
            "removed": [s in REMOVED_STATUSES for s in rows.get("status", [])],
        }
    )


def _shortened(text) -> str:
    """On one line, cut to EXAMPLE_CHARS with an ellipsis."""
    text = " ".join(str(text or "").split())
    return text if len(text) <= EXAMPLE_CHARS else text[: EXAMPLE_CHARS - 1] + "…"
