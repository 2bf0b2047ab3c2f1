"""Sign-in widgets: the identity provider (st.login) when configured, else local accounts.

The signed-in person's username lives in `st.session_state["username"]`
(`SIGNED_IN_KEY`). Only this module writes it, after a password check or from
`st.user`; no widget may use that key (a test checks), so a browser cannot
set it: Streamlit's session state is server-side and a client only changes
the keys of widgets. AppTest tests sign in by setting it before `run()`.

Next to it the session keeps the person's stamp (lib.auth.sessions) from the moment
they signed in: at each run a changed password, role or organisation account ends
the session. A session signed in by code (a test) takes the stamp of its first run.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping

import streamlit as st
from sqlite_utils import Database

from lib import auth, i18n
from lib.ui.empty import no_team, no_team_sidebar
from lib.ui.session import USER_KEY, database, lang, plain, t
from lib.ui.warm import load_chart_library

SIGNED_IN_KEY = USER_KEY
STAMP_KEY = "signin_stamp"
_FORM_USER_KEY = "signin_username"
_FORM_PASSWORD_KEY = "signin_password"
_REFUSAL_KEY = "signin_refusal"  # the last refusal's words, by language
_ENDED_KEY = "signin_session_ended"
_CLIENT_KEY = "signin_client"
_RECORDED_KEY = "signin_identity_recorded"  # an account's refusal is recorded once a session
# What marks an [auth.NAME] section as an identity provider (Streamlit's own test).
_PROVIDER_KEYS = {"client_id", "client_secret", "server_metadata_url"}


def oidc_configured() -> bool:
    """Whether `.streamlit/secrets.toml` (or AppTest's secrets) has an [auth] section."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all: StreamlitSecretNotFoundError
        return False


def _auth_section() -> dict:
    return st.secrets["auth"].to_dict()


def _oidc_provider() -> str | None:
    """The named provider ([auth.microsoft]) when there is exactly one, else the default."""
    named = [
        key
        for key, value in _auth_section().items()
        if isinstance(value, Mapping) and _PROVIDER_KEYS & set(value)
    ]
    return named[0] if len(named) == 1 else None


def client_key() -> str:
    """Who is trying, for the back-off per client: the connection's address; behind a proxy
    on this host (the peer is local), the address it appended to X-Forwarded-For; else this
    browser session."""
    address = st.context.ip_address
    if isinstance(address, str) and address:
        return address
    forwarded = st.context.headers.get("X-Forwarded-For")
    proxied = forwarded.split(",")[-1].strip() if isinstance(forwarded, str) else ""
    if proxied:
        return proxied
    return st.session_state.setdefault(_CLIENT_KEY, "session " + secrets.token_hex(4))


def signed_in_user(db: Database) -> dict | None:
    """The team member signed in to this browser session, checked against the database."""
    person = _oidc_person(db) if oidc_configured() else _local_person(db)
    if person is None:
        st.session_state.pop(SIGNED_IN_KEY, None)
        st.session_state.pop(STAMP_KEY, None)
    else:
        st.session_state[SIGNED_IN_KEY] = person["username"]
    return person


def _local_person(db: Database) -> dict | None:
    username = st.session_state.get(SIGNED_IN_KEY)
    return _still_valid(db, username) if username else None


def _still_valid(db: Database, username: str) -> dict | None:
    """The person, unless what let them in changed since this session began."""
    stamp = auth.session_stamp(db, username)
    if stamp is None or st.session_state.setdefault(STAMP_KEY, stamp) != stamp:
        st.session_state[_ENDED_KEY] = True
        return None
    return auth.user(db, username)


def _oidc_person(db: Database) -> dict | None:
    claims = st.user.to_dict()
    if not claims.get("is_logged_in"):
        return None
    policy = auth.IdentityPolicy.from_secrets(_auth_section(), claims.get("provider"))
    try:
        person = auth.user_for_identity(db, claims, policy)
    except auth.IdentityRefused as refusal:
        _refused(db, claims, refusal)
        return None
    if _still_valid(db, person["username"]) is None:
        st.logout()  # the provider's sign-in cookie would let them straight back in
        return None
    return person


def _refused(db: Database, claims: dict, refusal: auth.IdentityRefused) -> None:
    """Show why this account may not sign in, and record it once for this session."""
    # The account's name comes from outside: shown as typed, never as a link or an image.
    shown = auth.IdentityRefused(refusal.code, plain(refusal.values["who"]))
    st.session_state[_REFUSAL_KEY] = _words(shown)
    seen = [refusal.code, *auth.identity_of(claims)]
    if st.session_state.get(_RECORDED_KEY) != seen:
        auth.record_failure(db, refusal.values["who"], client_key(), refusal.code)
        st.session_state[_RECORDED_KEY] = seen


def _words(refusal: i18n.Worded) -> dict[str, str]:
    return {language: refusal.describe(language) for language in i18n.LANGUAGES}


def _sign_out() -> None:
    st.session_state.pop(SIGNED_IN_KEY, None)
    st.session_state.pop(STAMP_KEY, None)


def _local_sign_in() -> None:
    """Check the password (with the back-off); on success the next run finds the person
    signed in. A callback runs at the start of the next run: it reads that run's connection.
    """
    username = st.session_state.get(_FORM_USER_KEY) or ""
    password = st.session_state.get(_FORM_PASSWORD_KEY) or ""
    db = database()
    try:
        person = auth.sign_in(db, username, password, client_key())
    except auth.SignInRefused as refusal:
        st.session_state[_REFUSAL_KEY] = _words(refusal)
        return
    st.session_state.pop(_REFUSAL_KEY, None)
    st.session_state[SIGNED_IN_KEY] = person["username"]
    st.session_state[STAMP_KEY] = auth.session_stamp(db, person["username"])


def sign_in_widgets(db: Database) -> dict | None:
    """The sidebar's sign-in or signed-in block; returns the person signed in, or None."""
    person = signed_in_user(db)
    if person is not None:
        role = t("sidebar.role." + person["role"])
        st.caption(t("auth.signed_in_as", name=plain(person["display_name"]), role=role))
        if oidc_configured():
            st.button(t("auth.sign_out"), on_click=st.logout, key="signout")
        else:
            st.button(t("auth.sign_out"), on_click=_sign_out, key="signout")
        return person
    if st.session_state.pop(_ENDED_KEY, False):
        st.warning(t("auth.session_ended"))
    if not auth.has_team(db):
        # Nobody to sign in as, with a password or an organisation account alike.
        no_team_sidebar()
        if oidc_configured() and st.user.to_dict().get("is_logged_in"):
            st.button(t("auth.sign_out"), on_click=st.logout, key="signout")
    elif oidc_configured():
        _oidc_sign_in()
    else:
        _local_form(db)
    return None


def _oidc_sign_in() -> None:
    if st.user.to_dict().get("is_logged_in"):
        refusal = st.session_state.get(_REFUSAL_KEY) or {}
        st.error(refusal.get(lang()) or t("auth.sign_in_oidc"))
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
    """A typed username and a password: nobody signed out is shown who is on the team."""
    with st.form("signin", clear_on_submit=True):
        st.text_input(
            t("auth.username"),
            key=_FORM_USER_KEY,
            max_chars=auth.throttle.KEPT_CHARACTERS,
            autocomplete="username",
        )
        st.text_input(
            t("auth.password"),
            type="password",
            key=_FORM_PASSWORD_KEY,
            autocomplete="current-password",
        )
        st.form_submit_button(t("auth.sign_in"), on_click=_local_sign_in, type="primary")
    if refusal := st.session_state.get(_REFUSAL_KEY):
        st.error(refusal[lang()])
    _demo_hint(db)
    if not auth.has_local_passwords(db):
        st.info(t("auth.no_passwords"))


def _demo_hint(db: Database) -> None:
    """On the demo database only: the accounts that still have the demo's public password."""
    demo = auth.demo_accounts(db)
    if not demo:
        return
    names = {
        role: ", ".join(plain(a["username"]) for a in demo if a["role"] == role) or "—"
        for role in (auth.LEAD, auth.MODERATOR)
    }
    st.caption(
        t(
            "auth.demo_hint",
            leads=names[auth.LEAD],
            moderators=names[auth.MODERATOR],
            password=auth.DEMO_PASSWORD,
        )
    )


def sign_in_prompt() -> None:
    """What a page shows in place of its content until someone signs in; with no team
    yet, how to create it."""
    if not auth.has_team(database()):
        no_team(oidc_configured())
        return
    key = "auth.prompt_oidc" if oidc_configured() else "auth.prompt_local"
    st.info(t(key), icon=":material/lock:")
    load_chart_library()
