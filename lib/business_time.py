"""The business clock: office hours on Québec business days, measured and counted forward.

>>> cal = BusinessCalendar()
>>> friday_evening = pd.Timestamp("2026-06-19 21:05", tz="UTC")  # 17 h 05 in Québec
>>> cal.deadline(friday_evening, 8)  # Monday 16 h 30 (Fête nationale is a Wednesday)
Timestamp('2026-06-22 20:30:00+0000', tz='UTC')
>>> cal.elapsed(friday_evening, pd.Timestamp("2026-06-22 13:30", tz="UTC"))  # Monday 9 h 30
3600

How it works: every business day contributes one interval [open, close) whose ends are
computed in the calendar's time zone (so daylight-saving changes come from the zone's
rules, never from fixed offsets) and stored as UTC nanoseconds. A cumulative sum over
those intervals gives B(t), the business time since the table's start, for any instant
with one lookup; `elapsed` is B(end) - B(start) and `deadline` inverts B with a second
lookup. A million rows are a few numpy passes.

Missing values: NaT in gives NaT out (`deadline`, `next_open`), False (`is_open`), and for
`elapsed` NaN: like pandas, an integer result holding a missing value becomes float64
(a scalar NaT gives `nan`). Without NaT, `elapsed` returns int64 (a Python int for
scalars). Timestamps come back as UTC, `datetime64[ns, UTC]`.
"""

from __future__ import annotations

import functools
import math
import threading
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

import holidays as holidays_lib
import numpy as np
import pandas as pd
from dateutil.easter import easter

from lib.times import LOCAL_TZ, utc

DEFAULT_TZ = LOCAL_TZ
# The office hours DESIGN.md takes from the policies (Monday to Friday, 8:30 to 16:30):
# the calendar's defaults, and so the settings' and the presets' where a policy is silent.
OFFICE_OPENS = time(8, 30)
OFFICE_CLOSES = time(16, 30)
OFFICE_DAYS = (0, 1, 2, 3, 4)
# One business day of those hours, in hours (8.0): the policies' "un jour ouvrable".
ONE_BUSINESS_DAY_HOURS = (OFFICE_CLOSES.hour - OFFICE_OPENS.hour) + (
    OFFICE_CLOSES.minute - OFFICE_OPENS.minute
) / 60
NS = 1_000_000_000
EASTER_MONDAY = ("Lundi de Pâques", "Easter Monday")
CLOSURE = ("Fermeture", "Closure")
_NAT = np.iinfo(np.int64).min  # how numpy and pandas spell NaT in int64
_ARRAY_TYPES = (pd.Series, pd.Index, np.ndarray, list, tuple, pd.api.extensions.ExtensionArray)


class _Table:
    """Business intervals of a span of whole years, in UTC nanoseconds, with lookups.

    Finding the interval of an instant is a binary search, and a million random
    binary searches miss the cache at every step. Buckets of one hour (wall time)
    and one business hour (business time) turn each search into one lookup and one
    comparison: intervals open on different days and last at least `business_step`,
    so a bucket holds at most one boundary.
    """

    STEP = 3600 * NS

    def __init__(self, first_year, last_year, start_ns, end_ns, opens, lengths):
        self.first_year, self.last_year = first_year, last_year
        self.start_ns, self.end_ns = start_ns, end_ns  # local midnights around the years
        self.opens, self.lengths = opens, lengths
        self.cum_close = np.cumsum(lengths)  # business ns when each interval closes
        self.cum_open = self.cum_close - lengths  # business ns before each interval opens
        edges = np.arange(start_ns, end_ns + self.STEP, self.STEP, dtype=np.int64)
        self._last_open = np.searchsorted(opens, edges, side="right") - 1
        self._opens_after = np.append(opens, np.iinfo(np.int64).max)
        self.business_step = int(min(self.STEP, lengths.min())) if len(lengths) else self.STEP
        marks = np.arange(0, self.cum_close[-1] + 2 * self.business_step, self.business_step)
        self._first_close = np.searchsorted(self.cum_close, marks, side="left")
        self._closes_after = np.append(self.cum_close, np.iinfo(np.int64).max)

    def interval(self, t: np.ndarray) -> np.ndarray:
        """Index of the last interval opening at or before each instant (-1: none)."""
        bucket = np.clip((t - self.start_ns) // self.STEP, 0, len(self._last_open) - 1)
        j = self._last_open[bucket]
        return j + (self._opens_after[j + 1] <= t)

    def reaching(self, business: np.ndarray) -> np.ndarray:
        """Index of the first interval whose closing reaches each business time."""
        bucket = np.clip(business // self.business_step, 0, len(self._first_close) - 1)
        k = self._first_close[bucket]
        return k + (self._closes_after[k] < business)

    def measure(self, t: np.ndarray) -> np.ndarray:
        """B(t): business nanoseconds from the table's start to each instant."""
        # An instant before the first opening lands on interval 0 and clips to 0.
        j = np.maximum(self.interval(t), 0)
        return self.cum_open[j] + np.clip(t - self.opens[j], 0, self.lengths[j])

    def covers(self, lo: int, hi: int, extra_ns: int) -> bool:
        if not (self.start_ns <= lo and hi < self.end_ns):
            return False
        return not extra_ns or self.cum_close[-1] - self.measure(np.array([hi]))[0] >= extra_ns


class BusinessCalendar:
    """Office hours on business days in one time zone; see the module docstring."""

    def __init__(
        self,
        tz: str = DEFAULT_TZ,
        open_time: time = OFFICE_OPENS,
        close_time: time = OFFICE_CLOSES,
        weekdays: Iterable[int] = OFFICE_DAYS,
        extra_closures: Iterable[date | str] = (),
        include_easter_monday: bool = False,
    ):
        self.tz = str(tz)
        pd.Timestamp("2000-01-01", tz=self.tz)  # an unknown zone fails here, not mid-query
        self.open_time = open_time
        self.close_time = close_time
        if not open_time < close_time:
            raise ValueError("open_time must come before close_time on the same day")
        self.weekdays = tuple(sorted({int(d) for d in weekdays}))
        if not self.weekdays or not set(self.weekdays) <= set(range(7)):
            raise ValueError("weekdays must be a non-empty set of 0 (Monday) to 6 (Sunday)")
        self.extra_closures = tuple(sorted({_as_date(d) for d in extra_closures}))
        self.include_easter_monday = bool(include_easter_monday)
        self._lock = threading.Lock()
        self._table: _Table | None = None
        self._names: dict[int, dict[date, tuple[str, str]]] = {}

    # --- identity: calendars with the same rules are interchangeable (caching) ---

    def _key(self) -> tuple:
        return (
            self.tz,
            self.open_time,
            self.close_time,
            self.weekdays,
            self.extra_closures,
            self.include_easter_monday,
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, BusinessCalendar) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"BusinessCalendar(tz={self.tz!r}, open_time={self.open_time!r}, "
            f"close_time={self.close_time!r}, weekdays={self.weekdays!r}, "
            f"extra_closures={list(self.extra_closures)!r}, "
            f"include_easter_monday={self.include_easter_monday!r})"
        )

    def __getstate__(self) -> dict:
        # The lock cannot be pickled and the tables are cheap to rebuild.
        state = self.__dict__.copy()
        state.update(_lock=None, _table=None, _names={})
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    # --- the clock ---

    def elapsed(self, start, end):
        """Business seconds in [start, end), whole seconds rounded down; 0 when end <= start.

        >>> cal = BusinessCalendar()
        >>> cal.elapsed("2026-03-02 13:30", "2026-03-03 13:30")  # Monday 8 h 30 to Tuesday
        28800
        """
        (s, e), missing, shape = _instants(start, end)
        table = self._covering(s, e)
        business = np.maximum(table.measure(e) - table.measure(s), 0) // NS
        return _numbers_out(business, missing, shape)

    def deadline(self, start, hours):
        """The earliest instant t >= start with elapsed(start, t) == hours * 3600, in UTC.

        A target reached exactly at closing time is due at closing time.
        `hours` is a number or an array-like of numbers (not negative); `start` and
        `hours` broadcast together, so one start with many targets gives many deadlines.

        >>> friday_evening = pd.Timestamp("2026-03-06 22:05", tz="UTC")  # 17 h 05, EST
        >>> BusinessCalendar().deadline(friday_evening, 8)  # Monday 16 h 30, EDT
        Timestamp('2026-03-09 20:30:00+0000', tz='UTC')
        >>> BusinessCalendar().deadline(friday_evening, [1, 8]).strftime("%a %H:%M").tolist()
        ['Mon 13:30', 'Mon 20:30']
        """
        (s,), missing, shape = _instants(start)
        s, budget = np.broadcast_arrays(s, _hours_ns(hours))
        missing = np.broadcast_to(missing, s.shape) | (budget == _NAT)
        shape = _with_array_shape(shape, hours)
        s_ok = np.where(missing, s[~missing].min() if (~missing).any() else 0, s)
        budget = np.where(missing, 0, budget)
        table = self._covering(s_ok, extra_ns=int(budget.max(initial=0)))
        target = table.measure(s_ok) + budget
        k = table.reaching(target)
        due = table.opens[k] + (target - table.cum_open[k])
        # With a zero budget outside office hours the inverse lands on the previous
        # closing; the earliest instant not before start is start itself.
        due = np.maximum(due, s_ok)
        return _instants_out(due, missing, shape)

    def is_open(self, t):
        """Whether each instant falls inside office hours on a business day."""
        (u,), missing, shape = _instants(t)
        table = self._covering(u)
        j = table.interval(u)
        jj = np.maximum(j, 0)
        inside = (j >= 0) & (u < table.opens[jj] + table.lengths[jj]) & ~missing
        if shape[0] == "scalar":
            return bool(inside[0])
        return pd.Series(inside, index=shape[1]) if shape[0] == "series" else inside

    def next_open(self, t):
        """The instant the clock starts for something received at t: t itself when open."""
        (u,), missing, shape = _instants(t)
        u_ok = np.where(missing, u[~missing].min() if (~missing).any() else 0, u)
        # One more day of business time after the latest instant holds its next opening.
        table = self._covering(u_ok, extra_ns=2 * self._daily_ns())
        j = table.interval(u_ok)
        jj = np.maximum(j, 0)
        inside = (j >= 0) & (u_ok < table.opens[jj] + table.lengths[jj])
        start = np.where(inside, u_ok, table.opens[j + 1])
        return _instants_out(start, missing, shape)

    # --- days ---

    def closed_days(self, start_date, end_date) -> dict[date, tuple[str, str]]:
        """Holidays, Easter Monday when asked, and extra closures: date -> (French, English)."""
        first, last = _as_date(start_date), _as_date(end_date)
        days: dict[date, tuple[str, str]] = {}
        for year in range(first.year, last.year + 1):
            days.update(self._year_names(year))
        return {d: days[d] for d in sorted(days) if first <= d <= last}

    def holidays_between(self, start_date, end_date) -> list[tuple[date, str, str]]:
        """Each closed day in [start_date, end_date] as (date, name_fr, name_en), in order.

        >>> BusinessCalendar().holidays_between(date(2026, 6, 20), date(2026, 7, 1))[0]
        (datetime.date(2026, 6, 24), 'Fête nationale du Québec', 'Saint Jean Baptiste Day')
        """
        return [(d, fr, en) for d, (fr, en) in self.closed_days(start_date, end_date).items()]

    def is_business_day(self, day) -> bool:
        day = _as_date(day)
        return day.weekday() in self.weekdays and day not in self._year_names(day.year)

    def business_days(self, start_date, end_date) -> list[date]:
        """The business days in [start_date, end_date], in order."""
        days = pd.date_range(_as_date(start_date), _as_date(end_date), freq="D")
        closed = self.closed_days(start_date, end_date)
        keep = days.day_of_week.isin(self.weekdays) & ~days.isin(pd.DatetimeIndex(list(closed)))
        return [d.date() for d in days[keep]]

    # --- tables ---

    def _year_names(self, year: int) -> dict[date, tuple[str, str]]:
        names = self._names.get(year)
        if names is None:
            names = dict(_public_holidays(year))
            if self.include_easter_monday:
                names.setdefault(easter(year) + timedelta(days=1), EASTER_MONDAY)
            for day in self.extra_closures:
                if day.year == year:
                    names.setdefault(day, CLOSURE)
            self._names[year] = names
        return names

    def _covering(self, *instants: np.ndarray, extra_ns: int = 0) -> _Table:
        """A table holding every given instant and extra_ns of business time after the last."""
        lo, hi = _valid_range(instants)
        table = self._table
        if table is not None and table.covers(lo, hi, extra_ns):
            return table
        # A year of margin each side: local dates near New Year stay inside, and an
        # 8-hour deadline in late December finds its January opening.
        first = pd.Timestamp(lo, tz="UTC").year - 1
        last = pd.Timestamp(hi, tz="UTC").year + 1
        with self._lock:
            if self._table is not None:
                first = min(first, self._table.first_year)
                last = max(last, self._table.last_year)
            table = self._build(first, last)
            while not table.covers(lo, hi, extra_ns):
                last += max(1, self._years_for(extra_ns) // 2)
                table = self._build(first, last)
            self._table = table
        return table

    def _daily_ns(self) -> int:
        return (_seconds(self.close_time) - _seconds(self.open_time)) * NS

    def _years_for(self, business_ns: int) -> int:
        # Roughly how many years hold that much business time, holidays included.
        per_year = self._daily_ns() * len(self.weekdays) * 52 * 0.9
        return math.ceil(business_ns / per_year)

    def _build(self, first_year: int, last_year: int) -> _Table:
        days = pd.date_range(f"{first_year}-01-01", f"{last_year}-12-31", freq="D")
        closed = {d for year in range(first_year, last_year + 1) for d in self._year_names(year)}
        is_open = days.day_of_week.isin(self.weekdays) & ~days.isin(pd.DatetimeIndex(closed))
        open_days = days[is_open]
        opens = _local_to_utc_ns(open_days + _offset(self.open_time), self.tz)
        closes = _local_to_utc_ns(open_days + _offset(self.close_time), self.tz)
        lengths = closes - opens
        keep = lengths > 0  # a day whose hours vanish in a DST gap holds no business time
        opens, lengths = opens[keep], lengths[keep]
        edges = _local_to_utc_ns(
            pd.DatetimeIndex([f"{first_year}-01-01", f"{last_year + 1}-01-01"]), self.tz
        )
        return _Table(first_year, last_year, int(edges[0]), int(edges[1]), opens, lengths)


# --- conversions -----------------------------------------------------------


@functools.lru_cache(maxsize=256)
def _public_holidays(year: int) -> tuple[tuple[date, tuple[str, str]], ...]:
    """Québec public holidays of a year, observed days included: (date, (French, English))."""
    # Cached across calendars: every settings change builds a new calendar, and the
    # holidays package takes tens of milliseconds per year and language.
    fr = holidays_lib.country_holidays("CA", subdiv="QC", years=year, language="fr")
    en = holidays_lib.country_holidays("CA", subdiv="QC", years=year, language="en_CA")
    return tuple((day, (name, en.get(day, name))) for day, name in sorted(fr.items()))


def _as_date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return pd.Timestamp(value).date()


def _seconds(t: time) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second


def _valid_range(arrays) -> tuple[int, int]:
    """The earliest and latest instants, NaT aside (NaT is int64's minimum)."""
    lows, highs = [], []
    for a in arrays:
        if not a.size or a.max() == _NAT:
            continue
        low = a.min()
        lows.append(int(low if low != _NAT else a[a != _NAT].min()))
        highs.append(int(a.max()))
    return (min(lows), max(highs)) if lows else (0, 0)


def _offset(t: time) -> pd.Timedelta:
    return pd.Timedelta(seconds=_seconds(t))


def _local_to_utc_ns(wall: pd.DatetimeIndex, tz: str) -> np.ndarray:
    # A wall time skipped by a DST change moves forward to the first real instant;
    # a repeated one takes its first (daylight) occurrence.
    local = wall.tz_localize(
        tz, ambiguous=np.ones(len(wall), dtype=bool), nonexistent="shift_forward"
    )
    return local.tz_convert("UTC").as_unit("ns").asi8


def _instants(*values):
    """UTC nanoseconds for each argument (broadcast together), a NaT mask, and the shape.

    The shape is ("scalar", None), ("array", None) or ("series", index of the first Series).
    """
    shape = ("scalar", None)
    arrays = []
    for value in values:
        if isinstance(value, pd.Series):
            if shape[0] != "series":
                shape = ("series", value.index)
            arrays.append(_utc_ns(pd.to_datetime(value, utc=True)))
        elif isinstance(value, _ARRAY_TYPES):
            if shape[0] == "scalar":
                shape = ("array", None)
            arrays.append(_utc_ns(pd.to_datetime(value, utc=True)))
        else:
            ts = utc(value)
            arrays.append(np.array([_NAT if ts is pd.NaT else ts.as_unit("ns").value]))
    arrays = np.broadcast_arrays(*arrays)
    missing = np.zeros(arrays[0].shape, dtype=bool)
    for a in arrays:
        missing |= a == _NAT
    return arrays, missing, shape


def _utc_ns(values) -> np.ndarray:
    return pd.DatetimeIndex(values).as_unit("ns").asi8


def _hours_ns(hours) -> np.ndarray:
    """Nanoseconds for a number (0-d) or an array-like of hours; NaN becomes NaT."""
    h = np.asarray(hours.to_numpy() if isinstance(hours, pd.Series) else hours, dtype=float)
    if (h < 0).any():
        raise ValueError("a deadline needs a number of hours that is not negative")
    ns = np.where(np.isnan(h), 0, np.rint(h * 3600 * NS)).astype(np.int64)
    return np.where(np.isnan(h), _NAT, ns)


def _with_array_shape(shape, hours):
    """The output shape once `hours` joins the instants: an array-like makes it an array."""
    if shape[0] == "series" or not isinstance(hours, _ARRAY_TYPES):
        return shape
    if isinstance(hours, pd.Series):
        return ("series", hours.index)
    return ("array", None)


def _numbers_out(values: np.ndarray, missing: np.ndarray, shape):
    kind, index = shape
    if kind == "scalar":
        return float("nan") if missing[0] else int(values[0])
    out = np.where(missing, np.nan, values) if missing.any() else values.astype(np.int64)
    return pd.Series(out, index=index) if kind == "series" else out


def _instants_out(ns: np.ndarray, missing: np.ndarray, shape):
    kind, index = shape
    ns = np.where(missing, _NAT, ns)
    stamps = pd.DatetimeIndex(ns.view("datetime64[ns]")).tz_localize("UTC")
    if kind == "scalar":
        return stamps[0]
    return pd.Series(stamps, index=index) if kind == "series" else stamps
