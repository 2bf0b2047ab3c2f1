"""Sign-in widgets: the identity provider (st.login) when configured, else local accounts.

The signed-in person's username lives in `st.session_state["username"]`
(`SIGNED_IN_KEY`). Only this module writes it, after a password check or from
`st.user`; no widget may use that key (a test checks), so a browser cannot
set it: Streamlit's session state is server-side and a client only changes
the keys of widgets. AppTest tests sign in by setting it before `run()`.
"""

from __future__ import annotations

import streamlit as st
from sqlite_utils import Database

from lib import auth
from lib.ui.session import USER_KEY, database, t

SIGNED_IN_KEY = USER_KEY
_FORM_USER_KEY = "signin_username"
_FORM_PASSWORD_KEY = "signin_password"
_FAILED_KEY = "signin_failed"


def oidc_configured() -> bool:
    """Whether `.streamlit/secrets.toml` (or AppTest's secrets) has an [auth] section."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all: StreamlitSecretNotFoundError
        return False


def _oidc_provider() -> str | None:
    """The named provider ([auth.microsoft]) when there is exactly one, else the default."""
    named = [key for key, value in st.secrets["auth"].items() if hasattr(value, "keys")]
    return named[0] if len(named) == 1 else None


def signed_in_user(db: Database) -> dict | None:
    """The team member signed in to this browser session, checked against the database."""
    if oidc_configured():
        claims = st.user.to_dict()
        person = auth.user_for_identity(db, claims) if claims.get("is_logged_in") else None
    else:
        person = auth.user(db, st.session_state.get(SIGNED_IN_KEY))
    if person is None:
        st.session_state.pop(SIGNED_IN_KEY, None)
    else:
        st.session_state[SIGNED_IN_KEY] = person["username"]
    return person


def _sign_out() -> None:
    st.session_state.pop(SIGNED_IN_KEY, None)


def _local_sign_in() -> None:
    """Check the password; on success the next run finds the person signed in.

    A callback runs at the start of the next run: it reads that run's connection.
    """
    username = st.session_state.get(_FORM_USER_KEY) or ""
    password = st.session_state.get(_FORM_PASSWORD_KEY) or ""
    person = auth.authenticate(database(), username, password)
    st.session_state[_FAILED_KEY] = person is None
    if person is not None:
        st.session_state[SIGNED_IN_KEY] = person["username"]


def sign_in_widgets(db: Database) -> dict | None:
    """The sidebar's sign-in or signed-in block; returns the person signed in, or None."""
    person = signed_in_user(db)
    if person is not None:
        role = t("sidebar.role." + person["role"])
        st.caption(t("auth.signed_in_as", name=person["display_name"], role=role))
        if oidc_configured():
            st.button(t("auth.sign_out"), on_click=st.logout, key="signout")
        else:
            st.button(t("auth.sign_out"), on_click=_sign_out, key="signout")
        return person
    if oidc_configured():
        _oidc_sign_in(db)
    else:
        _local_form(db)
    return None


def _oidc_sign_in(db: Database) -> None:
    claims = st.user.to_dict()
    if claims.get("is_logged_in"):
        who = claims.get("email") or claims.get("preferred_username") or "?"
        st.error(t("auth.not_on_team", who=who))
        st.button(t("auth.sign_out"), on_click=st.logout, key="signout")
        return
    provider = _oidc_provider()
    st.button(
        t("auth.sign_in_oidc"),
        on_click=st.login,
        args=(provider,) if provider else (),
        key="signin_oidc",
        type="primary",
    )


def _local_form(db: Database) -> None:
    people = {p["username"]: p for p in auth.team(db)}
    if not people:
        st.warning(t("sidebar.no_users"))
        return
    with st.form("signin", clear_on_submit=True):
        st.selectbox(
            t("sidebar.user"),
            options=list(people),
            index=None,
            placeholder=t("auth.choose_name"),
            format_func=lambda u: (
                f"{people[u]['display_name']} · {t('sidebar.role.' + people[u]['role'])}"
            ),
            key=_FORM_USER_KEY,
        )
        st.text_input(t("auth.password"), type="password", key=_FORM_PASSWORD_KEY)
        st.form_submit_button(t("auth.sign_in"), on_click=_local_sign_in, type="primary")
    if st.session_state.get(_FAILED_KEY):
        st.error(t("auth.failed"))
    if not auth.has_local_passwords(db):
        st.info(t("auth.no_passwords"))


def sign_in_prompt() -> None:
    """What a page shows in place of its content until someone signs in."""
    key = "auth.prompt_oidc" if oidc_configured() else "auth.prompt_local"
    st.info(t(key), icon=":material/lock:")
