"""The four CSV exports (queue, compliance, daily, reasons) as frames, and as Excel-ready bytes.

Column names and order are a contract with the leads' Excel pivot tables
(DESIGN.md, "Import and export"): add columns at the end, never rename one. The queue
and compliance exports end with the comment's service level (`lib.service_levels`); for
a level that runs around the clock, `response_business_minutes` counts every minute.

>>> from lib.db import open_db
>>> db = open_db(":memory:")
>>> list(compliance(db, "2026-11-01", "2026-11-22", now="2026-11-23 12:00"))
['comment_id', 'platform', 'received_at', 'first_handled_at', 'due_at', \
'response_business_minutes', 'state', 'handled_by', 'service_level']
>>> db.close()
>>> export_filename("compliance", "2026-11-01", "2026-11-22")
'vigie-compliance-2026-11-01_2026-11-22.csv'
>>> export_filename("queue", now="2026-11-23 17:05Z")   # a snapshot, in local time
'vigie-queue-2026-11-23_1205.csv'

`write_export` streams an export to a file in windows of at most about `CHUNK_ROWS`
comments, so that its memory does not grow with the range; `export` is the same writer
into bytes, for the page's download button, and `preview` the page's first rows.

Personal information is masked unless a team lead asks otherwise: `table`, `preview`,
`export` and `write_export` refuse `unmask=True` for anyone else (`lib.auth.PermissionDenied`),
and every unmasked export is recorded in the append-only `export_audit` table
(who, when, which export, which range).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import BinaryIO

import numpy as np
import pandas as pd
from sqlite_utils import Database

from lib import compliance as engine
from lib.auth import require
from lib.csv_export import write_csv
from lib.db import OPEN_STATUSES, from_db_times, to_db_time
from lib.metrics import reason_labels
from lib.privacy import mask_author, mask_series
from lib.queries import frame, removals, select_list
from lib.settings import load_settings, settings_at
from lib.states import states_for
from lib.times import local, local_bounds, local_midnight, now_utc
from lib.triage import queue_order

KINDS = ("queue", "compliance", "daily", "reasons")
COLUMNS = {
    "queue": (
        "comment_id",
        "platform",
        "account",
        "received_at",
        "due_at",
        "state",
        "status",
        "assignee",
        "language",
        "flags",
        "author",
        "text",
        # After DESIGN.md's columns, so that a sheet built on them still reads them.
        "service_level",
    ),
    "compliance": (
        "comment_id",
        "platform",
        "received_at",
        "first_handled_at",
        "due_at",
        "response_business_minutes",
        "state",
        "handled_by",
        "service_level",
    ),
    "daily": ("date", *engine.SUMMARY_COLUMNS),
    "reasons": (
        "comment_id",
        "platform",
        "removed_at",
        "action",
        "reason_code",
        "reason_label",
        "actor",
    ),
}
# The exports that carry a person's name or words; the others hold none by construction.
PERSONAL_KINDS = tuple(kind for kind in KINDS if "text" in COLUMNS[kind])
# Exports taken at an instant (`now`), not over a range of dates.
SNAPSHOT_KINDS = ("queue",)
# The comments (or actions, for `reasons`) a streamed export holds at a time: a few
# hundred MB of frames at most, however long the range.
CHUNK_ROWS = 50_000


def queue(db: Database, now=None, unmask: bool = False, lead: bool = False) -> pd.DataFrame:
    """Open comments in the queue page's order (`lib.triage.queue_order`), in their state at `now`.

    Author and text have their personal information masked unless `unmask`. `lead`
    orders as a lead's queue does: what awaits approval right after the urgent.
    """
    order, params = queue_order(lead)
    marks = ", ".join(f":status{i}" for i in range(len(OPEN_STATUSES)))
    params.update({f"status{i}": status for i, status in enumerate(OPEN_STATUSES)})
    rows = _comments(
        db,
        "SELECT id, platform, account, received_at, first_handled_at, first_handled_by,"
        " status, assignee, language, flags, author_name, author_handle, text, service_level"
        f" FROM comments WHERE status IN ({marks}) ORDER BY {order}",
        params,
    )
    states = _states(db, rows, now)
    author = states["author_name"].where(states["author_name"].notna(), states["author_handle"])
    if not unmask:
        author = _mask_authors(author)
    out = states.assign(
        comment_id=states["id"],
        author=author,
        text=states["text"] if unmask else mask_series(states["text"]),
    )
    return _shape(out, "queue")


def compliance(db: Database, start, end, now=None) -> pd.DataFrame:
    """One row per comment received on local dates [start, end], in its state at `now`."""
    now = _now(now)
    return _compliance_rows(db, *local_bounds(_day(start), _day(end)), now, settings_at(db, now))


def daily(db: Database, start, end, now=None) -> pd.DataFrame:
    """One row per calendar day in [start, end]: counts, compliance and response times.

    Comments count on their local arrival date; days without comments are rows of zeros,
    so that a pivot table has every day.
    """
    now = _now(now)
    return _daily_rows(db, _day(start), _day(end), now, settings_at(db, now))


def reasons(db: Database, start, end) -> pd.DataFrame:
    """One row per (hide or delete on local dates [start, end], reason code).

    Labels are in French, as the lead named them in the settings.
    """
    return _reason_rows(db, *local_bounds(_day(start), _day(end)), load_settings(db))


def chunks(
    db: Database,
    kind: str,
    start=None,
    end=None,
    now=None,
    unmask: bool = False,
    lead: bool = False,
    chunk_rows: int = CHUNK_ROWS,
) -> Iterator[pd.DataFrame]:
    """`table`'s rows in order, in frames of about `chunk_rows` rows: one at least, perhaps
    empty, and together `table`'s. Checks no role: `table` and `write_export` do.

    `compliance` is cut in windows of arrival instants holding at most `chunk_rows`
    comments (more only when more arrived in the same second), `daily` in windows of whole
    local days (a day is never cut), `reasons` in windows of the actions' instants. The
    queue, the open comments at `now`, is one frame.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown export {kind!r}; expected one of {KINDS}")
    if kind == "queue":
        yield queue(db, now, unmask=unmask, lead=lead)
        return
    now = _now(now)  # once, so that every window is read at the same instant
    low, high = local_bounds(_day(start), _day(end))
    if kind == "reasons":
        settings = load_settings(db)
        for lo, hi in _windows(db, "actions", "at", low, high, chunk_rows):
            yield _reason_rows(db, lo, hi, settings)
        return
    settings = settings_at(db, now)
    whole_days = kind == "daily"
    for lo, hi in _windows(db, "comments", "received_at", low, high, chunk_rows, whole_days):
        if whole_days:
            first, after = local(lo).date(), local(hi).date()
            yield _daily_rows(db, first, after - timedelta(days=1), now, settings)
        else:
            yield _compliance_rows(db, lo, hi, now, settings)


def table(
    db: Database,
    kind: str,
    start=None,
    end=None,
    now=None,
    unmask: bool = False,
    actor: str | None = None,
    lead: bool = False,
) -> pd.DataFrame:
    """One export's rows as one frame: the rows of its file (`write_export`).

    `start` and `end` are local dates, both included (ignored by `queue`);
    `now` is the instant states are computed at (default: the present).
    `unmask` needs `actor` to be a team lead (PermissionDenied otherwise).
    `lead` orders the queue as a lead's page does.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown export {kind!r}; expected one of {KINDS}")
    if unmask:
        require(db, actor, "unmask")
    if kind == "queue":
        return queue(db, now, unmask=unmask, lead=lead)
    if kind == "compliance":
        return compliance(db, start, end, now)
    if kind == "daily":
        return daily(db, start, end, now)
    return reasons(db, start, end)


@dataclass(frozen=True)
class Preview:
    """The first rows of an export and how many rows its file has."""

    rows: pd.DataFrame
    count: int


def preview(
    db: Database,
    kind: str,
    start=None,
    end=None,
    now=None,
    unmask: bool = False,
    actor: str | None = None,
    lead: bool = False,
    shown: int = 50,
) -> Preview:
    """`table`'s first `shown` rows and its row count, computing no more than those rows.

    Arguments as for `table`. Compliance rows are counted in SQL, daily ones from the
    dates; the queue (the open comments) and the reasons (one row per removal and reason)
    are computed whole, as they are a small share of the comments.
    """
    if unmask:
        require(db, actor, "unmask")
    now = _now(now)
    if kind == "daily":  # one row per day: the first `shown` days
        first, last = _day(start), _day(end)
        rows = daily(db, first, min(last, first + timedelta(days=shown - 1)), now)
        return Preview(rows, max((last - first).days + 1, 0))
    if kind != "compliance":
        rows = table(db, kind, start, end, now, unmask=unmask, actor=actor, lead=lead)
        return Preview(rows.head(shown), len(rows))
    parts, count = [], 0
    for part in chunks(db, kind, start, end, now, chunk_rows=shown):
        parts.append(part)
        count += len(part)
        if count >= shown:
            break
    low, high = (to_db_time(t) for t in local_bounds(_day(start), _day(end)))
    count = db.execute(
        "SELECT count(*) FROM comments WHERE received_at >= ? AND received_at < ?"
        " AND received_at <= ?",  # comments received after `now` were not there yet
        [low, high, to_db_time(now)],
    ).fetchone()[0]
    return Preview(pd.concat(parts, ignore_index=True).head(shown), count)


def write_export(
    db: Database,
    out: BinaryIO,
    kind: str,
    start=None,
    end=None,
    now=None,
    delimiter: str = ";",
    unmask: bool = False,
    actor: str | None = None,
    lead: bool = False,
    chunk_rows: int = CHUNK_ROWS,
) -> int:
    """Write one export to `out` as CSV for Excel, window by window (`chunks`); the rows.

    Arguments as for `table`. The bytes are `to_csv_bytes(table(...))`'s, written as they
    are computed: memory holds one window, not the range. An unmasked export is refused
    unless `actor` is a lead, and recorded once written, with its row count.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown export {kind!r}; expected one of {KINDS}")
    if unmask:
        require(db, actor, "unmask")
    parts = chunks(db, kind, start, end, now, unmask=unmask, lead=lead, chunk_rows=chunk_rows)
    rows = write_csv(parts, out, delimiter=delimiter)
    if unmask:
        record_unmasked_export(db, actor, kind, start, end, now, rows)
    return rows


def export(
    db: Database,
    kind: str,
    start=None,
    end=None,
    now=None,
    delimiter: str = ";",
    unmask: bool = False,
    actor: str | None = None,
    lead: bool = False,
) -> bytes:
    """One export as CSV bytes for Excel: `write_export` into memory, for a download button.

    Arguments as for `table`. An unmasked export is refused unless `actor` is a lead, and
    recorded.
    """
    buffer = io.BytesIO()
    write_export(db, buffer, kind, start, end, now, delimiter, unmask, actor, lead)
    return buffer.getvalue()


def record_unmasked_export(
    db: Database, actor: str, kind: str, start, end, now, rows: int, subject: str | None = None
):
    """Who took personal information out of Vigie, when, which export and which range.

    `subject` names whom an export was about (an access request's identities,
    lib.records.access). Kept in `export_audit`, append-only and hash-chained like every
    history (lib.chain).
    """
    snapshot = kind in SNAPSHOT_KINDS
    db["export_audit"].insert(
        {
            "at": to_db_time(now_utc()),
            "actor": actor,
            "kind": kind,
            "start": None if snapshot or start is None else str(_day(start)),
            "end": None if snapshot or end is None else str(_day(end)),
            "now": snapshot_time(now),
            "rows": int(rows),
            "subject": subject,
        }
    )


def unmasked_exports(db: Database) -> list[dict]:
    """The recorded unmasked exports, newest first: at (UTC text), actor, and what was
    exported (an access request's `subject`: whom it was about)."""
    rows = db.query(
        'SELECT at, actor, kind, start AS "from", "end" AS "to", now, rows, subject'
        " FROM export_audit ORDER BY id DESC"
    )
    return list(rows)


def snapshot_time(now=None) -> str:
    """`now` (default the present) as local "YYYY-MM-DD HH:MM", as a snapshot is named."""
    return local(now_utc() if now is None else now).strftime("%Y-%m-%d %H:%M")


def export_filename(kind: str, start=None, end=None, now=None) -> str:
    """The file name a lead finds in their downloads: vigie-daily-2026-11-01_2026-11-22.csv.

    The queue is a snapshot, not a range: it is named after the local date and
    time of `now` (default the present), e.g. vigie-queue-2026-11-20_1500.csv.
    """
    if kind in SNAPSHOT_KINDS:
        days = snapshot_time(now).replace(" ", "_").replace(":", "")
    else:
        days = "_".join(str(_day(d)) for d in (start, end) if d is not None)
    return f"vigie-{kind}-{days}.csv" if days else f"vigie-{kind}.csv"


# --- helpers ------------------------------------------------------------------


def _day(value) -> date:
    return value if type(value) is date else pd.Timestamp(value).date()


def _now(now) -> pd.Timestamp:
    return now if now is not None else now_utc()


def _windows(
    db: Database, table: str, column: str, low, high, size: int, whole_days: bool = False
) -> Iterator[tuple[str, str]]:
    """[low, high) cut into windows [lo, hi) of stored UTC text, each holding at most
    `size` rows of `table` by `column` (an indexed instant), and at least one window.

    A window's end is the instant of the row after its first `size`: rows of one second
    stay together, even when more than `size` share it. With `whole_days` it is moved back
    to the start of its local day, or on to the next one when that is the window's start.
    """
    lo, end = to_db_time(low), to_db_time(high)
    after = f"SELECT {column} FROM {table} WHERE {column} {{}} ? AND {column} < ? ORDER BY {column}"
    while True:
        row = db.execute(after.format(">=") + " LIMIT 1 OFFSET ?", [lo, end, size]).fetchone()
        if row is not None and row[0] == lo:  # more than `size` rows in the first second
            row = db.execute(after.format(">") + " LIMIT 1", [lo, end]).fetchone()
        hi = end if row is None else row[0]
        if whole_days and hi < end:
            day = local(hi).date()
            hi = to_db_time(local_midnight(day))
            if hi <= lo:
                hi = to_db_time(local_midnight(day + timedelta(days=1)))
        yield lo, hi
        if hi >= end:
            return
        lo = hi


def _received_between(db: Database, low, high) -> pd.DataFrame:
    """Comments received in [low, high) (instants): one range query on the received_at index.

    Instants are read as Unix seconds (`lib.queries.select_list`), quicker to read and
    to convert than text; the table's own columns are named to filter and sort on the index.
    """
    return frame(
        db,
        f"SELECT {select_list(_RECEIVED_COLUMNS)} FROM comments"
        " WHERE comments.received_at >= ? AND comments.received_at < ?"
        " ORDER BY comments.received_at, comments.id",
        [to_db_time(low), to_db_time(high)],
        time_columns=("received_at", "first_handled_at"),
    )


_RECEIVED_COLUMNS = (
    "id",
    "platform",
    "received_at",
    "first_handled_at",
    "first_handled_by",
    "service_level",
)


def _compliance_rows(db: Database, low, high, now, settings) -> pd.DataFrame:
    """`compliance`'s rows for the comments received in [low, high)."""
    states = states_for(_received_between(db, low, high), settings, now)
    minutes = np.floor(states["response_seconds"] / 60).astype("Int64")
    out = states.assign(
        comment_id=states["id"],
        response_business_minutes=minutes,
        handled_by=states["first_handled_by"],
    )
    return _shape(out, "compliance")


def _daily_rows(db: Database, first: date, last: date, now, settings) -> pd.DataFrame:
    """`daily`'s rows for the local days [first, last]."""
    states = states_for(_received_between(db, *local_bounds(first, last)), settings, now)
    out = engine.daily(states, settings.calendar(), first, last)
    out["compliance_pct"] = out["compliance_pct"].round(1)
    return _shape(out, "daily")


def _reason_rows(db: Database, low, high, settings) -> pd.DataFrame:
    """`reasons`'s rows for the removals in [low, high)."""
    rows = removals(db, low, high).reset_index(drop=True)
    labels = reason_labels(rows["reason_code"], settings)["label_fr"]
    out = rows.assign(reason_label=labels)
    out = out.sort_values(["removed_at", "comment_id", "reason_code"], kind="stable")
    return _shape(out, "reasons")


def _comments(db: Database, sql: str, params) -> pd.DataFrame:
    """`lib.queries.frame`, with instants kept as a datetime column.

    Its `.to_numpy()` turns aware instants into a million Timestamp objects
    (4 s for a year of comments); `from_db_times` alone stays vectorised.
    """
    rows = frame(db, sql, params, time_columns=())
    for column in ("received_at", "first_handled_at"):
        rows[column] = from_db_times(rows[column])
    return rows


def _states(db: Database, rows: pd.DataFrame, now) -> pd.DataFrame:
    """The states at `now` under the settings of that moment: a past report as it stood."""
    now = _now(now)
    return states_for(rows, settings_at(db, now), now)


def _mask_authors(names: pd.Series) -> pd.Series:
    codes, uniques = pd.factorize(names, use_na_sentinel=True)
    # A trailing None serves the missing names, whose code is -1.
    masked = np.array([*(mask_author(name) for name in uniques), None], dtype=object)
    return pd.Series(masked[codes], index=names.index, dtype=object)


def _shape(out: pd.DataFrame, kind: str) -> pd.DataFrame:
    return out.reindex(columns=list(COLUMNS[kind])).reset_index(drop=True)
