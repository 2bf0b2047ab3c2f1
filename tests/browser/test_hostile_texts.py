"""Hostile comment texts in a real browser: shown as plain text, never run or interpreted."""

import pytest
from playwright.sync_api import expect

from lib.db import open_db
from lib.i18n import t as translate
from lib.importers import import_file
from tests.browser.conftest import main, screenshot, settle, sign_in
from tests.test_reliability import HOSTILE, SEARCH_WORDS, hostile_csv

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile_ids(server):
    db = open_db(server["db"], migrate=False)
    try:
        import_file(db, hostile_csv(), "hostile.csv")
        return {
            name: db.execute(
                "SELECT id FROM comments WHERE external_id = ?", [f"hostile-{name}"]
            ).fetchone()[0]
            for name in HOSTILE
        }
    finally:
        db.conn.close()


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_text_is_shown_as_plain_text_in_chromium(server, page, hostile_ids, name):
    sign_in(page, f"{server['url']}/file?comment={hostile_ids[name]}", "agirard")
    heading = main(page).locator("h3", has_text=f"#{hostile_ids[name]} ·")
    expect(heading).to_be_visible(timeout=30_000)
    settle(page)
    # The detail panel's text element holds the comment exactly, character for character.
    texts = main(page).locator('[data-testid="stText"]').all_inner_texts()
    assert any(SEARCH_WORDS[name] in text for text in texts)
    shown = next(text for text in texts if SEARCH_WORDS[name] in text)
    if name == "markup":
        assert shown == HOSTILE[name]
        assert page.evaluate("() => window.pwned") is None  # the script never ran
        assert main(page).locator('img[src="x"]').count() == 0
        assert main(page).locator("b", has_text="HTML").count() == 0
    else:
        # Whitespace aside (the browser may wrap), every character is there.
        assert shown.split() == HOSTILE[name].split()
    screenshot(page, f"hostile-{name}")
    assert translate("queue.empty", "fr") not in main(page).inner_text()
