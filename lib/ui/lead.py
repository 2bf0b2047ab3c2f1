"""Widgets shared by the lead pages: a chart with its table and CSV, a card, a date range."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from lib import i18n, metrics
from lib.auth import can, team_names
from lib.csv_export import to_csv_bytes
from lib.i18n import format_date, format_duration, format_number, format_percent
from lib.tables import readable
from lib.times import LOCAL_TZ
from lib.ui import PAGES, current_user
from lib.ui.session import database, lang, t

QUEUE_PAGE = "pages/queue.py"
QUEUE_URL = next(slug for path, _k, _i, slug in PAGES if path == QUEUE_PAGE)


def leads_only(permission: str, refusal_key: str) -> str:
    """The signed-in lead's username; anyone else reads `refusal_key` and the page stops."""
    me = current_user(database())
    username = me["username"] if me else None
    if not can(database(), username, permission):
        st.error(t(refusal_key), icon=":material/block:")
        st.stop()
    return username


def chart(
    figure,
    table: pd.DataFrame,
    name: str,
    names: dict[str, dict[str, str]] | None = None,
    nothing: bool | None = None,
) -> None:
    """The figure, then its data as a table (the text alternative) and as a CSV download.

    Both in the words of the chart (`lib.tables.readable`; `names` gives words for codes
    that come from the data, such as a moderator's name). A chart with nothing to draw
    (`nothing`, by default a table with no row; the caller knows when zeros only are
    nothing) is a sentence instead of an empty frame. The CSV keeps numbers; the screen
    shows them in the language's format (`decimals_as_text`).
    """
    if table.empty if nothing is None else nothing:
        title = figure.layout.title.text or t("lead.table")
        st.info(t("leadpages.chart_empty", title=title), icon=":material/info:")
        return
    st.plotly_chart(figure, width="stretch", key=f"chart_{name}")
    shown = readable(table, lang(), names)
    on_screen, aligned = decimals_as_text(shown, lang())
    with st.expander(t("lead.table")):
        st.dataframe(on_screen, hide_index=True, width="stretch", column_config=aligned)
        st.download_button(
            t("common.download_csv"),
            data=lambda: to_csv_bytes(shown),
            file_name=f"vigie-{name}.csv",
            mime="text/csv",
            key=f"csv_{name}",
            icon=":material/download:",
        )


def decimals_as_text(frame: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, dict]:
    """Columns of decimals as text in `lang` ('20,4' in French), and a right alignment for them.

    st.dataframe writes a float with a decimal point whatever the language, and no
    column format gives a decimal comma. One decimal where a value has a fraction (as
    the charts show them), none for whole numbers; '—' for a missing value, which
    st.dataframe would write "None" (so a count with a gap is text too). Whole-number
    columns without gaps stay numbers, which sort as numbers.

    >>> rows = pd.DataFrame({"week": ["2026-11-03"], "pct": [20.44], "n": [1365]})
    >>> decimals_as_text(rows, "fr")[0].to_dict("records")
    [{'week': '2026-11-03', 'pct': '20,4', 'n': 1365}]
    >>> decimals_as_text(pd.DataFrame({"minutes": pd.array([75, None], "Int64")}), "en")[0]
      minutes
    0      75
    1       —
    """
    out = frame.copy()
    aligned = {}
    for column in out.columns:
        values = out[column]
        numeric = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
        if not numeric or not (pd.api.types.is_float_dtype(values) or values.hasnans):
            continue
        values = out[column].astype(float)
        decimals = int(bool((values.dropna() % 1).any()))
        out[column] = [format_number(v, lang, decimals) for v in values]
        aligned[column] = st.column_config.TextColumn(alignment="right")
    return out, aligned


def people() -> dict[str, str]:
    """Usernames to display names, for tables that name moderators."""
    return team_names(database())


def card(column, label: str, item: metrics.Card) -> None:
    """A metric with its change against the comparison day, coloured by which way is good.

    A change too small to show (`+0 min`, `+0,0 pts`) reads "no change", grey and without
    an arrow: it is neither good nor bad news.
    """
    change = delta_text(item)
    unchanged = change == t("today2.no_change")
    colour = {True: "normal", False: "inverse", None: "off"}[item.higher_is_better]
    column.metric(
        label,
        formatted(item.value, item.kind),
        delta=change,
        delta_color="off" if unchanged else colour,
        delta_arrow="off" if unchanged else "auto",
        border=True,
    )


def formatted(value, kind: str) -> str:
    if kind == "percent":
        return format_percent(_plain(value), lang())
    if kind == "duration":
        return format_duration(_plain(value), lang())
    return format_number(_plain(value), lang())


def delta_text(item: metrics.Card) -> str | None:
    """The change as the card shows it: '+3', '-1,5 pts', '+10 min', or 'no change'."""
    delta = _plain(item.delta)
    if delta is None or pd.isna(delta):
        return None

    def size(value: float) -> str:
        if item.kind == "percent":
            return t("today.points", value=format_number(value, lang(), 1))
        if item.kind == "duration":
            return format_duration(value, lang())
        return format_number(value, lang())

    if size(abs(delta)) == size(0.0):  # rounds to nothing at the precision shown
        return t("today2.no_change")
    return ("-" if delta < 0 else "+") + size(abs(delta))


def range_picker(key: str, today: date, default: str = "30d") -> tuple[date, date]:
    """Presets (7 days, 30 days, this month, last month, this quarter) or custom dates."""
    options = [*metrics.PRESETS, "custom"]
    language = lang()
    preset = st.segmented_control(
        t("lead.range"),
        options,
        default=default,
        # This run's language: AppTest calls format_func after the run, where lang() says French.
        format_func=lambda p: i18n.t(f"lead.preset.{p}", language),
        key=f"{key}_preset",
        required=True,
    )
    if preset == "custom":
        picked = st.date_input(
            t("lead.dates"),
            value=metrics.preset_range("30d", today),
            max_value=today,
            key=f"{key}_dates",
            format="YYYY-MM-DD",
        )
        if isinstance(picked, tuple | list) and len(picked) == 2:
            return picked[0], picked[1]
        return (picked[0], picked[0]) if isinstance(picked, tuple | list) else (picked, picked)
    start, end = metrics.preset_range(preset or default, today)
    st.caption(
        t(
            "lead.range_caption",
            start=format_date(start, lang(), weekday=False),
            end=format_date(end, lang(), weekday=False),
        )
    )
    return start, end


def local_times(frame: pd.DataFrame, columns) -> pd.DataFrame:
    """Instants as Québec local wall-clock times, for display."""
    out = frame.copy()
    for column in columns:
        out[column] = pd.to_datetime(out[column], utc=True).dt.tz_convert(LOCAL_TZ)
        out[column] = out[column].dt.tz_localize(None)
    return out


def _plain(value):
    if value is None or value is pd.NA:
        return None
    return float(value)
