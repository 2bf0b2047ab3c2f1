"""The calendar as a lead sets it: periods per weekday, dated changes, openings and named
closures, checked and worded in `lib.settings`, and explained in the clock sentence."""

from datetime import date, time

import pandas as pd
import pytest

from lib.business_time import BusinessCalendar
from lib.compliance import explain_clock
from lib.db import open_db
from lib.settings import (
    Settings,
    SettingsError,
    load_settings,
    save_settings,
    summer_hours_changes,
)
from lib.settings.calendar import REGULAR_HOURS, SUMMER_HOURS

LUNCH = {d: [(time(8, 30), time(12)), (time(13), time(16, 30))] for d in range(5)}


def local(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="America/Toronto").tz_convert("UTC")


@pytest.fixture
def db():
    with open_db(":memory:") as db:
        db["users"].insert({"username": "lea", "display_name": "Léa", "role": "lead"})
        yield db


def test_a_week_with_a_lunch_closure_is_stored_in_its_plain_form(db):
    saved = save_settings(db, "lea", weekly=LUNCH)
    assert saved.weekly["0"] == [["08:30", "12:00"], ["13:00", "16:30"]]
    assert load_settings(db).calendar().periods_on(date(2026, 3, 2)) == (
        (time(8, 30), time(12)),
        (time(13), time(16, 30)),
    )
    # Saturday and Sunday were not given: closed.
    assert load_settings(db).calendar().periods_on(date(2026, 3, 7)) == ()


def test_overlapping_periods_are_refused_naming_the_day_in_each_language(db):
    week = {0: [(time(8, 30), time(12)), (time(11), time(16, 30))]}
    with pytest.raises(SettingsError) as refused:
        save_settings(db, "lea", weekly=week)
    assert refused.value.code == "periods_overlap"
    assert "lundi" in refused.value.describe("fr") and "11:00" in refused.value.describe("fr")
    assert "Monday" in refused.value.describe("en")
    assert load_settings(db).weekly == {}


def test_a_period_ending_before_it_starts_is_refused(db):
    with pytest.raises(SettingsError) as refused:
        save_settings(db, "lea", weekly={2: [(time(16), time(9))]})
    assert refused.value.code == "periods_order"
    assert "mercredi" in refused.value.describe("fr")


def test_a_week_emptied_by_hand_is_refused_not_read_as_the_shorthand(db):
    with pytest.raises(SettingsError) as refused:
        save_settings(db, "lea", weekly={d: [] for d in range(7)})
    assert refused.value.code == "closed_week"


def test_summer_hours_run_from_the_fete_nationale_to_labour_day(db):
    changes = summer_hours_changes(date(2027, 1, 10), load_settings(db).weekly_schedule())
    assert [(c["from"], c["name"]) for c in changes] == [
        ("2027-06-24", SUMMER_HOURS),
        ("2027-09-06", REGULAR_HOURS),  # the first Monday of September 2027
    ]
    cal = save_settings(db, "lea", schedule_changes=changes).calendar()
    friday_in_july, friday_in_september = date(2027, 7, 9), date(2027, 9, 10)
    assert cal.periods_on(friday_in_july) == ((time(8), time(12)),)
    assert cal.periods_on(friday_in_september) == ((time(8, 30), time(16, 30)),)
    assert cal.schedule_name(friday_in_july) == ("Horaire d'été", "Summer hours")
    # A Friday-morning comment in July: four hours on Friday, then Monday from 8 h.
    due = cal.deadline(local("2027-07-09 10:00"), 4)
    assert due == local("2027-07-12 10:00")


def test_a_schedule_change_needs_a_name(db):
    change = {"from": "2027-06-24", "name": "", "weekly": {"0": [["08:00", "12:00"]]}}
    with pytest.raises(SettingsError) as refused:
        save_settings(db, "lea", schedule_changes=[change])
    assert refused.value.code == "change_needs_name"


def test_an_emergency_saturday_opening_runs_the_clock_on_saturday(db):
    cal = save_settings(db, "lea", openings={"2027-03-06": [["09:00", "15:00"]]}).calendar()
    friday_evening = local("2027-03-05 18:00")
    assert cal.deadline(friday_evening, 2) == local("2027-03-06 11:00")
    assert cal.is_exceptional_opening(date(2027, 3, 6))


def test_the_clock_sentence_names_the_lunch_closure_it_skipped():
    cal = BusinessCalendar(weekly=LUNCH)
    monday_ten = local("2026-03-02 10:00")
    assert cal.deadline(monday_ten, 4) == local("2026-03-02 15:00")
    fr = explain_clock(monday_ten, cal, 4, "fr")
    en = explain_clock(monday_ten, cal, 4, "en")
    assert fr.endswith("échéance lundi 15 h (fermé de 12 h à 13 h)")
    assert en.endswith("due Monday 3 p.m. (closed 12 p.m. to 1 p.m.)")
    # Due before lunch: nothing skipped, nothing said.
    assert "fermé" not in explain_clock(monday_ten, cal, 2, "fr")


def test_a_target_reached_at_a_period_end_is_due_then_and_said_so():
    cal = BusinessCalendar(weekly=LUNCH)
    due = cal.deadline(local("2026-03-02 08:30"), 3.5)
    assert due == local("2026-03-02 12:00")
    assert explain_clock(local("2026-03-02 08:30"), cal, 3.5, "fr").endswith("échéance lundi 12 h")


def test_the_clock_sentence_names_summer_hours_and_an_exceptional_opening(db):
    changes = summer_hours_changes(date(2027, 1, 10), load_settings(db).weekly_schedule())
    settings = save_settings(
        db, "lea", schedule_changes=changes, openings={"2027-07-10": [["09:00", "15:00"]]}
    )
    friday_afternoon = local("2027-07-09 14:00")  # summer Friday: closed from noon
    text = explain_clock(friday_afternoon, settings.calendar(), 8, "fr")
    assert "Horaire d'été en vigueur" in text
    assert "ouverture exceptionnelle samedi 10 juillet, 9 h–15 h" in text
    assert "échéance lundi 10 h" in text  # Saturday 9 h–15 h, then Monday 8 h to 10 h


def test_a_named_closure_is_named_in_the_clock_sentence(db):
    settings = save_settings(
        db,
        "lea",
        closures=["2027-03-03"],
        closure_names={"2027-03-03": "Journée de formation"},
    )
    text = explain_clock(local("2027-03-02 15:30"), settings.calendar(), 8, "fr")
    assert "congé sauté : Journée de formation, mercredi 3 mars" in text


def test_settings_with_the_same_calendar_share_one_calendar():
    assert (
        Settings(weekly={"0": [["08:30", "12:00"]]}).calendar()
        is Settings(weekly={"0": [["08:30", "12:00"]]}).calendar()
    )
