"""Day one from the command line: `init` an empty database with a policy and its first lead,
`team` to run the team, then `import` and `export --unmask`, never touching SQL."""

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lib.__main__ import main
from lib.auth import authenticate, team_accounts
from lib.db import open_db
from lib.presets import PRESET_NAMES, preset_settings
from lib.settings import load_settings, settings_history
from tests.conftest import reading

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PASSWORD = "premier-jour-2026"


def vigie(*args, password=PASSWORD):
    """`python -m lib ARGS` as a scheduled job runs it: no terminal, the password in the
    environment."""
    env = {**os.environ, "VIGIE_PASSWORD": password}
    env.pop("VIGIE_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "lib", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=env,
        timeout=120,
    )


def test_init_team_add_import_and_unmasked_export_in_sequence(tmp_path):
    db = str(tmp_path / "equipe.db")
    steps = [
        ("init", "--db", db, "--lead", "mtremblay", "--name", "Marie Tremblay",
         "--email", "marie.tremblay@example.org", "--policy", "cisss", "--org", "CISSS de l'Est"),
        ("team", "add", "jroy", "--name", "Julien Roy", "--role", "moderator",
         "--as", "mtremblay", "--db", db),
        ("import", str(FIXTURES / "utf8_bom_comma.csv"), "--db", db),
        ("export", "queue", "--unmask", "--as", "mtremblay", "--out", str(tmp_path / "q.csv"),
         "--now", "2026-06-25 10:00", "--db", db),
        ("team", "list", "--db", db),
    ]  # fmt: skip
    outputs = []
    for step in steps:
        result = vigie(*step)
        assert result.returncode == 0, (step[0], result.stderr)
        assert result.stderr == ""
        outputs.append(result.stdout)
    assert all(out.count("\n") == 1 for out in outputs[:4]), outputs
    settings = reading(db, load_settings)
    assert (settings.policy, settings.organisation) == ("cisss", "CISSS de l'Est")
    assert reading(db, authenticate, "mtremblay", PASSWORD)["role"] == "lead"
    people = {p["username"]: p for p in reading(db, team_accounts)}
    assert (people["jroy"]["role"], people["jroy"]["active"]) == ("moderator", 1)
    assert people["mtremblay"]["email"] == "marie.tremblay@example.org"
    exported = list(
        csv.DictReader(io.StringIO((tmp_path / "q.csv").read_text("utf-8-sig")), delimiter=";")
    )
    assert exported and {row["platform"] for row in exported} >= {"facebook", "youtube"}
    assert "jroy\tJulien Roy\tmoderator" in outputs[4]


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["--policy", "ontario"], "ontario"),
        (["--lead", "marie tremblay"], "'marie tremblay'"),
        (["--name", "  "], "nom affiché"),
        (["--email", "marie@"], "'marie@'"),
        (["--org", "Organisme " * 20], "80 caractères au plus"),
    ],
)
def test_init_refuses_bad_input_in_one_line_and_writes_nothing(
    tmp_path, monkeypatch, capsys, arguments, words
):
    monkeypatch.setenv("VIGIE_PASSWORD", PASSWORD)
    path = tmp_path / "equipe.db"
    given = {"--lead": "mtremblay", "--name": "Marie Tremblay"}
    given.update(zip(arguments[::2], arguments[1::2], strict=True))
    assert main(["init", "--db", str(path), *[x for kv in given.items() for x in kv]]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and words in error
    assert list(tmp_path.iterdir()) == []


def test_init_never_touches_an_existing_file(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("VIGIE_PASSWORD", PASSWORD)
    path = tmp_path / "equipe.db"
    path.write_bytes(b"not mine")
    assert main(["init", "--db", str(path), "--lead", "lea", "--name", "Léa"]) == 2
    assert "existe déjà" in capsys.readouterr().err
    assert path.read_bytes() == b"not mine"


def test_init_without_a_terminal_or_a_password_says_how_and_writes_nothing(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.delenv("VIGIE_PASSWORD", raising=False)
    monkeypatch.setattr("lib.cli.stdin_is_a_terminal", lambda: False)
    assert main(["init", "--db", str(tmp_path / "e.db"), "--lead", "lea", "--name", "Léa"]) == 2
    assert "VIGIE_PASSWORD" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_at_a_terminal_init_asks_the_password_twice(tmp_path, monkeypatch):
    monkeypatch.delenv("VIGIE_PASSWORD", raising=False)
    monkeypatch.setattr("lib.cli.stdin_is_a_terminal", lambda: True)
    asked = []
    monkeypatch.setattr("getpass.getpass", lambda prompt="": asked.append(prompt) or PASSWORD)
    path = tmp_path / "e.db"
    assert main(["init", "--db", str(path), "--lead", "lea", "--name", "Léa"]) == 0
    assert len(asked) == 2
    assert reading(path, authenticate, "lea", PASSWORD)["username"] == "lea"


@pytest.mark.parametrize("policy", PRESET_NAMES)
def test_init_stores_the_presets_settings_in_the_history(tmp_path, monkeypatch, policy):
    monkeypatch.setenv("VIGIE_PASSWORD", PASSWORD)
    path = tmp_path / "e.db"
    assert (
        main(["init", "--db", str(path), "--lead", "lea", "--name", "Léa", "--policy", policy]) == 0
    )
    settings = reading(path, load_settings)
    for key, value in preset_settings(policy).items():
        stored = getattr(settings, key)
        if isinstance(value, tuple | list):  # stored sorted
            stored, value = sorted(stored), sorted(value)
        assert stored == value, key
    keys = {row["key"] for row in reading(path, settings_history)}
    assert "team" in keys and (policy == "general" or "policy" in keys)  # a change is recorded


@pytest.fixture
def founded(tmp_path, monkeypatch):
    monkeypatch.setenv("VIGIE_PASSWORD", PASSWORD)
    path = tmp_path / "e.db"
    assert main(["init", "--db", str(path), "--lead", "lea", "--name", "Léa"]) == 0
    assert main(["team", "add", "ana", "--name", "Ana", "--role", "moderator",
                 "--as", "lea", "--db", str(path)]) == 0  # fmt: skip
    return path


def test_team_changes_need_a_lead_proven_by_their_password(founded, monkeypatch, capsys):
    capsys.readouterr()
    add = ["team", "add", "bob", "--name", "Bob", "--role", "moderator", "--db", str(founded)]
    assert main(add) == 2 and "--as" in capsys.readouterr().err
    monkeypatch.setenv("VIGIE_PASSWORD", "pas-le-bon-mot")
    assert main([*add, "--as", "lea"]) == 2
    assert "refusés" in capsys.readouterr().err
    assert [p["username"] for p in reading(founded, team_accounts)] == ["lea", "ana"]


def test_team_role_deactivate_reactivate_and_the_last_lead(founded, capsys):
    db = ["--as", "lea", "--db", str(founded)]
    assert main(["team", "deactivate", "lea", *db]) == 2
    assert "dernier chef d'équipe actif" in capsys.readouterr().err
    assert main(["team", "role", "lea", "moderator", *db]) == 2
    assert main(["team", "deactivate", "ana", *db]) == 0
    assert "0 commentaire(s) remis" in capsys.readouterr().out
    assert not reading(founded, team_accounts)[-1]["active"]
    assert main(["team", "reactivate", "ana", *db]) == 0
    assert main(["team", "role", "ana", "lead", *db]) == 0
    roles = {p["username"]: p["role"] for p in reading(founded, team_accounts)}
    assert roles == {"lea": "lead", "ana": "lead"}


def test_init_fills_a_vigie_database_nobody_used_yet_and_refuses_one_with_comments(
    tmp_path, monkeypatch, capsys
):
    """The app makes an empty Vigie file when it first opens a new path: init may fill that
    one, never one that holds a comment."""
    monkeypatch.setenv("VIGIE_PASSWORD", PASSWORD)
    unused, used = tmp_path / "unused.db", tmp_path / "used.db"
    open_db(unused).close()
    with open_db(used) as db:
        db["comments"].insert({"platform": "x", "external_id": "1", "received_at": "2026-11-20"})
    before = used.read_bytes()
    init = ["init", "--lead", "lea", "--name", "Léa", "--policy", "cest", "--db"]
    assert main([*init, str(unused)]) == 0
    assert reading(unused, load_settings).policy == "cest"
    assert main([*init, str(used)]) == 2
    assert "existe déjà" in capsys.readouterr().err
    assert used.read_bytes() == before and reading(used, team_accounts) == []
