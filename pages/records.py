"""Registres (leads only): retention and anonymising, legal holds, access requests, the
history's integrity and the last backup."""

import streamlit as st

from lib.auth import can
from lib.ui import current_user, database, t
from lib.ui.access_requests import access_tab

st.title(t("nav.records"))
db = database()
me = current_user(db)
if not can(db, me["username"] if me else None, "records"):
    st.error(t("records.lead_only"), icon=":material/block:")
    st.stop()

TABS = (("access", lambda: access_tab(db, me)),)
for (_name, draw), tab in zip(
    TABS, st.tabs([t(f"records.tab.{n}") for n, _d in TABS]), strict=True
):
    with tab:
        draw()
