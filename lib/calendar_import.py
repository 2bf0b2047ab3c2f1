"""Closed days read from an iCalendar (.ics) file, such as an Outlook calendar export.

>>> ics = '''BEGIN:VCALENDAR
... VERSION:2.0
... BEGIN:VEVENT
... UID:1
... SUMMARY:Congé des Fêtes
... DTSTART;VALUE=DATE:20261224
... DTEND;VALUE=DATE:20261227
... END:VEVENT
... END:VCALENDAR
... '''.encode()
>>> found = closures_from_ics(ics, date(2026, 1, 1), date(2027, 12, 31))
>>> [day.isoformat() for day, _name in found.days], found.days[0][1]
(['2026-12-24', '2026-12-25', '2026-12-26'], 'Congé des Fêtes')

A closed day is a day of an all-day event (`DTSTART;VALUE=DATE`, its `DTEND` the first
day after it, one day when it has none; a multi-day event gives each of its days), or of
an event Outlook marks all-day (`X-MICROSOFT-CDO-ALLDAYEVENT:TRUE`) that runs from one
midnight to another. Each day is named by its event's summary, made printable and cut.
Recurring events (`RRULE`, `RDATE`, `EXDATE`, moved occurrences) are expanded by
recurring-ical-events, only between the two dates asked. An event with a time of day is
never a closure, even one that covers the whole office day: it is listed among the
skipped events with why, as is a cancelled event. A file that is too big, not iCalendar,
or without any all-day event raises `CalendarImportError`, whose words are in the
catalogue; nothing else escapes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import icalendar
import recurring_ical_events

from lib.i18n import Worded

# An Outlook export of a year's closures is a few kilobytes; a whole mailbox calendar
# is rarely above a megabyte.
ICS_MAX_BYTES = 2_000_000
# A closure's name as the clock's explanation shows it.
NAME_MAX_CHARS = 80
# Expansion stops here: a year of daily events in every calendar a person keeps.
MAX_OCCURRENCES = 5_000
# The widest window asked for: recurring events expand over it, never further.
MAX_SPAN_DAYS = 5 * 366
# Finer than a day: such a rule never makes whole closed days, and would expand forever.
_SUB_DAILY = {"SECONDLY", "MINUTELY", "HOURLY"}


class CalendarImportError(Worded, ValueError):
    """A file that gives no closures: a `code` whose words are `calendar.import.error.<code>`."""

    KEY = "calendar.import.error"


@dataclass(frozen=True)
class SkippedEvent:
    name: str
    day: date | None  # its first day, as the file gives it (None: unreadable)
    why: str  # "timed", "cancelled", "too_often", "no_start"


@dataclass(frozen=True)
class ImportedClosures:
    days: tuple[tuple[date, str], ...]  # each closed day once, in order, with its name
    skipped: tuple[SkippedEvent, ...]
    outside: int  # days of single events before or after the window (a series expands inside it)


def closures_from_ics(data: bytes, first: date, last: date) -> ImportedClosures:
    """The whole days `data` closes between `first` and `last` (inclusive), named."""
    if len(data) > ICS_MAX_BYTES:
        raise CalendarImportError("too_big", limit=ICS_MAX_BYTES // 1_000_000)
    if not first <= last or (last - first).days > MAX_SPAN_DAYS:
        raise ValueError("the window must run forwards and span at most five years")
    calendar = _parsed(data)
    all_day, skipped = _sorted_events(calendar)
    if not all_day:
        raise CalendarImportError("no_all_day_event", skipped=len(skipped))
    series = _series(all_day)
    names: dict[date, list[str]] = {}
    outside = 0
    singles = [e for e in all_day if str(e.get("UID")) not in series]
    for event in [*singles, *_occurrences(all_day, series, first, last)]:
        start, end = _event_days(event)
        inside = (max(start, first), min(end, last + timedelta(days=1)))
        outside += (end - start).days - max(0, (inside[1] - inside[0]).days)
        name = printable_name(event.get("SUMMARY"))
        for day in _days(*inside):
            if name not in names.setdefault(day, []):
                names[day].append(name)
    days = tuple((day, _joined(names[day])) for day in sorted(names))
    return ImportedClosures(days=days, skipped=tuple(skipped), outside=outside)


def printable_name(summary) -> str:
    """A summary as one line of printable text, at most NAME_MAX_CHARS characters.

    >>> printable_name("Journée\\x00 de la\\nfonction   publique")
    'Journée de la fonction publique'
    >>> len(printable_name("x" * 10_000))
    80
    """
    text = "" if summary is None else str(summary)
    text = "".join(c if unicodedata.category(c)[0] not in "CZ" else " " for c in text)
    text = " ".join(text.split())
    if len(text) > NAME_MAX_CHARS:
        text = text[: NAME_MAX_CHARS - 1].rstrip() + "…"
    return text


def _parsed(data: bytes) -> icalendar.Calendar:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # an old Outlook's export
    if "BEGIN:VCALENDAR" not in text[:2000].upper():
        raise CalendarImportError("not_icalendar")
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except Exception:  # icalendar raises many kinds on a broken file; all mean the same
        raise CalendarImportError("not_icalendar") from None
    calendar = next((c for c in calendars if c.name == "VCALENDAR"), None)
    if calendar is None:
        raise CalendarImportError("not_icalendar")
    return calendar


def _sorted_events(calendar) -> tuple[list, list[SkippedEvent]]:
    """The all-day events, and the others with why each is no closure."""
    all_day, skipped = [], []
    for event in calendar.walk("VEVENT"):
        name = printable_name(event.get("SUMMARY"))
        try:
            start = event.decoded("DTSTART")
        except Exception:  # missing or unreadable: no day to close
            skipped.append(SkippedEvent(name, None, "no_start"))
            continue
        if not isinstance(start, date):
            skipped.append(SkippedEvent(name, None, "no_start"))
        elif str(event.get("STATUS", "")).upper() == "CANCELLED":
            skipped.append(SkippedEvent(name, _day(start), "cancelled"))
        elif not _is_all_day(event, start):
            skipped.append(SkippedEvent(name, _day(start), "timed"))
        elif _rule_frequency(event) in _SUB_DAILY:
            skipped.append(SkippedEvent(name, _day(start), "too_often"))
        else:
            all_day.append(event)
    return all_day, skipped


def _is_all_day(event, start) -> bool:
    if not isinstance(start, datetime):
        return True
    outlook = str(event.get("X-MICROSOFT-CDO-ALLDAYEVENT", "")).upper() == "TRUE"
    return outlook and start.time() == datetime.min.time()


def _rule_frequency(event) -> str | None:
    rule = event.get("RRULE")
    if rule is None:
        return None
    rules = rule if isinstance(rule, list) else [rule]
    frequencies = [str(f).upper() for r in rules for f in r.get("FREQ", [])]
    return next((f for f in frequencies if f in _SUB_DAILY), frequencies[0] if frequencies else "")


def _series(all_day: list) -> set[str]:
    """The UIDs of recurring events: their occurrences, moved ones too, come from expansion."""
    return {str(e.get("UID")) for e in all_day if "RRULE" in e or "RDATE" in e}


def _occurrences(all_day: list, series: set[str], first: date, last: date):
    """The recurring events' occurrences that touch [first, last], at most MAX_OCCURRENCES."""
    if not series:
        return []
    calendar = icalendar.Calendar()
    for event in all_day:
        if str(event.get("UID")) in series:
            calendar.add_component(event)
    found = []
    try:
        query = recurring_ical_events.of(calendar, skip_bad_series=True)
        for occurrence in query.between(first, last + timedelta(days=1)):
            found.append(occurrence)
            if len(found) > MAX_OCCURRENCES:
                raise CalendarImportError("too_many", limit=MAX_OCCURRENCES)
    except CalendarImportError:
        raise
    except Exception:  # a rule the library cannot follow: the file is not usable iCalendar
        raise CalendarImportError("not_icalendar") from None
    return found


def _event_days(event) -> tuple[date, date]:
    """An event's first day and the day after its last (iCalendar's exclusive end)."""
    start = event.decoded("DTSTART")
    try:
        end = event.decoded("DTEND")
    except KeyError:
        end = None
    if end is None and "DURATION" in event:
        duration = event.decoded("DURATION")
        end = start + duration if isinstance(duration, timedelta) else None
    first = _day(start)
    after = first + timedelta(days=1) if end is None else _day_after(end)
    return first, max(after, first + timedelta(days=1))


def _days(start: date, end: date):
    """The days from `start` to the day before `end`."""
    return (start + timedelta(days=i) for i in range(max(0, (end - start).days)))


def _day(value) -> date:
    return value.date() if isinstance(value, datetime) else value


def _day_after(end) -> date:
    """The exclusive end as a day: an end after midnight closes that day too."""
    if isinstance(end, datetime) and end.time() != datetime.min.time():
        return end.date() + timedelta(days=1)
    return _day(end)


def _joined(names: list[str]) -> str:
    return printable_name(" / ".join(n for n in names if n))
