"""Ingest: a comment inserted through `insert_comments` gets its calendar due time and its flags."""

import pandas as pd
import pytest

from lib.db import immediate
from lib.ingest import insert_comments
from lib.settings import load_settings, save_settings

TZ = "America/Toronto"


def local(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz=TZ)


def incoming(*comments: tuple[str, pd.Timestamp, str]) -> pd.DataFrame:
    """Comments as an importer hands them over: (external id, received, text)."""
    return pd.DataFrame(
        {
            "platform": "facebook",
            "account": "Ministère des Services aux citoyens",
            "external_id": [c[0] for c in comments],
            "post_ref": "post-1",
            "author_name": [f"Personne {c[0]}" for c in comments],
            "author_handle": [f"personne_{c[0]}" for c in comments],
            "text": [c[2] for c in comments],
            "received_at": [c[1] for c in comments],
        }
    )


@pytest.fixture
def db(team_db):
    return team_db


FRIDAY_EVENING = local("2026-10-09 17:05")  # Thanksgiving is Monday 12 October 2026
MONDAY_MORNING = local("2026-03-09 09:30")  # an ordinary Monday, after the March DST change
COMMENTS = (
    ("a", FRIDAY_EVENING, "Hi, what are the deadlines for student financial aid this year?"),
    ("b", MONDAY_MORNING, "Appelez-moi au 418-555-0142 pour mon dossier, merci."),
    ("c", MONDAY_MORNING, "Service vraiment décevant au bureau de Gaspé, personne ne rappelle."),
)


def _stored(db) -> dict:
    return {row["external_id"]: row for row in db["comments"].rows}


def test_an_imported_comment_is_due_when_the_calendar_says_stored_as_utc_text(db):
    with immediate(db):
        result = insert_comments(db, incoming(*COMMENTS))
    assert (result.added, result.already_present) == (3, 0)
    stored = _stored(db)
    # Friday 17 h 05, Monday a holiday: the eight hours are all of Tuesday, to 16 h 30 EDT.
    assert stored["a"]["due_at"] == "2026-10-13 20:30:00"
    # Monday 9 h 30 EDT: the day's last seven hours, then Tuesday's first hour.
    assert stored["b"]["due_at"] == "2026-03-10 13:30:00"
    assert stored["a"]["received_at"] == "2026-10-09 21:05:00"
    settings = load_settings(db)
    for external_id, received, _text in COMMENTS:
        expected = settings.calendar().deadline(received, settings.target_hours)
        assert stored[external_id]["due_at"] == expected.strftime("%Y-%m-%d %H:%M:%S")


def test_an_imported_comment_follows_the_leads_target_and_closures(db):
    # Tuesday 13 October closed as well: Friday evening's comment waits until Wednesday.
    save_settings(db, "lea", target_hours=4, closures=["2026-10-13"])
    with immediate(db):
        insert_comments(db, incoming(COMMENTS[0]))
    assert _stored(db)["a"]["due_at"] == "2026-10-14 16:30:00"  # Wednesday 12 h 30 EDT


def test_an_imported_comment_has_its_language_and_flags(db):
    with immediate(db):
        insert_comments(db, incoming(*COMMENTS))
    stored = _stored(db)
    assert stored["a"]["language"] == "en"
    assert set(stored["a"]["flags"].split()) >= {"english", "question"}
    assert stored["b"]["language"] == "fr"
    assert "pii" in stored["b"]["flags"].split()
    assert stored["b"]["suggested_redirect"] == "prive"
    assert "negative" in stored["c"]["flags"].split()
    assert {row["status"] for row in stored.values()} == {"new"}
    assert {row["version"] for row in stored.values()} == {1}


def test_reimporting_the_same_comments_adds_nothing(db):
    with immediate(db):
        insert_comments(db, incoming(*COMMENTS))
    with immediate(db):
        result = insert_comments(db, incoming(*COMMENTS))
    assert (result.added, result.already_present) == (0, 3)
    assert db["comments"].count == 3
