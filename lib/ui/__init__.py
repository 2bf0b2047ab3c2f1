"""Shared Streamlit helpers: the database per rerun, the language, the person working, badges.

The only part of `lib/` that imports Streamlit; pages import from here.
"""

from __future__ import annotations

import streamlit as st
from sqlite_utils import Database

from lib import i18n
from lib.db import db_path, open_db

# (file, catalogue key of its title, icon, address); the first is the landing page.
PAGES = (
    ("pages/today.py", "nav.today", ":material/today:", "aujourdhui"),
    ("pages/queue.py", "nav.queue", ":material/inbox:", "file"),
    ("pages/compliance.py", "nav.compliance", ":material/timer:", "conformite"),
    ("pages/reasons.py", "nav.reasons", ":material/bar_chart:", "motifs"),
    ("pages/reports.py", "nav.reports", ":material/download:", "rapports"),
    ("pages/importer.py", "nav.import", ":material/upload_file:", "importation"),
    ("pages/settings.py", "nav.settings", ":material/settings:", "parametres"),
)

LANG_KEY = "lang"
USER_KEY = "username"  # the signed-in person: written only by lib/ui/auth.py


@st.cache_resource(show_spinner=False)
def _migrated(path: str) -> str:
    """Create or migrate the database once per server process."""
    open_db(path).conn.close()
    return path


def database() -> Database:
    """A fresh connection for this unit of work: reruns may run on different threads."""
    return open_db(_migrated(str(db_path())), migrate=False)


def lang() -> str:
    return st.session_state.get(LANG_KEY, i18n.DEFAULT_LANGUAGE)


def t(key: str, **values) -> str:
    return i18n.t(key, lang(), **values)


def data_signature(db: Database) -> tuple:
    """Changes whenever a comment, an action or a setting is written: the cache key for figures."""
    row = db.execute(
        "SELECT (SELECT max(id) FROM comments), (SELECT max(id) FROM actions),"
        " (SELECT max(id) FROM settings_history)"
    ).fetchone()
    return (str(db_path()), *row)


def roster(db: Database) -> list[dict]:
    return list(db.query("SELECT username, display_name, role FROM users ORDER BY display_name"))


def current_user(db: Database) -> dict | None:
    """The person signed in to this session (lib/ui/auth.py), or None."""
    from lib.ui.auth import signed_in_user

    return signed_in_user(db)


def sidebar(db: Database) -> dict | None:
    """Language switch and sign-in; returns the person signed in, or None."""
    from lib.ui.auth import sign_in_widgets

    with st.sidebar:
        st.radio(
            i18n.t("sidebar.language", lang()),
            options=list(i18n.LANGUAGES),
            format_func=lambda code: {"fr": "Français", "en": "English"}[code],
            key=LANG_KEY,
            horizontal=True,
        )
        person = sign_in_widgets(db)
        st.caption(t("sidebar.db", name=db_path().name))
    return person
