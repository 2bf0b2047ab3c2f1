"""The detail panel: the comment's text, author and clock, a conflict, approval, suggestions.

What a moderator types lives in `st.session_state` under keys that name the
comment (`keys.key`), so a conflict (`StaleVersion`) never loses it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib import triage
from lib.auth import team_names
from lib.compliance import explain_clock
from lib.db import OPEN_STATUSES
from lib.i18n import format_date, format_datetime, label
from lib.moderation import available_kinds, current_proposal, history
from lib.notify.opens import record_open
from lib.service_levels import level_of
from lib.settings import Settings, calendar_version_row
from lib.states import StateClock, state_of
from lib.taxonomy import NOTE_MAX_CHARS, REASONS, REPLY_MAX_CHARS, split_codes
from lib.ui.queue.acting import confirm, submit
from lib.ui.queue.display import STATE_COLOURS
from lib.ui.queue.drafts import draft_checks
from lib.ui.queue.flags import flag_explanations, in_danger, offered_redirect
from lib.ui.queue.history import author_past, comment_history
from lib.ui.queue.keys import (
    CONFLICT,
    REVISED,
    approval_key,
    key,
    override_key,
    pop_other_approvals,
)
from lib.ui.queue.platform import permalink_button, platform_note
from lib.ui.queue.tabs import action_tabs
from lib.ui.session import database, lang, plain, t

OPENED = "queue_opened"  # the comments this session has shown (lib.notify.opens)
DETAIL_KEY = "queue_detail"  # the detail panel's container (CSS class st-key-queue_detail)
# Sticky below Streamlit's header, scrolling on its own when taller than the window: the
# comment and its actions stay in view while the moderator scrolls the table.
_IN_VIEW = f"""<style>
[data-testid="stLayoutWrapper"]:has(> .st-key-{DETAIL_KEY}) {{ position: sticky; top: 3.75rem; }}
.st-key-{DETAIL_KEY} {{ max-height: calc(100vh - 4.5rem); overflow-y: auto; }}
</style>"""


def keep_detail_in_view() -> None:
    st.html(_IN_VIEW)


def detail_panel(comment_id: int, viewer: dict, clock: StateClock, settings: Settings) -> None:
    """The selected comment: text, author, clock, history, the author's past, and actions."""
    db = database()
    row = triage.comment(db, comment_id)
    if row is None:
        st.info(t("common.empty"))
        return
    _record_open(row["id"], viewer)
    language = lang()
    _conflict(row, viewer, settings)
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
    permalink_button(row)
    flag_explanations(row)
    _clock(row, settings, language)
    kinds = available_kinds(row, viewer["role"], settings)
    if "approve" in kinds:
        _approval(row, viewer, settings)
    _suggestions(row, kinds, settings)
    action_tabs(row, kinds, viewer, settings)
    comment_history(db, row, settings)
    author_past(db, row)


def _record_open(comment_id: int, viewer: dict) -> None:
    """The comment is in front of this person: once per session and comment, recorded, so
    that its urgent alert is not passed on to the next person (lib.notify.alerts)."""
    seen = st.session_state.setdefault(OPENED, set())
    if comment_id not in seen:
        record_open(database(), comment_id, viewer["username"])
        seen.add(comment_id)


def _clock(row: dict, settings: Settings, language: str) -> None:
    """The comment's clock in words, on its service level, and the calendar version its
    due time was computed under."""
    level = level_of(settings, row.get("service_level"))
    name = level.name(language)
    clock = settings.clock(level)
    # Names from outside (a closure imported from an .ics, a level, a schedule) are
    # quoted as plain text: a caption reads Markdown.
    st.caption(explain_clock(row["received_at"], clock, level.target_hours, language, name, plain))
    db = database()
    version = calendar_version_row(db, row.get("calendar_version") or 0)
    which = (
        t(
            "clock.version_of",
            date=format_date(version["at"], language, weekday=False),
            actor=plain(team_names(db).get(version["actor"], version["actor"])),
            number=version["id"],
        )
        if version
        else t("clock.version_default")
    )
    st.caption(t("clock.version", level=plain(name), version=which))


def _author_and_post(row: dict) -> None:
    author = row["author_name"] or ""
    if row["author_handle"]:
        author = f"{author} (@{row['author_handle']})".strip()
    st.text(t("queue.author_line", author=author))
    # The post's first words when an import or the demo knew them, else its ref; words and
    # addresses come from outside: plain text, and a link only for an http(s) address.
    post, title = row["post_ref"] or "", row.get("post_title")
    link = triage.web_address(row.get("post_url")) or triage.web_address(post)
    published = row.get("post_published_at")
    if title and published:
        when = format_datetime(pd.Timestamp(published, tz="UTC"), lang())
        st.text(t("posts.line_published", title=title, when=when))
    elif title:
        st.text(t("posts.line", title=title))
    elif post and post != link:
        st.text(t("queue.post_line", post=post))
    if link:
        st.link_button(t("queue.open_post"), link)


def _conflict(row: dict, viewer: dict, settings: Settings) -> None:
    """What colleagues did before this person's action; what they typed is never lost.

    While the action is still possible the text stays in its widget; when it is not
    (a colleague closed the comment), it is shown here, ready to copy.
    """
    conflict = st.session_state.get(CONFLICT) or {}
    if conflict.get("comment_id") != row["id"]:
        return
    names = team_names(database())
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
    if typed and conflict["kind"] not in available_kinds(row, viewer["role"], settings):
        st.info(t("queue.conflict.closed", status=t("status." + row["status"])))
        for text in typed:
            st.code(text, language=None, wrap_lines=True)


def _approval(row: dict, viewer: dict, settings: Settings) -> None:
    """The lead's box: the current proposal, editable; approving or rejecting names it.

    The box is keyed by the proposal's version, so a proposal rejected and revised
    while the lead had it open is replaced by the revision, never approved in its place.
    """
    proposal = current_proposal(database(), row["id"]) or {"version": None, "reply": None}
    reply_key = approval_key(row["id"], proposal["version"])
    _note_revision(row["id"], proposal["version"])
    # The proposal's own text, read with its version (the row may be a moment older).
    st.session_state.setdefault(reply_key, proposal["reply"] or row["proposed_reply"] or "")
    with st.container(border=True):
        st.markdown(f"**{t('queue.approval.title')}**")
        _revision_notice(row["id"], proposal["version"])
        st.text_area(t("queue.proposed_reply"), key=reply_key, max_chars=REPLY_MAX_CHARS)
        draft_checks(row, reply_key, override_key("approve", row["id"]), viewer, settings)
        note_key = key("reject_note", row["id"])
        st.text_input(t("queue.reject_note"), key=note_key, max_chars=NOTE_MAX_CHARS)
        left, right = st.columns(2)
        left.button(
            t("queue.kind.approve"),
            type="primary",
            key=key("do_approve", row["id"]),
            on_click=submit,
            args=(row["id"], row["version"], "approve", proposal["version"]),
        )
        right.button(
            t("queue.kind.reject"),
            key=key("do_reject", row["id"]),
            on_click=submit,
            args=(row["id"], row["version"], "reject", proposal["version"]),
        )
        with left:
            platform_note(row, "approve", proposal.get("template"))


def _note_revision(comment_id: int, version: int | None) -> None:
    """An approval box of an older proposal was open: remember the revision, and the lead's edit.

    The older box's text is the lead's edit when it differs from that proposal's text.
    """
    older = pop_other_approvals(comment_id, version)
    if not older:
        return
    proposals = {a["version"]: (a["reply"] or "").strip() for a in history(database(), comment_id)}
    edits = [
        text.strip()
        for old, text in sorted(older.items())
        if text.strip() and text.strip() != proposals.get(old)
    ]
    st.session_state.setdefault(REVISED, {})[comment_id] = {"version": version, "edits": edits}


def _revision_notice(comment_id: int, version: int | None) -> None:
    revised = st.session_state.get(REVISED, {}).get(comment_id)
    if not revised or revised["version"] != version:
        return
    st.warning(t("queue.approval.revised"))
    for text in revised["edits"]:
        st.caption(t("queue.approval.your_edit"))
        st.code(text, language=None, wrap_lines=True)


def _suggestions(row: dict, kinds: tuple[str, ...], settings: Settings) -> None:
    """The detectors' suggestions: never applied on their own, confirmed in one click."""
    removable = "hide" in kinds
    reasons = [
        r
        for r in split_codes(row.get("suggested_reasons"))
        if removable and r in REASONS and r not in settings.retired_reasons
    ]
    redirect = offered_redirect(row)
    redirect_kind = next((k for k in ("redirect", "escalate") if k in kinds), None)
    if redirect_kind is None:
        redirect = None
    if not reasons and redirect is None:
        return
    language = lang()
    danger = in_danger(row)
    with st.container(border=True):
        st.caption(t("queue.suggested"))
        # A person in danger: Info-Santé 811 / 911 first, before any removal, on a line of
        # its own so that nothing of it is cut.
        if danger:
            redirect_column, reasons_column = st.container(), st.container()
        else:
            reasons_column, redirect_column = st.columns(2)
        if reasons:
            labels = ", ".join(
                label("reason", r, language, settings.reason_labels) for r in reasons
            )
            reasons_column.button(
                t("queue.suggested.reasons", reasons=labels),
                key=key("suggest_reasons", row["id"]),
                on_click=confirm,
                args=(row["id"], row["version"], "hide", {key("reasons", row["id"]): reasons}),
            )
            with reasons_column:
                platform_note(row, "hide", limits_only=True)
        if redirect is not None:
            text = settings.reply_text(redirect, row["language"])
            label_key = ("flags.suggested.medical" if danger else "queue.suggested.redirect") + (
                "" if redirect_kind == "redirect" else "_escalate"
            )
            redirect_column.button(
                t(label_key, redirect=label("template", redirect, language)),
                key=key("suggest_redirect", row["id"]),
                type="primary" if danger else "secondary",
                on_click=confirm,
                args=(
                    row["id"],
                    row["version"],
                    "redirect" if redirect_kind == "redirect" else "escalate_redirect",
                    {key("redirect", row["id"]): redirect, key("redirect_text", row["id"]): text},
                ),
            )
            with redirect_column:
                platform_note(row, redirect_kind, redirect, limits_only=True)
