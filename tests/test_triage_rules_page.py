"""Paramètres › Règles de tri (AppTest, through app.py): a lead writes a rule, sees what it
would have matched over 30 days before saving it, is refused an automatic hide without the
explicit confirmation, and orders, switches off and deletes rules."""

import pandas as pd
import pytest

from lib.db import immediate
from lib.ingest import insert_comments
from lib.settings import load_settings
from tests.conftest import new_app, reading

SETTINGS_PAGE = "pages/settings.py"
NOW = pd.Timestamp("2027-03-10 10:00", tz="America/Toronto")


@pytest.fixture
def team_path(team_db, monkeypatch):
    """The small team (ana, bob: moderators; lea: lead) chosen through VIGIE_DB, with four
    comments of the last 30 days, two of them hidden, and one older."""
    received = [NOW - pd.Timedelta(days=d) for d in (1, 3, 10, 20, 40)]
    texts = [
        "Concours GRATUIT, cliquez",
        "Un iPhone gratuit pour vous",
        "C'est gratuit? Le stationnement",
        "Quand ouvre le bureau?",
        "Gratuit depuis longtemps",
    ]
    frame = pd.DataFrame(
        {
            "platform": "facebook",
            "account": "Ministère",
            "external_id": [f"c{i}" for i in range(len(texts))],
            "text": texts,
            "received_at": received,
        }
    )
    with immediate(team_db):
        insert_comments(team_db, frame)
    team_db.execute("UPDATE comments SET status = 'hidden' WHERE id IN (1, 2)")
    team_db.conn.commit()
    monkeypatch.setenv("VIGIE_DB", team_db.conn._path)
    return team_db.conn._path


def settings_page():
    at = new_app("lea", "fr", now=NOW, timeout=60).run()
    at.switch_page(SETTINGS_PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def rules_tab(at):
    return next(tab for tab in at.tabs if tab.label == "Règles de tri")


def press(at, label: str):
    next(b for b in rules_tab(at).button if b.label.startswith(label)).click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def fill(at, name: str, words: str, label: str = "", hide: str | None = None):
    tab = rules_tab(at)
    next(w for w in tab.text_input if w.label == "Nom de la règle").input(name)
    next(w for w in tab.text_area if w.label == "Mots ou expressions").input(words)
    if label:
        next(w for w in tab.text_input if w.label == "Étiquette").input(label)
    if hide:
        next(w for w in tab.selectbox if w.label.startswith("Masquer")).select(hide)


def stored(path) -> list[tuple]:
    rules = reading(path, lambda db: load_settings(db).triage_rules)
    return [(r["code"], r["active"]) for r in rules]


def test_a_rule_is_simulated_on_30_days_before_it_is_saved_then_ordered(team_path):
    at = settings_page()
    fill(at, "Concours", "gratuit\nconcours", label="Concours")
    press(at, "Simuler sur 30 jours")
    said = " ".join(m.value for m in rules_tab(at).markdown)
    assert "la règle aurait trouvé 3 commentaires, dont 2 ont en fait été retirés" in said
    examples = rules_tab(at).dataframe[-1].value
    assert examples["Commentaire"].tolist()[0] == "Concours GRATUIT, cliquez"
    assert examples["Retiré"].tolist() == ["Oui", "Oui", ""]
    assert stored(team_path) == []

    press(at, "Enregistrer la règle")
    assert stored(team_path) == [("concours", True)]

    # A second rule whose conditions were never simulated: the first save shows the
    # simulation, the second saves.
    fill(at, "Stationnement", "stationnement", label="Stationnement")
    press(at, "Enregistrer la règle")
    assert any("enregistrez de nouveau" in i.value for i in rules_tab(at).info)
    assert stored(team_path) == [("concours", True)]
    press(at, "Enregistrer la règle")
    assert stored(team_path) == [("concours", True), ("stationnement", True)]
    table = rules_tab(at).dataframe[0].value
    assert table["Règle"].tolist() == ["Concours", "Stationnement"]
    assert table["Si"].tolist()[0] == "le texte contient « gratuit » ou « concours »"

    rules_tab(at).selectbox(key="rules_pick").select("stationnement").run()
    press(at, "Monter d'un rang")
    assert stored(team_path) == [("stationnement", True), ("concours", True)]
    press(at, "Désactiver")
    assert stored(team_path) == [("stationnement", False), ("concours", True)]
    press(at, "Supprimer cette règle")
    assert stored(team_path) == [("concours", True)]


def test_an_automatic_hide_is_refused_in_words_without_the_explicit_confirmation(team_path):
    at = settings_page()
    fill(at, "Pourriel", "gratuit", hide="pourriel")
    press(at, "Simuler sur 30 jours")
    press(at, "Enregistrer la règle")
    assert any("cochez la confirmation explicite" in e.value for e in at.error)
    assert stored(team_path) == []

    next(c for c in rules_tab(at).checkbox if c.label.startswith("Je confirme")).check()
    press(at, "Enregistrer la règle")
    rules = reading(team_path, lambda db: load_settings(db).triage_rules)
    assert [(r["hide_reason"], r["hide_confirmed"]) for r in rules] == [("pourriel", True)]
