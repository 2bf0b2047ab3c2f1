"""Response-time compliance: summaries of comments' states, per day, and a comment's clock in words.

>>> from lib.business_time import AroundTheClock, BusinessCalendar
>>> from lib.states import comment_states
>>> cal = BusinessCalendar()
>>> frame = pd.DataFrame({
...     "id": [1, 2],
...     "received_at": ["2026-03-09 13:30:00", "2026-03-09 14:00:00"],  # UTC
...     "first_handled_at": ["2026-03-09 15:00:00", None],
...     "first_handled_by": ["ana", None],
... })
>>> states = comment_states(frame, cal, now="2026-03-10 13:00")  # Tuesday 9 h
>>> states["state"].tolist()
['handled_on_time', 'open_at_risk']
>>> summarise(states)[["received", "handled", "pending", "compliance_pct"]].to_dict("records")
[{'received': 2, 'handled': 1, 'pending': 1, 'compliance_pct': 100.0}]

A comment's state is `lib.states`' rule; this module counts states: compliance is on time
/ (handled + open breached), and open comments not yet due are pending.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import numpy as np
import pandas as pd

from lib.business_time import AroundTheClock, BusinessCalendar
from lib.i18n import MONTHS, WEEKDAYS, format_clock, t
from lib.states import HANDLED_STATES, PENDING_STATES
from lib.times import utc

SUMMARY_COLUMNS = (
    "received",
    "handled",
    "handled_on_time",
    "handled_late",
    "open_breached",
    "pending",
    "compliance_pct",
    "median_response_business_minutes",
    "p90_response_business_minutes",
)


def summarise(states: pd.DataFrame, by: str | list[str] | None = None) -> pd.DataFrame:
    """Counts, compliance and response times, overall (one row) or per group.

    compliance_pct = on time / (handled + open breached) * 100, NaN when nobody is
    counted; pending = open comments not yet breached. The response-time median and 90th
    percentile (linear interpolation) are over handled comments, in whole business
    minutes rounded down, as in the exports.
    """
    state = states["state"]
    parts = pd.DataFrame(
        {
            "received": np.ones(len(states), dtype=np.int64),
            "handled": state.isin(HANDLED_STATES),
            "handled_on_time": state.eq("handled_on_time"),
            "handled_late": state.eq("handled_late"),
            "open_breached": state.eq("open_breached"),
            "pending": state.isin(PENDING_STATES),
        },
        index=states.index,
    ).astype(np.int64)
    response = states["response_seconds"].where(state.isin(HANDLED_STATES))
    keys = [states[c] for c in _as_list(by)] or [pd.Series(0, index=states.index)]
    grouped = parts.groupby(keys, sort=True, dropna=False)
    out = grouped.sum()
    seconds = response.groupby(keys, sort=True, dropna=False)
    counted = out["handled"] + out["open_breached"]
    out["compliance_pct"] = (out["handled_on_time"] / counted * 100).where(counted > 0)
    out["median_response_business_minutes"] = _whole_minutes(seconds.median())
    out["p90_response_business_minutes"] = _whole_minutes(seconds.quantile(0.9))
    if by is None:
        # One row even for no comments: zero counts, no percentage, no times.
        out = out.reset_index(drop=True).reindex([0])
        out[list(parts.columns)] = out[list(parts.columns)].fillna(0).astype(np.int64)
        return out[list(SUMMARY_COLUMNS)]
    out.index.names = _as_list(by)
    return out.reset_index()[[*_as_list(by), *SUMMARY_COLUMNS]]


def daily(
    states: pd.DataFrame,
    cal: BusinessCalendar,
    start_date,
    end_date,
    business_days_only: bool = False,
) -> pd.DataFrame:
    """One summary row per local day in [start_date, end_date], days without comments at zero.

    Comments count on their local arrival date (America/Toronto by default). With
    `business_days_only`, rows are the calendar's business days and a comment counts on
    the business day its clock started (a Saturday comment counts on Monday), so that
    nothing received in the range is left out.
    """
    first, last = pd.Timestamp(start_date).date(), pd.Timestamp(end_date).date()
    if business_days_only:
        days = pd.DatetimeIndex(cal.business_days(first, last))
        counted_at = cal.next_open(states["received_at"])
    else:
        days = pd.date_range(first, last, freq="D")
        counted_at = pd.to_datetime(states["received_at"], utc=True)
    local_day = counted_at.dt.tz_convert(cal.tz).dt.tz_localize(None).dt.normalize()
    in_range = local_day.isin(days)
    rows = summarise(states.loc[in_range].assign(date=local_day[in_range]), by="date")
    rows = rows.set_index("date").reindex(days)
    counts = list(SUMMARY_COLUMNS[:6])
    rows[counts] = rows[counts].fillna(0).astype(np.int64)
    rows.index = [d.date() for d in days]
    return rows.rename_axis("date").reset_index()


# How many days after its start a clock's explanation looks at (a target of months
# would otherwise list a year of lunches).
NOTED_DAYS = 62


def explain_clock(
    received_at,
    cal,
    target_hours: float = 8.0,
    lang="fr",
    level: str | None = None,
    quote: Callable[[str], str] = str,
) -> str:
    """A comment's clock in words, in Québec local time.

    >>> explain_clock("2026-06-19 21:05", BusinessCalendar())  # a Friday, 17 h 05 local
    'reçu vendredi 17 h 05 → horloge démarrée lundi 8 h 30 → échéance lundi 16 h 30'
    >>> explain_clock("2026-06-19 21:05", BusinessCalendar(), lang="en")
    'received Friday 5:05 p.m. → clock started Monday 8:30 a.m. → due Monday 4:30 p.m.'
    >>> lunch = {d: [(time(8, 30), time(12)), (time(13), time(16, 30))] for d in range(5)}
    >>> explain_clock("2026-06-22 14:00", BusinessCalendar(weekly=lunch), 4)[-42:]  # Monday 10 h
    'échéance lundi 15 h (fermé de 12 h à 13 h)'

    A moment more than 6 days after the reception also shows its date. What the clock
    skipped or met between its start and the due time is named after it: the closures
    within a day ("fermé de 12 h à 13 h"), the closed days, a dated schedule in force
    ("Horaire d'été en vigueur") and exceptional openings. `cal` may be an
    `AroundTheClock` (a service level `level` that cannot wait), whose clock never stops.
    `quote` writes the names that come from outside (a level's, a schedule's, a closed
    day's, perhaps from an imported .ics) into the sentence: a page that shows it as
    Markdown passes `lib.ui.session.plain`.
    """
    received = utc(received_at)
    started, due = cal.next_open(received), cal.deadline(received, target_hours)
    r, s, d = (moment.tz_convert(cal.tz) for moment in (received, started, due))
    if isinstance(cal, AroundTheClock):
        return t(
            "clock.around_the_clock",
            lang,
            received=_moment(r, r.date(), lang),
            due=_moment(d, r.date(), lang),
            level=quote(level or ""),
        )
    start_text = t("clock.on_receipt", lang) if s == r else _moment(s, r.date(), lang)
    text = t(
        "clock.sentence",
        lang,
        received=_moment(r, r.date(), lang),
        started=start_text,
        due=_moment(d, r.date(), lang),
    )
    notes = _met_on_the_way(cal, s, d, lang, quote)
    skipped = [
        (day, names)
        for day, names in cal.closed_days(r.date(), d.date()).items()
        if day < d.date() and day.weekday() in cal.weekdays and not cal.periods_on(day)
    ]
    if skipped:
        label = t("clock.skipped_one" if len(skipped) == 1 else "clock.skipped_many", lang)
        which = t("clock.separator", lang).join(
            f"{quote(names[0 if lang == 'fr' else 1])}, {_day(day, lang)}" for day, names in skipped
        )
        notes.append(f"{label}{which}")
    if notes:
        text += f" ({t('clock.separator', lang).join(notes)})"
    return text


def _met_on_the_way(cal: BusinessCalendar, started, due, lang: str, quote: Callable[[str], str]):
    """The closures within days, dated schedules and exceptional openings between a
    clock's start and its due time (local timestamps), each named once, in order."""
    notes: list[str] = []
    day, last = started.date(), min(due.date(), started.date() + timedelta(days=NOTED_DAYS))
    while day <= last:
        periods = cal.periods_on(day)
        for (_, closes), (opens, _) in zip(periods, periods[1:], strict=False):
            gap_start, gap_end = _at(day, closes, cal.tz), _at(day, opens, cal.tz)
            if gap_start >= started and gap_end <= due and gap_start < gap_end:
                notes.append(
                    t(
                        "clock.closed_between",
                        lang,
                        start=_time(gap_start, lang),
                        end=_time(gap_end, lang),
                    )
                )
        name = cal.schedule_name(day) if periods else None
        if name:
            notes.append(t("clock.schedule", lang, name=quote(name[0 if lang == "fr" else 1])))
        if periods and cal.is_exceptional_opening(day):
            hours = t("clock.separator", lang).join(
                f"{_time(_at(day, a, cal.tz), lang)}–{_time(_at(day, b, cal.tz), lang)}"
                for a, b in periods
            )
            notes.append(t("clock.opening", lang, day=_day(day, lang), periods=hours))
        day += timedelta(days=1)
    return list(dict.fromkeys(notes))


def _at(day: date, moment: time, tz: str) -> pd.Timestamp:
    return pd.Timestamp(datetime.combine(day, moment)).tz_localize(
        tz, nonexistent="shift_forward", ambiguous=True
    )


# --- helpers ---------------------------------------------------------------


def _as_list(by) -> list[str]:
    if by is None:
        return []
    return [by] if isinstance(by, str) else list(by)


def _whole_minutes(seconds: pd.Series) -> pd.Series:
    return np.floor(seconds / 60).astype("Int64")


def _day(day: date, lang: str) -> str:
    """'mercredi 24 juin', 'lundi 1er juin' / 'Wednesday, June 24'."""
    weekday, month = WEEKDAYS[lang][day.weekday()], MONTHS[lang][day.month - 1]
    if lang == "fr":
        return f"{weekday} {'1er' if day.day == 1 else day.day} {month}"
    return f"{weekday}, {month} {day.day}"


def _time(t: pd.Timestamp, lang: str) -> str:
    return format_clock(t, lang)


def _moment(t: pd.Timestamp, since: date, lang: str) -> str:
    if (t.date() - since).days > 6:
        return f"{_day(t.date(), lang)}{', ' if lang == 'en' else ' '}{_time(t, lang)}"
    return f"{WEEKDAYS[lang][t.weekday()]} {_time(t, lang)}"
