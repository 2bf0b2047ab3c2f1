"""Paramètres › Alertes: who an urgent comment wakes and in which order, how long before the
next one, where messages go (the server's configuration, read only), and every message
sent or tried (lib.notify)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.i18n import format_datetime
from lib.notify.channels import load_channels
from lib.notify.log import recent
from lib.notify.outgoing import alert_candidates, alert_chain
from lib.notify.worker import send_test
from lib.ui.fields import number_field, numbers_or_say_why
from lib.ui.session import database, lang, plain, t

LOG_ROWS = 200


def alerts_tab(settings, save, me: dict) -> None:
    """The alert list, the escalation delay, the channels and the log.

    `save(alert_recipients=..., alert_escalation_minutes=...)` stores them
    (pages/settings.py's `save`)."""
    db = database()
    st.caption(t("alerts.ui.help"))
    people = {p["username"]: p for p in alert_candidates(db)}
    with st.form("alerts_list"):
        chosen = st.multiselect(
            t("alerts.ui.list"),
            list(people),
            default=[u for u in settings.alert_recipients if u in people],
            format_func=lambda u: f"{people[u]['display_name']} ({people[u]['email']})",
            help=t("alerts.ui.list_help"),
            key="alerts_people",
        )
        minutes = number_field(
            st, t("alerts.ui.minutes"), settings.alert_escalation_minutes, "alerts_minutes"
        )
        if st.form_submit_button(t("settings.save")):
            read = numbers_or_say_why({"minutes": minutes})
            if read is not None:
                save(alert_recipients=chosen, alert_escalation_minutes=read["minutes"])
    _chain(db, settings, people)
    mine = people.get(me["username"])
    _channels(mine["email"] if mine else None)
    _log(db)


def _chain(db, settings, people: dict) -> None:
    """The order an alert follows now, in words: the list, or every lead by default."""
    by_address = {p["email"]: p["display_name"] for p in people.values()}
    chain = [by_address.get(a, a) for a in alert_chain(db, settings.alert_recipients)]
    if not chain:
        st.warning(t("alerts.ui.nobody"), icon=":material/notifications_off:")
        return
    key = "alerts.ui.order" if settings.alert_recipients else "alerts.ui.order_default"
    st.markdown(t(key, people=plain(" → ".join(chain))))


def _channels(address: str | None) -> None:
    """Where messages go, as the server's configuration says (never a password or a
    webhook's address), and a test message to the lead's own address."""
    channels, problems = load_channels()
    st.subheader(t("alerts.ui.channels"))
    if channels.smtp is None:
        st.warning(t("alerts.ui.no_smtp"), icon=":material/mail_lock:")
    else:
        st.markdown(t("alerts.ui.smtp", host=plain(channels.smtp.host), port=channels.smtp.port))
    for hook in channels.webhooks:
        st.markdown(t("alerts.ui.webhook", kind=t(f"alerts.ui.kind.{hook.kind}")))
    for problem in problems:
        st.error(plain(problem), icon=":material/error:")
    if channels.smtp is not None and address and st.button(t("alerts.ui.test"), key="alerts_test"):
        problem = send_test(database(), channels, address)
        if problem:
            st.error(t("alerts.ui.test_failed", problem=plain(problem)))
        else:
            st.success(t("alerts.ui.test_sent", address=plain(address)))


def _log(db) -> None:
    st.subheader(t("alerts.ui.log"))
    rows = recent(db, LOG_ROWS)
    if rows.empty:
        st.caption(t("alerts.ui.log_empty"))
        return
    language = lang()
    shown = pd.DataFrame(
        {
            t("alerts.ui.when"): [
                format_datetime(pd.Timestamp(a, tz="UTC"), language) for a in rows["at"]
            ],
            t("alerts.ui.what"): [t(f"alerts.ui.kind.{k}") for k in rows["kind"]],
            t("alerts.ui.channel"): [t(f"alerts.ui.kind.{c}") for c in rows["channel"]],
            t("alerts.ui.to"): rows["recipients"].fillna(""),
            t("alerts.ui.subject"): rows["subject"].fillna(""),
            t("alerts.ui.comment"): [
                "" if pd.isna(c) else f"#{int(c)}" for c in rows["comment_id"]
            ],
            t("alerts.ui.outcome"): [t(f"alerts.ui.outcome.{o}") for o in rows["outcome"]],
            t("alerts.ui.attempt"): rows["attempt"],
            t("alerts.ui.problem"): rows["problem"].fillna(""),
        }
    )
    st.dataframe(shown, hide_index=True)
