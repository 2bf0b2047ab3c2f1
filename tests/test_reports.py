"""The four exports: DESIGN.md's columns in order, figures checked by hand, masking, Excel bytes."""

import io

import pandas as pd
import pytest

from lib.auth import PermissionDenied
from lib.csv_export import to_csv_bytes
from lib.db import open_db, to_db_time
from lib.reports import (
    COLUMNS,
    compliance,
    daily,
    export,
    export_filename,
    preview,
    queue,
    reasons,
    table,
    unmasked_exports,
)
from lib.settings import Settings, save_settings

# Friday 6 November 2026, noon in Québec (EST since 1 November).
NOW = pd.Timestamp("2026-11-06 17:00", tz="UTC")
START, END = "2026-11-02", "2026-11-05"  # Monday to Thursday


def comment(id, received_at, status="new", handled_at=None, handled_by=None, **extra):
    row = {
        "id": id,
        "platform": "facebook",
        "account": "MinistereQc",
        "external_id": f"c{id}",
        "received_at": received_at,
        "status": status,
        "first_handled_at": handled_at,
        "first_handled_by": handled_by,
        "text": f"commentaire {id}",
        "author_name": f"Personne {id}",
        "language": "fr",
        "flags": "",
        "version": 1,
        # As ingest stores it: the calendar's due time under the default settings.
        "due_at": to_db_time(
            Settings().calendar().deadline(pd.Timestamp(received_at, tz="UTC"), 8)
        ),
    }
    return row | extra


@pytest.fixture
def db(tmp_path):
    with open_db(tmp_path / "vigie.db") as db:
        db["comments"].insert_all(
            [
                # Monday 9:00, answered at 10:30: 90 business minutes, on time.
                comment(1, "2026-11-02 14:00:00", "answered", "2026-11-02 15:30:00", "ana"),
                # Monday 9:00, hidden Tuesday 10:00: 7 h 30 + 1 h 30 = 540 minutes, late.
                comment(2, "2026-11-02 14:00:00", "hidden", "2026-11-03 15:00:00", "bob"),
                # Monday 15:00, still open: due Tuesday 15:00, breached.
                comment(
                    3,
                    "2026-11-02 20:00:00",
                    text="Appelez-moi au 418-555-0142",
                    author_name="Marie-Ève Tremblay",
                    flags="pii question",
                ),
                # Thursday 12:30: due Friday 12:30, half an hour left: at risk.
                comment(
                    4,
                    "2026-11-05 17:30:00",
                    "assigned",
                    assignee="ana",
                    text='=HYPERLINK("http://evil.example")',
                    platform="x",
                ),
                # Thursday 14:30: due Friday 14:30, two and a half hours left: ok.
                comment(5, "2026-11-05 19:30:00", language="en", flags="english"),
                # Sunday 23:30, the day before the range: clock starts Monday 8:30.
                comment(6, "2026-11-02 04:30:00", author_name=None, author_handle="@anon"),
                # Thursday 23:59, the range's last minute; answered Friday 9:00: 30 minutes.
                comment(7, "2026-11-06 04:59:00", "answered", "2026-11-06 14:00:00", "ana"),
                # Friday 0:00, the minute after the range.
                comment(8, "2026-11-06 05:00:00", "deleted", "2026-11-06 14:00:00", "bob"),
            ]
        )
        db["actions"].insert_all(
            [
                {
                    "comment_id": 2,
                    "at": "2026-11-03 15:00:00",
                    "actor": "bob",
                    "kind": "hide",
                    "reasons": "injurieux menace",
                },
                {
                    "comment_id": 8,
                    "at": "2026-11-06 14:00:00",
                    "actor": "bob",
                    "kind": "delete",
                    "reasons": "pourriel",
                },
            ]
        )
        yield db


def local(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="America/Toronto").tz_convert("UTC")


def read_export(data: bytes, delimiter: str = ";") -> pd.DataFrame:
    return pd.read_csv(
        io.BytesIO(data),
        sep=delimiter,
        decimal="," if delimiter == ";" else ".",
        encoding="utf-8-sig",
        keep_default_na=False,
        na_values=[""],
    )


# --- the frames -----------------------------------------------------------------


def test_every_export_has_designs_columns_in_order(db):
    frames = {
        "queue": queue(db, NOW),
        "compliance": compliance(db, START, END, NOW),
        "daily": daily(db, START, END, NOW),
        "reasons": reasons(db, START, END),
    }
    for kind, frame in frames.items():
        assert list(frame.columns)[: len(COLUMNS[kind])] == list(COLUMNS[kind]), kind
    assert list(COLUMNS["daily"]) == [
        "date",
        "received",
        "handled",
        "handled_on_time",
        "handled_late",
        "open_breached",
        "pending",
        "compliance_pct",
        "median_response_business_minutes",
        "p90_response_business_minutes",
    ]


def test_compliance_rows_are_the_comments_received_in_the_local_range(db):
    table = compliance(db, START, END, NOW)
    assert table["comment_id"].tolist() == [1, 2, 3, 4, 5, 7]
    assert table["state"].tolist() == [
        "handled_on_time",
        "handled_late",
        "open_breached",
        "open_at_risk",
        "open_ok",
        "handled_on_time",
    ]
    assert table["response_business_minutes"].tolist() == [90, 540, pd.NA, pd.NA, pd.NA, 30]
    assert table["handled_by"].tolist()[:2] == ["ana", "bob"]
    assert table["due_at"].tolist()[:3] == [
        local("2026-11-03 09:00"),
        local("2026-11-03 09:00"),
        local("2026-11-03 15:00"),
    ]


def test_response_minutes_are_rounded_down(db):
    db["comments"].update(1, {"first_handled_at": "2026-11-02 15:30:59"})
    assert compliance(db, START, END, NOW)["response_business_minutes"].iloc[0] == 90


def test_states_are_computed_at_now_so_a_past_report_recomputes(db):
    tuesday_morning = local("2026-11-03 09:30")
    table = compliance(db, START, END, tuesday_morning)
    assert table["comment_id"].tolist() == [1, 2, 3]
    # Comment 2 was hidden at 10:00: at 9:30 it was open, and half an hour late.
    assert table["state"].tolist() == ["handled_on_time", "open_breached", "open_ok"]
    assert table["handled_by"].isna().tolist() == [False, True, True]


def test_daily_counts_every_day_of_the_range(db):
    table = daily(db, START, END, NOW)
    assert [str(d) for d in table["date"]] == [
        "2026-11-02",
        "2026-11-03",
        "2026-11-04",
        "2026-11-05",
    ]
    monday, tuesday, _, thursday = table.to_dict("records")
    assert monday == {
        "date": monday["date"],
        "received": 3,
        "handled": 2,
        "handled_on_time": 1,
        "handled_late": 1,
        "open_breached": 1,
        "pending": 0,
        "compliance_pct": 33.3,
        "median_response_business_minutes": 315,
        "p90_response_business_minutes": 495,
    }
    assert tuesday["received"] == 0 and pd.isna(tuesday["compliance_pct"])
    assert (thursday["received"], thursday["handled"], thursday["pending"]) == (3, 1, 2)
    assert thursday["compliance_pct"] == 100.0


def test_queue_lists_open_comments_most_urgent_first_with_masked_personal_information(db):
    table = queue(db, NOW)
    assert table["comment_id"].tolist() == [6, 3, 4, 5]
    assert table["state"].tolist() == ["open_breached", "open_breached", "open_at_risk", "open_ok"]
    assert table["due_at"].iloc[0] == local("2026-11-02 16:30")
    row = table.set_index("comment_id").loc[3]
    assert row["text"] == "Appelez-moi au [téléphone masqué]"
    assert row["author"] == "M.-È. T."
    assert row["flags"] == "pii question"
    handle = table.set_index("comment_id").loc[6, "author"]
    assert handle.startswith("auteur-") and "anon" not in handle


def test_queue_unmasked_keeps_personal_information(db):
    row = queue(db, NOW, unmask=True).set_index("comment_id").loc[3]
    assert row["text"] == "Appelez-moi au 418-555-0142"
    assert row["author"] == "Marie-Ève Tremblay"


def test_reasons_has_one_row_per_removal_and_reason_with_the_leads_labels(db):
    db["users"].insert({"username": "lea", "display_name": "Léa", "role": "lead"})
    save_settings(db, "lea", reason_labels={"menace": {"fr": "Menaces", "en": "Threats"}})
    table = reasons(db, START, END)
    assert table.to_dict("records") == [
        {
            "comment_id": 2,
            "platform": "facebook",
            "removed_at": local("2026-11-03 10:00"),
            "action": "hide",
            "reason_code": "injurieux",
            "reason_label": "Propos injurieux, grossiers ou attaques personnelles",
            "actor": "bob",
        },
        {
            "comment_id": 2,
            "platform": "facebook",
            "removed_at": local("2026-11-03 10:00"),
            "action": "hide",
            "reason_code": "menace",
            "reason_label": "Menaces",
            "actor": "bob",
        },
    ]
    assert reasons(db, "2026-11-06", "2026-11-06")["reason_code"].tolist() == ["pourriel"]


def test_an_empty_database_gives_headers_only(tmp_path):
    with open_db(tmp_path / "empty.db") as empty:
        for kind in ("queue", "compliance", "reasons"):
            text = export(empty, kind, START, END, NOW).decode("utf-8-sig")
            assert text == ";".join(COLUMNS[kind]) + "\r\n"
        assert len(daily(empty, START, END, NOW)) == 4


# --- the bytes --------------------------------------------------------------------


def test_compliance_export_reads_back_equal_in_a_french_excel_setting(db):
    table = compliance(db, START, END, NOW)
    back = read_export(export(db, "compliance", START, END, NOW))
    assert list(back.columns) == list(COLUMNS["compliance"])
    assert back["comment_id"].tolist() == table["comment_id"].tolist()
    assert back["state"].tolist() == table["state"].tolist()
    assert back["response_business_minutes"].tolist()[:2] == [90, 540]
    assert back["received_at"].tolist()[:3] == [
        "2026-11-02 09:00",
        "2026-11-02 09:00",
        "2026-11-02 15:00",
    ]
    assert back["received_at"].iloc[-1] == "2026-11-05 23:59"


def test_daily_export_writes_a_decimal_comma_with_semicolons_and_a_point_with_commas(db):
    semicolon = export(db, "daily", START, END, NOW).decode("utf-8-sig").splitlines()
    assert semicolon[1] == "2026-11-02;3;2;1;1;1;0;33,3;315;495"
    assert semicolon[2] == "2026-11-03;0;0;0;0;0;0;;;"
    comma = export(db, "daily", START, END, NOW, delimiter=",").decode("utf-8-sig")
    assert comma.splitlines()[1] == "2026-11-02,3,2,1,1,1,0,33.3,315,495"
    back = read_export(export(db, "daily", START, END, NOW))
    assert back["compliance_pct"].tolist()[0] == 33.3


def test_queue_export_neutralises_formulas_and_masks_by_default(db):
    back = read_export(export(db, "queue", now=NOW)).set_index("comment_id")
    assert back.loc[4, "text"] == '\'=HYPERLINK("http://evil.example")'
    assert back.loc[3, "text"] == "Appelez-moi au [téléphone masqué]"
    db["users"].insert({"username": "lea", "display_name": "Léa", "role": "lead"})
    data = export(db, "queue", now=NOW, unmask=True, actor="lea")
    unmasked = read_export(data).set_index("comment_id")
    assert unmasked.loc[3, "text"] == "Appelez-moi au 418-555-0142"
    assert unmasked.loc[3, "received_at"] == "2026-11-02 15:00"


@pytest.mark.parametrize("actor", [None, "ana", "nobody"])
def test_only_a_lead_may_unmask_whoever_calls_the_core(db, actor):
    db["users"].insert({"username": "ana", "display_name": "Ana", "role": "moderator"})
    with pytest.raises(PermissionDenied):
        export(db, "queue", now=NOW, unmask=True, actor=actor)
    with pytest.raises(PermissionDenied):
        table(db, "queue", now=NOW, unmask=True, actor=actor)
    with pytest.raises(PermissionDenied):
        preview(db, "queue", now=NOW, unmask=True, actor=actor)
    assert unmasked_exports(db) == []


def test_every_unmasked_export_is_recorded_with_who_when_which_and_the_range(db):
    db["users"].insert({"username": "lea", "display_name": "Léa", "role": "lead"})
    export(db, "queue", now=NOW, actor="lea")  # masked: nothing to record
    export(db, "queue", START, END, now=NOW, unmask=True, actor="lea")
    export(db, "compliance", START, END, now=NOW, unmask=True, actor="lea")
    recorded = unmasked_exports(db)
    assert [(r["actor"], r["kind"], r["from"], r["to"], r["now"]) for r in recorded] == [
        ("lea", "compliance", "2026-11-02", "2026-11-05", "2026-11-06 12:00"),
        ("lea", "queue", None, None, "2026-11-06 12:00"),  # a snapshot has no range
    ]
    assert recorded[1]["rows"] == 4 and len(recorded[0]["at"]) == 19
    for sql in ("DELETE FROM export_audit", "UPDATE export_audit SET actor = 'ghost'"):
        with pytest.raises(Exception, match="append-only"):
            db.execute(sql)
    assert db["export_audit"].count == 2
    assert db["settings_history"].count == 0  # the settings' own history stays theirs


def test_the_file_is_the_table_written_by_the_one_csv_writer(db):
    for kind in ("queue", "compliance", "daily", "reasons"):
        rows = table(db, kind, START, END, NOW)
        assert list(rows.columns) == list(COLUMNS[kind])
        assert export(db, kind, START, END, NOW) == to_csv_bytes(rows)


def test_an_unknown_export_is_a_programming_error(db):
    with pytest.raises(ValueError):
        export(db, "everything", START, END, NOW)


def test_file_names_carry_the_kind_and_the_range():
    assert export_filename("compliance", "2026-11-01", "2026-11-22") == (
        "vigie-compliance-2026-11-01_2026-11-22.csv"
    )


def test_the_queue_file_is_named_after_the_local_date_and_time_of_its_snapshot():
    assert export_filename("queue", now=NOW) == "vigie-queue-2026-11-06_1200.csv"
    summer = pd.Timestamp("2026-07-02 13:05", tz="UTC")  # 9:05 EDT
    assert export_filename("queue", "2026-11-01", "2026-11-23", now=summer) == (
        "vigie-queue-2026-07-02_0905.csv"
    )


# --- the database work --------------------------------------------------------------


@pytest.mark.parametrize("kind", ["queue", "compliance", "daily", "reasons"])
def test_each_export_reads_comments_once_in_a_small_range_and_only_through_indexes(db, kind):
    statements = []
    db.conn.set_trace_callback(statements.append)
    export(db, kind, START, END, NOW)
    db.conn.set_trace_callback(None)
    reads = [s for s in statements if "FROM comments" in s or "JOIN comments" in s]
    # Besides the rows, a streamed export asks the index where its window ends.
    assert len([s for s in reads if not s.startswith("SELECT received_at FROM")]) == 1, reads
    for read in reads:
        plan = " ".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + read).fetchall())
        assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, plan
        assert "SCAN comments" not in plan.replace("SCAN comments_fts", ""), plan


def test_a_past_report_is_computed_with_the_settings_of_its_moment(db):
    db["users"].insert({"username": "lea", "display_name": "Léa", "role": "lead"})
    before = export(db, "daily", START, END, now=NOW)
    compliance_before = export(db, "compliance", START, END, now=NOW)
    # Changed today, long after NOW: the report as it stood at NOW does not move.
    save_settings(db, "lea", target_hours=2, at_risk_hours=1, closures=["2026-11-03"])
    assert export(db, "daily", START, END, now=NOW) == before
    assert export(db, "compliance", START, END, now=NOW) == compliance_before
    # Read at the present, the new target applies.
    assert export(db, "daily", START, END) != before
