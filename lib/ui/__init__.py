"""Vigie's Streamlit shell: the pages, the sidebar, and the session helpers pages use.

The only part of `lib/` that imports Streamlit; pages import from here.
"""

from __future__ import annotations

import streamlit as st
from sqlite_utils import Database

from lib.db import db_path
from lib.ui.auth import sign_in_widgets, signed_in_user
from lib.ui.session import database, lang, lang_switch, plain, present, run_scope, t

__all__ = ["PAGES", "current_user", "database", "lang", "present", "run_scope"]
__all__ += ["plain", "sidebar", "t"]

# (file, catalogue key of its title, icon, address); the first is the landing page.
PAGES = (
    ("pages/today.py", "nav.today", ":material/today:", "aujourdhui"),
    ("pages/queue.py", "nav.queue", ":material/inbox:", "file"),
    ("pages/compliance.py", "nav.compliance", ":material/timer:", "conformite"),
    ("pages/reasons.py", "nav.reasons", ":material/bar_chart:", "motifs"),
    ("pages/reports.py", "nav.reports", ":material/download:", "rapports"),
    ("pages/transparency.py", "nav.transparency", ":material/public:", "transparence"),
    ("pages/importer.py", "nav.import", ":material/upload_file:", "importation"),
    ("pages/records.py", "nav.records", ":material/inventory_2:", "registres"),
    ("pages/settings.py", "nav.settings", ":material/settings:", "parametres"),
)


def current_user(db: Database) -> dict | None:
    """The person signed in to this session (lib/ui/auth.py), or None."""
    return signed_in_user(db)


def sidebar(db: Database) -> dict | None:
    """Language switch and sign-in; returns the person signed in, or None."""
    with st.sidebar:
        lang_switch()
        person = sign_in_widgets(db)
        st.caption(t("sidebar.db", name=db_path().name))
    return person
