"""What the pages need, made ready in the background as soon as the server serves a page.

A new server process has imported only the sign-in page. Each page's first visit would
import its modules (plotly, the charts, the metrics, the reports), and the queue's first
comment would load the detectors' learned models and their language and lemma
dictionaries (`lib.detect.explain` reads a comment's flags again), and the lead pages'
first figures would set up, in pandas, pyarrow and plotly, code that later figures reuse:
seconds that a person's first clicks would wait. A thread of the server pays them while
the person types their name and password, on today's comments alone (`_first_figures`).
"""

from __future__ import annotations

import importlib
import threading

import streamlit as st

from lib.db import db_path, open_db

# What the pages import beyond the sign-in page, heaviest first.
MODULES = (
    "plotly.graph_objects",
    "lib.charts",
    "lib.metrics",
    "lib.reports",
    "lib.ui.cached",
    "lib.ui.lead",
    "lib.ui.attention",
    "lib.ui.queue",
    "lib.records.transparency",
    "lib.ui.records",
    "lib.ui.access_requests",
    "lib.importers",
    "lib.ui.detection",
    "lib.ui.triage_rules",
    "lib.ui.calendar_settings",
    "lib.ui.alerts",
)
# Words that go through every reader: a sentence rule, the learned models, the languages.
SAMPLE = "Je vais te retrouver ce soir, fais attention. I will find you tonight."


# The hidden chart's container: its key is also its CSS class (st-key-…).
PRELOAD_KEY = "vigie-chart-library"


def load_chart_library() -> None:
    """An empty chart, never shown, on the sign-in page: the browser loads and compiles
    its chart library (plotly.js, several megabytes) while the person types, rather than
    after they sign in, when Aujourd'hui draws its first chart (a second on two cores)."""
    import plotly.graph_objects as go

    with st.container(key=PRELOAD_KEY):
        st.plotly_chart(go.Figure(), key=f"{PRELOAD_KEY}-chart")
    st.html(f"<style>.st-key-{PRELOAD_KEY} {{ display: none; }}</style>")


@st.cache_resource(show_spinner=False)
def detectors_ready() -> threading.Event:
    """Start the imports, today's figures and the reading of `SAMPLE`, in that order (the
    order of a lead's first pages), once per server process; the event is set when the
    detectors are ready (or have failed: a page then reads them itself)."""
    ready = threading.Event()

    def prepare() -> None:
        try:
            for name in MODULES:
                importlib.import_module(name)
            _first_figures()
            from lib.detect import analyse

            analyse(SAMPLE)
        finally:
            ready.set()

    threading.Thread(target=prepare, name="vigie-warm-up", daemon=True).start()
    return ready


def _first_figures() -> bool:
    """Today's figures of the lead pages, and a chart of each kind they draw, computed and
    thrown away: what is set up the first time (a fifth of a second a page on two cores)
    is then ready. Nothing is kept: the pages compute their own figures. A database that
    is not there yet or not readable is the pages' business, not this thread's: False.
    Its modules are imported here, in this thread, not by the sign-in page."""
    import plotly.graph_objects as go

    from lib import metrics
    from lib.settings import load_settings
    from lib.times import local_today, now_utc

    path = db_path()
    if not path.exists():
        return False
    try:
        with open_db(path, migrate=False) as db:
            settings = load_settings(db)
            now = now_utc()
            today = local_today(now, settings.calendar().tz)
            metrics.today_figures(db, today, now, settings)
            metrics.compliance_figures(db, today, today, now, settings)
            metrics.reasons_figures(db, today, today, settings)
    except Exception:  # noqa: BLE001 (the pages will say what is wrong)
        return False
    traces = (go.Bar(x=[1], y=[1]), go.Scatter(x=[1], y=[1]), go.Heatmap(z=[[1]]))
    go.Figure(traces).to_json()
    return True
