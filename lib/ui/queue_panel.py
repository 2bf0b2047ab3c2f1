"""The queue page's Streamlit parts: filters, the table, the detail panel, the actions.

Every change goes through `lib.moderation.act` (or `act_many`) inside a
button's callback, so that the next rerun already shows the result and may
move the selection. What a moderator types lives in `st.session_state` under
keys that name the comment, so a conflict (`StaleVersion`) never loses it.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from lib import triage
from lib.auth import team
from lib.compliance import explain_clock
from lib.db import OPEN_STATUSES, PLATFORMS, db_path
from lib.i18n import format_date, format_datetime, format_duration, format_number, label
from lib.moderation import (
    InvalidAction,
    StaleVersion,
    act,
    act_many,
    author_history,
    available_kinds,
    history,
)
from lib.settings import Settings, current_exclusion, load_settings
from lib.states import OPEN_STATES, StateClock, state_of
from lib.taxonomy import FLAGS, REASONS, REDIRECTS
from lib.templates import REPLY_CODES, reply_text
from lib.ui.session import database, lang, t

CURRENT = "queue.current"  # id of the comment in the detail panel
PICK = "queue.pick"  # the comment picker (a fallback to the table's selection)
LINKED = "queue.linked"  # a comment named in the address (?comment=), kept while shown
PAGE = "queue.page"
FLASH = "queue.flash"
CONFLICT = "queue.conflict"
TABLE_GENERATION = "queue.table_generation"
LAST_SELECTION = "queue.last_selection"
PASSED_OVER = "queue.passed_over"  # just acted on: not shown next

STATE_COLOURS = {"open_breached": "red", "open_at_risk": "orange", "open_ok": "green"}
# A shape per state as well as a colour and a word; plain glyphs that every font has.
STATE_MARKS = {"open_breached": "✖", "open_at_risk": "▲", "open_ok": "●"}
# Cell colours for the state column (the words are always there too).
STATE_CELLS = {
    "open_breached": "background-color: #fde2e1; color: #8a1c14",
    "open_at_risk": "background-color: #fff1d6; color: #7a4a00",
    "open_ok": "background-color: #e3f4e6; color: #1d5e2a",
}
ROW_HEIGHT = 35
# After these the comment leaves the moderator's hands: show the next one.
MOVING_KINDS = (
    "reply",
    "redirect",
    "hide",
    "delete",
    "no_reply_needed",
    "escalate",
    "approve",
    "reject",
)
SPAM = "pourriel"


def key(name: str, comment_id: int) -> str:
    """The session-state key of a per-comment widget: what was typed stays with its comment."""
    return f"queue.{name}.{comment_id}"


# --- filters and paging ---------------------------------------------------------


def _first_page() -> None:
    st.session_state[PAGE] = 1
    _clear_selection()


@st.cache_data(ttl=60, show_spinner=False)
def _filter_options(path: str) -> dict[str, list[str]]:
    """Accounts and languages of open comments; a minute old at most (a scan of the open rows)."""
    return triage.filter_options(database())


def filters(db) -> triage.QueueFilters:
    """The filter bar; any change goes back to the first page."""
    options = _filter_options(str(db_path()))
    language = lang()
    with st.expander(t("queue.filters"), expanded=True):
        search = st.text_input(
            t("queue.search"),
            key="queue.f.search",
            placeholder=t("queue.search_help"),
            on_change=_first_page,
        )
        row = st.columns(4)
        platforms = row[0].multiselect(
            t("common.platform"),
            PLATFORMS,
            format_func=lambda c: label("platform", c, language),
            key="queue.f.platforms",
            placeholder=t("queue.all"),
            on_change=_first_page,
        )
        accounts = row[1].multiselect(
            t("common.account"),
            _with_chosen(options["account"], "queue.f.accounts"),
            key="queue.f.accounts",
            placeholder=t("queue.all"),
            on_change=_first_page,
        )
        states = row[2].multiselect(
            t("common.state"),
            OPEN_STATES,
            format_func=lambda s: t("state." + s),
            key="queue.f.states",
            placeholder=t("queue.all"),
            on_change=_first_page,
        )
        statuses = row[3].multiselect(
            t("common.status"),
            OPEN_STATUSES,
            format_func=lambda s: t("status." + s),
            key="queue.f.statuses",
            placeholder=t("queue.all"),
            on_change=_first_page,
        )
        row = st.columns(3)
        assignee = row[0].segmented_control(
            t("common.assignee"),
            triage.ASSIGNEE_SCOPES,
            format_func=lambda s: t("queue.assignee." + s),
            key="queue.f.assignee",
            default="anyone",
            on_change=_first_page,
        )
        languages = row[1].multiselect(
            t("common.language"),
            _with_chosen(options["language"], "queue.f.languages"),
            key="queue.f.languages",
            placeholder=t("queue.all"),
            on_change=_first_page,
        )
        flags = row[2].multiselect(
            t("common.flags"),
            list(FLAGS),
            format_func=lambda f: label("flag", f, language),
            key="queue.f.flags",
            placeholder=t("queue.all"),
            on_change=_first_page,
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
        on_change=_clear_selection,
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


# --- the table --------------------------------------------------------------------


def display_rows(rows: pd.DataFrame, viewer: dict, names: dict[str, str]) -> pd.DataFrame:
    """The page's rows as the moderator reads them: state in colour and in words."""
    language = lang()
    # Reading order: what to do first (state, text, due), then where it comes from.
    shown = pd.DataFrame(
        {
            t("common.state"): [f"{STATE_MARKS[s]} {t('state.' + s)}" for s in rows["state"]],
            "#": rows["id"].astype(int),
            t("common.text"): [_preview(x) for x in rows["text"]],
            t("common.due_at"): [format_datetime(d, language) for d in rows["due_at"]],
            t("queue.age"): [format_duration(s, language) for s in rows["age_seconds"]],
            t("common.flags"): [_flag_labels(f, language) for f in rows["flags"]],
            t("common.platform"): [label("platform", p, language) for p in rows["platform"]],
            t("common.account"): rows["account"].fillna(""),
            t("common.language"): rows["language"].fillna(""),
            t("common.status"): [t("status." + s) for s in rows["status"]],
            t("common.assignee"): [names.get(a, a) for a in rows["assignee"].fillna("")],
        }
    )
    if viewer.get("role") == triage.LEAD:
        shown[t("queue.proposed_reply")] = rows["proposed_reply"].fillna("").map(_preview)
    return shown


def _flag_labels(stored, language: str) -> str:
    return ", ".join(label("flag", f, language) for f in triage.split_codes(stored))


def _preview(text, width: int = 120) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def table(db, rows: pd.DataFrame, viewer: dict) -> list[int]:
    """The page as a table with multi-row selection; returns the selected positions.

    Selecting rows also shows the last one selected in the detail panel. A
    selection is of positions: when other rows now stand at those positions
    (another page, other filters, a colleague's action), it is cleared rather
    than applied to comments the moderator never chose.
    """
    ids = [int(i) for i in rows["id"]]
    table_key = _table_key()
    chosen = st.session_state.get(LAST_SELECTION)
    if chosen and chosen[0] == table_key and chosen[1] != _ids_at(ids, chosen[1].keys()):
        _clear_selection()
        table_key = _table_key()
        st.info(t("queue.selection_cleared"))
    shown = display_rows(rows, viewer, {p["username"]: p["display_name"] for p in team(db)})
    styles = [STATE_CELLS[s] for s in rows["state"]]
    styled = shown.style.apply(lambda _column: styles, subset=[t("common.state")])
    event = st.dataframe(
        styled,
        hide_index=True,
        height=ROW_HEIGHT * (min(len(rows), 20) + 1) + 3,
        width="stretch",
        on_select="rerun",
        selection_mode="multi-row",
        key=table_key,
        column_config={t("common.text"): st.column_config.TextColumn(width="large")},
    )
    positions = [p for p in event.selection.rows if p < len(ids)]
    selected = _ids_at(ids, positions)
    if not chosen or (chosen[0], chosen[1]) != (table_key, selected):
        st.session_state[LAST_SELECTION] = (table_key, selected)
        if positions:
            _show(ids[positions[-1]])
    return positions


def _table_key() -> str:
    return f"queue.table.{st.session_state.setdefault(TABLE_GENERATION, 0)}"


def _ids_at(ids: list[int], positions) -> dict[int, int | None]:
    return {p: ids[p] if p < len(ids) else None for p in positions}


def _clear_selection() -> None:
    """A new table key: the next table starts with nothing selected."""
    st.session_state[TABLE_GENERATION] = st.session_state.get(TABLE_GENERATION, 0) + 1
    st.session_state.pop(LAST_SELECTION, None)


def _show(comment_id: int | None) -> None:
    if comment_id != st.session_state.get(LINKED):
        st.session_state.pop(LINKED, None)
    if st.session_state.get(CURRENT) != comment_id:
        st.session_state[CURRENT] = comment_id
        st.session_state.pop(CONFLICT, None)


def _linked_comment() -> int | None:
    """A comment named in the address (`?comment=123`, e.g. from a breach on Conformité).

    Read once, then dropped from the address, so that choosing another comment wins.
    """
    value = st.query_params.get("comment")
    if value is None:
        return st.session_state.get(LINKED)
    del st.query_params["comment"]
    linked = int(value) if value.isdigit() and triage.comment(database(), int(value)) else None
    st.session_state[LINKED] = linked
    if linked is not None:
        _show(linked)
    return linked


def current_comment(rows: pd.DataFrame) -> int | None:
    """The comment of the detail panel, with a picker that works without the table."""
    ids = [int(i) for i in rows["id"]]
    linked = _linked_comment()
    current = st.session_state.get(CURRENT)
    conflict = st.session_state.get(CONFLICT) or {}
    kept = current is not None and (conflict.get("comment_id") == current or current == linked)
    if current not in ids and not kept:
        passed_over = st.session_state.pop(PASSED_OVER, set())
        current = next((i for i in ids if i not in passed_over), ids[0] if ids else None)
    _show(current)
    if current is None:
        return None
    options = ids if current in ids else [current, *ids]
    previews = dict(zip(ids, rows["text"], strict=True))
    st.session_state[PICK] = current
    st.selectbox(
        t("queue.pick"),
        options,
        format_func=lambda i: f"#{i} · {_preview(previews.get(i, ''), 70)}",
        key=PICK,
        on_change=lambda: _show(st.session_state[PICK]),
    )
    return current


# --- bulk actions -----------------------------------------------------------------


def bulk_actions(rows: pd.DataFrame, positions: list[int], viewer: dict) -> None:
    """Assign, remove as spam, or close without reply every selected row at once."""
    if not positions:
        st.caption(t("queue.bulk.hint"))
        return
    chosen = rows.iloc[positions]
    items = [(int(i), int(v)) for i, v in zip(chosen["id"], chosen["version"], strict=True)]
    st.write(t("queue.bulk.selected", count=format_number(len(items), lang())))
    people = {p["username"]: p["display_name"] for p in team(database())}
    assignee = st.selectbox(
        t("queue.bulk.assignee"),
        list(people),
        index=list(people).index(viewer["username"]) if viewer["username"] in people else 0,
        format_func=people.get,
        key="queue.bulk.assignee",
    )
    columns = st.columns(4)
    for column, (name, kind, arguments) in zip(
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
            on_click=_bulk,
            args=(items, kind, arguments),
        )


def _bulk(items: list[tuple[int, int]], kind: str, arguments: dict) -> None:
    viewer = st.session_state["user"]
    outcomes = act_many(database(), items, kind, viewer["username"], **arguments)
    counts = {s: sum(o.status == s for o in outcomes) for s in ("done", "stale", "invalid")}
    level = "success" if counts["done"] == len(outcomes) else "warning"
    _flash(level, t("queue.bulk.done", **{k: format_number(v, lang()) for k, v in counts.items()}))
    _after_action({i for i, _v in items})


# --- the detail panel ---------------------------------------------------------------


def detail(comment_id: int, viewer: dict, clock: StateClock) -> None:
    """The selected comment: text, author, clock, history, the author's past, and actions."""
    db = database()
    row = triage.comment(db, comment_id)
    if row is None:
        st.info(t("common.empty"))
        return
    settings = load_settings(db)
    language = lang()
    _conflict(row, viewer)
    is_open = row["status"] in OPEN_STATUSES
    state = state_of(row, clock) if is_open else None
    header = st.columns([3, 1])
    header[0].subheader(
        f"#{row['id']} · {label('platform', row['platform'], language)}", anchor=False
    )
    if state:
        header[1].badge(t("state." + state), color=STATE_COLOURS[state])
    st.caption(t("queue.status_line", status=t("status." + row["status"])))
    st.text(row["account"] or "")
    st.text(row["text"] or "")
    _author_and_post(row)
    st.caption(
        explain_clock(row["received_at"], settings.calendar(), settings.target_hours, language)
    )
    kinds = available_kinds(row, viewer["role"])
    if "approve" in kinds:
        _approval(row)
    _suggestions(row, kinds, settings)
    _actions(row, kinds, viewer, settings)
    _history(db, row, settings)
    _author_past(db, row)


def _author_and_post(row: dict) -> None:
    author = row["author_name"] or ""
    if row["author_handle"]:
        author = f"{author} (@{row['author_handle']})".strip()
    st.text(t("queue.author_line", author=author))
    post = row["post_ref"] or ""
    if post.startswith(("https://", "http://")):
        st.link_button(t("queue.open_post"), post)
    elif post:
        st.text(t("queue.post_line", post=post))


def _conflict(row: dict, viewer: dict) -> None:
    """What colleagues did before this person's action; what they typed is never lost.

    While the action is still possible the text stays in its widget; when it is not
    (a colleague closed the comment), it is shown here, ready to copy.
    """
    conflict = st.session_state.get(CONFLICT) or {}
    if conflict.get("comment_id") != row["id"]:
        return
    names = {p["username"]: p["display_name"] for p in team(database())}
    lines = [
        t(
            "queue.conflict.line",
            who=names.get(a["actor"], a["actor"]),
            what=t("queue.kind." + a["kind"]),
            when=format_datetime(pd.Timestamp(a["at"], tz="UTC"), lang()),
        )
        for a in conflict["actions"]
    ]
    st.warning(
        t("queue.conflict", what=t("queue.kind." + conflict["kind"]))
        + "\n\n"
        + "\n".join(f"- {line}" for line in lines)
    )
    typed = [v for v in (conflict["arguments"].get(n) for n in ("reply", "note")) if v]
    if typed and conflict["kind"] not in available_kinds(row, viewer["role"]):
        st.info(t("queue.conflict.closed", status=t("status." + row["status"])))
        for text in typed:
            st.code(text, language=None, wrap_lines=True)


def _approval(row: dict) -> None:
    with st.container(border=True):
        st.markdown(f"**{t('queue.approval.title')}**")
        reply_key = key("approve", row["id"])
        st.session_state.setdefault(reply_key, row["proposed_reply"] or "")
        st.text_area(t("queue.proposed_reply"), key=reply_key)
        note_key = key("reject_note", row["id"])
        st.text_input(t("queue.reject_note"), key=note_key)
        left, right = st.columns(2)
        left.button(
            t("queue.kind.approve"),
            type="primary",
            key=key("do_approve", row["id"]),
            on_click=_submit,
            args=(row["id"], row["version"], "approve"),
        )
        right.button(
            t("queue.kind.reject"),
            key=key("do_reject", row["id"]),
            on_click=_submit,
            args=(row["id"], row["version"], "reject"),
        )


def _suggestions(row: dict, kinds: tuple[str, ...], settings: Settings) -> None:
    """The detectors' suggestions: never applied on their own, confirmed in one click."""
    removable = "hide" in kinds
    reasons = [
        r
        for r in triage.split_codes(row.get("suggested_reasons"))
        if removable and r in REASONS and r not in settings.retired_reasons
    ]
    redirect = row.get("suggested_redirect")
    redirect_kind = next((k for k in ("redirect", "escalate") if k in kinds), None)
    if redirect not in REDIRECTS or redirect_kind is None:
        redirect = None
    if not reasons and redirect is None:
        return
    language = lang()
    with st.container(border=True):
        st.caption(t("queue.suggested"))
        columns = st.columns(2)
        if reasons:
            labels = ", ".join(
                label("reason", r, language, settings.reason_labels) for r in reasons
            )
            columns[0].button(
                t("queue.suggested.reasons", reasons=labels),
                key=key("suggest_reasons", row["id"]),
                on_click=_confirm,
                args=(row["id"], row["version"], "hide", {key("reasons", row["id"]): reasons}),
            )
        if redirect is not None:
            text = reply_text(redirect, row["language"], settings.templates)
            label_key = "queue.suggested.redirect" + (
                "" if redirect_kind == "redirect" else "_escalate"
            )
            columns[1].button(
                t(label_key, redirect=label("template", redirect, language)),
                key=key("suggest_redirect", row["id"]),
                on_click=_confirm,
                args=(
                    row["id"],
                    row["version"],
                    "redirect" if redirect_kind == "redirect" else "escalate_redirect",
                    {key("redirect", row["id"]): redirect, key("redirect_text", row["id"]): text},
                ),
            )


def _confirm(comment_id: int, version: int, requested: str, values: dict) -> None:
    """A suggestion confirmed: its values become the person's choice, then the action."""
    st.session_state.update(values)
    _submit(comment_id, version, requested)


def _actions(row: dict, kinds: tuple[str, ...], viewer: dict, settings: Settings) -> None:
    """One tab per family of actions the rules allow this person on this comment."""
    tabs = [
        (name, draw)
        for name, draw, needs in (
            ("reply", _reply_tab, ("reply", "escalate")),
            ("redirect", _redirect_tab, ("redirect", "escalate")),
            ("remove", _remove_tab, ("hide", "delete")),
            ("assign", _assign_tab, ("assign",)),
            ("other", _other_tab, ("no_reply_needed", "note", "reopen")),
        )
        if any(k in kinds for k in needs)
    ]
    if not tabs:
        return
    for (_name, draw), tab in zip(
        tabs, st.tabs([t("queue.tab." + name) for name, _d in tabs]), strict=True
    ):
        with tab:
            draw(row, kinds, viewer, settings)


def _button(row: dict, kind: str, label_key: str | None = None, primary: bool = False) -> None:
    st.button(
        t(label_key or "queue.kind." + kind),
        key=key("do_" + kind, row["id"]),
        type="primary" if primary else "secondary",
        on_click=_submit,
        args=(row["id"], row["version"], kind),
    )


def _reply_tab(row, kinds, viewer, settings) -> None:
    template_key = key("reply_template", row["id"])
    left, right = st.columns([3, 1])
    left.selectbox(
        t("queue.template"),
        REPLY_CODES,
        format_func=lambda c: label("template", c, lang()),
        key=template_key,
    )
    right.button(
        t("queue.template.insert"),
        key=key("insert_template", row["id"]),
        on_click=_insert_template,
        args=(row["id"], row["language"], template_key, settings.templates),
    )
    st.text_area(t("queue.reply"), key=key("reply", row["id"]))
    if row["language"] == "en":
        st.caption(t("queue.bilingual"))
    if "reply" in kinds:
        left, right = st.columns(2)
        with left:
            _button(row, "reply", primary=True)
        if "escalate" in kinds and viewer["role"] != triage.LEAD:
            # The detector may miss a hostile tone: a moderator can ask a lead anyway.
            with right:
                _button(row, "escalate")
    elif "escalate" in kinds:
        st.info(t("queue.needs_approval"))
        _button(row, "escalate", primary=True)


def _insert_template(comment_id: int, comment_language, template_key: str, stored) -> None:
    code = st.session_state[template_key]
    st.session_state[key("reply", comment_id)] = reply_text(code, comment_language, stored)


def _redirect_tab(row, kinds, viewer, settings) -> None:
    language = lang()
    code_key, text_key = key("redirect", row["id"]), key("redirect_text", row["id"])
    suggested = row.get("suggested_redirect")
    st.session_state.setdefault(code_key, suggested if suggested in REDIRECTS else "dossier")
    st.session_state.setdefault(
        text_key, reply_text(st.session_state[code_key], row["language"], settings.templates)
    )
    st.selectbox(
        t("queue.redirect"),
        list(REDIRECTS),
        format_func=lambda c: label("template", c, language),
        key=code_key,
        on_change=_prefill_redirect,
        args=(row["id"], row["language"], settings.templates),
    )
    st.text_area(t("queue.reply"), key=text_key)
    if "redirect" in kinds:
        _button(row, "redirect", primary=True)
    elif "escalate" in kinds:
        st.info(t("queue.needs_approval"))
        st.button(
            t("queue.kind.escalate"),
            key=key("do_escalate_redirect", row["id"]),
            on_click=_submit,
            args=(row["id"], row["version"], "escalate_redirect"),
        )


def _prefill_redirect(comment_id: int, comment_language, stored) -> None:
    code = st.session_state[key("redirect", comment_id)]
    st.session_state[key("redirect_text", comment_id)] = reply_text(code, comment_language, stored)


def _remove_tab(row, kinds, viewer, settings) -> None:
    language = lang()
    offered = [code for code in REASONS if code not in settings.retired_reasons]
    st.multiselect(
        t("queue.reasons"),
        offered,
        format_func=lambda c: label("reason", c, language, settings.reason_labels),
        key=key("reasons", row["id"]),
        help=t("queue.reasons_help"),
        placeholder=t("queue.reasons_placeholder"),
    )
    left, right = st.columns(2)
    with left:
        if "hide" in kinds:
            _button(row, "hide", primary=True)
    with right:
        if "delete" in kinds:
            _button(row, "delete")


def _assign_tab(row, kinds, viewer, settings) -> None:
    people = team(database())
    names = {p["username"]: p["display_name"] for p in people}
    assignee_key = key("assignee", row["id"])
    st.session_state.setdefault(assignee_key, viewer["username"])
    st.selectbox(t("common.assignee"), list(names), format_func=names.get, key=assignee_key)
    _button(row, "assign", primary=True)


def _other_tab(row, kinds, viewer, settings) -> None:
    if "no_reply_needed" in kinds:
        _button(row, "no_reply_needed")
    if "reopen" in kinds:
        _button(row, "reopen")
    if "note" in kinds:
        st.text_area(t("queue.note"), key=key("note", row["id"]))
        _button(row, "note")


# --- acting ------------------------------------------------------------------------


def _arguments(comment_id: int, kind: str) -> tuple[str, dict]:
    """The `act` kind and keywords from what the person typed and chose."""
    state = st.session_state
    if kind == "reply":
        return kind, {"reply": state.get(key("reply", comment_id))}
    if kind == "escalate":
        return kind, {"reply": state.get(key("reply", comment_id))}
    if kind == "escalate_redirect":
        return "escalate", {
            "reply": state.get(key("redirect_text", comment_id)),
            "template": state.get(key("redirect", comment_id)),
        }
    if kind == "redirect":
        return kind, {
            "reply": state.get(key("redirect_text", comment_id)),
            "template": state.get(key("redirect", comment_id)),
        }
    if kind in ("hide", "delete"):
        return kind, {"reasons": tuple(state.get(key("reasons", comment_id)) or ())}
    if kind == "assign":
        return kind, {"assignee": state.get(key("assignee", comment_id))}
    if kind == "approve":
        return kind, {"reply": state.get(key("approve", comment_id))}
    if kind == "reject":
        return kind, {"note": state.get(key("reject_note", comment_id))}
    if kind == "note":
        return kind, {"note": state.get(key("note", comment_id))}
    return kind, {}


def _submit(comment_id: int, version: int, requested: str) -> None:
    """A button's callback: act, then say what happened and move to the next comment."""
    viewer = st.session_state["user"]
    kind, arguments = _arguments(comment_id, requested)
    try:
        act(database(), comment_id, kind, viewer["username"], version, **arguments)
    except StaleVersion as error:
        st.session_state[CONFLICT] = {
            "comment_id": comment_id,
            "kind": kind,
            "arguments": arguments,
            "actions": error.actions,
        }
        return
    except InvalidAction as error:
        _flash("error", t("queue.invalid." + error.code))
        return
    st.session_state.pop(CONFLICT, None)
    _flash("success", t("queue.done", id=comment_id, what=t("queue.kind." + kind)))
    if kind == "note":
        st.session_state[key("note", comment_id)] = ""
    if kind in MOVING_KINDS:
        _after_action({comment_id})


def _after_action(acted: set[int]) -> None:
    """Clear the table's selection; the next rerun shows the most urgent comment left.

    The first page is the most urgent by construction; `acted` are passed over
    because some actions leave a comment open (an escalation, a rejection).
    """
    _clear_selection()
    st.session_state.pop(CONFLICT, None)
    st.session_state[CURRENT] = None
    st.session_state[PASSED_OVER] = set(acted)
    st.session_state[PAGE] = 1


def _flash(level: str, text: str) -> None:
    st.session_state.setdefault(FLASH, []).append((level, text))


def show_flash() -> None:
    """The messages of the last actions, shown once."""
    for level, text in st.session_state.pop(FLASH, []):
        getattr(st, level)(text)


# --- history and the author's past --------------------------------------------------


def _history(db, row: dict, settings: Settings) -> None:
    rows = history(db, row["id"])
    with st.expander(t("queue.history", count=format_number(len(rows), lang()))):
        if not rows:
            st.caption(t("common.empty"))
            return
        st.dataframe(_actions_frame(rows, settings), hide_index=True, width="stretch")


def _actions_frame(rows: list[dict], settings: Settings) -> pd.DataFrame:
    language = lang()
    names = {p["username"]: p["display_name"] for p in team(database())}
    return pd.DataFrame(
        {
            t("queue.when"): [
                format_datetime(pd.Timestamp(r["at"], tz="UTC"), language) for r in rows
            ],
            t("queue.who"): [names.get(r["actor"], r["actor"]) for r in rows],
            t("queue.what"): [t("queue.kind." + r["kind"]) for r in rows],
            t("queue.reasons"): [
                ", ".join(
                    label("reason", c, language, settings.reason_labels)
                    for c in triage.split_codes(r["reasons"])
                )
                for r in rows
            ],
            t("queue.reply"): [r["reply"] or "" for r in rows],
            t("queue.note"): [r["note"] or "" for r in rows],
        }
    )


def _author_past(db, row: dict) -> None:
    if not row["author_handle"]:
        return
    past = author_history(db, row["platform"], row["author_handle"], exclude_id=row["id"])
    excluded = current_exclusion(db, row["platform"], row["author_handle"])
    if excluded:
        until = excluded.get("until")  # a local date, the last day of the exclusion
        with st.container(border=True):
            st.error(
                t(
                    "queue.excluded",
                    until=t(
                        "queue.excluded.until", day=format_date(date.fromisoformat(until), lang())
                    )
                    if until
                    else t("queue.excluded.forever"),
                ),
                icon=":material/block:",
            )
            # The lead's own words, shown as typed (never as Markdown).
            st.text(t("queue.excluded.reason", reason=excluded.get("reason") or "—"))
    title = t(
        "queue.author_past",
        comments=format_number(len(past.comments), lang()),
        removals=format_number(past.removal_count, lang()),
    )
    with st.expander(title, expanded=past.removal_count > 0):
        if past.comments.empty:
            st.caption(t("common.empty"))
            return
        recent = past.comments.head(20)
        removed = set(past.removals["comment_id"])
        st.dataframe(
            pd.DataFrame(
                {
                    t("common.received_at"): [
                        format_datetime(pd.Timestamp(x, tz="UTC"), lang())
                        for x in recent["received_at"]
                    ],
                    t("common.status"): [t("status." + s) for s in recent["status"]],
                    t("queue.removed"): ["✔" if i in removed else "" for i in recent["id"]],
                    t("common.text"): recent["text"].map(_preview),
                }
            ),
            hide_index=True,
            width="stretch",
        )
