"""A moderator's reply holding the commenter's e-mail address is blocked under the box, the
passage marked, in Chromium against `streamlit run`; without it, the reply is recorded."""

import uuid

import pytest
from playwright.sync_api import expect

from lib.i18n import t as translate
from tests.browser.conftest import main, screenshot, settle, sign_in
from tests.browser.test_flows import import_comments, query, search_queue, show_comment, visible

pytestmark = pytest.mark.browser

MODERATOR = "agirard"
EMAIL = "julie.tremblay@exemple.ca"


def t(key: str, **values) -> str:
    return translate(key, "fr", **values)


def test_a_reply_with_the_commenters_email_is_blocked_then_recorded_without_it(server, page):
    token = "zq" + uuid.uuid4().hex[:10]
    external = f"question-{token}"
    comment_id = import_comments(
        server,
        [
            {
                "platform": "facebook",
                "external_id": external,
                "received_at": "2026-11-20 09:05",
                "text": f"Bonjour, comment obtenir une copie de mon dossier? {token}",
                "author": "Julie Tremblay",
            }
        ],
    )[external]

    sign_in(page, server["url"], MODERATOR, t("nav.queue"))
    search_queue(page, token)
    show_comment(page, comment_id)
    main(page).get_by_role("tab", name=t("queue.tab.reply")).click()
    box = visible(main(page).get_by_label(t("queue.reply"), exact=True))
    box.fill(f"Écrivez-nous, {EMAIL}, nous vous répondrons.")
    box.press("Tab")  # leaving the box sends its text: the checks run on it
    settle(page)
    expect(visible(main(page).get_by_text(t("drafts.blocked")))).to_be_visible()
    passage = visible(main(page).locator("mark", has_text=EMAIL))
    expect(passage).to_have_count(1)
    expect(passage).to_have_text(EMAIL)
    passage.scroll_into_view_if_needed()
    screenshot(page, "reply-checks-1-blocked")

    visible(main(page).get_by_role("button", name=t("queue.kind.reply"), exact=True)).click()
    expect(main(page).get_by_text(t("queue.invalid.draft_blocked"))).to_be_visible(timeout=30_000)
    settle(page)
    screenshot(page, "reply-checks-2-refused")
    assert query(server, "SELECT status FROM comments WHERE id = ?", (comment_id,)) == [
        {"status": "new"}
    ]

    reply = "Écrivez-nous par message privé, nous vous répondrons."
    box = visible(main(page).get_by_label(t("queue.reply"), exact=True))
    box.fill(reply)
    box.press("Tab")
    settle(page)
    expect(main(page).locator("mark")).to_have_count(0)
    visible(main(page).get_by_role("button", name=t("queue.kind.reply"), exact=True)).click()
    done = t("queue.done", id=comment_id, what=t("queue.kind.reply"))
    expect(main(page).get_by_text(done)).to_be_visible(timeout=30_000)
    settle(page)
    screenshot(page, "reply-checks-3-recorded")

    assert query(server, "SELECT status FROM comments WHERE id = ?", (comment_id,)) == [
        {"status": "answered"}
    ]
    actions = query(
        server,
        "SELECT kind, actor, reply, overridden FROM actions WHERE comment_id = ?",
        (comment_id,),
    )
    assert actions == [{"kind": "reply", "actor": MODERATOR, "reply": reply, "overridden": None}]
