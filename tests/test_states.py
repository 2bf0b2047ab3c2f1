"""A comment's state: the vectorised rule, the SQL fragment and the single-row rule agree."""

from datetime import date, time, timedelta

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.db import open_db, to_db_time, to_db_times
from lib.settings import Settings
from lib.states import (
    OPEN_STATES,
    STATE_SQL,
    clock_columns,
    comment_states,
    first_after,
    state_changes,
    state_clock,
    state_of,
    state_where,
)

FIRST = pd.Timestamp("2026-01-01", tz="UTC")
# Two years, with both daylight-saving changes, the holidays and New Year.
SECONDS = 2 * 365 * 24 * 3600


@st.composite
def rules_of_a_lead(draw) -> Settings:
    """Office hours, weekdays, closures, a target and an at-risk threshold a lead could set."""
    opens = draw(st.integers(6 * 4, 12 * 4))  # quarter hours
    closes = draw(st.integers(opens + 4, 20 * 4))
    weekdays = draw(st.sets(st.integers(0, 6), min_size=1))
    closures = draw(st.lists(st.integers(0, 729), max_size=6))
    target = draw(st.integers(15, 40 * 60))  # minutes
    at_risk = draw(st.integers(0, target - 1))
    return Settings(
        open_time=time(opens // 4, 15 * (opens % 4)).strftime("%H:%M"),
        close_time=time(closes // 4, 15 * (closes % 4)).strftime("%H:%M"),
        weekdays=tuple(sorted(weekdays)),
        closures=tuple(str(date(2026, 1, 1) + timedelta(days=d)) for d in closures),
        include_easter_monday=draw(st.booleans()),
        target_hours=target / 60,
        at_risk_hours=at_risk / 60,
    )


def instant(seconds: int) -> pd.Timestamp:
    return FIRST + pd.Timedelta(seconds=seconds)


@st.composite
def comments_and_now(draw, rules: Settings):
    """Comments received at whole seconds (as stored) around `now`, some handled since.

    `now` is sometimes placed exactly on a comment's due time or on the instant it turns
    at risk, a second before or after: where a `<` written `<=` would show.
    """
    now = draw(st.integers(7 * 24 * 3600, SECONDS))
    received = draw(st.lists(st.integers(now - 7 * 24 * 3600, now + 2 * 24 * 3600), max_size=30))
    received = [now - 1, *received]  # at least one comment, open at now unless handled
    handled = [draw(st.none() | st.integers(r, r + 5 * 24 * 3600)) for r in received]
    frame = pd.DataFrame(
        {
            "id": range(1, len(received) + 1),
            "received_at": [instant(r) for r in received],
            "first_handled_at": pd.to_datetime(
                [None if h is None else instant(h) for h in handled], utc=True
            ),
        }
    )
    edge = draw(st.sampled_from(["none", "due", "at_risk"]))
    if edge != "none":
        cal = rules.calendar()
        which = frame["received_at"].iloc[draw(st.integers(0, len(frame) - 1))]
        # Due at the target; at risk once less than at_risk_hours remain.
        hours = rules.target_hours - (rules.at_risk_hours if edge == "at_risk" else 0)
        at = cal.deadline(which, hours)
        now = int((at - FIRST).total_seconds()) + draw(st.sampled_from([-1, 0, 1]))
    return frame, instant(now)


def stored(db, frame: pd.DataFrame, rules: Settings, now: pd.Timestamp) -> None:
    """The comments as ingest stores them: due_at from the calendar, open ones by status."""
    open_now = frame["first_handled_at"].isna() | (frame["first_handled_at"] > now)
    db["comments"].insert_all(
        {
            "id": int(row.id),
            "platform": "facebook",
            "external_id": str(row.id),
            "received_at": to_db_time(row.received_at),
            "status": "new" if still_open else "answered",
            "due_at": due,
        }
        for row, still_open, due in zip(
            frame.itertuples(),
            open_now,
            to_db_times(clock_columns(frame, rules)["due_at"]),
            strict=True,
        )
    )


def states_read_three_ways(db, clock) -> tuple[dict, dict, dict]:
    """The states of the stored open comments (status 'new'): by `STATE_SQL`, by one
    `state_where` query per state, and by `state_of` row by row."""
    where = "status = 'new'"
    in_sql = dict(db.execute(f"SELECT id, {STATE_SQL} FROM comments WHERE {where}", clock.params()))
    per_state = {
        state: {
            row[0]
            for row in db.execute(
                f"SELECT id FROM comments WHERE {where} AND {state_where([state])}",
                clock.params(),
            )
        }
        for state in OPEN_STATES
    }
    one_by_one = {
        row["id"]: state_of(row, clock) for row in db.query(f"SELECT * FROM comments WHERE {where}")
    }
    return in_sql, per_state, one_by_one


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_the_three_forms_of_the_state_rule_agree(data):
    rules = data.draw(rules_of_a_lead())
    frame, now = data.draw(comments_and_now(rules))
    cal = rules.calendar()
    vectorised = comment_states(frame, cal, now, rules.target_hours, rules.at_risk_hours)
    expected = vectorised.loc[vectorised["state"].isin(OPEN_STATES)].set_index("id")["state"]

    clock = state_clock(now, cal, rules.at_risk_hours)
    with open_db(":memory:") as db:
        stored(db, frame[frame["received_at"] <= now], rules, now)
        in_sql, per_state, one_by_one = states_read_three_ways(db, clock)

    assert in_sql == expected.to_dict()
    assert one_by_one == expected.to_dict()
    assert per_state == {s: set(expected.index[expected == s]) for s in OPEN_STATES}


@settings(max_examples=200, deadline=None)
@given(st.data(), st.floats(0, 1))
def test_no_state_changes_before_the_next_state_change(data, share):
    rules = data.draw(rules_of_a_lead())
    frame, now = data.draw(comments_and_now(rules))
    cal = rules.calendar()
    until = first_after(now, state_changes(frame, now, rules))
    if pd.isna(until):
        until = now + pd.Timedelta(days=400)

    def read(at):
        states = comment_states(frame, cal, at, rules.target_hours, rules.at_risk_hours)
        return states.set_index("id")["state"].to_dict()

    before = now + (until - now - pd.Timedelta(seconds=1)) * share
    assert read(before.floor("s")) == read(now)
    assert read(until - pd.Timedelta(seconds=1)) == read(now)
