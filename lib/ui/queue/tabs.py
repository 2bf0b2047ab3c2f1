"""The detail panel's action tabs: one per family of actions the rules allow on this comment."""

from __future__ import annotations

import streamlit as st

from lib.auth import LEAD, team_names
from lib.i18n import label
from lib.settings import Settings
from lib.taxonomy import NOTE_MAX_CHARS, REASONS, REDIRECTS, REPLY_MAX_CHARS
from lib.templates import REPLY_CODES
from lib.ui.policy import netiquette
from lib.ui.queue.acting import submit
from lib.ui.queue.corrections import correct_tab
from lib.ui.queue.drafts import draft_checks
from lib.ui.queue.flags import offered_redirect
from lib.ui.queue.keys import key, override_key
from lib.ui.queue.platform import platform_note
from lib.ui.session import database, lang, t


def action_tabs(row: dict, kinds: tuple[str, ...], viewer: dict, settings: Settings) -> None:
    """One tab per family of actions the rules allow this person on this comment."""
    tabs = [
        (name, draw)
        for name, draw, needs in (
            ("reply", _reply_tab, ("reply", "escalate")),
            ("redirect", _redirect_tab, ("redirect", "escalate")),
            ("remove", _remove_tab, ("hide", "delete")),
            ("assign", _assign_tab, ("assign",)),
            ("correct", correct_tab, ("edit_reply", "remove_reply")),
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


def _button(
    row: dict, kind: str, label_key: str | None = None, primary: bool = False, template=None
) -> None:
    """The action's button, and under it what a connected account's platform will do of it."""
    st.button(
        t(label_key or "queue.kind." + kind),
        key=key("do_" + kind, row["id"]),
        type="primary" if primary else "secondary",
        on_click=submit,
        args=(row["id"], row["version"], kind),
    )
    platform_note(row, kind, template)


def _reply_tab(row, kinds, viewer, settings) -> None:
    language = lang()  # read now: the options' words are formatted after the run too
    template_key = key("reply_template", row["id"])
    left, right = st.columns([3, 1])
    left.selectbox(
        t("queue.template"),
        REPLY_CODES,
        format_func=lambda c: label("template", c, language),
        key=template_key,
    )
    right.button(
        t("queue.template.insert"),
        key=key("insert_template", row["id"]),
        on_click=_insert_template,
        args=(row["id"], row["language"], template_key, settings),
    )
    st.text_area(t("queue.reply"), key=key("reply", row["id"]), max_chars=REPLY_MAX_CHARS)
    if row["language"] == "en":
        st.caption(t("queue.bilingual"))
    escalating = "reply" not in kinds
    draft_checks(
        row, key("reply", row["id"]), override_key("reply", row["id"]), viewer, settings, escalating
    )
    if "reply" in kinds:
        left, right = st.columns(2)
        with left:
            _button(row, "reply", primary=True)
        if "escalate" in kinds and viewer["role"] != LEAD:
            # The detector may miss a hostile tone: a moderator can ask a lead anyway.
            with right:
                _button(row, "escalate")
    elif "escalate" in kinds:
        st.info(t("queue.needs_approval"))
        _button(row, "escalate", primary=True)


def _insert_template(comment_id: int, comment_language, template_key: str, settings) -> None:
    code = st.session_state[template_key]
    st.session_state[key("reply", comment_id)] = settings.reply_text(code, comment_language)


def _redirect_tab(row, kinds, viewer, settings) -> None:
    language = lang()
    code_key, text_key = key("redirect", row["id"]), key("redirect_text", row["id"])
    st.session_state.setdefault(code_key, offered_redirect(row) or "dossier")
    st.session_state.setdefault(
        text_key, settings.reply_text(st.session_state[code_key], row["language"])
    )
    st.selectbox(
        t("queue.redirect"),
        list(REDIRECTS),
        format_func=lambda c: label("template", c, language),
        key=code_key,
        on_change=_prefill_redirect,
        args=(row["id"], row["language"], settings),
    )
    st.text_area(t("queue.reply"), key=text_key, max_chars=REPLY_MAX_CHARS)
    escalating = "redirect" not in kinds
    draft_checks(row, text_key, override_key("redirect", row["id"]), viewer, settings, escalating)
    if "redirect" in kinds:
        _button(row, "redirect", primary=True, template=st.session_state[code_key])
    elif "escalate" in kinds:
        st.info(t("queue.needs_approval"))
        st.button(
            t("queue.kind.escalate"),
            key=key("do_escalate_redirect", row["id"]),
            on_click=submit,
            args=(row["id"], row["version"], "escalate_redirect"),
        )


def _prefill_redirect(comment_id: int, comment_language, settings) -> None:
    code = st.session_state[key("redirect", comment_id)]
    st.session_state[key("redirect_text", comment_id)] = settings.reply_text(code, comment_language)


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
    netiquette(settings)
    left, right = st.columns(2)
    with left:
        if "hide" in kinds:
            _button(row, "hide", primary=True)
    with right:
        if "delete" in kinds:
            _button(row, "delete")


def _assign_tab(row, kinds, viewer, settings) -> None:
    names = team_names(database(), active_only=True)
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
        st.text_area(t("queue.note"), key=key("note", row["id"]), max_chars=NOTE_MAX_CHARS)
        _button(row, "note")
