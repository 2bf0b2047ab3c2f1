"""The detectors' models, made ready in the background as soon as the server serves a page.

The queue explains each flag by reading the comment again (`lib.detect.explain`). The
first reading in a process fits the learned models and loads the language and lemma
dictionaries: seconds that a moderator's first click on a comment would otherwise wait.
A thread of the server pays them while the person signs in and reads Aujourd'hui.
"""

from __future__ import annotations

import threading

import streamlit as st

# Words that go through every reader: a sentence rule, the learned models, the languages.
SAMPLE = "Je vais te retrouver ce soir, fais attention. I will find you tonight."


@st.cache_resource(show_spinner=False)
def detectors_ready() -> threading.Event:
    """Start reading `SAMPLE` once per server process; the event is set when it is read."""
    ready = threading.Event()

    def read() -> None:
        from lib.detect import analyse

        try:
            analyse(SAMPLE)
        finally:
            ready.set()

    threading.Thread(target=read, name="vigie-detectors", daemon=True).start()
    return ready
