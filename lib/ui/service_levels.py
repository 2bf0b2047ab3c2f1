"""Paramètres › Niveaux de service: the lead's levels in order, each edited in one form.

A level is a condition on the comment (flags, platforms, accounts), a target and a clock;
the first level a comment meets at arrival sets its target (lib.service_levels). The
table shows the order, the default level last; a form adds or changes one level, and
buttons move it up or remove it. Every change goes through `save_settings`, which checks
it, records it and recomputes the open comments' levels and due times.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib import i18n
from lib.db import PLATFORMS
from lib.i18n import format_amount, label
from lib.service_levels import CLOCKS, EMERGENCY_LEVEL, level_names, levels
from lib.taxonomy import FLAGS
from lib.ui.fields import number_field, numbers_or_say_why
from lib.ui.session import lang, t

NEW = ""  # the level picker's choice for a new level
PICK_KEY = "levels_pick"


def levels_tab(settings, save) -> None:
    """The levels table, the ready urgent level, and the form for one level.

    `save(service_levels=...)` stores the whole list (pages/settings.py's `save`).
    """
    st.caption(t("levels.help"))
    st.dataframe(_table(settings), hide_index=True)
    stored = list(settings.service_levels)
    codes = [level["code"] for level in stored]
    language = lang()  # this run's: AppTest calls format_func after the run
    names = level_names(settings, language)
    if EMERGENCY_LEVEL["code"] not in codes and st.button(t("levels.add_urgent")):
        save(service_levels=[EMERGENCY_LEVEL, *stored])
    picked = st.selectbox(
        t("levels.pick"),
        [NEW, *codes],
        format_func=lambda code: i18n.t("levels.new", language) if code == NEW else names[code],
        key=PICK_KEY,
    )
    current = next((level for level in stored if level["code"] == picked), None)
    _form(stored, current, save)
    if current is not None:
        left, right = st.columns(2)
        at = codes.index(picked)
        if at > 0 and left.button(t("levels.move_up"), key="levels_up"):
            stored[at - 1], stored[at] = stored[at], stored[at - 1]
            save(service_levels=stored)
        if right.button(t("levels.remove"), key="levels_remove"):
            st.session_state.pop(PICK_KEY, None)
            save(service_levels=[level for level in stored if level["code"] != picked])


def _form(stored: list[dict], current: dict | None, save) -> None:
    level = current or {}
    language = lang()  # this run's: AppTest calls format_func after the run
    # Keyed by the level picked, so that picking another draws its values.
    suffix = level.get("code", NEW)
    with st.form(f"levels_form_{suffix}"):
        code = st.text_input(t("levels.code"), level.get("code", ""), max_chars=40)
        left, right = st.columns(2)
        name_fr = left.text_input(t("levels.name_fr"), level.get("name", {}).get("fr", ""))
        name_en = right.text_input(t("levels.name_en"), level.get("name", {}).get("en", ""))
        flags = st.multiselect(
            t("levels.flags"),
            FLAGS,
            default=level.get("flags", []),
            format_func=lambda code: label("flag", code, language),
            placeholder=t("levels.any"),
        )
        platforms = st.multiselect(
            t("levels.platforms"),
            PLATFORMS,
            default=level.get("platforms", []),
            format_func=lambda code: label("platform", code, language),
            placeholder=t("levels.any"),
        )
        accounts = st.text_input(
            t("levels.accounts"),
            ", ".join(level.get("accounts", [])),
            help=t("levels.accounts_help"),
        )
        target = number_field(
            st, t("levels.target"), level.get("target_hours", 4.0), f"levels.target.{suffix}"
        )
        clock = st.radio(
            t("levels.clock"),
            CLOCKS,
            index=CLOCKS.index(level.get("clock", "business")),
            format_func=lambda c: i18n.t(f"levels.clock.{c}", language),
            horizontal=True,
        )
        alerting = st.checkbox(t("levels.alerting"), level.get("alerting", False))
        if st.form_submit_button(t("levels.save"), type="primary"):
            read = numbers_or_say_why({"target_hours": target})
            if read is None:
                return
            edited = {
                "code": code,
                "name": {"fr": name_fr, "en": name_en},
                "flags": flags,
                "platforms": platforms,
                "accounts": [a for a in (p.strip() for p in accounts.split(",")) if a],
                "target_hours": read["target_hours"],
                "clock": clock,
                "alerting": alerting,
            }
            if current is None:
                save(service_levels=[*stored, edited])
            else:
                save(service_levels=[edited if lv is current else lv for lv in stored])


def _table(settings) -> pd.DataFrame:
    language = lang()
    rows = []
    for position, level in enumerate(levels(settings), start=1):
        conditions = [label("flag", f, language) for f in level.flags]
        conditions += [label("platform", p, language) for p in level.platforms]
        conditions += list(level.accounts)
        rows.append(
            {
                t("levels.order"): position,
                t("levels.name"): level.name(language),
                t("levels.when"): ", ".join(conditions) or t("levels.everything_else"),
                t("levels.target"): format_amount(level.target_hours, language) + "\u00a0h",
                t("levels.clock"): t(
                    "levels.clock." + ("continuous" if level.around_the_clock else "business")
                ),
                t("levels.alerting"): t("tables.yes") if level.alerting else "",
            }
        )
    return pd.DataFrame(rows)
