"""The monthly transparency summary a public body may publish: numbers only, no person.

A month (its Québec local dates, first to last) is summed up in three parts:

- removals: hides and deletes (and `prive` redirections, which hide) made in the month,
  per platform and netiquette reason, as Motifs counts them: a removal for two reasons
  counts once for each; and the comments removed per platform, each once;
- replies published in the month per platform: replies, redirections and a lead's
  approvals of escalated ones (`lib.metrics.loading.REPLY_KINDS`);
- compliance with the response commitment for the comments received in the month, read
  at `now`, as Conformité computes it (`lib.metrics.compliance_figures`): for all
  platforms together, then per platform.

>>> from lib.db import open_db
>>> db = open_db(":memory:")
>>> summary = monthly_summary(db, date(2026, 10, 15), now="2026-11-20 15:00")
>>> summary.month, summary.end, summary.complete
(datetime.date(2026, 10, 1), datetime.date(2026, 10, 31), True)
>>> summary_csv(summary).decode("utf-8-sig").splitlines()[0]
'month;section;measure;platform;reason_code;reason_label;value'
>>> csv_filename(summary.month)
'transparence-2026-10.csv'
>>> db.close()

The CSV (`summary_csv`) is long: one figure a row, so that a pivot table reads every
month with the same columns. They are stable: add at the end, never rename.

- `month`: the month, `YYYY-MM`.
- `section`: `removals`, `replies` or `compliance`.
- `measure`: in `removals`, `removals` (per platform and reason) and `removed_comments`
  (per platform); in `replies`, `replies`; in `compliance`, `received`,
  `handled_on_time`, `handled_late`, `open_breached` (still open past due), `pending`
  (open, not yet due), `compliance_pct` and `median_response_business_minutes`.
- `platform`: a platform code (`facebook`, `instagram`, `x`, `youtube`, `linkedin`,
  `other`); `all` for the compliance of every platform together (its percentage is
  not the sum of the platforms').
- `reason_code`: the netiquette reason's stable code, on `removals` rows only.
- `reason_label`: its French label as the lead named it, on `removals` rows only.
- `value`: the number: a count, a percentage (one decimal) or whole business minutes;
  empty when there is none (nobody counted, nothing handled).

A reason not used in the month has no row; every platform seen in the month (a comment
received, removed or replied to) has its `removed_comments` and `replies`, zero
included. Nothing about a person is read or written: no text, author, handle, comment
id, account or moderator.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd
from sqlite_utils import Database

from lib.compliance import SUMMARY_COLUMNS
from lib.csv_export import DECIMAL_FOR_DELIMITER, to_csv_bytes
from lib.db import PLATFORMS, to_db_time
from lib.i18n import MONTHS
from lib.metrics import compliance_figures, reason_labels
from lib.metrics.loading import load_reply_counts
from lib.metrics.removals import removed_by_platform
from lib.queries import removals
from lib.settings import Settings, settings_at
from lib.taxonomy import REASONS
from lib.times import LOCAL_TZ, local, local_bounds, now_utc, utc

SECTIONS = ("removals", "replies", "compliance")
COLUMNS = ("month", "section", "measure", "platform", "reason_code", "reason_label", "value")
# The compliance summary's columns a body publishes (not the p90, not "handled", which the
# on-time and late counts add up to).
COMPLIANCE_MEASURES = tuple(
    c for c in SUMMARY_COLUMNS if c not in ("handled", "p90_response_business_minutes")
)
# The `platform` of the compliance of every platform together.
ALL_PLATFORMS = "all"
PLATFORM_RANK = {code: i for i, code in enumerate(PLATFORMS)}
REASON_RANK = {code: i for i, code in enumerate(REASONS)}


@dataclass(frozen=True)
class MonthlySummary:
    month: date  # its first day
    end: date  # its last day
    read_at: pd.Timestamp  # the instant compliance is read at
    complete: bool  # the month was over at `read_at`
    removals: pd.DataFrame  # platform, reason_code, label_fr, label_en, removals
    removed_comments: pd.DataFrame  # platform, removed
    replies: pd.DataFrame  # platform, replies
    compliance: pd.DataFrame  # platform (ALL_PLATFORMS first), COMPLIANCE_MEASURES
    goal_pct: float
    target_hours: float
    valid_until: pd.Timestamp  # the figures hold for any later now before this (NaT: always)


def month_bounds(day: date) -> tuple[date, date]:
    """The first and last dates of `day`'s month.

    >>> month_bounds(date(2028, 2, 10))
    (datetime.date(2028, 2, 1), datetime.date(2028, 2, 29))
    """
    first = day.replace(day=1)
    following = (first + timedelta(days=31)).replace(day=1)
    return first, following - timedelta(days=1)


def monthly_summary(
    db: Database, month: date, settings: Settings | None = None, now=None
) -> MonthlySummary:
    """The summary of `month` (any day in it), compliance read at `now` (default: the present).

    `settings` default to those in force at `now`, as Conformité's.
    """
    now = now_utc() if now is None else utc(now)
    settings = settings or settings_at(db, now)
    tz = settings.calendar().tz
    start, end = month_bounds(pd.Timestamp(month).date())
    low, high = local_bounds(start, end, tz)
    rows = removals(db, low, high)
    figures = compliance_figures(db, start, end, now, settings)
    compliance = compliance_rows(figures.overall, figures.breakdowns["platform"])
    replies = load_reply_counts(db, start, end, tz)
    removed = removed_by_platform(rows)
    seen = ordered(
        {*compliance["platform"], *rows["platform"], *replies["platform"]} - {ALL_PLATFORMS}
    )
    return MonthlySummary(
        month=start,
        end=end,
        read_at=now,
        complete=bool(now >= high),
        removals=removals_by_platform_and_reason(rows, settings),
        removed_comments=per_platform(removed, "removed", seen),
        replies=per_platform(replies, "replies", seen),
        compliance=compliance,
        goal_pct=settings.compliance_goal_pct,
        target_hours=settings.target_hours,
        valid_until=figures.valid_until,
    )


def ordered(platforms) -> list[str]:
    """Platforms in Vigie's order (`lib.db.PLATFORMS`), any other code after them.

    >>> ordered(["youtube", "mastodon", "facebook"])
    ['facebook', 'youtube', 'mastodon']
    """
    return sorted(platforms, key=lambda p: (PLATFORM_RANK.get(p, len(PLATFORM_RANK)), str(p)))


def in_order(codes: pd.Series) -> pd.Series:
    """A sort key: platforms in Vigie's order, reasons in the policies' (`lib.taxonomy`),
    a code of neither last."""
    return codes.map(PLATFORM_RANK if codes.name == "platform" else REASON_RANK)


def removals_by_platform_and_reason(rows: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """`lib.queries.removals` rows counted per platform and reason, with the reason's labels."""
    counts = rows.groupby(["platform", "reason_code"]).size().reset_index(name="removals")
    counts = counts.sort_values(["platform", "reason_code"], key=in_order, ignore_index=True)
    out = pd.concat([counts, reason_labels(counts["reason_code"], settings)], axis=1)
    return out[["platform", "reason_code", "label_fr", "label_en", "removals"]].astype(
        {"removals": "int64"}
    )


def per_platform(counts: pd.DataFrame, column: str, platforms: list[str]) -> pd.DataFrame:
    """`counts` (platform, `column`) with a row of zero for each of `platforms` it lacks."""
    values = counts.set_index("platform")[column].reindex(platforms, fill_value=0)
    return values.astype("int64").rename_axis("platform").reset_index()


def compliance_rows(overall: pd.Series, by_platform: pd.DataFrame) -> pd.DataFrame:
    """Conformité's overall figures as the ALL_PLATFORMS row, then its per-platform ones."""
    rows = pd.concat(
        [
            pd.DataFrame([overall[list(COMPLIANCE_MEASURES)]]).assign(platform=ALL_PLATFORMS),
            by_platform.set_index("platform").loc[ordered(by_platform["platform"])].reset_index(),
        ],
        ignore_index=True,
    )
    counts = {name: "int64" for name in COMPLIANCE_MEASURES[:5]}
    types = {**counts, "compliance_pct": "float64", "median_response_business_minutes": "Int64"}
    return rows[["platform", *COMPLIANCE_MEASURES]].astype(types)


def removals_per_reason(summary: MonthlySummary) -> pd.DataFrame:
    """Removals per reason over every platform, the most first: the chart's bars.

    Columns reason_code, label_fr, label_en, removals, as Motifs' `by_reason`.
    """
    rows = summary.removals
    out = rows.groupby(["reason_code", "label_fr", "label_en"], sort=False)["removals"].sum()
    out = out.reset_index().sort_values("removals", ascending=False, kind="stable")
    return out.reset_index(drop=True)


def reasons_by_platform(summary: MonthlySummary) -> pd.DataFrame:
    """Removals with a row per reason and a column per platform, then `total`: the table.

    Columns reason_code, label_fr, label_en, one per platform code, total; reasons in
    the policies' order.
    """
    rows = summary.removals
    platforms = ordered(rows["platform"].unique())
    wide = rows.pivot_table(
        index=["reason_code", "label_fr", "label_en"],
        columns="platform",
        values="removals",
        aggfunc="sum",
        fill_value=0,
        sort=False,
    )
    wide = wide.reindex(columns=platforms, fill_value=0).astype("int64")
    wide.columns = list(wide.columns)
    wide["total"] = wide.sum(axis=1)
    return wide.reset_index().sort_values("reason_code", key=in_order, ignore_index=True)


def summary_table(summary: MonthlySummary) -> pd.DataFrame:
    """The summary in the CSV's long form: COLUMNS, one figure a row (module docstring)."""
    removal_rows = summary.removals.assign(
        section="removals",
        measure="removals",
        reason_label=summary.removals["label_fr"],
        value=summary.removals["removals"],
    )
    removed = summary.removed_comments.assign(
        section="removals", measure="removed_comments", value=summary.removed_comments["removed"]
    )
    replies = summary.replies.assign(
        section="replies", measure="replies", value=summary.replies["replies"]
    )
    # Each platform's figures together, in COMPLIANCE_MEASURES' order; missing ones kept.
    figures = summary.compliance.set_index("platform")[list(COMPLIANCE_MEASURES)]
    figures = figures.astype("Float64").round({"compliance_pct": 1})
    compliance = figures.stack().rename_axis(["platform", "measure"]).reset_index(name="value")
    compliance = compliance.assign(section="compliance")
    parts = [part for part in (removal_rows, removed, replies, compliance) if len(part)]
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=list(COLUMNS))
    out = out.reindex(columns=list(COLUMNS))
    out["month"] = summary.month.strftime("%Y-%m")
    # A count, a percentage and minutes share the column: numbers, missing ones empty.
    out["value"] = out["value"].astype("Float64").astype("float64")
    return out.reset_index(drop=True)


def summary_csv(summary: MonthlySummary, delimiter: str = ";") -> bytes:
    """`summary_table` as CSV bytes for Excel (`lib.csv_export.to_csv_bytes`); a count is
    written whole ("39", not "39,0") though it shares its column with a percentage."""
    table = summary_table(summary)
    decimal = DECIMAL_FOR_DELIMITER[delimiter]
    table["value"] = [
        "" if pd.isna(v) else str(int(v)) if float(v).is_integer() else str(v).replace(".", decimal)
        for v in table["value"]
    ]
    return to_csv_bytes(table, delimiter=delimiter)


def csv_filename(month: date) -> str:
    """The file a body publishes: transparence-2026-10.csv."""
    return f"transparence-{month:%Y-%m}.csv"


def month_label(month: date, lang: str) -> str:
    """'octobre 2026' in French, 'October 2026' in English.

    >>> month_label(date(2026, 10, 1), "fr"), month_label(date(2026, 10, 1), "en")
    ('octobre 2026', 'October 2026')
    """
    return f"{MONTHS[lang][month.month - 1]} {month.year}"


def months_with_comments(db: Database, tz: str = LOCAL_TZ) -> list[date]:
    """The local months (their first days) in which a comment was received, newest first.

    Two index reads for the first and the last arrival, then one per month between them.
    """
    # Two statements: SQLite reads min() or max() alone from the index, but both in one
    # statement by reading every row (two seconds at ten million comments).
    first = db.execute("SELECT min(received_at) FROM comments").fetchone()[0]
    last = db.execute("SELECT max(received_at) FROM comments").fetchone()[0]
    if first is None:
        return []
    months = pd.date_range(
        local(first, tz).date().replace(day=1), local(last, tz).date().replace(day=1), freq="MS"
    )
    found = []
    for month in reversed(months.date):
        low, high = local_bounds(*month_bounds(month), tz)
        sql = "SELECT 1 FROM comments WHERE received_at >= ? AND received_at < ? LIMIT 1"
        if db.execute(sql, [to_db_time(low), to_db_time(high)]).fetchone() is not None:
            found.append(month)
    return found


def default_month(months: list[date], today: date) -> date | None:
    """The previous full month when it has comments, else the latest month that has.

    >>> default_month([date(2026, 11, 1), date(2026, 10, 1)], date(2026, 11, 20))
    datetime.date(2026, 10, 1)
    >>> default_month([date(2026, 11, 1), date(2026, 8, 1)], date(2026, 11, 20))
    datetime.date(2026, 11, 1)
    """
    previous = month_bounds(today.replace(day=1) - timedelta(days=1))[0]
    if previous in months:
        return previous
    return max(months) if months else None
