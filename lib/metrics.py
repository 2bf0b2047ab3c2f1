"""The team lead's figures: today's cards, compliance breakdowns and moderation reasons.

Every response-time figure comes from the compliance engine (`lib.compliance`):
`comment_states` gives each comment's state, `summarise` and `daily` count them.
The pages and the `daily`, `compliance` and `reasons` exports call these same
functions, so a number on screen and in a file never differ.

>>> preset_range("last_month", date(2026, 3, 15))
(datetime.date(2026, 2, 1), datetime.date(2026, 2, 28))
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd
from sqlite_utils import Database

from lib import compliance
from lib.business_time import BusinessCalendar
from lib.db import to_db_time
from lib.i18n import LANGUAGES, label
from lib.privacy import mask_author
from lib.queries import comments_between, frame, removals, select_list
from lib.settings import Settings, load_settings, settings_at
from lib.states import HANDLED_STATES, comment_states, first_after, state_changes
from lib.taxonomy import REDIRECTS
from lib.times import LOCAL_TZ, local_bounds, local_midnight, local_today, utc

PRESETS = ("7d", "30d", "month", "last_month", "quarter")
BREAKDOWNS = ("platform", "account", "language", "first_handled_by", "weekday")
PRIVATE_REDIRECT = "prive"
PII_REASON = "renseignements_personnels"
PII_FLAG = "pii"
HISTOGRAM_STEP_HOURS = 0.5
BREACH_LIST_LIMIT = 500
NEEDS_LEAD_LIMIT = 10
# What the figures read of a comment; fewer columns are read faster at a million comments
# (the stored due_at is not among them: the engine recomputes it).
STATE_COLUMNS = (
    "id",
    "platform",
    "account",
    "language",
    "received_at",
    "first_handled_at",
    "first_handled_by",
)
OPEN_COLUMNS = ("id", "platform", "account", "status", "received_at", "first_handled_at")


# --- ranges and instants ---------------------------------------------------------


def preset_range(preset: str, today: date) -> tuple[date, date]:
    """A preset's local dates, both ends included: 7 days, 30 days, this or last month, quarter.

    >>> preset_range("7d", date(2026, 11, 4))
    (datetime.date(2026, 10, 29), datetime.date(2026, 11, 4))
    >>> preset_range("quarter", date(2026, 11, 4))
    (datetime.date(2026, 10, 1), datetime.date(2026, 11, 4))
    """
    if preset == "7d":
        return today - timedelta(days=6), today
    if preset == "30d":
        return today - timedelta(days=29), today
    if preset == "month":
        return today.replace(day=1), today
    if preset == "last_month":
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    if preset == "quarter":
        return date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), today
    raise ValueError(f"unknown preset {preset!r}; expected one of {PRESETS}")


def previous_business_day(cal: BusinessCalendar, day: date) -> date:
    """The last business day before `day` (holidays and weekends skipped)."""
    days = cal.business_days(day - timedelta(days=31), day - timedelta(days=1))
    return days[-1] if days else day - timedelta(days=1)


# --- loaders: the database to frames of states ---------------------------------------


def load_states(
    db: Database, start: date, end: date, now, settings: Settings, cal=None
) -> pd.DataFrame:
    """Comments received on local dates [start, end], in their state at `now`."""
    cal = cal or settings.calendar()
    low, high = local_bounds(start, end, cal.tz)
    rows = comments_between(db, low, high, STATE_COLUMNS)
    return states_of(rows, now, settings, cal)


def states_of(rows: pd.DataFrame, now, settings: Settings, cal=None) -> pd.DataFrame:
    """The engine's states, with the local arrival weekday and hour for breakdowns."""
    cal = cal or settings.calendar()
    states = comment_states(rows, cal, now, settings.target_hours, settings.at_risk_hours)
    local = states["received_at"].dt.tz_convert(cal.tz)
    return states.assign(weekday=local.dt.day_of_week, hour=local.dt.hour)


def load_open_at(db: Database, instant, settings: Settings, cal=None) -> pd.DataFrame:
    """Comments open at `instant` (received by then, not yet handled then), in that state."""
    return load_open_at_each(db, [instant], settings, cal)[0]


def load_open_at_each(db: Database, instants, settings: Settings, cal=None) -> list[pd.DataFrame]:
    """`load_open_at` for several instants, from one pass over the comments table."""
    rows = _open_rows(db, instants)
    return [_open_at(rows, at, settings, cal) for at in instants]


def _open_rows(db: Database, instants) -> pd.DataFrame:
    """Comments received by the last instant and not handled by the first."""
    # Instants are stored to the second: compare at that resolution, as SQL would.
    instants = [utc(t).floor("s") for t in instants]
    sql = (
        f"SELECT {select_list(OPEN_COLUMNS)} FROM comments WHERE received_at <= ?"
        " AND (first_handled_at IS NULL OR first_handled_at > ?)"
    )
    return frame(db, sql, [to_db_time(max(instants)), to_db_time(min(instants))])


def _open_at(rows: pd.DataFrame, at, settings: Settings, cal=None) -> pd.DataFrame:
    at = utc(at).floor("s")
    received, handled = rows["received_at"], rows["first_handled_at"]
    return states_of(rows[(received <= at) & ~(handled <= at)], at, settings, cal)


def awaiting_approval_at(db: Database, instant) -> pd.Series:
    """Ids of the comments waiting for a lead's decision at `instant` (from the history)."""
    return awaiting_approval_at_each(db, [instant])[0]


def awaiting_approval_at_each(db: Database, instants) -> list[pd.Series]:
    """`awaiting_approval_at` for several instants, from one pass over the escalations."""
    rows = _escalation_spans(db, instants)
    return [_awaiting_at(rows, at) for at in instants]


def _awaiting_at(rows: pd.DataFrame, at) -> pd.Series:
    """A comment waits at t when its last escalation, approval or rejection by t is an
    escalation: one made by t whose next such action (if any) comes after t."""
    at = utc(at).floor("s")
    waiting = rows["escalated_at"].le(at) & ~rows["next_at"].le(at)
    return rows.loc[waiting, "comment_id"].reset_index(drop=True)


def _escalation_spans(db: Database, instants) -> pd.DataFrame:
    """Each escalation that may be waiting at one of `instants`, and when its wait ended."""
    instants = [utc(t).floor("s") for t in instants]
    return frame(
        db,
        "SELECT comment_id, unixepoch(at) AS escalated_at, unixepoch(next_at) AS next_at FROM ("
        " SELECT e.comment_id, e.at, (SELECT x.at FROM actions x"
        "  WHERE x.comment_id = e.comment_id AND x.kind IN ('escalate', 'approve', 'reject')"
        "  AND (x.at > e.at OR (x.at = e.at AND x.id > e.id)) ORDER BY x.at, x.id LIMIT 1"
        " ) AS next_at FROM actions e WHERE e.kind = 'escalate' AND e.at <= ?"
        ") WHERE next_at IS NULL OR next_at > ? ORDER BY comment_id",
        [to_db_time(max(instants)), to_db_time(min(instants))],
        time_columns=("escalated_at", "next_at"),
    )


def next_state_change(db: Database, now, settings: Settings | None = None) -> pd.Timestamp:
    """The first instant after `now` at which any open comment turns at risk or overdue.

    Figures read at `now` from the whole database (an export) stay right until then,
    or until something is written. NaT when no open comment will change.
    """
    settings = settings or settings_at(db, now)
    sql = (
        f"SELECT {select_list(('received_at', 'first_handled_at'))} FROM comments"
        " WHERE status IN ('new', 'assigned', 'awaiting_approval')"
    )
    return first_after(now, state_changes(frame(db, sql), now, settings))


def load_escalations(db: Database, start: date, end: date, tz: str = LOCAL_TZ) -> pd.DataFrame:
    """Escalations made on local dates [start, end] and the lead's decision that followed."""
    low, high = local_bounds(start, end, tz)
    sql = (
        "SELECT e.comment_id, e.at AS escalated_at, d.at AS decided_at, d.kind AS decision"
        " FROM actions e LEFT JOIN actions d ON d.id = ("
        "  SELECT x.id FROM actions x WHERE x.comment_id = e.comment_id"
        "  AND x.kind IN ('approve', 'reject') AND x.at >= e.at ORDER BY x.at, x.id LIMIT 1)"
        " WHERE e.kind = 'escalate' AND e.at >= ? AND e.at < ?"
    )
    return frame(
        db, sql, [to_db_time(low), to_db_time(high)], time_columns=("escalated_at", "decided_at")
    )


def load_redirect_counts(db: Database, start: date, end: date, tz: str = LOCAL_TZ) -> pd.DataFrame:
    """Redirections published on local dates [start, end] (directly or on a lead's approval):
    per template, how many and on how many comments (counted by SQLite)."""
    low, high = local_bounds(start, end, tz)
    sql = (
        "SELECT template, count(*) AS redirects, count(DISTINCT comment_id) AS comments"
        " FROM actions WHERE kind IN ('redirect', 'approve') AND template IS NOT NULL"
        " AND at >= ? AND at < ? GROUP BY template"
    )
    return frame(db, sql, [to_db_time(low), to_db_time(high)], time_columns=())


def load_removals(db: Database, start: date, end: date | None, tz: str = LOCAL_TZ) -> pd.DataFrame:
    """`lib.queries.removals` from local date `start` to `end` (None: up to now), with
    each comment's arrival and author."""
    low, high = local_bounds(start, end or start, tz)
    columns = ("received_at", "author_name", "author_handle")
    rows = removals(db, low, high if end else None, comment_columns=columns)
    return rows.reset_index(drop=True)


def load_arrivals(db: Database, start: date, end: date, tz: str = LOCAL_TZ) -> pd.DataFrame:
    """Comments received per local date in [start, end], counted by SQLite per UTC hour."""
    low, high = local_bounds(start, end, tz)
    rows = frame(
        db,
        "SELECT substr(received_at, 1, 13) AS hour, count(*) AS received, "
        "sum(instr(' ' || flags || ' ', ' pii ') > 0) AS pii_flagged FROM comments"
        " WHERE received_at >= ? AND received_at < ? GROUP BY 1",
        [to_db_time(low), to_db_time(high)],
        time_columns=(),
    )
    hours = pd.to_datetime(rows["hour"], format="%Y-%m-%d %H", utc=True)
    rows["date"] = hours.dt.tz_convert(tz).dt.date
    return rows.groupby("date", as_index=False)[["received", "pii_flagged"]].sum()


# --- Aujourd'hui ---------------------------------------------------------------


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
    needs_lead: pd.DataFrame  # breached or awaiting approval, most overdue first
    needs_lead_total: int
    office_hours: tuple[float, float] | None  # local hours, e.g. (8.5, 16.5); None: closed
    valid_until: pd.Timestamp  # the figures hold for any later now before this (NaT: always)


def as_of(day: date, now, tz: str = LOCAL_TZ) -> pd.Timestamp:
    """The instant a day's "now" figures are read at: now for today, else the day's end."""
    return min(utc(now), local_midnight(day + timedelta(days=1), tz))


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
    """Handled and on-time counts per group (platform, moderator), from `summarise`."""
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
    open_rows = _open_rows(db, [instant, prev_instant])
    escalations = _escalation_spans(db, [instant, prev_instant])
    now_side = _read_at(day_rows, open_rows, escalations, instant, settings, cal)
    prev_side = _read_at(prev_rows, open_rows, escalations, prev_instant, settings, cal)
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
        needs_lead=lead_list.head(NEEDS_LEAD_LIMIT),
        needs_lead_total=len(lead_list),
        office_hours=(
            (_hours(cal.open_time), _hours(cal.close_time)) if cal.is_business_day(day) else None
        ),
        valid_until=valid_until,
    )


@dataclass(frozen=True)
class _Side:
    """One side of Aujourd'hui's comparison: a day's comments and the open ones, at one instant."""

    states: pd.DataFrame
    open: pd.DataFrame
    awaiting: pd.Series
    changes: list[pd.Series]  # instants after which these figures may differ


def _read_at(day_rows, open_rows, escalations, at, settings: Settings, cal) -> _Side:
    return _Side(
        states=states_of(day_rows, at, settings, cal),
        open=_open_at(open_rows, at, settings, cal),
        awaiting=_awaiting_at(escalations, at),
        changes=[
            *state_changes(day_rows, at, settings, cal),
            *state_changes(open_rows, at, settings, cal),
            escalations["escalated_at"],
            escalations["next_at"],
        ],
    )


def present_hour(day: date, now, tz: str = LOCAL_TZ) -> float | None:
    """The local hour of `now` (to the minute) when `day` is today, for the chart's marker."""
    local = utc(now).tz_convert(tz)
    return local.hour + local.minute / 60 if local.date() == day else None


# --- Conformité ------------------------------------------------------------------


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
    states = states_of(rows, now, settings, cal)
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
        valid_until=first_after(now, state_changes(rows, now, settings, cal)),
    )


# --- Motifs ------------------------------------------------------------------------


@dataclass(frozen=True)
class ReasonsFigures:
    start: date
    end: date
    removed_comments: int
    by_reason: pd.DataFrame  # reason_code, label_fr, label_en, removals
    trend: pd.DataFrame  # week, reason_code, removals
    by_platform: pd.DataFrame  # platform, removed
    removal_rate: pd.DataFrame  # week, received, removed, removal_rate_pct
    redirects: pd.DataFrame  # template, label_fr, label_en, redirects
    pii: pd.DataFrame  # source, comments
    repeat_authors: pd.DataFrame  # platform, author (masked), removed
    approvals: pd.Series  # escalated, approved, rejected, waiting, median_wait_seconds


def reason_labels(codes: pd.Series, settings: Settings) -> pd.DataFrame:
    """French and English labels of reason codes, the lead's renamings first."""
    return pd.DataFrame(
        {
            f"label_{lang}": codes.map(
                lambda c, lang=lang: label("reason", c, lang, settings.reason_labels)
            )
            for lang in LANGUAGES
        },
        index=codes.index,
    )


def removals_by_reason(rows: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Removals per reason code (a removal with two reasons counts once for each)."""
    counts = rows["reason_code"].value_counts().rename_axis("reason_code")
    out = counts.reset_index(name="removals")
    return pd.concat([out, reason_labels(out["reason_code"], settings)], axis=1)[
        ["reason_code", "label_fr", "label_en", "removals"]
    ]


def week_of(instants: pd.Series, start: date, tz: str = LOCAL_TZ) -> pd.Series:
    """The Monday (local date) of each instant's week; `start` for days of a week before it."""
    local = pd.to_datetime(instants, utc=True).dt.tz_convert(tz).dt.tz_localize(None)
    local = local.dt.normalize()
    monday = local - pd.to_timedelta(local.dt.day_of_week, unit="D")
    return monday.clip(lower=pd.Timestamp(start)).dt.date


def removal_trend(rows: pd.DataFrame, start: date, tz: str = LOCAL_TZ) -> pd.DataFrame:
    """Removals per week (named as in `week_of`) and reason code."""
    weeks = week_of(rows["removed_at"], start, tz)
    out = rows.assign(week=weeks).groupby(["week", "reason_code"]).size()
    return out.reset_index(name="removals")


def removal_rate(
    received_rows: pd.DataFrame, arrivals: pd.DataFrame, start: date, tz: str = LOCAL_TZ
) -> pd.DataFrame:
    """Per local arrival week: comments received, how many of them were removed, and the rate (%).

    `received_rows` are the removals, made at any time so far, of the comments received
    in the range; weeks are named as in `week_of`.
    """
    removed = received_rows.drop_duplicates("comment_id")
    removed = removed.groupby(week_of(removed["received_at"], start, tz)).size()
    days = pd.to_datetime(arrivals["date"])
    received = arrivals.groupby(week_of(days.dt.tz_localize(tz), start, tz))["received"].sum()
    out = pd.DataFrame({"received": received, "removed": removed}).fillna(0).astype(np.int64)
    out["removal_rate_pct"] = (out["removed"] / out["received"] * 100).where(out["received"] > 0)
    return out.rename_axis("week").reset_index()


def redirects_by_type(counts: pd.DataFrame) -> pd.DataFrame:
    """Redirections per template of the catalogue (`load_redirect_counts`), unused ones at 0."""
    per_template = counts.set_index("template")["redirects"].rename_axis("template")
    per_template = per_template.reindex(list(REDIRECTS), fill_value=0).astype(np.int64)
    out = per_template.reset_index(name="redirects")
    for lang in LANGUAGES:
        out[f"label_{lang}"] = out["template"].map(lambda c, lang=lang: label("template", c, lang))
    return out[["template", "label_fr", "label_en", "redirects"]]


def pii_incidents(rows: pd.DataFrame, redirects: pd.DataFrame, arrivals: pd.DataFrame):
    """Personal information: flagged on arrival, removed for it, redirected to a private channel.

    `redirects` is `load_redirect_counts`.
    """
    private = redirects["template"].eq(PRIVATE_REDIRECT)
    return pd.DataFrame(
        {
            "source": ["flagged", "removed", "redirected_private"],
            "comments": [
                int(arrivals["pii_flagged"].sum()),
                int(rows.loc[rows["reason_code"].eq(PII_REASON), "comment_id"].nunique()),
                int(redirects.loc[private, "comments"].sum()),
            ],
        }
    )


def repeat_authors(rows: pd.DataFrame, minimum: int = 2) -> pd.DataFrame:
    """Authors with at least `minimum` removed comments, their names masked (initials)."""
    removed = rows.drop_duplicates("comment_id").dropna(subset=["author_handle"])
    counts = removed.groupby(["platform", "author_handle"]).agg(
        author_name=("author_name", "first"), removed=("comment_id", "size")
    )
    counts = counts[counts["removed"] >= minimum].reset_index()
    counts["author"] = counts["author_name"].map(mask_author)
    return counts.sort_values("removed", ascending=False, ignore_index=True)[
        ["platform", "author", "removed"]
    ]


def approvals(escalations: pd.DataFrame, cal: BusinessCalendar) -> pd.Series:
    """Escalated, approved, rejected, still waiting, and the median business wait."""
    decided = escalations["decided_at"].notna()
    wait = cal.elapsed(
        escalations.loc[decided, "escalated_at"], escalations.loc[decided, "decided_at"]
    )
    return pd.Series(
        {
            "escalated": len(escalations),
            "approved": int(escalations["decision"].eq("approve").sum()),
            "rejected": int(escalations["decision"].eq("reject").sum()),
            "waiting": int((~decided).sum()),
            "median_wait_seconds": float(np.median(wait)) if decided.any() else float("nan"),
        }
    )


def reasons_figures(
    db: Database, start: date, end: date, settings: Settings | None = None
) -> ReasonsFigures:
    """Everything the Motifs page shows for local dates [start, end]."""
    settings = settings or load_settings(db)
    cal = settings.calendar()
    # One read serves both: the removals made in the range, and those (made since its
    # start, whenever) of the comments received in it, for the removal rate.
    since_start = load_removals(db, start, None, cal.tz)
    low, high = local_bounds(start, end, cal.tz)
    rows = since_start[since_start["removed_at"] < high]
    received = since_start["received_at"]
    of_arrivals = since_start[(received >= low) & (received < high)]
    redirects = load_redirect_counts(db, start, end, cal.tz)
    arrivals = load_arrivals(db, start, end, cal.tz)
    removed = rows.drop_duplicates("comment_id")
    return ReasonsFigures(
        start=start,
        end=end,
        removed_comments=len(removed),
        by_reason=removals_by_reason(rows, settings),
        trend=removal_trend(rows, start, cal.tz),
        by_platform=removed["platform"]
        .value_counts()
        .rename_axis("platform")
        .reset_index(name="removed"),
        removal_rate=removal_rate(of_arrivals, arrivals, start, cal.tz),
        redirects=redirects_by_type(redirects),
        pii=pii_incidents(rows, redirects, arrivals),
        repeat_authors=repeat_authors(rows),
        approvals=approvals(load_escalations(db, start, end, cal.tz), cal),
    )


# --- helpers ------------------------------------------------------------------------


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value))


def _float(value) -> float:
    return float("nan") if _missing(value) else float(value)


def _hours(t) -> float:
    return t.hour + t.minute / 60
