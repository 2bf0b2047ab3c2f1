"""The schema: created on open, idempotent, migrated from an older version, append-only history."""

import gc
import sqlite3

import pytest

from lib.db import (
    bulk_load,
    from_db_times,
    immediate,
    migrations,
    open_db,
    schema_version,
    to_db_time,
    using,
)
from tests.conftest import reading


def _schema(db):
    return sorted(
        (row[0], row[1])
        for row in db.execute("SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    )


def test_opening_twice_gives_the_same_schema_as_once(tmp_path):
    path = tmp_path / "v.db"
    first = reading(path, _schema)
    second = reading(path, _schema)
    assert first == second
    assert reading(path, schema_version) == len(migrations._migrations)


def test_an_old_schema_is_migrated_without_losing_rows(tmp_path):
    path = tmp_path / "old.db"
    with open_db(path, migrate=False) as old:
        migrations.apply(old, stop_before="m003_people_and_settings_history")
        old["users"].insert(
            {"username": "agirard", "display_name": "Amélie Girard", "role": "lead"}
        )
        assert "password_hash" not in old["users"].columns_dict

    with open_db(path) as db:
        assert schema_version(db) == len(migrations._migrations)
        assert "password_hash" in db["users"].columns_dict
        assert "excluded_authors" in db.table_names()
        assert db["users"].get("agirard")["display_name"] == "Amélie Girard"


def test_the_database_uses_wal_a_busy_timeout_and_foreign_keys(tmp_path):
    with open_db(tmp_path / "v.db") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_connection_dropped_without_being_closed_warns(tmp_path):
    with pytest.warns(ResourceWarning, match="unclosed Vigie database"):
        open_db(tmp_path / "v.db")
        gc.collect()


def test_using_opens_and_closes_a_path_but_leaves_an_open_database_open(tmp_path):
    with using(tmp_path / "v.db") as opened:
        pass
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        opened.execute("SELECT 1")
    with open_db(tmp_path / "v.db") as db:
        with using(db) as same:
            assert same is db
        assert db.execute("SELECT 1").fetchone() == (1,)


def test_vigie_db_chooses_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("VIGIE_DB", str(tmp_path / "chosen.db"))
    open_db().close()
    assert (tmp_path / "chosen.db").exists()


def test_history_refuses_updates_and_deletes(team_db):
    db = team_db
    db["comments"].insert(
        {"id": 1, "platform": "x", "external_id": "1", "received_at": "2026-01-05 14:00:00"}
    )
    db["actions"].insert(
        {"comment_id": 1, "at": "2026-01-05 15:00:00", "actor": "a", "kind": "note"}
    )
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE actions SET note = 'changed'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM actions")


def test_history_refuses_to_be_replaced_even_from_a_plain_connection(team_db, tmp_path):
    path = tmp_path / "vigie.db"
    db = team_db
    db["comments"].insert(
        {"id": 1, "platform": "x", "external_id": "1", "received_at": "2026-01-05 14:00:00"}
    )
    db["actions"].insert(
        {"id": 1, "comment_id": 1, "at": "2026-01-05 15:00:00", "actor": "ana", "kind": "note"}
    )
    db["settings_history"].insert(
        {"id": 1, "at": "2026-01-05 15:00:00", "actor": "lea", "key": "target_hours"}
    )
    plain = sqlite3.connect(path)  # foreign keys off, no Vigie settings at all
    # Refused as append-only, or because a plain connection cannot seal a row into the
    # history's hash chain (lib.chain): either way nothing is written.
    refused = "append-only|no such function: vigie_"
    with pytest.raises(sqlite3.DatabaseError, match=refused):
        plain.execute(
            "INSERT OR REPLACE INTO actions (id, comment_id, at, actor, kind)"
            " VALUES (1, 1, '2026-01-05 15:00:00', 'ghost', 'note')"
        )
    for sql in (
        "INSERT OR REPLACE INTO settings_history (id, at, actor, key)"
        " VALUES (1, '2026-01-05 15:00:00', 'ghost', 'target_hours')",
        "UPDATE settings_history SET actor = 'ghost'",
        "DELETE FROM settings_history",
    ):
        with pytest.raises(sqlite3.DatabaseError, match=refused):
            plain.execute(sql)
    plain.close()
    assert [r["actor"] for r in db["actions"].rows] == ["ana"]
    assert [r["actor"] for r in db["settings_history"].rows] == ["lea"]
    db["actions"].insert(  # a new row is still welcome
        {"id": 2, "comment_id": 1, "at": "2026-01-05 16:00:00", "actor": "ana", "kind": "note"}
    )
    assert db["actions"].count == 2


def test_instants_are_stored_as_utc_text_and_read_back_aware():
    assert to_db_time("2026-06-24T08:30:00-04:00") == "2026-06-24 12:30:00"
    assert to_db_time(None) is None
    parsed = from_db_times(["2026-06-24 12:30:00", None])
    assert str(parsed[0]) == "2026-06-24 12:30:00+00:00"
    assert parsed.isna().tolist() == [False, True]


def test_a_bulk_load_indexes_new_text_and_restores_triggers_and_indexes(team_db):
    db = team_db
    before = _schema(db)
    db["comments"].insert(
        {"id": 1, "platform": "x", "external_id": "old", "received_at": "2026-01-05 14:00:00",
         "text": "Ancienne région"}
    )  # fmt: skip
    with immediate(db), bulk_load(db, "comments", rebuild_indexes=True):
        db["comments"].insert(
            {"id": 2, "platform": "x", "external_id": "new",
             "received_at": "2026-01-05 15:00:00", "text": "Nouvelle région"}
        )  # fmt: skip
    assert _schema(db) == before
    found = db.execute(
        "SELECT rowid FROM comments_fts WHERE comments_fts MATCH 'region' ORDER BY rowid"
    ).fetchall()
    assert found == [(1,), (2,)]
    # The restored trigger indexes the next ordinary insert as before.
    db["comments"].insert(
        {"id": 3, "platform": "x", "external_id": "later", "received_at": "2026-01-05 16:00:00",
         "text": "Troisième région"}
    )  # fmt: skip
    assert db.execute("SELECT count(*) FROM comments_fts WHERE comments_fts MATCH 'region'"
                      ).fetchone()[0] == 3  # fmt: skip


def test_database_refusals_are_told_apart_by_kind(tmp_path):
    """Busy (someone else writes), read-only, damaged: each gets its own words in the pages."""
    from lib.db import problem

    path = tmp_path / "vigie.db"
    with open_db(path) as db:
        db.execute("PRAGMA busy_timeout = 0")
        holder = sqlite3.connect(path, timeout=0)
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(sqlite3.Error) as locked:
            db.execute("BEGIN IMMEDIATE")
        holder.rollback()
        holder.close()
    read_only = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.Error) as refused:
        read_only.execute("CREATE TABLE t (x)")
    read_only.close()
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"not a database " * 512)
    with pytest.raises(sqlite3.Error) as unreadable:
        sqlite3.connect(damaged).execute("SELECT * FROM sqlite_master").fetchall()
    kinds = [problem(e.value) for e in (locked, refused, unreadable)]
    assert kinds == ["busy", "read_only", "damaged"]
    assert problem(ValueError("not the database's")) == "other"
