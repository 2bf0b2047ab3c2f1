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
    levels_tab = next(tab for tab in at.tabs if tab.label == "Niveaux de service")
    next(b for b in levels_tab.button if b.label.startswith("Ajouter le niveau Urgence")).click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    levels = reading(team_path, lambda db: load_settings(db).service_levels)
    assert [level["code"] for level in levels] == ["urgence"]
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


def test_a_lead_adds_edits_orders_and_removes_a_level_through_the_form(team_path):
    at = page(SETTINGS_PAGE, "lea", MONDAY_TEN)
    tab = levels_tab(at)
    tab.text_input[0].input("questions-fb")
    tab.text_input[1].input("Questions Facebook")
    tab.text_input[2].input("Facebook questions")
    tab.multiselect[0].select("question")
    tab.multiselect[1].select("facebook")
    tab.text_input[4].input("16")
    next(b for b in tab.button if b.label == "Enregistrer le niveau").click().run()
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
    next(b for b in levels_tab(at).button if b.label.startswith("Ajouter le niveau")).click()
    at.run()
    codes = [lv["code"] for lv in reading(team_path, lambda db: load_settings(db).service_levels)]
    assert codes == ["urgence", "questions-fb"]
    levels_tab(at).selectbox[0].select("questions-fb").run()
    next(b for b in levels_tab(at).button if b.label == "Monter d'un rang").click().run()
    codes = [lv["code"] for lv in reading(team_path, lambda db: load_settings(db).service_levels)]
    assert codes == ["questions-fb", "urgence"]

    levels_tab(at).selectbox[0].select("urgence").run()
    next(b for b in levels_tab(at).button if b.label == "Retirer ce niveau").click().run()
    codes = [lv["code"] for lv in reading(team_path, lambda db: load_settings(db).service_levels)]
    assert codes == ["questions-fb"]


def test_a_level_without_a_condition_is_refused_in_words_and_nothing_is_saved(team_path):
    at = page(SETTINGS_PAGE, "lea", MONDAY_TEN)
    tab = levels_tab(at)
    tab.text_input[0].input("tout")
    tab.text_input[1].input("Tout")
    tab.text_input[2].input("All")
    next(b for b in tab.button if b.label == "Enregistrer le niveau").click().run()
    assert any("doit viser un indicateur" in e.value for e in at.error)
    assert reading(team_path, lambda db: load_settings(db).service_levels) == ()


def test_a_target_that_is_not_a_number_is_refused_by_its_field(team_path):
    at = page(SETTINGS_PAGE, "lea", MONDAY_TEN)
    tab = levels_tab(at)
    tab.text_input[0].input("urg")
    tab.text_input[1].input("Urgent")
    tab.text_input[2].input("Urgent")
    tab.multiselect[0].select("urgent")
    tab.text_input[4].input("une heure")
    next(b for b in tab.button if b.label == "Enregistrer le niveau").click().run()
    assert any("Cible (heures)" in e.value and "une heure" in e.value for e in at.error)
    assert reading(team_path, lambda db: load_settings(db).service_levels) == ()
