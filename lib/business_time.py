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

import functools
import math
import threading
from collections.abc import Iterable, Mapping
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
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NAT = np.iinfo(np.int64).min  # how numpy and pandas spell NaT in int64
_NEVER = np.iinfo(np.int64).max
_HOUR_NS = 3600 * NS
_ARRAY_TYPES = (pd.Series, pd.Index, np.ndarray, list, tuple, pd.api.extensions.ExtensionArray)


class PeriodError(ValueError):
    """Opening periods refused: `day` (a weekday 0-6, or a date for an exceptional
    opening), `periods` (the offending (open, close) pairs) and `problem` ("order": a
    period does not end after it starts; "overlap": two periods share time). `since` is
    the date of the schedule change holding them, None for the base week or an opening.

    >>> BusinessCalendar(weekly={0: [(time(8, 30), time(12)), (time(11), time(16, 30))]})
    Traceback (most recent call last):
    ...
    lib.business_time.PeriodError: Monday: 08:30–12:00 overlaps 11:00–16:30
    """

    def __init__(self, day, periods, problem: str, since: date | None = None):
        self.day, self.periods, self.problem, self.since = day, tuple(periods), problem, since
        where = WEEKDAY_NAMES[day] if isinstance(day, int) else day.isoformat()
        if since is not None:
            where += f" (schedule from {since.isoformat()})"
        spans = [f"{_hhmm(a)}–{_hhmm(b)}" for a, b in self.periods]
        if problem == "overlap":
            words = f"{spans[0]} overlaps {spans[1]}"
        else:
            words = f"{spans[0]} does not end after it starts"
        super().__init__(f"{where}: {words}")

    def __reduce__(self):
        return (PeriodError, (self.day, self.periods, self.problem, self.since))


class _Table:
    """Business intervals of a span of whole years, in UTC nanoseconds, with lookups.

    Finding the interval of an instant is a binary search, and a million random
    binary searches miss the cache at every step. Buckets of wall time and of business
    time turn each search into one lookup and a few comparisons: a wall bucket is no
    wider than the shortest distance between two openings, a business bucket no wider
    than the shortest interval, so each holds one boundary (`_steps` counts the most
    any bucket holds; a search past a few steps falls back to binary search).
    """

    MAX_BUCKETS = 1 << 21  # 16 MiB of int64 per lookup at most
    MAX_STEPS = 4

    def __init__(self, first_year, last_year, start_ns, end_ns, opens, lengths):
        self.first_year, self.last_year = first_year, last_year
        self.start_ns, self.end_ns = start_ns, end_ns  # local midnights around the years
        self.opens, self.lengths = opens, lengths
        self.cum_close = np.cumsum(lengths)  # business ns when each interval closes
        self.cum_open = self.cum_close - lengths  # business ns before each interval opens
        self.total = int(self.cum_close[-1]) if len(lengths) else 0
        self.opens_after = np.append(opens, _NEVER)
        self._closes_after = np.append(self.cum_close, _NEVER)
        spacing = int(np.diff(opens).min()) if len(opens) > 1 else _HOUR_NS
        self.wall_step = _bucket_step(spacing, end_ns - start_ns)
        edges = np.arange(start_ns, end_ns + self.wall_step, self.wall_step, dtype=np.int64)
        self._last_open = np.searchsorted(opens, edges, side="right") - 1
        self._wall_steps = _steps(self._last_open)
        shortest = int(lengths.min()) if len(lengths) else _HOUR_NS
        self.business_step = _bucket_step(shortest, self.total)
        marks = np.arange(0, self.total + 2 * self.business_step, self.business_step)
        self._first_close = np.searchsorted(self.cum_close, marks, side="left")
        self._business_steps = _steps(self._first_close)

    def interval(self, t: np.ndarray) -> np.ndarray:
        """Index of the last interval opening at or before each instant (-1: none)."""
        if self._wall_steps is None:
            return np.searchsorted(self.opens, t, side="right") - 1
        bucket = np.clip((t - self.start_ns) // self.wall_step, 0, len(self._last_open) - 1)
        j = self._last_open[bucket]
        for _ in range(self._wall_steps):
            j = j + (self.opens_after[j + 1] <= t)
        return j

    def reaching(self, business: np.ndarray) -> np.ndarray:
        """Index of the first interval whose closing reaches each business time."""
        if self._business_steps is None:
            return np.searchsorted(self.cum_close, business, side="left")
        bucket = np.clip(business // self.business_step, 0, len(self._first_close) - 1)
        k = self._first_close[bucket]
        for _ in range(self._business_steps):
            k = k + (self._closes_after[k] < business)
        return k

    def measure(self, t: np.ndarray) -> np.ndarray:
        """B(t): business nanoseconds from the table's start to each instant."""
        # An instant before the first opening lands on interval 0 and clips to 0.
        j = np.maximum(self.interval(t), 0)
        return self.cum_open[j] + np.clip(t - self.opens[j], 0, self.lengths[j])

    def inside(self, t: np.ndarray) -> np.ndarray:
        j = self.interval(t)
        jj = np.maximum(j, 0)
        return (j >= 0) & (t < self.opens[jj] + self.lengths[jj])

    def covers(self, lo: int, hi: int, extra_ns: int) -> bool:
        if not self.total or not (self.start_ns <= lo and hi < self.end_ns):
            return False
        return not extra_ns or self.total - self.measure(np.array([hi]))[0] >= extra_ns


def _bucket_step(widest_ns: int, span_ns: int) -> int:
    """A bucket width: at most an hour and `widest_ns`, wide enough to bound the buckets."""
    return max(min(_HOUR_NS, widest_ns), -(-span_ns // _Table.MAX_BUCKETS), 1)


def _steps(first_index: np.ndarray) -> int | None:
    """Steps a search needs past its bucket's first index; None when too many."""
    most = int(np.diff(first_index).max(initial=1))
    return max(most, 1) if most <= _Table.MAX_STEPS else None


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


# --- rules ------------------------------------------------------------------


def _shorthand_week(open_time, close_time, weekdays) -> tuple:
    """One period on each given weekday, as the original three arguments said."""
    if not open_time < close_time:
        raise ValueError("open_time must come before close_time on the same day")
    days = {int(d) for d in weekdays}
    if not days or not days <= set(range(7)):
        raise ValueError("weekdays must be a non-empty set of 0 (Monday) to 6 (Sunday)")
    return tuple(((open_time, close_time),) if d in days else () for d in range(7))


def _as_week(weekly: Mapping, since: date | None = None) -> tuple:
    """{weekday: periods} as 7 tuples of checked periods, Monday first."""
    week: list[tuple] = [()] * 7
    for day, periods in weekly.items():
        if isinstance(day, bool) or int(day) not in range(7) or int(day) != day:
            raise ValueError(f"weekly schedules are keyed by weekday, 0 to 6, not {day!r}")
        week[int(day)] = _as_periods(periods or (), int(day), since)
    return tuple(week)


def _as_periods(periods, day, since: date | None = None) -> tuple[tuple[time, time], ...]:
    """Periods in order of opening, each ending after it starts, none overlapping."""
    checked = []
    for pair in periods:
        opens, closes = (_as_time(t) for t in pair)
        if not opens < closes:
            raise PeriodError(day, [(opens, closes)], "order", since)
        checked.append((opens, closes))
    checked.sort()
    for before, after in zip(checked, checked[1:], strict=False):
        if after[0] < before[1]:
            raise PeriodError(day, [before, after], "overlap", since)
    return tuple(checked)


def _as_changes(changes: Iterable[tuple]) -> tuple:
    out = []
    for change in changes:
        day, weekly, *rest = change
        day = _as_date(day)
        out.append((day, _as_week(weekly, since=day), _as_name(rest[0]) if rest else None))
    out.sort(key=lambda change: change[0])
    days = [day for day, _, _ in out]
    if len(set(days)) != len(days):
        raise ValueError("two schedule changes start on the same day")
    return tuple(out)


def _as_openings(openings: Mapping) -> tuple:
    out = {}
    for day, periods in openings.items():
        day = _as_date(day)
        if not periods:
            raise ValueError(f"an exceptional opening needs periods ({day}: use extra_closures)")
        out[day] = _as_periods(periods, day)
    return tuple(sorted(out.items()))


def _as_closures(closures) -> dict[date, tuple[str, str]]:
    if isinstance(closures, Mapping):
        named = {_as_date(day): _as_name(name) or CLOSURE for day, name in closures.items()}
    else:
        named = {_as_date(day): CLOSURE for day in closures}
    return dict(sorted(named.items()))


def _as_name(name) -> tuple[str, str] | None:
    """A name as (French, English): a single string serves both."""
    if name is None:
        return None
    if isinstance(name, str):
        return (name, name)
    fr, en = name
    return (str(fr), str(en))


def _as_time(value) -> time:
    return time.fromisoformat(value) if isinstance(value, str) else value


def _week_repr(week: tuple) -> str:
    return repr({day: list(periods) for day, periods in enumerate(week) if periods})


def _hhmm(t: time) -> str:
    return f"{t:%H:%M:%S}" if t.second or t.microsecond else f"{t:%H:%M}"


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


def _time_ns(t: time) -> int:
    return ((t.hour * 60 + t.minute) * 60 + t.second) * NS + t.microsecond * 1000


def _day_ns(day: date) -> int:
    """A date's local midnight as naive nanoseconds, as `DatetimeIndex.asi8` gives it."""
    return (day - date(1970, 1, 1)).days * 86400 * NS


def _wall(ns: np.ndarray) -> pd.DatetimeIndex:
    return pd.DatetimeIndex(ns.view("datetime64[ns]"))


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
