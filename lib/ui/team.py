"""Paramètres' Équipe tab: who is on the team and how each signs in, adding a member,
changing a role, deactivating and reactivating (lib.team), and the refused sign-ins."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st
from sqlite_utils import Database

from lib import auth, i18n, team
from lib.db import ROLES
from lib.taxonomy import NOTE_MAX_CHARS
from lib.ui.session import lang, t

FAILURES_SHOWN = 500


def team_tab(db: Database, report: Callable) -> None:
    """The team and its administration, unbinding an organisation account, refused sign-ins.

    `report(change, *args)` runs a change as the signed-in lead and says how it went
    (the page's own helper); the rules (leads only, the last lead) are lib.team's.
    """
    people = auth.team_accounts(db)
    st.dataframe(
        pd.DataFrame(
            {
                t("settings.username"): [p["username"] for p in people],
                t("settings.display_name"): [p["display_name"] for p in people],
                t("settings.role"): [t(f"sidebar.role.{p['role']}") for p in people],
                t("team.email"): [p["email"] or "" for p in people],
                t("team.status"): [
                    t("team.active" if p["active"] else "team.inactive") for p in people
                ],
                t("settings.team.local_password"): [bool(p["has_password"]) for p in people],
                t("settings.team.bound_at"): [_when(p["bound_at"]) for p in people],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    active = {p["username"]: p for p in people if p["active"]}
    inactive = {p["username"]: p for p in people if not p["active"]}
    left, right = st.columns(2)
    with left:
        _add_form(report)
    with right:
        _role_form(active, report)
        _activation_forms(active, inactive, report)
        _password_form(active, report)
    bound = [p["username"] for p in people if p["bound_at"]]
    if bound:
        with st.form("settings_unbind"):
            chosen = st.selectbox(t("settings.team.unbind"), bound)
            st.caption(t("settings.team.unbind_help"))
            if st.form_submit_button(t("settings.team.unbind_button")):
                report(auth.unbind_identity, chosen)
    _failed_signins(db)


def _add_form(report: Callable) -> None:
    """A new member: username, name, role, e-mail for single sign-on, a first password."""
    with st.form("team_add", clear_on_submit=True):
        st.markdown(f"**{t('team.add')}**")
        username = st.text_input(
            t("settings.username"), max_chars=team.USERNAME_MAX_CHARS, key="team_add_username"
        )
        name = st.text_input(
            t("settings.display_name"), max_chars=team.NAME_MAX_CHARS, key="team_add_name"
        )
        role = st.selectbox(t("settings.role"), ROLES, format_func=_role_label, key="team_add_role")
        email = st.text_input(
            t("team.email"), max_chars=team.USERNAME_MAX_CHARS, key="team_add_email"
        )
        password = st.text_input(
            t("team.first_password"),
            type="password",
            max_chars=NOTE_MAX_CHARS,
            key="team_add_password",
        )
        st.caption(t("team.add_help", length=auth.MIN_PASSWORD_LENGTH))
        if st.form_submit_button(t("team.add_button"), type="primary", key="team_add_submit"):
            report(team.add_member, username, name, role, email, password or None)


def _role_form(active: dict, report: Callable) -> None:
    with st.form("team_role"):
        st.markdown(f"**{t('team.role_change')}**")
        who = st.selectbox(
            t("team.member"), list(active), format_func=_name(active), key="team_role_member"
        )
        role = st.selectbox(
            t("settings.role"), ROLES, format_func=_role_label, key="team_role_role"
        )
        if st.form_submit_button(t("team.role_button"), key="team_role_submit"):
            report(team.change_role, who, role)


def _activation_forms(active: dict, inactive: dict, report: Callable) -> None:
    with st.form("team_deactivate"):
        st.markdown(f"**{t('team.deactivate')}**")
        who = st.selectbox(
            t("team.member"), list(active), format_func=_name(active), key="team_off_member"
        )
        st.caption(t("team.deactivate_help"))
        sure = st.checkbox(t("team.deactivate_confirm"), key="team_off_confirm")
        if st.form_submit_button(t("team.deactivate_button"), key="team_off_submit"):
            if sure:
                report(team.deactivate, who)
            else:
                st.error(t("team.deactivate_unconfirmed"))
    if inactive:
        with st.form("team_reactivate"):
            who = st.selectbox(
                t("team.reactivate"),
                list(inactive),
                format_func=_name(inactive),
                key="team_on_member",
            )
            if st.form_submit_button(t("team.reactivate_button"), key="team_on_submit"):
                report(team.reactivate, who)


def _password_form(active: dict, report: Callable) -> None:
    """A lead sets a member's password (forgotten, or never given); their sessions end."""
    with st.form("team_password", clear_on_submit=True):
        st.markdown(f"**{t('team.password')}**")
        who = st.selectbox(
            t("team.member"), list(active), format_func=_name(active), key="team_pw_member"
        )
        password = st.text_input(
            t("team.new_password"), type="password", max_chars=NOTE_MAX_CHARS, key="team_pw"
        )
        if st.form_submit_button(t("team.password_button"), key="team_pw_submit"):
            report(auth.set_password, who, password)


def _name(people: dict) -> Callable:
    return lambda username: f"{people[username]['display_name']} ({username})"


def _role_label(role: str) -> str:
    return t(f"sidebar.role.{role}")


def _failed_signins(db: Database) -> None:
    st.subheader(t("settings.team.failed_signins"))
    st.caption(
        t(
            "settings.team.failed_help",
            count=FAILURES_SHOWN,
            account=auth.ACCOUNT.free,
            client=auth.CLIENT.free,
        )
    )
    failures = auth.failed_signins(db, limit=FAILURES_SHOWN)
    if not failures:
        st.info(t("settings.team.no_failures"))
        return
    st.dataframe(
        pd.DataFrame(
            {
                t("settings.at"): [_when(f["at"]) for f in failures],
                t("settings.team.typed"): [f["username"] for f in failures],
                t("settings.team.client"): [f["client"] for f in failures],
                t("settings.team.reason"): [
                    i18n.label("auth.failure", f["reason"], lang()) for f in failures
                ],
            }
        ),
        hide_index=True,
        width="stretch",
    )


def _when(stored: str | None) -> str:
    """A stored UTC instant in Québec local time, or a dash."""
    return i18n.format_datetime(pd.Timestamp(stored, tz="UTC"), lang()) if stored else "—"
