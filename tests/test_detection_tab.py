"""Paramètres › Détection through the real navigation (AppTest): a lead reads each flag's
precision over the last 30 days and 12 months, what precision means, and the latest reports;
a moderator sees no tab at all."""

import pandas as pd
import pytest

from lib.flag_reports import report_wrong, withdraw
from lib.i18n import t
from tests.conftest import new_app

SETTINGS_PAGE = "pages/settings.py"
NOW = pd.Timestamp("2026-11-30 11:00", tz="America/Toronto")
RECENT = "2026-11-20 14:00:00"  # ten days before
EARLIER = "2026-05-04 14:00:00"  # within the year, not the month
# id: (flags, status, received_at)
COMMENTS = {
    1: ("question", "answered", RECENT),
    2: ("question negative", "hidden", RECENT),
    3: ("link", "new", RECENT),
    4: ("question", "answered", EARLIER),
}


@pytest.fixture
def team_path(team_db, monkeypatch):
    """The small team, four comments of known flags and statuses, two standing reports (Ana's
    on comment 2, Bob's on comment 4) and one withdrawn; chosen through VIGIE_DB."""
    team_db["comments"].insert_all(
        {
            "id": comment_id,
            "platform": "facebook",
            "external_id": f"ext-{comment_id}",
            "text": f"commentaire {comment_id}",
            "received_at": received_at,
            "status": status,
            "flags": flags,
        }
        for comment_id, (flags, status, received_at) in COMMENTS.items()
    )
    report_wrong(team_db, 4, "question", "bob", now="2026-11-02 15:00:00")
    report_wrong(team_db, 2, "question", "ana", now="2026-11-21 15:00:00")
    report_wrong(team_db, 2, "negative", "ana", now="2026-11-21 15:00:00")
    withdraw(team_db, 2, "negative", "ana", now="2026-11-21 15:05:00")
    monkeypatch.setenv("VIGIE_DB", team_db.conn._path)
    return team_db.conn._path


def settings_page(username="lea", lang="fr"):
    """Paramètres with its Détection tab open (drawn only then), as a click on it does."""
    at = new_app(username, lang, now=NOW, timeout=60).run()
    at.session_state["settings_tab"] = t("settings.tab.detection", lang)
    at.switch_page(SETTINGS_PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_precision_is_read_only_once_the_tab_is_open(team_path):
    at = new_app("lea", now=NOW, timeout=60).run()
    at.switch_page(SETTINGS_PAGE).run()
    assert not detection_tab(at).dataframe and not detection_tab(at).subheader
    assert [s.value for s in detection_tab(settings_page()).subheader][:1] == ["30 derniers jours"]


def detection_tab(at):
    return next(tab for tab in at.tabs if tab.label == "Détection")


def precision_tables(at) -> list[pd.DataFrame]:
    """The tab's two precision tables (30 days, 12 months), by flag."""
    tables = [d.value for d in detection_tab(at).dataframe if "Précision" in d.value]
    return [table.set_index("Signal") for table in tables]


def test_a_lead_reads_each_flag_s_precision_over_30_days_and_12_months(team_path):
    at = settings_page()
    tab = detection_tab(at)
    assert [s.value for s in tab.subheader][:2] == ["30 derniers jours", "12 derniers mois"]
    month, year = precision_tables(at)
    columns = ["Levés", "Examinés", "Marqués erronés", "Précision"]
    assert month.loc["Question", columns].tolist() == [2, 2, 1, "50,0\u202f%"]
    assert year.loc["Question", columns].tolist() == [3, 3, 2, "33,3\u202f%"]
    assert month.loc["Négatif", columns].tolist() == [1, 1, 0, "100,0\u202f%"]
    assert month.loc["Lien", columns].tolist() == [1, 0, 0, "—"]
    assert "Auteur récidiviste" not in year.index


def test_the_tab_says_what_precision_means_and_that_reports_never_retrain_anything(team_path):
    said = " ".join(c.value for c in detection_tab(settings_page()).caption)
    assert "dont personne n'a marqué le signal erroné" in said
    assert "ne réentraînent ni ne modifient jamais les détecteurs" in said


def test_the_latest_standing_reports_are_listed_newest_first_with_who_and_when(team_path):
    tab = detection_tab(settings_page())
    reports = next(d.value for d in tab.dataframe if "Signalé par" in d.value)
    assert reports["Commentaire"].tolist() == [2, 4]
    assert reports["Signal"].tolist() == ["Question", "Question"]
    assert reports["Signalé par"].tolist() == ["Ana", "Bob"]
    assert reports["Quand"].tolist()[0] == "2026-11-21 10 h"
    assert reports["Plateforme"].tolist() == ["Facebook", "Facebook"]


def test_the_tab_speaks_english_too(team_path):
    at = settings_page(lang="en")
    assert "Detection" in [tab.label for tab in at.tabs]
    assert any("never retrain" in c.value for c in at.caption)


def test_a_moderator_does_not_see_the_detection_tab(team_path):
    at = settings_page("ana")
    assert "réservés aux chefs d'équipe" in at.error[0].value
    assert "Détection" not in [tab.label for tab in at.tabs]
    assert not at.dataframe
