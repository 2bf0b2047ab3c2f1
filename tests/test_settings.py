"""Settings: lead-only, validated, recorded in the history; calendar changes move open due times."""

from datetime import date

import pandas as pd
import pytest

from lib.auth import PermissionDenied
from lib.i18n import label
from lib.settings import (
    SettingsError,
    active_reasons,
    boxing_day_closure,
    exclude_author,
    excluded_authors,
    holiday_season_closures,
    is_excluded,
    load_settings,
    readmit_author,
    save_settings,
    settings_at,
    settings_history,
)


@pytest.fixture
def db(team_db):
    return team_db


def insert_comment(db, comment_id, status, received, handled=None, due=None):
    db["comments"].insert(
        {
            "id": comment_id,
            "platform": "facebook",
            "external_id": f"c{comment_id}",
            "received_at": received,
            "status": status,
            "first_handled_at": handled,
            "due_at": due,
        }
    )


def test_a_moderator_cannot_save_settings_and_nothing_changes(db):
    with pytest.raises(PermissionDenied):
        save_settings(db, "ana", target_hours=4)
    assert load_settings(db).target_hours == 8.0
    assert settings_history(db) == []


def test_a_lead_saves_and_each_change_is_recorded_with_who(db):
    save_settings(db, "lea", target_hours=6, at_risk_hours=1.5, compliance_goal_pct=90)
    history = settings_history(db)
    assert [(h["actor"], h["key"], h["old"], h["new"]) for h in history] == [
        ("lea", "at_risk_hours", "2.0", "1.5"),
        ("lea", "target_hours", "8.0", "6.0"),
    ]  # newest first; the unchanged goal is not recorded
    assert all(h["at"] for h in history)
    assert load_settings(db).target_hours == 6.0


@pytest.mark.parametrize(
    "changes",
    [
        {"open_time": "17:00"},
        {"weekdays": []},
        {"target_hours": 0},
        {"at_risk_hours": 9},
        {"compliance_goal_pct": 120},
        {"closures": ["2026-13-01"]},
        {"reason_labels": {"desaccord": {"fr": "Désaccord", "en": "Disagreement"}}},
        {"retired_reasons": ["nouveau_code"]},
        {"reason_labels": {"pourriel": {"fr": "", "en": "Spam"}}},
        {"templates": {"inconnu": {"fr": "x", "en": "y"}}},
        {"colour": "blue"},
    ],
)
def test_values_the_rules_refuse_are_not_saved(db, changes):
    with pytest.raises(SettingsError):
        save_settings(db, "lea", **changes)
    assert settings_history(db) == []


def test_a_reason_is_renamed_and_retired_never_invented(db):
    settings = save_settings(
        db,
        "lea",
        reason_labels={"pourriel": {"fr": "Pourriel ou hameçonnage", "en": "Spam or phishing"}},
        retired_reasons=["confus"],
    )
    renames = settings.reason_labels
    assert label("reason", "pourriel", "fr", renames) == "Pourriel ou hameçonnage"
    assert label("reason", "pourriel", "en", renames) == "Spam or phishing"
    assert label("reason", "confus", "fr", renames) == "Confus ou imprécis"  # still readable
    assert "confus" not in active_reasons(settings)
    assert len(active_reasons(settings)) == 15


def test_holiday_presets_cover_the_coming_season():
    fetes = holiday_season_closures(date(2026, 11, 20))
    assert fetes[0] == "2026-12-24" and fetes[-1] == "2027-01-02" and len(fetes) == 10
    assert "2026-12-26" in fetes
    assert holiday_season_closures(date(2027, 1, 2))[0] == "2026-12-24"  # season under way
    assert holiday_season_closures(date(2027, 1, 3))[0] == "2027-12-24"
    assert boxing_day_closure(date(2026, 11, 20)) == ("2026-12-26",)


def test_closures_are_stored_sorted_once_each(db):
    settings = save_settings(db, "lea", closures=["2026-12-26", date(2026, 12, 24), "2026-12-26"])
    assert settings.closures == ("2026-12-24", "2026-12-26")


def test_adding_a_closure_moves_the_due_time_of_an_open_comment_not_a_handled_one(db):
    # Wednesday 23 December 2026, 12:30 in Québec (17:30 UTC): due Thursday 24 at 12:30.
    insert_comment(db, 1, "new", "2026-12-23 17:30:00", due="2026-12-24 17:30:00")
    insert_comment(
        db, 2, "answered", "2026-12-23 17:30:00", "2026-12-23 18:00:00", "2026-12-24 17:30:00"
    )
    save_settings(db, "lea", closures=["2026-12-24"])
    due = {row["id"]: row["due_at"] for row in db["comments"].rows}
    # 24 closed, 25 Christmas, 26-27 weekend: Monday 28 December, 12:30 EST.
    assert due == {1: "2026-12-28 17:30:00", 2: "2026-12-24 17:30:00"}


def test_a_shorter_target_moves_open_due_times_at_once(db):
    insert_comment(db, 1, "assigned", "2026-12-21 14:00:00", due="2026-12-22 14:00:00")
    save_settings(db, "lea", target_hours=4)
    assert db["comments"].get(1)["due_at"] == "2026-12-21 18:00:00"  # Monday 13 h 00 EST


def test_a_lead_excludes_and_readmits_an_author_and_both_are_recorded(db):
    exclude_author(db, "lea", "facebook", " troll_42 ", until="2026-12-31", reason="menaces")
    exclude_author(db, "lea", "x", "spambot", reason="pourriel")
    assert [(e["platform"], e["author_handle"], e["until"]) for e in excluded_authors(db)] == [
        ("facebook", "troll_42", "2026-12-31"),
        ("x", "spambot", None),
    ]
    assert is_excluded(db, "facebook", "troll_42", on=date(2026, 12, 31))
    assert not is_excluded(db, "facebook", "troll_42", on=date(2027, 1, 1))
    assert is_excluded(db, "x", "spambot", on=date(2040, 1, 1))  # permanent
    assert readmit_author(db, "lea", "x", "spambot")
    assert not readmit_author(db, "lea", "x", "spambot")
    assert not is_excluded(db, "x", "spambot", on=date(2026, 12, 1))
    history = settings_history(db)
    assert [(h["actor"], h["key"]) for h in history] == [("lea", "excluded_authors")] * 3
    assert history[0]["new"] is None and "spambot" in history[0]["old"]


def _saved_at(monkeypatch, db, when, **changes):
    monkeypatch.setattr("lib.settings.now_utc", lambda: pd.Timestamp(when, tz="UTC"))
    return save_settings(db, "lea", **changes)


def test_settings_at_a_past_instant_undo_every_later_change(db, monkeypatch):
    original = load_settings(db)
    _saved_at(monkeypatch, db, "2026-11-02 14:00:00", compliance_goal_pct=85)
    before = load_settings(db)
    _saved_at(monkeypatch, db, "2026-11-19 15:00:00", target_hours=6)
    _saved_at(monkeypatch, db, "2026-11-20 13:00:00", closures=["2026-12-24"], target_hours=4)
    exclude_author(db, "lea", "x", "spambot")  # an exclusion is no setting: ignored
    current = load_settings(db)
    assert (current.target_hours, current.closures) == (4.0, ("2026-12-24",))

    assert settings_at(db, "2026-11-01 00:00:00") == original
    assert settings_at(db, pd.Timestamp("2026-11-18 17:00", tz="America/Toronto")) == before
    yesterday = settings_at(db, "2026-11-19 20:00:00")
    assert (yesterday.target_hours, yesterday.closures) == (6.0, ())
    assert yesterday.compliance_goal_pct == 85.0
    # A change recorded at the instant itself is in effect.
    assert settings_at(db, "2026-11-20 13:00:00") == current
    assert settings_at(db, pd.Timestamp("2026-11-21 09:00")) == current
    assert settings_at(db, "2026-11-19 20:00:00").calendar() == before.calendar()


def test_a_moderator_cannot_exclude_or_readmit(db):
    with pytest.raises(PermissionDenied):
        exclude_author(db, "ana", "facebook", "someone")
    exclude_author(db, "lea", "facebook", "someone")
    with pytest.raises(PermissionDenied):
        readmit_author(db, "ana", "facebook", "someone")
    assert len(excluded_authors(db)) == 1


def test_an_exclusion_needs_a_known_platform_and_a_handle(db):
    with pytest.raises(SettingsError):
        exclude_author(db, "lea", "myspace", "someone")
    with pytest.raises(SettingsError):
        exclude_author(db, "lea", "facebook", "  ")


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"reason_labels": {"pourriel": {"fr": "P" * 81, "en": "Spam"}}}, "too_long"),
        (
            {"reason_labels": {"pourriel": {"fr": "Pourriel\x00", "en": "Spam"}}},
            "control_character",
        ),
        (
            {"reason_labels": {"pourriel": {"fr": "Pourriel\nou", "en": "Spam"}}},
            "control_character",
        ),
        ({"templates": {"plainte": {"fr": "x" * 8001, "en": "y"}}}, "too_long"),
        ({"templates": {"plainte": {"fr": "Écrivez\x1b[31m", "en": "y"}}}, "control_character"),
    ],
)
def test_labels_and_templates_are_refused_too_long_or_with_control_characters(db, changes, code):
    with pytest.raises(SettingsError) as refused:
        save_settings(db, "lea", **changes)
    assert refused.value.code == code
    assert settings_history(db) == []


def test_a_template_keeps_its_lines_and_may_be_as_long_as_a_reply(db):
    text = "Bonjour,\n\tnous avons bien reçu votre demande.\n" + "x" * 7900
    settings = save_settings(db, "lea", templates={"plainte": {"fr": text, "en": "Hello"}})
    assert settings.templates["plainte"]["fr"] == text


def test_an_exclusion_refuses_a_handle_or_reason_too_long_or_with_control_characters(db):
    for handle, reason, code in [
        ("h" * 101, "", "exclusion_too_long"),
        ("someone", "r" * 2001, "exclusion_too_long"),
        ("some\x00one", "", "exclusion_control_character"),
    ]:
        with pytest.raises(SettingsError) as refused:
            exclude_author(db, "lea", "facebook", handle, reason=reason)
        assert refused.value.code == code
    assert excluded_authors(db) == []
