"""Signing in through the sidebar's form in Chromium: a typed username, refusals in words,
and a session that ends when the person's password changes elsewhere."""

import pytest
from playwright.sync_api import expect

from lib.auth import set_password
from lib.db import open_db
from lib.i18n import t as translate
from tests.browser.conftest import (
    await_signed_in,
    open_page,
    screenshot,
    settle,
    sidebar,
    sign_in,
    start_sign_in,
    submit_sign_in,
)

pytestmark = pytest.mark.browser


def t(key: str, **values) -> str:
    return translate(key, "fr", **values)


def test_a_visitor_sees_no_roster_and_a_wrong_password_is_refused_in_words(server, page):
    start_sign_in(page, server["url"], "lmorin", password="pas-le-bon")
    bar = sidebar(page)
    assert bar.get_by_role("combobox").count() == 0
    for name in ("Laurence Morin", "Amélie Girard", "Maude Lachance"):
        assert name not in bar.inner_text()
    submit_sign_in(page)
    expect(bar.get_by_text(t("auth.signin.failed"))).to_be_visible(timeout=30_000)
    settle(page)
    screenshot(page, "sign-in-refused")
    start_sign_in(page, server["url"], "lmorin")
    submit_sign_in(page)
    await_signed_in(page)


def test_a_password_changed_elsewhere_ends_the_browser_session_at_its_next_run(server, page):
    sign_in(page, server["url"], "fbeaulieu")
    with open_db(server["db"], migrate=False) as db:
        set_password(db, "mlachance", "fbeaulieu", "nouveau-mot-de-passe")
    open_page(page, t("nav.queue"))
    bar = sidebar(page)
    expect(bar.get_by_text("Votre session a pris fin", exact=False)).to_be_visible(timeout=30_000)
    expect(bar.get_by_role("button", name=t("auth.sign_in"))).to_be_visible()
    screenshot(page, "sign-in-session-ended")
