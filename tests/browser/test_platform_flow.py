"""End to end, in Chromium: comments on a Facebook page (served for real on localhost) reach
the queue with `python -m lib sync --once`; a moderator hides one and replies to another in
the browser; the next `sync --once` carries both to the page, the reply exactly once."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    click_queue_row,
    hide_in_queue,
    main,
    reply_in_queue,
    screenshot,
    serving,
    sign_in,
    vigie,
)
from tests.browser.test_flows import query, search_queue, t
from tests.platforms.fake_server import FakePlatforms

pytestmark = pytest.mark.browser

MODERATOR = "agirard"
TOKEN = "EAAB-browser-test-not-real"


@pytest.fixture(scope="module")
def own_server(demo_template, tmp_path_factory):
    """This module registers a connected account: it serves its own copy of the demo."""
    with serving(demo_template, tmp_path_factory.mktemp("platforms")) as served:
        yield served


def test_a_moderators_decisions_in_the_browser_happen_on_facebook(own_server, page, tmp_path):
    word = "zq" + uuid.uuid4().hex[:10]
    now = datetime.now(UTC)
    with FakePlatforms() as platform:
        platform.add_facebook_page("2002", "Ministère des Transports (démo)", TOKEN)
        platform.add_facebook_post("2002", "2002_9", "Fermeture du pont", now - timedelta(hours=6))
        platform.add_facebook_comment(
            "2002_9", "2002_9_spam", f"Gagnez 5000 $ par semaine, cliquez ici {word}",
            now - timedelta(hours=2), "u71", "Promo Rapide",
        )  # fmt: skip
        platform.add_facebook_comment(
            "2002_9", "2002_9_question", f"Le pont rouvre quand? {word}",
            now - timedelta(hours=1), "u72", "Julie Tremblay",
        )  # fmt: skip
        config = tmp_path / "connectors.toml"
        config.write_text(
            f'[connectors.mtq_fb]\nplatform = "facebook"\nname = "MTQ (Facebook)"\n'
            f'page_id = "2002"\ntoken = "{TOKEN}"\nbase_url = "{platform.graph_url}"\n',
            encoding="utf-8",
        )
        assert "1 compte(s) : 2 commentaire(s) reçu(s)" in vigie(
            "sync", "--once", "--config", config, "--db", own_server["db"]
        )
        ids = {
            r["external_id"]: r["id"]
            for r in query(
                own_server, "SELECT id, external_id FROM comments WHERE account = 'mtq_fb'"
            )
        }
        spam, question = ids["2002_9_spam"], ids["2002_9_question"]

        sign_in(page, own_server["url"], MODERATOR, t("nav.queue"))
        search_queue(page, word)
        click_queue_row(page, spam)
        link = main(page).get_by_role("link", name=t("queue.platform.open", platform="Facebook"))
        expect(link).to_have_attribute(
            "href", "https://www.facebook.com/2002/posts/9/?comment_id=spam"
        )
        hide_in_queue(page, spam, "Pourriel")
        reply = "Bonjour, le pont rouvre lundi à 6 h."
        reply_in_queue(page, question, reply)
        screenshot(page, "flow-platforms-decided")

        # Nothing reaches Facebook before the sync process runs.
        assert not platform.comment("2002_9_spam")["hidden"]
        assert "2 décision(s) appliquée(s)" in vigie(
            "sync", "--once", "--config", config, "--db", own_server["db"]
        )
        assert platform.comment("2002_9_spam")["hidden"]
        assert [r["text"] for r in platform.replies("2002_9_question")] == [reply]
        # A second run publishes nothing again.
        assert "0 décision(s) appliquée(s)" in vigie(
            "sync", "--once", "--config", config, "--db", own_server["db"]
        )
        assert len(platform.replies("2002_9_question")) == 1
        assert TOKEN not in (own_server["db"].parent / "streamlit.log").read_text()
