"""Every page renders in a real headless Chromium against `streamlit run`."""

import pytest

from lib.ui import PAGES
from tests.browser.conftest import screenshot, wait_for_app

pytestmark = pytest.mark.browser


def _url_path(page_file: str) -> str:
    return page_file.removeprefix("pages/").removesuffix(".py")


@pytest.mark.parametrize("page_file", [p for p, _k, _i in PAGES])
def test_every_page_renders_in_chromium_without_an_exception(server, page, page_file):
    page.goto(f"{server['url']}/{_url_path(page_file)}")
    wait_for_app(page)
    page.wait_for_selector("h1", timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    screenshot(page, f"page-{_url_path(page_file)}")


def test_the_app_opens_in_french_with_the_team_in_the_sidebar(server, page):
    page.goto(server["url"])
    wait_for_app(page)
    assert page.locator("h1").first.inner_text() == "Aujourd'hui"
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert "Personne au travail" in sidebar.inner_text()
