"""Aujourd'hui's figures: a day's cards against the previous business day, and what needs the lead.

The day is read at the present (or at its end, for a past day); the previous business
day at the same time of day, so that "so far today" compares like with like.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd
from sqlite_utils import Database

from lib import compliance
from lib.metrics.loading import (
    STATE_COLUMNS,
    awaiting_at,
    escalation_spans,
    open_at,
    open_rows,
    states_of,
)
from lib.metrics.ranges import as_of, previous_business_day
from lib.queries import comments_between
from lib.settings import Settings, settings_at
from lib.states import first_after, state_changes
from lib.times import local, local_bounds, local_midnight, local_today

NEEDS_LEAD_LIMIT = 10


@dataclass(frozen=True)
class Card:
    key: str  # catalogue key suffix, e.g. "received"
    value: float
    previous: float
    kind: str  # "count", "percent" or "duration" (business seconds)
    higher_is_better: bool | None  # None: neither direction is good news

    @property
    def delta(self) -> float:
        if _missing(self.value) or _missing(self.previous):
            return float("nan")
        return self.value - self.previous


@dataclass(frozen=True)
class TodayFigures:
    day: date
    previous_day: date
    is_today: bool
    is_business_day: bool
    cards: list[Card]
    by_hour: pd.DataFrame  # hour, received, previous
    by_platform: pd.DataFrame
    by_moderator: pd.DataFrame
    by_level: pd.DataFrame  # per service level, as per platform
    needs_lead: pd.DataFrame  # breached or awaiting approval, most overdue first
    needs_lead_total: int
    # The day's opening periods in local hours, e.g. ((8.5, 12.0), (13.0, 16.5)); None: closed.
    office_hours: tuple[tuple[float, float], ...] | None
    valid_until: pd.Timestamp  # the figures hold for any later now before this (NaT: always)
    first_day: date | None = None  # the first comment's local day (None: no comment at all)


def day_cards(day_row: pd.Series, prev_row: pd.Series, open_now, open_prev) -> list[Card]:
    """The eight cards from two `compliance.daily` rows and two open-comment tallies.

    `open_now` and `open_prev` map "open", "at_risk", "breached", "awaiting" to counts.
    """

    def minutes(row):
        value = row["median_response_business_minutes"]
        return float("nan") if _missing(value) else float(value) * 60

    return [
        Card("received", day_row["received"], prev_row["received"], "count", None),
        Card("handled", day_row["handled"], prev_row["handled"], "count", True),
        Card(
            "on_time_pct",
            _float(day_row["compliance_pct"]),
            _float(prev_row["compliance_pct"]),
            "percent",
            True,
        ),
        Card("median", minutes(day_row), minutes(prev_row), "duration", False),
        Card("open_now", open_now["open"], open_prev["open"], "count", False),
        Card("at_risk_now", open_now["at_risk"], open_prev["at_risk"], "count", False),
        Card("breached_now", open_now["breached"], open_prev["breached"], "count", False),
        Card("awaiting", open_now["awaiting"], open_prev["awaiting"], "count", False),
    ]


def open_tally(open_states: pd.DataFrame, awaiting_ids: pd.Series) -> dict[str, int]:
    """Open, at-risk, breached and awaiting-approval counts among comments open at an instant."""
    state = open_states["state"]
    return {
        "open": int(state.str.startswith("open").sum()),
        "at_risk": int(state.eq("open_at_risk").sum()),
        "breached": int(state.eq("open_breached").sum()),
        "awaiting": int(len(awaiting_ids)),
    }


def arrivals_by_hour(states: pd.DataFrame, previous: pd.DataFrame) -> pd.DataFrame:
    """Arrivals per local hour 0–23 for a day and for its comparison day."""
    hours = pd.RangeIndex(24, name="hour")
    return pd.DataFrame(
        {
            "received": states["hour"].value_counts().reindex(hours, fill_value=0),
            "previous": previous["hour"].value_counts().reindex(hours, fill_value=0),
        }
    ).reset_index()


def handled_by_group(states: pd.DataFrame, by: str) -> pd.DataFrame:
    """Handled and on-time counts per group (platform, level, moderator), from `summarise`."""
    rows = states if by != "first_handled_by" else states[states["first_handled_by"].notna()]
    summary = compliance.summarise(rows, by)
    columns = [by, "received", "handled", "handled_on_time", "compliance_pct"]
    if by == "first_handled_by":
        columns.remove("received")
    return summary[columns].sort_values("handled", ascending=False, ignore_index=True)


def needs_lead(open_states: pd.DataFrame, awaiting_ids: pd.Series) -> pd.DataFrame:
    """Open comments overdue or waiting for approval, the most overdue first."""
    waiting = open_states["id"].isin(awaiting_ids)
    rows = open_states[open_states["state"].eq("open_breached") | waiting]
    rows = rows.assign(awaiting_approval=waiting[rows.index])
    columns = ["id", "platform", "account", "received_at", "due_at", "state", "status"]
    return rows.sort_values("due_at")[[*columns, "awaiting_approval"]].reset_index(drop=True)


def today_figures(db: Database, day: date, now, settings: Settings | None = None) -> TodayFigures:
    """Everything the Aujourd'hui page shows for `day`, read at `now`."""
    settings = settings or settings_at(db, now)  # as they stood at `now`
    cal = settings.calendar()
    previous = previous_business_day(cal, day)
    instant = as_of(day, now, cal.tz)
    is_today = day == local_today(now, cal.tz)
    day_start, day_end = local_bounds(day, day, cal.tz)
    # Today so far is compared with the previous business day up to the same time of day.
    shift = day_start - local_midnight(previous, cal.tz)
    prev_instant = (
        instant - shift if is_today else local_midnight(previous + timedelta(days=1), cal.tz)
    )
    day_rows = comments_between(db, day_start, day_end, STATE_COLUMNS)
    prev_rows = comments_between(db, *local_bounds(previous, previous, cal.tz), STATE_COLUMNS)
    still_open = open_rows(db, [instant, prev_instant])
    escalations = escalation_spans(db, [instant, prev_instant])
    now_side = _read_at(day_rows, still_open, escalations, instant, settings)
    prev_side = _read_at(prev_rows, still_open, escalations, prev_instant, settings)
    row = compliance.daily(now_side.states, cal, day, day).iloc[0]
    prev_row = compliance.daily(prev_side.states, cal, previous, previous).iloc[0]
    lead_list = needs_lead(now_side.open, now_side.awaiting)
    # What moves the figures as the clock runs, the previous day's side on its own clock;
    # a past day is read at its end, and the clock no longer moves it.
    valid_until = (
        first_after(
            instant,
            [*now_side.changes, pd.Series([day_end]), *(c + shift for c in prev_side.changes)],
        )
        if is_today
        else pd.NaT
    )
    return TodayFigures(
        day=day,
        previous_day=previous,
        is_today=is_today,
        is_business_day=cal.is_business_day(day),
        cards=day_cards(
            row,
            prev_row,
            open_tally(now_side.open, now_side.awaiting),
            open_tally(prev_side.open, prev_side.awaiting),
        ),
        by_hour=arrivals_by_hour(now_side.states, prev_side.states),
        by_platform=handled_by_group(now_side.states, "platform"),
        by_moderator=handled_by_group(now_side.states, "first_handled_by"),
        by_level=handled_by_group(now_side.states, "service_level"),
        needs_lead=lead_list.head(NEEDS_LEAD_LIMIT),
        needs_lead_total=len(lead_list),
        office_hours=tuple((_hours(a), _hours(b)) for a, b in cal.periods_on(day)) or None,
        valid_until=valid_until,
        first_day=_first_day(db, cal.tz),
    )


@dataclass(frozen=True)
class _Side:
    """One side of Aujourd'hui's comparison: a day's comments and the open ones, at one instant."""

    states: pd.DataFrame
    open: pd.DataFrame
    awaiting: pd.Series
    changes: list[pd.Series]  # instants after which these figures may differ


def _read_at(day_rows, still_open, escalations, at, settings: Settings) -> _Side:
    return _Side(
        states=states_of(day_rows, at, settings),
        open=open_at(still_open, at, settings),
        awaiting=awaiting_at(escalations, at),
        changes=[
            *state_changes(day_rows, at, settings),
            *state_changes(still_open, at, settings),
            escalations["escalated_at"],
            escalations["next_at"],
        ],
    )


def _first_day(db: Database, tz: str) -> date | None:
    """The local day of the first comment stored, to say when a chosen day is before it."""
    first = db.execute("SELECT min(received_at) FROM comments").fetchone()[0]
    return None if first is None else local(first, tz).date()


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value))


def _float(value) -> float:
    return float("nan") if _missing(value) else float(value)


def _hours(t) -> float:
    return t.hour + t.minute / 60
