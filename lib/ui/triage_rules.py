"""Paramètres › Règles de tri: the lead's triage rules in order, each edited in one form.

A rule is conditions on an arriving comment and what to do with it (lib.triage_rules). The
table says each rule in words, in order; a form adds or changes one rule, and a dry run on
the last 30 days shows what it would have matched, and how much of it the team removed,
before it is saved: a rule whose conditions were not simulated is simulated at the first
« Enregistrer », saved at the second. Buttons move a rule, switch it off and on, delete
it. Every change goes through `save_settings`, which checks and records it.
"""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st
from sqlite_utils import Database

from lib.auth import team_names
from lib.db import PLATFORMS
from lib.i18n import format_datetime, format_number, label
from lib.settings.triage_rules import (
    AUTO_HIDE_REASONS,
    CONDITIONS,
    LIST_CONDITIONS,
    WORD_MAX_CHARS,
    new_code,
    normalised,
)
from lib.taxonomy import FLAGS, LABEL_MAX_CHARS, REASONS, REDIRECTS
from lib.triage_rules import DRY_RUN_DAYS, DryRun, dry_run
from lib.ui.queue.filters import open_options
from lib.ui.session import lang, present, t

NEW = ""  # the rule picker's choice for a new rule
PICK_KEY = "rules_pick"
# The conditions last simulated, as JSON: a save with these is a save the lead has seen.
SIMULATED_KEY = "rules_simulated"


def rules_tab(db: Database, settings, save) -> None:
    """The rules table, the form for one rule, and the buttons on the rule picked.

    `save(triage_rules=...)` stores the whole list (pages/settings.py's `save`).
    """
    st.caption(t("rules.help"))
    stored = list(settings.triage_rules)
    names = team_names(db)
    if stored:
        st.dataframe(_table(stored, settings, names), hide_index=True)
    else:
        st.info(t("rules.none"))
    by_code = {rule["code"]: rule for rule in stored}
    picked = st.selectbox(
        t("rules.pick"),
        [NEW, *by_code],
        format_func=lambda code: t("rules.new") if code == NEW else by_code[code]["name"],
        key=PICK_KEY,
    )
    current = by_code.get(picked)
    _form(db, stored, current, settings, save)
    if current is not None:
        _buttons(stored, current, save)


def _form(db: Database, stored: list[dict], current: dict | None, settings, save) -> None:
    rule = current or {}
    suffix = rule.get("code", NEW)  # keyed by the rule picked: picking another draws its values
    language = lang()
    with st.form(f"rules_form_{suffix}"):
        name = st.text_input(t("rules.name"), rule.get("name", ""), max_chars=LABEL_MAX_CHARS)
        active = st.checkbox(t("rules.active"), rule.get("active", True))
        st.markdown(f"**{t('rules.conditions')}**")
        words = st.text_area(
            t("rules.words"), "\n".join(rule.get("words", [])), help=t("rules.words_help")
        )
        flags = _choose("flags", FLAGS, rule, lambda c: label("flag", c, language))
        platforms = _choose("platforms", PLATFORMS, rule, lambda c: label("platform", c, language))
        accounts = st.text_input(
            t("rules.accounts"), ", ".join(rule.get("accounts", [])), help=t("rules.accounts_help")
        )
        seen = open_options()["language"]
        languages = _choose(
            "languages", sorted({"fr", "en", *seen, *rule.get("languages", [])}), rule
        )
        link = st.checkbox(t("rules.link"), rule.get("link", False))
        excluded = st.checkbox(t("rules.excluded_author"), rule.get("excluded_author", False))
        st.markdown(f"**{t('rules.effects')}**")
        members = team_names(db, active_only=True)
        assign = _pick("assign", ["", *members], rule, members.get, "rules.nobody")
        priority = st.checkbox(t("rules.priority"), rule.get("priority", False))
        tag = st.text_input(t("rules.label"), rule.get("label", ""), max_chars=LABEL_MAX_CHARS)
        reasons = [r for r in REASONS if r not in settings.retired_reasons]

        def reason_words(code: str) -> str:
            return label("reason", code, language, settings.reason_labels)

        reason = _pick("suggest_reason", ["", *reasons], rule, reason_words, "rules.none_chosen")
        redirect = _pick(
            "suggest_redirect",
            ["", *REDIRECTS],
            rule,
            lambda c: label("template", c, language),
            "rules.none_chosen",
        )
        hide = _pick("hide_reason", ["", *AUTO_HIDE_REASONS], rule, reason_words, "rules.no_hide")
        confirmed = st.checkbox(t("rules.hide_confirmed"), rule.get("hide_confirmed", False))
        simulate = st.form_submit_button(t("rules.simulate"))
        submitted = st.form_submit_button(t("rules.save"), type="primary")
    if not (simulate or submitted):
        return
    edited = normalised(
        {
            "code": rule.get("code") or new_code(name, [r["code"] for r in stored]),
            "name": name,
            "active": active,
            "words": words,  # one per line, as typed
            "flags": flags,
            "platforms": platforms,
            "accounts": accounts.split(","),
            "languages": languages,
            "link": link,
            "excluded_author": excluded,
            "assign": assign,
            "priority": priority,
            "label": tag,
            "suggest_reason": reason,
            "suggest_redirect": redirect,
            "hide_reason": hide,
            "hide_confirmed": confirmed,
        }
    )
    conditions = _conditions_key(edited)
    if simulate or st.session_state.get(SIMULATED_KEY) != conditions:
        if any(len(w) > WORD_MAX_CHARS for w in edited["words"]):
            submitted = True  # too long to read: the save's refusal says why
        else:
            _show_dry_run(dry_run(db, edited, present()))
            st.session_state[SIMULATED_KEY] = conditions
            if submitted:
                st.info(t("rules.simulate_first"))
            return
    if current is None:
        save(triage_rules=[*stored, edited])
    else:
        save(triage_rules=[edited if r is current else r for r in stored])


def _choose(kind: str, options, rule: dict, words=None) -> list[str]:
    return st.multiselect(
        t(f"rules.{kind}"),
        options,
        default=[v for v in rule.get(kind, []) if v in options],
        format_func=words or str,
        placeholder=t("rules.any"),
    )


def _pick(kind: str, options: list[str], rule: dict, words, empty: str) -> str:
    chosen = rule.get(kind, "")
    return st.selectbox(
        t(f"rules.{kind}"),
        options,
        index=options.index(chosen) if chosen in options else 0,
        format_func=lambda code: t(empty) if code == "" else words(code),
    )


def _conditions_key(rule: dict) -> str:
    return json.dumps({kind: rule[kind] for kind in CONDITIONS}, sort_keys=True)


def _show_dry_run(found: DryRun) -> None:
    language = lang()
    st.write(
        t(
            "rules.dry_run",
            days=DRY_RUN_DAYS,
            matched=format_number(found.matched, language),
            removed=format_number(found.removed, language),
        )
    )
    if found.examples.empty:
        return
    examples = found.examples
    st.caption(t("rules.examples"))
    # Texts from outside, their personal information masked: a table, never Markdown.
    st.dataframe(
        pd.DataFrame(
            {
                t("common.received_at"): [
                    format_datetime(at, language) for at in examples["received_at"]
                ],
                t("common.platform"): [
                    label("platform", p, language) for p in examples["platform"]
                ],
                t("common.text"): examples["text"],
                t("rules.removed"): [t("tables.yes") if r else "" for r in examples["removed"]],
            }
        ),
        hide_index=True,
    )


def _buttons(stored: list[dict], current: dict, save) -> None:
    at = stored.index(current)
    up, down, switch, remove = st.columns(4)
    if at > 0 and up.button(t("rules.move_up"), key="rules_up"):
        stored[at - 1], stored[at] = stored[at], stored[at - 1]
        save(triage_rules=stored)
    if at + 1 < len(stored) and down.button(t("rules.move_down"), key="rules_down"):
        stored[at], stored[at + 1] = stored[at + 1], stored[at]
        save(triage_rules=stored)
    active = current.get("active", True)
    if switch.button(t("rules.deactivate" if active else "rules.activate"), key="rules_switch"):
        save(triage_rules=[{**r, "active": not active} if r is current else r for r in stored])
    if remove.button(t("rules.remove"), key="rules_remove"):
        st.session_state.pop(PICK_KEY, None)
        save(triage_rules=[r for r in stored if r is not current])


def _table(stored: list[dict], settings, names: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("rules.order"): list(range(1, len(stored) + 1)),
            t("rules.rule"): [rule["name"] for rule in stored],
            t("rules.active"): [t("tables.yes") if r.get("active", True) else "" for r in stored],
            t("rules.when"): [_when(rule) for rule in stored],
            t("rules.then"): [_then(rule, settings, names) for rule in stored],
        }
    )


def _when(rule: dict) -> str:
    """A rule's conditions in words: « le texte contient « promo » · sur Facebook »."""
    language, either = lang(), t("rules.or")
    words = {
        "words": lambda w: t("rules.quoted", word=w),
        "flags": lambda c: label("flag", c, language),
        "platforms": lambda c: label("platform", c, language),
        "accounts": str,
        "languages": str,
    }
    parts = []
    for kind in LIST_CONDITIONS:
        if rule.get(kind):
            values = either.join(words[kind](v) for v in rule[kind])
            parts.append(t(f"rules.when.{kind}", values=values))
    parts += [t(f"rules.when.{kind}") for kind in ("link", "excluded_author") if rule.get(kind)]
    return " · ".join(parts)


def _then(rule: dict, settings, names: dict[str, str]) -> str:
    """What a rule does, in words: « assigner à Ana · étiquette « PAF » »."""
    language = lang()

    def reason(code: str) -> str:
        return label("reason", code, language, settings.reason_labels)

    parts = []
    if rule.get("assign"):
        parts.append(t("rules.do.assign", name=names.get(rule["assign"], rule["assign"])))
    if rule.get("priority"):
        parts.append(t("rules.do.priority"))
    if rule.get("label"):
        parts.append(t("rules.do.label", label=rule["label"]))
    if rule.get("suggest_reason"):
        parts.append(t("rules.do.suggest_reason", reason=reason(rule["suggest_reason"])))
    if rule.get("suggest_redirect"):
        redirect = label("template", rule["suggest_redirect"], language)
        parts.append(t("rules.do.suggest_redirect", redirect=redirect))
    if rule.get("hide_reason"):
        parts.append(t("rules.do.hide", reason=reason(rule["hide_reason"])))
    return " · ".join(parts)
