"""Paramètres' calendar tabs through app.py's navigation (AppTest): the week's periods, dated
changes, exceptional openings and closures read from an .ics file."""

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.db import immediate
from lib.i18n import periods_text, read_periods
from lib.ingest import insert_comments
from lib.settings import load_settings, save_settings, settings_history, summer_hours_changes
from lib.times import utc
from tests.conftest import new_app, reading

SETTINGS_PAGE = "pages/settings.py"
FIXTURES = Path(__file__).parent / "fixtures"
TZ = "America/Toronto"
# A Monday in February 2027: the summer to come is 2027's, the .ics window 2027–2028.
NOW = pd.Timestamp("2027-02-15 10:00", tz=TZ)
MONDAY_OPENING = pd.Timestamp("2027-03-01 08:30", tz=TZ)


@pytest.fixture
def team_path(team_db, monkeypatch):
    """The small team (ana, bob: moderators; lea: lead) chosen through VIGIE_DB."""
    monkeypatch.setenv("VIGIE_DB", team_db.conn._path)
    return team_db.conn._path


def settings_page(lang="fr"):
    at = new_app("lea", lang, now=NOW, timeout=60).run()
    at.switch_page(SETTINGS_PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def week_box(at, day: int):
    return next(w for w in at.text_input if w.key.startswith(f"calendar_weekly.{day}."))


def pressed(at, label: str):
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def receive_one_comment(db, received: pd.Timestamp) -> None:
    frame = pd.DataFrame(
        {
            "platform": ["facebook"],
            "account": ["Ministère"],
            "external_id": ["c1"],
            "post_ref": ["post-1"],
            "author_name": ["Personne"],
            "author_handle": ["personne"],
            "text": ["Quand ouvrez-vous ?"],
            "received_at": [received],
        }
    )
    with immediate(db):
        insert_comments(db, frame)


def due_at(db) -> pd.Timestamp:
    return utc(db["comments"].get(1)["due_at"]).tz_convert(TZ)


def test_the_week_shows_each_days_periods_in_words(team_path):
    at = settings_page()
    assert [week_box(at, d).value for d in range(7)] == [
        "8 h 30 – 16 h 30",
        "8 h 30 – 16 h 30",
        "8 h 30 – 16 h 30",
        "8 h 30 – 16 h 30",
        "8 h 30 – 16 h 30",
        "",
        "",
    ]
    assert week_box(at, 0).label == "Lundi"


def test_a_lunch_closure_saves_the_week_and_moves_an_open_comments_due_time(team_db, team_path):
    receive_one_comment(team_db, MONDAY_OPENING)
    assert due_at(team_db) == pd.Timestamp("2027-03-01 16:30", tz=TZ)
    at = settings_page()
    for day in range(5):
        week_box(at, day).set_value("8 h 30 – 12 h, 13 h – 16 h 30")
    pressed(at, "Enregistrer")
    assert at.success[0].value == "Enregistré."
    lunch = [["08:30", "12:00"], ["13:00", "16:30"]]
    settings = reading(team_path, load_settings)
    assert settings.weekly == {**{str(d): lunch for d in range(5)}, "5": [], "6": []}
    assert [h["key"] for h in reading(team_path, settings_history)] == ["weekly"]
    assert due_at(team_db) == pd.Timestamp("2027-03-02 09:30", tz=TZ)  # Tuesday
    assert week_box(at, 0).value == "8 h 30 – 12 h, 13 h – 16 h 30"


def test_saving_the_targets_alone_leaves_the_week_as_it_was(team_path):
    at = settings_page()
    next(w for w in at.text_input if "Délai de réponse visé" in w.label).set_value("6")
    pressed(at, "Enregistrer")
    assert [h["key"] for h in reading(team_path, settings_history)] == ["target_hours"]
    assert reading(team_path, load_settings).weekly == {}


def test_overlapping_periods_are_refused_in_words_nothing_is_saved_and_the_text_stays(team_path):
    at = settings_page()
    week_box(at, 0).set_value("8 h 30 – 12 h, 11 h – 16 h 30")
    pressed(at, "Enregistrer")
    assert not at.success
    assert at.error and "lundi" in at.error[0].value.lower()
    assert reading(team_path, settings_history) == []
    assert week_box(at, 0).value == "8 h 30 – 12 h, 11 h – 16 h 30"


def test_unreadable_periods_name_the_day_and_save_nothing(team_path):
    at = settings_page()
    week_box(at, 2).set_value("toute la journée")
    pressed(at, "Enregistrer")
    assert at.error[0].value.startswith("Mercredi : « toute la journée » ne se lit pas")
    assert reading(team_path, settings_history) == []


def test_the_summer_hours_button_adds_both_changes_of_the_coming_summer(team_path):
    at = pressed(settings_page(), "Ajouter l'horaire d'été 2027")
    changes = reading(team_path, load_settings).schedule_changes
    assert [(c["from"], c["name"]["fr"]) for c in changes] == [
        ("2027-06-24", "Horaire d'été"),
        ("2027-09-06", "Horaire régulier"),
    ]
    assert changes[1]["weekly"] == {str(d): [["08:30", "16:30"]] for d in range(5)}
    table = next(f.value for f in at.dataframe if "À partir du" in f.value.columns)
    assert table["Nom"].tolist() == ["Horaire d'été", "Horaire régulier"]
    assert table["Horaire"].iloc[1] == "lun.–ven. 8 h 30 – 16 h 30"
    pressed(at, "Ajouter l'horaire d'été 2027")  # again: the same two dates, not four
    assert len(reading(team_path, load_settings).schedule_changes) == 2


def test_an_exceptional_opening_is_added_then_removed(team_path):
    at = settings_page()
    opening = next(d for d in at.date_input if d.label == "Date")
    opening.set_value(date(2027, 3, 6))
    at.text_input(key="calendar_opening_periods").set_value("9 h – 15 h")
    pressed(at, "Ajouter cette ouverture")
    assert reading(team_path, load_settings).openings == {"2027-03-06": [["09:00", "15:00"]]}
    table = next(f.value for f in at.dataframe if "Périodes" in f.value.columns)
    assert table.iloc[0].tolist() == ["samedi 6 mars 2027", "9 h – 15 h"]
    next(m for m in at.multiselect if m.label == "Ouvertures à retirer").set_value(["2027-03-06"])
    pressed(at, "Retirer ces ouvertures")
    assert reading(team_path, load_settings).openings == {}


def upload(at, name: str, content: bytes):
    at.file_uploader(key="calendar_ics").set_value((name, content, "text/calendar")).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_an_outlook_calendar_is_previewed_then_saved_as_named_closures(team_path):
    at = upload(settings_page(), "fermetures.ics", (FIXTURES / "outlook_closures.ics").read_bytes())
    assert reading(team_path, settings_history) == []  # nothing saved before the button
    preview = next(f.value for f in at.dataframe if "Dans Vigie" in f.value.columns)
    assert preview.values.tolist() == [
        ["vendredi 1er janvier 2027", "Congé des Fêtes", "Jour férié : Jour de l'an"],
        ["samedi 2 janvier 2027", "Congé des Fêtes", "À ajouter"],
        ["lundi 29 mars 2027", "Lundi de Pâques", "À ajouter"],
        ["vendredi 10 septembre 2027", "Journée de la fonction publique", "À ajouter"],
        ["dimanche 10 septembre 2028", "Journée de la fonction publique", "À ajouter"],
    ]
    shown = " ".join(m.value for m in [*at.markdown, *at.caption])
    assert "5 jours fermés du 1er janvier 2027 au 31 décembre 2028" in shown
    assert "8 jours hors de cette période" in shown
    assert "Formation de l'équipe \\(bureaux ouverts\\)" in shown  # its why, as plain text
    pressed(at, "Enregistrer ces fermetures")
    settings = reading(team_path, load_settings)
    assert settings.closures == ("2027-01-02", "2027-03-29", "2027-09-10", "2028-09-10")
    assert settings.closure_names["2027-03-29"] == "Lundi de Pâques"
    assert sorted(h["key"] for h in reading(team_path, settings_history)) == [
        "closure_names",
        "closures",
    ]
    assert any(b.label == "Enregistrer ces fermetures" for b in at.button) is False


def test_a_calendar_without_all_day_events_is_refused_in_words(team_path):
    at = upload(
        settings_page(), "reunions.ics", (FIXTURES / "outlook_meetings_only.ics").read_bytes()
    )
    assert at.error[0].value.startswith("Ce calendrier ne contient aucun événement d'une journée")
    assert not any(b.label == "Enregistrer ces fermetures" for b in at.button)


def test_a_hostile_subject_is_shown_as_plain_text(team_path):
    hostile = "[Cliquez](javascript:alert(1)) <b>gras</b>"
    ics = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\n"
        f"SUMMARY:{hostile}\r\nDTSTART;VALUE=DATE:20270405\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:2\r\n"
        f"SUMMARY:{hostile}\r\nDTSTART:20270406T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    at = upload(settings_page(), "x.ics", ics.encode())
    preview = next(f.value for f in at.dataframe if "Dans Vigie" in f.value.columns)
    assert preview["Nom"].tolist() == [hostile]  # a table cell is never Markdown
    skipped = next(c.value for c in at.caption if "laissés de côté" in c.value)
    assert "\\[Cliquez\\]\\(javascript\\:alert\\(1\\)\\) \\<b\\>gras\\</b\\>" in skipped
    pressed(at, "Enregistrer ces fermetures")
    assert reading(team_path, load_settings).closure_names == {"2027-04-05": hostile}


def test_a_closure_added_by_hand_takes_its_name_and_the_table_shows_it(team_path):
    at = settings_page()
    next(d for d in at.date_input if d.label == "Ajouter une date").set_value(date(2027, 4, 2))
    next(w for w in at.text_input if w.label == "Nom (facultatif)").set_value("Déménagement")
    pressed(at, "Ajouter")
    assert reading(team_path, load_settings).closure_names == {"2027-04-02": "Déménagement"}
    table = next(f.value for f in at.dataframe if "Nom" in f.value.columns)
    assert table.values.tolist()[0] == ["vendredi 2 avril 2027", "Déménagement"]


def test_the_calendar_tabs_read_in_english_on_the_switch(team_db, team_path):
    # Saved beforehand: a click in English would have AppTest call the reasons tab's
    # format_func outside the run, in the default language.
    weekly = {"0": [["08:30", "16:30"]]}
    save_settings(team_db, "lea", schedule_changes=summer_hours_changes(NOW.date(), weekly))
    at = settings_page("en")
    assert week_box(at, 0).label == "Monday"
    assert week_box(at, 0).value == "8:30 – 16:30"
    labels = {b.label for b in at.button}
    assert {"Add the 2027 summer hours", "Save", "Add this opening"} <= labels
    shown = " ".join(m.value for m in at.markdown)
    assert "**Opening hours**" in shown and "**Targets**" in shown
    assert {s.value for s in at.subheader} >= {"Dated schedule changes", "Exceptional openings"}
    table = next(f.value for f in at.dataframe if "From" in f.value.columns)
    assert table["Name"].tolist() == ["Summer hours", "Regular hours"]
    assert table["From"].tolist() == ["Thursday, June 24, 2027", "Monday, September 6, 2027"]
    assert table["Schedule"].iloc[1] == "Mon 8:30 – 16:30"


# --- periods typed in a box (lib.ui.calendar_settings) -------------------------------

CLOCKS = st.times().map(lambda t: f"{t.hour:02d}:{t.minute:02d}")


@given(st.lists(st.tuples(CLOCKS, CLOCKS), max_size=4), st.sampled_from(["fr", "en"]))
def test_periods_written_in_either_language_read_back_as_stored(periods, lang):
    stored = [list(p) for p in periods]
    assert read_periods(periods_text(stored, lang)) == stored


@given(st.text(max_size=300))
def test_any_text_reads_as_periods_or_as_none_never_an_error(text):
    periods = read_periods(text)
    assert periods is None or all(len(p) == 2 for p in periods)
