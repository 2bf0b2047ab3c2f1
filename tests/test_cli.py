"""`python -m lib`: one-line summaries, non-zero exits on bad input, the database left as it was."""

import sqlite3
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from lib.__main__ import main
from lib.auth import DEMO_PASSWORD
from lib.db import open_db
from lib.reports import unmasked_exports
from tests.conftest import reading

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _dump(path) -> list:
    with open_db(path) as db:
        return [
            list(db.execute(f"SELECT * FROM {table} ORDER BY rowid"))
            for table in ("comments", "actions", "users")
        ]


def test_demo_from_the_command_line_prints_one_line_and_exits_zero(tmp_path):
    path = tmp_path / "demo.db"
    result = subprocess.run(
        [sys.executable, "-m", "lib", "demo", "--rows", "300", "--seed", "5", "--db", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1
    assert result.stdout.startswith("demo: 300 commentaires")
    assert reading(path, lambda db: db["comments"].count) == 300


def test_demo_on_a_database_with_comments_fails_and_changes_nothing(demo_db_path, capsys):
    before = _dump(demo_db_path)
    assert main(["demo", "--rows", "10", "--db", str(demo_db_path)]) != 0
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "déjà" in error
    assert _dump(demo_db_path) == before


def test_import_then_reimport_adds_nothing_the_second_time(tmp_path, capsys):
    path = tmp_path / "v.db"
    open_db(path).close()  # an empty Vigie database
    file = FIXTURES / "utf8_bom_comma.csv"
    assert main(["import", str(file), "--db", str(path)]) == 0
    first = capsys.readouterr().out
    added = reading(path, lambda db: db["comments"].count)
    assert added > 0 and f"{added} ajoutés" in first
    assert main(["import", str(file), "--db", str(path)]) == 0
    assert f"0 ajoutés, {added} déjà présents" in capsys.readouterr().out
    assert reading(path, lambda db: db["comments"].count) == added


def test_a_bad_file_is_refused_with_its_line_and_field_and_changes_nothing(
    demo_db_path, tmp_path, capsys
):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "platform,external_id,received_at,text\n"
        "facebook,a1,2026-06-01 10:00,bonjour\n"
        "myspace,a2,2026-06-01 10:05,allo\n",
        encoding="utf-8",
    )
    before = _dump(demo_db_path)
    assert main(["import", str(bad), "--db", str(demo_db_path)]) != 0
    error = capsys.readouterr().err
    assert "Ligne 3" in error and "platform" in error
    assert _dump(demo_db_path) == before


@pytest.mark.parametrize(
    "name, content, words",
    [
        (
            "future.csv",
            b"platform;external_id;received_at;text\n"
            b"x;1;2026-06-01 10:00;a\nx;2;2099-01-01 10:00;b\n",
            ["Ligne 3", "received_at", "dans le futur"],
        ),
        (
            "long.json",
            b'{"data": [\n {"id": ' + b"7" * 5000 + b', "created_time": "2026-06-01T10:00:00Z"}]}',
            ["Ligne 2", "data[0].id", "4300 chiffres"],
        ),
        (
            "surrogate.json",
            b'{"data": [{"id": "1", "created_time": "2026-06-01T10:00:00Z",'
            b' "message": "\\ud800"}]}',
            ["Ligne 1", "data[0].message", "caractère invalide"],
        ),
    ],
)
def test_a_hostile_file_is_one_line_from_a_real_process_never_a_traceback(
    tmp_path, name, content, words
):
    path = tmp_path / "v.db"
    open_db(path).close()
    hostile = tmp_path / name
    hostile.write_bytes(content)
    result = subprocess.run(
        [sys.executable, "-m", "lib", "import", str(hostile), "--db", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    for word in words:
        assert word in result.stderr
    assert reading(path, lambda db: db["comments"].count) == 0


def test_a_missing_file_is_a_one_line_error(tmp_path, capsys):
    assert main(["import", str(tmp_path / "nope.csv"), "--db", str(tmp_path / "v.db")]) != 0
    assert "introuvable" in capsys.readouterr().err


def test_export_writes_the_named_report_with_its_columns(demo_db_path, tmp_path, capsys):
    out = tmp_path / "daily.csv"
    code = main(
        [
            "export",
            "daily",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-20",
            "--now",
            "2026-11-20T15:00:00-05:00",
            "--out",
            str(out),
            "--db",
            str(demo_db_path),
        ]
    )
    assert code == 0
    assert capsys.readouterr().out.startswith("export daily:")
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(out, sep=";", decimal=",", encoding="utf-8-sig")
    assert list(table.columns[:3]) == ["date", "received", "handled"]
    assert len(table) == 20


@pytest.fixture
def no_terminal(monkeypatch):
    """A scheduled job: no terminal to ask a password on, and no VIGIE_PASSWORD unless set."""
    monkeypatch.delenv("VIGIE_PASSWORD", raising=False)
    monkeypatch.setattr("lib.cli.stdin_is_a_terminal", lambda: False)


def unmask_args(path, out, *extra):
    return ["export", "queue", "--unmask", "--out", str(out), "--db", str(path), *extra]


@pytest.mark.parametrize(
    "extra, password, words",
    [
        ([], DEMO_PASSWORD, "--as"),  # who is asking?
        (["--as", "agirard"], DEMO_PASSWORD, "Réservé aux chefs"),  # a moderator
        (["--as", "mlachance"], "pas-le-bon", "Identifiants refusés"),
        (["--as", "mlachance"], None, "VIGIE_PASSWORD"),  # no terminal, no variable
    ],
)
def test_an_unmasked_export_needs_a_lead_who_proves_it(
    demo_db_path, tmp_path, no_terminal, monkeypatch, capsys, extra, password, words
):
    if password:
        monkeypatch.setenv("VIGIE_PASSWORD", password)
    out = tmp_path / "q.csv"
    assert main(unmask_args(demo_db_path, out, *extra)) != 0
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and words in error
    assert not out.exists()
    assert reading(demo_db_path, unmasked_exports) == []


def test_a_scheduled_unmasked_export_reads_the_leads_password_and_is_recorded(
    demo_db_path, tmp_path, no_terminal, monkeypatch, capsys
):
    monkeypatch.setenv("VIGIE_PASSWORD", DEMO_PASSWORD)
    out = tmp_path / "q.csv"
    now = "2026-11-20T15:00:00-05:00"
    assert main(unmask_args(demo_db_path, out, "--as", "mlachance", "--now", now)) == 0
    assert "NON MASQUÉ" in capsys.readouterr().out
    [record] = reading(demo_db_path, unmasked_exports)
    assert (record["actor"], record["kind"], record["now"]) == (
        "mlachance",
        "queue",
        "2026-11-20 15:00",
    )


def test_at_a_terminal_the_leads_password_is_asked_without_echo(
    demo_db_path, tmp_path, no_terminal, monkeypatch
):
    asked = []
    monkeypatch.setattr("lib.cli.stdin_is_a_terminal", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": asked.append(prompt) or DEMO_PASSWORD)
    assert main(unmask_args(demo_db_path, tmp_path / "q.csv", "--as", "mlachance")) == 0
    assert len(asked) == 1 and "mlachance" in asked[0]


def test_the_queue_is_named_after_its_snapshot_and_refuses_a_range(
    demo_db_path, tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    now = "2026-11-20T15:00:00-05:00"
    assert main(["export", "queue", "--now", now, "--db", str(demo_db_path)]) == 0
    summary = capsys.readouterr().out
    assert (tmp_path / "vigie-queue-2026-11-20_1500.csv").is_file()
    assert "vigie-queue-2026-11-20_1500.csv" in summary and "2026-11-20 15:00" in summary
    args = ["export", "queue", "--from", "2026-11-01", "--now", now, "--db", str(demo_db_path)]
    assert main(args) != 0
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "--from/--to" in error and "instantané" in error


@pytest.mark.parametrize("command", [["import", "FILE"], ["export", "daily"]])
def test_import_and_export_refuse_a_database_that_does_not_exist(tmp_path, capsys, command):
    missing = tmp_path / "typo.db"
    command = [str(FIXTURES / "utf8_bom_comma.csv") if c == "FILE" else c for c in command]
    assert main([*command, "--db", str(missing)]) != 0
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "introuvable" in error and str(missing) in error
    assert not missing.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "command", [["import", "FILE"], ["export", "daily"], ["demo", "--rows", "5"], ["password", "x"]]
)
def test_a_file_that_is_not_sqlite_is_a_one_line_reason_and_is_left_alone(
    tmp_path, capsys, command
):
    notes = tmp_path / "notes.db"
    notes.write_bytes(b"Ceci n'est pas une base de donn\xc3\xa9es.\n" * 20)
    command = [str(FIXTURES / "utf8_bom_comma.csv") if c == "FILE" else c for c in command]
    assert main([*command, "--db", str(notes)]) != 0
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and str(notes) in error
    assert notes.read_bytes() == b"Ceci n'est pas une base de donn\xc3\xa9es.\n" * 20


def test_an_sqlite_file_of_another_application_is_refused(tmp_path, capsys):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    assert main(["export", "daily", "--db", str(other)]) != 0
    assert "n'est pas une base de données Vigie" in capsys.readouterr().err


def test_no_traceback_for_a_foreign_database_from_a_real_process(tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("pas du SQLite\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "lib", "export", "daily", "--db", str(notes)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_locked_database_is_a_one_line_reason(demo_db_path, monkeypatch, capsys):
    monkeypatch.setattr("lib.db.BUSY_TIMEOUT_SECONDS", 0.2)
    holder = sqlite3.connect(demo_db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code = main(["import", str(FIXTURES / "x_tweets.json"), "--db", str(demo_db_path)])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code != 0
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "locked" in error


def test_export_refuses_a_range_that_ends_before_it_starts(demo_db_path, capsys):
    assert (
        main(
            [
                "export",
                "daily",
                "--from",
                "2026-11-10",
                "--to",
                "2026-11-01",
                "--db",
                str(demo_db_path),
            ]
        )
        != 0
    )
    assert "après" in capsys.readouterr().err


def test_replacing_a_password_needs_a_leads_credentials(
    demo_db_path, no_terminal, monkeypatch, capsys
):
    from lib.auth import authenticate

    typed = iter(["nouveau-mot-de-passe", "nouveau-mot-de-passe"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))
    monkeypatch.setenv("VIGIE_PASSWORD", DEMO_PASSWORD)
    assert main(["password", "agirard", "--as", "mlachance", "--db", str(demo_db_path)]) == 0
    assert "agirard" in capsys.readouterr().out
    with open_db(demo_db_path) as db:
        assert authenticate(db, "agirard", "nouveau-mot-de-passe")["username"] == "agirard"
        assert authenticate(db, "agirard", DEMO_PASSWORD) is None


@pytest.mark.parametrize(
    "extra, words",
    [([], "--as"), (["--as", "kbenali"], "Réservé aux chefs"), (["--as", "agirard"], "Réservé")],
)
def test_a_password_is_not_replaced_without_a_lead(
    demo_db_path, no_terminal, monkeypatch, capsys, extra, words
):
    from lib.auth import authenticate

    monkeypatch.setenv("VIGIE_PASSWORD", DEMO_PASSWORD)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "nouveau-mot-de-passe")
    assert main(["password", "agirard", *extra, "--db", str(demo_db_path)]) != 0
    assert words in capsys.readouterr().err
    assert reading(demo_db_path, authenticate, "agirard", DEMO_PASSWORD) is not None


def test_a_first_password_for_an_account_without_one_needs_no_lead(
    demo_db_path, no_terminal, monkeypatch
):
    from lib.auth import authenticate

    with open_db(demo_db_path) as db:
        db["users"].insert({"username": "nouveau", "display_name": "Nouveau", "role": "moderator"})
        monkeypatch.setattr("getpass.getpass", lambda prompt="": "premier-mot-de-passe")
        assert main(["password", "nouveau", "--db", str(demo_db_path)]) == 0
        assert authenticate(db, "nouveau", "premier-mot-de-passe")["username"] == "nouveau"
