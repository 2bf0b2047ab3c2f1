"""The team lead's settings: calendar, targets, labels, templates; each change recorded.

>>> from lib.db import open_db
>>> db = open_db(":memory:")
>>> load_settings(db).target_hours
8.0
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date, time

from sqlite_utils import Database

from lib.db import immediate, now_utc, to_db_time


@dataclass(frozen=True)
class Settings:
    open_time: str = "08:30"
    close_time: str = "16:30"
    weekdays: tuple[int, ...] = (0, 1, 2, 3, 4)
    include_easter_monday: bool = False
    closures: tuple[str, ...] = ()  # ISO dates
    target_hours: float = 8.0
    at_risk_hours: float = 2.0
    compliance_goal_pct: float = 90.0
    reason_labels: dict = field(default_factory=dict)  # code -> {"fr":..., "en":...}
    retired_reasons: tuple[str, ...] = ()
    templates: dict = field(default_factory=dict)  # code -> {"fr":..., "en":...}

    def calendar(self):
        """The `BusinessCalendar` these settings describe."""
        from lib.business_time import BusinessCalendar

        return BusinessCalendar(
            open_time=time.fromisoformat(self.open_time),
            close_time=time.fromisoformat(self.close_time),
            weekdays=tuple(self.weekdays),
            extra_closures=[date.fromisoformat(d) for d in self.closures],
            include_easter_monday=self.include_easter_monday,
        )


CALENDAR_KEYS = ("open_time", "close_time", "weekdays", "include_easter_monday", "closures")
_TUPLE_KEYS = {"weekdays", "closures", "retired_reasons"}


def load_settings(db: Database) -> Settings:
    """The stored settings over the defaults."""
    stored = {}
    if db["settings"].exists():
        stored = {row["key"]: json.loads(row["value"]) for row in db["settings"].rows}
    known = {f.name for f in fields(Settings)}
    values = {k: (tuple(v) if k in _TUPLE_KEYS else v) for k, v in stored.items() if k in known}
    return Settings(**values)


def save_settings(db: Database, actor: str, **changes) -> Settings:
    """Store changed settings and record each change (who, when, before, after)."""
    current = load_settings(db)
    updated = replace(current, **changes)
    before, after = asdict(current), asdict(updated)
    at = to_db_time(now_utc())
    with immediate(db):
        for key in changes:
            if before[key] == after[key]:
                continue
            value = json.dumps(after[key], ensure_ascii=False)
            db["settings"].upsert({"key": key, "value": value}, pk="key")
            db["settings_history"].insert(
                {
                    "at": at,
                    "actor": actor,
                    "key": key,
                    "old": json.dumps(before[key], ensure_ascii=False),
                    "new": value,
                }
            )
    return updated
