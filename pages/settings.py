"""Paramètres (leads only): hours, targets, closures, service levels, reasons, templates,
policy, exclusions, team, connected accounts, alerts, detection, history."""

import pandas as pd
import streamlit as st

from lib import i18n
from lib.accounts import AccountRefused
from lib.auth import PasswordRefused, PermissionDenied
from lib.db import PLATFORMS
from lib.records.backup import backup_line
from lib.settings import (
    SettingsError,
    exclude_author,
    excluded_authors,
    load_settings,
    readmit_author,
    reason_labels,
    save_settings,
    settings_history,
)
from lib.taxonomy import HANDLE_MAX_CHARS, LABEL_MAX_CHARS, NOTE_MAX_CHARS, REPLY_MAX_CHARS
from lib.team import TeamRefused
from lib.templates import DEFAULT_TEMPLATES, templates
from lib.ui import current_user, database, lang, plain, t
from lib.ui.accounts import accounts_tab as draw_accounts_tab
from lib.ui.alerts import alerts_tab as draw_alerts_tab
from lib.ui.calendar_settings import calendar_tab as draw_calendar_tab
from lib.ui.calendar_settings import closures_tab as draw_closures_tab
from lib.ui.detection import detection_tab as draw_detection_tab
from lib.ui.lead import leads_only
from lib.ui.policy import policy_tab as draw_policy_tab
from lib.ui.service_levels import levels_tab as draw_levels_tab
from lib.ui.team import team_tab as draw_team_tab
from lib.ui.triage_rules import rules_tab as draw_rules_tab

FLASH_KEY = "settings_flash"
# What a change may be refused with, in words for the person (lib.i18n.Worded).
REFUSALS = (SettingsError, PermissionDenied, TeamRefused, PasswordRefused, AccountRefused)

st.title(t("settings.title"))
db = database()
username = leads_only("settings", "settings.lead_only")
me = current_user(db)

settings = load_settings(db)
st.caption(backup_line(db, lang()))
if flash := st.session_state.pop(FLASH_KEY, None):
    st.success(flash)


def run_and_report(change, *args, **kwargs) -> None:
    """Call a settings function as the signed-in lead; report a refusal, or rerun on success."""
    try:
        change(db, username, *args, **kwargs)
    except REFUSALS as refusal:
        # The values it names were typed or imported: shown as typed, not as Markdown.
        st.error(refusal.describe(lang(), plain))
        return
    st.session_state[FLASH_KEY] = t("settings.saved")
    st.rerun()


def save(**changes) -> None:
    run_and_report(save_settings, **changes)


def short_date(iso: str) -> str:
    return i18n.format_date(pd.Timestamp(iso), lang(), weekday=False)


def calendar_tab(settings) -> None:
    """Opening periods by weekday, Easter Monday, the targets; dated changes; openings."""
    draw_calendar_tab(settings, run_and_report)


def closures_tab(settings) -> None:
    """Closed days beyond the public holidays, named: presets, one day, an .ics file."""
    draw_closures_tab(settings, run_and_report)


def levels_tab(settings) -> None:
    """Service levels in order: a condition, a target and a clock each."""
    draw_levels_tab(settings, save)


def rules_tab(settings) -> None:
    """Triage rules in order: conditions on an arriving comment, and what to do with it."""
    draw_rules_tab(db, settings, save)


def reasons_tab(settings) -> None:
    """The netiquette reasons: the lead's own words for each, and which are retired."""
    st.caption(t("settings.reasons_help"))
    labels = reason_labels(settings)
    st.dataframe(
        pd.DataFrame(
            {
                t("settings.code"): list(labels),
                t("settings.label_fr"): [v["fr"] for v in labels.values()],
                t("settings.label_en"): [v["en"] for v in labels.values()],
                t("settings.retired"): [c in settings.retired_reasons for c in labels],
            }
        ),
        hide_index=True,
    )
    code = st.selectbox(
        t("settings.reason"),
        list(labels),
        format_func=lambda c: f"{c} — {labels[c][lang()]}",
        key="settings_reason_code",
    )
    with st.form("settings_reason"):
        label_fr = st.text_input(
            t("settings.label_fr"), labels[code]["fr"], key=f"rfr_{code}", max_chars=LABEL_MAX_CHARS
        )
        label_en = st.text_input(
            t("settings.label_en"), labels[code]["en"], key=f"ren_{code}", max_chars=LABEL_MAX_CHARS
        )
        retired = st.checkbox(
            t("settings.reason_retire"), code in settings.retired_reasons, key=f"rret_{code}"
        )
        if st.form_submit_button(t("settings.save")):
            others = [c for c in settings.retired_reasons if c != code]
            save(
                reason_labels={
                    **settings.reason_labels,
                    code: {"fr": label_fr.strip(), "en": label_en.strip()},
                },
                retired_reasons=[*others, code] if retired else others,
            )


def templates_tab(settings) -> None:
    """The reply templates' texts in French and English, with a preview of the bilingual reply."""
    texts = templates(settings.templates)

    code = st.selectbox(
        t("settings.template"),
        list(DEFAULT_TEMPLATES),
        format_func=lambda c: i18n.label("template", c, lang()),
    )
    with st.form("settings_template"):
        text_fr = st.text_area(
            t("settings.template_fr"),
            texts[code]["fr"],
            key=f"tfr_{code}",
            max_chars=REPLY_MAX_CHARS,
        )
        text_en = st.text_area(
            t("settings.template_en"),
            texts[code]["en"],
            key=f"ten_{code}",
            max_chars=REPLY_MAX_CHARS,
        )
        if st.form_submit_button(t("settings.save")):
            save(
                templates={
                    **settings.templates,
                    code: {"fr": text_fr.strip(), "en": text_en.strip()},
                }
            )
    if code in settings.templates and st.button(t("settings.template_reset")):
        save(templates={c: v for c, v in settings.templates.items() if c != code})
    french_only = settings.english_replies == "french_only"
    st.caption(t("settings.template_preview" + ("_french_only" if french_only else "")))
    st.text(settings.reply_text(code, "en"))


def policy_tab(settings) -> None:
    """The organisation's name and netiquette, the approval rule, and the policy presets."""
    draw_policy_tab(settings, run_and_report)


def excluded_tab(settings) -> None:
    """Authors excluded until a date or for good, and readmitting them."""
    exclusions = excluded_authors(db)
    if exclusions:
        st.dataframe(
            pd.DataFrame(
                {
                    t("common.platform"): [
                        i18n.label("platform", e["platform"], lang()) for e in exclusions
                    ],
                    t("settings.handle"): [e["author_handle"] for e in exclusions],
                    t("settings.until"): [
                        short_date(e["until"]) if e["until"] else t("settings.forever")
                        for e in exclusions
                    ],
                    t("settings.why"): [e["reason"] for e in exclusions],
                    t("settings.added_by"): [e["added_by"] for e in exclusions],
                    t("settings.added_at"): [
                        i18n.format_datetime(pd.Timestamp(e["added_at"], tz="UTC"), lang())
                        for e in exclusions
                    ],
                }
            ),
            hide_index=True,
        )
    with st.form("settings_exclude", clear_on_submit=True):
        st.markdown(f"**{t('settings.excluded_add')}**")
        platform = st.selectbox(
            t("common.platform"),
            PLATFORMS,
            format_func=lambda p: i18n.label("platform", p, lang()),
        )
        handle = st.text_input(t("settings.handle"), max_chars=HANDLE_MAX_CHARS)
        permanent = st.checkbox(t("settings.permanent"))
        until = st.date_input(t("settings.until"), value=None, format="YYYY-MM-DD")
        why = st.text_input(t("settings.why"), max_chars=NOTE_MAX_CHARS)
        if st.form_submit_button(t("settings.exclude_button")):
            if not permanent and until is None:
                # A forgotten date must not silently become a permanent exclusion.
                st.error(t("settings.until_or_permanent"))
            else:
                run_and_report(
                    exclude_author, platform, handle, until=None if permanent else until, reason=why
                )
    if exclusions:
        with st.form("settings_readmit"):
            chosen = st.selectbox(
                t("settings.readmit"),
                range(len(exclusions)),
                format_func=lambda i: (
                    f"{exclusions[i]['author_handle']} ({exclusions[i]['platform']})"
                ),
            )
            if st.form_submit_button(t("settings.readmit_button")):
                gone = exclusions[chosen]
                run_and_report(readmit_author, gone["platform"], gone["author_handle"])


def team_tab(settings) -> None:
    """Who is on the team and how each signs in; the refused sign-ins."""
    draw_team_tab(db, run_and_report)


def accounts_tab(settings) -> None:
    """The organisation's accounts on the platforms: state, last sync, register, pause."""
    draw_accounts_tab(db, run_and_report)


def detection_tab(settings) -> None:
    """How often each detector flag was right, and the flags reported wrong."""
    draw_detection_tab(db)


def history_tab(settings) -> None:
    """Every change to the settings: who, when, before and after."""
    st.caption(t("settings.history_help"))
    history = settings_history(db, limit=500)
    if history:
        st.dataframe(
            pd.DataFrame(
                {
                    t("settings.at"): [
                        i18n.format_datetime(pd.Timestamp(h["at"], tz="UTC"), lang())
                        for h in history
                    ],
                    t("settings.actor"): [h["actor"] for h in history],
                    t("settings.key"): [h["key"] for h in history],
                    t("settings.old"): [h["old"] for h in history],
                    t("settings.new"): [h["new"] for h in history],
                }
            ),
            hide_index=True,
            width="stretch",
        )
    else:
        st.info(t("common.empty"))


def alerts_tab(settings) -> None:
    """Who urgent comments wake, in which order; where messages go; what was sent."""
    draw_alerts_tab(settings, save, me)


TABS_KEY = "settings_tab"
TABS = (
    ("calendar", calendar_tab),
    ("closures", closures_tab),
    ("levels", levels_tab),
    ("rules", rules_tab),
    ("reasons", reasons_tab),
    ("templates", templates_tab),
    ("policy", policy_tab),
    ("excluded", excluded_tab),
    ("team", team_tab),
    ("accounts", accounts_tab),
    ("alerts", alerts_tab),
    ("detection", detection_tab),
    ("history", history_tab),
)
# Drawn only while open: the detectors' precision counts a year of comments, a second
# that every other tab would otherwise wait for. The others are drawn at every run.
LAZY = ("detection",)
names = [t(f"settings.tab.{name}") for name, _draw in TABS]
tabs = st.tabs(names, key=TABS_KEY, on_change="rerun")
for (name, draw), tab in zip(TABS, tabs, strict=True):
    with tab:
        if tab.open or name not in LAZY:
            draw(settings)
