"""The calendar as the settings hold it: stored forms, the calendar they describe, the
checks of what a lead sets, and ready patterns (the holiday season, summer hours).

Stored forms (JSON): `weekly` "0" (Monday) .. "6" -> [["08:30", "12:00"], ...] ({} keeps
the shorthand `open_time`, `close_time`, `weekdays`); `schedule_changes` [{"from": ISO
date, "name": {"fr", "en"}, "weekly": ...}] in date order; `openings` ISO date ->
periods; `closures` ISO dates and `closure_names` ISO date -> name.
"""

from __future__ import annotations

import functools
import json
from datetime import date, time

import pandas as pd

from lib.business_time import CLOSURE, AroundTheClock, BusinessCalendar, PeriodError
from lib.i18n import LANGUAGES, WEEKDAYS, format_date
from lib.settings.errors import SettingsError, check_text
from lib.taxonomy import LABEL_MAX_CHARS

CALENDAR_KEYS = (
    "open_time",
    "close_time",
    "weekdays",
    "include_easter_monday",
    "closures",
    "weekly",
    "schedule_changes",
    "openings",
    "closure_names",
)


def calendar_of(rules: dict) -> BusinessCalendar:
    """The calendar of these settings' CALENDAR_KEYS values (one per set of rules, shared)."""
    return _calendar(json.dumps(rules, sort_keys=True, default=list))


@functools.lru_cache(maxsize=32)
def _calendar(rules_json: str) -> BusinessCalendar:
    # A calendar builds its tables of business intervals on first use: sharing one per
    # set of rules keeps them built across reruns and callers.
    return business_calendar(json.loads(rules_json))


@functools.lru_cache(maxsize=1)
def around_the_clock() -> AroundTheClock:
    return AroundTheClock()


def business_calendar(rules: dict) -> BusinessCalendar:
    """The calendar of stored calendar settings (CALENDAR_KEYS); `PeriodError` if refused."""
    names = rules.get("closure_names") or {}
    shape = (
        {"weekly": _periods_by_day(rules["weekly"])}
        if rules.get("weekly")
        else {
            "open_time": time.fromisoformat(rules["open_time"]),
            "close_time": time.fromisoformat(rules["close_time"]),
            "weekdays": rules["weekdays"],
        }
    )
    return BusinessCalendar(
        **shape,
        extra_closures={
            date.fromisoformat(day): names.get(day) or CLOSURE for day in rules["closures"]
        },
        include_easter_monday=rules["include_easter_monday"],
        changes=[
            (
                date.fromisoformat(change["from"]),
                _periods_by_day(change["weekly"]),
                (change["name"]["fr"], change["name"]["en"]),
            )
            for change in rules.get("schedule_changes") or ()
        ],
        extra_openings={
            date.fromisoformat(day): _periods(periods)
            for day, periods in (rules.get("openings") or {}).items()
        },
    )


def _periods(periods) -> list[tuple[time, time]]:
    return [(time.fromisoformat(a), time.fromisoformat(b)) for a, b in periods]


def _periods_by_day(weekly: dict) -> dict[int, list[tuple[time, time]]]:
    return {int(day): _periods(periods) for day, periods in weekly.items()}


def normalised(key: str, value):
    """A calendar setting as a page or the command line gives it, in its stored form."""
    if key == "weekly":
        return _week(value)
    if key == "schedule_changes":
        changes = [
            {
                "from": _iso(c["from"]),
                "name": both_names(c.get("name")),
                "weekly": _week(c["weekly"]),
            }
            for c in value
        ]
        return tuple(sorted(changes, key=lambda c: c["from"]))
    if key == "openings":
        return {_iso(day): _period_texts(periods) for day, periods in sorted(value.items())}
    if key == "closure_names":
        return {_iso(day): str(name).strip() for day, name in sorted(value.items()) if name}
    raise KeyError(key)


def _hhmm(value) -> str:
    return value.strftime("%H:%M") if isinstance(value, time) else str(value).strip()


def _iso(day) -> str:
    return day.isoformat() if isinstance(day, date) else str(day).strip()[:10]


def _period_texts(periods) -> list[list[str]]:
    """Periods as [["08:30", "12:00"], ...], in order of opening."""
    return sorted([_hhmm(opens), _hhmm(closes)] for opens, closes in periods)


def _week(weekly: dict) -> dict[str, list[list[str]]]:
    """A week in its stored form: "0".."6" -> periods; a day given without periods stays,
    closed, so that a week emptied by hand is refused rather than read as the shorthand."""
    return {str(int(day)): _period_texts(weekly[day]) for day in sorted(weekly, key=int)}


def both_names(name) -> dict[str, str]:
    """{"fr": ..., "en": ...} from a pair of names or one name for both languages."""
    if isinstance(name, dict):
        fr = str(name.get("fr") or name.get("en") or "").strip()
        return {"fr": fr, "en": str(name.get("en") or fr).strip()}
    return {"fr": str(name or "").strip(), "en": str(name or "").strip()}


def check_calendar(settings) -> None:
    """Periods that read, weeks that open at least once, names a page can show, and
    the rules `BusinessCalendar` sets (periods in order, none overlapping)."""
    weeks = [settings.weekly] if settings.weekly else []
    weeks += [change["weekly"] for change in settings.schedule_changes]
    for week in weeks:
        if not any(week.values()):
            raise SettingsError("closed_week")
    names = [n for c in settings.schedule_changes for n in c["name"].values()]
    if not all(names):
        raise SettingsError("change_needs_name")
    check_text("schedule_changes", names, LABEL_MAX_CHARS)
    check_text("closure_names", settings.closure_names.values(), LABEL_MAX_CHARS)
    try:
        business_calendar({key: getattr(settings, key) for key in CALENDAR_KEYS})
    except PeriodError as error:
        periods = ", ".join(f"{a:%H:%M}–{b:%H:%M}" for a, b in error.periods)
        day = {lang: _day_word(error.day, lang) for lang in LANGUAGES}
        raise SettingsError(f"periods_{error.problem}", day=day, periods=periods) from None
    except (ValueError, TypeError, KeyError) as error:
        raise SettingsError("unreadable", detail=str(error)) from None


def _day_word(day, lang: str) -> str:
    if isinstance(day, date):
        return format_date(pd.Timestamp(day), lang)
    return WEEKDAYS[lang][int(day)]


# --- closures -------------------------------------------------------------------


def _season_year(today: date) -> int:
    """The year whose December starts the coming (or current) holiday season."""
    return today.year - 1 if (today.month, today.day) <= (1, 2) else today.year


def holiday_season_closures(today: date) -> tuple[str, ...]:
    """Le congé des Fêtes: 24 December to 2 January of the coming (or current) season.

    >>> holiday_season_closures(date(2026, 6, 1))[:2], holiday_season_closures(date(2026, 6, 1))[-1]
    (('2026-12-24', '2026-12-25'), '2027-01-02')
    >>> holiday_season_closures(date(2027, 1, 2))[0]
    '2026-12-24'
    """
    start = date(_season_year(today), 12, 24)
    return tuple(date.fromordinal(start.toordinal() + i).isoformat() for i in range(10))


def boxing_day_closure(today: date) -> tuple[str, ...]:
    """26 December of the coming (or current) season, for bodies that close that day only."""
    return (date(_season_year(today), 12, 26).isoformat(),)


SUMMER_HOURS = {"fr": "Horaire d'été", "en": "Summer hours"}
REGULAR_HOURS = {"fr": "Horaire régulier", "en": "Regular hours"}
# A common summer schedule in Québec's public service: mornings and afternoons from
# Monday to Thursday, the Friday afternoon off.
SUMMER_WEEK = {
    **{str(day): [["08:00", "12:00"], ["13:00", "16:30"]] for day in range(4)},
    "4": [["08:00", "12:00"]],
}


def summer_hours_changes(today: date, weekly: dict, summer: dict | None = None) -> tuple[dict, ...]:
    """Summer hours for the coming (or current) summer: `summer` (SUMMER_WEEK by default)
    from la Fête nationale, 24 June, then `weekly` again from la fête du Travail.

    >>> [(c["from"], c["name"]["fr"]) for c in summer_hours_changes(date(2027, 9, 7), {})]
    [('2028-06-24', "Horaire d'été"), ('2028-09-04', 'Horaire régulier')]
    """
    year = today.year if today < _labour_day(today.year) else today.year + 1
    return (
        {
            "from": date(year, 6, 24).isoformat(),
            "name": SUMMER_HOURS,
            "weekly": summer or SUMMER_WEEK,
        },
        {"from": _labour_day(year).isoformat(), "name": REGULAR_HOURS, "weekly": weekly},
    )


def _labour_day(year: int) -> date:
    """La fête du Travail: the first Monday of September."""
    first = date(year, 9, 1)
    return date(year, 9, 1 + (7 - first.weekday()) % 7)
