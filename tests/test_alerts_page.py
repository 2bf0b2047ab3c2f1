"""Paramètres › Alertes (AppTest, through app.py): the lead sets who an urgent comment wakes
and in which order, sees where messages go, sends themselves a test e-mail, reads the log;
and a comment shown in the queue counts as opened, so that its alert goes no further."""

import pandas as pd
import pytest

from lib.db import immediate, open_db
from lib.ingest import insert_comments
from lib.notify.channels import Channels, Smtp
from lib.notify.worker import notify_once
from lib.settings import load_settings, save_settings, settings_history
from tests.conftest import new_app, reading
from tests.mail_server import mail_server_fixture  # noqa: F401

TZ = "America/Toronto"
NOW = pd.Timestamp("2026-11-27 17:30", tz=TZ)


@pytest.fixture
def team_path(team_db, monkeypatch):
    """TEAM with addresses for Léa (lead) and Ana, chosen through VIGIE_DB."""
    team_db["users"].update("lea", {"email": "lea@example.org"})
    team_db["users"].update("ana", {"email": "ana@example.org"})
    monkeypatch.setenv("VIGIE_DB", team_db.conn._path)
    return team_db.conn._path


@pytest.fixture
def smtp_env(mail_server, monkeypatch):
    """The test's mail server given as the server's environment does (a local relay)."""
    monkeypatch.setenv("VIGIE_SMTP_HOST", mail_server.host)
    monkeypatch.setenv("VIGIE_SMTP_PORT", str(mail_server.port))
    return mail_server


def settings_page(username: str = "lea"):
    at = new_app(username, "fr", now=NOW, timeout=60).run()
    at.switch_page("pages/settings.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def markdown(at) -> list[str]:
    return [m.value for m in at.main.markdown]


def test_the_lead_sets_the_alert_order_and_the_delay(team_path, smtp_env):
    at = settings_page()
    assert "Ordre des alertes (tous les chefs d'équipe, par défaut) : Léa" in markdown(at)
    assert at.multiselect(key="alerts_people").options == [
        "Ana (ana@example.org)",
        "Léa (lea@example.org)",
    ]
    at.multiselect(key="alerts_people").set_value(["ana", "lea"])
    minutes = next(f for f in at.text_input if f.label.startswith("Minutes avant"))
    minutes.set_value("45")
    next(b for b in at.button if b.label == "Enregistrer" and b.form_id == "alerts_list").click()
    at.run()
    assert not at.exception
    saved = reading(team_path, load_settings)
    assert (saved.alert_recipients, saved.alert_escalation_minutes) == (("ana", "lea"), 45)
    changes = [(h["actor"], h["key"]) for h in reading(team_path, settings_history)]
    assert ("lea", "alert_recipients") in changes and ("lea", "alert_escalation_minutes") in changes
    assert "Ordre des alertes : Ana → Léa" in markdown(at)


@pytest.mark.parametrize(("typed", "error"), [("12,5", "nombre entier"), ("2", "de 5 à 1440")])
def test_a_delay_out_of_range_or_not_whole_is_refused_and_nothing_changes(team_path, typed, error):
    at = settings_page()
    next(f for f in at.text_input if f.label.startswith("Minutes avant")).set_value(typed)
    next(b for b in at.button if b.label == "Enregistrer" and b.form_id == "alerts_list").click()
    at.run()
    assert any(error in e.value for e in at.error)
    assert reading(team_path, load_settings).alert_escalation_minutes == 30


def test_the_lead_sends_a_test_e_mail_and_reads_it_in_the_log(team_path, smtp_env):
    at = settings_page()
    assert any(m.startswith("Courriel : serveur 127.0.0.1, port") for m in markdown(at))
    at.button(key="alerts_test").click().run()
    assert [s.value for s in at.success] == ["Courriel d'essai envoyé à lea@example.org."]
    assert [m.recipients for m in smtp_env.received] == [["lea@example.org"]]
    log = next(d.value for d in at.dataframe if "Résultat" in d.value.columns)
    assert list(log["Message"]) == ["Essai"] and list(log["Résultat"]) == ["Envoyé"]


def test_without_a_mail_server_the_tab_says_so(team_path, monkeypatch, tmp_path):
    monkeypatch.setattr("lib.notify.channels.DEFAULT_SECRETS", tmp_path / "absent.toml")
    monkeypatch.delenv("VIGIE_SMTP_HOST", raising=False)
    at = settings_page()
    assert any(w.value.startswith("Aucun serveur de courriel") for w in at.warning)
    assert not [b for b in at.button if b.key == "alerts_test"]


def test_a_moderator_does_not_see_the_alert_settings(team_path):
    at = settings_page("ana")
    assert not [m for m in at.multiselect if m.key == "alerts_people"]


def test_an_urgent_comment_shown_in_the_queue_goes_no_further(team_path, smtp_env):
    smtp = Smtp(smtp_env.host, smtp_env.port, "vigie@example.org", starttls=False)
    where = Channels(smtp, (), "https://vigie.example.org")
    with open_db(team_path) as db:
        save_settings(db, "lea", alert_recipients=["lea", "ana"], alert_escalation_minutes=30)
        frame = pd.DataFrame(
            {
                "platform": ["facebook"],
                "account": ["Ville"],
                "external_id": ["c1"],
                "text": ["Je vais tous vous tuer demain matin à l'hôtel de ville"],
                "received_at": [pd.Timestamp("2026-11-27 17:05", tz=TZ)],
            }
        )
        with immediate(db):
            insert_comments(db, frame)
        assert notify_once(db, where, pd.Timestamp("2026-11-27 17:06", tz=TZ)).sent == 1
    at = new_app("lea", "fr", now=NOW, timeout=60).run()
    at.switch_page("pages/queue.py").run()
    assert not at.exception
    opened = reading(
        team_path, lambda db: db.execute("SELECT username FROM comment_opens").fetchall()
    )
    assert opened == [("lea",)]
    # Half an hour later, the escalation to Ana is not owed: Léa has it in front of her.
    with open_db(team_path) as db:
        assert notify_once(db, where, pd.Timestamp("2026-11-27 18:00", tz=TZ)).sent == 0
    assert [m.recipients for m in smtp_env.received] == [["lea@example.org"]]
