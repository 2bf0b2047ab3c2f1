"""A lead's calendar and service levels, seen where moderators work (AppTest, through app.py):
a lunch closure moves an open comment's due time and its explanation in the queue, and an
urgent comment on a 24/7 level is overdue at night while a question of the same moment is not."""

import pandas as pd
import pytest

from lib.db import immediate
from lib.ingest import insert_comments
from lib.settings import load_settings, settings_history
from lib.times import utc
from tests.conftest import new_app, reading

SETTINGS_PAGE = "pages/settings.py"
QUEUE_PAGE = "pages/queue.py"
TZ = "America/Toronto"
MONDAY_TEN = pd.Timestamp("2027-03-01 10:00", tz=TZ)
FRIDAY_EVENING = pd.Timestamp("2027-03-05 17:30", tz=TZ)
LUNCH = "8 h 30 – 12 h, 13 h – 16 h 30"


@pytest.fixture
def team_path(team_db, monkeypatch):
    """The small team (ana, bob: moderators; lea: lead) chosen through VIGIE_DB."""
    monkeypatch.setenv("VIGIE_DB", team_db.conn._path)
    return team_db.conn._path


def receive(db, received: pd.Timestamp, *texts: str) -> None:
    frame = pd.DataFrame(
        {
            "platform": "facebook",
            "account": "Ministère",
            "external_id": [f"c{i}" for i in range(len(texts))],
            "author_name": "Personne inventée",
            "text": list(texts),
            "received_at": received,
        }
    )
    with immediate(db):
        insert_comments(db, frame)


def page(path: str, username: str, now, comment: int | None = None):
    at = new_app(username, "fr", now=now, timeout=60).run()
    if comment is not None:
        at.query_params["comment"] = str(comment)
    at.switch_page(path).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def captions(at) -> list[str]:
    return [c.value for c in at.main.caption]


def clock_sentence(at) -> str:
    return next(c for c in captions(at) if c.startswith("reçu "))


def state_badge(at) -> str:
    """The state shown beside the comment's heading (st.badge is Markdown in AppTest)."""
    states = ("En retard", "À risque", "Dans les délais")
    return next(s for m in at.main.markdown for s in states if s in m.value)


def test_a_lunch_closure_moves_an_open_comments_due_time_and_its_explanation(team_db, team_path):
    receive(team_db, MONDAY_TEN, "Quand ouvre le bureau de Rimouski?")
    now = MONDAY_TEN + pd.Timedelta(minutes=30)
    before = clock_sentence(page(QUEUE_PAGE, "ana", now, comment=1))
    # 6 h 30 on Monday, then 1 h 30 on Tuesday.
    assert before.endswith("échéance mardi 10 h")

    at = page(SETTINGS_PAGE, "lea", now)
    for day in range(5):
        next(w for w in at.text_input if w.key.startswith(f"calendar_weekly.{day}.")).input(LUNCH)
    next(b for b in at.button if b.label == "Enregistrer").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert reading(team_path, lambda db: load_settings(db).weekly["0"]) == [
        ["08:30", "12:00"],
        ["13:00", "16:30"],
    ]

    queue = page(QUEUE_PAGE, "ana", now, comment=1)
    after = clock_sentence(queue)
    assert after.endswith("échéance mardi 11 h (fermé de 12 h à 13 h)")
    due = reading(team_path, lambda db: db["comments"].get(1)["due_at"])
    assert utc(due).tz_convert(TZ) == pd.Timestamp("2027-03-02 11:00", tz=TZ)
    # Which calendar computed it: Léa's change, by its number in the history.
    version = reading(team_path, lambda db: db["comments"].get(1)["calendar_version"])
    assert any(f"par Léa (version {version})" in c for c in captions(queue))


def test_an_urgent_comment_on_a_24_7_level_is_overdue_at_night_a_question_is_not(
    team_db, team_path
):
    at = page(SETTINGS_PAGE, "lea", FRIDAY_EVENING)
    press(at, "Ajouter le niveau Urgence")
    assert not at.exception, [e.value for e in at.exception]
    assert stored_codes(team_path) == ["urgence"]
    assert reading(team_path, settings_history)[0]["key"] == "service_levels"

    receive(
        team_db,
        FRIDAY_EVENING,
        "Je vais vous attendre à la sortie du bureau ce soir, vous allez payer.",
        "Est-ce que le bureau est ouvert samedi?",
    )
    flags = reading(team_path, lambda db: [r["flags"] for r in db["comments"].rows])
    assert "urgent" in flags[0].split() and "urgent" not in flags[1].split()

    night = FRIDAY_EVENING + pd.Timedelta(hours=5)  # 22 h 30
    urgent = page(QUEUE_PAGE, "ana", night, comment=1)
    assert state_badge(urgent) == "En retard"
    assert clock_sentence(urgent) == (
        "reçu vendredi 17 h 30 → échéance vendredi 18 h 30, 24 h sur 24 (niveau « Urgence »)"
    )
    question = page(QUEUE_PAGE, "ana", night, comment=2)
    assert state_badge(question) == "Dans les délais"
    assert clock_sentence(question).endswith("échéance lundi 16 h 30")


def levels_tab(at):
    return next(tab for tab in at.tabs if tab.label == "Niveaux de service")


def press(at, label: str):
    """Click the levels tab's button whose label starts with `label`, and rerun."""
    next(b for b in levels_tab(at).button if b.label.startswith(label)).click()
    return at.run()


def save_level(at, code, name_fr, name_en, flags=(), platforms=(), target=None):
    """Fill the level form as a lead does (the target left as drawn when None) and save."""
    tab = levels_tab(at)
    for box, value in zip(tab.text_input[:3], (code, name_fr, name_en), strict=True):
        box.input(value)
    for choice in flags:
        tab.multiselect[0].select(choice)
    for choice in platforms:
        tab.multiselect[1].select(choice)
    if target is not None:
        tab.text_input[4].input(target)
    return press(at, "Enregistrer le niveau")


def stored_codes(path) -> list[str]:
    return [lv["code"] for lv in reading(path, lambda db: load_settings(db).service_levels)]


def test_a_lead_adds_edits_orders_and_removes_a_level_through_the_form(team_path):
    at = page(SETTINGS_PAGE, "lea", MONDAY_TEN)
    save_level(
        at,
        "questions-fb",
        "Questions Facebook",
        "Facebook questions",
        ["question"],
        ["facebook"],
        "16",
    )
    assert not at.exception, [e.value for e in at.exception]
    stored = reading(team_path, lambda db: load_settings(db).service_levels)
    assert stored == (
        {
            "code": "questions-fb",
            "name": {"fr": "Questions Facebook", "en": "Facebook questions"},
            "flags": ["question"],
            "platforms": ["facebook"],
            "accounts": [],
            "target_hours": 16.0,
            "clock": "business",
            "alerting": False,
        },
    )
    table = levels_tab(at).dataframe[0].value
    assert table["Niveau"].tolist() == ["Questions Facebook", "Par défaut"]
    assert table["Cible (heures)"].tolist() == ["16\u00a0h", "8\u00a0h"]

    # The ready Emergency level goes first; the question level is moved back up.
    press(at, "Ajouter le niveau")
    assert stored_codes(team_path) == ["urgence", "questions-fb"]
    levels_tab(at).selectbox[0].select("questions-fb").run()
    press(at, "Monter d'un rang")
    assert stored_codes(team_path) == ["questions-fb", "urgence"]

    levels_tab(at).selectbox[0].select("urgence").run()
    press(at, "Retirer ce niveau")
    assert stored_codes(team_path) == ["questions-fb"]


def test_a_level_without_a_condition_is_refused_in_words_and_nothing_is_saved(team_path):
    at = save_level(page(SETTINGS_PAGE, "lea", MONDAY_TEN), "tout", "Tout", "All")
    assert any("doit viser un indicateur" in e.value for e in at.error)
    assert reading(team_path, lambda db: load_settings(db).service_levels) == ()


def test_a_target_that_is_not_a_number_is_refused_by_its_field(team_path):
    at = page(SETTINGS_PAGE, "lea", MONDAY_TEN)
    save_level(at, "urg", "Urgent", "Urgent", ["urgent"], target="une heure")
    assert any("Cible (heures)" in e.value and "une heure" in e.value for e in at.error)
    assert reading(team_path, lambda db: load_settings(db).service_levels) == ()


def test_a_closure_name_from_outside_reaches_the_clock_line_as_plain_text(team_db, team_path):
    from lib.settings import save_settings
    from lib.ui.session import plain

    hostile = "[Session expirée](https://evil.example) ![x](https://evil.example/p.png)"
    save_settings(team_db, "lea", closures=["2027-03-02"], closure_names={"2027-03-02": hostile})
    receive(team_db, MONDAY_TEN, "Bonjour")
    sentence = clock_sentence(page(QUEUE_PAGE, "ana", MONDAY_TEN, comment=1))
    # The caption's Markdown holds the name escaped: shown as typed, no link, no image.
    assert f"congé sauté : {plain(hostile)}, mardi 2 mars" in sentence
    assert "](https" not in sentence.replace("\\]\\(https", "")


def test_a_refused_code_is_named_in_the_error_as_typed_not_as_markdown(team_path):
    hostile = "[Session expirée](https://evil.example)"
    at = page(SETTINGS_PAGE, "lea", MONDAY_TEN)
    save_level(at, hostile, "Urgent", "Urgent", ["urgent"])
    assert any("\\[session expirée\\]\\(https\\://evil.example\\)" in e.value for e in at.error)
    assert stored_codes(team_path) == []
