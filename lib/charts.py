"""Plotly figures of the lead pages: French labels, Québec formats, colour-blind-safe colours.

Every figure has a title, a transparent background (it takes the Streamlit
theme's, light or dark) and no hard-coded text colour. Numbers use the decimal
comma and a space for thousands (`layout.separators`); dates are formatted here,
in Python, because the plotly.js bundled with Streamlit only speaks English.

>>> import pandas as pd
>>> hist = pd.DataFrame({"from_hours": [0.0, 0.5], "handled": [3, 1],
...                      "open_ended": [False, True], "within_target": [True, False]})
>>> response_histogram(hist, 0.5, "fr").layout.separators
', '
"""

from __future__ import annotations

import html
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from lib.i18n import SHORT_MONTHS, WEEKDAYS, format_duration, format_percent, t

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#999999",  # grey (instead of black, readable on a dark theme)
)
GOOD, BAD, NEUTRAL, MARK = OKABE_ITO[0], OKABE_ITO[5], OKABE_ITO[7], OKABE_ITO[1]
SEPARATORS = {"fr": ", ", "en": ".,"}
MARKERS = ("circle", "square", "diamond", "triangle-up", "cross", "x", "star", "triangle-down")
DASHES = ("solid", "dash")


NO_BREAK_SPACE = "\u00a0"


def short_date(day: date, lang: str = "fr") -> str:
    """'3 nov.' in French, 'Nov 3' in English: tick labels Québec readers expect."""
    month = SHORT_MONTHS[lang][day.month - 1]
    return f"{month} {day.day}" if lang == "en" else f"{day.day} {month}"


def hour_label(hour: float, lang: str = "fr") -> str:
    """8.5 → '8 h 30' in French, '8:30' in English."""
    h, m = int(hour), round((hour % 1) * 60)
    if lang == "en":
        return f"{h}:{m:02d}"
    return f"{h} h {m:02d}" if m else f"{h} h"


def hours_text(hours: float, lang: str = "fr") -> str:
    """A business duration given in hours, as a setting reads: 8 → '8 h', 7.5 → '7 h 30 min';
    no-break spaces, so that a sentence never wraps between a number and its unit.

    >>> hours_text(8.0), hours_text(7.5, "en"), hours_text(0.25)
    ('8\xa0h', '7\xa0h\xa030\xa0min', '15\xa0min')
    """
    whole = float(hours).is_integer() and hours >= 1
    text = f"{int(hours)} h" if whole else format_duration(hours * 3600, lang)
    return text.replace(" ", NO_BREAK_SPACE)


def as_text(labels) -> list[str]:
    """Names from outside (accounts, people, renamed reasons) as plotly shows them: as typed.

    Plotly reads a label as its own small HTML (`<a href>`, `<b>`, `<br>`), so an
    account called `<a href="https://evil.example">Aide</a>` would become a link
    on the chart; escaped, it reads exactly as it was written.

    >>> as_text(['<a href="https://evil.example">Aide</a>', "Q&R"])
    ['&lt;a href="https://evil.example"&gt;Aide&lt;/a&gt;', 'Q&amp;R']
    """
    return [html.escape(str(label), quote=False) for label in labels]


def _hover(lang: str, name: str, value: str) -> str:
    """A hover label: « nom : valeur » in French, "name: value" in English."""
    return f"{name}{' : ' if lang == 'fr' else ': '}{value}<extra></extra>"


def _pct(lang: str, value: str) -> str:
    return f"{value} %" if lang == "fr" else f"{value}%"


def count_ticks(values) -> dict:
    """An axis (or colour bar) of counts up to 5: a tick per whole number, not 0,2 steps.

    >>> count_ticks([0, 1]), count_ticks([3, 240])
    ({'dtick': 1}, {})
    """
    largest = pd.Series(values, dtype="float").max()
    return {"dtick": 1} if pd.isna(largest) or largest <= 5 else {}


def styled(figure: go.Figure, title: str, lang: str = "fr") -> go.Figure:
    """The common look: title, palette, transparent background, Québec separators."""
    figure.update_layout(
        title={"text": title},
        colorway=list(OKABE_ITO),
        separators=SEPARATORS.get(lang, ", "),
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        legend={"orientation": "h", "y": -0.2},
        hovermode="x unified",
    )
    grid = "rgba(128,128,128,0.25)"
    figure.update_xaxes(gridcolor=grid, zerolinecolor=grid)
    figure.update_yaxes(gridcolor=grid, zerolinecolor=grid)
    return figure


# --- Aujourd'hui ----------------------------------------------------------------


def arrivals_by_hour(
    by_hour: pd.DataFrame,
    office_hours: tuple[tuple[float, float], ...] | None,
    present_hour: float | None,
    lang: str = "fr",
) -> go.Figure:
    """Bars for the day, a line for the previous business day, each opening period shaded."""
    figure = go.Figure(
        [
            go.Bar(
                x=by_hour["hour"],
                y=by_hour["received"],
                name=t("today.received", lang),
                marker_color=GOOD,
                hovertemplate=_hover(lang, t("today.received", lang), "%{y}"),
            ),
            go.Scatter(
                x=by_hour["hour"],
                y=by_hour["previous"],
                name=t("today.by_hour_previous", lang),
                mode="lines+markers",
                line={"color": NEUTRAL, "dash": "dot"},
                hovertemplate=_hover(lang, t("today.by_hour_previous", lang), "%{y}"),
            ),
        ]
    )
    if office_hours is not None:  # None on a closed day: no office hours to shade
        _shade_office_hours(figure, office_hours, lang)
    if present_hour is not None:
        _mark_present(figure, present_hour, lang)
    figure.update_xaxes(
        title=t("lead.hour", lang),
        tickvals=list(range(0, 24, 2)),
        ticktext=[hour_label(h, lang) for h in range(0, 24, 2)],
        unifiedhovertitle={"text": t("today2.hover_hour", lang)},  # '8 h', not '8'
    )
    figure.update_yaxes(title=t("today.received", lang))
    return styled(figure, t("today.by_hour", lang), lang)


def _shade_office_hours(figure: go.Figure, periods, lang: str) -> None:
    """One band per opening period (a lunch closure stays white), named on the first."""
    for number, (opening, closing) in enumerate(periods):
        figure.add_vrect(
            x0=opening - 0.5,
            x1=closing - 0.5,
            fillcolor=OKABE_ITO[4],
            opacity=0.15,
            line_width=0,
            annotation_text=t("today.office_hours", lang) if number == 0 else None,
            annotation_position="top left",
        )


def _mark_present(figure: go.Figure, present_hour: float, lang: str) -> None:
    """The present as a dashed line, its label above the plot, clear of 'Office hours'.

    The office-hours label sits inside the top of the shaded band; a present near
    opening time would write 'Now' over it, so 'Now' stands on the row above the plot,
    to the right of the line in the morning and to its left late in the day, so that it
    stays inside the figure.
    """
    x = present_hour - 0.5
    figure.add_vline(x=x, line={"color": MARK, "width": 2, "dash": "dash"})
    figure.add_annotation(
        x=x,
        xref="x",
        y=1,
        yref="paper",
        yanchor="bottom",
        xanchor="left" if present_hour < 12 else "right",
        text=t("today.present", lang),
        showarrow=False,
    )


# --- Conformité --------------------------------------------------------------------


def compliance_over_time(
    rows: pd.DataFrame, period_column: str, goal_pct: float, lang: str = "fr"
) -> go.Figure:
    """Compliance per day or week as bars, red below the goal, the goal as a line."""
    pct = rows["compliance_pct"].astype("Float64")
    labels = [short_date(d, lang) for d in rows[period_column]]
    colours = [BAD if (pd.notna(v) and v < goal_pct) else GOOD for v in pct]
    figure = go.Figure(
        go.Bar(
            x=labels,
            y=pct.astype(float),
            marker_color=colours,
            name=t("lead.compliance_pct", lang),
            showlegend=False,  # two colours for one series: the goal line explains them
            customdata=rows[["handled", "open_breached"]].to_numpy(),
            hovertemplate=_hover(lang, "%{x}", _pct(lang, "%{y:.1f}")),
        )
    )
    figure.add_hline(y=goal_pct, line={"color": MARK, "dash": "dash", "width": 2})
    _goal_in_legend(figure, goal_pct, lang)
    unit = t("compliance.per_day" if period_column == "date" else "compliance.per_week", lang)
    figure.update_yaxes(title=t("lead.compliance_pct", lang), range=[0, 105])
    figure.update_xaxes(type="category")
    return styled(figure, t("compliance.over_time", lang, unit=unit.lower()), lang)


def _goal_in_legend(figure: go.Figure, goal_pct: float, lang: str) -> None:
    """'Objectif 90 %' in the legend, under the plot: written on the line, the bars hid it."""
    figure.add_trace(
        go.Scatter(
            x=[None],
            y=[None],
            mode="lines",
            line={"color": MARK, "dash": "dash", "width": 2},
            name=t("lead.goal", lang, value=format_percent(goal_pct, lang, 0)),
            showlegend=True,
            hoverinfo="skip",
        )
    )


def response_histogram(hist: pd.DataFrame, target_hours: float, lang: str = "fr") -> go.Figure:
    """Handled comments per half hour of business response time, the target marked."""
    labels = [
        t("compliance.beyond", lang, value=hour_label(h, lang)) if last else hour_label(h, lang)
        for h, last in zip(hist["from_hours"], hist["open_ended"], strict=True)
    ]
    colours = [GOOD if ok else BAD for ok in hist["within_target"]]
    figure = go.Figure(
        go.Bar(
            x=labels,
            y=hist["handled"],
            marker_color=colours,
            name=t("lead.handled", lang),
            hovertemplate=_hover(lang, "%{x}", "%{y}"),
        )
    )
    target_index = int((hist["from_hours"] < target_hours).sum())
    figure.add_vline(
        x=target_index - 0.5,
        line={"color": MARK, "dash": "dash", "width": 2},
        annotation_text=t("lead.target", lang, value=hour_label(target_hours, lang)),
    )
    figure.update_xaxes(title=t("lead.response_hours", lang), type="category")
    figure.update_yaxes(title=t("lead.handled", lang), **count_ticks(hist["handled"]))
    return styled(figure, t("compliance.distribution", lang), lang)


def compliance_by(
    rows: pd.DataFrame, labels: list[str], goal_pct: float, dimension: str, lang: str = "fr"
) -> go.Figure:
    """Compliance per group as horizontal bars, with the goal."""
    pct = rows["compliance_pct"].astype("Float64").astype(float)
    colours = [BAD if v < goal_pct else GOOD for v in pct.fillna(goal_pct)]
    figure = go.Figure(
        go.Bar(
            x=pct,
            y=as_text(labels),
            orientation="h",
            marker_color=colours,
            showlegend=False,
            customdata=rows["received"],
            hovertemplate=_hover(lang, "%{y}", _pct(lang, "%{x:.1f}") + " (%{customdata})"),
        )
    )
    figure.add_vline(x=goal_pct, line={"color": MARK, "dash": "dash", "width": 2})
    _goal_in_legend(figure, goal_pct, lang)
    figure.update_xaxes(title=t("lead.compliance_pct", lang), range=[0, 105])
    figure.update_yaxes(autorange="reversed", type="category")
    figure.update_layout(hovermode="closest", height=max(250, 40 + 28 * len(labels)))
    title = t("compliance.breakdown", lang, dimension=t(f"compliance.dim.{dimension}", lang))
    return styled(figure, title, lang)


def arrivals_heatmap(matrix: pd.DataFrame, outside_share: float, lang: str = "fr") -> go.Figure:
    """Arrivals per weekday and hour; the title gives the share outside office hours."""
    figure = go.Figure(
        go.Heatmap(
            z=matrix.to_numpy(),
            x=[hour_label(h, lang) for h in matrix.columns],
            y=[WEEKDAYS[lang][d] for d in matrix.index],
            colorscale="Cividis",
            colorbar=count_ticks(matrix.to_numpy().ravel()),
            hovertemplate=_hover(lang, "%{y} %{x}", "%{z}"),
        )
    )
    figure.update_yaxes(autorange="reversed", title=t("lead.weekday", lang))
    figure.update_xaxes(title=t("lead.hour", lang))
    figure.update_layout(hovermode="closest")
    share = format_percent(outside_share, lang, 0)
    return styled(figure, t("compliance.heatmap", lang, share=share), lang)


# --- Motifs ------------------------------------------------------------------------


def horizontal_bars(
    values: pd.Series, labels: list[str], title: str, axis_title: str, lang: str = "fr"
) -> go.Figure:
    """Counts per category, the largest on top."""
    figure = go.Figure(
        go.Bar(
            x=values,
            y=as_text(labels),
            orientation="h",
            marker_color=GOOD,
            hovertemplate=_hover(lang, "%{y}", "%{x}"),
        )
    )
    figure.update_yaxes(autorange="reversed", type="category")
    figure.update_xaxes(title=axis_title, **count_ticks(values))
    figure.update_layout(hovermode="closest", height=max(250, 40 + 30 * len(labels)))
    return styled(figure, title, lang)


def removal_trend(trend: pd.DataFrame, labels: dict[str, str], lang: str = "fr") -> go.Figure:
    """One line per reason, removals per week."""
    weeks = sorted(trend["week"].unique())
    ticks = [short_date(w, lang) for w in weeks]
    figure = go.Figure()
    # Sixteen reasons for eight colours: each line also has its own marker and dash.
    for i, (code, rows) in enumerate(trend.groupby("reason_code", sort=False)):
        counts = rows.set_index("week")["removals"].reindex(weeks, fill_value=0)
        figure.add_trace(
            go.Scatter(
                x=ticks,
                y=counts,
                name=as_text([labels.get(code, code)])[0],
                mode="lines+markers",
                marker={"symbol": MARKERS[i % len(MARKERS)], "size": 8},
                line={"dash": DASHES[(i // len(OKABE_ITO)) % len(DASHES)]},
            )
        )
    figure.update_xaxes(title=t("lead.week", lang), type="category")
    figure.update_yaxes(title=t("reasons.removals", lang), **count_ticks(trend["removals"]))
    return styled(figure, t("reasons.trend", lang), lang)


def removal_rate(rows: pd.DataFrame, lang: str = "fr") -> go.Figure:
    """Comments received per arrival week (bars) and the share removed (line)."""
    ticks = [short_date(w, lang) for w in rows["week"]]
    figure = go.Figure(
        [
            go.Bar(
                x=ticks,
                y=rows["received"],
                name=t("lead.received", lang),
                marker_color=NEUTRAL,
                opacity=0.6,
            ),
            go.Scatter(
                x=ticks,
                y=rows["removal_rate_pct"].astype(float),
                name=t("reasons.rate_pct", lang),
                yaxis="y2",
                mode="lines+markers",
                line={"color": BAD, "width": 3},
                hovertemplate=_hover(lang, t("reasons.rate_pct", lang), _pct(lang, "%{y:.1f}")),
            ),
        ]
    )
    figure.update_layout(
        yaxis={"title": t("lead.received", lang), **count_ticks(rows["received"])},
        yaxis2={
            "title": t("reasons.rate_pct", lang),
            "overlaying": "y",
            "side": "right",
            "rangemode": "tozero",
            "showgrid": False,
            # Its own round ticks, not ones aligned on the left axis's grid (20,34 …).
            "tickmode": "auto",
            "ticksuffix": " %" if lang == "fr" else "%",
        },
    )
    figure.update_xaxes(title=t("lead.week", lang), type="category")
    return styled(figure, t("reasons.rate", lang), lang)


def clock_hours(moment) -> float:
    """A `datetime.time` as hours: time(8, 30) → 8.5."""
    return moment.hour + moment.minute / 60
