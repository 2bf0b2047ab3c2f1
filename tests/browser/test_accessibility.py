"""Accessibility basics, checked in Chromium on every page a lead sees.

- every chart has a title and a text alternative: its data in an expander next to it;
- every widget has a name (Chromium's computed accessible name, not only an aria-label);
- a comment's state is given in words, never by colour alone.
"""

import io

import pandas as pd
import pytest
from playwright.sync_api import expect

from lib.i18n import t as translate
from lib.states import STATES
from lib.ui import PAGES
from tests.browser.conftest import main, open_page, screenshot, settle, sign_in

pytestmark = pytest.mark.browser

LEAD = "mlachance"
TITLES = [translate(key, "fr") for _file, key, _icon, _slug in PAGES]
WIDGET_ROLES = {
    "textbox",
    "searchbox",
    "combobox",
    "listbox",
    "checkbox",
    "radio",
    "switch",
    "spinbutton",
    "slider",
    "button",
    "tab",
    "link",
}
# Each chart's container, the element after it, and what that element holds.
CHARTS_JS = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].map(chart => {
    const box = chart.closest('[data-testid="stElementContainer"]');
    const next = box ? box.nextElementSibling : null;
    const title = chart.querySelector('.gtitle');
    return {
        title: title ? title.textContent.trim() : '',
        expander: !!(next && next.querySelector('[data-testid="stExpander"]')),
        table: !!(next && next.querySelector(
            '[data-testid="stDataFrame"], [data-testid="stTable"]')),
    };
})"""


@pytest.fixture(scope="module")
def lead_tab(server, browser):
    """One signed-in lead's tab for the whole module: pages are visited in turn."""
    context = browser.new_context(
        viewport={"width": 1400, "height": 1000}, locale="fr-CA", accept_downloads=True
    )
    # Streamlit's "Download as CSV" saves through the File System Access API when
    # the browser has it; without it, it falls back to an ordinary download.
    context.add_init_script(
        "Object.defineProperty(window, 'showSaveFilePicker', {value: undefined})"
    )
    tab = context.new_page()
    sign_in(tab, server["url"], LEAD)
    yield tab
    context.close()


def test_every_chart_has_a_title_and_its_data_in_an_expander_next_to_it(lead_tab):
    charts = {}
    for title in TITLES:
        open_page(lead_tab, title)
        charts[title] = lead_tab.evaluate(CHARTS_JS)
        if charts[title]:
            screenshot(lead_tab, f"a11y-charts-{len(charts)}")
    assert sum(len(found) for found in charts.values()) >= 3, charts
    for title, found in charts.items():
        for chart in found:
            assert chart["title"], f"a chart without a title on {title}"
            assert chart["expander"] and chart["table"], (
                f"chart « {chart['title']} » on {title} has no table in an expander after it"
            )


def _unnamed_widgets(tab) -> list[str]:
    """Widgets whose accessible name, as Chromium computes it, is empty."""
    session = tab.context.new_cdp_session(tab)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    unnamed = []
    for node in nodes:
        role = (node.get("role") or {}).get("value")
        if node.get("ignored") or role not in WIDGET_ROLES:
            continue
        if not str((node.get("name") or {}).get("value") or "").strip():
            unnamed.append(f"{role} (backend node {node.get('backendDOMNodeId')})")
    return unnamed


def test_every_widget_on_every_page_has_a_name(lead_tab):
    unnamed = {}
    for title in TITLES:
        open_page(lead_tab, title)
        unnamed[title] = _unnamed_widgets(lead_tab)
        empty_labels = lead_tab.locator(
            'input[aria-label=""], textarea[aria-label=""], [role="combobox"][aria-label=""]'
        )
        assert empty_labels.count() == 0, f"an empty aria-label on {title}"
    assert {title: found for title, found in unnamed.items() if found} == {}


def test_a_comments_state_is_given_in_words_not_only_in_colour(lead_tab):
    open_page(lead_tab, translate("nav.queue", "fr"))
    words = {translate(f"state.{state}", "fr") for state in STATES}

    # The detail panel's coloured badge carries the state's name.
    badge = main(lead_tab).get_by_text(next(iter(words)))
    for word in words:
        badge = badge.or_(main(lead_tab).get_by_text(word, exact=True))
    expect(badge.first).to_be_visible(timeout=30_000)

    # The table's state column holds words: read it as the browser offers it for download.
    table = main(lead_tab).locator('[data-testid="stDataFrame"]').first
    table.hover()
    with lead_tab.expect_download(timeout=30_000) as download:
        table.get_by_role("button", name="Download as CSV").click()
    shown = pd.read_csv(io.BytesIO(download.value.path().read_bytes()), encoding="utf-8-sig")
    state_column = shown[translate("common.state", "fr")]
    assert len(state_column) > 0
    for cell in state_column:
        assert any(word in cell for word in words), cell
    settle(lead_tab)
    screenshot(lead_tab, "a11y-queue-states-in-words")
