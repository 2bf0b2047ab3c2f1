"""Registres › Demandes d'accès: everything Vigie holds about one author, as a ZIP."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from sqlite_utils import Database

from lib import i18n
from lib.auth import PermissionDenied
from lib.records import access
from lib.taxonomy import HANDLE_MAX_CHARS
from lib.ui.cached import signature
from lib.ui.session import lang, plain, present, t

SHOWN = 50
# The export prepared in this session: the identities it covers, its bytes and name.
PREPARED_KEY = "access_prepared"
FOUND_KEY = "access_found"


def access_tab(db: Database, me: dict) -> None:
    """Search an author across platforms and handles, and export what Vigie holds."""
    st.caption(t("access.intro"))
    query = st.text_input(
        t("access.search"),
        help=t("access.search_help"),
        max_chars=HANDLE_MAX_CHARS,
        key="access_query",
    )
    if not query.strip():
        return
    found = _found(db, query)
    if found.empty:
        st.info(t("access.none", query=plain(query)), icon=":material/person_search:")
        return
    _matches(found)
    chosen = _choose(found)
    if st.button(
        t("access.prepare"),
        disabled=not chosen,
        type="primary",
        icon=":material/folder_zip:",
        key="access_prepare",
    ):
        _prepare(db, me["username"], chosen)
    _download(chosen)


def _found(db: Database, query: str) -> pd.DataFrame:
    """`find_authors`, read again only when the query or the data change: ticking an
    identity or preparing the export reruns the page, not the search."""
    key = (query, signature())
    held = st.session_state.get(FOUND_KEY)
    if held is None or held[0] != key:
        held = st.session_state[FOUND_KEY] = (key, access.find_authors(db, query, limit=SHOWN))
    return held[1]


def _matches(found: pd.DataFrame) -> None:
    """The identities the query matches, as a table the lead reads before ticking."""
    language = lang()
    st.dataframe(
        pd.DataFrame(
            {
                t("access.column.platform"): [
                    i18n.label("platform", p, language) for p in found["platform"]
                ],
                t("access.column.handle"): found["author_handle"],
                t("access.column.name"): found["author_name"].fillna(""),
                t("access.column.comments"): found["comments"],
                t("access.column.first"): found["first_received"],
                t("access.column.last"): found["last_received"],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    if len(found) >= SHOWN:
        st.caption(t("access.more", limit=SHOWN))


def _choose(found: pd.DataFrame) -> list[str]:
    """The identities the lead ticks, as "platform:handle" (an identity once, whatever its
    names)."""
    language = lang()
    keys = found["platform"] + ":" + found["author_handle"]
    names = found["author_name"].fillna("").groupby(keys, sort=False).agg(", ".join)
    counts = found.groupby(keys, sort=False)["comments"].sum()

    def worded(key: str) -> str:
        # This run's language: AppTest calls format_func after the run.
        platform, handle = key.split(":", 1)
        return i18n.t(
            "access.option",
            language,
            platform=i18n.label("platform", platform, language),
            handle=handle,
            name=names[key],
            comments=int(counts[key]),
        )

    return st.multiselect(
        t("access.choose"),
        list(names.index),
        format_func=worded,
        help=t("access.choose_help"),
        key="access_identities",
    )


def _identities(chosen: list[str]) -> list[tuple[str, str]]:
    return access.identities_of(tuple(key.split(":", 1)) for key in chosen)


def _prepare(db: Database, actor: str, chosen: list[str]) -> None:
    """Build the ZIP now, which records it in the export audit, and keep it for the download."""
    identities = _identities(chosen)
    now = present()
    try:
        data = access.access_export(db, actor, identities, now=now)
    except PermissionDenied as refusal:
        st.error(refusal.describe(lang()), icon=":material/block:")
        return
    st.session_state[PREPARED_KEY] = {
        "identities": identities,
        "data": data,
        "name": access.access_filename(identities, now),
    }


def _download(chosen: list[str]) -> None:
    """The prepared ZIP, offered while the ticked identities are the ones it covers."""
    prepared = st.session_state.get(PREPARED_KEY)
    if prepared is None:
        return
    if prepared["identities"] != _identities(chosen):
        # Personal information stays in the session no longer than it is offered.
        del st.session_state[PREPARED_KEY]
        return
    st.success(t("access.prepared"), icon=":material/check_circle:")
    st.warning(t("access.personal_warning"), icon=":material/warning:")
    st.download_button(
        t("access.download", name=plain(prepared["name"])),
        data=prepared["data"],
        file_name=prepared["name"],
        mime="application/zip",
        on_click="ignore",
        icon=":material/download:",
        key="access_download",
    )
