"""Service levels: chosen at arrival, stored with the comment, and read the same way by the
figures, the queue's SQL and the detail panel; recomputed only by a lead's change."""

from datetime import time

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.business_time import AroundTheClock
from lib.db import open_db, to_db_time, to_db_times
from lib.ingest import insert_comments
from lib.service_levels import DEFAULT_LEVEL, EMERGENCY_LEVEL, assign, level_of, levels
from lib.settings import (
    Settings,
    SettingsError,
    calendar_version,
    calendar_version_row,
    load_settings,
    save_settings,
)
from lib.states import (
    OPEN_STATES,
    STATE_SQL,
    clock_columns,
    comment_states,
    state_clock,
    state_of,
    states_for,
)
from tests.test_states import states_read_three_ways

URGENT = EMERGENCY_LEVEL  # threats and distress, 1 h around the clock
QUESTION = {
    "code": "question",
    "name": {"fr": "Question", "en": "Question"},
    "flags": ["question"],
    "platforms": ["facebook"],
    "target_hours": 16.0,
    "clock": "business",
}


TZ = "America/Toronto"


def local(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz=TZ).tz_convert("UTC")


@pytest.fixture
def db():
    with open_db(":memory:") as db:
        db["users"].insert({"username": "lea", "display_name": "Léa", "role": "lead"})
        yield db


def comment(external_id: str, text: str, received: str, platform: str = "facebook") -> dict:
    return {
        "platform": platform,
        "account": "Ville de Québec",
        "external_id": external_id,
        "author_name": "Auteur inventé",
        "text": text,
        "received_at": local(received),
    }


# --- choosing a level ----------------------------------------------------------------


def test_the_first_level_a_comment_meets_is_its_level():
    rules = Settings(service_levels=(URGENT, QUESTION))
    frame = pd.DataFrame(
        {
            "flags": ["question urgent", "question", "question", "", None],
            "platform": ["facebook", "facebook", "x", "facebook", "facebook"],
            "account": ["A", "A", "A", "A", "A"],
        }
    )
    assert assign(frame, rules).tolist() == [
        "urgence",  # urgent and a Facebook question: the first level wins
        "question",
        DEFAULT_LEVEL,  # a question on X: QUESTION is for Facebook only
        DEFAULT_LEVEL,
        DEFAULT_LEVEL,
    ]


def test_accounts_match_without_regard_to_case_or_spaces():
    rules = Settings(service_levels=({**QUESTION, "flags": [], "accounts": ["Ville de Québec"]},))
    frame = pd.DataFrame({"platform": "facebook", "account": [" ville de québec", "Autre", None]})
    assert assign(frame, rules).tolist() == ["question", DEFAULT_LEVEL, DEFAULT_LEVEL]


def test_the_default_level_is_the_settings_target_on_business_hours():
    default = levels(Settings(target_hours=6))[-1]
    assert (default.code, default.target_hours, default.around_the_clock) == (
        DEFAULT_LEVEL,
        6.0,
        False,
    )
    assert level_of(Settings(), "no-longer-defined").code == DEFAULT_LEVEL


@pytest.mark.parametrize(
    ("level", "code"),
    [
        ({**URGENT, "code": "Urgence!"}, "level_code"),
        ({**URGENT, "code": "default"}, "level_code"),
        ({**URGENT, "name": {"fr": "", "en": ""}}, "level_needs_name"),
        ({**URGENT, "flags": []}, "level_needs_condition"),
        ({**URGENT, "flags": ["menace"]}, "level_unknown_condition"),
        ({**URGENT, "platforms": ["myspace"]}, "level_unknown_condition"),
        ({**URGENT, "target_hours": 0}, "target_not_positive"),
        ({**URGENT, "clock": "lunar"}, "level_clock"),
        ({**URGENT, "name": {"fr": "U" * 81, "en": "U"}}, "too_long"),
        ({**URGENT, "accounts": ["a\x1bb"]}, "control_character"),
    ],
)
def test_a_level_the_rules_refuse_is_not_saved(db, level, code):
    with pytest.raises(SettingsError) as refused:
        save_settings(db, "lea", service_levels=[level])
    assert refused.value.code == code
    assert load_settings(db).service_levels == ()


def test_two_levels_may_not_share_a_code(db):
    with pytest.raises(SettingsError) as refused:
        save_settings(db, "lea", service_levels=[URGENT, {**QUESTION, "code": "urgence"}])
    assert refused.value.code == "level_code"


# --- stored at arrival, recomputed by the lead's change ------------------------------


def test_an_urgent_comment_on_a_24_7_level_is_overdue_at_night_a_question_is_not(db):
    save_settings(db, "lea", service_levels=[URGENT, QUESTION])
    # Friday 17 h 30, after closing: both arrive at the same moment.
    insert_comments(
        db,
        pd.DataFrame(
            [
                comment("1", "Je vais vous tuer, attendez-moi ce soir", "2026-03-06 17:30"),
                comment("2", "Quand ouvre le bureau de la région?", "2026-03-06 17:30"),
            ]
        ),
    )
    rows = {r["external_id"]: r for r in db.query("SELECT * FROM comments")}
    assert "urgent" in rows["1"]["flags"].split()
    assert "question" in rows["2"]["flags"].split()
    assert (rows["1"]["service_level"], rows["1"]["around_the_clock"]) == ("urgence", 1)
    assert (rows["2"]["service_level"], rows["2"]["around_the_clock"]) == ("question", 0)
    assert rows["1"]["due_at"] == to_db_time(local("2026-03-06 18:30"))
    # 16 business hours from Monday 8 h 30: Tuesday 16 h 30.
    assert rows["2"]["due_at"] == to_db_time(local("2026-03-10 16:30"))

    night = local("2026-03-06 23:00")
    clock = state_clock(night, load_settings(db).calendar(), load_settings(db).at_risk_hours)
    in_sql = dict(db.execute(f"SELECT external_id, {STATE_SQL} FROM comments", clock.params()))
    assert in_sql == {"1": "open_breached", "2": "open_ok"}
    assert {k: state_of(r, clock) for k, r in rows.items()} == in_sql


def test_a_change_of_levels_recomputes_open_comments_only_and_records_the_version(db):
    insert_comments(
        db,
        pd.DataFrame(
            [
                comment("1", "Je vais vous tuer", "2026-03-02 10:00"),
                comment("2", "Je vais te tuer toi aussi", "2026-03-02 10:00"),
            ]
        ),
    )
    db.execute("UPDATE comments SET status = 'answered' WHERE external_id = '2'")
    before = {r["external_id"]: r for r in db.query("SELECT * FROM comments")}
    assert before["1"]["service_level"] is None and before["1"]["calendar_version"] == 0

    save_settings(db, "lea", service_levels=[URGENT])
    version = calendar_version(db)
    after = {r["external_id"]: r for r in db.query("SELECT * FROM comments")}
    assert version > 0
    assert (after["1"]["service_level"], after["1"]["calendar_version"]) == ("urgence", version)
    assert after["1"]["due_at"] == to_db_time(local("2026-03-02 11:00"))
    assert after["2"] == before["2"]  # handled: kept as it was measured
    row = calendar_version_row(db, version)
    assert row["actor"] == "lea" and row["id"] == version


def test_a_comment_stored_after_a_calendar_change_carries_that_version(db):
    save_settings(db, "lea", target_hours=6)
    insert_comments(db, pd.DataFrame([comment("1", "Bonjour", "2026-03-02 10:00")]))
    stored = next(db.query("SELECT calendar_version FROM comments"))
    assert stored["calendar_version"] == calendar_version(db) > 0
    # A change that moves no due time (a label) is not a calendar version.
    save_settings(db, "lea", organisation="Ville de Québec")
    assert calendar_version(db) == stored["calendar_version"]


# --- figures, SQL and the detail agree -----------------------------------------------

FIRST = pd.Timestamp("2026-01-01", tz="UTC")
SECONDS = 2 * 365 * 24 * 3600


@st.composite
def levels_of_a_lead(draw) -> Settings:
    chosen = []
    for code, flag in (("urgence", "urgent"), ("question", "question"), ("lien", "link")):
        if draw(st.booleans()):
            chosen.append(
                {
                    "code": code,
                    "name": {"fr": code, "en": code},
                    "flags": [flag],
                    "target_hours": draw(st.integers(1, 40 * 4)) / 4,
                    "clock": draw(st.sampled_from(["business", "continuous"])),
                }
            )
    lunch = draw(st.booleans())
    weekly = {str(d): [["08:30", "12:00"], ["13:00", "16:30"]] for d in range(5)} if lunch else {}
    return Settings(
        service_levels=tuple(draw(st.permutations(chosen))),
        weekly=weekly,
        target_hours=draw(st.integers(1, 40)) / 2,
        at_risk_hours=0.5,
    )


@st.composite
def comments_and_now(draw):
    now = draw(st.integers(7 * 24 * 3600, SECONDS))
    count = draw(st.integers(0, 25))
    received = draw(st.lists(st.integers(now - 7 * 24 * 3600, now), min_size=count, max_size=count))
    flags = draw(
        st.lists(
            st.sampled_from(["", "urgent", "question", "link", "question urgent", "link question"]),
            min_size=count,
            max_size=count,
        )
    )
    handled = draw(
        st.lists(st.none() | st.integers(0, 3 * 24 * 3600), min_size=count, max_size=count)
    )
    frame = pd.DataFrame(
        {
            "id": range(1, count + 1),
            "received_at": [FIRST + pd.Timedelta(seconds=s) for s in received],
            "flags": flags,
            "platform": "facebook",
            "account": "A",
        }
    )
    frame["first_handled_at"] = [
        pd.NaT if h is None else r + pd.Timedelta(seconds=h)
        for r, h in zip(frame["received_at"], handled, strict=True)
    ]
    frame["first_handled_at"] = pd.to_datetime(frame["first_handled_at"], utc=True)
    return frame, FIRST + pd.Timedelta(seconds=now)


@settings(max_examples=120, deadline=None)
@given(st.data())
def test_each_comment_is_measured_on_its_level_and_the_three_forms_agree(data):
    rules = data.draw(levels_of_a_lead())
    frame, now = data.draw(comments_and_now())
    clocks = clock_columns(frame, rules)
    frame = frame.assign(service_level=clocks["service_level"])
    figures = states_for(frame, rules, now)

    # One comment at a time, on the clock and target of its own level.
    for row in frame.itertuples():
        level = level_of(rules, row.service_level)
        clock = AroundTheClock() if level.around_the_clock else rules.calendar()
        alone = comment_states(
            frame.loc[[row.Index]], clock, now, level.target_hours, rules.at_risk_hours
        )
        assert figures.loc[row.Index, "state"] == alone["state"].iloc[0]
        assert figures.loc[row.Index, "due_at"] == alone["due_at"].iloc[0]
        assert clocks.loc[row.Index, "due_at"] == alone["due_at"].iloc[0]
    assert figures.index.tolist() == frame.index.tolist()

    expected = figures.loc[figures["state"].isin(OPEN_STATES)].set_index("id")["state"]
    clock = state_clock(now, rules.calendar(), rules.at_risk_hours)
    with open_db(":memory:") as db:
        db["comments"].insert_all(
            {
                "id": int(row.id),
                "platform": "facebook",
                "external_id": str(row.id),
                "received_at": to_db_time(row.received_at),
                "status": "answered" if row.first_handled_at <= now else "new",
                "due_at": due,
                "around_the_clock": int(around),
                "service_level": row.service_level,
            }
            for row, due, around in zip(
                frame.itertuples(),
                to_db_times(clocks["due_at"]),
                clocks["around_the_clock"],
                strict=True,
            )
        )
        in_sql, per_state, one_by_one = states_read_three_ways(db, clock)
    assert in_sql == expected.to_dict()
    assert one_by_one == expected.to_dict()
    assert per_state == {s: set(expected.index[expected == s]) for s in OPEN_STATES}


def test_a_lunch_closure_moves_an_open_comments_due_time(db):
    insert_comments(db, pd.DataFrame([comment("1", "Bonjour", "2026-03-02 08:30")]))  # Monday
    due = next(db.query("SELECT due_at FROM comments"))["due_at"]
    assert due == to_db_time(local("2026-03-02 16:30"))
    lunch = {d: [(time(8, 30), time(12)), (time(13), time(16, 30))] for d in range(5)}
    save_settings(db, "lea", weekly=lunch)
    due = next(db.query("SELECT due_at FROM comments"))["due_at"]
    assert due == to_db_time(local("2026-03-03 09:30"))  # one hour later, Tuesday


def test_figures_exports_and_aujourdhui_break_down_by_level(db):
    from lib import metrics, reports
    from lib.times import now_utc

    save_settings(db, "lea", service_levels=[URGENT])
    # Read at the present: the figures take the settings in force at their instant.
    now = now_utc().floor("s")
    received = (now - pd.Timedelta(hours=2)).tz_convert(TZ)
    frame = pd.DataFrame(
        [
            comment("1", "Je vais vous tuer", "2026-01-01 00:00"),
            comment("2", "Bonjour, quelle est l'adresse?", "2026-01-01 00:00"),
            comment("3", "Merci pour l'information", "2026-01-01 00:00"),
        ]
    ).assign(received_at=received)
    insert_comments(db, frame)
    day = received.date()
    # Two hours: the threat's hour around the clock is past; eight business hours are not.
    figures = metrics.compliance_figures(db, day, day, now)
    by_level = figures.breakdowns["service_level"].set_index("service_level")
    assert by_level["received"].to_dict() == {"default": 2, "urgence": 1}
    assert by_level["open_breached"].to_dict() == {"default": 0, "urgence": 1}
    assert by_level.loc["urgence", "compliance_pct"] == 0

    exported = reports.compliance(db, day, day, now).set_index("comment_id")
    assert list(exported.columns)[-1] == "service_level"
    assert exported["service_level"].to_dict() == {1: "urgence", 2: "default", 3: "default"}
    queue = reports.queue(db, now).set_index("comment_id")
    assert queue.loc[1, "state"] == "open_breached" and queue.loc[1, "service_level"] == "urgence"

    today = metrics.today_figures(db, day, now).by_level.set_index("service_level")
    assert today["received"].to_dict() == {"default": 2, "urgence": 1}
