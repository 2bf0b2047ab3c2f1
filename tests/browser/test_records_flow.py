"""End to end in Chromium: a lead answers an access request (Registres › Demandes d'accès:
search, tick, prepare, download the ZIP and read it back, recorded in the export audit),
places a legal hold, and verifies the history."""

import io
import zipfile

import pandas as pd
import pytest
from playwright.sync_api import expect

from lib.db import open_db
from lib.i18n import t
from tests.browser.conftest import choose, main, screenshot, serving, settle, sign_in

pytestmark = pytest.mark.browser

LEAD = "mlachance"


@pytest.fixture(scope="module")
def own_server(demo_template, tmp_path_factory):
    """This module writes holds and audit rows: it serves its own copy of the demo."""
    with serving(demo_template, tmp_path_factory.mktemp("records")) as served:
        yield served


def _busiest_author(path) -> tuple[str, dict[str, int]]:
    """The handle with the most comments, and how many it has on each platform."""
    with open_db(path) as db:
        [(handle,)] = db.execute(
            "SELECT author_handle FROM comments WHERE author_handle IS NOT NULL "
            "GROUP BY author_handle ORDER BY count(*) DESC, author_handle LIMIT 1"
        )
        counts = db.execute(
            "SELECT platform, count(*) FROM comments WHERE author_handle = ? GROUP BY platform",
            [handle],
        )
        return handle, dict(counts.fetchall())


def test_a_lead_downloads_everything_held_about_a_person(own_server, page):
    handle, counts = _busiest_author(own_server["db"])
    assert len(counts) > 1, "the demo's busiest author writes on several platforms"
    sign_in(page, own_server["url"], LEAD, t("nav.records"))
    area = main(page)
    area.get_by_role("tab", name=t("records.tab.access")).click()
    area.get_by_label(t("access.search"), exact=True).fill(handle)
    area.get_by_label(t("access.search"), exact=True).press("Enter")
    settle(page)
    for platform in counts:  # the same person on every platform
        choose(area, t("access.choose"), f"{t(f'platform.{platform}')} · {handle} · ")
        settle(page)
    area.get_by_role("button", name=t("access.prepare")).click()
    settle(page)
    expect(area.get_by_text(t("access.prepared"))).to_be_visible()
    with page.expect_download() as arrived:
        area.get_by_role("button", name=t("access.download", name="")).click()
    data = arrived.value.path().read_bytes()
    screenshot(page, "records-access-request")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        comments = pd.read_csv(
            io.BytesIO(archive.read("commentaires.csv")), sep=";", encoding="utf-8-sig"
        )
        readme = archive.read("LISEZMOI.txt").decode("utf-8-sig")
    assert len(comments) == sum(counts.values()) and set(comments["author_handle"]) == {handle}
    assert comments.groupby("platform").size().to_dict() == counts
    assert f" : {handle} (" in readme
    with open_db(own_server["db"]) as db:
        audit = list(db.query("SELECT actor, kind, subject FROM export_audit"))
    assert [(a["actor"], a["kind"]) for a in audit] == [(LEAD, "access")]
    assert sorted(audit[0]["subject"].split(", ")) == sorted(f"{p}:{handle}" for p in counts)


def test_a_lead_places_a_hold_and_verifies_the_history(own_server, page):
    sign_in(page, own_server["url"], LEAD, t("nav.records"))
    area = main(page)
    area.get_by_role("tab", name=t("records.tab.holds")).click()
    area.get_by_label(t("records.ui.hold_comment_number"), exact=True).fill("12")
    area.get_by_label(t("records.ui.hold_reason"), exact=True).fill("Plainte 2026-14")
    area.get_by_role("button", name=t("records.ui.hold_place")).click()
    settle(page)
    with open_db(own_server["db"]) as db:
        holds = [(h["action"], h["comment_id"], h["reason"]) for h in db["legal_holds"].rows]
    assert holds == [("place", 12, "Plainte 2026-14")]
    settle(page)  # the page reran after placing the hold: tabs are drawn anew
    area.get_by_role("tab", name=t("records.tab.integrity")).click()
    expect(area.get_by_role("button", name=t("records.ui.verify"))).to_be_visible()
    area.get_by_role("button", name=t("records.ui.verify")).click()
    settle(page)
    expect(area.get_by_text("Chaîne intacte :")).to_be_visible()
    screenshot(page, "records-integrity")
