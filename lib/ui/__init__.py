"""Shared Streamlit helpers: the database per rerun, the language, the person working, badges.

The only part of `lib/` that imports Streamlit; pages import from here.
"""

from __future__ import annotations

import streamlit as st
from sqlite_utils import Database

from lib import i18n
from lib.db import db_path, open_db

# (file, catalogue key of its title, icon); the first is the landing page.
PAGES = (
    ("pages/today.py", "nav.today", ":material/today:"),
    ("pages/queue.py", "nav.queue", ":material/inbox:"),
    ("pages/compliance.py", "nav.compliance", ":material/timer:"),
    ("pages/reasons.py", "nav.reasons", ":material/bar_chart:"),
    ("pages/reports.py", "nav.reports", ":material/download:"),
    ("pages/importer.py", "nav.import", ":material/upload_file:"),
    ("pages/settings.py", "nav.settings", ":material/settings:"),
)

LANG_KEY = "lang"
USER_KEY = "username"


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
    username = st.session_state.get(USER_KEY)
    for person in roster(db):
        if person["username"] == username:
            return person
    return None


def sidebar(db: Database) -> dict | None:
    """Language switch and who is working; returns the person working."""
    with st.sidebar:
        st.radio(
            i18n.t("sidebar.language", lang()),
            options=list(i18n.LANGUAGES),
            format_func=lambda code: {"fr": "Français", "en": "English"}[code],
            key=LANG_KEY,
            horizontal=True,
        )
        people = roster(db)
        if not people:
            st.warning(t("sidebar.no_users"))
            return None
        names = {p["username"]: p for p in people}
        if st.session_state.get(USER_KEY) not in names:
            st.session_state[USER_KEY] = people[0]["username"]
        st.selectbox(
            t("sidebar.user"),
            options=list(names),
            format_func=lambda u: (
                f"{names[u]['display_name']} · {t('sidebar.role.' + names[u]['role'])}"
            ),
            key=USER_KEY,
        )
        st.caption(t("sidebar.db", name=db_path().name))
    return names[st.session_state[USER_KEY]]
