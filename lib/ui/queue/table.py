"""The page's table, its selection, the comment it puts in the detail panel, and bulk actions.

A selection is of positions: when other rows now stand at those positions
(another page, other filters, a colleague's action), it is cleared rather than
applied to comments the moderator never chose.
"""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st
from sqlite_utils import Database

from lib import triage
from lib.auth import LEAD, team_names
from lib.i18n import format_datetime, format_duration, format_number, label
from lib.ui.queue.acting import bulk
from lib.ui.queue.display import (
    STATE_CELLS,
    STATE_MARKS,
    flag_labels,
    preview,
    triage_marks,
)
from lib.ui.queue.keys import (
    CONFLICT,
    CURRENT,
    LAST_SELECTION,
    LINKED,
    PAGE,
    PASSED_OVER,
    clear_selection,
    show,
    table_key,
)
from lib.ui.session import database, lang, t

# Rows three lines tall: Streamlit wraps a cell's text once rows are taller than 4 rem.
WRAPPED_ROW_HEIGHT = 72
TABLE_HEADER = 35
TEXT_WIDTH = 340  # pixels: about 45 characters a line, 130 in three lines
CURRENT_ROW = "background-color: #e7f0fb; font-weight: 600"  # the comment in the detail panel
SPAM = "pourriel"


def display_rows(rows: pd.DataFrame, viewer: dict, names: dict[str, str]) -> pd.DataFrame:
    """The page's rows as the moderator reads them: state in colour and in words."""
    language = lang()
    raised = t("queue.priority_mark")
    pairs = zip(_column(rows, "priority"), _column(rows, "labels"), strict=True)
    marks = [triage_marks(priority, labels, raised) for priority, labels in pairs]
    # Reading order: what to do first (state, text, due), then where it comes from.
    shown = pd.DataFrame(
        {
            t("common.state"): [f"{STATE_MARKS[s]} {t('state.' + s)}" for s in rows["state"]],
            "#": rows["id"].astype(int),
            t("common.text"): [preview(x) for x in rows["text"]],
            t("queue.triage_marks"): marks,
            t("common.due_at"): [format_datetime(d, language) for d in rows["due_at"]],
            t("queue.age"): [format_duration(s, language) for s in rows["age_seconds"]],
            t("common.flags"): [flag_labels(f, language) for f in rows["flags"]],
            t("common.platform"): [label("platform", p, language) for p in rows["platform"]],
            t("common.account"): rows["account"].fillna(""),
            t("common.language"): rows["language"].fillna(""),
            t("common.status"): [t("status." + s) for s in rows["status"]],
            t("common.assignee"): [names.get(a, a) for a in rows["assignee"].fillna("")],
        }
    )
    if viewer.get("role") == LEAD:
        shown[t("queue.proposed_reply")] = rows["proposed_reply"].fillna("").map(preview)
    return shown


def _column(rows: pd.DataFrame, name: str) -> list:
    """A column of the page's rows; Nones for a frame without it (a test's own rows)."""
    return rows[name].tolist() if name in rows else [None] * len(rows)


def read_selection(rows: pd.DataFrame) -> list[int]:
    """The table's selected positions as the browser last sent them, before it is drawn.

    A row just ticked goes to the detail panel, so that the row clicked is the one
    shown; a selection that now stands over other comments is cleared.
    """
    ids = [int(i) for i in rows["id"]]
    widget_key = table_key()
    chosen = st.session_state.get(LAST_SELECTION)
    if chosen and chosen[0] == widget_key and chosen[1] != _ids_at(ids, chosen[1].keys()):
        clear_selection()
        widget_key = table_key()
        if len(chosen[1]) > 1:  # one row ticked was a comment being read, not a batch
            st.info(t("queue.selection_cleared"))
    state = st.session_state.get(widget_key) or {}
    positions = [p for p in state.get("selection", {}).get("rows", []) if p < len(ids)]
    selected = _ids_at(ids, positions)
    if not chosen or (chosen[0], chosen[1]) != (widget_key, selected):
        before = chosen[1] if chosen and chosen[0] == widget_key else {}
        ticked = [p for p in positions if p not in before]
        st.session_state[LAST_SELECTION] = (widget_key, selected)
        if ticked:
            show(ids[ticked[-1]])
    return positions


def comment_table(db: Database, rows: pd.DataFrame, viewer: dict, current: int | None) -> None:
    """The page as a table with multi-row selection (`read_selection` reads it); the
    comment shown in the detail panel is the highlighted row."""
    shown = display_rows(rows, viewer, team_names(db))
    states = [STATE_CELLS[s] for s in rows["state"]]
    here = [int(i) == current for i in rows["id"]]
    styled = shown.style.apply(lambda _column: states, subset=[t("common.state")]).apply(
        lambda column: [CURRENT_ROW if h else "" for h in here],
        subset=[c for c in shown.columns if c != t("common.state")],
    )
    st.dataframe(
        styled,
        hide_index=True,
        # The whole page of rows, no inner scroll: the page scrolls, the detail stays.
        height=TABLE_HEADER + WRAPPED_ROW_HEIGHT * len(rows) + 3,
        row_height=WRAPPED_ROW_HEIGHT,
        width="stretch",
        on_select="rerun",
        selection_mode="multi-row",
        key=table_key(),
        column_config={
            t("common.text"): st.column_config.TextColumn(width=TEXT_WIDTH),
            "#": st.column_config.NumberColumn(width="small", format="%d"),
        },
    )


def _ids_at(ids: list[int], positions) -> dict[int, int | None]:
    return {p: ids[p] if p < len(ids) else None for p in positions}


# SQLite's integers are signed 64-bit: a larger id cannot be a comment's (and cannot be bound).
SQLITE_MAX_INTEGER = 2**63 - 1
_ASCII_DIGITS = re.compile(r"[0-9]{1,19}")


def comment_id_from(text: str) -> int | None:
    """A comment id written in an address, or None: ASCII digits only, within SQLite's range.

    `str.isdigit` and `int` also accept other scripts' digits ("١٢", "１２") and superscripts.

    >>> comment_id_from("12"), comment_id_from("١٢"), comment_id_from("99999999999999999999")
    (12, None, None)
    """
    if not _ASCII_DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if 0 < number <= SQLITE_MAX_INTEGER else None


def _linked_comment() -> int | None:
    """A comment named in the address (`?comment=123`, e.g. from a breach on Conformité).

    Read once, then dropped from the address, so that choosing another comment wins.
    """
    value = st.query_params.get("comment")
    if value is None:
        return st.session_state.get(LINKED)
    del st.query_params["comment"]
    linked = comment_id_from(value)
    if linked is not None and triage.comment(database(), linked) is None:
        linked = None
    st.session_state[LINKED] = linked
    if linked is not None:
        show(linked)
    return linked


def current_comment(rows: pd.DataFrame) -> int | None:
    """The comment of the detail panel: the row last ticked, a linked comment, the one
    being acted on, or else the most urgent not just acted on."""
    ids = [int(i) for i in rows["id"]]
    linked = _linked_comment()
    current = st.session_state.get(CURRENT)
    conflict = st.session_state.get(CONFLICT) or {}
    kept = current is not None and (conflict.get("comment_id") == current or current == linked)
    if current not in ids and not kept:
        passed_over = st.session_state.pop(PASSED_OVER, set())
        current = next((i for i in ids if i not in passed_over), ids[0] if ids else None)
    show(current)
    return current


def stepper(rows: pd.DataFrame, current: int, page: int, pages: int) -> None:
    """Previous and next comment, by button or by key (K and J, as in a mail reader)."""
    ids = [int(i) for i in rows["id"]]
    at = ids.index(current) if current in ids else None
    before = ids[at - 1] if at else None
    after = ids[at + 1] if at is not None and at + 1 < len(ids) else None
    left, right = st.columns(2)
    left.button(
        t("queue.previous"),
        key="queue.previous",
        shortcut="K",
        icon=":material/keyboard_arrow_up:",
        on_click=_step,
        args=(before,),
        disabled=before is None,
        width="stretch",
    )
    turn = after is None and page + 1 < pages  # the last of a page: the next page
    right.button(
        t("queue.next_page" if turn else "queue.next"),
        key="queue.next",
        shortcut="J",
        icon=":material/keyboard_double_arrow_down:" if turn else ":material/keyboard_arrow_down:",
        on_click=_turn_page if turn else _step,
        args=(page + 2,) if turn else (after,),
        disabled=not turn and after is None,
        width="stretch",
    )
    if at is not None:
        st.caption(
            t(
                "queue.position",
                at=format_number(at + 1, lang()),
                count=format_number(len(ids), lang()),
            )
        )


def _step(comment_id: int) -> None:
    """Show the previous or next comment; one row ticked was the comment being read, and
    is unticked with it (several rows ticked are a batch, and stay)."""
    chosen = st.session_state.get(LAST_SELECTION)
    if chosen and len(chosen[1]) == 1:
        clear_selection()
    show(comment_id)


def _turn_page(number: int) -> None:
    """The next page, its first comment in the detail panel."""
    st.session_state[PAGE] = number
    st.session_state[CURRENT] = None
    clear_selection()


def bulk_actions(rows: pd.DataFrame, positions: list[int], viewer: dict) -> None:
    """Assign, remove as spam, or close without reply every selected row at once."""
    if not positions:
        st.caption(t("queue.bulk.hint"))
        return
    chosen = rows.iloc[positions]
    items = [(int(i), int(v)) for i, v in zip(chosen["id"], chosen["version"], strict=True)]
    st.write(t("queue.bulk.selected", count=format_number(len(items), lang())))
    people = team_names(database(), active_only=True)
    assignee = st.selectbox(
        t("queue.bulk.assignee"),
        list(people),
        index=list(people).index(viewer["username"]) if viewer["username"] in people else 0,
        format_func=people.get,
        key="queue.bulk.assignee",
    )
    columns = st.columns(4)
    for column, (name, kind, keywords) in zip(
        columns,
        (
            ("assign", "assign", {"assignee": assignee}),
            ("hide_spam", "hide", {"reasons": (SPAM,)}),
            ("delete_spam", "delete", {"reasons": (SPAM,)}),
            ("no_reply", "no_reply_needed", {}),
        ),
        strict=True,
    ):
        column.button(
            t("queue.bulk." + name),
            key=f"queue.bulk.{name}",
            on_click=bulk,
            args=(items, kind, keywords),
        )
