"""Motifs' figures: what was removed and why, redirections, personal information, approvals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
from sqlite_utils import Database

from lib.business_time import BusinessCalendar
from lib.i18n import LANGUAGES, label
from lib.metrics.loading import (
    load_arrivals,
    load_escalations,
    load_redirect_counts,
    load_removals,
)
from lib.privacy import mask_author
from lib.settings import Settings, load_settings
from lib.taxonomy import PERSONAL_INFORMATION_REASON, PRIVATE_REDIRECT, REDIRECTS
from lib.times import LOCAL_TZ, local_bounds


@dataclass(frozen=True)
class ReasonsFigures:
    start: date
    end: date
    removed_comments: int
    by_reason: pd.DataFrame  # reason_code, label_fr, label_en, removals
    trend: pd.DataFrame  # week, reason_code, removals
    by_platform: pd.DataFrame  # platform, removed
    removal_rate: pd.DataFrame  # week, received, removed, removal_rate_pct
    redirects: pd.DataFrame  # template, label_fr, label_en, redirects
    pii: pd.DataFrame  # source, comments
    repeat_authors: pd.DataFrame  # platform, author (masked), removed
    approvals: pd.Series  # escalated, approved, rejected, waiting, median_wait_seconds


def reason_labels(codes: pd.Series, settings: Settings) -> pd.DataFrame:
    """French and English labels of reason codes, the lead's renamings first."""
    return pd.DataFrame(
        {
            f"label_{lang}": codes.map(
                lambda c, lang=lang: label("reason", c, lang, settings.reason_labels)
            )
            for lang in LANGUAGES
        },
        index=codes.index,
    )


def removals_by_reason(rows: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Removals per reason code (a removal with two reasons counts once for each)."""
    counts = rows["reason_code"].value_counts().rename_axis("reason_code")
    out = counts.reset_index(name="removals")
    return pd.concat([out, reason_labels(out["reason_code"], settings)], axis=1)[
        ["reason_code", "label_fr", "label_en", "removals"]
    ]


def removed_by_platform(rows: pd.DataFrame) -> pd.DataFrame:
    """Comments removed per platform, the most first: a comment removed for two reasons,
    or hidden then deleted, counts once."""
    removed = rows.drop_duplicates("comment_id")
    counts = removed["platform"].value_counts().rename_axis("platform")
    return counts.reset_index(name="removed")


def week_of(instants: pd.Series, start: date, tz: str = LOCAL_TZ) -> pd.Series:
    """The Monday (local date) of each instant's week; `start` for days of a week before it."""
    local = pd.to_datetime(instants, utc=True).dt.tz_convert(tz).dt.tz_localize(None)
    local = local.dt.normalize()
    monday = local - pd.to_timedelta(local.dt.day_of_week, unit="D")
    return monday.clip(lower=pd.Timestamp(start)).dt.date


def removal_trend(rows: pd.DataFrame, start: date, tz: str = LOCAL_TZ) -> pd.DataFrame:
    """Removals per week (named as in `week_of`) and reason code."""
    weeks = week_of(rows["removed_at"], start, tz)
    out = rows.assign(week=weeks).groupby(["week", "reason_code"]).size()
    return out.reset_index(name="removals")


def removal_rate(
    received_rows: pd.DataFrame, arrivals: pd.DataFrame, start: date, tz: str = LOCAL_TZ
) -> pd.DataFrame:
    """Per local arrival week: comments received, how many of them were removed, and the rate (%).

    `received_rows` are the removals, made at any time so far, of the comments received
    in the range; weeks are named as in `week_of`.
    """
    removed = received_rows.drop_duplicates("comment_id")
    removed = removed.groupby(week_of(removed["received_at"], start, tz)).size()
    days = pd.to_datetime(arrivals["date"])
    received = arrivals.groupby(week_of(days.dt.tz_localize(tz), start, tz))["received"].sum()
    out = pd.DataFrame({"received": received, "removed": removed}).fillna(0).astype(np.int64)
    out["removal_rate_pct"] = (out["removed"] / out["received"] * 100).where(out["received"] > 0)
    return out.rename_axis("week").reset_index()


def redirects_by_type(counts: pd.DataFrame) -> pd.DataFrame:
    """Redirections per template of the catalogue (`load_redirect_counts`), unused ones at 0."""
    per_template = counts.set_index("template")["redirects"].rename_axis("template")
    per_template = per_template.reindex(list(REDIRECTS), fill_value=0).astype(np.int64)
    out = per_template.reset_index(name="redirects")
    for lang in LANGUAGES:
        out[f"label_{lang}"] = out["template"].map(lambda c, lang=lang: label("template", c, lang))
    return out[["template", "label_fr", "label_en", "redirects"]]


def pii_incidents(rows: pd.DataFrame, redirects: pd.DataFrame, arrivals: pd.DataFrame):
    """Personal information: flagged on arrival, removed for it, redirected to a private channel.

    `redirects` is `load_redirect_counts`.
    """
    private = redirects["template"].eq(PRIVATE_REDIRECT)
    return pd.DataFrame(
        {
            "source": ["flagged", "removed", "redirected_private"],
            "comments": [
                int(arrivals["pii_flagged"].sum()),
                int(
                    rows.loc[
                        rows["reason_code"].eq(PERSONAL_INFORMATION_REASON), "comment_id"
                    ].nunique()
                ),
                int(redirects.loc[private, "comments"].sum()),
            ],
        }
    )


def repeat_authors(rows: pd.DataFrame, minimum: int = 2) -> pd.DataFrame:
    """Authors with at least `minimum` removed comments, their names masked (initials)."""
    removed = rows.drop_duplicates("comment_id").dropna(subset=["author_handle"])
    counts = removed.groupby(["platform", "author_handle"]).agg(
        author_name=("author_name", "first"), removed=("comment_id", "size")
    )
    counts = counts[counts["removed"] >= minimum].reset_index()
    counts["author"] = counts["author_name"].map(mask_author)
    return counts.sort_values("removed", ascending=False, ignore_index=True)[
        ["platform", "author", "removed"]
    ]


def approvals(escalations: pd.DataFrame, cal: BusinessCalendar) -> pd.Series:
    """Escalated, approved, rejected, still waiting, and the median business wait."""
    decided = escalations["decided_at"].notna()
    wait = cal.elapsed(
        escalations.loc[decided, "escalated_at"], escalations.loc[decided, "decided_at"]
    )
    return pd.Series(
        {
            "escalated": len(escalations),
            "approved": int(escalations["decision"].eq("approve").sum()),
            "rejected": int(escalations["decision"].eq("reject").sum()),
            "waiting": int((~decided).sum()),
            "median_wait_seconds": float(np.median(wait)) if decided.any() else float("nan"),
        }
    )


def reasons_figures(
    db: Database, start: date, end: date, settings: Settings | None = None
) -> ReasonsFigures:
    """Everything the Motifs page shows for local dates [start, end]."""
    settings = settings or load_settings(db)
    cal = settings.calendar()
    # One read serves both: the removals made in the range, and those (made since its
    # start, whenever) of the comments received in it, for the removal rate.
    since_start = load_removals(db, start, None, cal.tz)
    low, high = local_bounds(start, end, cal.tz)
    rows = since_start[since_start["removed_at"] < high]
    received = since_start["received_at"]
    of_arrivals = since_start[(received >= low) & (received < high)]
    redirects = load_redirect_counts(db, start, end, cal.tz)
    arrivals = load_arrivals(db, start, end, cal.tz)
    removed = rows.drop_duplicates("comment_id")
    return ReasonsFigures(
        start=start,
        end=end,
        removed_comments=len(removed),
        by_reason=removals_by_reason(rows, settings),
        trend=removal_trend(rows, start, cal.tz),
        by_platform=removed_by_platform(rows),
        removal_rate=removal_rate(of_arrivals, arrivals, start, cal.tz),
        redirects=redirects_by_type(redirects),
        pii=pii_incidents(rows, redirects, arrivals),
        repeat_authors=repeat_authors(rows),
        approvals=approvals(load_escalations(db, start, end, cal.tz), cal),
    )
