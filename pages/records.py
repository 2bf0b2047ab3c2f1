"""Registres (leads only): retention and anonymising, legal holds, access requests, the
history's integrity and the last backup."""

import streamlit as st

from lib.ui import current_user, database, t
from lib.ui.access_requests import access_tab
from lib.ui.lead import leads_only
from lib.ui.records import flash, holds_tab, integrity_tab, retention_tab

st.title(t("nav.records"))
db = database()
username = leads_only("records", "records.lead_only")
me = current_user(db)
flash()

TABS = (
    ("retention", lambda: retention_tab(db, username)),
    ("holds", lambda: holds_tab(db, username)),
    ("access", lambda: access_tab(db, me)),
    ("integrity", lambda: integrity_tab(db)),
)
names = [t(f"records.tab.{name}") for name, _draw in TABS]
for (_name, draw), tab in zip(TABS, st.tabs(names), strict=True):
    with tab:
        draw()
