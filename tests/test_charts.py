"""The lead pages' figures: titles, Québec formats, colour-blind-safe colours, theme text colour."""

from datetime import date

import pandas as pd
import pytest

from lib import charts
from lib.i18n import t


def _by_hour():
    return pd.DataFrame({"hour": range(24), "received": [1] * 24, "previous": [0] * 24})


def _weeks():
    return pd.DataFrame(
        {
            "week": [date(2026, 11, 2), date(2026, 11, 9)],
            "received": [100, 80],
            "removed": [12, 4],
            "removal_rate_pct": [12.0, 5.0],
        }
    )


def _trend(codes):
    return pd.DataFrame(
        {"week": [date(2026, 11, 2)] * len(codes), "reason_code": codes, "removals": 1}
    )


def every_figure(lang):
    per_day = pd.DataFrame(
        {
            "date": [date(2026, 11, 3)],
            "compliance_pct": [88.0],
            "handled": [8],
            "open_breached": [1],
        }
    )
    hist = pd.DataFrame(
        {
            "from_hours": [0.0, 0.5, 1.0],
            "handled": [3, 1, 2],
            "open_ended": [False, False, True],
            "within_target": [True, False, False],
        }
    )
    by = pd.DataFrame({"platform": ["x"], "compliance_pct": [95.0], "received": [20]})
    heat = pd.DataFrame([[1] * 24] * 7)
    return [
        charts.arrivals_by_hour(_by_hour(), ((8.5, 16.5),), 10.25, lang),
        charts.compliance_over_time(per_day, "date", 90, lang),
        charts.response_histogram(hist, 1.0, lang),
        charts.compliance_by(by, ["X"], 90, "platform", lang),
        charts.arrivals_heatmap(heat, 71.0, lang),
        charts.horizontal_bars(pd.Series([3]), ["Pourriel"], "Titre", "Retraits", lang),
        charts.removal_trend(_trend(["pourriel"]), {"pourriel": "Pourriel"}, lang),
        charts.removal_rate(_weeks(), lang),
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_figure_has_a_title_the_themes_background_and_local_separators(lang):
    for figure in every_figure(lang):
        layout = figure.layout
        assert layout.title.text, "a chart without a title"
        assert layout.paper_bgcolor == layout.plot_bgcolor == "rgba(0,0,0,0)"
        assert layout.font.color is None  # the theme's text colour, light or dark
        assert layout.separators == (", " if lang == "fr" else ".,")
        assert list(layout.colorway) == list(charts.OKABE_ITO)


def test_dates_are_written_the_quebec_way_in_french():
    figure = charts.removal_rate(_weeks(), "fr")
    assert list(figure.data[0].x) == ["2 nov.", "9 nov."]
    assert list(charts.removal_rate(_weeks(), "en").data[0].x) == ["Nov 2", "Nov 9"]


def test_the_removal_rate_axis_has_its_own_round_ticks_in_percent():
    axis = charts.removal_rate(_weeks(), "fr").layout.yaxis2
    assert axis.tickmode == "auto" and axis.ticksuffix == " %"
    assert " : " in charts.removal_rate(_weeks(), "fr").data[1].hovertemplate
    assert ": " in charts.removal_rate(_weeks(), "en").data[1].hovertemplate


def test_trend_lines_differ_by_marker_and_dash_not_only_by_colour():
    codes = [f"r{i}" for i in range(16)]
    figure = charts.removal_trend(_trend(codes), {}, "fr")
    looks = {(trace.marker.symbol, trace.line.dash) for trace in figure.data}
    assert len(looks) == 16


def test_office_hours_are_shaded_only_when_given_and_the_present_is_marked():
    open_day = charts.arrivals_by_hour(_by_hour(), ((8.5, 16.5),), 10.25, "fr")
    assert [s.type for s in open_day.layout.shapes] == ["rect", "line"]
    closed = charts.arrivals_by_hour(_by_hour(), None, None, "fr")
    assert list(closed.layout.shapes) == []
    ticks = open_day.layout.xaxis.ticktext
    assert (
        ticks[4] == "8 h"
        and charts.arrivals_by_hour(_by_hour(), None, None, "en").layout.xaxis.ticktext[4] == "8:00"
    )


def test_a_lunch_closure_leaves_a_gap_in_the_office_hours_named_once():
    split = charts.arrivals_by_hour(_by_hour(), ((8.5, 12.0), (13.0, 16.5)), None, "fr")
    bands = [(s.x0, s.x1) for s in split.layout.shapes if s.type == "rect"]
    assert bands == [(8.0, 11.5), (12.5, 16.0)]
    named = [a.text for a in split.layout.annotations if a.text == t("today.office_hours", "fr")]
    assert len(named) == 1


HOSTILE = '<a href="https://evil.example">Session expirée</a><br><b>!</b>'
AS_TYPED = (
    '&lt;a href="https://evil.example"&gt;Session expirée&lt;/a&gt;&lt;br&gt;&lt;b&gt;!&lt;/b&gt;'
)


def test_names_from_outside_are_shown_as_typed_not_as_plotly_html():
    """An account, a person or a renamed reason called like a link stays text on every chart."""
    by = pd.DataFrame({"account": [HOSTILE], "compliance_pct": [95.0], "received": [20]})
    per_account = charts.compliance_by(by, [HOSTILE], 90, "account", "fr")
    bars = charts.horizontal_bars(pd.Series([3]), [HOSTILE], "Titre", "Retraits", "fr")
    trend = charts.removal_trend(_trend(["pourriel"]), {"pourriel": HOSTILE}, "fr")
    assert list(per_account.data[0].y) == [AS_TYPED]
    assert list(bars.data[0].y) == [AS_TYPED]
    assert trend.data[0].name == AS_TYPED
