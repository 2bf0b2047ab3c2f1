"""What the lead pages show, read off the screen (AppTest through app.py), on small
databases whose answers were computed by hand (tests/test_metrics.py explains each one).
"""

from datetime import date

import pandas as pd
import pytest

from lib.moderation import act
from tests.conftest import open_app
from tests.test_metrics import JUNE, JUNE_HANDLINGS, JUNE_NOW, fill, local


@pytest.fixture
def june_db(team_db, tmp_path, monkeypatch):
    ids = fill(team_db, JUNE, JUNE_HANDLINGS)
    monkeypatch.setenv("VIGIE_DB", str(tmp_path / "vigie.db"))
    return team_db, ids


def shown(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def deltas(at) -> dict[str, str]:
    return {m.label: m.delta for m in at.metric}


def test_conformite_shows_the_hand_computed_week_of_the_fete_nationale(june_db):
    at = open_app("pages/compliance.py", "lea", now=JUNE_NOW)
    at.segmented_control(key="compliance_preset").set_value("custom").run()
    at.date_input(key="compliance_dates").set_value((date(2026, 6, 22), date(2026, 6, 26))).run()
    assert not at.exception
    cards = shown(at)
    assert cards["Conformité"] == "60,0\u202f%"  # 3 on time / (4 handled + 1 open overdue)
    assert cards["Traités"] == "4"
    assert cards["En retard"] == "2"  # c6 handled late, c4 open past due
    assert cards["En attente (pas encore dus)"] == "1"  # c5
    assert cards["Délai médian"] == "5 h 15 min"  # of 1 h 30, 3 h, 7 h 30, 8 h 30
    assert cards["90e centile"] == "8 h 12 min"
    # The holiday is named beside the figures.
    holidays = next(d.value for d in at.dataframe if "name_fr" in d.value.columns)
    assert holidays.values.tolist() == [[date(2026, 6, 24), "Fête nationale du Québec"]]
    # The breaches, latest due first: c4 open past due, c6 handled late.
    breaches = next(d.value for d in at.dataframe if "link" in d.value.columns)
    assert breaches["id"].tolist() == [4, 6]
    assert breaches["link"].tolist() == ["file?comment=4", "file?comment=6"]


def test_conformite_per_week_and_per_moderator_read_in_french(june_db):
    at = open_app("pages/compliance.py", "lea", now=JUNE_NOW)
    at.segmented_control(key="compliance_preset").set_value("custom").run()
    at.date_input(key="compliance_dates").set_value((date(2026, 6, 22), date(2026, 6, 26))).run()
    at.segmented_control(key="compliance_dimension").set_value("first_handled_by").run()
    assert not at.exception
    tables = [d.value for d in at.dataframe]
    by_moderator = next(t for t in tables if "Modérateur" in t.columns)
    # Ana handled the four handled comments; the open ones are nobody's yet.
    assert by_moderator[["Modérateur", "Traités", "Traités à temps"]].values.tolist() == [
        ["Ana", 4, 3]
    ]


def test_aujourdhui_shows_thursday_against_tuesday_across_the_holiday(june_db):
    at = open_app("pages/today.py", "lea", now=JUNE_NOW)
    at.date_input(key="today_day").set_value(date(2026, 6, 25)).run()
    assert not at.exception
    cards = shown(at)
    assert cards["Reçus"] == "1"  # c4; Tuesday had c2
    assert cards["Traités"] == "0"
    assert cards["Ouverts en fin de journée"] == "1"
    assert cards["À risque en fin de journée"] == "1"  # c4 had 30 min left at midnight
    assert cards["En retard en fin de journée"] == "0"
    assert deltas(at)["À risque en fin de journée"] == "+1"
    assert "mardi 23 juin 2026" in at.caption[0].value  # 24 June is skipped


def test_aujourdhui_shows_an_account_name_as_typed_not_as_markdown(june_db):
    db, _ids = june_db
    db.execute("UPDATE comments SET account = '[compte](http://evil.example)'")
    db.conn.commit()
    at = open_app("pages/today.py", "lea", now=JUNE_NOW)
    lines = [x.value for x in at.text if "[compte](http://evil.example)" in x.value]
    assert lines and all(x.startswith("Facebook · ") for x in lines)
    assert not [m for m in at.markdown if "evil.example" in m.value]


MOTIFS = {
    "m1": "2026-06-22 09:00",
    "m2": "2026-06-22 10:00",
    "m3": "2026-06-23 09:00",
}
MOTIFS_ACTIONS = [
    ("m1", "escalate", "ana", "2026-06-22 09:30", {"reply": "Proposition de réponse."}),
    ("m1", "approve", "lea", "2026-06-22 10:30", {}),  # waited 1 h
    ("m2", "escalate", "ana", "2026-06-22 11:00", {"reply": "Autre proposition."}),
    ("m2", "reject", "lea", "2026-06-22 13:00", {"note": "Reformuler."}),  # waited 2 h
    ("m3", "hide", "ana", "2026-06-23 10:00", {"reasons": ("injurieux", "pourriel")}),
]


def test_motifs_shows_removals_by_reason_and_the_approvals(team_db, tmp_path, monkeypatch):
    db = team_db
    ids = fill(db, MOTIFS, [])
    for external_id, kind, actor, at, extra in MOTIFS_ACTIONS:
        version = db["comments"].get(ids[external_id])["version"]
        act(db, ids[external_id], kind, actor, version, at=local(at).tz_convert("UTC"), **extra)
    monkeypatch.setenv("VIGIE_DB", str(tmp_path / "vigie.db"))
    at = open_app("pages/reasons.py", "lea", now=JUNE_NOW)
    at.segmented_control(key="reasons_preset").set_value("custom").run()
    at.date_input(key="reasons_dates").set_value((date(2026, 6, 22), date(2026, 6, 26))).run()
    assert not at.exception
    cards = shown(at)
    assert cards["Commentaires retirés"] == "1"  # m3, with two reasons
    assert (cards["Soumises"], cards["Approuvées"], cards["Refusées"]) == ("2", "1", "1")
    assert cards["En attente"] == "0"
    assert cards["Attente médiane (ouvrable)"] == "1 h 30 min"  # of 1 h and 2 h
    by_reason = next(d.value for d in at.dataframe if "Motif" in d.value.columns)
    assert dict(zip(by_reason["Motif"], by_reason["Retraits"], strict=True)) == {
        "Propos injurieux, grossiers ou attaques personnelles": 1,
        "Pourriel": 1,
    }
    assert pd.Series(by_reason["Retraits"]).sum() == 2
