"""Reports that a detector's flag was wrong: one call, idempotent, withdrawn, refused in words,
append-only, and the precision figures per flag on a database with known flags and statuses."""

import sqlite3

import pytest

from lib.detect import explain
from lib.flag_reports import (
    DETECTOR_FLAGS,
    FlagReportRefused,
    flag_precision,
    recent_reports,
    report_wrong,
    reports_of,
    withdraw,
)

THREAT = "Je vais vous tuer, vous allez payer."
RECEIVED = "2026-03-02 14:00:00"  # a Monday, 9 h in Québec
REPORTED = "2026-03-02 15:00:00"
LATER = "2026-03-02 16:00:00"


def add_comment(db, id, flags, status="new", received_at=RECEIVED, text=None, platform="x"):
    db["comments"].insert(
        {
            "id": id,
            "platform": platform,
            "external_id": f"ext-{id}",
            "text": text or f"commentaire {id}",
            "received_at": received_at,
            "status": status,
            "flags": flags,
        }
    )


def rows(db) -> list[tuple]:
    return [
        (r["comment_id"], r["flag"], r["verdict"], r["by"], r["at"])
        for r in db["flag_reports"].rows_where(order_by="id")
    ]


def test_a_moderator_reports_a_flag_wrong_in_one_call_and_twice_writes_one_row(team_db):
    add_comment(team_db, 1, "question negative")
    assert report_wrong(team_db, 1, "negative", "ana", now=REPORTED) is True
    assert report_wrong(team_db, 1, "negative", "bob", now=LATER) is False
    assert rows(team_db) == [(1, "negative", "wrong", "ana", REPORTED)]
    assert {flag: r["by"] for flag, r in reports_of(team_db, 1).items()} == {"negative": "ana"}


def test_a_withdrawn_report_no_longer_stands_and_the_flag_can_be_reported_again(team_db):
    add_comment(team_db, 1, "question")
    report_wrong(team_db, 1, "question", "ana", now=REPORTED)
    assert withdraw(team_db, 1, "question", "bob", now=LATER) is True
    assert reports_of(team_db, 1) == {}
    assert withdraw(team_db, 1, "question", "bob") is False, "nothing left to withdraw"
    assert report_wrong(team_db, 1, "question", "bob", now=LATER) is True
    assert [(r[1], r[2], r[3]) for r in rows(team_db)] == [
        ("question", "wrong", "ana"),
        ("question", "withdrawn", "bob"),
        ("question", "wrong", "bob"),
    ]
    assert reports_of(team_db, 1)["question"]["by"] == "bob"


def test_an_unknown_comment_a_flag_it_lacks_and_the_repeat_flag_are_refused_in_words(team_db):
    add_comment(team_db, 1, "question repeat")
    with pytest.raises(FlagReportRefused) as unknown:
        report_wrong(team_db, 99, "question", "ana")
    assert unknown.value.code == "unknown_comment"
    assert unknown.value.describe("fr") == "Le commentaire n° 99 n'existe pas."
    with pytest.raises(FlagReportRefused) as lacking:
        report_wrong(team_db, 1, "urgent", "ana")
    assert lacking.value.code == "not_carried"
    assert lacking.value.describe("en") == "Comment #1 does not carry the “Urgent” flag."
    with pytest.raises(FlagReportRefused) as repeat:
        report_wrong(team_db, 1, "repeat", "ana")
    assert repeat.value.code == "not_reportable"
    assert team_db["flag_reports"].count == 0


def test_a_report_keeps_the_rules_that_raised_the_flag_never_the_comment_s_words(team_db):
    add_comment(team_db, 1, "negative urgent", text=THREAT)
    report_wrong(team_db, 1, "urgent", "ana")
    stored = next(team_db["flag_reports"].rows)
    raised = [e.rule for e in explain(THREAT) if e.flag == "urgent"]
    assert stored["rules"] == " ".join(dict.fromkeys(raised))
    assert not any("tuer" in str(value) for value in stored.values())


def test_reports_are_append_only(team_db):
    add_comment(team_db, 1, "question")
    report_wrong(team_db, 1, "question", "ana")
    for sql in ("UPDATE flag_reports SET [by] = 'ghost'", "DELETE FROM flag_reports"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            team_db.execute(sql)
    assert rows(team_db)[0][3] == "ana"


def test_precision_counts_what_was_raised_reviewed_and_reported_wrong_per_flag(team_db):
    add_comment(team_db, 1, "question", "answered")
    add_comment(team_db, 2, "question negative", "hidden")
    add_comment(team_db, 3, "question", "new")  # not yet reviewed
    add_comment(team_db, 4, "question", "assigned")  # reviewed by its report alone
    add_comment(team_db, 5, "question", "no_reply_needed")  # reported, then withdrawn
    add_comment(team_db, 6, "question", "answered", received_at="2026-04-02 14:00:00")
    add_comment(team_db, 7, "link repeat", "redirected")
    add_comment(team_db, 8, "urgent distress", "awaiting_approval")
    for comment_id in (2, 4, 5, 6):
        report_wrong(team_db, comment_id, "question", "ana")
    withdraw(team_db, 5, "question", "bob")

    figures = flag_precision(team_db, "2026-03-01 00:00:00", "2026-04-01 00:00:00")
    assert figures["flag"].tolist() == list(DETECTOR_FLAGS)
    assert "repeat" not in figures["flag"].tolist()
    by_flag = figures.set_index("flag")
    assert by_flag.loc["question"].tolist() == [5, 4, 2, 0.5]  # (4 - 2) / 4
    assert by_flag.loc["negative"].tolist() == [1, 1, 0, 1.0]
    assert by_flag.loc["link"].tolist() == [1, 1, 0, 1.0]
    assert by_flag.loc["urgent"].tolist() == [1, 0, 0, None]
    assert by_flag.loc["pii"].tolist() == [0, 0, 0, None]


def test_precision_counts_comments_received_from_since_and_before_until(team_db):
    add_comment(team_db, 1, "link", "answered", received_at="2026-03-01 00:00:00")
    add_comment(team_db, 2, "link", "answered", received_at="2026-04-01 00:00:00")
    figures = flag_precision(team_db, "2026-03-01 00:00:00", "2026-04-01 00:00:00")
    assert figures.set_index("flag").loc["link", "raised"] == 1


def test_precision_reads_the_range_through_the_received_at_index(team_db):
    from lib.flag_reports import _FLAG_SETS_SQL

    plan = team_db.execute("EXPLAIN QUERY PLAN " + _FLAG_SETS_SQL, ["a", "b"]).fetchall()
    assert any("idx_comments_received_at" in step[-1] for step in plan)


def test_recent_reports_list_the_standing_ones_newest_first_with_their_comment(team_db):
    add_comment(team_db, 1, "question", platform="facebook")
    add_comment(team_db, 2, "negative link", platform="youtube")
    report_wrong(team_db, 1, "question", "ana", now=REPORTED)
    report_wrong(team_db, 2, "link", "bob", now=LATER)
    report_wrong(team_db, 2, "negative", "bob", now=LATER)
    withdraw(team_db, 2, "negative", "bob", now=LATER)
    listed = recent_reports(team_db)
    assert [(r["comment_id"], r["flag"], r["by"], r["platform"]) for r in listed] == [
        (2, "link", "bob", "youtube"),
        (1, "question", "ana", "facebook"),
    ]
    assert listed[0]["at"] == LATER and listed[0]["received_at"] == RECEIVED
    assert len(recent_reports(team_db, limit=1)) == 1
