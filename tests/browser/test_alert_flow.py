"""End to end: a threat arrives out of hours; `python -m lib notify --once` e-mails the first
person on the alert list (a real SMTP server on localhost); the link in the e-mail, opened
in Chromium, signs them in onto that very comment; and the next cycle, past the delay,
passes nothing on, because somebody has opened it."""

import re

import pandas as pd
import pytest
from playwright.sync_api import expect

from lib.db import open_db
from lib.settings import save_settings
from tests.browser.conftest import main, screenshot, serving, sign_in, vigie
from tests.mail_server import running_mail_server

pytestmark = pytest.mark.browser

LEAD, MODERATOR = "mlachance", "agirard"
THREAT = "Je vais tous vous tuer demain matin à l'hôtel de ville"


@pytest.fixture(scope="module")
def own_server(demo_template, tmp_path_factory):
    """This module changes the alert list: it serves its own copy of the demo."""
    with serving(demo_template, tmp_path_factory.mktemp("alerts")) as served:
        yield served


def test_the_alert_link_opens_the_comment_and_stops_the_escalation(own_server, page, tmp_path):
    db_path = own_server["db"]
    with open_db(db_path) as db:
        for username in (MODERATOR, LEAD):
            db["users"].update(username, {"email": f"{username}@example.org"})
        save_settings(db, LEAD, alert_recipients=[MODERATOR, LEAD], alert_escalation_minutes=30)
    now = pd.Timestamp.now(tz="America/Toronto").floor("min")
    received = (now - pd.Timedelta(minutes=2)).strftime("%Y-%m-%d %H:%M")
    file = tmp_path / "nuit.csv"
    file.write_text(
        "platform;account;external_id;received_at;author_name;text\n"
        f"facebook;Ville (démo);alerte-1;{received};Personne Inventée;{THREAT}\n",
        encoding="utf-8",
    )
    vigie("import", file, "--db", db_path)
    with open_db(db_path) as db:
        [(comment,)] = db.execute("SELECT id FROM comments WHERE external_id = 'alerte-1'")

    with running_mail_server() as mail:
        config = tmp_path / "secrets.toml"
        config.write_text(
            f'[smtp]\nhost = "{mail.host}"\nport = {mail.port}\nsender = "vigie@example.org"\n'
            f'[alerts]\nbase_url = "{own_server["url"]}"\n',
            encoding="utf-8",
        )
        vigie("notify", "--once", "--config", config, "--db", db_path)
        [alert] = [m for m in mail.received if "urgent" in m.message["Subject"]]
        assert alert.recipients == [f"{MODERATOR}@example.org"]
        link = re.search(r"https?://\S+/file\?comment=\d+", alert.message.get_body().get_content())
        assert link.group(0) == f"{own_server['url']}/file?comment={comment}"

        # The moderator follows the link: signed in, the comment is the one in front of them.
        sign_in(page, link.group(0), MODERATOR)
        expect(main(page).locator("h3").first).to_contain_text(f"#{comment} ·", timeout=30_000)
        expect(page.locator(".st-key-queue_detail").get_by_text(THREAT)).to_be_visible()
        screenshot(page, "alert-link-opens-the-comment")

        later = (now + pd.Timedelta(minutes=40)).strftime("%Y-%m-%d %H:%M")
        line = vigie("notify", "--once", "--config", config, "--now", later, "--db", db_path)
        assert [m for m in mail.received if "toujours pas ouvert" in m.message["Subject"]] == []
        assert line.startswith("alertes : ")
