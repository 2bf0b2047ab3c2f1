"""Aujourd'hui's hourly chart drawn by plotly.js in Chromium: its labels never overlap.

The server reads the real clock, so the present cannot be put at opening time there;
the figure the page draws is rendered on its own, at the width of the page and of a
phone, and the boxes of its texts are measured.
"""

import pandas as pd
import pytest
from plotly.offline import get_plotlyjs

from lib import charts
from lib.i18n import t

# The texts plotly.js draws at the top of the figure: the title and both annotations.
MEASURE = """() => [...document.querySelectorAll('.infolayer .gtitle, .annotation-text-g')]
    .map(e => { const r = e.getBoundingClientRect();
                return {text: e.textContent, left: r.left, right: r.right,
                        top: r.top, bottom: r.bottom}; })"""
FIGURE_BOX = """() => { const r = document.querySelector('.main-svg').getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; }"""


def overlap(a, b) -> bool:
    return (
        a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and (b["top"] < a["bottom"])
    )


@pytest.fixture(scope="module")
def plotly_tab(browser):
    """A blank page holding plotly.js, loaded once for every figure of this module."""
    context = browser.new_context(viewport={"width": 1000, "height": 600})
    tab = context.new_page()
    tab.set_content(f'<html><body><div id="chart"></div><script>{get_plotlyjs()}</script>')
    yield tab
    context.close()


def drawn(tab, present: float, lang: str, width: int):
    by_hour = pd.DataFrame({"hour": range(24), "received": [3] * 24, "previous": [2] * 24})
    figure = charts.arrivals_by_hour(by_hour, ((8.5, 16.5),), present, lang)
    figure.update_layout(width=width, height=450)
    tab.evaluate("f => Plotly.newPlot('chart', f.data, f.layout)", figure.to_plotly_json())
    return tab.evaluate(MEASURE), tab.evaluate(FIGURE_BOX)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("width", [930, 420])
@pytest.mark.parametrize("present", [0.25, 7 + 50 / 60, 8 + 40 / 60, 9.5, 16.5, 23.75])
def test_now_office_hours_and_the_title_never_overlap_and_stay_in_the_figure(
    plotly_tab, lang, width, present
):
    boxes, figure = drawn(plotly_tab, present, lang, width)
    texts = sorted(box["text"] for box in boxes)
    assert texts == sorted(
        [t("today.by_hour", lang), t("today.office_hours", lang), t("today.present", lang)]
    )
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not overlap(a, b), (a, b)
        assert figure["left"] <= a["left"] and a["right"] <= figure["right"], a
