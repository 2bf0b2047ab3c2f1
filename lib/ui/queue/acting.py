"""The buttons' callbacks: what the person typed and chose becomes one `act()`, then a message.

Every change goes through `lib.moderation.act` (or `act_many`) inside a button's
callback, so that the next run already shows the result and may move the
selection. Callbacks run at the start of the next run: they read the database
through `database()`, never through a connection captured when the button was drawn.
"""

from __future__ import annotations

import streamlit as st

from lib.db import DatabaseError, problem
from lib.i18n import format_number
from lib.moderation import InvalidAction, StaleVersion, act, act_many
from lib.taxonomy import ACTION_KINDS, CORRECTION_KINDS
from lib.ui.queue.keys import (
    CONFLICT,
    CURRENT,
    PAGE,
    PASSED_OVER,
    REVISED,
    approval_key,
    clear_selection,
    flash,
    key,
    override_key,
)
from lib.ui.session import database, lang, t

# After these the comment leaves the moderator's hands: show the next one. A correction
# stays on its comment, whose history then shows both versions.
STAYING_KINDS = ("assign", "note", "reopen", *CORRECTION_KINDS)
MOVING_KINDS = tuple(kind for kind in ACTION_KINDS if kind not in STAYING_KINDS)
# The draft box each button publishes from: its note answers for the draft's checks.
DRAFT_BOXES = {
    "reply": "reply",
    "escalate": "reply",
    "redirect": "redirect",
    "escalate_redirect": "redirect",
    "approve": "approve",
    "edit_reply": "edit_reply",
}


def database_problem(error: DatabaseError) -> str:
    """The catalogue's words for a write the database refused: nothing was saved."""
    name = getattr(error, "sqlite_errorname", None) or type(error).__name__
    return t("queue.db." + problem(error), error=name)


def arguments(comment_id: int, kind: str, proposal: int | None = None) -> tuple[str, dict]:
    """The `act` kind and keywords from what the person typed and chose."""
    state = st.session_state
    note = _override_note(comment_id, kind)
    if kind in ("reply", "escalate"):
        return kind, {"reply": state.get(key("reply", comment_id)), "note": note}
    if kind in ("redirect", "escalate_redirect"):
        # A redirect that needs a lead's approval is an escalation with its template.
        act_kind = "escalate" if kind == "escalate_redirect" else "redirect"
        return act_kind, {
            "reply": state.get(key("redirect_text", comment_id)),
            "template": state.get(key("redirect", comment_id)),
            "note": note,
        }
    if kind in ("hide", "delete"):
        return kind, {"reasons": tuple(state.get(key("reasons", comment_id)) or ())}
    if kind == "assign":
        return kind, {"assignee": state.get(key("assignee", comment_id))}
    if kind == "approve":
        reply = state.get(approval_key(comment_id, proposal))
        return kind, {"reply": reply, "proposal": proposal, "note": note}
    if kind == "reject":
        return kind, {"note": state.get(key("reject_note", comment_id)), "proposal": proposal}
    if kind == "note":
        return kind, {"note": state.get(key("note", comment_id))}
    if kind == "edit_reply":
        return kind, {"reply": state.get(key("edit_reply", comment_id)), "note": note}
    if kind == "remove_reply":
        return kind, {"note": state.get(key("remove_note", comment_id))}
    return kind, {}


def _override_note(comment_id: int, kind: str) -> str | None:
    """The note that publishes the draft over its checks; none typed is None (act refuses)."""
    box = DRAFT_BOXES.get(kind)
    typed = st.session_state.get(override_key(box, comment_id)) if box else None
    return (typed or "").strip() or None


def submit(comment_id: int, version: int, requested: str, proposal: int | None = None) -> None:
    """A button's callback: act, then say what happened and move to the next comment.

    `proposal` names the escalation an approval or a rejection judges.
    """
    viewer = st.session_state["user"]
    kind, keywords = arguments(comment_id, requested, proposal)
    try:
        act(database(), comment_id, kind, viewer["username"], version, **keywords)
    except DatabaseError as error:
        flash("error", database_problem(error) + " " + t("queue.db.kept"))
        return
    except StaleVersion as error:
        st.session_state[CONFLICT] = {
            "comment_id": comment_id,
            "kind": kind,
            "arguments": keywords,
            "actions": error.actions,
        }
        return
    except InvalidAction as error:
        flash("error", t("queue.invalid." + error.code))
        return
    st.session_state.pop(CONFLICT, None)
    flash("success", t("queue.done", id=comment_id, what=t("queue.kind." + kind)))
    if kind == "note":
        st.session_state[key("note", comment_id)] = ""
    if kind in CORRECTION_KINDS:  # the boxes start again from what is now published
        st.session_state.pop(key("edit_reply", comment_id), None)
        st.session_state.pop(key("remove_note", comment_id), None)
    if requested in DRAFT_BOXES:
        st.session_state.pop(override_key(DRAFT_BOXES[requested], comment_id), None)
    if kind in MOVING_KINDS:
        after_action({comment_id})


def confirm(comment_id: int, version: int, requested: str, values: dict) -> None:
    """A suggestion confirmed: its values become the person's choice, then the action."""
    st.session_state.update(values)
    submit(comment_id, version, requested)


def bulk(items: list[tuple[int, int]], kind: str, keywords: dict) -> None:
    """The bulk buttons' callback: one `act_many` over (id, version) pairs, one message."""
    viewer = st.session_state["user"]
    try:
        outcomes = act_many(database(), items, kind, viewer["username"], **keywords)
    except DatabaseError as error:  # the database could not even be opened
        flash("error", database_problem(error))
        return
    counts = {s: sum(o.status == s for o in outcomes) for s in ("done", "stale", "invalid")}
    failed = [o for o in outcomes if o.status == "failed"]
    level = "success" if counts["done"] == len(outcomes) else "warning"
    flash(level, t("queue.bulk.done", **{k: format_number(v, lang()) for k, v in counts.items()}))
    if failed:
        problem = database_problem(failed[0].error)
        flash(
            "error",
            t("queue.bulk.failed", count=format_number(len(failed), lang()), problem=problem),
        )
    if len(failed) < len(outcomes):  # else the selection stays, ready to try again
        after_action({o.comment_id for o in outcomes if o.status != "failed"})


def after_action(acted: set[int]) -> None:
    """Clear the table's selection; the next run shows the most urgent comment left.

    The first page is the most urgent by construction; `acted` are passed over
    because some actions leave a comment open (an escalation, a rejection).
    """
    clear_selection()
    revised = st.session_state.get(REVISED, {})
    for comment_id in acted:
        revised.pop(comment_id, None)
    st.session_state.pop(CONFLICT, None)
    st.session_state[CURRENT] = None
    st.session_state[PASSED_OVER] = set(acted)
    st.session_state[PAGE] = 1
