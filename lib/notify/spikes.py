"""The spike alert: far more comments in the last hour than usual for that hour and weekday.

"Usual" is the median of the arrivals in the same hour of the same weekday over the
previous `WEEKS` weeks (the hour ending at the same clock time, 7, 14, … days earlier).
Monday morning is compared with earlier Monday mornings, never with a Sunday night, so a
busy Monday is not a spike; the median lets one earlier spike leave the usual where it
was. The alert fires when the last hour holds at least `FACTOR` times the usual and at
least `FLOOR` comments (three comments instead of one is not a flood), once the database
holds `HISTORY` of comments to know what is usual; after one, none for `QUIET`.

>>> quiet = HourCount(40, earlier_weeks=(10, 12, 9, 11, 40, 10, 12, 11), enough_history=True)
>>> quiet.usual, quiet.threshold, quiet.is_spike
(11.0, 33.0, True)
>>> HourCount(19, earlier_weeks=(0, 1, 0, 0, 2, 0, 1, 0), enough_history=True).threshold
20.0
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlite_utils import Database

from lib.db import to_db_time
from lib.i18n import LANGUAGES, WEEKDAYS, format_clock, format_number, label, t
from lib.notify.log import latest
from lib.notify.outgoing import Outgoing, bilingual, bilingual_subject, lead_addresses
from lib.settings import Settings
from lib.times import local, utc

WEEKS = 8
FACTOR = 3.0
FLOOR = 20
HISTORY = pd.Timedelta(weeks=4)
QUIET = pd.Timedelta(hours=3)
HOUR = pd.Timedelta(hours=1)


@dataclass(frozen=True)
class HourCount:
    """The last hour's arrivals, the same hour's in the earlier weeks the database knows,
    and whether it knows enough of them to judge."""

    arrivals: int
    earlier_weeks: tuple[int, ...]
    enough_history: bool

    @property
    def usual(self) -> float:
        return float(np.median(self.earlier_weeks)) if self.earlier_weeks else 0.0

    @property
    def threshold(self) -> float:
        return max(float(FLOOR), FACTOR * self.usual)

    @property
    def is_spike(self) -> bool:
        return self.enough_history and self.arrivals >= self.threshold


def last_hour(db: Database, now) -> HourCount:
    """The last hour's arrivals against the same hour of the earlier weeks."""
    now = utc(now)
    counts = [_arrivals(db, now - pd.Timedelta(weeks=w)) for w in range(WEEKS + 1)]
    first = db.execute("SELECT min(received_at) FROM comments").fetchone()[0]
    # Weeks before the first comment say nothing of what is usual: they are left out.
    known = tuple(
        c
        for w, c in enumerate(counts[1:], 1)
        if first and utc(first) <= now - pd.Timedelta(weeks=w) - HOUR
    )
    enough = first is not None and utc(first) <= now - HISTORY
    return HourCount(counts[0], known, enough)


def _arrivals(db: Database, end: pd.Timestamp) -> int:
    return db.execute(
        "SELECT count(*) FROM comments WHERE received_at > ? AND received_at <= ?",
        [to_db_time(end - HOUR), to_db_time(end)],
    ).fetchone()[0]


def due_spike(db: Database, settings: Settings, now, base_url: str) -> list[Outgoing]:
    """The spike alert owed now, if any; after one was tried, the same one (so that a failed
    delivery is retried) until `QUIET` has passed."""
    now = utc(now)
    last = latest(db, "spike")
    recent = last is not None and last[1] > now - QUIET
    count = last_hour(db, now)
    if not recent and not count.is_spike:
        return []
    key = last[0] if recent else f"spike:{local(now):%Y-%m-%d %H:%M}"
    return [_message(db, count, now, key, base_url)]


def _message(db: Database, count: HourCount, now, key: str, base_url: str) -> Outgoing:
    by_account = db.execute(
        "SELECT platform, coalesce(account, ''), count(*) FROM comments "
        "WHERE received_at > ? AND received_at <= ? GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 5",
        [to_db_time(now - HOUR), to_db_time(now)],
    ).fetchall()
    link = f"{base_url}/file"
    lines = {}
    for lang in LANGUAGES:
        values = {
            "arrivals": format_number(count.arrivals, lang),
            "usual": format_number(count.usual, lang, decimals=1 if count.usual % 1 else 0),
            "weekday": WEEKDAYS[lang][local(now).weekday()],
            "hour": format_clock(local(now), lang),
        }
        lines[lang] = [
            t("alerts.spike.opening", lang, **values),
            *(
                t(
                    "alerts.spike.account",
                    lang,
                    platform=label("platform", platform, lang),
                    account=account or "—",
                    count=format_number(n, lang),
                )
                for platform, account, n in by_account
            ),
            t("alerts.link", lang, link=link),
        ]
    subject = bilingual_subject(
        "alerts.spike.subject", lambda lang: {"arrivals": format_number(count.arrivals, lang)}
    )
    return Outgoing(
        kind="spike",
        key=key,
        subject=subject,
        text=bilingual(lines),
        link=link,
        recipients=lead_addresses(db),
        webhooks=True,
    )
