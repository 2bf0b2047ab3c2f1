"""A clock that never stops, for service levels kept 24/7."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from lib.business_time.instants import (
    _NAT,
    DEFAULT_TZ,
    NS,
    _as_date,
    _hours_ns,
    _instants,
    _instants_out,
    _numbers_out,
    _with_array_shape,
)


class AroundTheClock:
    """A clock that never stops (service levels kept 24/7), with BusinessCalendar's API.

    Every instant is open and every day a business day; `periods_on` gives () since no
    period ends (the day is one stretch), and no day is closed.

    >>> clock = AroundTheClock()
    >>> clock.deadline(pd.Timestamp("2026-03-07 22:00", tz="UTC"), 24)  # across the DST change
    Timestamp('2026-03-08 22:00:00+0000', tz='UTC')
    >>> clock.elapsed("2026-03-07 22:00", "2026-03-08 22:00")
    86400
    """

    weekdays = (0, 1, 2, 3, 4, 5, 6)
    extra_closures = ()
    include_easter_monday = False

    def __init__(self, tz: str = DEFAULT_TZ):
        self.tz = str(tz)
        pd.Timestamp("2000-01-01", tz=self.tz)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AroundTheClock) and self.tz == other.tz

    def __hash__(self) -> int:
        return hash(("AroundTheClock", self.tz))

    def __repr__(self) -> str:
        return f"AroundTheClock(tz={self.tz!r})"

    def elapsed(self, start, end):
        """Wall seconds in [start, end), rounded down; 0 when end <= start."""
        (s, e), missing, shape = _instants(start, end)
        spent = np.where(missing, 0, np.maximum(e - s, 0)) // NS
        return _numbers_out(spent, missing, shape)

    def deadline(self, start, hours):
        """start + hours of real time, in UTC (broadcast as BusinessCalendar.deadline)."""
        (s,), missing, shape = _instants(start)
        s, budget = np.broadcast_arrays(s, _hours_ns(hours))
        missing = np.broadcast_to(missing, s.shape) | (budget == _NAT)
        due = np.where(missing, 0, s) + np.where(missing, 0, budget)
        return _instants_out(due, missing, _with_array_shape(shape, hours))

    def is_open(self, t):
        (u,), missing, shape = _instants(t)
        if shape[0] == "scalar":
            return not missing[0]
        return pd.Series(~missing, index=shape[1]) if shape[0] == "series" else ~missing

    def next_open(self, t):
        (u,), missing, shape = _instants(t)
        return _instants_out(u, missing, shape)

    def periods_on(self, day) -> tuple:
        return ()

    def schedule_name(self, day) -> None:
        return None

    def is_exceptional_opening(self, day) -> bool:
        return False

    def closed_days(self, start_date, end_date) -> dict:
        return {}

    def holidays_between(self, start_date, end_date) -> list:
        return []

    def is_business_day(self, day) -> bool:
        return True

    def business_days(self, start_date, end_date) -> list[date]:
        days = pd.date_range(_as_date(start_date), _as_date(end_date), freq="D")
        return [d.date() for d in days]
