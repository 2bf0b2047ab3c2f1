"""Five people working at once, each in their own browser session, on one server."""

import uuid

import pandas as pd
import pytest
from playwright.sync_api import expect

from lib.db import open_db
from lib.i18n import t as translate
from lib.importers import import_file
from tests.browser.conftest import (
    await_signed_in,
    main,
    screenshot,
    settle,
    start_sign_in,
    submit_sign_in,
)

pytestmark = pytest.mark.browser

PEOPLE = {
    "agirard": "Amélie Girard",
    "kbenali": "Karim Benali",
    "sfortin": "Sophie Fortin",
    "jcote": "Jérôme Côté",
    "mlachance": "Maude Lachance",
}


def t(key: str, **values) -> str:
    return translate(key, "fr", **values)


def one_comment_each(server) -> dict[str, tuple[str, int]]:
    """A fresh comment per person, found by its own search word: (word, comment id)."""
    words = {username: "zq" + uuid.uuid4().hex[:10] for username in PEOPLE}
    frame = pd.DataFrame(
        {
            "platform": "facebook",
            "external_id": [f"session-{w}" for w in words.values()],
            "received_at": "2026-11-20 11:00",
            "text": [f"Merci pour l'information, très utile! {w}" for w in words.values()],
            "author": "Lucie Gagnon",
        }
    )
    db = open_db(server["db"], migrate=False)
    try:
        assert import_file(db, frame.to_csv(index=False).encode(), "sessions.csv").added == 5
        ids = dict(
            db.execute(
                "SELECT external_id, id FROM comments WHERE external_id LIKE 'session-zq%'"
            ).fetchall()
        )
    finally:
        db.conn.close()
    return {username: (word, ids[f"session-{word}"]) for username, word in words.items()}


def test_five_people_signed_in_at_once_each_complete_their_flow(server, browser):
    comments = one_comment_each(server)
    contexts = {
        username: browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fr-CA")
        for username in PEOPLE
    }
    try:
        tabs = {username: context.new_page() for username, context in contexts.items()}
        # Each step is started in every tab before any is waited for: the server
        # runs the five sessions' reruns at the same time.
        for username, tab in tabs.items():
            start_sign_in(tab, server["url"], username, t("nav.queue"))
        for tab in tabs.values():
            submit_sign_in(tab)
        for tab in tabs.values():
            await_signed_in(tab)
        for username, tab in tabs.items():
            box = main(tab).get_by_label(t("queue.search"), exact=True)
            box.fill(comments[username][0])
            box.press("Enter")
        for username, tab in tabs.items():
            heading = main(tab).locator("h3", has_text=f"#{comments[username][1]} ·")
            expect(heading).to_be_visible(timeout=60_000)
            settle(tab)
            main(tab).get_by_role("tab", name=t("queue.tab.other")).click()
            note = main(tab).get_by_label(t("queue.note"), exact=True)
            note.fill(f"Vu par {PEOPLE[username]}")
            note.press("Tab")  # a text area sends its value when it loses focus
        for tab in tabs.values():
            settle(tab)
        for tab in tabs.values():
            main(tab).get_by_role("button", name=t("queue.kind.note"), exact=True).click()
        for username, tab in tabs.items():
            comment_id = comments[username][1]
            done = t("queue.done", id=comment_id, what=t("queue.kind.note"))
            expect(main(tab).get_by_text(done)).to_be_visible(timeout=60_000)
            settle(tab)
            assert tab.locator('[data-testid="stException"]').count() == 0
            screenshot(tab, f"sessions-{username}")
    finally:
        for context in contexts.values():
            context.close()

    db = open_db(server["db"], migrate=False)
    try:
        notes = {
            (row["comment_id"], row["actor"], row["note"])
            for row in db.query(
                f"SELECT comment_id, actor, note FROM actions WHERE kind = 'note'"
                f" AND comment_id IN ({', '.join('?' for _ in comments)})",
                [comment_id for _word, comment_id in comments.values()],
            )
        }
    finally:
        db.conn.close()
    assert notes == {
        (comment_id, username, f"Vu par {PEOPLE[username]}")
        for username, (_word, comment_id) in comments.items()
    }
