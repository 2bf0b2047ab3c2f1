"""The comment on its platform: a link to it, what an action will do there before it is taken
(a connected account's platform may not do it all), and what came of each operation."""

from __future__ import annotations

import streamlit as st
from sqlite_utils import Database

from lib import triage
from lib.outbox import outcomes, synced_account
from lib.platforms import platform_name
from lib.sync_status import ahead, limit_words, operation_line
from lib.ui.session import database, lang, plain, present, t


def permalink_button(row: dict) -> None:
    """« Voir sur Facebook »: the comment itself, in a new tab, when its address is known."""
    address = triage.web_address(row.get("permalink"))
    if address:
        st.link_button(
            t("queue.platform.open", platform=platform_name(row["platform"])),
            address,
            icon=":material/open_in_new:",
        )


def platform_note(
    row: dict, kind: str, template: str | None = None, limits_only: bool = False
) -> None:
    """Under an action's button, on a connected account: what its platform cannot do of
    it, or that the sync will apply it there. Nothing for an account that is not
    connected, nor for an action that asks nothing of the platform.

    `template` is the redirection's, which decides whether the comment is also hidden.
    """
    account = synced_account(database(), row.get("account"), row["platform"])
    if account is None:
        return
    wanted, limits = ahead(account["platform"], kind, row["status"], template)
    for code in limits:
        st.caption(":material/do_not_disturb_on: " + limit_words(code, lang()))
    if wanted and len(limits) < len(wanted) and not limits_only:
        words = "queue.platform.will_apply" + ("_paused" if account["paused"] else "")
        st.caption(":material/sync: " + t(words, platform=platform_name(account["platform"])))


def operation_outcomes(db: Database, comment_id: int) -> None:
    """Each operation the comment's decisions asked of its platform, and what came of it.

    The platform's own message is outside text: shown as typed, never as Markdown.
    """
    done = outcomes(db, comment_id)
    if not done:
        return
    st.caption(f"**{t('queue.platform.heading')}**")
    language, now = lang(), present()
    for op in done:
        st.caption(operation_line(op, language, now, plain))
