"""The queue page's keys in `st.session_state`, the moves between them, and its messages."""

from __future__ import annotations

import streamlit as st

CURRENT = "queue.current"  # id of the comment in the detail panel
LINKED = "queue.linked"  # a comment named in the address (?comment=), kept while shown
PAGE = "queue.page"
FLASH = "queue.flash"
CONFLICT = "queue.conflict"
TABLE_GENERATION = "queue.table_generation"
LAST_SELECTION = "queue.last_selection"
PASSED_OVER = "queue.passed_over"  # just acted on: not shown next
REVISED = "queue.revised"  # per comment: the proposal that replaced the one being read


def key(name: str, comment_id: int) -> str:
    """The session-state key of a per-comment widget: what was typed stays with its comment."""
    return f"queue.{name}.{comment_id}"


def override_key(box: str, comment_id: int) -> str:
    """The key of the note that publishes a draft over its checks, one per draft box:
    "reply", "redirect" (tabs) and "approve" (the lead's approval box)."""
    return key(box + "_override", comment_id)


def approval_key(comment_id: int, proposal: int | None) -> str:
    """The approval box's key, one per proposal: a revised proposal gets a fresh box."""
    return f"queue.approve.{comment_id}.{proposal}"


def pop_other_approvals(comment_id: int, proposal: int | None) -> dict[int, str]:
    """The texts of this comment's approval boxes for other proposals, by version; dropped."""
    texts = {}
    prefix = approval_key(comment_id, "")
    for name in [k for k in st.session_state if k.startswith(prefix)]:
        version = name.removeprefix(prefix)
        if version != str(proposal):
            text = st.session_state.pop(name)
            if version.isdecimal():
                texts[int(version)] = text or ""
    return texts


def table_key() -> str:
    """The table's widget key; a new one (`clear_selection`) starts with nothing selected."""
    return f"queue.table.{st.session_state.setdefault(TABLE_GENERATION, 0)}"


def clear_selection() -> None:
    """A new table key: the next table starts with nothing selected."""
    st.session_state[TABLE_GENERATION] = st.session_state.get(TABLE_GENERATION, 0) + 1
    st.session_state.pop(LAST_SELECTION, None)


def first_page() -> None:
    st.session_state[PAGE] = 1
    clear_selection()


def show(comment_id: int | None) -> None:
    """Put a comment in the detail panel; a conflict about another one is dropped."""
    if comment_id != st.session_state.get(LINKED):
        st.session_state.pop(LINKED, None)
    if st.session_state.get(CURRENT) != comment_id:
        st.session_state[CURRENT] = comment_id
        st.session_state.pop(CONFLICT, None)


def flash(level: str, text: str) -> None:
    """A message for the next run: `level` names a Streamlit call (success, warning, error)."""
    st.session_state.setdefault(FLASH, []).append((level, text))


def show_flash() -> None:
    """The messages of the last actions, shown once."""
    for level, text in st.session_state.pop(FLASH, []):
        getattr(st, level)(text)
