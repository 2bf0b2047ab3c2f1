"""Compliance: states, summaries, daily rows, the clock in words and stored due dates."""

import math
from datetime import date

import pandas as pd
import pytest

from lib.business_time import BusinessCalendar
from lib.compliance import daily, explain_clock, summarise
from lib.db import to_db_time
from lib.settings import Settings, load_settings, save_settings
from lib.states import clock_columns, comment_states, recompute_due_dates

TZ = "America/Toronto"
CAL = BusinessCalendar()


def local(text):
    return pd.Timestamp(text, tz=TZ) if text else pd.NaT


# The week of Fête nationale 2026 (Wednesday 24 June), in Québec time; states at
# Thursday 25 June 9 h. Each line says what a person computes by hand.
NOW = local("2026-06-25 09:00")
ROWS = [
    # id, platform, received, first handled, by
    (1, "facebook", "2026-06-22 09:00", "2026-06-22 11:00:59", "ana"),  # 2 h 00 min 59 s
    (2, "facebook", "2026-06-22 10:00", "2026-06-23 11:00", "ben"),  # 6.5 h + 2.5 h = 9 h
    (3, "instagram", "2026-06-19 17:05", "2026-06-22 16:30", "ana"),  # exactly 8 h
    (4, "instagram", "2026-06-22 12:00", None, None),  # due Tue 12 h: breached
    (5, "instagram", "2026-06-23 10:00", None, None),  # due Thu 10 h: 1 h left
    (6, "x", "2026-06-23 15:00", None, None),  # due Thu 15 h: 6 h left
    (7, "x", "2026-06-25 10:00", None, None),  # received after now
    (8, "x", "2026-06-23 09:00", "2026-06-25 11:00", "ben"),  # handled after now
]


def week() -> pd.DataFrame:
    frame = pd.DataFrame(
        ROWS, columns=["id", "platform", "received_at", "first_handled_at", "first_handled_by"]
    )
    frame["received_at"] = frame["received_at"].map(local)
    frame["first_handled_at"] = frame["first_handled_at"].map(local)
    return frame


def states_by_id(now=NOW) -> pd.DataFrame:
    return comment_states(week(), CAL, now).set_index("id")


def test_each_comment_gets_the_state_a_person_would_give_it():
    states = states_by_id()
    assert states["state"].to_dict() == {
        1: "handled_on_time",
        2: "handled_late",
        3: "handled_on_time",
        4: "open_breached",
        5: "open_at_risk",
        6: "open_ok",
        8: "open_at_risk",
    }


def test_response_time_due_date_and_remaining_time_are_in_business_seconds():
    states = states_by_id()
    assert states.loc[1, "response_seconds"] == 2 * 3600 + 59
    assert states.loc[2, "response_seconds"] == 9 * 3600
    assert states.loc[3, "response_seconds"] == 8 * 3600
    assert math.isnan(states.loc[4, "response_seconds"])
    assert states.loc[3, "due_at"] == local("2026-06-22 16:30")
    assert states.loc[5, "due_at"] == local("2026-06-25 10:00")  # Wednesday skipped
    assert str(states["due_at"].dtype) == "datetime64[ns, UTC]"
    assert states.loc[4, "remaining_seconds"] == 0
    assert states.loc[5, "remaining_seconds"] == 3600
    assert states.loc[6, "remaining_seconds"] == 6 * 3600
    assert math.isnan(states.loc[1, "remaining_seconds"])


def test_a_response_of_exactly_the_target_is_on_time():
    states = comment_states(week(), CAL, NOW, target_hours=9)
    assert states.set_index("id").loc[2, "state"] == "handled_on_time"


def test_a_past_now_ignores_later_comments_and_later_actions():
    states = states_by_id()
    assert 7 not in states.index
    assert pd.isna(states.loc[8, "first_handled_at"])
    assert pd.isna(states.loc[8, "first_handled_by"])
    # The same comments that afternoon: 7 has arrived, 8 was handled late.
    later = states_by_id(local("2026-06-25 15:00"))
    assert later.loc[8, "state"] == "handled_late"
    assert later.loc[8, "first_handled_by"] == "ben"
    assert later.loc[7, "state"] == "open_ok"


def test_an_open_comment_due_exactly_now_is_at_risk_not_breached():
    # Comment 8 is due Thursday 9 h (7.5 h on Tuesday, half an hour on Thursday).
    states = states_by_id()
    assert states.loc[8, "due_at"] == NOW
    assert states.loc[8, "state"] == "open_at_risk"


def test_after_closing_an_overdue_comment_is_breached_yet_handling_it_before_opening_is_on_time():
    # DESIGN.md defines breached as "due < now" and on time as "response <= target":
    # between the due closing time and the next opening the two disagree by design.
    frame = pd.DataFrame(
        {"id": [1], "received_at": [local("2026-06-22 08:30")], "first_handled_at": [pd.NaT]}
    )
    evening = comment_states(frame, CAL, local("2026-06-22 18:00"))
    assert evening["state"].tolist() == ["open_breached"]
    frame["first_handled_at"] = [local("2026-06-22 18:00")]
    assert comment_states(frame, CAL, local("2026-06-23 09:00"))["state"].tolist() == [
        "handled_on_time"
    ]


def test_stored_utc_text_is_accepted():
    frame = pd.DataFrame(
        {
            "id": [1],
            "received_at": ["2026-06-22 13:00:00"],  # 9 h in Québec
            "first_handled_at": [None],
        }
    )
    states = comment_states(frame, CAL, "2026-06-22 14:00:00")
    assert states["due_at"].tolist() == [local("2026-06-23 09:00")]
    assert states["remaining_seconds"].tolist() == [7 * 3600]


def test_summary_counts_compliance_and_response_times_overall():
    summary = summarise(comment_states(week(), CAL, NOW))
    assert summary.to_dict("records") == [
        {
            "received": 7,
            "handled": 3,
            "handled_on_time": 2,
            "handled_late": 1,
            "open_breached": 1,
            "pending": 3,
            "compliance_pct": 50.0,  # 2 on time / (3 handled + 1 breached)
            "median_response_business_minutes": 480,  # 28 800 s
            "p90_response_business_minutes": 528,  # 28 800 + 0.8 × 3 600 s = 31 680 s
        }
    ]


def test_summary_by_platform_rounds_minutes_down_and_leaves_empty_groups_blank():
    summary = summarise(comment_states(week(), CAL, NOW), by="platform").set_index("platform")
    assert summary.loc["facebook", "compliance_pct"] == 50.0
    # median (7 259 + 32 400) / 2 = 19 829.5 s = 330.49 min
    assert summary.loc["facebook", "median_response_business_minutes"] == 330
    # p90 7 259 + 0.9 × 25 141 = 29 885.9 s = 498.1 min
    assert summary.loc["facebook", "p90_response_business_minutes"] == 498
    counts = ["received", "handled", "open_breached", "pending"]
    assert summary.loc["instagram", counts].tolist() == [3, 1, 1, 1]
    assert summary.loc["instagram", "compliance_pct"] == 50.0
    assert summary.loc["x", "pending"] == 2
    assert math.isnan(summary.loc["x", "compliance_pct"])
    assert pd.isna(summary.loc["x", "median_response_business_minutes"])


def test_summary_of_nothing_is_one_row_of_zeros():
    empty = comment_states(week().iloc[:0], CAL, NOW)
    summary = summarise(empty)
    assert len(summary) == 1
    assert summary.loc[0, "received"] == 0
    assert math.isnan(summary.loc[0, "compliance_pct"])


def test_daily_has_every_calendar_day_with_comments_on_their_local_arrival_date():
    rows = daily(comment_states(week(), CAL, NOW), CAL, date(2026, 6, 19), date(2026, 6, 26))
    assert rows["date"].tolist() == [date(2026, 6, d) for d in range(19, 27)]
    assert rows["received"].tolist() == [1, 0, 0, 3, 3, 0, 0, 0]
    assert rows["handled_on_time"].tolist() == [1, 0, 0, 1, 0, 0, 0, 0]
    assert rows["pending"].tolist() == [0, 0, 0, 0, 3, 0, 0, 0]
    assert rows.loc[3, "compliance_pct"] == pytest.approx(100 / 3)
    assert list(rows.columns) == [
        "date",
        "received",
        "handled",
        "handled_on_time",
        "handled_late",
        "open_breached",
        "pending",
        "compliance_pct",
        "median_response_business_minutes",
        "p90_response_business_minutes",
    ]


def test_daily_on_business_days_counts_a_comment_on_the_day_its_clock_started():
    rows = daily(
        comment_states(week(), CAL, NOW),
        CAL,
        date(2026, 6, 19),
        date(2026, 6, 26),
        business_days_only=True,
    )
    assert rows["date"].tolist() == [date(2026, 6, d) for d in (19, 22, 23, 25, 26)]
    assert rows["received"].tolist() == [0, 4, 3, 0, 0]  # Friday 17 h 05 counts on Monday


def test_explain_clock_in_french_names_the_skipped_holiday():
    text = explain_clock(local("2026-06-23 17:05"), CAL, 8, lang="fr")
    assert text == (
        "reçu mardi 17 h 05 → horloge démarrée jeudi 8 h 30 → échéance jeudi 16 h 30"
        " (congé sauté : Fête nationale du Québec, mercredi 24 juin)"
    )


def test_explain_clock_in_english_names_the_skipped_holiday():
    text = explain_clock(local("2026-06-23 17:05"), CAL, 8, lang="en")
    assert text == (
        "received Tuesday 5:05 p.m. → clock started Thursday 8:30 a.m. → due Thursday 4:30 p.m."
        " (closed day skipped: Saint Jean Baptiste Day, Wednesday, June 24)"
    )


def test_explain_clock_over_a_weekend_matches_the_design_example():
    assert explain_clock(local("2026-03-06 17:05"), CAL) == (
        "reçu vendredi 17 h 05 → horloge démarrée lundi 8 h 30 → échéance lundi 16 h 30"
    )


def test_explain_clock_dates_moments_more_than_six_days_away_and_lists_closures():
    cal = BusinessCalendar(extra_closures=[date(2026, 12, 24)])
    assert explain_clock(local("2026-06-19 17:05"), CAL, 40) == (
        "reçu vendredi 17 h 05 → horloge démarrée lundi 8 h 30 → échéance lundi 29 juin 16 h 30"
        " (congé sauté : Fête nationale du Québec, mercredi 24 juin)"
    )
    assert explain_clock(local("2026-12-23 12:00"), cal, 8, lang="fr") == (
        "reçu mercredi 12 h → horloge démarrée dès la réception → échéance lundi 12 h"
        " (congés sautés : Fermeture, jeudi 24 décembre ; Jour de Noël, vendredi 25 décembre)"
    )
    assert explain_clock(local("2026-12-23 12:00"), cal, 8, lang="en") == (
        "received Wednesday 12 p.m. → clock started on receipt → due Monday 12 p.m."
        " (closed days skipped: Closure, Thursday, December 24;"
        " Christmas Day, Friday, December 25)"
    )


# --- stored due dates ---


def insert_comment(db, id, status, received, handled=None):
    received_utc = local(received)
    db["comments"].insert(
        {
            "id": id,
            "platform": "facebook",
            "account": "ministere",
            "external_id": f"fb-{id}",
            "received_at": to_db_time(received_utc),
            "status": status,
            "first_handled_at": to_db_time(local(handled)) if handled else None,
            "due_at": to_db_time(Settings().calendar().deadline(received_utc, 8)),
        }
    )


def test_due_times_use_the_settings_calendar_and_target():
    received = pd.DataFrame({"received_at": [local("2026-12-23 12:30")]}, index=[42])

    def due_dates_for(settings):
        return clock_columns(received, settings)["due_at"]

    assert due_dates_for(Settings()).to_dict() == {42: local("2026-12-24 12:30")}
    four_hours = Settings(target_hours=4, closures=("2026-12-23",))
    assert due_dates_for(four_hours).to_dict() == {42: local("2026-12-24 12:30")}


@pytest.fixture
def three_comments(team_db):
    insert_comment(team_db, 1, "new", "2026-12-23 12:30")
    insert_comment(team_db, 2, "answered", "2026-12-23 12:30", handled="2026-12-23 13:00")
    insert_comment(team_db, 3, "assigned", "2026-12-21 09:00")  # due on the 22nd either way
    return team_db


def stored_due_dates(db):
    return {row["id"]: row["due_at"] for row in db["comments"].rows}


AFTER_CLOSURE = {
    1: "2026-12-28 17:30:00",  # Monday 12 h 30, EST
    2: "2026-12-24 17:30:00",  # handled: measured against the old date
    3: "2026-12-22 14:00:00",
}


def test_recompute_due_dates_moves_open_comments_after_a_new_closure_but_not_handled_ones(
    three_comments,
):
    db = three_comments
    assert recompute_due_dates(db, Settings()) == 0
    assert recompute_due_dates(db, Settings(closures=("2026-12-24",))) == 1
    assert stored_due_dates(db) == AFTER_CLOSURE
    assert {row["version"] for row in db["comments"].rows} == {1}


def test_recompute_due_dates_reads_the_stored_settings(three_comments):
    db = three_comments
    save_settings(db, "lea", closures=("2026-12-24",))  # recomputes in its transaction
    assert stored_due_dates(db) == AFTER_CLOSURE
    assert recompute_due_dates(db, load_settings(db)) == 0
