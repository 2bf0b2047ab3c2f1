"""The lead pages' figures, cached until the database changes or a comment's state does.

The key is `data_signature(db)` (it moves with every comment, action or setting
written). Figures read at an instant (Aujourd'hui, Conformité, Transparence, the
Rapports preview) are read at the start of the present minute (`read_at`), which the
pages say, and carry `valid_until`: the first instant at which an open comment turns
"at risk" or "overdue", or the day ends. They are reused for any later rerun before
it, so they follow the clock without a timer and without being recomputed each rerun.
With thousands of open comments a state changes every few seconds: read at the
second, the figures would be computed again at nearly every click; read at the
minute, at most once a minute while nothing is written.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lib import charts, metrics
from lib.db import db_path
from lib.queries import data_signature
from lib.settings import Settings, load_settings
from lib.ui.session import database, present

HELD_ENTRIES = 32


def signature() -> tuple:
    """The cache key of everything read from the database: which file, and its last writes."""
    return (str(db_path()), *data_signature(database()))


@st.cache_data(show_spinner=False, max_entries=16)
def settings(data_key: tuple) -> Settings:
    return load_settings(database())


def current_settings() -> Settings:
    return settings(signature())


@dataclass(frozen=True)
class _Held:
    data_key: tuple
    computed_at: pd.Timestamp
    figures: object  # with a `valid_until` instant (NaT: always valid)

    def serves(self, data_key: tuple, now: pd.Timestamp) -> bool:
        if data_key != self.data_key or now < self.computed_at:
            return False
        until = self.figures.valid_until
        return pd.isna(until) or now < until


@st.cache_resource(show_spinner=False)
def _held() -> tuple[OrderedDict, threading.Lock]:
    """Figures per (page, arguments), the newest only, shared by every session."""
    return OrderedDict(), threading.Lock()


def read_at() -> pd.Timestamp:
    """The instant the lead pages read their figures at: the start of the present minute."""
    return present().floor("min")


def until_state_changes(name: str, args: tuple, compute):
    """`compute(data_key, read_at())`, reused while the data and every state stay the same."""
    data_key, now = signature(), read_at()
    store, lock = _held()
    with lock:
        held = store.get((name, args))
    if held is not None and held.serves(data_key, now):
        return held.figures
    figures = compute(data_key, now)
    with lock:
        store[(name, args)] = _Held(data_key, now, figures)
        store.move_to_end((name, args))
        while len(store) > HELD_ENTRIES:
            store.popitem(last=False)
    return figures


@st.cache_data(show_spinner=False, max_entries=32)
def _reasons(data_key: tuple, start: date, end: date) -> metrics.ReasonsFigures:
    return metrics.reasons_figures(database(), start, end, settings(data_key))


def today_figures(day: date) -> metrics.TodayFigures:
    return until_state_changes(
        "today",
        (day,),
        lambda key, now: metrics.today_figures(database(), day, now, settings(key)),
    )


def compliance_figures(start: date, end: date) -> metrics.ComplianceFigures:
    return until_state_changes(
        "compliance",
        (start, end),
        lambda key, now: metrics.compliance_figures(database(), start, end, now, settings(key)),
    )


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
