"""Streamed exports: window by window, the same bytes as the whole table written at once."""

import io
from datetime import date, timedelta

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.__main__ import main
from lib.auth import PermissionDenied
from lib.csv_export import to_csv_bytes
from lib.db import open_db
from lib.reports import (
    KINDS,
    chunks,
    export,
    preview,
    table,
    unmasked_exports,
    write_export,
)
from tests.conftest import DEMO_NOW, reading

# The demo's comments arrive from 22 August to 20 November 2026, across the change to
# standard time on 1 November.
FIRST, LAST = date(2026, 8, 22), date(2026, 11, 20)
RANGES = {
    "the whole demo": (FIRST, LAST),
    "before any comment": (date(2026, 7, 1), date(2026, 8, 20)),
    "from before the first comment": (date(2026, 8, 1), date(2026, 9, 3)),
    "around the clock change": (date(2026, 10, 30), date(2026, 11, 3)),
    "one day": (date(2026, 11, 15), date(2026, 11, 15)),
}


@pytest.fixture(scope="module")
def demo(demo_template):
    with open_db(demo_template, migrate=False) as db:
        yield db


def streamed(db, kind, start, end, chunk_rows, **options) -> bytes:
    out = io.BytesIO()
    write_export(db, out, kind, start, end, DEMO_NOW, chunk_rows=chunk_rows, **options)
    return out.getvalue()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("span", RANGES)
def test_a_streamed_export_writes_the_bytes_of_the_whole_table(demo, kind, span):
    start, end = RANGES[span]
    whole = to_csv_bytes(table(demo, kind, start, end, DEMO_NOW))
    assert streamed(demo, kind, start, end, chunk_rows=97) == whole
    assert export(demo, kind, start, end, DEMO_NOW) == whole


@pytest.mark.parametrize("kind", ["compliance", "daily", "reasons"])
def test_a_long_range_is_read_in_several_windows_that_hold_the_table_in_order(demo, kind):
    parts = list(chunks(demo, kind, FIRST, LAST, DEMO_NOW, chunk_rows=97))
    assert len(parts) > 5
    whole = table(demo, kind, FIRST, LAST, DEMO_NOW)
    together = pd.concat(parts, ignore_index=True)
    assert together[whole.columns[0]].tolist() == whole[whole.columns[0]].tolist()
    if kind == "compliance":
        assert max(len(p) for p in parts) <= 97


def test_a_range_without_comments_is_one_empty_window_and_a_file_of_headers(demo):
    start, end = RANGES["before any comment"]
    parts = list(chunks(demo, "compliance", start, end, DEMO_NOW, chunk_rows=10))
    assert [len(p) for p in parts] == [0]
    data = streamed(demo, "compliance", start, end, chunk_rows=10)
    assert data.decode("utf-8-sig").count("\r\n") == 1


def test_daily_windows_hold_whole_days_and_every_day_once(demo):
    parts = list(chunks(demo, "daily", FIRST, LAST, DEMO_NOW, chunk_rows=50))
    days = [day for part in parts for day in part["date"]]
    assert days == [FIRST + timedelta(days=n) for n in range((LAST - FIRST).days + 1)]


def test_comments_of_one_second_stay_in_one_window_even_beyond_its_size(team_db):
    second = ["2026-11-02 14:00:00"] * 7 + ["2026-11-02 14:00:01"] * 2 + ["2026-11-03 14:00:00"]
    team_db["comments"].insert_all(
        {
            "id": n,
            "platform": "facebook",
            "external_id": f"c{n}",
            "received_at": at,
            "status": "new",
            "version": 1,
        }
        for n, at in enumerate(second, start=1)
    )
    now = pd.Timestamp("2026-11-04 12:00", tz="UTC")
    parts = list(chunks(team_db, "compliance", "2026-11-02", "2026-11-03", now, chunk_rows=3))
    # Before 14:00:00, none; then the seven of 14:00:00 together; then the rest.
    assert [p["comment_id"].tolist() for p in parts] == [[], [1, 2, 3, 4, 5, 6, 7], [8, 9, 10]]
    whole = to_csv_bytes(table(team_db, "compliance", "2026-11-02", "2026-11-03", now))
    out = io.BytesIO()
    assert write_export(team_db, out, "compliance", "2026-11-02", "2026-11-03", now, chunk_rows=3)
    assert out.getvalue() == whole


@settings(max_examples=25, deadline=None)
@given(
    kind=st.sampled_from(["compliance", "daily", "reasons"]),
    start=st.dates(FIRST - timedelta(days=5), LAST + timedelta(days=2)),
    days=st.integers(0, 40),
    chunk_rows=st.integers(1, 400),
    delimiter=st.sampled_from([";", ","]),
)
def test_any_range_cut_in_windows_of_any_size_writes_the_same_bytes(
    demo_template, kind, start, days, chunk_rows, delimiter
):
    end = start + timedelta(days=days)
    with open_db(demo_template, migrate=False) as db:
        whole = to_csv_bytes(table(db, kind, start, end, DEMO_NOW), delimiter)
        data = streamed(db, kind, start, end, chunk_rows, delimiter=delimiter)
    assert data == whole


def test_a_streamed_unmasked_export_is_refused_to_a_moderator_and_recorded_for_a_lead(
    demo_db_path,
):
    with open_db(demo_db_path) as db:
        moderator = db.execute("SELECT username FROM users WHERE role = 'moderator'").fetchone()[0]
        lead = db.execute("SELECT username FROM users WHERE role = 'lead'").fetchone()[0]
        out = io.BytesIO()
        with pytest.raises(PermissionDenied):
            write_export(db, out, "queue", now=DEMO_NOW, unmask=True, actor=moderator)
        assert out.getvalue() == b""
        assert unmasked_exports(db) == []
        rows = write_export(db, out, "queue", now=DEMO_NOW, unmask=True, actor=lead, lead=True)
        whole = table(db, "queue", now=DEMO_NOW, unmask=True, actor=lead, lead=True)
        assert out.getvalue() == to_csv_bytes(whole)
        assert rows == len(whole) > 0
        [record] = unmasked_exports(db)
        assert (record["actor"], record["kind"], record["rows"]) == (lead, "queue", rows)


# --- the page's preview ------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("span", RANGES)
def test_the_preview_is_the_tables_first_rows_and_its_row_count(demo, kind, span):
    start, end = RANGES[span]
    whole = table(demo, kind, start, end, DEMO_NOW)
    shown = preview(demo, kind, start, end, DEMO_NOW, shown=50)
    assert shown.count == len(whole)
    assert to_csv_bytes(shown.rows) == to_csv_bytes(whole.head(50))


def test_the_compliance_preview_of_a_quarter_reads_its_first_rows_only(demo):
    statements = []
    demo.conn.set_trace_callback(statements.append)
    shown = preview(demo, "compliance", FIRST, LAST, DEMO_NOW, shown=50)
    demo.conn.set_trace_callback(None)
    assert (len(shown.rows), shown.count) == (50, 3000)
    reads = [s for s in statements if s.startswith("SELECT id,")]
    [fifty_first] = demo.execute("SELECT received_at FROM comments ORDER BY 1 LIMIT 1 OFFSET 50")
    assert len(reads) == 1 and f"< '{fifty_first[0]}'" in reads[0], reads


# --- the command line ------------------------------------------------------------------


def cli_export(path, out, *extra) -> int:
    now = "2026-11-20T15:00:00-05:00"
    span = ["--from", "2026-08-01", "--to", "2026-11-20"]
    return main(["export", "compliance", *span, "--now", now, "--out", str(out), "--db", str(path)])


def test_the_command_line_streams_the_file_the_page_downloads(demo_db_path, tmp_path, capsys):
    out = tmp_path / "compliance.csv"
    assert cli_export(demo_db_path, out) == 0
    data = out.read_bytes()
    assert f"({len(data)} octets" in capsys.readouterr().out
    assert data == reading(demo_db_path, export, "compliance", FIRST, LAST, DEMO_NOW)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["compliance.csv", "vigie.db"]


def test_an_export_that_cannot_be_put_in_place_leaves_no_part_of_a_file(
    demo_db_path, tmp_path, capsys
):
    taken = tmp_path / "taken.csv"
    taken.mkdir()  # a folder where the file should go
    assert cli_export(demo_db_path, taken) != 0
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and str(taken) in error
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.csv", "vigie.db"]
    assert list(taken.iterdir()) == []
