"""`python -m lib sync` and the configuration it reads: accounts from TOML, one line per run,
a bad entry named without its token, `--every` until stopped."""

import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.connectors import ConfigProblem, load_config
from lib.db import open_db
from tests.conftest import reading
from tests.platforms.fake_server import FakePlatforms

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "EAAB-secret-do-not-print"


def config_file(folder: Path, server: FakePlatforms, extra: str = "") -> Path:
    path = folder / "connectors.toml"
    path.write_text(
        f"""
[connectors.ville_fb]
platform = "facebook"
name = "Ville (Facebook)"
page_id = "1001"
token = "{TOKEN}"
base_url = "{server.graph_url}"
{extra}
""",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def server():
    now = datetime.now(UTC)
    with FakePlatforms() as fake:
        fake.add_facebook_page("1001", "Ville", TOKEN)
        fake.add_facebook_post("1001", "1001_1", "Collecte des feuilles", now - timedelta(days=1))
        fake.add_facebook_comment(
            "1001_1", "1001_1_c1", "Quel jour?", now - timedelta(hours=1), "u1", "Ana"
        )
        yield fake


def run(*arguments, timeout=120):
    return subprocess.run(
        [sys.executable, "-m", "lib", "sync", *map(str, arguments)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )


def test_sync_once_pulls_and_says_so_in_one_line(tmp_path, server):
    db = tmp_path / "vigie.db"
    open_db(db).close()
    result = run("--once", "--config", config_file(tmp_path, server), "--db", db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "synchronisé 1 compte(s) : 1 commentaire(s) reçu(s), 0 décision(s) appliquée(s) sur "
        "les plateformes; problèmes : aucun"
    ]
    assert reading(db, lambda d: d["comments"].count) == 1
    assert TOKEN not in result.stdout + result.stderr


def test_a_bad_entry_is_named_and_the_good_ones_still_sync(tmp_path, server):
    db = tmp_path / "vigie.db"
    open_db(db).close()
    extra = '[connectors.chaine]\nplatform = "youtube"\ntoken = "ya29-also-secret"\n'
    result = run("--once", "--config", config_file(tmp_path, server, extra), "--db", db)
    assert result.returncode == 0, result.stderr
    assert "problèmes : chaine (config)" in result.stdout
    assert reading(db, lambda d: d["comments"].count) == 1
    assert "ya29-also-secret" not in result.stdout + result.stderr


def test_an_unreadable_configuration_is_refused_in_one_line_without_a_token(tmp_path):
    db = tmp_path / "vigie.db"
    open_db(db).close()
    bad = tmp_path / "bad.toml"
    bad.write_text(f'[connectors.x]\ntoken = "{TOKEN}\n', encoding="utf-8")  # unclosed string
    result = run("--once", "--config", bad, "--db", db)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "TOML" in result.stderr
    assert TOKEN not in result.stderr


def test_sync_needs_an_existing_vigie_database(tmp_path, server):
    result = run("--once", "--config", config_file(tmp_path, server), "--db", tmp_path / "no.db")
    assert result.returncode == 2 and "no.db" in result.stderr
    assert not (tmp_path / "no.db").exists()


def test_sync_every_keeps_syncing_until_stopped(tmp_path, server):
    db = tmp_path / "vigie.db"
    open_db(db).close()
    # A test run started in the background ignores SIGINT, and so would the worker it
    # starts: the worker is given back Ctrl-C, to be stopped as a person stops it.
    runner_sigint = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "lib", "sync", "--every", "1"]
            + ["--config", str(config_file(tmp_path, server)), "--db", str(db)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
        )
    finally:
        signal.signal(signal.SIGINT, runner_sigint)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            feeds = [r for r in server.requests if r["path"].endswith("/1001/feed")]
            if len(feeds) >= 2:
                break
            time.sleep(0.1)  # polling the fake server's log, with a deadline
        assert len(feeds) >= 2, "a second run never came"
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert out.splitlines()[0].startswith("synchronisé 1 compte(s) : 1 commentaire(s)")
    assert out.splitlines()[-1] == "synchronisation arrêtée"


def test_configuration_accounts_need_their_platform_id_and_token(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text(
        '[connectors.a]\nplatform = "instagram"\ntoken = "t"\n'
        '[connectors.b]\nplatform = "x"\nuser_id = "5"\n'
        '[connectors.c]\nplatform = "x"\nuser_id = "5"\nmode = "record-only"\n'
        '[connectors.d]\nplatform = "youtube"\nchannel_id = "UC"\ntoken = "t"\nbase_url = "ftp://h"\n',
        encoding="utf-8",
    )
    accounts, problems = load_config(path)
    assert [a.key for a in accounts] == ["c"]
    assert [(p.code, p.values["account"]) for p in problems] == [
        ("missing_id", "a"),
        ("missing_token", "b"),
        ("bad_base_url", "d"),
    ]
    assert "ig_user_id" in problems[0].describe("fr")


def test_a_named_configuration_file_must_exist(tmp_path):
    with pytest.raises(ConfigProblem) as refused:
        load_config(tmp_path / "absent.toml")
    assert refused.value.code == "file_not_found"


_TOML_VALUES = st.one_of(
    st.text(max_size=20), st.integers(), st.booleans(), st.lists(st.text(max_size=5), max_size=3)
)


@settings(max_examples=150, deadline=None)
@given(
    entries=st.dictionaries(
        st.text("abcdefghij_-é ", min_size=1, max_size=12),
        st.dictionaries(
            st.sampled_from(
                ["platform", "page_id", "channel_id", "user_id", "ig_user_id", "mode", "base_url"]
                + ["name", "timeout"]
            ),
            _TOML_VALUES,
            max_size=6,
        ),
        max_size=4,
    )
)
def test_any_configuration_gives_accounts_or_named_problems_never_a_token(
    tmp_path_factory, entries
):
    path = tmp_path_factory.mktemp("conf") / "c.toml"
    document = {"connectors": {k: {**v, "token": TOKEN} for k, v in entries.items()}}
    path.write_bytes(tomli_w.dumps(document).encode())
    try:
        accounts, problems = load_config(path)
    except ConfigProblem as refusal:  # the whole file refused
        assert TOKEN not in str(refusal)
        return
    assert len(accounts) + len(problems) == len(entries)
    for problem in problems:
        assert TOKEN not in str(problem)
    for account in accounts:
        assert TOKEN not in repr(account)
