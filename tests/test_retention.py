"""Retention: what goes and what stays, legal holds, the destruction log, the figures of the
past unchanged, and the hash chain still intact after anonymising."""

import json
import sqlite3
from pathlib import Path

import pandas as pd
import pytest

from lib import chain
from lib.auth import PermissionDenied
from lib.chain import ERASED
from lib.connectors import command as sync_command
from lib.db import open_db
from lib.moderation import act
from lib.records import retention
from lib.records.holds import HoldRefused, active_holds, lift_hold, place_hold
from lib.reports import export
from lib.settings import SettingsError, load_settings, save_settings
from tests.conftest import DEMO_NOW

NOW = pd.Timestamp("2026-12-03 10:00", tz="America/Toronto")


def _comment(db, cid, received, author="Marie Tremblay", handle="mtremblay", platform="facebook"):
    db["comments"].insert(
        {
            "id": cid,
            "platform": platform,
            "account": "ville",
            "external_id": f"ext-{cid}",
            "author_name": author,
            "author_handle": handle,
            "text": f"Commentaire {cid} de {author}, joignable au 418 555-0199",
            "received_at": received,
            "permalink": f"https://facebook.com/ville/posts/1?comment_id={cid}",
        }
    )


@pytest.fixture
def known(team_db):
    """Five comments with known closing dates, as of NOW (2026-12-03):
    1 answered 2024-10-01 (26 months ago: goes), 2 hidden as a threat 2024-10-01 (kept 84
    months by reason), 3 answered 2025-06-01 (18 months: stays), 4 still open (stays), 5
    answered 2024-09-02 by another author (goes)."""
    db = team_db
    for cid, received in ((1, "2024-10-01 13:00:00"), (2, "2024-10-01 13:00:00")):
        _comment(db, cid, received)
    _comment(db, 3, "2025-06-01 13:00:00")
    _comment(db, 4, "2024-09-01 13:00:00")
    _comment(db, 5, "2024-09-02 13:00:00", author="Jean Roy", handle="jroy", platform="x")
    act(db, 1, "note", "ana", 1, note="Appelée au 418 555-0199", at="2024-10-01 14:00:00")
    act(db, 1, "reply", "ana", 2, reply="Bonjour Marie, merci.", at="2024-10-01 14:05:00")
    act(db, 2, "hide", "ana", 1, reasons=["menace"], at="2024-10-01 14:00:00")
    act(db, 3, "reply", "bob", 1, reply="Bonjour Marie.", at="2025-06-01 14:00:00")
    act(db, 4, "note", "bob", 1, note="À suivre", at="2024-09-01 14:00:00")
    act(db, 5, "reply", "bob", 1, reply="Merci Jean.", at="2024-09-02 14:00:00")
    save_settings(db, "lea", retention_by_reason={"menace": 84})
    return db


def test_review_reads_only_the_comments_not_yet_anonymised(known):
    """Through the index of the comments kept (m021): after ten years, the nine already
    anonymised are not walked to find the tenth's due ones."""
    statements = []
    known.conn.set_trace_callback(statements.append)
    retention.review(known, now=NOW)
    known.conn.set_trace_callback(None)
    (candidates,) = [s for s in statements if "FROM comments c" in s]
    plan = " ".join(row[3] for row in known.execute("EXPLAIN QUERY PLAN " + candidates))
    assert "USING INDEX idx_comments_kept_received_at" in plan, plan


def test_review_lists_what_the_schedule_lets_go_and_changes_nothing(known):
    before = [dict(r) for r in known["comments"].rows]
    due = retention.review(known, now=NOW)
    assert due["comment_id"].tolist() == [5, 1]
    assert due["rule"].tolist() == ["default", "default"]
    assert due["months"].tolist() == [24, 24]
    assert str(due.loc[1, "expires_at"].tz_convert("America/Toronto")) == (
        "2026-10-01 10:05:00-04:00"
    )
    assert [dict(r) for r in known["comments"].rows] == before
    assert known["destruction_log"].count == 0


def test_apply_replaces_personal_information_and_keeps_the_rest(known):
    run = retention.apply(known, "lea", now=NOW)
    assert run.count == 2 and run.anonymised == {("default", 24): [5, 1]}
    gone = known["comments"].get(1)
    assert (gone["text"], gone["author_name"], gone["author_handle"]) == (ERASED, ERASED, None)
    assert gone["permalink"] is None and gone["anonymised_at"] == "2026-12-03 15:00:00"
    assert (gone["status"], gone["received_at"], gone["first_handled_by"]) == (
        "answered",
        "2024-10-01 13:00:00",
        "ana",
    )
    notes = {
        (a["kind"], a["note"], a["reply"]) for a in known["actions"].rows_where("comment_id = 1")
    }
    assert notes == {("note", ERASED, None), ("reply", None, ERASED)}
    # What stays: the threat kept by its reason, the recent one, the open one.
    assert known["comments"].get(2)["text"].startswith("Commentaire 2")
    assert known["comments"].get(3)["author_handle"] == "mtremblay"
    assert known["comments"].get(4)["text"].startswith("Commentaire 4")
    assert [a["note"] for a in known["actions"].rows_where("comment_id = 4")] == ["À suivre"]
    # Not in the full-text search any more.
    found = known.execute("SELECT rowid FROM comments_fts WHERE comments_fts MATCH '555'")
    assert sorted(r[0] for r in found) == [2, 3, 4]


def test_each_run_is_logged_without_content_and_a_second_run_has_nothing_to_do(known):
    retention.apply(known, "lea", now=NOW)
    retention.apply(known, "vigie-retention", now=NOW + pd.Timedelta(days=1))
    log = list(known["destruction_log"].rows)
    assert [(r["actor"], r["rule"], r["months"], r["comments"]) for r in log] == [
        ("lea", "default", 24, 2),
        ("vigie-retention", "none", None, 0),
    ]
    assert json.loads(log[0]["comment_ids"]) == [5, 1]
    assert "text" in log[0]["fields"].split() and "note" in log[0]["fields"].split()
    everything = json.dumps([{k: v for k, v in r.items() if k != "chain_hash"} for r in log])
    assert "Marie" not in everything and "555" not in everything


def test_the_chain_verifies_after_anonymising_and_the_log_cannot_be_edited(known):
    retention.apply(known, "lea", now=NOW)
    assert chain.verify(known).intact
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        known.execute("UPDATE destruction_log SET actor = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        known.execute("DELETE FROM destruction_log")


def test_a_note_erased_behind_the_logs_back_breaks_the_chain(known):
    row = known.execute("SELECT id, erasure_salt, note, reply FROM actions WHERE note = 'À suivre'")
    action_id, salt, note, reply = row.fetchone()
    digest = chain.erasure_digest(salt, (note, reply))
    known.execute(
        "UPDATE actions SET note = ?, erasure_salt = NULL, erasure_digest = ? WHERE id = ?",
        [ERASED, digest, action_id],
    )
    report = chain.verify(known)
    assert (report.bad.table, report.bad.row_id, report.bad.problem) == (
        "actions",
        action_id,
        "erased_unrecorded",
    )


def test_a_hold_on_an_author_or_a_comment_keeps_them_until_it_is_lifted(known):
    author = place_hold(
        known, "lea", "Demande d'accès 2026-031", platform="x", author_handle="jroy"
    )
    place_hold(known, "lea", "Plainte en cours", comment_id=1)
    run = retention.apply(known, "lea", now=NOW)
    assert run.count == 0 and run.held == 2
    assert known["comments"].get(5)["text"].startswith("Commentaire 5")
    lift_hold(known, "lea", author, "Demande traitée")
    run = retention.apply(known, "lea", now=NOW)
    assert run.anonymised == {("default", 24): [5]} and run.held == 1
    assert [h["comment_id"] for h in active_holds(known)] == [1]
    history = [(h["action"], h["hold_id"]) for h in known["legal_holds"].rows]
    assert history == [("place", None), ("place", None), ("lift", author)]


def test_holds_need_a_reason_a_target_and_a_lead(known):
    with pytest.raises(HoldRefused, match="raison"):
        place_hold(known, "lea", "  ", comment_id=1)
    with pytest.raises(HoldRefused):
        place_hold(known, "lea", "Litige", comment_id=1, platform="x", author_handle="jroy")
    with pytest.raises(HoldRefused):
        place_hold(known, "lea", "Litige", comment_id=99)
    with pytest.raises(PermissionDenied):
        place_hold(known, "ana", "Litige", comment_id=1)
    with pytest.raises(HoldRefused):
        lift_hold(known, "lea", 12, "Rien")


def test_a_decision_still_on_its_way_to_the_platform_keeps_its_comment(known):
    known["outbox"].insert(
        {
            "comment_id": 1,
            "account": "ville",
            "platform": "facebook",
            "operation": "reply",
            "text": "Bonjour Marie, merci.",
            "state": "pending",
            "created_at": "2024-10-01 14:05:00",
        }
    )
    run = retention.apply(known, "lea", now=NOW)
    assert run.anonymised == {("default", 24): [5]} and run.sending == 1
    assert known["outbox"].get(1)["text"] == "Bonjour Marie, merci."


def test_retention_settings_are_checked(known):
    with pytest.raises(SettingsError, match="mois"):
        save_settings(known, "lea", retention_months=0)
    with pytest.raises(SettingsError, match="mois"):
        save_settings(known, "lea", retention_by_reason={"pourriel": 2.5})
    with pytest.raises(SettingsError, match="inconnus"):
        save_settings(known, "lea", retention_by_reason={"bavard": 6})
    save_settings(known, "lea", retention_months="36", retention_daily=True)
    settings = load_settings(known)
    assert (settings.retention_months, settings.retention_daily) == (36, True)


KINDS = ("compliance", "daily", "reasons")


def test_every_figure_of_the_past_is_unchanged_by_anonymising(demo_db_path):
    start, end = pd.Timestamp("2026-06-01").date(), pd.Timestamp("2026-11-20").date()
    with open_db(demo_db_path) as db:
        before = {kind: export(db, kind, start, end, DEMO_NOW) for kind in KINDS}
        save_settings(db, "mlachance", retention_months=1)
        run = retention.apply(db, "mlachance", now=DEMO_NOW)
        assert run.count > 1000
        after = {kind: export(db, kind, start, end, DEMO_NOW) for kind in KINDS}
        assert chain.verify(db).intact
        left = db.execute("SELECT count(*) FROM comments WHERE text LIKE '%@%'").fetchone()[0]
    assert after == before
    assert left < 3000 - run.count


def test_the_sync_worker_anonymises_once_a_day_when_the_lead_asked_for_it(known):
    assert retention.daily(known, NOW) is None  # not asked for
    save_settings(known, "lea", retention_daily=True)
    assert retention.daily(known, NOW).count == 2
    assert retention.daily(known, NOW + pd.Timedelta(hours=3)) is None  # done today
    assert retention.daily(known, NOW + pd.Timedelta(days=1)).count == 0
    log = [(r["actor"], r["comments"]) for r in known["destruction_log"].rows]
    assert log == [("vigie-retention", 2), ("vigie-retention", 0)]


def test_each_run_of_sync_every_applies_the_daily_retention(known, tmp_path):
    save_settings(known, "lea", retention_daily=True, retention_months=1)
    path = known.conn.execute("PRAGMA database_list").fetchone()[2]
    config = tmp_path / "empty.toml"
    config.write_text("")
    line = sync_command.run(Path(path), config, every=1, say=print, runs=1)
    # 1, 3 and 5 (the threat keeps its 84 months, the open one stays).
    assert line.endswith(" · conservation : 3 commentaire(s) anonymisé(s)")


def test_a_period_ending_when_the_clocks_change_is_read_on_the_wall_clock(team_db):
    # Closed at 1:30 on 1 October (EDT): a month later, 1:30 happens twice (the clocks go
    # back at 2:00 on 1 November 2026): the second, standard time, keeps it the longer.
    # Closed at 2:30 on 8 February: a month later, 2:30 does not exist (the clocks skip
    # from 2:00 to 3:00 on 8 March 2026): it expires at 3:00.
    for cid, closed in ((1, "2026-10-01 05:30:00"), (2, "2026-02-08 07:30:00")):
        _comment(team_db, cid, closed)
        act(team_db, cid, "no_reply_needed", "ana", 1, at=closed)
    save_settings(team_db, "lea", retention_months=1)
    due = retention.review(team_db, now=NOW).set_index("comment_id")["expires_at"]
    assert str(due[1]) == "2026-11-01 06:30:00+00:00"  # 1:30 EST
    assert str(due[2]) == "2026-03-08 07:00:00+00:00"  # 3:00 EDT
