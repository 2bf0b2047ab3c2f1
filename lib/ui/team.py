"""Paramètres' Équipe tab: who is on the team and how each signs in, and the refused sign-ins."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st
from sqlite_utils import Database

from lib import auth, i18n
from lib.ui.session import lang, t

FAILURES_SHOWN = 500


def team_tab(db: Database, report: Callable) -> None:
    """The team, unbinding an organisation account, and the record of refused sign-ins.

    `report(change, *args)` runs a change as the signed-in lead and says how it went
    (the page's own helper).
    """
    people = auth.team_accounts(db)
    st.dataframe(
        pd.DataFrame(
            {
                t("settings.username"): [p["username"] for p in people],
                t("settings.display_name"): [p["display_name"] for p in people],
                t("settings.role"): [t(f"sidebar.role.{p['role']}") for p in people],
                t("settings.team.local_password"): [bool(p["has_password"]) for p in people],
                t("settings.team.bound_at"): [_when(p["bound_at"]) for p in people],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    bound = [p["username"] for p in people if p["bound_at"]]
    if bound:
        with st.form("settings_unbind"):
            chosen = st.selectbox(t("settings.team.unbind"), bound)
            st.caption(t("settings.team.unbind_help"))
            if st.form_submit_button(t("settings.team.unbind_button")):
                report(auth.unbind_identity, chosen)
    _failed_signins(db)


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
