"""A lead adds a moderator in Paramètres › Équipe, in Chromium; the moderator then signs in."""

import pytest
from playwright.sync_api import expect

from lib.i18n import t as translate
from tests.browser.conftest import (
    await_signed_in,
    main,
    screenshot,
    settle,
    sidebar,
    sign_in,
    sign_out,
    start_sign_in,
    submit_sign_in,
)

pytestmark = pytest.mark.browser

NEW_PASSWORD = "premiere-journee-2026"


def t(key: str, **values) -> str:
    return translate(key, "fr", **values)


def test_a_lead_adds_a_moderator_who_then_signs_in(server, page):
    sign_in(page, server["url"], "mlachance", t("nav.settings"))
    main(page).get_by_role("tab", name=t("settings.tab.team")).click()
    form = main(page).get_by_test_id("stForm").filter(has_text=t("team.add"))
    form.get_by_label(t("settings.username"), exact=True).fill("nmartel")
    form.get_by_label(t("settings.display_name"), exact=True).fill("Noémie Martel")
    form.get_by_label(t("team.first_password"), exact=True).fill(NEW_PASSWORD)
    form.get_by_role("button", name=t("team.add_button")).click()
    expect(main(page).get_by_text(t("settings.saved"))).to_be_visible(timeout=30_000)
    settle(page)
    screenshot(page, "team-member-added")

    sign_out(page)
    start_sign_in(page, server["url"], "nmartel", password=NEW_PASSWORD)
    submit_sign_in(page)
    await_signed_in(page)
    signed_in = t("auth.signed_in_as", name="Noémie Martel", role=t("sidebar.role.moderator"))
    expect(sidebar(page).get_by_text(signed_in)).to_be_visible()
    screenshot(page, "team-new-moderator-signed-in")
