"""The queue's SQL: filters, states, ordering, paging and accent-insensitive search."""

from datetime import date

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib import reports, triage
from lib.business_time import BusinessCalendar
from lib.db import migrations, open_db
from lib.queries import SEARCH_MAX_CHARS, SEARCH_MAX_TERMS, search_words
from lib.settings import current_exclusion
from lib.states import state_clock
from lib.templates import reply_text
from lib.triage import QueueFilters, count_queue, queue_page

# Tuesday 3 March 2026, 10 h 00 in Québec: office hours, 2 business hours ahead is 12 h 00.
NOW = pd.Timestamp("2026-03-03 10:00", tz="America/Toronto")
ANA = {"username": "ana", "role": "moderator"}
LEA = {"username": "lea", "role": "lead"}


def local_utc(text: str) -> str:
    return pd.Timestamp(text, tz="America/Toronto").tz_convert("UTC").strftime("%Y-%m-%d %H:%M:%S")


@pytest.fixture
def db(team_db):
    db = team_db
    rows = [
        # id, platform, account, language, status, assignee, flags, due (local), text
        (1, "facebook", "Ministère", "fr", "new", None, "", "2026-03-03 09:00", "Ma région"),
        (2, "facebook", "Ministère", "fr", "new", None, "question", "2026-03-03 11:00", "Quand?"),
        (3, "x", "@min", "en", "assigned", "ana", "english", "2026-03-04 16:30", "Region?"),
        (4, "x", "@min", "fr", "awaiting_approval", "ana", "negative", "2026-03-05 16:30", "Nul"),
        (5, "youtube", "Chaîne", "fr", "new", None, "urgent pii", "2026-03-06 16:30", "Aidez"),
        (6, "facebook", "Ministère", "fr", "answered", "ana", "", "2026-03-02 16:30", "région"),
        (7, "facebook", "Ministère", "fr", "new", None, "", "2026-03-03 12:00", 'OR NOT "'),
    ]
    db["comments"].insert_all(
        {
            "id": i,
            "platform": platform,
            "account": account,
            "external_id": str(i),
            "author_handle": "auteur",
            "language": language,
            "status": status,
            "assignee": assignee,
            "flags": flags,
            "received_at": local_utc("2026-03-02 09:00"),
            "due_at": local_utc(due),
            "text": text,
        }
        for i, platform, account, language, status, assignee, flags, due, text in rows
    )
    return db


@pytest.fixture
def clock():
    return state_clock(NOW, BusinessCalendar(), at_risk_hours=2)


def ids(db, clock, viewer=ANA, **filters):
    return list(queue_page(db, QueueFilters(**filters), viewer, clock)["id"])


def test_the_queue_holds_open_comments_urgent_first_then_by_due_time(db, clock):
    assert ids(db, clock) == [5, 1, 2, 7, 3, 4]


def test_a_lead_sees_what_awaits_approval_right_after_the_urgent(db, clock):
    assert ids(db, clock, viewer=LEA) == [5, 4, 1, 2, 7, 3]


def test_states_compare_due_time_with_now_and_two_business_hours_ahead(db, clock):
    page = queue_page(db, QueueFilters(), ANA, clock).set_index("id")
    assert page.loc[1, "state"] == "open_breached"  # due 9 h, now 10 h
    assert page.loc[2, "state"] == "open_at_risk"  # due 11 h, before 12 h
    assert page.loc[7, "state"] == "open_ok"  # due exactly 12 h: two hours remain
    assert page.loc[3, "state"] == "open_ok"


def test_the_state_filter_is_the_same_rule_as_the_shown_state(db, clock):
    assert ids(db, clock, states=("open_breached",)) == [1]
    assert ids(db, clock, states=("open_at_risk",)) == [2]
    assert ids(db, clock, states=("open_breached", "open_at_risk")) == [1, 2]
    assert ids(db, clock, states=("open_ok",)) == [5, 7, 3, 4]


def test_at_risk_counts_business_hours_across_the_night(db):
    # Tuesday 15 h 30: two business hours ahead is Wednesday 9 h 30.
    late = state_clock(pd.Timestamp("2026-03-03 15:30", tz="America/Toronto"))
    assert late.at_risk_until == local_utc("2026-03-04 09:30")


def test_filters_combine_and_values_within_a_filter_are_alternatives(db, clock):
    assert ids(db, clock, platforms=("x", "youtube")) == [5, 3, 4]
    assert ids(db, clock, accounts=("@min",), languages=("fr",)) == [4]
    assert ids(db, clock, statuses=("assigned", "awaiting_approval")) == [3, 4]
    assert ids(db, clock, flags=("pii", "question")) == [5, 2]


def test_the_assignee_filter_is_me_unassigned_or_anyone(db, clock):
    assert ids(db, clock, assignee="me") == [3, 4]
    assert ids(db, clock, viewer=LEA, assignee="me") == []
    assert ids(db, clock, assignee="unassigned") == [5, 1, 2, 7]
    assert len(ids(db, clock, assignee="anyone")) == 6


def test_search_ignores_accents_and_case_and_finds_only_open_comments(db, clock):
    assert ids(db, clock, search="region") == [1, 3]
    assert ids(db, clock, search="RÉGION") == [1, 3]


def test_search_treats_the_query_language_as_plain_words(db, clock):
    assert ids(db, clock, search='OR NOT "') == [7]
    assert ids(db, clock, search="quand?") == [2]
    assert ids(db, clock, search='"') == ids(db, clock)
    assert ids(db, clock, search="région*") == [1, 3]


def searched(db, clock, text):
    """A search as typed: the queue's SQL cleans it itself (search_words), whoever calls."""
    return ids(db, clock, search=text)


def test_a_search_with_nul_and_control_characters_finds_the_words_around_them(db, clock):
    assert searched(db, clock, "région\x00") == [1, 3]
    assert searched(db, clock, "\x00") == ids(db, clock)
    assert searched(db, clock, "ma\x00région\x1b") == [1]


def test_a_20000_word_search_is_cut_to_the_first_words(db, clock):
    words = [f"mot{i}" for i in range(20_000)]
    cleaned = search_words(" ".join(words))
    assert len(cleaned) <= SEARCH_MAX_CHARS
    assert cleaned.split() == words[:SEARCH_MAX_TERMS]
    assert search_words("région " * 20_000) == " ".join(["région"] * SEARCH_MAX_TERMS)
    assert searched(db, clock, "région " * 20_000) == [1, 3]


def test_the_search_keeps_the_first_characters_within_its_length(db, clock):
    long_word = "a" * (SEARCH_MAX_CHARS + 50)
    assert search_words(long_word) == "a" * SEARCH_MAX_CHARS


# Every character, surrogates and controls included; the comments are only read.
_ANY_CHARACTER = st.characters(codec=None, exclude_categories=()) | st.characters(categories=["Cs"])
_ANY_TEXT = st.text(_ANY_CHARACTER, max_size=400)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=_ANY_TEXT | st.lists(st.sampled_from(["région", "\x00", '"', "*", " "])).map("".join))
def test_any_search_text_runs_without_error_within_the_caps(db, clock, text):
    cleaned = search_words(text)
    assert len(cleaned) <= SEARCH_MAX_CHARS and len(cleaned.split()) <= SEARCH_MAX_TERMS
    assert search_words(cleaned) == cleaned
    assert not any(c == '"' or ord(c) < 0x20 or 0xD800 <= ord(c) < 0xE000 for c in cleaned)
    filters = QueueFilters(search=text)
    found = queue_page(db, filters, ANA, clock)
    assert len(found) == count_queue(db, filters, ANA, clock) <= 6


def test_search_follows_text_changes_through_the_triggers(db, clock):
    db["comments"].update(2, {"text": "Question sur la région"})
    assert ids(db, clock, search="region") == [1, 2, 3]
    assert ids(db, clock, search="quand") == []


def test_the_index_is_built_for_comments_that_existed_before_the_migration(tmp_path):
    path = tmp_path / "old.db"
    with open_db(path, migrate=False) as db:
        migrations.apply(db, stop_before="m004_comment_text_search")
        db["comments"].insert(
            {"id": 1, "platform": "x", "external_id": "1", "received_at": "2026-01-01 00:00:00"}
            | {"text": "Électricité", "status": "new", "version": 1}
        )
    with open_db(path) as db:
        found = db.query("select rowid from comments_fts where comments_fts match 'electricite'")
        assert [r["rowid"] for r in found] == [1]


def test_one_page_at_a_time_and_the_count_of_everything_that_matches(db, clock):
    assert count_queue(db, QueueFilters(), ANA, clock) == 6
    first = queue_page(db, QueueFilters(), ANA, clock, page=0, page_size=4)
    second = queue_page(db, QueueFilters(), ANA, clock, page=1, page_size=4)
    assert list(first["id"]) == [5, 1, 2, 7]
    assert list(second["id"]) == [3, 4]
    assert triage.page_count(6, 4) == 2
    assert triage.page_count(0, 4) == 1


def test_age_is_business_time_since_arrival(db, clock):
    page = queue_page(db, QueueFilters(), ANA, clock).set_index("id")
    # Received Monday 9 h 00; now Tuesday 10 h 00: 7 h 30 Monday plus 1 h 30 Tuesday.
    assert page.loc[1, "age_seconds"] == 9 * 3600


def test_an_empty_page_still_has_the_columns(db, clock):
    page = queue_page(db, QueueFilters(search="introuvable"), ANA, clock)
    assert page.empty
    assert {"id", "state", "age_seconds", "version"} <= set(page.columns)


def test_filter_options_list_accounts_and_languages_of_open_comments(db):
    options = triage.filter_options(db)
    assert options == {"account": ["@min", "Chaîne", "Ministère"], "language": ["en", "fr"]}


def test_an_exclusion_is_found_by_platform_and_handle_while_it_is_in_force(db):
    db["excluded_authors"].insert_all(
        [
            {"platform": "x", "author_handle": "auteur", "until": None, "reason": "menaces"},
            {
                "platform": "x",
                "author_handle": "passe",
                "until": "2026-12-31",
                "reason": "pourriel",
            },
        ]
    )
    assert current_exclusion(db, "x", "auteur")["reason"] == "menaces"
    assert current_exclusion(db, "facebook", "auteur") is None
    assert current_exclusion(db, "x", None) is None
    # Until a local date, that day included; expired the day after.
    assert current_exclusion(db, "x", "passe", on=date(2026, 12, 31))["reason"] == "pourriel"
    assert current_exclusion(db, "x", "passe", on=date(2027, 1, 1)) is None


def test_an_english_comment_gets_the_template_in_french_then_in_english():
    french = reply_text("dossier", "fr", {})
    both = reply_text("dossier", "en", {})
    assert french.startswith("Pour toute question sur votre dossier")
    assert both.startswith(french + "\n\n")
    assert both.endswith("we cannot handle personal information on social media.")


def test_the_lead_s_templates_replace_the_defaults():
    stored = {"medical": {"fr": "Appelez le 811.", "en": "Call 811."}}
    assert reply_text("medical", "en", stored) == "Appelez le 811.\n\nCall 811."
    assert "811" in reply_text("medical", "fr", {})
    assert "911" in reply_text("medical", "fr", {})


@pytest.mark.parametrize("viewer", [ANA, LEA], ids=["moderator", "lead"])
def test_the_queue_export_lists_open_comments_in_the_queue_pages_order(db, clock, viewer):
    exported = reports.queue(db, NOW, lead=viewer["role"] == "lead")["comment_id"].tolist()
    assert exported == ids(db, clock, viewer=viewer)
