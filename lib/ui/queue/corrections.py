"""The Corriger tab: correct a reply the organisation published, or remove it with a note.

The box starts from the text now published (`lib.moderation.published_text`) and goes
through the same draft checks as a reply; the history keeps every version (`act`).
"""

from __future__ import annotations

import streamlit as st

from lib.moderation import published_text
from lib.settings import Settings
from lib.taxonomy import NOTE_MAX_CHARS, REPLY_MAX_CHARS
from lib.ui.queue.acting import submit
from lib.ui.queue.drafts import draft_checks
from lib.ui.queue.keys import key, override_key
from lib.ui.queue.platform import platform_note
from lib.ui.session import database, t


def correct_tab(row: dict, kinds: tuple[str, ...], viewer: dict, settings: Settings) -> None:
    """« Corriger la réponse publiée » and « Retirer la réponse publiée »."""
    st.caption(t("queue.correct.help"))
    if "edit_reply" in kinds:
        _edit(row, viewer, settings)
    if "remove_reply" in kinds:
        _remove(row)


def _edit(row: dict, viewer: dict, settings: Settings) -> None:
    text_key = key("edit_reply", row["id"])
    published = published_text(database(), row["id"])
    st.session_state.setdefault(text_key, published or "")
    if published is None:
        st.caption(t("queue.correct.unknown"))
    st.text_area(t("queue.correct.text"), key=text_key, max_chars=REPLY_MAX_CHARS)
    draft_checks(row, text_key, override_key("edit_reply", row["id"]), viewer, settings)
    _button(row, "edit_reply", primary=True)


def _remove(row: dict) -> None:
    st.divider()
    st.text_input(
        t("queue.correct.remove_note"), key=key("remove_note", row["id"]), max_chars=NOTE_MAX_CHARS
    )
    _button(row, "remove_reply")


def _button(row: dict, kind: str, primary: bool = False) -> None:
    st.button(
        t("queue.kind." + kind),
        key=key("do_" + kind, row["id"]),
        type="primary" if primary else "secondary",
        on_click=submit,
        args=(row["id"], row["version"], kind),
    )
    platform_note(row, kind)
