"""Paramètres' calendar tabs: the week's opening periods and the targets, dated schedule
changes, exceptional openings, and the closures with their names and an .ics import.

Periods are typed as people write them, "8 h 30 – 12 h, 13 h – 16 h 30" or
"8:30-12:00, 13:00-16:30": one box per day reads the same way everywhere. The boxes only
read; whether periods are in order and apart is `save_settings`' rule, in its words.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date

import pandas as pd
import streamlit as st

from lib import i18n
from lib.calendar_import import CalendarImportError, closures_from_ics, printable_name
from lib.i18n import PERIODS_MAX_CHARS, periods_text, read_periods, week_summary
from lib.settings import (
    Settings,
    boxing_day_closure,
    holiday_season_closures,
    save_settings,
    summer_hours_changes,
)
from lib.taxonomy import LABEL_MAX_CHARS
from lib.times import local_today
from lib.ui.fields import number_field, numbers_or_say_why
from lib.ui.session import lang, plain, present, t

DAYS = range(7)


def _full_week(weekly: dict) -> dict[str, list]:
    """Every day named, closed ones with no period: what a saved week holds."""
    return {str(day): weekly.get(str(day)) or [] for day in DAYS}


def _stamp(value) -> str:
    """A short fingerprint of stored values: boxes drawn anew when what is stored changes."""
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:12]


def _week_boxes(weekly: dict, key: str) -> dict[int, tuple[str, str]]:
    """One box per weekday holding its periods; returns day -> (label, typed)."""
    boxes = {}
    left, right = st.columns(2)
    for day in DAYS:
        label = i18n.WEEKDAYS[lang()][day].capitalize()
        column = left if day < 4 else right
        typed = column.text_input(
            label,
            periods_text(weekly.get(str(day)), lang()),
            key=f"{key}.{day}.{lang()}.{_stamp(weekly)}",
            help=t("calendar.periods.help"),
            max_chars=PERIODS_MAX_CHARS,
        )
        boxes[day] = (label, typed)
    return boxes


def _read_week(boxes: dict[int, tuple[str, str]]) -> dict[str, list] | None:
    """The week the boxes hold, or None after saying which boxes do not read."""
    week, wrong = {}, False
    for day, (label, typed) in boxes.items():
        periods = read_periods(typed)
        if periods is None:
            st.error(t("calendar.periods.unreadable", field=label, typed=plain(typed)))
            wrong = True
        week[str(day)] = periods or []
    return None if wrong else week


# --- Horaire et cibles ----------------------------------------------------------------


def calendar_tab(settings: Settings, report: Callable) -> None:
    """The week's periods, Easter Monday and the targets; dated changes; openings.

    `report(change, *args, **kwargs)` runs a change as the signed-in lead and says how
    it went (the page's own helper).
    """
    st.caption(t("settings.recompute_note"))
    _week_and_targets(settings, report)
    _schedule_changes(settings, report)
    _openings(settings, report)


def _week_and_targets(settings: Settings, report: Callable) -> None:
    weekly = settings.weekly_schedule()
    with st.form("settings_calendar"):
        st.markdown(f"**{t('calendar.weekly.title')}**")
        st.caption(t("calendar.weekly.help"))
        boxes = _week_boxes(weekly, "calendar_weekly")
        easter = st.checkbox(t("settings.easter_monday"), settings.include_easter_monday)
        st.markdown(f"**{t('calendar.targets.title')}**")
        numbers = {
            name: number_field(st, t(label), getattr(settings, name), f"settings.{name}")
            for name, label in (
                ("target_hours", "settings.target_hours"),
                ("at_risk_hours", "settings.at_risk_hours"),
                ("compliance_goal_pct", "settings.goal_pct"),
            )
        }
        if st.form_submit_button(t("settings.save"), type="primary"):
            week, read = _read_week(boxes), numbers_or_say_why(numbers)
            if week is not None and read is not None:
                changes = dict(read, include_easter_monday=easter)
                if week != _full_week(weekly):  # the shorthand stays until the week changes
                    changes["weekly"] = week
                report(save_settings, **changes)


def _schedule_changes(settings: Settings, report: Callable) -> None:
    st.subheader(t("calendar.changes.title"))
    st.caption(t("calendar.changes.help"))
    changes = list(settings.schedule_changes)
    if changes:
        st.dataframe(
            pd.DataFrame(
                {
                    t("calendar.column.from"): [_long_date(c["from"]) for c in changes],
                    t("calendar.column.name"): [c["name"][lang()] for c in changes],
                    t("calendar.column.schedule"): [
                        week_summary(c["weekly"], lang()) for c in changes
                    ],
                }
            ),
            hide_index=True,
            width="stretch",
        )
    else:
        st.info(t("calendar.changes.none"))
    today = local_today(present())  # Québec's date, not the server's
    summer = summer_hours_changes(today, settings.weekly_schedule())
    year = summer[0]["from"][:4]
    if st.button(t("calendar.changes.summer", year=year), key="calendar_summer"):
        report(save_settings, schedule_changes=_with_changes(changes, summer))
    with st.expander(t("calendar.changes.add")), st.form("calendar_change_add"):
        starts = st.date_input(t("calendar.column.from"), value=None, format="YYYY-MM-DD")
        name_fr = st.text_input(t("calendar.changes.name_fr"), max_chars=LABEL_MAX_CHARS)
        name_en = st.text_input(t("calendar.changes.name_en"), max_chars=LABEL_MAX_CHARS)
        boxes = _week_boxes(settings.weekly_schedule(), "calendar_change")
        if st.form_submit_button(t("calendar.changes.add_button")):
            week = _read_week(boxes)
            if not (starts and name_fr.strip() and name_en.strip()):
                st.error(t("calendar.changes.needs_date_and_name"))
            elif week is not None:
                name = {"fr": name_fr, "en": name_en}
                added = {"from": starts.isoformat(), "name": name, "weekly": week}
                report(save_settings, schedule_changes=_with_changes(changes, [added]))
    if changes:
        with st.form("calendar_change_remove"):
            removed = st.multiselect(
                t("calendar.changes.remove"),
                range(len(changes)),
                format_func=lambda i: _change_label(changes[i]),
            )
            if st.form_submit_button(t("calendar.changes.remove_button")) and removed:
                kept = [c for i, c in enumerate(changes) if i not in removed]
                report(save_settings, schedule_changes=kept)


def _change_label(change: dict) -> str:
    return f"{_long_date(change['from'])} — {change['name'][lang()]}"


def _with_changes(changes: list[dict], added) -> list[dict]:
    """`changes` with `added`, each replacing a change of the same date."""
    dates = {change["from"] for change in added}
    return [*(c for c in changes if c["from"] not in dates), *added]


def _openings(settings: Settings, report: Callable) -> None:
    st.subheader(t("calendar.openings.title"))
    st.caption(t("calendar.openings.help"))
    openings = dict(settings.openings)
    if openings:
        st.dataframe(
            pd.DataFrame(
                {
                    t("calendar.column.date"): [_long_date(day) for day in openings],
                    t("calendar.column.periods"): [
                        periods_text(p, lang()) for p in openings.values()
                    ],
                }
            ),
            hide_index=True,
        )
    else:
        st.info(t("calendar.openings.none"))
    with st.form("calendar_opening_add"):
        left, right = st.columns(2)
        day = left.date_input(t("calendar.column.date"), value=None, format="YYYY-MM-DD")
        typed = right.text_input(
            t("calendar.openings.periods"),
            help=t("calendar.periods.help"),
            max_chars=PERIODS_MAX_CHARS,
            key="calendar_opening_periods",
        )
        if st.form_submit_button(t("calendar.openings.add_button")):
            periods = read_periods(typed)
            label = t("calendar.openings.periods")
            if day is None:
                st.error(t("calendar.openings.needs_date"))
            elif periods is None:
                st.error(t("calendar.periods.unreadable", field=label, typed=plain(typed)))
            elif not periods:
                st.error(t("calendar.periods.empty", field=label))
            else:
                report(save_settings, openings={**openings, day.isoformat(): periods})
    if openings:
        with st.form("calendar_opening_remove"):
            removed = st.multiselect(
                t("calendar.openings.remove"), list(openings), format_func=_long_date
            )
            if st.form_submit_button(t("calendar.openings.remove_button")) and removed:
                kept = {d: p for d, p in openings.items() if d not in removed}
                report(save_settings, openings=kept)


# --- Fermetures ------------------------------------------------------------------------


def closures_tab(settings: Settings, report: Callable) -> None:
    """Closed days beyond the public holidays, with their names: the holiday-season
    presets, one day at a time, and the days of an iCalendar file."""
    st.caption(t("settings.closures_help"))
    closures, names = list(settings.closures), dict(settings.closure_names)
    st.dataframe(
        pd.DataFrame(
            {
                t("common.date"): [_long_date(d) for d in closures],
                t("calendar.column.name"): [names.get(d, "") for d in closures],
            }
        ),
        hide_index=True,
    )
    today = local_today(present())  # Québec's date, not the server's
    fetes, boxing = holiday_season_closures(today), boxing_day_closure(today)
    left, right = st.columns(2)
    label = t("settings.preset_fetes", start=_short_date(fetes[0]), end=_short_date(fetes[-1]))
    if left.button(label, key="settings_preset_fetes"):
        report(save_settings, closures=[*closures, *fetes])
    if right.button(t("settings.preset_boxing_day", day=_short_date(boxing[0]))):
        report(save_settings, closures=[*closures, *boxing])
    with st.form("settings_closure_add"):
        left, right = st.columns(2)
        added = left.date_input(t("settings.closure_add"), value=None, format="YYYY-MM-DD")
        name = right.text_input(t("calendar.closure_name"), max_chars=LABEL_MAX_CHARS)
        if st.form_submit_button(t("settings.closure_add_button")) and added:
            day = added.isoformat()
            named = {**names, day: name.strip()} if name.strip() else names
            report(save_settings, closures=[*closures, day], closure_names=named)
    if closures:
        with st.form("settings_closure_remove"):
            removed = st.multiselect(
                t("settings.closure_remove"), closures, format_func=_short_date
            )
            if st.form_submit_button(t("settings.closure_remove_button")) and removed:
                report(
                    save_settings,
                    closures=[d for d in closures if d not in removed],
                    closure_names={d: n for d, n in names.items() if d not in removed},
                )
    _ics_import(settings, report, today)


def _ics_import(settings: Settings, report: Callable, today: date) -> None:
    """Read an .ics file, show the days it closes, save them only when asked."""
    st.subheader(t("calendar.import.title"))
    st.caption(t("calendar.import.help"))
    uploaded = st.file_uploader(t("calendar.import.file"), type=["ics"], key="calendar_ics")
    if uploaded is None:
        return
    first, last = date(today.year, 1, 1), date(today.year + 1, 12, 31)
    try:
        found = closures_from_ics(uploaded.getvalue(), first, last)
    except CalendarImportError as refusal:
        st.error(refusal.describe(lang()), icon=":material/event_busy:")
        return
    rows = _preview(found.days, settings, first, last)
    count_key = "calendar.import.found_one" if len(rows) == 1 else "calendar.import.found"
    span = {"first": _short_date(first.isoformat()), "last": _short_date(last.isoformat())}
    st.markdown(t(count_key, count=len(rows), **span))
    st.dataframe(
        pd.DataFrame(
            {
                t("calendar.column.date"): [_long_date(r["day"]) for r in rows],
                t("calendar.column.name"): [r["name"] for r in rows],
                t("calendar.column.status"): [r["status"] for r in rows],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    if found.outside:
        st.caption(t("calendar.import.outside", count=found.outside))
    if found.skipped:
        lines = [
            t(
                "calendar.import.skipped_line",
                name=plain(s.name or t("calendar.import.no_name")),
                day=_short_date(s.day.isoformat()) if s.day else "—",
                why=t(f"calendar.import.why.{s.why}"),
            )
            for s in found.skipped
        ]
        st.caption("  \n".join([t("calendar.import.skipped"), *lines]))
    wanted = {r["day"]: r["name"] for r in rows if r["wanted"]}
    if not wanted:
        st.info(t("calendar.import.nothing_new"))
    elif st.button(t("calendar.import.save"), type="primary", key="calendar_ics_save"):
        names = {day: name for day, name in wanted.items() if name}
        report(
            save_settings,
            closures=[*settings.closures, *wanted],
            closure_names={**settings.closure_names, **names},
        )


def _preview(days, settings: Settings, first: date, last: date) -> list[dict]:
    """Each day found, whether Vigie closes it already, and whether saving would change it:
    a day not closed yet, or closed without the name the file gives."""
    holidays = settings.calendar().closed_days(first, last)
    rows = []
    for day, name in days:
        iso = day.isoformat()
        name = printable_name(name)[:LABEL_MAX_CHARS]
        if iso in settings.closures:
            unnamed = bool(name) and not settings.closure_names.get(iso)
            status, wanted = t("calendar.import.status.closed"), unnamed
        elif day in holidays:
            named = holidays[day]  # (French, English), or a closure's own name
            holiday = named if isinstance(named, str) else named[0 if lang() == "fr" else 1]
            status, wanted = t("calendar.import.status.holiday", name=holiday), False
        else:
            status, wanted = t("calendar.import.status.new"), True
        rows.append({"day": iso, "name": name, "status": status, "wanted": wanted})
    return rows


def _long_date(iso: str) -> str:
    return i18n.format_date(pd.Timestamp(iso), lang())


def _short_date(iso: str) -> str:
    return i18n.format_date(pd.Timestamp(iso), lang(), weekday=False)
