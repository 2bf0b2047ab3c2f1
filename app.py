"""Vigie: navigation over the pages, the sidebar (language, sign-in), and the sign-in gate."""

import streamlit as st

from lib.ui import PAGES, database, run_scope, sidebar, t
from lib.ui.auth import sign_in_prompt
from lib.ui.warm import detectors_ready

st.set_page_config(page_title="Vigie", page_icon="🛡️", layout="wide")
detectors_ready()  # what the pages import and the detectors read with, loaded meanwhile

# One database connection for the whole run, closed when it ends (lib/ui/session.py).
with run_scope():
    st.session_state["user"] = sidebar(database())
    navigation = st.navigation(
        [
            # An explicit url_path: without one, AppTest's switch_page runs the page file
            # alone, bypassing this script (the sidebar and the sign-in gate).
            st.Page(path, title=t(key), icon=icon, url_path=slug, default=(i == 0))
            for i, (path, key, icon, slug) in enumerate(PAGES)
        ]
    )
    if st.session_state["user"] is None:
        # No page runs before sign-in: it shows its title and how to sign in.
        st.title(navigation.title)
        sign_in_prompt()
    else:
        navigation.run()
