"""A newcomer's first hour in a real Chromium: the language chosen before signing in holds
on every page, French pages write decimals with a comma, and the queue shows the row clicked.

Every page is also screenshotted in both languages into tests/screenshots/ for review.
"""

import re

import pytest
from playwright.sync_api import expect

from lib.catalogue import STRINGS
from lib.i18n import t
from lib.ui import PAGES
from tests.browser.conftest import (
    click_queue_row,
    main,
    open_page,
    queue_ids,
    screenshot,
    settle,
    sidebar,
    sign_in,
)

pytestmark = pytest.mark.browser

# French sentences of the catalogue that differ from their English: none may remain on a
# page drawn in English. Short words ("Motifs") and sentences with placeholders are left
# out: they may also be a comment's own words, or are checked filled in elsewhere.
FRENCH_ONLY = sorted(
    {
        entry["fr"]
        for entry in STRINGS.values()
        if entry["fr"] != entry.get("en") and len(entry["fr"]) >= 14 and "{" not in entry["fr"]
    }
)


def page_text(tab) -> str:
    """What a reader sees: the sidebar, the main area, and the charts' SVG text."""
    svg = tab.locator("svg text").evaluate_all("nodes => nodes.map(n => n.textContent)")
    return "\n".join([sidebar(tab).inner_text(), main(tab).inner_text(), *svg])


def test_english_chosen_before_signing_in_holds_on_every_page_after(server, page):
    page.goto(server["url"])
    settle(page)
    sidebar(page).get_by_text("English", exact=True).click()
    settle(page)
    nav = sidebar(page).get_by_test_id("stSidebarNav")
    for _path, key, _icon, _slug in PAGES:
        expect(nav.get_by_role("link", name=t(key, "en"))).to_be_visible()
    bar = sidebar(page)
    bar.get_by_label(t("auth.username", "en"), exact=True).fill("mlachance")
    bar.get_by_label(t("auth.password", "en"), exact=True).fill("vigie-demo")
    bar.get_by_role("button", name=t("auth.sign_in", "en")).click()
    expect(bar.get_by_role("button", name=t("auth.sign_out", "en"))).to_be_visible(timeout=60_000)
    settle(page)
    expect(bar.get_by_role("radio", name="English")).to_be_checked()
    for path, key, _icon, _slug in PAGES:
        open_page(page, t(key, "en"))
        text = page_text(page)
        left = [sentence for sentence in FRENCH_ONLY if sentence in text]
        assert not left, f"{t(key, 'en')}: French words on an English page: {left[:5]}"
        screenshot(page, f"en-{path.removeprefix('pages/').removesuffix('.py')}")


# A number with a decimal point (12.5) outside an address or a date: in French, 12,5.
DECIMAL_POINT = re.compile(r"(?<![\w./:-])\d+\.\d+(?![\w./:-])")
DECIMAL_COMMA = re.compile(r"\d,\d")


def test_french_pages_write_their_decimals_with_a_comma(server, page):
    sign_in(page, server["url"], "mlachance")
    commas = 0
    for path, key, _icon, _slug in PAGES:
        open_page(page, t(key, "fr"))
        text = page_text(page)
        assert not DECIMAL_POINT.findall(text), (t(key, "fr"), DECIMAL_POINT.findall(text))
        commas += len(DECIMAL_COMMA.findall(text))
        screenshot(page, f"fr-{path.removeprefix('pages/').removesuffix('.py')}")
    assert commas, "the demo's rates and medians have decimals: they must show somewhere"


def test_the_row_clicked_in_the_queue_is_the_one_shown_and_j_and_k_move_through_it(server, page):
    sign_in(page, server["url"], "agirard", t("nav.queue", "fr"))
    ids = queue_ids(page)
    assert len(ids) > 4
    click_queue_row(page, ids[3])
    heading = main(page).locator("h3").first
    expect(heading).to_contain_text(f"#{ids[3]} ·")
    page.locator("h1").first.click()  # the keys work wherever the typing cursor is not
    page.keyboard.press("j")
    expect(heading).to_contain_text(f"#{ids[4]} ·", timeout=30_000)
    settle(page)
    for back in (ids[3], ids[2]):
        page.keyboard.press("k")
        expect(heading).to_contain_text(f"#{back} ·", timeout=30_000)
        settle(page)
    screenshot(page, "fr-queue-moderator")


def test_the_detail_stays_in_view_while_the_page_scrolls(server, page):
    sign_in(page, server["url"], "agirard", t("nav.queue", "fr"))
    ids = queue_ids(page)
    detail = main(page).locator(".st-key-queue_detail")
    page.mouse.move(700, 300)  # over the page, not the sidebar
    page.mouse.wheel(0, 2000)
    page.wait_for_function(
        "() => document.querySelector('[data-testid=stMain]').scrollTop > 1000", polling=100
    )
    box = detail.bounding_box()
    assert 0 <= box["y"] < 200, box
    expect(main(page).locator("h3").first).to_be_in_viewport()
    click_queue_row(page, ids[-1])  # the last row of the page, far below the first
    assert 0 <= detail.bounding_box()["y"] < 200
    screenshot(page, "fr-queue-scrolled")
