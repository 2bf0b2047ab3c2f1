"""Registres: retention (the schedule, what it lets go today, anonymising now, the
destruction log), legal holds, and the history's integrity (lib.records, lib.chain)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib import chain, i18n
from lib.auth import PermissionDenied
from lib.db import PLATFORMS, from_db_times
from lib.i18n import format_datetime, label
from lib.records import retention
from lib.records.backup import backup_line
from lib.records.holds import HoldRefused, active_holds, hold_history, lift_hold, place_hold
from lib.settings import SettingsError, load_settings, save_settings
from lib.taxonomy import REASONS
from lib.times import local
from lib.ui.cached import signature
from lib.ui.fields import number_field, numbers_or_say_why
from lib.ui.session import database, lang, plain, present, t

FLASH_KEY = "records_flash"
# What a change may be refused with, in words for the person (lib.i18n.Worded).
REFUSALS = (HoldRefused, SettingsError, PermissionDenied)
PREVIEW_ROWS = 50


def changed(change, *args, **kwargs) -> bool:
    """Run a change as the signed-in lead; say why when it is refused (in the person's
    language, typed values as typed), else keep a word of success for the next run."""
    try:
        change(*args, **kwargs)
    except REFUSALS as refusal:
        st.error(refusal.describe(lang(), plain))
        return False
    st.session_state[FLASH_KEY] = t("settings.saved")
    return True


def flash() -> None:
    """The last change's word of success, in a place drawn at every run: an element that
    comes and goes above the tabs would move them, and the browser would show the first."""
    box = st.container()
    if said := st.session_state.pop(FLASH_KEY, None):
        box.success(said)


def retention_tab(db, username: str) -> None:
    """The schedule, what it lets go today, anonymising now, and the destruction log."""
    settings = load_settings(db)
    st.caption(t("records.ui.retention_help"))
    with st.form("retention_schedule"):
        default = number_field(
            st, t("records.ui.months"), settings.retention_months, "retention_months"
        )
        with st.expander(t("records.ui.by_reason")):
            typed = {
                code: st.text_input(
                    label("reason", code, lang(), settings.reason_labels),
                    value=str(settings.retention_by_reason.get(code, "")),
                    placeholder=t("records.ui.default_placeholder"),
                    key=f"retention_reason_{code}",
                )
                for code in REASONS
            }
        daily = st.checkbox(t("records.ui.daily"), value=settings.retention_daily)
        if st.form_submit_button(t("settings.save")):
            read = numbers_or_say_why({"months": default})
            if read is not None and changed(
                save_settings,
                db,
                username,
                retention_months=read["months"],
                retention_by_reason={c: m.strip() for c, m in typed.items() if m.strip()},
                retention_daily=daily,
            ):
                st.rerun()
    _due_now(db, username)
    _destruction_log(db)


@st.cache_data(show_spinner=False, max_entries=2)
def _review(data_key: tuple, day, _now) -> pd.DataFrame:
    """`retention.review`, once per change of the data and per day: at ten years of history
    it reads every closed comment older than the shortest period."""
    return retention.review(database(), now=_now)


def _due_now(db, username: str) -> None:
    """What the schedule lets go today (never the content), and anonymising it."""
    now = present()
    due = _review(signature(), local(now).date(), now)
    run = retention.plan(due)
    st.subheader(t("records.ui.due_title"))
    st.markdown(t("records.ui.due", count=run.count, held=run.held, sending=run.sending))
    if due.empty:
        return
    shown = due.head(PREVIEW_ROWS)
    st.dataframe(
        pd.DataFrame(
            {
                t("records.col.comment"): shown["comment_id"],
                t("records.col.platform"): shown["platform"].map(
                    lambda p: label("platform", p, lang())
                ),
                t("records.col.account"): shown["account"],
                t("records.col.closed"): shown["closed_at"].map(
                    lambda x: format_datetime(x, lang())
                ),
                t("records.col.rule"): [
                    retention.rule_label(r, m, lang())
                    for r, m in zip(shown["rule"], shown["months"], strict=True)
                ],
                t("records.col.kept"): [
                    t("records.ui.kept_held") if h else t("records.ui.kept_sending") if s else ""
                    for h, s in zip(shown["held"], shown["sending"], strict=True)
                ],
            }
        ),
        hide_index=True,
    )
    if not run.count:
        return
    sure = st.checkbox(t("records.ui.confirm", count=run.count), key="retention_sure")
    if st.button(t("records.ui.apply"), disabled=not sure, type="primary", key="retention_apply"):
        done = retention.apply(db, username, now=present())
        st.session_state[FLASH_KEY] = t("records.ui.applied", count=done.count)
        st.rerun()


def _destruction_log(db) -> None:
    st.subheader(t("records.ui.log_title"))
    log = retention.log(db)
    if log.empty:
        st.caption(t("records.ui.log_empty"))
        return
    st.dataframe(
        pd.DataFrame(
            {
                t("records.col.at"): _times(log["at"]),
                t("records.col.actor"): log["actor"],
                t("records.col.rule"): [
                    t("records.ui.rule_none")
                    if r == "none"
                    else retention.rule_label(r, int(m), lang())
                    for r, m in zip(log["rule"], log["months"].fillna(0), strict=True)
                ],
                t("records.col.comments"): log["comments"],
            }
        ),
        hide_index=True,
    )


def holds_tab(db, username: str) -> None:
    """Place a hold on a comment or an author, the standing holds, lifting one, the history."""
    st.caption(t("records.ui.holds_help"))
    # Read now: a format_func may be called after the run (AppTest), outside the session.
    language = lang()
    with st.form("hold_place", clear_on_submit=True):
        on_author = st.radio(
            t("records.ui.hold_on"),
            [False, True],
            format_func=lambda a: i18n.t(
                "records.ui.hold_author" if a else "records.ui.hold_comment", language
            ),
            horizontal=True,
        )
        comment = st.text_input(t("records.ui.hold_comment_number"))
        platform = st.selectbox(
            t("records.col.platform"),
            PLATFORMS,
            format_func=lambda p: label("platform", p, language),
        )
        handle = st.text_input(t("records.ui.hold_handle"))
        reason = st.text_input(t("records.ui.hold_reason"))
        if st.form_submit_button(t("records.ui.hold_place")):
            target = {"platform": platform, "author_handle": handle}
            if not on_author:
                number = comment.strip().lstrip("#n°").strip()
                if not number.isdigit():
                    st.error(t("records.ui.hold_bad_number", typed=plain(comment)))
                    return
                target = {"comment_id": int(number)}
            if changed(place_hold, db, username, reason, **target):
                st.rerun()
    standing = active_holds(db)
    st.subheader(t("records.ui.holds_standing"))
    if not standing:
        st.caption(t("records.ui.holds_none"))
    else:
        st.dataframe(_holds_frame(standing), hide_index=True)
        with st.form("hold_lift", clear_on_submit=True):
            hold = st.selectbox(t("records.ui.hold_which"), [h["id"] for h in standing])
            why = st.text_input(t("records.ui.lift_reason"))
            if st.form_submit_button(t("records.ui.hold_lift")) and changed(
                lift_hold, db, username, hold, why
            ):
                st.rerun()
    with st.expander(t("records.ui.holds_history")):
        st.dataframe(_holds_frame(hold_history(db), with_action=True), hide_index=True)


def _holds_frame(rows: list[dict], with_action: bool = False) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    target = [
        t("records.ui.target_comment", comment=c)
        if pd.notna(c) and c
        else (f"{label('platform', p, lang())} @{h}" if h else "")
        for c, p, h in zip(
            frame["comment_id"], frame["platform"], frame["author_handle"], strict=True
        )
    ]
    shown = {
        t("records.col.hold"): frame["id"],
        t("records.col.at"): _times(frame["at"]),
        t("records.col.actor"): frame["actor"],
    }
    if with_action:
        shown[t("records.col.action")] = [
            t(f"records.ui.action_{a}", hold=h)
            for a, h in zip(frame["action"], frame["hold_id"], strict=True)
        ]
    shown[t("records.col.target")] = target
    shown[t("records.col.reason")] = frame["reason"]
    return pd.DataFrame(shown)


def _times(stored: pd.Series) -> pd.Series:
    """Stored UTC text as the screen shows an instant (Québec time)."""
    return from_db_times(stored).map(lambda instant: format_datetime(instant, lang()))


def integrity_tab(db) -> None:
    """The last good backup, and the history's hash chain checked on demand."""
    st.markdown(backup_line(db, lang()))
    began, before = chain.started(db)
    if began:
        at = format_datetime(from_db_times([began])[0], lang())
        st.caption(t("records.ui.chain_started", at=at, before=before))
    if st.button(t("records.ui.verify"), key="records_verify"):
        with st.spinner(t("records.ui.verifying")):
            report = chain.verify(db)
        if report.intact:
            st.success(
                t("records.ui.intact", rows=sum(report.rows.values()), tables=len(report.rows))
            )
        else:
            bad = report.bad
            st.error(t(f"records.verify.{bad.problem}", table=bad.table, row=bad.row_id))
