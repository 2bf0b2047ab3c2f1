"""Vigie: navigation over the seven pages, and the sidebar (language, who is working)."""

import streamlit as st

from lib.ui import database, sidebar, t

st.set_page_config(page_title="Vigie", page_icon="🛡️", layout="wide")

PAGES = (
    ("pages/today.py", "nav.today", ":material/today:"),
    ("pages/queue.py", "nav.queue", ":material/inbox:"),
    ("pages/compliance.py", "nav.compliance", ":material/timer:"),
    ("pages/reasons.py", "nav.reasons", ":material/bar_chart:"),
    ("pages/reports.py", "nav.reports", ":material/download:"),
    ("pages/importer.py", "nav.import", ":material/upload_file:"),
    ("pages/settings.py", "nav.settings", ":material/settings:"),
)

st.session_state["user"] = sidebar(database())
navigation = st.navigation(
    [
        st.Page(path, title=t(key), icon=icon, default=(i == 0))
        for i, (path, key, icon) in enumerate(PAGES)
    ]
)
navigation.run()
