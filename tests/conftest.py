"""Shared fixtures and helpers: a small team's database, demo databases built once per test
session in temporary folders, and the app opened through app.py in AppTest."""

import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lib.db import open_db
from lib.demo import generate

# The team of the tests that build their own data: two moderators and a lead.
TEAM = (
    {"username": "ana", "display_name": "Ana", "role": "moderator"},
    {"username": "bob", "display_name": "Bob", "role": "moderator"},
    {"username": "lea", "display_name": "Léa", "role": "lead"},
)


@pytest.fixture
def team_db(tmp_path):
    """A new Vigie database in the test's folder, with TEAM; closed after the test."""
    with open_db(tmp_path / "vigie.db") as db:
        db["users"].insert_all(TEAM)
        yield db


def reading(path, read, *args):
    """`read(db, *args)` on the database at `path`, closed after: a check in one line."""
    with open_db(path) as db:
        return read(db, *args)


# An identity provider's [auth] section for AppTest's secrets: nothing real, nothing reached.
ISSUER = "https://id.example.org"
OIDC_SECRETS = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "not-a-real-secret",
    "client_id": "vigie",
    "client_secret": "not-a-real-secret",
    "server_metadata_url": f"{ISSUER}/.well-known/openid-configuration",
}


# A fixed "now" keeps every figure derived from the demo reproducible.
DEMO_NOW = pd.Timestamp("2026-11-20 15:00", tz="America/Toronto")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """A 3,000-comment demo database, generated once; copy it before writing to it."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with open_db(path) as db:
        generate(db, rows=3000, seed=7, now=DEMO_NOW)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def demo_db_path(demo_template, tmp_path, monkeypatch):
    """A private copy of the demo database, chosen through VIGIE_DB."""
    path = tmp_path / "vigie.db"
    shutil.copy(demo_template, path)
    monkeypatch.setenv("VIGIE_DB", str(path))
    return path


APP = str(Path(__file__).resolve().parents[1] / "app.py")


def new_app(username=None, lang="fr", now=None, timeout=120) -> AppTest:
    """app.py in AppTest, not yet run: signed in as `username` (None: signed out).

    Signing in is through st.session_state["username"], as lib/ui/auth.py records a
    sign-in; `lang` None leaves the language to the app; `now` pins the present.
    """
    at = AppTest.from_file(APP, default_timeout=timeout)
    if lang:
        at.session_state["lang"] = lang
    if username:
        at.session_state["username"] = username
    if now is not None:
        at.session_state["now"] = now
    return at


def open_app(page=None, username="mlachance", lang="fr", now=None, timeout=120) -> AppTest:
    """The app through app.py's navigation, on `page`, run once (`new_app` for the arguments).

    The sidebar's language switch is checked, so a page run without app.py would fail.
    """
    at = new_app(username, lang, now, timeout)
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.sidebar.radio(key="lang_choice").value == lang, "app.py's sidebar ran"
    return at
