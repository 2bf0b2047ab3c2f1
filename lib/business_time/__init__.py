"""The business clock: opening periods on Québec business days, measured and counted forward.

>>> cal = BusinessCalendar()
>>> friday_evening = pd.Timestamp("2026-06-19 21:05", tz="UTC")  # 17 h 05 in Québec
>>> cal.deadline(friday_evening, 8)  # Monday 16 h 30 (Fête nationale is a Wednesday)
Timestamp('2026-06-22 20:30:00+0000', tz='UTC')
>>> cal.elapsed(friday_evening, pd.Timestamp("2026-06-22 13:30", tz="UTC"))  # Monday 9 h 30
3600
>>> day = [(time(8, 30), time(12)), (time(13), time(16, 30))]  # closed for lunch
>>> lunch = BusinessCalendar(weekly={weekday: day for weekday in range(5)})
>>> monday = pd.Timestamp("2026-03-09 08:30", tz=DEFAULT_TZ)
>>> lunch.deadline(monday, [3.5, 4]).tz_convert(DEFAULT_TZ).strftime("%H:%M").tolist()
['12:00', '13:30']

How it works: each local day takes its opening periods from the rules (the weekly
schedule in force that day; none on a holiday or a closure; an exceptional opening's
own periods), their ends are computed in the calendar's time zone (so daylight-saving
changes come from the zone's rules, never from fixed offsets) and stored as UTC
nanoseconds, periods that touch merged into one interval. A cumulative sum over those
intervals gives B(t), the business time since the table's start, for any instant with
one lookup; `elapsed` is B(end) - B(start) and `deadline` inverts B with a second
lookup. Both lookups go through buckets (of wall time, of business time) no wider than
the shortest gap between two openings or the shortest interval, so that a bucket holds
one boundary and a search is one step. A million rows are a few numpy passes.

Missing values: NaT in gives NaT out (`deadline`, `next_open`), False (`is_open`), and for
`elapsed` NaN: like pandas, an integer result holding a missing value becomes float64
(a scalar NaT gives `nan`). Without NaT, `elapsed` returns int64 (a Python int for
scalars). Timestamps come back as UTC, `datetime64[ns, UTC]`.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable, Mapping
from datetime import date, time, timedelta

import numpy as np
import pandas as pd
from dateutil.easter import easter

from lib.business_time.around import AroundTheClock
from lib.business_time.instants import (
    _NAT,
    DEFAULT_TZ,
    NS,
    _as_date,
    _day_ns,
    _hours_ns,
    _instants,
    _instants_out,
    _local_to_utc_ns,
    _numbers_out,
    _public_holidays,
    _time_ns,
    _valid_range,
    _wall,
    _with_array_shape,
)
from lib.business_time.rules import (
    CLOSURE,
    EASTER_MONDAY,
    PeriodError,
    _as_changes,
    _as_closures,
    _as_openings,
    _as_week,
    _shorthand_week,
    _week_repr,
)
from lib.business_time.table import _Table

__all__ = ["CLOSURE", "DEFAULT_TZ", "EASTER_MONDAY", "NS", "AroundTheClock", "PeriodError"]

# The office hours DESIGN.md takes from the policies (Monday to Friday, 8:30 to 16:30):
# the calendar's defaults, and so the settings' and the presets' where a policy is silent.
OFFICE_OPENS = time(8, 30)
OFFICE_CLOSES = time(16, 30)
OFFICE_DAYS = (0, 1, 2, 3, 4)
# One business day of those hours, in hours (8.0): the policies' "un jour ouvrable".
ONE_BUSINESS_DAY_HOURS = (OFFICE_CLOSES.hour - OFFICE_OPENS.hour) + (
    OFFICE_CLOSES.minute - OFFICE_OPENS.minute
) / 60


class BusinessCalendar:
    """Opening periods on business days in one time zone; see the module docstring.

    `open_time`, `close_time` and `weekdays` are a shorthand for one period on those
    weekdays; `weekly` ({weekday: [(open, close), ...]}) replaces it with any periods.
    `changes` are weekly schedules in force from a local date on, `extra_openings`
    a day's own periods (open even on a holiday or a closure), `extra_closures` dates
    (or {date: name}) closed all day.
    """

    def __init__(
        self,
        tz: str = DEFAULT_TZ,
        open_time: time = OFFICE_OPENS,
        close_time: time = OFFICE_CLOSES,
        weekdays: Iterable[int] = OFFICE_DAYS,
        extra_closures: Iterable[date | str] | Mapping = (),
        include_easter_monday: bool = False,
        weekly: Mapping | None = None,
        changes: Iterable[tuple] = (),
        extra_openings: Mapping | None = None,
    ):
        self.tz = str(tz)
        pd.Timestamp("2000-01-01", tz=self.tz)  # an unknown zone fails here, not mid-query
        if weekly is None:
            base = _shorthand_week(open_time, close_time, weekdays)
        elif (open_time, close_time, tuple(weekdays)) != (OFFICE_OPENS, OFFICE_CLOSES, OFFICE_DAYS):
            raise ValueError("give either weekly or open_time/close_time/weekdays, not both")
        else:
            base = _as_week(weekly)
        if not any(base):
            raise ValueError("the weekly schedule needs at least one opening period")
        self.weekly = base  # the base schedule: 7 tuples of periods, Monday first
        self.changes = _as_changes(changes)  # (date, week, (fr, en) or None), in order
        if not any(self.changes[-1][1] if self.changes else base):
            raise ValueError("the last schedule change needs at least one opening period")
        self.extra_openings = _as_openings(extra_openings or {})  # (date, periods), in order
        closures = _as_closures(extra_closures)
        self.extra_closures = tuple(closures)
        self.closure_names = tuple(closures.items())  # (date, (fr, en)), in order
        self.include_easter_monday = bool(include_easter_monday)
        self.weekdays = tuple(day for day in range(7) if base[day])
        self.open_time = min(periods[0][0] for periods in base if periods)
        self.close_time = max(periods[-1][1] for periods in base if periods)
        self._prepare()

    def _prepare(self) -> None:
        """Lookups derived from the rules, and the lazily built tables."""
        self._openings = dict(self.extra_openings)
        self._closure_names = dict(self.closure_names)
        self._change_days = np.array([_day_ns(day) for day, _, _ in self.changes], dtype=np.int64)
        self._opening_days = np.array(
            [_day_ns(day) for day, _ in self.extra_openings], dtype=np.int64
        )
        # Every day's periods are one of these patterns: 7 weekdays per schedule (the
        # base, then each change), then one per exceptional opening.
        weeks = [self.weekly] + [week for _, week, _ in self.changes]
        patterns = [periods for week in weeks for periods in week]
        patterns += [periods for _, periods in self.extra_openings]
        self._pattern_counts = np.array([len(p) for p in patterns] + [0], dtype=np.int64)
        self._pattern_first = np.cumsum(self._pattern_counts) - self._pattern_counts
        flat = [period for periods in patterns for period in periods]
        self._period_opens = np.array([_time_ns(a) for a, _ in flat], dtype=np.int64)
        self._period_closes = np.array([_time_ns(b) for _, b in flat], dtype=np.int64)
        self._lock = threading.Lock()
        self._table: _Table | None = None
        self._names: dict[int, dict[date, tuple[str, str]]] = {}

    # --- identity: calendars with the same rules are interchangeable (caching) ---

    def _key(self) -> tuple:
        return (
            self.tz,
            self.weekly,
            self.changes,
            self.extra_openings,
            self.closure_names,
            self.include_easter_monday,
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, BusinessCalendar) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        single = {periods for periods in self.weekly if periods}
        if len(single) == 1 and len(next(iter(single))) == 1:
            hours = (
                f"open_time={self.open_time!r}, close_time={self.close_time!r}, "
                f"weekdays={self.weekdays!r}"
            )
        else:
            hours = f"weekly={_week_repr(self.weekly)}"
        named = any(name != CLOSURE for _, name in self.closure_names)
        closures = dict(self.closure_names) if named else list(self.extra_closures)
        text = (
            f"BusinessCalendar(tz={self.tz!r}, {hours}, extra_closures={closures!r}, "
            f"include_easter_monday={self.include_easter_monday!r}"
        )
        if self.changes:
            changes = [(day, _week_repr(week), name) for day, week, name in self.changes]
            text += ", changes=[" + ", ".join(f"({d!r}, {w}, {n!r})" for d, w, n in changes) + "]"
        if self.extra_openings:
            text += f", extra_openings={dict(self.extra_openings)!r}"
        return text + ")"

    def __getstate__(self) -> dict:
        # Only the rules: the lock cannot be pickled and the rest is cheap to derive.
        keep = ("tz", "weekly", "changes", "extra_openings", "extra_closures", "closure_names")
        keep += ("include_easter_monday", "weekdays", "open_time", "close_time")
        return {name: self.__dict__[name] for name in keep}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._prepare()

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

        A target reached exactly at the end of a period is due at that end (noon before
        a lunch closure, 16:30 at the end of the day), not at the next opening.
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
        """Whether each instant falls inside an opening period of a business day."""
        (u,), missing, shape = _instants(t)
        inside = self._covering(u).inside(u) & ~missing
        if shape[0] == "scalar":
            return bool(inside[0])
        return pd.Series(inside, index=shape[1]) if shape[0] == "series" else inside

    def next_open(self, t):
        """The instant the clock starts for something received at t: t itself when open."""
        (u,), missing, shape = _instants(t)
        u_ok = np.where(missing, u[~missing].min() if (~missing).any() else 0, u)
        # Some business time after the latest instant: an interval opens after each one.
        table = self._covering(u_ok, extra_ns=1)
        j = table.interval(u_ok)
        start = np.where(table.inside(u_ok), u_ok, table.opens_after[j + 1])
        return _instants_out(start, missing, shape)

    # --- days ---

    def periods_on(self, day) -> tuple[tuple[time, time], ...]:
        """The local opening periods of a day: () when closed (weekend, holiday, closure).

        >>> BusinessCalendar().periods_on(date(2026, 6, 24))  # Fête nationale
        ()
        >>> BusinessCalendar(extra_openings={"2026-06-24": [(time(9), time(12))]}).periods_on(
        ...     "2026-06-24")
        ((datetime.time(9, 0), datetime.time(12, 0)),)
        """
        day = _as_date(day)
        if day in self._openings:
            return self._openings[day]
        if day in self._year_names(day.year):
            return ()
        return self._week_on(day)[day.weekday()]

    def schedule_name(self, day) -> tuple[str, str] | None:
        """The (French, English) name of the schedule change in force that day, if named."""
        change = self._change_on(_as_date(day))
        return None if change is None else change[2]

    def is_exceptional_opening(self, day) -> bool:
        return _as_date(day) in self._openings

    def closed_days(self, start_date, end_date) -> dict[date, tuple[str, str]]:
        """Holidays, Easter Monday when asked, and extra closures: date -> (French, English).

        Whatever the weekday, and even on a day an exceptional opening opens.
        """
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
        """Whether the day has at least one opening period."""
        return bool(self.periods_on(day))

    def business_days(self, start_date, end_date) -> list[date]:
        """The days with at least one opening period in [start_date, end_date], in order."""
        days = pd.date_range(_as_date(start_date), _as_date(end_date), freq="D").as_unit("ns")
        counts = self._pattern_counts[self._patterns_of(days)]
        return [d.date() for d in days[counts > 0]]

    # --- rules by day ---

    def _change_on(self, day: date):
        i = int(np.searchsorted(self._change_days, _day_ns(day), side="right"))
        return self.changes[i - 1] if i else None

    def _week_on(self, day: date) -> tuple:
        change = self._change_on(day)
        return self.weekly if change is None else change[1]

    def _year_names(self, year: int) -> dict[date, tuple[str, str]]:
        names = self._names.get(year)
        if names is None:
            names = dict(_public_holidays(year))
            if self.include_easter_monday:
                names.setdefault(easter(year) + timedelta(days=1), EASTER_MONDAY)
            for day, name in self.closure_names:
                if day.year == year:
                    names.setdefault(day, name)
            self._names[year] = names
        return names

    def _patterns_of(self, days: pd.DatetimeIndex) -> np.ndarray:
        """Each day's pattern (see `_prepare`); the last, empty one when it is closed."""
        stamps = days.asi8
        schedule = np.searchsorted(self._change_days, stamps, side="right")
        pattern = schedule * 7 + days.day_of_week.to_numpy()
        closed = {d for year in set(days.year.tolist()) for d in self._year_names(year)}
        pattern[days.isin(pd.DatetimeIndex(sorted(closed)))] = len(self._pattern_counts) - 1
        if len(self._opening_days):
            at = np.searchsorted(self._opening_days, stamps)
            found = at < len(self._opening_days)
            found[found] = self._opening_days[at[found]] == stamps[found]
            pattern[found] = 7 * (len(self.changes) + 1) + at[found]
        return pattern

    # --- tables ---

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

    def _years_for(self, business_ns: int) -> int:
        # Roughly how many years hold that much business time, holidays included, at
        # the hours of the last schedule (the one in force from then on).
        week = self.changes[-1][1] if self.changes else self.weekly
        weekly_ns = sum(_time_ns(b) - _time_ns(a) for periods in week for a, b in periods)
        return math.ceil(business_ns / (weekly_ns * 52 * 0.9))

    def _build(self, first_year: int, last_year: int) -> _Table:
        days = pd.date_range(f"{first_year}-01-01", f"{last_year}-12-31", freq="D")
        days = days.as_unit("ns")
        pattern = self._patterns_of(days)
        per_day = self._pattern_counts[pattern]
        day = np.repeat(np.arange(len(days)), per_day)  # the day of each period
        nth = np.arange(len(day)) - (np.cumsum(per_day) - per_day)[day]
        period = self._pattern_first[pattern[day]] + nth
        midnight = days.asi8[day]
        opens = _local_to_utc_ns(_wall(midnight + self._period_opens[period]), self.tz)
        closes = _local_to_utc_ns(_wall(midnight + self._period_closes[period]), self.tz)
        keep = closes > opens  # a period that vanishes in a DST gap holds no business time
        opens, closes = opens[keep], closes[keep]
        # Periods that touch (12:00 to 12:00, or across a DST gap) are one stretch.
        joined = np.append(False, opens[1:] == closes[:-1])
        ends = np.append(~joined[1:], True)
        opens, closes = opens[~joined], closes[ends]
        edges = _local_to_utc_ns(
            pd.DatetimeIndex([f"{first_year}-01-01", f"{last_year + 1}-01-01"]), self.tz
        )
        return _Table(first_year, last_year, int(edges[0]), int(edges[1]), opens, closes - opens)
