"""Paramètres' Politique tab (the organisation, its netiquette, the approval rule, what the
organisation publishes, starting again from a preset), and the netiquette moderators read
beside the removal reasons."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import asdict

import streamlit as st

from lib import i18n
from lib.presets import PRESET_NAMES, preset, preset_settings
from lib.settings import NETIQUETTE_MAX_CHARS, Settings, save_settings
from lib.taxonomy import ENGLISH_REPLIES, LABEL_MAX_CHARS
from lib.ui.session import lang, plain, t


def policy_tab(settings: Settings, report: Callable) -> None:
    """The organisation's own words and rule, then a preset to start again from.

    `report(change, *args, **kwargs)` runs a change as the signed-in lead and says how
    it went (the page's own helper).
    """
    # The boxes are drawn anew whenever the stored settings change (a preset applied),
    # so that they show what is stored rather than what was typed before.
    stamp = hashlib.sha256(repr(asdict(settings)).encode()).hexdigest()[:12]
    _own_words(settings, report, stamp)
    _publishing(settings, report, stamp)
    _start_again(settings, report, stamp)


def _own_words(settings: Settings, report: Callable, stamp: str) -> None:
    with st.form("settings_policy"):
        organisation = st.text_input(
            t("presets.organisation"),
            settings.organisation,
            max_chars=LABEL_MAX_CHARS,
            key=f"policy_organisation.{stamp}",
        )
        st.caption(t("presets.netiquette_help"))
        texts = {
            language: st.text_area(
                t(f"presets.netiquette_{language}"),
                settings.netiquette.get(language, ""),
                max_chars=NETIQUETTE_MAX_CHARS,
                height=200,
                key=f"policy_netiquette_{language}.{stamp}",
            )
            for language in ("fr", "en")
        }
        approval = st.checkbox(
            t("presets.negative_needs_approval"),
            settings.negative_needs_approval,
            help=t("presets.negative_needs_approval_help"),
            key=f"policy_approval.{stamp}",
        )
        if st.form_submit_button(t("settings.save"), type="primary"):
            report(
                save_settings,
                organisation=organisation,
                netiquette={k: v.strip() for k, v in texts.items() if v.strip()},
                negative_needs_approval=approval,
            )


def _publishing(settings: Settings, report: Callable, stamp: str) -> None:
    """What the checks before publishing hold a reply to: the language of an answer to an
    English comment, who approves a lead's own reply, the sites a reply may link to."""
    language = lang()  # read now: the options' words are formatted after the run too
    st.subheader(t("settings.publishing"))
    with st.form("settings_publishing"):
        english = st.radio(
            t("settings.english_replies"),
            ENGLISH_REPLIES,
            index=ENGLISH_REPLIES.index(settings.english_replies),
            format_func=lambda v: i18n.t(f"settings.english_replies.{v}", language),
            help=t("settings.english_replies_help"),
            key=f"policy_english_replies.{stamp}",
        )
        self_approval = st.checkbox(
            t("settings.lead_self_approval"),
            settings.lead_self_approval,
            help=t("settings.lead_self_approval_help"),
            key=f"policy_self_approval.{stamp}",
        )
        if not settings.negative_needs_approval:
            st.caption(t("settings.lead_self_approval_unused"))
        # A refusal reruns nothing, so the text typed stays in its box to be corrected.
        domains = st.text_area(
            t("settings.allowed_domains"),
            "\n".join(settings.allowed_domains),
            help=t("settings.allowed_domains_help"),
            key=f"policy_domains.{stamp}",
        )
        if st.form_submit_button(t("settings.save"), type="primary"):
            report(
                save_settings,
                english_replies=english,
                lead_self_approval=self_approval,
                allowed_domains=domains,
            )


def _start_again(settings: Settings, report: Callable, stamp: str) -> None:
    language = lang()  # read now: the options' words are formatted after the run too
    st.subheader(t("presets.start_again"))
    st.caption(t("presets.start_again_help"))
    st.caption(t("presets.current", name=t(f"presets.name.{settings.policy}")))
    name = st.selectbox(
        t("presets.choose"),
        PRESET_NAMES,
        index=PRESET_NAMES.index(settings.policy),
        format_func=lambda n: i18n.t(f"presets.name.{n}", language),
        key="policy_preset",
    )
    _rules(name)
    confirmed = st.checkbox(t("presets.confirm"), key=f"policy_preset_confirm.{stamp}")
    if st.button(t("presets.apply"), disabled=not confirmed, key="policy_preset_apply"):
        report(save_settings, **preset_settings(name))


def _rules(name: str) -> None:
    """What the preset sets, each with the policy's sentences behind it (or why not)."""
    with st.expander(t("presets.rules")):
        st.caption(t("presets.quotes_note"))
        for rule in preset(name).rules:
            names = ", ".join(t(f"presets.setting.{key}") for key in rule.values)
            st.markdown(f"**{names}**")
            for quote in rule.quotes:
                st.markdown("> " + plain(" ".join(quote.split())))
            if not rule.quotes:
                st.caption(t("presets.silent"))


def netiquette(settings: Settings) -> None:
    """The organisation's netiquette in the reader's language (French when it has no other),
    folded, for a moderator choosing removal reasons; nothing when there is none."""
    text = settings.netiquette.get(lang()) or settings.netiquette.get("fr")
    if not text:
        return
    title = (
        t("presets.netiquette_of", organisation=plain(settings.organisation))
        if settings.organisation
        else t("presets.netiquette")
    )
    with st.expander(title, icon=":material/gavel:"):
        st.markdown(plain(text))
