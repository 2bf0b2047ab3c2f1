"""Conformité's figures: response-time compliance over a range, where and when it slips.

Every figure counts `lib.states` states with `lib.compliance.summarise` and `daily`, the
functions the `daily` and `compliance` exports use too: a number on screen and in a file
never differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd
from sqlite_utils import Database

from lib import compliance
from lib.business_time import BusinessCalendar
from lib.metrics.loading import STATE_COLUMNS, states_of
from lib.queries import comments_between
from lib.settings import Settings, settings_at
from lib.states import HANDLED_STATES, first_after, state_changes
from lib.times import LOCAL_TZ, local_bounds

BREAKDOWNS = ("platform", "service_level", "account", "language", "first_handled_by", "weekday")
HISTOGRAM_STEP_HOURS = 0.5
BREACH_LIST_LIMIT = 500


@dataclass(frozen=True)
class ComplianceFigures:
    start: date
    end: date
    goal_pct: float
    target_hours: float
    overall: pd.Series
    per_day: pd.DataFrame
    per_week: pd.DataFrame
    response_histogram: pd.DataFrame
    breakdowns: dict[str, pd.DataFrame]
    arrivals_heatmap: pd.DataFrame  # weekday x hour counts
    outside_office_share: float
    breaches: pd.DataFrame
    breaches_total: int
    closed_days: pd.DataFrame
    valid_until: pd.Timestamp  # the figures hold for any later now before this (NaT: always)


def per_week(states: pd.DataFrame, start: date, end: date, tz: str = LOCAL_TZ) -> pd.DataFrame:
    """`summarise` per local arrival week, weeks without comments at zero.

    A week is named by its Monday, or by `start` for a first week the range cuts.
    """
    local = states["received_at"].dt.tz_convert(tz).dt.tz_localize(None).dt.normalize()
    # Grouped as datetime64, not as one date object per comment; dates only for the weeks.
    week = local - pd.to_timedelta(local.dt.day_of_week, unit="D")
    rows = compliance.summarise(states.assign(week=week), "week").set_index("week")
    first = start - timedelta(days=start.weekday())
    weeks = pd.date_range(first, end, freq="7D").as_unit(week.dt.unit)
    rows = rows.reindex(weeks)
    # A week cut by the range is named after its first day in the range.
    rows.index = [max(d.date(), start) for d in weeks]
    counts = list(compliance.SUMMARY_COLUMNS[:6])
    rows[counts] = rows[counts].fillna(0).astype(np.int64)
    return rows.rename_axis("week").reset_index()


def response_histogram(states: pd.DataFrame, target_hours: float) -> pd.DataFrame:
    """Handled comments per half hour of business response time; the last bin is open-ended."""
    handled = states["state"].isin(HANDLED_STATES)
    hours = states.loc[handled, "response_seconds"] / 3600
    top = 2 * target_hours
    edges = np.arange(0, top + HISTOGRAM_STEP_HOURS, HISTOGRAM_STEP_HOURS)
    bins = np.minimum(np.floor(hours / HISTOGRAM_STEP_HOURS) * HISTOGRAM_STEP_HOURS, top)
    counts = bins.value_counts().reindex(edges, fill_value=0)
    out = counts.rename_axis("from_hours").reset_index(name="handled")
    out["open_ended"] = out["from_hours"] >= top
    out["within_target"] = out["from_hours"] < target_hours
    return out


def breakdown(states: pd.DataFrame, by: str) -> pd.DataFrame:
    """`summarise` per group, the largest groups first (weekdays in order).

    Per moderator, only the comments someone handled: an open comment has nobody to
    answer for it yet.
    """
    if by == "first_handled_by":
        states = states[states[by].notna()]
    rows = compliance.summarise(states, by)
    if by == "weekday":
        return rows
    return rows.sort_values("received", ascending=False, ignore_index=True)


def arrivals_heatmap(states: pd.DataFrame) -> pd.DataFrame:
    """Arrivals per local weekday (rows 0–6) and hour (columns 0–23)."""
    counts = pd.crosstab(states["weekday"], states["hour"])
    return counts.reindex(index=range(7), columns=range(24), fill_value=0)


def outside_office_share(states: pd.DataFrame, cal: BusinessCalendar) -> float:
    """Share (%) of arrivals outside office hours (nights, weekends, holidays)."""
    if states.empty:
        return float("nan")
    inside = np.asarray(cal.is_open(states["received_at"]))
    return float((~inside).mean() * 100)


def breaches(states: pd.DataFrame) -> pd.DataFrame:
    """Comments that missed the target (handled late or open past due), latest due first."""
    rows = states[states["state"].isin(("handled_late", "open_breached"))]
    columns = [
        "id",
        "platform",
        "account",
        "received_at",
        "service_level",
        "due_at",
        "first_handled_at",
        "response_seconds",
        "state",
        "first_handled_by",
    ]
    return rows.sort_values("due_at", ascending=False)[columns].reset_index(drop=True)


def closed_days(cal: BusinessCalendar, start: date, end: date) -> pd.DataFrame:
    """Holidays and closures in [start, end] (weekends aside)."""
    rows = cal.holidays_between(start, end)
    return pd.DataFrame(rows, columns=["date", "name_fr", "name_en"])


def compliance_figures(
    db: Database, start: date, end: date, now, settings: Settings | None = None
) -> ComplianceFigures:
    """Everything the Conformité page shows for local dates [start, end], read at `now`."""
    settings = settings or settings_at(db, now)  # as they stood at `now`
    cal = settings.calendar()
    rows = comments_between(db, *local_bounds(start, end, cal.tz), STATE_COLUMNS)
    states = states_of(rows, now, settings)
    missed = breaches(states)
    return ComplianceFigures(
        start=start,
        end=end,
        goal_pct=settings.compliance_goal_pct,
        target_hours=settings.target_hours,
        overall=compliance.summarise(states).iloc[0],
        per_day=compliance.daily(states, cal, start, end),
        per_week=per_week(states, start, end, cal.tz),
        response_histogram=response_histogram(states, settings.target_hours),
        breakdowns={by: breakdown(states, by) for by in BREAKDOWNS},
        arrivals_heatmap=arrivals_heatmap(states),
        outside_office_share=outside_office_share(states, cal),
        breaches=missed.head(BREACH_LIST_LIMIT),
        breaches_total=len(missed),
        closed_days=closed_days(cal, start, end),
        valid_until=first_after(now, state_changes(rows, now, settings)),
    )
