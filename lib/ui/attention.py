"""Aujourd'hui's « À regarder », for leads: connected accounts whose token must be renewed or
whose sync went wrong, and operations a platform refused or that failed too often; each
with what to do. Nothing at all when all is well."""

from __future__ import annotations

import streamlit as st
from sqlite_utils import Database

from lib.accounts import AccountRefused, abandon_operation, retry_operation
from lib.auth import LEAD
from lib.outbox import needing_attention
from lib.platforms import platform_name
from lib.sync_status import account_state, account_todo, problem_words, troubled_accounts
from lib.ui.lead import QUEUE_PAGE
from lib.ui.session import lang, plain, t

# Operations listed at most; the rest are counted.
OPERATIONS_SHOWN = 20


def attention_block(db: Database, viewer: dict | None) -> None:
    """The block, for a lead, when an account or an operation needs one."""
    if not viewer or viewer.get("role") != LEAD:
        return
    troubled = troubled_accounts(db)
    operations = needing_attention(db)
    if not troubled and not operations:
        return
    st.subheader(t("today.attention.title"))
    for account in troubled:
        _account(account)
    for op in operations[:OPERATIONS_SHOWN]:
        _operation(db, viewer, op)
    if len(operations) > OPERATIONS_SHOWN:
        st.caption(t("today.attention.more", count=len(operations) - OPERATIONS_SHOWN))


def _account(account: dict) -> None:
    language = lang()
    with st.container(border=True):
        # The account's name and key come from a lead or the configuration: as typed.
        st.markdown(
            t(
                "today.attention.account",
                name=plain(account["name"] or account["key"]),
                platform=platform_name(account["platform"]),
                state=account_state(account, language, plain),
            )
        )
        # Its key is letters, digits, '_' and '-' (lib.accounts.check_account): in a code span.
        st.caption(account_todo(account, language))


def _operation(db: Database, viewer: dict, op: dict) -> None:
    language = lang()
    platform = platform_name(op["platform"])
    values = {
        "platform": platform,
        "operation": t(f"platforms.operation.{op['operation']}"),
        # The platform's own message is outside text: shown as typed, never as Markdown.
        "problem": problem_words(
            op["problem"], language, op["problem_detail"], op["attempts"], plain
        ),
    }
    with st.container(border=True):
        if op["comment_id"] is None:  # blocking an author: no comment to open
            st.markdown(t("today.attention.operation_author", handle=plain(op["text"]), **values))
        else:
            words, link = st.columns([4, 1], vertical_alignment="center")
            words.markdown(t("today.attention.operation", id=op["comment_id"], **values))
            link.page_link(
                QUEUE_PAGE,
                label=t("lead.open_comment", id=op["comment_id"]),
                query_params={"comment": str(op["comment_id"])},
            )
        st.caption(t("today.attention.todo.operation", platform=platform))
        again, give_up, _ = st.columns([1, 1, 3])
        if again.button(t("today.attention.retry"), key=f"retry-{op['id']}"):
            _resolve(retry_operation, db, viewer, op, "today.attention.retried")
        if give_up.button(t("today.attention.abandon"), key=f"abandon-{op['id']}"):
            _resolve(abandon_operation, db, viewer, op, "today.attention.abandoned")


def _resolve(decide, db: Database, viewer: dict, op: dict, done: str) -> None:
    """A lead's decision on an operation, then the page again (the block without it)."""
    try:
        decide(db, viewer["username"], op["id"])
    except AccountRefused as refusal:
        st.error(refusal.describe(lang(), plain))
        return
    st.toast(t(done))
    st.rerun()
