"""Access requests: everything Vigie holds about one person (Loi sur l'accès, art. 83), found
across platforms and handles, exported as a ZIP of CSV files with a README in French.

A person is known to Vigie by identities: a platform and a handle (the name shown may
change from one comment to the next). `find_authors` lists the identities a name or handle
matches, accents and case aside; the lead ticks those that are the person, and
`access_export` writes the ZIP and records it in the export audit (who, when, whom).

>>> from lib.db import open_db
>>> db = open_db(":memory:")
>>> _ = db["users"].insert({"username": "lea", "display_name": "Léa", "role": "lead"})
>>> _ = db["comments"].insert({"id": 1, "platform": "facebook", "external_id": "1",
...     "author_name": "Marie Lévesque", "author_handle": "mlevesque",
...     "text": "Merci!", "received_at": "2026-11-20 14:00:00"})
>>> find_authors(db, "levesque")[["platform", "author_handle", "comments", "last_received"]]
   platform author_handle  comments     last_received
0  facebook     mlevesque         1  2026-11-20 09:00
>>> data = access_export(db, "lea", [("facebook", "mlevesque")])
>>> sorted(zipfile.ZipFile(io.BytesIO(data)).namelist())[:3]
['LISEZMOI.txt', 'actions.csv', 'commentaires.csv']
>>> [(r["kind"], r["subject"], r["rows"]) for r in db.query("SELECT * FROM export_audit")]
[('access', 'facebook:mlevesque', 1)]
>>> access_filename([("facebook", "mlevesque")], now="2026-11-20 14:00")
'acces-mlevesque-2026-11-20.zip'
>>> db.close()
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable

import numpy as np
import pandas as pd
from sqlite_utils import Database

from lib.auth import require, user
from lib.chain import ERASED
from lib.csv_export import local_minutes, to_csv_bytes
from lib.db import from_db_times
from lib.detect import fold
from lib.i18n import format_clock, label, t
from lib.moderation.rules import PUBLISHED_KINDS
from lib.queries import frame, packed_frame
from lib.reports import record_unmasked_export
from lib.settings import load_settings
from lib.taxonomy import split_codes
from lib.times import local, now_utc

KIND = "access"
AUTHOR_COLUMNS = (
    "platform",
    "author_handle",
    "author_name",
    "comments",
    "first_received",
    "last_received",
)
# The files of the ZIP, in the README's order; their names are French, as the person reads
# them, and their columns English and stable, like every other export (lib.reports).
FILES = ("commentaires", "actions", "notes", "reponses", "exclusions", "suspensions")
README = "LISEZMOI.txt"

# A person's identities as they were stored, never an anonymised comment's (whose name
# reads ERASED and whose handle is emptied, lib.records.retention).
_KNOWN = "trim(coalesce(author_handle, '')) NOT IN ('', :erased) AND author_name IS NOT :erased"
_NAMED = ("platform", "author_handle", "author_name")


def find_authors(db: Database, query: str, limit: int = 50) -> pd.DataFrame:
    """The identities (platform, handle, name) whose name or handle holds `query`, accents
    and case aside ("levesque" finds "Lévesque"), with their comments and the first and last
    received (Québec local "YYYY-MM-DD HH:MM"), by name; at most `limit`. A blank query
    finds no one. The query is plain text, never a pattern: "%" and "_" are themselves.
    """
    needle = fold(str(query or "")).strip()
    if not needle:
        return pd.DataFrame(columns=list(AUTHOR_COLUMNS))
    # Every comment's identity, read packed, and each distinct name and handle folded once:
    # SQLite's GROUP BY over every comment would sort them all (1 s for 200,000 comments).
    rows = packed_frame(
        db, f"SELECT {', '.join(_NAMED)} FROM comments WHERE {_KNOWN}", {"erased": ERASED}, _NAMED
    )
    names, handles = _folded(rows["author_name"]), _folded(rows["author_handle"])
    hit = names.str.contains(needle, regex=False) | handles.str.contains(needle, regex=False)
    found = rows.assign(order=names)[hit.to_numpy(dtype=bool)].drop_duplicates(list(_NAMED))
    found = found.sort_values(["order", "platform", "author_handle"], kind="stable").head(limit)
    return _counted(db, found.reset_index(drop=True))


def _folded(values: pd.Series) -> pd.Series:
    """Each value folded (`lib.detect.fold`; a missing one as ""), each distinct one once."""
    codes, distinct = pd.factorize(values, use_na_sentinel=True)
    folded = [fold(str(value)) for value in distinct]
    # A trailing "" serves the missing values, whose code is -1.
    return pd.Series(np.array([*folded, ""], dtype=object)[codes], index=values.index)


def _counted(db: Database, found: pd.DataFrame) -> pd.DataFrame:
    """`found`'s identities with their comments and first and last received, read along the
    author_handle index."""
    if found.empty:
        return pd.DataFrame(columns=list(AUTHOR_COLUMNS))
    counts = pd.concat(
        [
            _counts(db, found.iloc[start : start + _PER_QUERY])
            for start in range(0, len(found), _PER_QUERY)
        ]
    )
    out = found.merge(counts, how="left", on=list(_NAMED), sort=False)
    for column in ("first_received", "last_received"):
        out[column] = local_minutes(from_db_times(out[column]).set_axis(out.index))
    return out.reindex(columns=list(AUTHOR_COLUMNS))


# Identities per query: three values each, well within SQLite's 32,766 parameters.
_PER_QUERY = 1000


def _counts(db: Database, found: pd.DataFrame) -> pd.DataFrame:
    values = ", ".join("(?, ?, ?)" for _ in range(len(found)))
    return frame(
        db,
        f"WITH found(platform, author_handle, author_name) AS (VALUES {values}) "
        "SELECT f.platform, f.author_handle, f.author_name, count(*) AS comments, "
        "min(c.received_at) AS first_received, max(c.received_at) AS last_received "
        # Each identity found, then its comments by the author_handle index ("+": not by
        # the platform's, which SQLite would otherwise pick and read a platform's all).
        "FROM found f CROSS JOIN comments c ON c.author_handle = f.author_handle "
        "AND +c.platform = f.platform AND c.author_name IS f.author_name "
        "GROUP BY f.platform, f.author_handle, f.author_name",
        [value for row in found[list(_NAMED)].itertuples(index=False) for value in row],
        time_columns=(),
    )


def identities_of(pairs: Iterable) -> list[tuple[str, str]]:
    """(platform, handle) pairs as the export reads them: once each, sorted; never a blank
    or anonymised handle, which would name everyone's anonymised comments.

    >>> identities_of([("x", "jtr"), ("facebook", "ml"), ("x", "jtr"), ("x", " ")])
    [('facebook', 'ml'), ('x', 'jtr')]
    """
    cleaned = {(str(platform), str(handle or "")) for platform, handle in pairs}
    return sorted((p, h) for p, h in cleaned if h.strip() and h != ERASED)


def subject_of(identities: Iterable) -> str:
    """Whom an access export is about, as the export audit keeps it.

    >>> subject_of([("x", "jtr"), ("facebook", "ml")])
    'facebook:ml, x:jtr'
    """
    return ", ".join(f"{platform}:{handle}" for platform, handle in identities_of(identities))


def access_filename(identities: Iterable, now=None) -> str:
    """acces-<the first handle>-<Québec date>.zip, the handle reduced to what every file
    system accepts."""
    handle = next((handle for _platform, handle in identities_of(identities)), "")
    handle = re.sub(r"[^a-z0-9._-]+", "-", fold(handle)).strip("-.") or "auteur"
    day = local(now_utc() if now is None else now).date()
    return f"acces-{handle[:40]}-{day.isoformat()}.zip"


def access_export(db: Database, actor: str, identities: Iterable, now=None) -> bytes:
    """Everything Vigie holds about `identities` ((platform, handle) pairs), as ZIP bytes:
    six CSV files (`FILES`, `lib.csv_export.to_csv_bytes`) and a README in French. The
    text is not masked: it is the person's own. Needs the "records" permission
    (`lib.auth.PermissionDenied` otherwise); recorded in the export audit, kind "access",
    with the total of data rows and the identities as `subject`. ValueError without any
    identity.
    """
    require(db, actor, "records")
    wanted = identities_of(identities)
    if not wanted:
        raise ValueError("an access export needs at least one (platform, handle)")
    now = now_utc() if now is None else now
    tables = access_tables(db, wanted)
    readme = _readme(db, actor, wanted, tables, now)
    stamp = local(now).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, table in tables.items():
            _write(archive, f"{name}.csv", to_csv_bytes(table), stamp)
        _write(archive, README, readme.encode("utf-8-sig"), stamp)
    rows = sum(len(table) for table in tables.values())
    record_unmasked_export(db, actor, KIND, None, None, now, rows, subject=subject_of(wanted))
    return buffer.getvalue()


def _write(archive: zipfile.ZipFile, name: str, data: bytes, stamp) -> None:
    entry = zipfile.ZipInfo(name, date_time=stamp)
    entry.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(entry, data)


def access_tables(db: Database, identities: list[tuple[str, str]]) -> dict[str, pd.DataFrame]:
    """The export's six tables by file name (`FILES`), times as instants (the CSV writer
    puts them in Québec local time); for `identities` as `identities_of` returns them."""
    values = ", ".join("(?, ?)" for _ in identities)
    # The person's identities and their comments, named once for every query below; the
    # comments read by the author_handle index (`_counted`).
    mine = (
        f"WITH wanted(platform, author_handle) AS (VALUES {values}), "
        "mine AS (SELECT c.* FROM wanted w CROSS JOIN comments c "
        "ON c.author_handle = w.author_handle AND +c.platform = w.platform) "
    )
    params = [value for pair in identities for value in pair]
    actions = _read(db, mine + _ACTIONS, params, ("at",), ("action_id", "comment_id"))
    actions.insert(6, "reason_labels", _reason_labels(db, actions["reasons"]))
    replies = _read(db, mine + _REPLIES, params, ("at",), ("comment_id", "action_id"))
    replies.insert(5, "stage", _stages(replies["kind"]))
    return {
        "commentaires": _read(
            db,
            mine + _COMMENTS,
            params,
            ("received_at", "first_handled_at", "post_published_at"),
            ("comment_id",),
        ),
        "actions": actions,
        "notes": _read(db, mine + _NOTES, params, ("at",), ("action_id", "comment_id")),
        "reponses": replies.sort_values(
            ["at", "action_id"], na_position="last", kind="stable"
        ).reset_index(drop=True),
        "exclusions": _read(db, mine + _EXCLUSIONS, params, ("added_at", "ended_at")),
        "suspensions": _read(db, mine + _HOLDS, params, ("at",), ("id", "hold_id", "comment_id")),
    }


_COMMENTS = """
SELECT c.id AS comment_id, c.platform, c.account, c.received_at, c.author_name,
  c.author_handle, c.text, c.language, c.status, c.flags, c.permalink, c.post_ref,
  p.title AS post_title, p.url AS post_url, p.published_at AS post_published_at,
  c.first_handled_at, c.first_handled_by
FROM mine c LEFT JOIN posts p ON p.platform = c.platform AND p.post_ref = c.post_ref
ORDER BY c.received_at, c.id
"""
_ACTIONS = """
SELECT a.id AS action_id, a.comment_id, a.at, a.actor, a.kind, a.reasons, a.template,
  a.assignee
FROM actions a WHERE a.comment_id IN (SELECT id FROM mine) ORDER BY a.at, a.id
"""
_NOTES = """
SELECT a.id AS action_id, a.comment_id, a.at, a.actor, a.kind, a.note
FROM actions a WHERE a.comment_id IN (SELECT id FROM mine) AND coalesce(a.note, '') != ''
ORDER BY a.at, a.id
"""
# The replies the organisation published or proposed (an escalation's), and a proposal the
# history does not hold already (one stored with the comment alone).
_REPLIES = """
SELECT a.id AS action_id, a.comment_id, a.at, a.actor, a.kind, a.template, a.reply AS text
FROM actions a WHERE a.comment_id IN (SELECT id FROM mine) AND coalesce(a.reply, '') != ''
UNION ALL
SELECT NULL, c.id, NULL, NULL, 'proposal', NULL, c.proposed_reply FROM mine c
WHERE coalesce(c.proposed_reply, '') != '' AND NOT EXISTS
  (SELECT 1 FROM actions a WHERE a.comment_id = c.id AND a.reply = c.proposed_reply)
"""
# Exclusions in force, and those ended since (a readmission removes the row: the settings'
# history keeps what it was, lib.settings.readmit_author).
_EXCLUSIONS = """
SELECT e.platform, e.author_handle, e.until, e.reason, e.added_by, e.added_at,
  NULL AS ended_at, NULL AS ended_by
FROM excluded_authors e JOIN wanted w
  ON e.platform = w.platform AND e.author_handle = w.author_handle
UNION ALL
SELECT json_extract(h.old, '$.platform'), json_extract(h.old, '$.author_handle'),
  json_extract(h.old, '$.until'), json_extract(h.old, '$.reason'),
  json_extract(h.old, '$.added_by'), json_extract(h.old, '$.added_at'), h.at, h.actor
FROM settings_history h JOIN wanted w
  ON json_extract(h.old, '$.platform') = w.platform
  AND json_extract(h.old, '$.author_handle') = w.author_handle
WHERE h.key = 'excluded_authors' AND h.new IS NULL
ORDER BY 1, 2, 6
"""
# Holds placed on the person's comments or identities, and the lifts that ended them.
_HOLDS = """
, named AS (SELECT h.id FROM legal_holds h WHERE h.action = 'place' AND (
  h.comment_id IN (SELECT id FROM mine) OR EXISTS (SELECT 1 FROM wanted w
    WHERE w.platform = h.platform AND w.author_handle = h.author_handle)))
SELECT id, at, actor, action, hold_id, comment_id, platform, author_handle, reason
FROM legal_holds WHERE id IN (SELECT id FROM named) OR hold_id IN (SELECT id FROM named)
ORDER BY id
"""


def _read(db: Database, sql: str, params, times=(), ids=()) -> pd.DataFrame:
    """A query's rows, its instants as datetimes and its ids as whole numbers (a missing
    one must not turn a column into 3,0 in Excel)."""
    rows = frame(db, sql, params, time_columns=())
    for column in times:
        rows[column] = from_db_times(rows[column].to_numpy(dtype=object)).set_axis(rows.index)
    for column in ids:
        rows[column] = pd.array(rows[column].to_numpy(dtype=object), dtype="Int64")
    return rows


def _reason_labels(db: Database, reasons: pd.Series) -> pd.Series:
    """Each action's reasons in words, as the organisation names them (French)."""
    renames = load_settings(db).reason_labels
    return reasons.map(
        lambda codes: " / ".join(label("reason", c, "fr", renames) for c in split_codes(codes)),
        na_action="ignore",
    ).astype(object)


def _stages(kinds: pd.Series) -> pd.Series:
    """'published' for what went public, 'proposed' for a proposal awaiting a lead."""
    return kinds.isin(PUBLISHED_KINDS).map({True: "published", False: "proposed"}).astype(object)


def _readme(db: Database, actor: str, identities, tables: dict, now) -> str:
    """LISEZMOI.txt: what the files are, who produced them and when, whom they are about."""
    person = user(db, actor) or {"display_name": actor}
    organisation = load_settings(db).organisation
    names = _names(tables["commentaires"])
    lines = [t("access.readme.title", "fr"), ""]
    if organisation:
        lines.append(t("access.readme.organisation", "fr", organisation=organisation))
    moment = local(now)
    lines += [
        t(
            "access.readme.produced",
            "fr",
            name=person["display_name"],
            username=actor,
            date=f"{moment:%Y-%m-%d}",
            clock=format_clock(moment, "fr"),
        ),
        "",
        t("access.readme.identities", "fr"),
    ]
    for platform, handle in identities:
        shown = names.get((platform, handle)) or t("access.readme.no_comment", "fr")
        where = label("platform", platform, "fr")
        lines.append(t("access.readme.identity", "fr", platform=where, handle=handle, names=shown))
    lines += ["", t("access.readme.files", "fr")]
    for name, table in tables.items():
        lines.append(t(f"access.readme.file.{name}", "fr", rows=len(table)))
    lines += [
        "",
        t("access.readme.times", "fr"),
        t("access.readme.csv", "fr"),
        t("access.readme.erased", "fr", erased=ERASED),
        "",
        t("access.readme.law", "fr"),
    ]
    return "\r\n".join(lines) + "\r\n"


def _names(comments: pd.DataFrame) -> dict[tuple[str, str], str]:
    """The names each identity's comments were signed with, in the order they came."""
    known = comments.dropna(subset=["author_name"]).drop_duplicates(
        ["platform", "author_handle", "author_name"]
    )
    grouped = known.groupby(["platform", "author_handle"], sort=False)["author_name"]
    return {key: ", ".join(values) for key, values in grouped}
