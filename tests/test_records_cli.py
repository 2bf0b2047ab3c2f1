"""`python -m lib verify` and `python -m lib retention`: the chain intact, then broken by a
row changed or deleted with raw SQL, a database migrated into the chain, and retention
listing before it anonymises."""

import sqlite3

import pytest

from lib import chain
from lib.__main__ import main
from lib.db import open_db
from lib.moderation import act
from lib.schema import migrations
from tests.conftest import TEAM

PAST = "2024-03-04 15:00:00"


@pytest.fixture
def history(tmp_path):
    """Six comments, each answered with a note in March 2024, and a settings change."""
    path = tmp_path / "vigie.db"
    with open_db(path) as db:
        db["users"].insert_all(TEAM)
        for cid in range(1, 7):
            db["comments"].insert(
                {
                    "id": cid,
                    "platform": "facebook",
                    "external_id": str(cid),
                    "author_name": "Luc Gagnon",
                    "author_handle": "lgagnon",
                    "text": f"Question {cid} de Luc",
                    "received_at": PAST,
                }
            )
            act(db, cid, "note", "ana", 1, note=f"Note {cid} sur Luc", at=PAST)
            act(db, cid, "no_reply_needed", "ana", 2, at=PAST)
    return path


def _raw(path, *statements):
    """Statements run on the file itself, behind Vigie's back (triggers dropped first)."""
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def test_verify_passes_on_an_intact_history(history, capsys):
    assert main(["verify", "--db", str(history)]) == 0
    out = capsys.readouterr()
    assert out.out.startswith("verify : chaîne intacte, 12 lignes dans 10 tables")
    assert "actions : 12 lignes vérifiées" in out.err


def test_verify_names_a_row_changed_with_raw_sql_and_exits_1(history, capsys):
    _raw(
        history,
        "DROP TRIGGER actions_no_update",
        "UPDATE actions SET actor = 'bob' WHERE id = 7",
    )
    assert main(["verify", "--db", str(history)]) == 1
    assert "actions, ligne 7 ne correspond plus à son empreinte" in capsys.readouterr().err


def test_verify_names_where_a_row_was_deleted(history, capsys):
    _raw(history, "DROP TRIGGER actions_no_delete", "DELETE FROM actions WHERE id = 5")
    assert main(["verify", "--db", str(history)]) == 1
    assert "actions, une ou plusieurs lignes manquent avant la ligne 6" in capsys.readouterr().err


def test_verify_finds_a_row_added_outside_vigie(history, capsys):
    _raw(
        history,
        "DROP TRIGGER actions_chain",
        "INSERT INTO actions (comment_id, at, actor, kind) VALUES (1, '2024-03-05', 'x', 'note')",
    )
    assert main(["verify", "--db", str(history)]) == 1
    assert "actions, la ligne 13 n'est pas scellée" in capsys.readouterr().err


def test_an_existing_database_is_sealed_at_the_migration_and_says_so(tmp_path, capsys):
    path = tmp_path / "old.db"
    with open_db(path, migrate=False) as db:
        migrations.apply(db, stop_before="m019_records")
        db["users"].insert_all(TEAM)
        db["comments"].insert(
            {"id": 1, "platform": "x", "external_id": "1", "received_at": PAST, "text": "Oui"}
        )
        db["actions"].insert({"comment_id": 1, "at": PAST, "actor": "ana", "kind": "note"})
        db["settings_history"].insert({"at": PAST, "actor": "lea", "key": "target_hours"})
    with open_db(path) as db:  # migrated now
        assert chain.verify(db).intact
        starts = {r["table_name"]: r["rows_before"] for r in db["history_chain"].rows}
    assert (starts["actions"], starts["settings_history"], starts["backups"]) == (1, 1, 0)
    assert main(["verify", "--db", str(path)]) == 0
    assert "les 2 lignes déjà là ont été scellées" in capsys.readouterr().out


def test_retention_lists_without_changing_then_applies(history, capsys):
    now = ["--now", "2026-12-03 10:00"]
    assert main(["retention", "--db", str(history), *now]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("n° 1 · facebook")
    assert "Délai par défaut (24 mois)" in out[0] and "Luc" not in "\n".join(out)
    assert out[-1].startswith("retention : 6 commentaires à anonymiser")
    with open_db(history) as db:
        assert db["comments"].get(1)["text"] == "Question 1 de Luc"
    assert main(["retention", "--db", str(history), *now, "--apply"]) == 0
    assert capsys.readouterr().out.startswith("retention : 6 commentaires anonymisés")
    with open_db(history) as db:
        assert db["comments"].get(1)["text"] == chain.ERASED
        assert [r["actor"] for r in db["destruction_log"].rows] == ["operator"]
    assert main(["verify", "--db", str(history)]) == 0


def test_retention_as_a_lead_needs_their_password(history, capsys, monkeypatch):
    monkeypatch.setattr("lib.cli.stdin_is_a_terminal", lambda: False)
    monkeypatch.delenv("VIGIE_PASSWORD", raising=False)
    assert main(["retention", "--db", str(history), "--apply", "--as", "lea"]) == 2
    assert "VIGIE_PASSWORD" in capsys.readouterr().err
    with open_db(history) as db:
        assert db["destruction_log"].count == 0
