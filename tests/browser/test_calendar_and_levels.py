"""In Chromium, against `streamlit run`: a lead adds a lunch closure and an Emergency level in
Paramètres; an open comment's due time and its explanation move in the queue, and an urgent
comment on the 24/7 level is overdue while a question received at the same moment is not."""

import pandas as pd
import pytest
from playwright.sync_api import expect

from lib.db import immediate, open_db
from lib.i18n import t as translate
from lib.ingest import insert_comments
from lib.times import now_utc
from tests.browser.conftest import main, screenshot, serving, settle, sign_in

pytestmark = pytest.mark.browser

LEAD, MODERATOR = "mlachance", "agirard"
LUNCH = "8 h 30 – 12 h, 13 h – 16 h 30"
# A Monday of the demo's weeks without a holiday: 8 business hours from 10 h end on Tuesday.
MONDAY_TEN = pd.Timestamp("2026-11-16 10:00", tz="America/Toronto")


def t(key: str, **values) -> str:
    return translate(key, "fr", **values)


@pytest.fixture(scope="module")
def own_server(demo_template, tmp_path_factory):
    """This module changes the calendar and the levels: it serves its own copy of the demo."""
    with serving(demo_template, tmp_path_factory.mktemp("calendar")) as served:
        yield served


def receive(path, received: pd.Timestamp, texts: dict[str, str]) -> dict[str, int]:
    """Comments arriving as an import stores them; their ids by external id."""
    frame = pd.DataFrame(
        {
            "platform": "facebook",
            "account": "Ministère des Finances",
            "external_id": list(texts),
            "author_name": "Personne inventée",
            "text": list(texts.values()),
            "received_at": received,
        }
    )
    with open_db(path) as db:
        with immediate(db):
            insert_comments(db, frame)
        marks = ", ".join("?" for _ in texts)
        return dict(
            db.execute(
                f"SELECT external_id, id FROM comments WHERE external_id IN ({marks})", list(texts)
            ).fetchall()
        )


def clock_sentence(page) -> str:
    sentence = main(page).get_by_test_id("stCaptionContainer").filter(has_text="reçu ").first
    expect(sentence).to_be_visible(timeout=30_000)
    return sentence.inner_text()


def levels_tab(page):
    """Paramètres' service-levels tab, once the rerun after a save has replaced the old tabs
    (for a moment both are in the page)."""
    tab = main(page).get_by_role("tab", name=t("settings.tab.levels"))
    expect(tab).to_have_count(1, timeout=30_000)
    return tab


def open_comment(page, server, comment_id: int) -> None:
    sign_in(page, f"{server['url']}/file?comment={comment_id}", MODERATOR)
    expect(main(page).locator("h3").first).to_contain_text(f"#{comment_id}", timeout=30_000)


def test_a_lunch_closure_and_a_24_7_level_move_due_times_in_the_queue(own_server, browser):
    ids = receive(own_server["db"], MONDAY_TEN, {"lunch-1": "Quand ouvre le bureau de Gaspé?"})

    before = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="fr-CA")
    open_comment(before, own_server, ids["lunch-1"])
    assert clock_sentence(before).endswith("échéance mardi 10 h")
    before.close()

    lead = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="fr-CA")
    sign_in(lead, own_server["url"], LEAD, t("nav.settings"))
    form = main(lead).get_by_test_id("stForm").filter(has_text=t("settings.easter_monday"))
    for day in ("Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi"):
        form.get_by_label(day, exact=True).fill(LUNCH)
    form.get_by_role("button", name=t("settings.save"), exact=True).click()
    expect(main(lead).get_by_text(t("settings.saved"))).to_be_visible(timeout=30_000)
    settle(lead)
    screenshot(lead, "calendar-lunch-closure-saved")

    levels_tab(lead).click()
    main(lead).get_by_role("button", name=t("levels.add_urgent")).click()
    expect(main(lead).get_by_text(t("settings.saved"))).to_be_visible(timeout=30_000)
    settle(lead)
    levels_tab(lead).click()
    # The table's cells are a canvas whose text mirror is never visible: what shows it.
    expect(main(lead).get_by_text("24 h sur 24").filter(visible=True).first).to_be_visible()
    screenshot(lead, "calendar-emergency-level")
    lead.close()

    # Three hours ago, a threat and a question: on the 24/7 level one hour is long past; on
    # business hours three hours of the clock cannot reach eight, whatever the hour now.
    moment = now_utc().floor("s") - pd.Timedelta(hours=3)
    ids |= receive(
        own_server["db"],
        moment,
        {
            "threat": "Je vais vous attendre à la sortie du bureau, vous allez payer pour ça.",
            "question": "Est-ce que le bureau de Gaspé est ouvert samedi?",
        },
    )

    page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="fr-CA")
    open_comment(page, own_server, ids["lunch-1"])
    assert clock_sentence(page).endswith("échéance mardi 11 h (fermé de 12 h à 13 h)")
    screenshot(page, "calendar-due-after-lunch-closure")

    open_comment(page, own_server, ids["threat"])
    assert "24 h sur 24 (niveau « Urgence »)" in clock_sentence(page)
    expect(main(page).get_by_text(t("state.open_breached"), exact=True).first).to_be_visible()
    screenshot(page, "calendar-urgent-overdue")

    open_comment(page, own_server, ids["question"])
    # At most three of its eight business hours are gone: more than two hours remain.
    expect(main(page).get_by_text(t("state.open_ok"), exact=True).first).to_be_visible()
    expect(main(page).get_by_text(t("state.open_breached"), exact=True)).to_have_count(0)
    assert "24 h sur 24" not in clock_sentence(page)
    page.close()
