"""The days the lead pages cover: date-range presets, the previous business day, the present hour.

>>> preset_range("last_month", date(2026, 3, 15))
(datetime.date(2026, 2, 1), datetime.date(2026, 2, 28))
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from lib.business_time import BusinessCalendar
from lib.times import LOCAL_TZ, local_midnight, utc

PRESETS = ("7d", "30d", "month", "last_month", "quarter")


def preset_range(preset: str, today: date) -> tuple[date, date]:
    """A preset's local dates, both ends included: 7 days, 30 days, this or last month, quarter.

    >>> preset_range("7d", date(2026, 11, 4))
    (datetime.date(2026, 10, 29), datetime.date(2026, 11, 4))
    >>> preset_range("quarter", date(2026, 11, 4))
    (datetime.date(2026, 10, 1), datetime.date(2026, 11, 4))
    """
    if preset == "7d":
        return today - timedelta(days=6), today
    if preset == "30d":
        return today - timedelta(days=29), today
    if preset == "month":
        return today.replace(day=1), today
    if preset == "last_month":
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    if preset == "quarter":
        return date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), today
    raise ValueError(f"unknown preset {preset!r}; expected one of {PRESETS}")


def previous_business_day(cal: BusinessCalendar, day: date) -> date:
    """The last business day before `day` (holidays and weekends skipped)."""
    days = cal.business_days(day - timedelta(days=31), day - timedelta(days=1))
    return days[-1] if days else day - timedelta(days=1)


def as_of(day: date, now, tz: str = LOCAL_TZ) -> pd.Timestamp:
    """The instant a day's "now" figures are read at: now for today, else the day's end."""
    return min(utc(now), local_midnight(day + timedelta(days=1), tz))


def present_hour(day: date, now, tz: str = LOCAL_TZ) -> float | None:
    """The local hour of `now` (to the minute) when `day` is today, for the chart's marker."""
    local = utc(now).tz_convert(tz)
    return local.hour + local.minute / 60 if local.date() == day else None
