"""Every page renders in a real headless Chromium against `streamlit run`, signed in as a lead."""

import pytest

from lib.i18n import t
from lib.ui import PAGES
from lib.ui.warm import PRELOAD_KEY
from tests.browser.conftest import open_page, screenshot, sidebar, sign_in, wait_for_app

pytestmark = pytest.mark.browser


def test_before_sign_in_the_app_opens_in_french_and_asks_for_a_username(server, page):
    page.goto(server["url"])
    wait_for_app(page)
    assert page.locator("h1").first.inner_text() == "Aujourd'hui"
    assert t("auth.sign_in", "fr") in sidebar(page).inner_text()
    # Meanwhile the browser has loaded the chart library, drawing a chart nobody sees.
    hidden = page.locator(f".st-key-{PRELOAD_KEY}")
    hidden.locator(".js-plotly-plot").wait_for(state="attached")
    assert hidden.count() == 1 and not hidden.is_visible()


def test_every_page_renders_for_a_lead_without_an_exception(server, page):
    sign_in(page, server["url"], "mlachance")
    for path, key, _icon, _slug in PAGES:
        title = t(key, "fr")
        open_page(page, title)
        assert page.locator('[data-testid="stException"]').count() == 0, title
        screenshot(page, f"page-{path.removeprefix('pages/').removesuffix('.py')}")
