"""A calendar's rules as given (weekly periods, dated changes, openings, named closures),
checked and made immutable: `PeriodError` for periods out of order or overlapping."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, time

from lib.business_time.instants import _as_date

EASTER_MONDAY = ("Lundi de Pâques", "Easter Monday")
CLOSURE = ("Fermeture", "Closure")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class PeriodError(ValueError):
    """Opening periods refused: `day` (a weekday 0-6, or a date for an exceptional
    opening), `periods` (the offending (open, close) pairs) and `problem` ("order": a
    period does not end after it starts; "overlap": two periods share time). `since` is
    the date of the schedule change holding them, None for the base week or an opening.

    >>> _as_week({0: [(time(8, 30), time(12)), (time(11), time(16, 30))]})
    Traceback (most recent call last):
    ...
    lib.business_time.rules.PeriodError: Monday: 08:30–12:00 overlaps 11:00–16:30
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
