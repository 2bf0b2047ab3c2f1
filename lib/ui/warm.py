"""What the pages need, made ready in the background as soon as the server serves a page.

A new server process has imported only the sign-in page. Each page's first visit would
import its modules (plotly, the charts, the metrics, the reports), and the queue's first
comment would fit the detectors' learned models and load their language and lemma
dictionaries (`lib.detect.explain` reads a comment's flags again): seconds that a
person's first clicks would wait. A thread of the server pays them while the person
types their name and password.
"""

from __future__ import annotations

import importlib
import threading

import streamlit as st

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


@st.cache_resource(show_spinner=False)
def detectors_ready() -> threading.Event:
    """Start the imports and the reading of `SAMPLE`, once per server process; the event
    is set when the detectors are ready (or have failed: a page then reads them itself)."""
    ready = threading.Event()

    def prepare() -> None:
        try:
            for name in MODULES:
                importlib.import_module(name)
            from lib.detect import analyse

            analyse(SAMPLE)
        finally:
            ready.set()

    threading.Thread(target=prepare, name="vigie-warm-up", daemon=True).start()
    return ready
