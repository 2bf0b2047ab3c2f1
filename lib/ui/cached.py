"""The lead pages' figures, cached until the database changes.

The key is `data_signature(db)` (it moves with every comment, action or setting
written) plus the instant the states are read at, rounded to `STATE_RESOLUTION`:
an open comment turns "at risk" or "overdue" as time passes even when nothing
is written, so the figures follow the clock at that resolution, not every rerun.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lib import charts, metrics
from lib.settings import Settings, load_settings
from lib.ui import data_signature, database

STATE_RESOLUTION = "5min"
NOW_KEY = "now"  # tests and the bench pin the present through session state


def present() -> pd.Timestamp:
    """The instant figures are read at: `st.session_state["now"]` when set, else now."""
    pinned = st.session_state.get(NOW_KEY)
    now = pd.Timestamp(pinned) if pinned is not None else pd.Timestamp.now(tz="UTC")
    now = now.tz_localize("UTC") if now.tzinfo is None else now.tz_convert("UTC")
    return now.floor(STATE_RESOLUTION)


def signature() -> tuple:
    db = database()
    try:
        return data_signature(db)
    finally:
        db.conn.close()


@st.cache_data(show_spinner=False, max_entries=16)
def settings(data_key: tuple) -> Settings:
    db = database()
    try:
        return load_settings(db)
    finally:
        db.conn.close()


def current_settings() -> Settings:
    return settings(signature())


@st.cache_data(show_spinner=False, max_entries=32)
def _today(data_key: tuple, day: date, now: pd.Timestamp) -> metrics.TodayFigures:
    db = database()
    try:
        return metrics.today_figures(db, day, now, settings(data_key))
    finally:
        db.conn.close()


@st.cache_data(show_spinner=False, max_entries=32)
def _compliance(
    data_key: tuple, start: date, end: date, now: pd.Timestamp
) -> metrics.ComplianceFigures:
    db = database()
    try:
        return metrics.compliance_figures(db, start, end, now, settings(data_key))
    finally:
        db.conn.close()


@st.cache_data(show_spinner=False, max_entries=32)
def _reasons(data_key: tuple, start: date, end: date) -> metrics.ReasonsFigures:
    db = database()
    try:
        return metrics.reasons_figures(db, start, end, settings(data_key))
    finally:
        db.conn.close()


def today_figures(day: date) -> metrics.TodayFigures:
    return _today(signature(), day, present())


def compliance_figures(start: date, end: date) -> metrics.ComplianceFigures:
    return _compliance(signature(), start, end, present())


def reasons_figures(start: date, end: date) -> metrics.ReasonsFigures:
    return _reasons(signature(), start, end)


@st.cache_resource(show_spinner=False, max_entries=256)
def figure(builder: str, *args) -> go.Figure:
    """`lib.charts.<builder>(*args)`, built once per data and language.

    Plotly validates every property as a figure is built (a tenth of a second a
    chart); a cached resource hands back the same object, which `st.plotly_chart`
    serialises without validating again. Nothing mutates a figure after this.
    """
    return getattr(charts, builder)(*args)
