"""The queue's filter bar and page picker; any change goes back to the first page."""

from __future__ import annotations

import streamlit as st

from lib import triage
from lib.db import OPEN_STATUSES, PLATFORMS, db_path
from lib.i18n import format_number, label
from lib.queries import SEARCH_MAX_CHARS
from lib.states import OPEN_STATES
from lib.taxonomy import FLAGS
from lib.ui.queue.keys import PAGE, clear_selection, first_page
from lib.ui.session import database, lang, t


@st.cache_data(ttl=60, show_spinner=False)
def _filter_options(path: str) -> dict[str, list[str]]:
    """Accounts and languages of open comments; a minute old at most (a scan of the open rows)."""
    return triage.filter_options(database())


def open_options() -> dict[str, list[str]]:
    """Accounts and languages of open comments (`lib.triage.filter_options`), read once a
    minute: the queue's filters and Paramètres' triage rules offer them."""
    return _filter_options(str(db_path()))


def filter_bar() -> triage.QueueFilters:
    """The filter bar; any change goes back to the first page."""
    options = open_options()
    language = lang()
    with st.expander(t("queue.filters"), expanded=True):
        search = st.text_input(
            t("queue.search"),
            key="queue.f.search",
            placeholder=t("queue.search_help"),
            max_chars=SEARCH_MAX_CHARS,
            on_change=first_page,
        )
        row = st.columns(4)
        platforms = _choose(
            row[0],
            "common.platform",
            PLATFORMS,
            "queue.f.platforms",
            lambda c: label("platform", c, language),
        )
        accounts = _choose(
            row[1],
            "common.account",
            _with_chosen(options["account"], "queue.f.accounts"),
            "queue.f.accounts",
        )
        states = _choose(
            row[2], "common.state", OPEN_STATES, "queue.f.states", lambda s: t("state." + s)
        )
        statuses = _choose(
            row[3], "common.status", OPEN_STATUSES, "queue.f.statuses", lambda s: t("status." + s)
        )
        row = st.columns(3)
        assignee = row[0].segmented_control(
            t("common.assignee"),
            triage.ASSIGNEE_SCOPES,
            format_func=lambda s: t("queue.assignee." + s),
            key="queue.f.assignee",
            default="anyone",
            on_change=first_page,
        )
        languages = _choose(
            row[1],
            "common.language",
            _with_chosen(options["language"], "queue.f.languages"),
            "queue.f.languages",
        )
        flags = _choose(
            row[2],
            "common.flags",
            list(FLAGS),
            "queue.f.flags",
            lambda f: label("flag", f, language),
        )
    return triage.QueueFilters(
        platforms=tuple(platforms),
        accounts=tuple(accounts),
        states=tuple(states),
        statuses=tuple(statuses),
        assignee=assignee or "anyone",
        languages=tuple(languages),
        flags=tuple(flags),
        search=search or "",
    )


def _choose(where, label_key: str, options, widget_key: str, format_func=str) -> list[str]:
    """A multiselect of the filter bar: empty means all, and a change goes to the first page."""
    return where.multiselect(
        t(label_key),
        options,
        format_func=format_func,
        key=widget_key,
        placeholder=t("queue.all"),
        on_change=first_page,
    )


def _with_chosen(options: list[str], widget_key: str) -> list[str]:
    """Keep a chosen value offered even when no open comment has it any more."""
    chosen = [v for v in st.session_state.get(widget_key, []) if v not in options]
    return sorted([*options, *chosen])


def page_picker(total: int) -> int:
    """The page number (0-based) among `total` rows."""
    pages = triage.page_count(total)
    current = min(max(int(st.session_state.get(PAGE, 1)), 1), pages)
    st.session_state[PAGE] = current
    left, right = st.columns([1, 3])
    left.number_input(
        t("queue.page"),
        min_value=1,
        max_value=pages,
        step=1,
        key=PAGE,
        on_change=clear_selection,
    )
    right.caption(
        t(
            "queue.page_of",
            page=format_number(current, lang()),
            pages=format_number(pages, lang()),
            count=format_number(total, lang()),
        )
    )
    return current - 1
