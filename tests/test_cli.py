"""`python -m lib`: one-line summaries, non-zero exits on bad input, the database left as it was."""

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from lib.__main__ import main
from lib.db import open_db

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _dump(path) -> list:
    db = open_db(path)
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
    assert open_db(path)["comments"].count == 300


def test_demo_on_a_database_with_comments_fails_and_changes_nothing(demo_db_path, capsys):
    before = _dump(demo_db_path)
    assert main(["demo", "--rows", "10", "--db", str(demo_db_path)]) != 0
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "déjà" in error
    assert _dump(demo_db_path) == before


def test_import_then_reimport_adds_nothing_the_second_time(tmp_path, capsys):
    path = tmp_path / "v.db"
    file = FIXTURES / "utf8_bom_comma.csv"
    assert main(["import", str(file), "--db", str(path)]) == 0
    first = capsys.readouterr().out
    added = open_db(path)["comments"].count
    assert added > 0 and f"{added} ajoutés" in first
    assert main(["import", str(file), "--db", str(path)]) == 0
    assert f"0 ajoutés, {added} déjà présents" in capsys.readouterr().out
    assert open_db(path)["comments"].count == added


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


@pytest.mark.parametrize("actor", [None, "agirard"])
def test_unmasked_exports_need_a_lead(demo_db_path, tmp_path, actor, capsys):
    args = [
        "export",
        "queue",
        "--unmask",
        "--out",
        str(tmp_path / "q.csv"),
        "--db",
        str(demo_db_path),
    ]
    if actor:
        args += ["--as", actor]
    assert main(args) != 0
    assert not (tmp_path / "q.csv").exists()
    assert main([*args[:-2], "--as", "mlachance", "--db", str(demo_db_path)]) == 0


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


def test_password_sets_a_local_password_that_signs_in(demo_db_path, monkeypatch, capsys):
    from lib.auth import authenticate

    typed = iter(["nouveau-mot-de-passe", "nouveau-mot-de-passe"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))
    assert main(["password", "agirard", "--db", str(demo_db_path)]) == 0
    assert "agirard" in capsys.readouterr().out
    db = open_db(demo_db_path)
    assert authenticate(db, "agirard", "nouveau-mot-de-passe")["username"] == "agirard"
    assert authenticate(db, "agirard", "vigie-demo") is None
