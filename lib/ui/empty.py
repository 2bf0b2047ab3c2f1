"""Empty states: a database with no team yet, or with no comment yet, says what to do next.

A page calls `no_comments_yet(page)` after its title and stops when it returns True,
so that a new team sees what the page is for instead of blank charts and zeros; and
`nothing_in_range(page, start, end)` when the dates picked hold nothing it could show.
"""

from __future__ import annotations

import shlex
from datetime import date

import streamlit as st

from lib.auth import can
from lib.db import PROJECT_DIR, db_path
from lib.i18n import format_date
from lib.queries import has_comments
from lib.ui.session import USER_KEY, database, lang, t

IMPORT_PAGE = "pages/importer.py"
SETTINGS_PAGE = "pages/settings.py"


def command_db() -> str:
    """The database file as a command typed in Vigie's folder names it, quoted for a shell."""
    path = db_path().resolve()
    inside = path.is_relative_to(PROJECT_DIR)
    return shlex.quote(str(path.relative_to(PROJECT_DIR) if inside else path))


def no_team_sidebar() -> None:
    """The sidebar's word, in place of a sign-in nobody could pass."""
    st.warning(t("empty.no_team.sidebar"), icon=":material/group_add:")


def no_team(oidc: bool) -> None:
    """In place of the sign-in prompt: how to create the team and its first lead."""
    with st.container(border=True):
        st.subheader(t("empty.no_team.title"))
        st.markdown(t("empty.no_team.how"))
        st.code(t("empty.no_team.command", db=command_db()), language="bash", wrap_lines=True)
        st.markdown(t("empty.no_team.password"))
        st.caption(t("empty.no_team.options"))
        if oidc:
            st.caption(t("empty.no_team.oidc"))


def no_comments_yet(page: str) -> bool:
    """With no comment stored, draw `page`'s empty state and return True; else draw nothing.

    `page` names its words (`empty.page.today`, …): what the page will show, then how
    to bring comments in, and for a lead the settings to check first.
    """
    db = database()
    if has_comments(db):
        return False
    username = st.session_state.get(USER_KEY)
    with st.container(border=True):
        st.subheader(t("empty.no_comments.title"))
        st.markdown(t(f"empty.page.{page}"))
        if can(db, username, "settings"):
            st.markdown(
                t(
                    "empty.lead_first",
                    settings=t("nav.settings"),
                    hours=t("settings.tab.calendar"),
                    closures=t("settings.tab.closures"),
                )
            )
            st.page_link(SETTINGS_PAGE, label=t("empty.to_settings"), icon=":material/settings:")
        st.markdown(t("empty.next"))
        if can(db, username, "import"):
            st.page_link(IMPORT_PAGE, label=t("empty.to_importer"), icon=":material/upload_file:")
        st.markdown(t("empty.command_line"))
        st.code(t("empty.command.import", db=command_db()), language="bash", wrap_lines=True)
        st.caption(t("empty.accounts_later"))
    return True


def nothing_in_range(page: str, start: date, end: date) -> None:
    """In place of a page's figures when [start, end] holds nothing: what to do instead.

    `page` names the sentence on what is missing (`leadpages.empty_range.compliance`, …);
    the advice (wider or other dates, or import) and the link to the importer are shared.
    """
    if start == end:
        title = t("leadpages.empty_range.title_day", day=format_date(start, lang()))
    else:
        dates = {"start": format_date(start, lang(), False), "end": format_date(end, lang(), False)}
        title = t("leadpages.empty_range.title", **dates)
    with st.container(border=True):
        st.subheader(title)
        st.markdown(t(f"leadpages.empty_range.{page}"))
        st.markdown(t("leadpages.empty_range.what_to_do"))
        if can(database(), st.session_state.get(USER_KEY), "import"):
            st.page_link(IMPORT_PAGE, label=t("empty.to_importer"), icon=":material/upload_file:")
