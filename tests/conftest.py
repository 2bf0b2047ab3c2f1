"""Shared fixtures: small demo databases built once per test session, in temporary folders."""

import shutil

import pandas as pd
import pytest

from lib.db import open_db
from lib.demo import generate

# A fixed "now" keeps every figure derived from the demo reproducible.
DEMO_NOW = pd.Timestamp("2026-11-20 15:00", tz="America/Toronto")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """A 3,000-comment demo database, generated once; copy it before writing to it."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    db = open_db(path)
    generate(db, rows=3000, seed=7, now=DEMO_NOW)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    return path


@pytest.fixture
def demo_db_path(demo_template, tmp_path, monkeypatch):
    """A private copy of the demo database, chosen through VIGIE_DB."""
    path = tmp_path / "vigie.db"
    shutil.copy(demo_template, path)
    monkeypatch.setenv("VIGIE_DB", str(path))
    return path


APP = str(__import__("pathlib").Path(__file__).resolve().parents[1] / "app.py")


def open_app(page=None, username="mlachance", lang="fr", now=None, timeout=120):
    """The app through app.py's navigation, signed in as `username` (None: signed out).

    Signing in is through st.session_state["username"], as lib/ui/auth.py records a
    sign-in; `now` pins the instant the lead pages read their figures at. The
    sidebar's language switch is checked, so a page run without app.py would fail.
    """
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=timeout)
    at.session_state["lang"] = lang
    if username:
        at.session_state["username"] = username
    if now is not None:
        at.session_state["now"] = now
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.sidebar.radio(key="lang").value == lang, "app.py's sidebar ran"
    return at
