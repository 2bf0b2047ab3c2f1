"""Moderators' reports that a detector's flag was wrong, and the share of flags nobody reported.

A moderator who reads a comment and finds one of its flags wrong (« Signal erroné ») reports
it in one click, and may withdraw the report. Each report and withdrawal is a row of the
append-only `flag_reports`; the latest row of a comment and flag is its verdict. With the
report go the detection rules that raised the flag then (`lib.detect.explain`), never the
comment's words.

The reports are kept and counted, never fed back: no detector reads them, learns from them
or changes because of them. A person reads the figures (Paramètres › Détection) and decides.

>>> from lib.db import open_db
>>> db = open_db(":memory:")
>>> _ = db["comments"].insert({"id": 7, "platform": "x", "external_id": "7",
...     "received_at": "2026-03-02 14:00:00", "flags": "question", "text": "Alors?"})
>>> report_wrong(db, 7, "question", "ana", now="2026-03-02 15:00:00")
True
>>> report_wrong(db, 7, "question", "bob")   # reported already: nothing more is written
False
>>> reports_of(db, 7)["question"]["by"], reports_of(db, 7)["question"]["at"]
('ana', '2026-03-02 15:00:00')
>>> withdraw(db, 7, "question", "ana")
True
>>> reports_of(db, 7)
{}
>>> db.close()
"""

from __future__ import annotations

import pandas as pd
from sqlite_utils import Database

from lib.db import OPEN_STATUSES, immediate, to_db_time
from lib.detect import explain
from lib.i18n import LANGUAGES, Worded, label
from lib.taxonomy import FLAGS, split_codes
from lib.times import now_utc

# The flags the detectors read in a comment's text. `repeat` is a fact of the author's
# comments, counted at ingest, not a reading that can be wrong.
DETECTOR_FLAGS = tuple(flag for flag in FLAGS if flag != "repeat")
PRECISION_COLUMNS = ("flag", "raised", "reviewed", "reported_wrong", "precision")


class FlagReportRefused(Worded, ValueError):
    """A report that cannot be made: words in the catalogue as `flags.error.<code>`."""

    KEY = "flags.error"


def report_wrong(db: Database, comment_id: int, flag: str, by: str, now=None) -> bool:
    """`by` marks `flag` on the comment as wrong; True when recorded, False when it already was.

    Refuses (`FlagReportRefused`) a comment that does not exist, a flag that is no
    detector's, and a flag the comment does not carry.
    """
    at = to_db_time(now_utc() if now is None else now)
    # A comment's text never changes: its rules are read before the write lock is taken
    # (the first reading of a process fits the detectors' models).
    text = _comment(db, comment_id)["text"] or ""
    rules = " ".join(dict.fromkeys(e.rule for e in explain(text) if e.flag == flag))
    with immediate(db):
        comment = _comment(db, comment_id)
        if flag not in DETECTOR_FLAGS:
            raise FlagReportRefused("not_reportable", flag=_flag_words(flag))
        if flag not in split_codes(comment["flags"]):
            raise FlagReportRefused("not_carried", flag=_flag_words(flag), comment=comment_id)
        if reports_of(db, comment_id).get(flag) is not None:
            return False
        _record(db, comment_id, flag, "wrong", rules, by, at)
    return True


def withdraw(db: Database, comment_id: int, flag: str, by: str, now=None) -> bool:
    """`by` withdraws the report of `flag` on the comment; False when none stands."""
    at = to_db_time(now_utc() if now is None else now)
    with immediate(db):
        report = reports_of(db, comment_id).get(flag)
        if report is None:
            return False
        _record(db, comment_id, flag, "withdrawn", report["rules"], by, at)
    return True


# A report stands while it is the latest row of its comment and flag, and says "wrong".
_STANDING = (
    "r.verdict = 'wrong' AND NOT EXISTS (SELECT 1 FROM flag_reports AS later "
    "WHERE later.comment_id = r.comment_id AND later.flag = r.flag AND later.id > r.id)"
)


def reports_of(db: Database, comment_id: int) -> dict[str, dict]:
    """The comment's standing reports by flag: who reported it (`by`), when (`at`), and the
    rules that raised it (`rules`)."""
    rows = db.query(
        f"SELECT * FROM flag_reports AS r WHERE r.comment_id = ? AND {_STANDING}",
        [int(comment_id)],
    )
    return {row["flag"]: row for row in rows}


_OPEN = ", ".join(f"'{status}'" for status in OPEN_STATUSES)
# The comments received in the range, counted per combination of flags (a few dozen), the
# range read through the index on received_at.
_FLAG_SETS_SQL = f"""
SELECT flags, count(*) AS raised, total(status NOT IN ({_OPEN})) AS handled
FROM comments WHERE received_at >= ? AND received_at < ? AND flags <> ''
GROUP BY flags
"""
# The standing reports of a flag the comment carries, per flag, and how many of them are
# on comments still open (reviewed by the report itself).
_STANDING_SQL = f"""
SELECT r.flag, count(*) AS reported_wrong, total(c.status IN ({_OPEN})) AS reported_open
FROM flag_reports AS r JOIN comments AS c ON c.id = r.comment_id
WHERE {_STANDING} AND c.received_at >= ? AND c.received_at < ?
    AND instr(' ' || c.flags || ' ', ' ' || r.flag || ' ') > 0
GROUP BY r.flag
"""


def flag_precision(db: Database, since, until) -> pd.DataFrame:
    """How often each detector flag was right, by the people who read the comments.

    One row per flag of `DETECTOR_FLAGS`, over the comments received in [since, until):
    `raised`, how many carry the flag; `reviewed`, of those, how many a person has looked
    at: handled (their status is no longer new, assigned or awaiting approval) or the flag
    reported; `reported_wrong`, of those, how many have the flag reported wrong (and not
    withdrawn); `precision`, the share of the reviewed flagged comments nobody marked wrong,
    (reviewed − reported_wrong) / reviewed, None when none was reviewed. A wrong flag nobody
    reports counts as right: precision is at most the detectors' own.

    >>> from lib.db import open_db
    >>> with open_db(":memory:") as db:
    ...     _ = db["comments"].insert_all({"id": i, "platform": "x", "external_id": str(i),
    ...         "received_at": "2026-01-05 14:00:00", "flags": "question", "status": status}
    ...         for i, status in ((1, "answered"), (2, "hidden"), (3, "new")))
    ...     report_wrong(db, 2, "question", "ana")
    ...     print(flag_precision(db, "2026-01-01", "2026-02-01").head(3).to_string(index=False))
    True
        flag  raised  reviewed  reported_wrong precision
         pii       0         0               0      None
     english       0         0               0      None
    question       3         2               1       0.5
    """
    within = [to_db_time(since), to_db_time(until)]
    sets = pd.DataFrame(
        db.execute(_FLAG_SETS_SQL, within).fetchall(), columns=["flags", "raised", "handled"]
    )
    per_flag = (
        sets.assign(flag=sets["flags"].str.split())
        .explode("flag")
        .drop_duplicates(["flags", "flag"])
        .groupby("flag")[["raised", "handled"]]
        .sum()
    )
    reports = pd.DataFrame(
        db.execute(_STANDING_SQL, within).fetchall(),
        columns=["flag", "reported_wrong", "reported_open"],
    ).set_index("flag")
    counts = per_flag.join(reports, how="outer").reindex(list(DETECTOR_FLAGS)).fillna(0)
    counts = counts.astype(int)
    reviewed = counts["handled"] + counts["reported_open"]
    share = (reviewed - counts["reported_wrong"]) / reviewed.where(reviewed > 0)
    figures = counts.assign(reviewed=reviewed, precision=share.astype(object))
    figures["precision"] = figures["precision"].where(reviewed > 0, None)
    return figures.rename_axis("flag").reset_index()[list(PRECISION_COLUMNS)]


def reports_mark(db: Database) -> int | None:
    """Moves with every report and withdrawal: with `lib.queries.data_signature`, the key
    of figures that read the reports."""
    return db.execute("SELECT max(id) FROM flag_reports").fetchone()[0]


def recent_reports(db: Database, limit: int = 50) -> list[dict]:
    """The latest reports still standing, newest first: the comment's id, platform and
    reception, the flag, the rules that raised it, who reported it and when."""
    return list(
        db.query(
            "SELECT r.comment_id, r.flag, r.rules, r.[by], r.at, c.platform, c.received_at "
            f"FROM flag_reports AS r JOIN comments AS c ON c.id = r.comment_id WHERE {_STANDING} "
            "ORDER BY r.id DESC LIMIT ?",
            [int(limit)],
        )
    )


def _comment(db: Database, comment_id: int) -> dict:
    rows = list(db.query("SELECT id, flags, text FROM comments WHERE id = ?", [int(comment_id)]))
    if not rows:
        raise FlagReportRefused("unknown_comment", comment=comment_id)
    return rows[0]


def _record(db: Database, comment_id, flag, verdict, rules, by, at) -> None:
    db["flag_reports"].insert(
        {
            "comment_id": int(comment_id),
            "flag": flag,
            "verdict": verdict,
            "rules": rules,
            "by": by,
            "at": at,
        }
    )


def _flag_words(flag: str) -> dict[str, str]:
    return {language: label("flag", flag, language) for language in LANGUAGES}
