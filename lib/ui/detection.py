"""Paramètres' Détection tab: how often each detector flag was right, by the people who read
the comments, over the last 30 days and 12 months, and the latest « Signal erroné » reports."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from sqlite_utils import Database

from lib.auth import team_names
from lib.flag_reports import flag_precision, recent_reports, reports_mark
from lib.i18n import format_datetime, format_percent, label
from lib.taxonomy import split_codes
from lib.ui.cached import signature
from lib.ui.session import database, lang, present, t

PERIODS = (
    ("detection.last_30_days", pd.DateOffset(days=30)),
    ("detection.last_12_months", pd.DateOffset(months=12)),
)


def detection_tab(db: Database) -> None:
    """What precision means, a table per period, and the reports still standing."""
    st.caption(t("detection.precision_help"))
    # Hours whole, so that the figures are read once an hour, not at every rerun of
    # Paramètres (they count a year of comments), unless a comment, action or report moves.
    until = present().floor("h") + pd.Timedelta(hours=1)
    data_key = (*signature(), reports_mark(db))
    for title, length in PERIODS:
        st.subheader(t(title), anchor=False)
        figures = _precision(data_key, until - length, until)
        st.dataframe(_precision_frame(figures), hide_index=True)
    st.subheader(t("detection.recent"), anchor=False)
    reports = recent_reports(db)
    if reports:
        st.dataframe(_reports_frame(reports, team_names(db)), hide_index=True, width="stretch")
    else:
        st.caption(t("detection.none"))


@st.cache_data(show_spinner=False, max_entries=8)
def _precision(data_key: tuple, since: pd.Timestamp, until: pd.Timestamp) -> pd.DataFrame:
    return flag_precision(database(), since, until)


def _precision_frame(figures: pd.DataFrame) -> pd.DataFrame:
    language = lang()
    return pd.DataFrame(
        {
            t("detection.col.flag"): [label("flag", f, language) for f in figures["flag"]],
            t("detection.col.raised"): figures["raised"],
            t("detection.col.reviewed"): figures["reviewed"],
            t("detection.col.reported_wrong"): figures["reported_wrong"],
            t("detection.col.precision"): [
                format_percent(None if p is None else 100 * p, language)
                for p in figures["precision"]
            ],
        }
    )


def _reports_frame(reports: list[dict], people: dict[str, str]) -> pd.DataFrame:
    language = lang()
    return pd.DataFrame(
        {
            t("detection.col.comment"): [r["comment_id"] for r in reports],
            t("common.platform"): [label("platform", r["platform"], language) for r in reports],
            t("detection.col.received"): [
                format_datetime(r["received_at"], language) for r in reports
            ],
            t("detection.col.flag"): [label("flag", r["flag"], language) for r in reports],
            t("detection.col.rules"): [_rules(r["rules"]) for r in reports],
            t("detection.col.by"): [people.get(r["by"], r["by"]) for r in reports],
            t("detection.col.at"): [format_datetime(r["at"], language) for r in reports],
        }
    )


def _rules(stored: str | None) -> str:
    """The rules in words, each its catalogue description (its code when it has none)."""
    language = lang()
    described = [label("detect.rule", code, language) for code in split_codes(stored)]
    return " ; ".join(described) if language == "fr" else "; ".join(described)
