"""A comment's history of actions, and its author's past: other comments, removals, exclusion."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st
from sqlite_utils import Database

from lib.auth import team_names
from lib.i18n import format_date, format_datetime, format_number, label
from lib.moderation import PLATFORM_KINDS, history
from lib.platforms import platform_name
from lib.queries import AuthorHistory, author_history
from lib.settings import Settings, current_exclusion
from lib.taxonomy import split_codes
from lib.times import local_today
from lib.ui.queue.display import preview
from lib.ui.queue.platform import operation_outcomes
from lib.ui.session import lang, present, t


def comment_history(db: Database, row: dict, settings: Settings) -> None:
    """Every action on the comment, oldest first, in an expander that gives their number,
    then what each operation asked of its platform came to."""
    rows = history(db, row["id"])
    with st.expander(t("queue.history", count=format_number(len(rows), lang()))):
        if not rows:
            st.caption(t("common.empty"))
            return
        st.dataframe(_actions_frame(db, rows, settings), hide_index=True, width="stretch")
        operation_outcomes(db, row["id"])


def _actions_frame(db: Database, rows: list[dict], settings: Settings) -> pd.DataFrame:
    language = lang()
    names = team_names(db)
    return pd.DataFrame(
        {
            t("queue.when"): [
                format_datetime(pd.Timestamp(r["at"], tz="UTC"), language) for r in rows
            ],
            t("queue.who"): [_who(r, names) for r in rows],
            t("queue.what"): [_what(r, language) for r in rows],
            t("queue.reasons"): [
                ", ".join(
                    label("reason", c, language, settings.reason_labels)
                    for c in split_codes(r["reasons"])
                )
                for r in rows
            ],
            t("queue.reply"): [r["reply"] or "" for r in rows],
            t("queue.note"): [r["note"] or "" for r in rows],
        }
    )


def _who(action: dict, names: dict[str, str]) -> str:
    """A member's name; a platform that acted on its own by its name (« YouTube »); a
    triage rule by its name when it acted (« Règle « Pourriel » »)."""
    if action.get("rule"):
        return t("queue.history.by_rule", name=action["rule"])
    if action["kind"] in PLATFORM_KINDS.values():
        return platform_name(action["actor"])
    return names.get(action["actor"], action["actor"])


def _what(action: dict, language: str) -> str:
    """The action's words, and what it was published over: the checks its note overrode,
    a lead's approval of their own reply."""
    words = [t("queue.kind." + action["kind"])]
    if action.get("template") and action["kind"] == "suggest":
        words.append(label("template", action["template"], language))
    overridden = split_codes(action.get("overridden"))
    if overridden:
        checks = ", ".join(label("check", c, language) for c in overridden)
        words.append(t("queue.history.overridden", checks=checks))
    if action.get("self_approved"):
        words.append(t("queue.history.self_approved"))
    return " · ".join(words)


def author_past(db: Database, row: dict) -> None:
    """The author's exclusion, if any, and their other comments, opened when some were removed."""
    if not row["author_handle"]:
        return
    past = author_history(db, row["platform"], row["author_handle"], exclude_id=row["id"])
    _exclusion(db, row)
    title = t(
        "queue.author_past",
        comments=format_number(past.total, lang()),
        removals=format_number(past.removal_count, lang()),
    )
    with st.expander(title, expanded=past.removal_count > 0):
        if past.comments.empty:
            st.caption(t("common.empty"))
            return
        st.dataframe(_past_frame(past), hide_index=True, width="stretch")


def _exclusion(db: Database, row: dict) -> None:
    today = local_today(present())
    excluded = current_exclusion(db, row["platform"], row["author_handle"], today)
    if not excluded:
        return
    until = excluded.get("until")  # a local date, the last day of the exclusion
    with st.container(border=True):
        st.error(
            t(
                "queue.excluded",
                until=t("queue.excluded.until", day=format_date(date.fromisoformat(until), lang()))
                if until
                else t("queue.excluded.forever"),
            ),
            icon=":material/block:",
        )
        # The lead's own words, shown as typed (never as Markdown).
        st.text(t("queue.excluded.reason", reason=excluded.get("reason") or "—"))


def _past_frame(past: AuthorHistory) -> pd.DataFrame:
    recent = past.comments
    removed = set(past.removals["comment_id"])
    return pd.DataFrame(
        {
            t("common.received_at"): [
                format_datetime(pd.Timestamp(x, tz="UTC"), lang()) for x in recent["received_at"]
            ],
            t("common.status"): [t("status." + s) for s in recent["status"]],
            t("queue.removed"): ["✔" if i in removed else "" for i in recent["id"]],
            t("common.text"): recent["text"].map(preview),
        }
    )
