"""The lead pages' figures on small databases whose answers were computed by hand.

June 2026 holds the Fête nationale (Wednesday 24 June, not a business day);
1 November 2026 is the end of daylight-saving time (EDT -4 h → EST -5 h).
Office hours 8 h 30–16 h 30, target 8 business hours, at risk under 2 hours.
"""

from datetime import date

import pandas as pd
import pytest

from lib import compliance, metrics
from lib.db import immediate
from lib.ingest import insert_comments
from lib.moderation import act
from lib.queries import comments_between
from lib.settings import load_settings, save_settings
from lib.states import comment_states
from lib.times import now_utc

TZ = "America/Toronto"


def local(text):
    return pd.Timestamp(text, tz=TZ)


def fill(db, comments, handlings) -> dict[str, int]:
    """Comments and what ana did, in the team's database; the ids by external id.

    comments: {external_id: local received}; handlings: (external_id, kind, local at, extra).
    """
    rows = pd.DataFrame(
        {
            "platform": "facebook",
            "account": "ministere",
            "external_id": list(comments),
            "post_ref": "p1",
            "author_name": "Jean Tremblay",
            "author_handle": "jtremblay",
            "text": "Bonjour, une question sur le programme.",
            "received_at": [local(v).tz_convert("UTC") for v in comments.values()],
        }
    )
    with immediate(db):  # committed, so that the app's own connections see them too
        insert_comments(db, rows)
    ids = {r["external_id"]: r["id"] for r in db.query("SELECT id, external_id FROM comments")}
    for external_id, kind, at, extra in handlings:
        version = db["comments"].get(ids[external_id])["version"]
        act(db, ids[external_id], kind, "ana", version, at=local(at).tz_convert("UTC"), **extra)
    return ids


JUNE = {
    "c1": "2026-06-22 09:00",  # Monday, hidden 10 h 30: 1 h 30, on time
    "c2": "2026-06-23 15:30",  # Tuesday, redirected Thursday 10 h 30: 1 h + 0 + 2 h = 3 h
    "c3": "2026-06-24 10:00",  # the holiday, replied Thursday 16 h: 7 h 30, on time
    "c4": "2026-06-25 09:00",  # Thursday, never handled: due Friday 9 h, breached at now
    "c5": "2026-06-26 15:00",  # Friday, open: 1 h 30 spent, pending
    "c6": "2026-06-22 08:00",  # Monday before opening, deleted Tuesday 9 h: 8 h 30, late
}
JUNE_HANDLINGS = [
    ("c1", "hide", "2026-06-22 10:30", {"reasons": ("injurieux",)}),
    ("c2", "redirect", "2026-06-25 10:30", {"template": "plainte"}),
    ("c3", "reply", "2026-06-25 16:00", {"reply": "Merci, voici la réponse."}),
    ("c6", "delete", "2026-06-23 09:00", {"reasons": ("pourriel",)}),
]
JUNE_NOW = local("2026-06-26 17:00")


@pytest.fixture
def june(team_db):
    return team_db, fill(team_db, JUNE, JUNE_HANDLINGS)


def test_compliance_over_a_week_with_the_fete_nationale(june):
    db, _ids = june
    figures = metrics.compliance_figures(db, date(2026, 6, 22), date(2026, 6, 26), JUNE_NOW)
    overall = figures.overall
    assert (overall["received"], overall["handled"], overall["handled_on_time"]) == (6, 4, 3)
    assert (overall["handled_late"], overall["open_breached"], overall["pending"]) == (1, 1, 1)
    assert overall["compliance_pct"] == pytest.approx(60.0)  # 3 / (4 + 1)
    assert overall["median_response_business_minutes"] == 315  # of 90, 180, 450, 510
    per_day = figures.per_day.set_index("date")["compliance_pct"]
    assert per_day[date(2026, 6, 22)] == pytest.approx(50.0)
    assert per_day[date(2026, 6, 24)] == pytest.approx(100.0)  # the holiday's comment
    assert per_day[date(2026, 6, 25)] == pytest.approx(0.0)
    assert pd.isna(per_day[date(2026, 6, 26)])  # only a pending comment
    assert list(figures.closed_days["date"]) == [date(2026, 6, 24)]
    assert figures.breaches_total == 2


def test_compliance_figures_equal_the_engines(june):
    db, _ids = june
    settings = load_settings(db)
    cal = settings.calendar()
    states = comment_states(comments_between(db, None, None), cal, JUNE_NOW, 8, 2)
    figures = metrics.compliance_figures(db, date(2026, 6, 22), date(2026, 6, 26), JUNE_NOW)
    engine = compliance.daily(states, cal, date(2026, 6, 22), date(2026, 6, 26))
    pd.testing.assert_frame_equal(figures.per_day, engine)
    by_platform = compliance.summarise(states, "platform")
    pd.testing.assert_frame_equal(figures.breakdowns["platform"], by_platform)


def test_today_compares_with_the_business_day_before_the_holiday(june):
    db, _ids = june
    figures = metrics.today_figures(db, date(2026, 6, 25), JUNE_NOW)
    assert figures.previous_day == date(2026, 6, 23)  # 24 June is skipped
    cards = {c.key: (c.value, c.previous) for c in figures.cards}
    assert cards["received"] == (1, 1)
    assert cards["handled"] == (0, 0)  # read at each day's end
    assert cards["open_now"] == (1, 1)  # c4 then, c2 the day before
    assert cards["at_risk_now"] == (1, 0)  # c4 had 30 min left at midnight
    assert cards["breached_now"] == (0, 0)
    assert figures.by_hour.set_index("hour").loc[9, "received"] == 1


def test_reasons_count_removals_and_redirects(june):
    db, _ids = june
    figures = metrics.reasons_figures(db, date(2026, 6, 22), date(2026, 6, 26))
    assert dict(
        zip(figures.by_reason["reason_code"], figures.by_reason["removals"], strict=True)
    ) == {
        "injurieux": 1,
        "pourriel": 1,
    }
    assert figures.redirects.set_index("template").loc["plainte", "redirects"] == 1
    assert figures.removed_comments == 2
    assert list(figures.repeat_authors["removed"]) == [2]
    assert "Tremblay" not in figures.repeat_authors["author"].iloc[0]
    assert figures.removal_rate["removed"].sum() == 2


AUTUMN = {
    "d1": "2026-10-30 16:00",  # Friday EDT; replied Monday 8 h 45 EST: 30 + 15 min
    "d2": "2026-10-31 23:30",  # Saturday (already 1 November in UTC); Monday 9 h 30: 1 h
    "d3": "2026-11-01 23:00",  # Sunday EST (2 November in UTC); Monday 16 h 30: 8 h, on time
    "d4": "2026-11-02 09:00",  # Monday, open; due Tuesday 9 h, breached at 10 h
}
AUTUMN_HANDLINGS = [
    ("d1", "reply", "2026-11-02 08:45", {"reply": "Merci."}),
    ("d2", "reply", "2026-11-02 09:30", {"reply": "Merci."}),
    ("d3", "no_reply_needed", "2026-11-02 16:30", {}),
]


def test_compliance_across_the_end_of_daylight_saving_time(team_db):
    db = team_db
    fill(db, AUTUMN, AUTUMN_HANDLINGS)
    now = local("2026-11-03 10:00")
    figures = metrics.compliance_figures(db, date(2026, 10, 30), date(2026, 11, 2), now)
    per_day = figures.per_day.set_index("date")
    assert list(per_day["received"]) == [1, 1, 1, 1]  # local dates, not UTC ones
    assert list(per_day["handled_on_time"]) == [1, 1, 1, 0]
    assert per_day.loc[date(2026, 11, 2), "open_breached"] == 1
    assert figures.overall["compliance_pct"] == pytest.approx(75.0)
    assert figures.overall["median_response_business_minutes"] == 60  # of 45, 60, 480
    assert figures.breakdowns["weekday"].set_index("weekday").loc[5, "received"] == 1


@pytest.mark.parametrize(
    ("preset", "expected"),
    [
        ("7d", (date(2026, 10, 27), date(2026, 11, 2))),
        ("30d", (date(2026, 10, 4), date(2026, 11, 2))),
        ("month", (date(2026, 11, 1), date(2026, 11, 2))),
        ("last_month", (date(2026, 10, 1), date(2026, 10, 31))),
        ("quarter", (date(2026, 10, 1), date(2026, 11, 2))),
    ],
)
def test_presets_are_local_dates_with_both_ends_included(preset, expected):
    assert metrics.preset_range(preset, date(2026, 11, 2)) == expected


def test_removal_rate_is_of_the_comments_received_in_the_range_removed_so_far(team_db):
    db = team_db
    fill(
        db,
        {
            "old": "2026-06-12 10:00",  # before the range, removed in it
            "new": "2026-06-24 10:00",  # in the range, removed in it
            "late": "2026-06-25 10:00",  # in the range, removed after it
            "kept": "2026-06-23 10:00",
        },
        [
            ("old", "hide", "2026-06-24 11:00", {"reasons": ["pourriel"]}),
            ("new", "delete", "2026-06-24 11:30", {"reasons": ["injurieux"]}),
            ("late", "hide", "2026-06-30 09:00", {"reasons": ["injurieux"]}),
        ],
    )
    figures = metrics.reasons_figures(db, date(2026, 6, 23), date(2026, 6, 26))
    assert figures.removed_comments == 2  # the removals made in the range: old and new
    rate = figures.removal_rate
    # One week, cut by the range: named after its first day in the range, not Monday 22.
    assert list(rate["week"]) == [date(2026, 6, 23)]
    assert rate[["received", "removed"]].to_numpy().tolist() == [[3, 2]]  # new and late
    assert rate["removal_rate_pct"].iloc[0] == pytest.approx(200 / 3)
    assert list(figures.trend["week"].unique()) == [date(2026, 6, 23)]


def test_a_week_cut_by_the_range_is_named_after_its_first_day(june):
    db, _ids = june
    figures = metrics.compliance_figures(db, date(2026, 6, 24), date(2026, 6, 26), JUNE_NOW)
    assert list(figures.per_week["week"]) == [date(2026, 6, 24)]
    assert figures.per_week["received"].tolist() == [3]  # c3, c4, c5


def test_conformite_figures_hold_until_an_open_comment_turns_at_risk(june):
    db, _ids = june
    figures = metrics.compliance_figures(db, date(2026, 6, 22), date(2026, 6, 26), JUNE_NOW)
    # c5, received Friday 15 h, has 1 h 30 then Monday 8 h 30 + 4 h 30: 6 of its 8 hours
    # are spent at Monday 13 h; from the next business second under 2 hours remain.
    assert figures.valid_until == local("2026-06-29 13:00:01")
    before = metrics.compliance_figures(
        db, date(2026, 6, 22), date(2026, 6, 26), figures.valid_until - pd.Timedelta(seconds=1)
    )
    pd.testing.assert_frame_equal(before.per_day, figures.per_day)


def test_aujourdhui_figures_hold_until_the_previous_day_at_the_same_time_changes(june):
    db, _ids = june
    now = local("2026-06-26 15:30")
    figures = metrics.today_figures(db, date(2026, 6, 26), now)
    # Thursday's side of the comparison is read at Thursday 15 h 30; c3 (received on the
    # holiday) was answered Thursday 16 h, so the comparison moves at Friday 16 h.
    assert figures.valid_until == local("2026-06-26 16:00")

    def previous(f):
        return pd.Series({c.key: c.previous for c in f.cards}, dtype=float)

    cards = previous(figures)
    just_before = metrics.today_figures(db, date(2026, 6, 26), local("2026-06-26 15:59:59"))
    pd.testing.assert_series_equal(previous(just_before), cards)  # NaN equals NaN here
    after = metrics.today_figures(db, date(2026, 6, 26), local("2026-06-26 16:00"))
    assert previous(after)["open_now"] == cards["open_now"] - 1


def test_a_past_day_is_read_at_its_end_and_never_expires(june):
    db, _ids = june
    figures = metrics.today_figures(db, date(2026, 6, 25), JUNE_NOW)
    assert pd.isna(figures.valid_until)


def test_the_chart_marks_the_present_only_on_today():
    now = local("2026-06-26 15:47:30")
    assert metrics.present_hour(date(2026, 6, 26), now) == 15 + 47 / 60
    assert metrics.present_hour(date(2026, 6, 25), now) is None


def test_office_hours_are_not_shaded_on_a_closed_day(june):
    db, _ids = june
    assert metrics.today_figures(db, date(2026, 6, 24), JUNE_NOW).office_hours is None
    assert metrics.today_figures(db, date(2026, 6, 25), JUNE_NOW).office_hours == ((8.5, 16.5),)


def test_a_past_day_keeps_the_figures_of_its_settings_after_a_change(june):
    db, _ids = june
    db["users"].insert({"username": "chef", "display_name": "Chef", "role": "lead"}, replace=True)
    before = metrics.compliance_figures(db, date(2026, 6, 22), date(2026, 6, 26), JUNE_NOW)
    save_settings(db, "chef", target_hours=2, at_risk_hours=1)  # today, long after June
    after = metrics.compliance_figures(db, date(2026, 6, 22), date(2026, 6, 26), JUNE_NOW)
    pd.testing.assert_frame_equal(after.per_day, before.per_day)
    present = metrics.compliance_figures(db, date(2026, 6, 22), date(2026, 6, 26), now_utc())
    assert present.target_hours == 2


def test_the_next_state_change_of_the_whole_database_is_the_first_open_comments(june):
    db, _ids = june
    # c4 is already overdue; c5 turns at risk on Monday's first business second after 13 h.
    assert metrics.next_state_change(db, JUNE_NOW) == local("2026-06-29 13:00:01")
    # And once it is at risk, the next change is its due time passing (Monday 15 h).
    later = metrics.next_state_change(db, local("2026-06-29 13:30"))
    assert later == local("2026-06-29 15:00:01")
