"""Vigie: navigation over the seven pages, and the sidebar (language, who is working)."""

import streamlit as st

from lib.ui import PAGES, database, sidebar, t

st.set_page_config(page_title="Vigie", page_icon="🛡️", layout="wide")

st.session_state["user"] = sidebar(database())
navigation = st.navigation(
    [
        st.Page(path, title=t(key), icon=icon, default=(i == 0))
        for i, (path, key, icon) in enumerate(PAGES)
    ]
)
navigation.run()
