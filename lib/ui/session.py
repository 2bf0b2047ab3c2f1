"""One browser session's run: its database connection, its language and words, and the present.

Every page and helper reads the database through `database()`: one connection per
run, opened on first use and closed when the run ends (`run_scope`, which app.py
enters; a fragment's own rerun would enter it too). Every page reads "now" from
`present()`, which tests and the benchmarks pin through `st.session_state["now"]`.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

import pandas as pd
import streamlit as st
from sqlite_utils import Database

from lib import i18n
from lib.db import db_path, open_db
from lib.times import now_utc, utc

LANG_KEY = "lang"  # the session's language: plain state, never a widget's (see lang_switch)
LANG_CHOICE_KEY = "lang_choice"  # the sidebar's language switch
USER_KEY = "username"  # the signed-in person: written only by lib/ui/auth.py
NOW_KEY = "now"  # pins the present (tests, benchmarks)

# A run's callbacks, its script and its fragments run on one thread; runs may move threads.
_run = threading.local()


@st.cache_resource(show_spinner=False)
def _migrated(path: str) -> str:
    """Create or migrate the database once per server process."""
    open_db(path).close()
    return path


def database() -> Database:
    """This run's connection, opened on first use and closed as the run ends."""
    db = getattr(_run, "db", None)
    if db is None:
        db = _run.db = open_db(_migrated(str(db_path())), migrate=False)
    return db


@contextlib.contextmanager
def run_scope() -> Iterator[None]:
    """Around a whole run or a fragment's own rerun: the run's connection closes at the end.

    Scopes nest (a fragment drawn by the whole run): the outermost one closes.
    """
    _run.depth = getattr(_run, "depth", 0) + 1
    try:
        yield
    finally:
        _run.depth -= 1
        db = getattr(_run, "db", None)
        if _run.depth == 0 and db is not None:
            _run.db = None
            db.close()


def present() -> pd.Timestamp:
    """The instant pages read at: `st.session_state["now"]` when pinned, else now."""
    pinned = st.session_state.get(NOW_KEY)
    return now_utc() if pinned is None else utc(pinned).floor("s")


# Streamlit reads a message's text as Markdown: links and images ([…](…), <…>, bare
# http://…), :directives[…], $math$, `code`, headings. A backslash makes any ASCII
# punctuation a plain character (CommonMark) and breaks a bare address in two.
_MARKDOWN = str.maketrans({c: "\\" + c for c in "\\`[]()<>#!:$"})


def plain(text) -> str:
    r"""Text from outside (a file name, a cell, an account) shown as typed inside Markdown.

    >>> print(plain("![pixel](http://tracker.example/p.png) $x$"))
    \!\[pixel\]\(http\://tracker.example/p.png\) \$x\$
    """
    return str(text).translate(_MARKDOWN)


def lang() -> str:
    return st.session_state.get(LANG_KEY, i18n.DEFAULT_LANGUAGE)


def _language_chosen() -> None:
    """The switch's callback: runs before the script, so the whole rerun is in the new language."""
    st.session_state[LANG_KEY] = st.session_state[LANG_CHOICE_KEY]


def lang_switch() -> None:
    """The sidebar's Français / English switch.

    The language lives in its own key, not the widget's: Streamlit forgets a widget's
    value when the widget's identity changes (its page, sign-in or out), which sent a
    visitor's English back to French. The switch is set from it before every draw.
    """
    st.session_state[LANG_CHOICE_KEY] = lang()
    st.radio(
        i18n.t("sidebar.language", lang()),
        options=list(i18n.LANGUAGES),
        format_func=lambda code: {"fr": "Français", "en": "English"}[code],
        key=LANG_CHOICE_KEY,
        on_change=_language_chosen,
        horizontal=True,
    )


def t(key: str, **values) -> str:
    """The catalogue's words for `key` in this session's language."""
    return i18n.t(key, lang(), **values)
