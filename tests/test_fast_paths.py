"""The reads that stay fast over years of history give what the plain definitions give.

Each fast read (an index, a few candidates instead of every row) is compared with the
definition computed in Python over every row of the raw tables, on random histories made
through `act` and on the demo.
"""

from __future__ import annotations

import contextlib
import shutil

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib.db import open_db
from lib.metrics.loading import WAIT_ENDING_KINDS, awaiting_at, escalation_spans, open_rows
from lib.moderation import InvalidAction, act
from lib.queries import author_history
from tests.conftest import TEAM

DAY = pd.Timestamp("2026-03-02 13:00", tz="UTC")
KINDS = ("assign", "escalate", "approve", "reject", "hide", "delete", "reply", "reopen")
ACTORS = {"approve": "lea", "reject": "lea"}


def _plain_awaiting(db, at) -> list[int]:
    """The definition, over every action: a comment waits at `at` when one of its
    escalations made by then has no action of WAIT_ENDING_KINDS after it by then."""
    actions = db.execute("SELECT id, comment_id, at, kind FROM actions ORDER BY at, id").fetchall()
    at = at.strftime("%Y-%m-%d %H:%M:%S")
    waiting = set()
    for i, (_id, comment, when, kind) in enumerate(actions):
        if kind != "escalate" or when > at:
            continue
        ends = [a for a in actions[i + 1 :] if a[1] == comment and a[3] in WAIT_ENDING_KINDS]
        if not ends or ends[0][2] > at:
            waiting.add(comment)
    return sorted(waiting)


def _plain_open(db, first, last) -> list[int]:
    """Received by `last`, not handled by `first`: every comment read."""
    first, last = (x.strftime("%Y-%m-%d %H:%M:%S") for x in (first, last))
    rows = db.execute("SELECT id, received_at, first_handled_at FROM comments").fetchall()
    return sorted(
        i for i, received, handled in rows
        if received <= last and (handled is None or handled > first)
    )  # fmt: skip


def _fast(db, first, last):
    spans = escalation_spans(db, [first, last])
    opened = sorted(open_rows(db, [first, last])["id"])
    return opened, sorted(awaiting_at(spans, first)), sorted(awaiting_at(spans, last))


def _compare(db, first, last) -> None:
    opened, waiting_first, waiting_last = _fast(db, first, last)
    assert opened == _plain_open(db, first, last)
    assert waiting_first == _plain_awaiting(db, first)
    assert waiting_last == _plain_awaiting(db, last)


steps = st.lists(
    st.tuples(st.integers(0, 3), st.sampled_from(KINDS), st.integers(1, 90)), max_size=25
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=steps, first=st.integers(0, 1500), span=st.integers(0, 1500))
def test_open_and_awaiting_comments_on_random_histories(tmp_path_factory, steps, first, span):
    path = tmp_path_factory.mktemp("history") / "vigie.db"
    with open_db(path) as db:
        db["users"].insert_all(TEAM)
        for i in range(4):
            db["comments"].insert(
                {"id": i + 1, "platform": "facebook", "account": "ministere",
                 "external_id": f"e{i}", "author_handle": "@jo", "text": f"comment {i}",
                 "received_at": (DAY + pd.Timedelta(minutes=10 * i)).strftime("%F %T")}
            )  # fmt: skip
        at = DAY + pd.Timedelta(minutes=40)
        for index, kind, minutes in steps:
            at += pd.Timedelta(minutes=minutes)
            row = db["comments"].get(index + 1)
            given_ = {"reply": "Merci de votre message."} if kind in ("reply", "escalate") else {}
            if kind in ("hide", "delete"):
                given_ = {"reasons": ["pourriel"]}
            # A step the comment's state refuses is skipped, as the queue would not offer it.
            with contextlib.suppress(InvalidAction):
                act(db, index + 1, kind, ACTORS.get(kind, "ana"), row["version"], at=at,
                    **given_)  # fmt: skip
        low = DAY + pd.Timedelta(minutes=first)
        _compare(db, low, low + pd.Timedelta(minutes=span))


def test_an_escalated_comment_hidden_meanwhile_no_longer_waits(team_db):
    team_db["comments"].insert(
        {"id": 1, "platform": "x", "account": "a", "external_id": "1", "text": "Allo",
         "received_at": "2026-03-02 13:00:00"}
    )  # fmt: skip
    act(team_db, 1, "escalate", "ana", 1, reply="Bonjour", at="2026-03-02 13:05:00")
    act(team_db, 1, "hide", "lea", 2, reasons=["pourriel"], at="2026-03-02 13:10:00")
    spans = escalation_spans(team_db, [DAY, DAY + pd.Timedelta(hours=1)])
    assert list(awaiting_at(spans, DAY + pd.Timedelta(minutes=7))) == [1]
    assert list(awaiting_at(spans, DAY + pd.Timedelta(minutes=11))) == []


@pytest.mark.parametrize("hours", [0, 3, 30, 24 * 20])
def test_open_and_awaiting_comments_on_the_demo(demo_template, tmp_path, hours):
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    with open_db(path) as db:
        last = pd.Timestamp(db.execute("SELECT max(at) FROM actions").fetchone()[0], tz="UTC")
        _compare(db, last - pd.Timedelta(hours=hours + 24), last - pd.Timedelta(hours=hours))


def test_an_authors_past_is_counted_whole_and_listed_newest_first(team_db):
    for i in range(1, 31):
        team_db["comments"].insert(
            {"id": i, "platform": "facebook", "account": "a", "external_id": str(i),
             "author_handle": "@jo", "text": f"c{i}",
             "received_at": f"2026-03-02 13:{i:02d}:00"}
        )  # fmt: skip
    for i in (2, 29, 30):
        act(team_db, i, "hide", "ana", 1, reasons=["pourriel"])
    past = author_history(team_db, "facebook", "@jo", exclude_id=30, limit=5)
    assert (past.total, past.removal_count) == (29, 2)
    assert list(past.comments["id"]) == [29, 28, 27, 26, 25]
    assert list(past.removals["comment_id"]) == [29]
