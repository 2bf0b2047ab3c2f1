"""Instants: Québec's time zone, UTC normalisation, local days and their bounds, the present.

Vigie stores and computes instants in UTC and shows them in Québec local time.
Inside the library a timestamp without an offset means UTC (DESIGN.md, the
business clock); a time typed by a person on the command line without an
offset means Québec local time (`typed_instant`).

>>> utc("2026-06-24 12:00")
Timestamp('2026-06-24 12:00:00+0000', tz='UTC')
>>> local_today("2026-06-24 03:30")   # 23 h 30 the evening before, in Québec
datetime.date(2026, 6, 23)
>>> [str(t) for t in local_bounds(date(2026, 3, 8), date(2026, 3, 8))]  # a 23-hour day
['2026-03-08 05:00:00+00:00', '2026-03-09 04:00:00+00:00']
>>> typed_instant("2026-11-20 15:00")
Timestamp('2026-11-20 20:00:00+0000', tz='UTC')
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

LOCAL_TZ = "America/Toronto"


def utc(value) -> pd.Timestamp:
    """One instant as an aware UTC timestamp; without an offset it is read as UTC."""
    ts = pd.Timestamp(value)
    if ts is pd.NaT:
        return ts
    return ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")


def local(value, tz: str = LOCAL_TZ) -> pd.Timestamp:
    """One instant in Québec local time (without an offset it is read as UTC)."""
    return utc(value).tz_convert(tz)


def now_utc() -> pd.Timestamp:
    """The present, to the second (stored instants are whole seconds)."""
    return pd.Timestamp.now(tz="UTC").floor("s")


def local_today(now=None, tz: str = LOCAL_TZ) -> date:
    """Québec's date at `now` (default the present), not the server's."""
    return local(now_utc() if now is None else now, tz).date()


def local_midnight(day: date, tz: str = LOCAL_TZ) -> pd.Timestamp:
    """The instant (UTC) a local date starts; DST comes from the zone, not an offset."""
    return pd.Timestamp(day).tz_localize(tz).tz_convert("UTC")


def local_bounds(start: date, end: date, tz: str = LOCAL_TZ) -> tuple[pd.Timestamp, pd.Timestamp]:
    """[start of `start`, start of the day after `end`) as UTC instants."""
    return local_midnight(start, tz), local_midnight(end + timedelta(days=1), tz)


def typed_instant(text: str, tz: str = LOCAL_TZ) -> pd.Timestamp:
    """An instant a person typed (ISO 8601): local time unless it carries an offset.

    Raises ValueError for text that is not an instant.
    """
    ts = pd.Timestamp(text)
    if ts is pd.NaT:
        raise ValueError(f"not an instant: {text!r}")
    return (ts.tz_localize(tz) if ts.tzinfo is None else ts).tz_convert("UTC")
