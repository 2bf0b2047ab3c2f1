"""Backups (`python -m lib backup`): a consistent copy taken while others write, checked before
it is put in place, never over a file unless told, every attempt in the log, and the last good
one shown to a lead in Paramètres."""

import json
import sqlite3
import stat
import threading
import time

import pandas as pd
import pytest

from lib import chain
from lib.__main__ import main
from lib.db import immediate, open_db, read_only, schema_version
from lib.ingest import insert_comments
from lib.moderation import StaleVersion, act
from lib.records.backup import (
    TEMP_SUFFIX,
    BackupRefused,
    backup,
    backup_line,
    last_good_backup,
)
from lib.settings import load_settings, save_settings
from tests.conftest import open_app, reading

COMMENTS = (1, 2, 3, 4, 5, 6)
RECEIVED = "2026-11-20 14:00:00"
SQLITE_HEADER = b"SQLite format 3\x00"
SETTINGS_PAGE = "pages/settings.py"
EARLIER_NOTES = 10_000


def add_comments(db, ids=COMMENTS):
    db["comments"].insert_all(
        {"id": i, "platform": "facebook", "external_id": f"ext-{i}", "received_at": RECEIVED}
        for i in ids
    )


def add_earlier_history(db, notes=EARLIER_NOTES):
    """An old comment with `notes` notes: a history long enough that copying and checking
    it takes a while (writers go on meanwhile)."""
    db["comments"].insert(
        {"id": 99, "platform": "x", "external_id": "old", "received_at": "2026-01-05 14:00:00"}
        | {"version": notes + 1}
    )
    db["actions"].insert_all(
        {"comment_id": 99, "at": "2026-01-05 15:00:00", "actor": "ana", "kind": "note"}
        | {"note": f"note {v}", "version": v}
        for v in range(2, notes + 2)
    )


def log(path) -> list[tuple]:
    """The backups log of the database at `path`: (actor, target, outcome, problem, heads)."""
    sql = "SELECT actor, target, outcome, problem, heads FROM backups ORDER BY id"
    return reading(path, lambda db: db.execute(sql).fetchall())


def left_in(folder) -> list[str]:
    """The files in `folder` besides the database itself (and its -wal and -shm)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("vigie.db"))


# Four writers, as the app and the sync worker are: each its own connection, through the
# core's own functions. Each returns whether it wrote (a conflict writes nothing).


def moderator_acts(db, name, n):
    comment_id = COMMENTS[(n * 5 + len(name)) % len(COMMENTS)]
    version = db.execute("SELECT version FROM comments WHERE id = ?", [comment_id]).fetchone()[0]
    try:
        if n % 2:
            act(db, comment_id, "note", name, version, note=f"{name} {n}")
        else:
            act(db, comment_id, "assign", name, version, assignee=name)
    except StaleVersion:
        return False
    return True


def lead_saves_settings(db, n):
    save_settings(db, "lea", compliance_goal_pct=80.0 + n % 2 * 10)
    return True


def sync_worker_inserts(db, n):
    frame = pd.DataFrame(
        {
            "platform": ["youtube"],
            "external_id": [f"sync-{n}"],
            "text": [f"Commentaire {n}"],
            "received_at": [pd.Timestamp(RECEIVED, tz="UTC")],
        }
    )
    with immediate(db):
        insert_comments(db, frame)
    return True


WRITERS = {
    "ana": lambda db, n: moderator_acts(db, "ana", n),
    "bob": lambda db, n: moderator_acts(db, "bob", n),
    "lea": lead_saves_settings,
    "sync": sync_worker_inserts,
}


# Between two writes: people and the sync worker leave the lock free now and then (SQLite's
# busy handler, a sleeping waiter, would lose to a writer in a tight loop); the sync worker
# holds it longest, reading its batch, and runs least often.
PAUSES = {"ana": 0.003, "bob": 0.003, "lea": 0.003, "sync": 0.05}


class Writers:
    """The four writers in threads, until `stop()`: when each of their writes committed."""

    def __init__(self, path):
        self.done = {name: [] for name in WRITERS}
        self.errors = []
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._write, args=(path, name)) for name in WRITERS
        ]

    def _write(self, path, name):
        try:
            with open_db(path) as db:
                n = 0
                while not self._stop.is_set():
                    if WRITERS[name](db, n):
                        self.done[name].append(time.perf_counter())
                    n += 1
                    time.sleep(PAUSES[name])
        except Exception as error:  # reported by the test, not lost in the thread
            self.errors.append((name, repr(error)))

    def start(self):
        for thread in self._threads:
            thread.start()

    def wait_for(self, writes: int, after: float = 0.0):
        """Until each writer has committed `writes` times after `after`."""
        deadline = time.monotonic() + 60
        while any(sum(t > after for t in done) < writes for done in self.done.values()):
            assert not self.errors, self.errors
            assert time.monotonic() < deadline, {n: len(d) for n, d in self.done.items()}
            time.sleep(0.005)

    def stop(self):
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=60)

    def between(self, start, end) -> int:
        return sum(start < t < end for done in self.done.values() for t in done)


COUNTED = ("comments", "actions", "settings_history")


def counts(db) -> dict[str, int]:
    return {table: db[table].count for table in COUNTED}


def test_a_backup_taken_while_four_writers_act_verifies_opens_and_holds_a_consistent_state(
    team_db, tmp_path
):
    path, target = tmp_path / "vigie.db", tmp_path / "sauvegarde.db"
    add_comments(team_db)
    add_earlier_history(team_db)
    writers = Writers(path)
    writers.start()
    try:
        writers.wait_for(3)
        before = counts(team_db)
        started = time.perf_counter()
        report = backup(path, target)
        ended = time.perf_counter()
        writers.wait_for(3, after=ended)  # they go on after it, too
    finally:
        writers.stop()
    assert writers.errors == []
    assert writers.between(started, ended) > 0  # writes committed while the backup ran

    assert (report.outcome, report.problem) == ("ok", None)
    assert left_in(tmp_path) == ["sauvegarde.db"]  # one file: no -wal, no temporary copy
    assert report.bytes == target.stat().st_size
    with read_only(target) as copy:
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]

    after = counts(team_db)
    with open_db(target) as copy:
        verified = chain.verify(copy)
        assert verified.intact
        assert report.rows == sum(verified.rows.values())
        assert report.heads == chain.heads(copy) == verified.heads
        assert schema_version(copy) == schema_version(team_db)
        taken = counts(copy)
        # Every comment's version counts its actions: no action without its comment's change.
        versions = dict(copy.execute("SELECT id, version FROM comments"))
        acted = dict(copy.execute("SELECT comment_id, count(*) FROM actions GROUP BY 1"))
        assert {i: v - 1 for i, v in versions.items() if v > 1} == acted
        # The setting in force is the last change its history recorded.
        last = copy.execute(
            "SELECT new FROM settings_history WHERE key = 'compliance_goal_pct' "
            "ORDER BY id DESC LIMIT 1"
        ).fetchone()[0]
        assert load_settings(copy).compliance_goal_pct == json.loads(last)
    for table in COUNTED:
        assert before[table] <= taken[table] < after[table], table
    # The copy's chain is a prefix of the source's: each head is still there, unchanged.
    for table, (row_id, hex_hash) in report.heads.items():
        found = team_db.execute(f"SELECT chain_hash FROM [{table}] WHERE id = ?", [row_id])
        assert bytes(found.fetchone()[0]).hex() == hex_hash
    assert log(path) == [("operator", str(target), "ok", None, json.dumps(report.heads))]
    assert chain.verify(team_db).intact  # the source, the backup's row and heads included


def test_an_existing_file_is_refused_and_left_as_it_was(team_db, tmp_path, capsys):
    path, target = tmp_path / "vigie.db", tmp_path / "sauvegarde.db"
    target.write_bytes(b"la sauvegarde d'hier")
    with pytest.raises(BackupRefused) as refused:
        backup(path, target)
    assert refused.value.code == "target_exists"
    assert main(["backup", "--to", str(target), "--db", str(path)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert error.startswith(f"vigie: {target} existe déjà : rien n'a été copié (--force")
    assert target.read_bytes() == b"la sauvegarde d'hier"
    assert left_in(tmp_path) == ["sauvegarde.db"]
    assert log(path) == []  # refused before any copy: nothing was attempted


def test_overwrite_and_force_replace_an_existing_file_keeping_its_permissions(
    team_db, tmp_path, capsys
):
    path, target = tmp_path / "vigie.db", tmp_path / "sauvegarde.db"
    target.write_bytes(b"la sauvegarde d'hier")
    target.chmod(0o640)
    assert backup(path, target, overwrite=True).ok
    assert target.read_bytes().startswith(SQLITE_HEADER)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    add_comments(team_db)
    act(team_db, 1, "note", "ana", 1, note="vu")
    assert main(["backup", "--to", str(target), "--force", "--db", str(path)]) == 0
    assert reading(target, lambda db: db["actions"].count) == 1
    assert [row[2] for row in log(path)] == ["ok", "ok"]
    assert left_in(tmp_path) == ["sauvegarde.db"]


def test_a_new_backup_is_readable_by_its_owner_only(team_db, tmp_path):
    target = tmp_path / "sauvegarde.db"
    backup(team_db, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize("suffix", ["", "-wal"])
def test_the_database_itself_is_never_a_backups_target(team_db, tmp_path, suffix):
    path = tmp_path / "vigie.db"
    with pytest.raises(BackupRefused) as refused:
        backup(path, f"{path}{suffix}", overwrite=True)
    assert refused.value.code == "same_file"
    assert reading(path, lambda db: db["users"].count) == 3


def test_a_missing_folder_or_a_folder_as_target_is_refused(team_db, tmp_path):
    for target, code in (
        (tmp_path / "absent" / "s.db", "no_folder"),
        (tmp_path, "target_is_folder"),
    ):
        with pytest.raises(BackupRefused) as refused:
            backup(team_db, target, overwrite=True)
        assert refused.value.code == code
    assert left_in(tmp_path) == []


def tamper(path):
    """Change a recorded action behind Vigie's back, as someone with the file could."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER actions_no_update")
    conn.execute("UPDATE actions SET actor = 'bob' WHERE id = 1")
    conn.commit()
    conn.close()


def test_a_tampered_history_gives_a_failed_backup_logged_and_no_file(team_db, tmp_path, capsys):
    path, target = tmp_path / "vigie.db", tmp_path / "sauvegarde.db"
    add_comments(team_db)
    act(team_db, 1, "note", "ana", 1, note="vu")
    tamper(path)

    report = backup(path, target, actor="lea")
    assert (report.outcome, report.problem, report.bytes) == ("failed", "chain_broken", None)
    assert report.refusal.describe("en").startswith(
        "the database's history does not verify (chain broken: actions, row 1 no longer "
        "matches its hash"
    )
    assert main(["backup", "--to", str(target), "--db", str(path)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "Traceback" not in error
    assert error.startswith(
        "vigie: l'historique de la base ne se vérifie pas (chaîne rompue : actions, ligne 1 ne "
        "correspond plus à son empreinte (modifiée hors de Vigie)) : aucun fichier n'a été laissé"
    )
    assert left_in(tmp_path) == []  # neither the target nor a temporary copy
    assert not list(tmp_path.glob(f"*{TEMP_SUFFIX}*"))
    assert log(path) == [
        ("lea", str(target), "failed", "chain_broken", None),
        ("operator", str(target), "failed", "chain_broken", None),
    ]


def test_a_failed_backup_leaves_the_last_good_one_as_it_was(team_db, tmp_path):
    path = tmp_path / "vigie.db"
    add_comments(team_db)
    act(team_db, 1, "note", "ana", 1, note="vu")
    good = backup(path, tmp_path / "lundi.db")
    tamper(path)
    assert not backup(path, tmp_path / "mardi.db").ok
    last = last_good_backup(team_db)
    assert (last["id"], last["at"], last["target"]) == (1, good.at, str(tmp_path / "lundi.db"))
    assert json.loads(last["heads"]) == {"actions": [1, good.heads["actions"][1]]}
    assert left_in(tmp_path) == ["lundi.db"]


def test_the_backup_line_gives_the_last_good_backup_in_quebec_time(team_db):
    assert backup_line(team_db, "fr") == (
        "Aucune sauvegarde vérifiée pour l'instant : `python -m lib backup --to FICHIER` "
        "en fait une."
    )
    row = {"actor": "operator", "target": "/sauvegardes/vigie.db", "bytes": 4096}
    team_db["backups"].insert({**row, "at": "2026-07-01 15:00:00", "outcome": "ok"})
    assert backup_line(team_db, "fr") == (
        "Dernière sauvegarde vérifiée : 2026-07-01 11:00 (heure du Québec)."  # EDT: UTC−4
    )
    team_db["backups"].insert({**row, "at": "2026-11-20 15:00:00", "outcome": "ok"})
    team_db["backups"].insert({**row, "at": "2026-11-21 15:00:00", "outcome": "failed"})
    assert backup_line(team_db, "en") == (
        "Last verified backup: 2026-11-20 10:00 (Québec time)."  # EST: UTC−5
    )


@pytest.mark.parametrize(
    ("lang", "none_yet", "after"),
    [
        ("fr", "Aucune sauvegarde vérifiée pour l'instant", "Dernière sauvegarde vérifiée : "),
        ("en", "No verified backup yet", "Last verified backup: "),
    ],
)
def test_a_lead_sees_the_last_good_backup_in_the_settings_page(
    team_db, tmp_path, monkeypatch, lang, none_yet, after
):
    monkeypatch.setenv("VIGIE_DB", str(tmp_path / "vigie.db"))
    at = open_app(SETTINGS_PAGE, username="lea", lang=lang)
    lines = [c.value for c in at.main.caption if "backup" in c.value]
    assert len(lines) == 1 and lines[0].startswith(none_yet)
    report = backup(team_db, tmp_path / "sauvegarde.db")
    at = open_app(SETTINGS_PAGE, username="lea", lang=lang)
    when = pd.Timestamp(report.at, tz="UTC").tz_convert("America/Toronto")
    expected = after + when.strftime("%Y-%m-%d %H:%M")
    assert [c.value for c in at.main.caption if c.value.startswith(expected)] != []


def test_the_command_prints_one_line_with_the_size_the_rows_and_the_file(team_db, tmp_path, capsys):
    path, target = tmp_path / "vigie.db", tmp_path / "sauvegarde.db"
    add_comments(team_db)
    act(team_db, 1, "note", "ana", 1, note="vu")
    act(team_db, 2, "hide", "bob", 1, reasons=["pourriel"])
    assert main(["backup", "--to", str(target), "--db", str(path)]) == 0
    size = target.stat().st_size
    assert capsys.readouterr().out == (
        f"backup: {target} ({size} octets, 2 lignes d'historique vérifiées)\n"
    )
    assert reading(target, lambda db: db["actions"].count) == 2


def test_the_command_refuses_a_missing_or_foreign_database_and_copies_nothing(tmp_path, capsys):
    target = tmp_path / "sauvegarde.db"
    assert main(["backup", "--to", str(target), "--db", str(tmp_path / "absente.db")]) == 2
    assert "base de données introuvable" in capsys.readouterr().err
    other = tmp_path / "autre.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    assert main(["backup", "--to", str(target), "--db", str(other)]) == 2
    assert "n'est pas une base de données Vigie" in capsys.readouterr().err
    assert not target.exists() and not (tmp_path / "absente.db").exists()
