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
