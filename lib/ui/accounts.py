"""Paramètres' Comptes tab: the organisation's registered accounts, their state and their last
sync; registering or changing one, pausing and resuming (lib.accounts). Never a token."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st
from sqlite_utils import Database

from lib import i18n
from lib.accounts import KEY_MAX_CHARS, MODES, NAME_MAX_CHARS, accounts, add_account, set_paused
from lib.auth import team_names
from lib.i18n import format_datetime
from lib.platforms import CONNECTED_PLATFORMS, ID_FIELDS, platform_name
from lib.sync_status import account_state
from lib.ui.session import lang, t

PICK_KEY = "accounts_pick"
NEW = ""  # the picker's choice for an account not yet registered
# The form's widgets, by the account's column each one gives.
FIELDS = {
    "key": "accounts_key",
    "platform": "accounts_platform",
    "name": "accounts_name",
    "platform_id": "accounts_platform_id",
    "mode": "accounts_mode",
}


def accounts_tab(db: Database, report: Callable) -> None:
    """Where tokens go, the accounts, a pause button each, and the form.

    `report(change, *args)` runs a change as the signed-in lead and says how it went
    (the page's own helper); the rules (leads only, what an account may be) are lib's.
    """
    st.info(t("accounts_ui.tokens"), icon=":material/key:")
    registered = accounts(db)
    if registered:
        frame = _accounts_frame(registered, team_names(db))
        st.dataframe(frame, hide_index=True, width="stretch")
        _pause_buttons(registered, report)
    else:
        st.caption(t("accounts_ui.none"))
    _register_form(registered, report)


def _accounts_frame(registered: list[dict], people: dict[str, str]) -> pd.DataFrame:
    language = lang()
    return pd.DataFrame(
        {
            t("accounts_ui.col.key"): [a["key"] for a in registered],
            t("common.platform"): [platform_name(a["platform"]) for a in registered],
            t("accounts_ui.col.name"): [a["name"] or "" for a in registered],
            t("accounts_ui.col.platform_id"): [a["platform_id"] or "" for a in registered],
            t("accounts_ui.col.mode"): [t(f"accounts_ui.mode.{a['mode']}") for a in registered],
            t("accounts_ui.col.state"): [account_state(a, language) for a in registered],
            # Stored UTC text, shown in Québec local time ("—" for never).
            t("accounts_ui.col.last_pull"): [
                format_datetime(a["last_pull_at"], language) for a in registered
            ],
            t("accounts_ui.col.last_push"): [
                format_datetime(a["last_push_at"], language) for a in registered
            ],
            t("accounts_ui.col.registered_by"): [
                _by(a["registered_by"], people) for a in registered
            ],
        }
    )


def _pause_buttons(registered: list[dict], report: Callable) -> None:
    """One line per account: its name and state as typed (never Markdown), and a button."""
    st.caption(t("accounts_ui.pause_help"))
    language = lang()
    for account in registered:
        name, button = st.columns([4, 1], vertical_alignment="center")
        platform = platform_name(account["platform"])
        state = account_state(account, language)
        name.text(f"{account['name'] or account['key']} ({platform}) · {state}")
        paused = bool(account["paused"])
        words = "accounts_ui.resume" if paused else "accounts_ui.pause"
        if button.button(t(words), key=f"accounts_pause_{account['key']}"):
            report(set_paused, account["key"], not paused)


def _register_form(registered: list[dict], report: Callable) -> None:
    """Pick an account to change (its values fill the fields) or a new one, then save."""
    st.subheader(t("accounts_ui.register"))
    by_key = {a["key"]: a for a in registered}
    language = lang()  # read now: the options' words are formatted after the run too
    st.selectbox(
        t("accounts_ui.pick"),
        [NEW, *by_key],
        format_func=lambda k: i18n.t("accounts_ui.pick_new", language) if k == NEW else k,
        key=PICK_KEY,
        on_change=_fill,
        args=(by_key,),
    )
    st.text_input(
        t("accounts_ui.col.key"),
        max_chars=KEY_MAX_CHARS,
        key=FIELDS["key"],
        help=t("accounts_ui.key_help"),
    )
    platform = st.selectbox(
        t("common.platform"), CONNECTED_PLATFORMS, format_func=platform_name, key=FIELDS["platform"]
    )
    st.text_input(t("accounts_ui.col.name"), max_chars=NAME_MAX_CHARS, key=FIELDS["name"])
    st.text_input(
        t("accounts_ui.col.platform_id"),
        max_chars=NAME_MAX_CHARS,
        key=FIELDS["platform_id"],
        help=t(
            "accounts_ui.platform_id_help",
            platform=platform_name(platform),
            field=ID_FIELDS[platform],
        ),
    )
    st.radio(
        t("accounts_ui.col.mode"),
        MODES,
        format_func=lambda m: i18n.t(f"accounts_ui.mode.{m}", language),
        key=FIELDS["mode"],
        horizontal=True,
        help=t("accounts_ui.mode_help"),
    )
    if st.button(t("accounts_ui.submit"), type="primary", key="accounts_submit"):
        state = st.session_state
        values = {name: (state.get(widget) or "").strip() for name, widget in FIELDS.items()}
        report(
            add_account,
            values["key"],
            values["platform"],
            values["name"],
            values["platform_id"],
            values["mode"],
        )


def _fill(by_key: dict[str, dict]) -> None:
    """The picker's callback: the chosen account's values in the fields, or empty ones."""
    chosen = by_key.get(st.session_state[PICK_KEY])
    for name, widget in FIELDS.items():
        if chosen is not None:
            st.session_state[widget] = chosen[name] or ""
        elif name in ("platform", "mode"):
            st.session_state.pop(widget, None)
        else:
            st.session_state[widget] = ""


def _by(registered_by: str | None, people: dict[str, str]) -> str:
    """The lead who registered the account, or the configuration (the sync process)."""
    if registered_by == "config":
        return t("accounts_ui.by_config")
    return people.get(registered_by, registered_by or "—")
