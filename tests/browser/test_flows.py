"""The team's daily flows, driven in headless Chromium against `streamlit run`.

Every flow takes its comments from the served database at its start (or
imports its own), so the tests hold in any order on the one shared server.
Screenshots of every step go to tests/screenshots/flow-*.png.
"""

import io
import re
import uuid

import pandas as pd
import pytest
from playwright.sync_api import expect

from lib.compliance import explain_clock
from lib.db import open_db
from lib.i18n import t as translate
from lib.importers import import_file
from lib.reports import COLUMNS
from lib.settings import load_settings
from lib.ui.lead import QUEUE_URL
from tests.browser.conftest import (
    choose,
    click_queue_row,
    hide_in_queue,
    main,
    reply_in_queue,
    screenshot,
    settle,
    sign_in,
    sign_out,
)

pytestmark = pytest.mark.browser

MODERATOR = "agirard"
LEAD = "mlachance"


def t(key: str, **values) -> str:
    return translate(key, "fr", **values)


def query(server, sql: str, params=()) -> list[dict]:
    db = open_db(server["db"], migrate=False)
    try:
        return list(db.query(sql, params))
    finally:
        db.conn.close()


def import_comments(server, rows: list[dict]) -> dict[str, int]:
    """Import comments into the served database; their ids by external id."""
    frame = pd.DataFrame(rows)
    db = open_db(server["db"], migrate=False)
    try:
        summary = import_file(db, frame.to_csv(index=False).encode(), "flow.csv")
        assert summary.added == len(rows)
        marks = ", ".join("?" for _ in rows)
        found = db.execute(
            f"SELECT external_id, id FROM comments WHERE external_id IN ({marks})",
            [r["external_id"] for r in rows],
        )
        return dict(found.fetchall())
    finally:
        db.conn.close()


def search_queue(tab, words: str) -> None:
    box = main(tab).get_by_label(t("queue.search"), exact=True)
    box.fill(words)
    box.press("Enter")
    settle(tab)


def show_comment(tab, comment_id: int) -> None:
    """Click the comment's row in the table and wait for its heading in the detail panel."""
    click_queue_row(tab, comment_id)


def visible(locator):
    return locator.filter(visible=True)


def test_a_moderator_filters_hides_a_spam_and_replies_to_a_question(server, page):
    token = "zq" + uuid.uuid4().hex[:10]
    ids = import_comments(
        server,
        [
            {
                "platform": "facebook",
                "external_id": f"spam-{token}",
                "received_at": "2026-11-20 09:00",
                "text": f"Gagnez 5000 $ par semaine depuis la maison!!! Cliquez ici {token}",
                "author": "Promo Rapide",
            },
            {
                "platform": "facebook",
                "external_id": f"question-{token}",
                "received_at": "2026-11-20 09:05",
                "text": f"Bonjour, quelles sont les heures du bureau de Rimouski? {token}",
                "author": "Julie Tremblay",
            },
        ],
    )
    spam, question = ids[f"spam-{token}"], ids[f"question-{token}"]

    sign_in(page, server["url"], MODERATOR, t("nav.queue"))
    screenshot(page, "flow-moderator-1-queue")

    search_queue(page, token)
    expect(main(page).get_by_text(t("queue.page_of", page=1, pages=1, count=2))).to_be_visible()
    # A second filter narrows further: not on X, then on Facebook again.
    choose(main(page), t("common.platform"), "X")
    settle(page)
    expect(main(page).get_by_text(t("queue.empty"))).to_be_visible()
    main(page).get_by_role("combobox", name=t("common.platform"), exact=True).press("Backspace")
    choose(main(page), t("common.platform"), "Facebook")
    settle(page)
    expect(main(page).get_by_text(t("queue.page_of", page=1, pages=1, count=2))).to_be_visible()
    screenshot(page, "flow-moderator-2-filtered")

    hide_in_queue(page, spam, "Pourriel")
    screenshot(page, "flow-moderator-3-spam-hidden")

    reply = "Bonjour, le bureau de Rimouski est ouvert de 8 h 30 à 16 h 30."
    reply_in_queue(page, question, reply)
    expect(main(page).get_by_text(t("queue.empty"))).to_be_visible()
    screenshot(page, "flow-moderator-4-both-left-the-queue")

    rows = {
        r["id"]: r
        for r in query(server, "SELECT * FROM comments WHERE id IN (?, ?)", (spam, question))
    }
    assert rows[spam]["status"] == "hidden"
    assert rows[question]["status"] == "answered"
    actions = query(
        server,
        "SELECT comment_id, kind, actor, reasons, reply FROM actions WHERE comment_id IN (?, ?)",
        (spam, question),
    )
    assert {(a["comment_id"], a["kind"], a["actor"]) for a in actions} == {
        (spam, "hide", "agirard"),
        (question, "reply", "agirard"),
    }
    hidden = next(a for a in actions if a["kind"] == "hide")
    assert "pourriel" in hidden["reasons"]
    answered = next(a for a in actions if a["kind"] == "reply")
    assert answered["reply"] == reply


def test_a_lead_approves_a_reply_escalated_by_a_moderator(server, page):
    token = "zq" + uuid.uuid4().hex[:10]
    external = f"negative-{token}"
    comment_id = import_comments(
        server,
        [
            {
                "platform": "facebook",
                "external_id": external,
                "received_at": "2026-11-20 10:00",
                "text": f"Service vraiment décevant, personne ne répond jamais. {token}",
                "author": "Marc Pelletier",
            }
        ],
    )[external]
    proposed = "Nous sommes désolés de ce délai; écrivez-nous en privé, nous vous répondrons."

    # The moderator may not reply to a negative comment: only submit the reply for approval.
    sign_in(page, server["url"], MODERATOR, t("nav.queue"))
    search_queue(page, token)
    show_comment(page, comment_id)
    main(page).get_by_role("tab", name=t("queue.tab.reply")).click()
    expect(visible(main(page).get_by_text(t("queue.needs_approval")))).to_be_visible()
    expect(
        visible(main(page).get_by_role("button", name=t("queue.kind.reply"), exact=True))
    ).to_have_count(0)
    visible(main(page).get_by_label(t("queue.reply"), exact=True)).fill(proposed)
    visible(main(page).get_by_role("button", name=t("queue.kind.escalate"), exact=True)).click()
    done = t("queue.done", id=comment_id, what=t("queue.kind.escalate"))
    expect(main(page).get_by_text(done)).to_be_visible(timeout=30_000)
    settle(page)
    screenshot(page, "flow-lead-0-escalated-by-the-moderator")
    sign_out(page)

    sign_in(page, server["url"], LEAD, t("nav.queue"))
    search_queue(page, token)
    show_comment(page, comment_id)
    approval = main(page).get_by_text(t("queue.approval.title"))
    expect(approval).to_be_visible()
    expect(main(page).get_by_label(t("queue.proposed_reply"), exact=True)).to_have_value(proposed)
    screenshot(page, "flow-lead-1-awaiting-approval")

    main(page).get_by_role("button", name=t("queue.kind.approve"), exact=True).click()
    done = t("queue.done", id=comment_id, what=t("queue.kind.approve"))
    expect(main(page).get_by_text(done)).to_be_visible(timeout=30_000)
    settle(page)
    expect(main(page).get_by_text(t("queue.empty"))).to_be_visible()
    screenshot(page, "flow-lead-2-approved")

    row = query(server, "SELECT status, version FROM comments WHERE id = ?", (comment_id,))[0]
    assert row["status"] == "answered"
    kinds = query(
        server,
        "SELECT kind, actor, reply FROM actions WHERE comment_id = ? ORDER BY id",
        (comment_id,),
    )
    assert [(a["kind"], a["actor"]) for a in kinds] == [
        ("escalate", "agirard"),
        ("approve", "mlachance"),
    ]
    assert kinds[-1]["reply"] == proposed


def test_a_lead_follows_a_breach_from_conformite_to_its_comment_in_the_queue(server, page):
    sign_in(page, server["url"], LEAD, t("nav.compliance"))
    expect(main(page).get_by_role("heading", name=t("compliance.breaches"))).to_be_visible()
    link = main(page).get_by_role(
        "link", name=re.compile(re.escape(t("lead.open_comment", id=0))[:-1])
    )
    expect(link).to_be_visible()
    comment_id = int(re.search(r"(\d+)\s*$", link.inner_text().strip()).group(1))
    screenshot(page, "flow-breach-1-conformite")

    link.click()
    expect(page.locator("h1").first).to_have_text(t("nav.queue"), timeout=30_000)
    settle(page)
    screenshot(page, "flow-breach-2-queue")
    expect(main(page).locator("h3", has_text=f"#{comment_id} ·")).to_be_visible()


def test_a_lead_downloads_a_csv_for_excel_from_rapports(server, page):
    sign_in(page, server["url"], LEAD, t("nav.reports"))
    screenshot(page, "flow-reports-1-page")
    button = main(page).get_by_role(
        "button", name=re.compile("^" + re.escape(t("reports.download", name="")))
    )
    with page.expect_download(timeout=60_000) as download:
        button.click()
    data = download.value.path().read_bytes()
    assert download.value.suggested_filename.endswith(".csv")
    assert data.startswith(b"\xef\xbb\xbf")
    header = data[3:].split(b"\r\n", 1)[0].decode("utf-8").split(";")
    assert header[: len(COLUMNS["compliance"])] == list(COLUMNS["compliance"])
    table = pd.read_csv(io.BytesIO(data), sep=";", encoding="utf-8-sig", dtype=str)
    assert len(table) > 0
    screenshot(page, "flow-reports-2-downloaded")


def _a_due_time_a_closure_would_move(server) -> tuple[int, str, str]:
    """An open comment, the local day it falls due on (a business day), and its due_at.

    Closing that day moves the due time later: the business minutes due on it move on.
    """
    db = open_db(server["db"], migrate=False)
    try:
        cal = load_settings(db).calendar()
        rows = pd.DataFrame(
            db.query(
                "SELECT id, due_at FROM comments"
                " WHERE status IN ('new', 'assigned') AND due_at IS NOT NULL ORDER BY due_at DESC"
            )
        )
    finally:
        db.conn.close()
    due = pd.to_datetime(rows["due_at"], utc=True)
    working = cal.is_open(due - pd.Timedelta(minutes=1))
    first = rows.loc[working].iloc[0]
    local_day = pd.Timestamp(first["due_at"], tz="UTC").tz_convert(cal.tz).date()
    return int(first["id"]), local_day.isoformat(), first["due_at"]


def test_a_lead_adds_a_closure_and_an_open_comments_due_time_moves(server, page):
    comment_id, day, due_before = _a_due_time_a_closure_would_move(server)

    sign_in(page, server["url"], LEAD, t("nav.settings"))
    main(page).get_by_role("tab", name=t("settings.tab.closures")).click()
    screenshot(page, "flow-settings-1-closures")
    year, month, date_of_month = day.split("-")
    for part, digits in (("year", year), ("month", month), ("day", date_of_month)):
        segment = main(page).get_by_role("spinbutton", name=f"{part}, {t('settings.closure_add')}")
        segment.click()
        segment.press_sequentially(digits)
    page.keyboard.press("Escape")  # the calendar popup would cover the form's button
    date_field = main(page).get_by_role("group", name=t("settings.closure_add"), exact=True)
    expect(date_field).to_contain_text(day)
    form = (
        main(page)
        .locator('[data-testid="stForm"]')
        .filter(has=page.get_by_role("group", name=t("settings.closure_add"), exact=True))
    )
    form.get_by_role("button", name=t("settings.closure_add_button"), exact=True).click()
    expect(main(page).get_by_text(t("settings.saved"))).to_be_visible(timeout=30_000)
    settle(page)
    screenshot(page, "flow-settings-2-closure-added")

    row = query(server, "SELECT received_at, due_at FROM comments WHERE id = ?", (comment_id,))[0]
    assert pd.Timestamp(row["due_at"]) > pd.Timestamp(due_before)
    db = open_db(server["db"], migrate=False)
    try:
        settings = load_settings(db)
        assert day in settings.closures
        sentence = explain_clock(row["received_at"], settings.calendar(), settings.target_hours)
    finally:
        db.conn.close()

    # In the queue, the comment's clock now names the closure and the later due time.
    sign_in(page, f"{server['url']}/{QUEUE_URL}?comment={comment_id}", LEAD)
    expect(main(page).locator("h3", has_text=f"#{comment_id} ·")).to_be_visible(timeout=30_000)
    expect(main(page).get_by_text(sentence, exact=True)).to_be_visible()
    assert "fermeture" in sentence or "congé" in sentence, sentence
    screenshot(page, "flow-settings-3-due-time-moved-in-the-queue")
