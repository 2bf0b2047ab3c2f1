"""The notify worker against a real SMTP server and a real webhook server on localhost:
alerts at any hour and their escalation, the spike alert, the morning digest, retries."""

from pathlib import Path

import pandas as pd
import pytest

from lib.__main__ import main
from lib.connectors import command as sync_command
from lib.importers import import_file
from lib.notify.channels import Channels, Smtp, Webhook
from lib.notify.log import MAX_ATTEMPTS
from lib.notify.opens import record_open
from lib.notify.worker import notify_once, send_test
from lib.secrets import Token
from lib.settings import save_settings
from tests.mail_server import free_port, mail_server_fixture  # noqa: F401
from tests.webhook_server import webhook_server_fixture  # noqa: F401

TZ = "America/Toronto"
HEADER = "platform;account;external_id;received_at;author_name;author_handle;text"
THREAT = "Je vais tous vous tuer demain matin à l'hôtel de ville"
ORDINARY = "À quelle heure ouvre la bibliothèque samedi?"
FRIDAY_EVENING = "2026-11-27 17:05"  # a Friday, after the office closed
BASE = "https://vigie.example.org"


def at(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz=TZ)


def channels(mail_server, webhook_server=None) -> Channels:
    smtp = Smtp(mail_server.host, mail_server.port, sender="vigie@example.org", starttls=False)
    hooks = (Webhook("slack", Token(webhook_server.url + "/slack")),) if webhook_server else ()
    return Channels(smtp=smtp, webhooks=hooks, base_url=BASE)


@pytest.fixture
def alert_db(team_db):
    """TEAM with addresses, and a second lead: Léa then Zoé by name."""
    team_db["users"].insert({"username": "zoe", "display_name": "Zoé", "role": "lead"})
    for username in ("ana", "bob", "lea", "zoe"):
        team_db["users"].update(username, {"email": f"{username}@example.org"})
    return team_db


def imported(db, *rows: tuple[str, str, str]) -> list[int]:
    """Import (external id, local time, text) rows as a Facebook CSV file; their ids."""
    lines = [
        f"facebook;Ville de Québec;{ref};{when};Jean Tremblay;jtremblay;{text}"
        for ref, when, text in rows
    ]
    import_file(db, "\n".join([HEADER, *lines]).encode(), "commentaires.csv")
    refs = [ref for ref, _when, _text in rows]
    marks = ", ".join("?" for _ in refs)
    return [
        r[0]
        for r in db.execute(
            f"SELECT id FROM comments WHERE external_id IN ({marks}) ORDER BY id", refs
        )
    ]


def test_an_urgent_comment_on_a_friday_evening_alerts_once_then_escalates(
    alert_db, mail_server, webhook_server
):
    save_settings(alert_db, "lea", alert_recipients=["zoe", "lea"], alert_escalation_minutes=30)
    urgent, ordinary = imported(
        alert_db, ("1", FRIDAY_EVENING, THREAT), ("2", FRIDAY_EVENING, ORDINARY)
    )
    where = channels(mail_server, webhook_server)

    first = notify_once(alert_db, where, at("2026-11-27 17:06"))
    assert (first.sent, first.failed) == (2, 0)  # one e-mail, one Slack post
    assert [m.recipients for m in mail_server.received] == [["zoe@example.org"]]
    message = mail_server.received[0].message
    body = message.get_body().get_content()
    assert "Facebook" in message["Subject"] and f"{urgent}" in message["Subject"]
    assert f"{BASE}/file?comment={urgent}" in body
    assert "Ville de Québec" in body and "Urgent" in body
    for private in ("tuer", "hôtel de ville", "Jean Tremblay", "jtremblay"):
        assert private not in body and private not in message["Subject"]
    [post] = webhook_server.requests
    assert post.path == "/slack" and f"comment={urgent}" in str(post.body)
    assert "tuer" not in str(post.body) and "Tremblay" not in str(post.body)

    # The next cycles send nothing more until the delay has passed.
    assert notify_once(alert_db, where, at("2026-11-27 17:20")).sent == 0
    later = notify_once(alert_db, where, at("2026-11-27 17:37"))
    assert later.sent == 1
    assert [m.recipients for m in mail_server.received][1:] == [["lea@example.org"]]
    assert "toujours pas ouvert" in mail_server.received[1].message["Subject"]
    # The list has no third person: nothing more, ever; the ordinary comment woke nobody.
    assert notify_once(alert_db, where, at("2026-11-28 09:00")).sent == 0
    assert len(webhook_server.requests) == 1
    keys = alert_db.execute("SELECT DISTINCT comment_id FROM notifications").fetchall()
    assert keys == [(urgent,)] and ordinary != urgent


def test_an_opened_or_handled_comment_is_not_passed_on(alert_db, mail_server):
    first, second = imported(
        alert_db, ("1", FRIDAY_EVENING, THREAT), ("2", FRIDAY_EVENING, THREAT + " avec un couteau")
    )
    where = channels(mail_server)
    assert notify_once(alert_db, where, at("2026-11-27 17:06")).sent == 2
    record_open(alert_db, first, "zoe", at("2026-11-27 17:15"))
    alert_db["comments"].update(second, {"status": "hidden"})
    assert notify_once(alert_db, where, at("2026-11-27 18:00")).sent == 0
    # By default the list is every active lead with an address, by name: Léa, then Zoé.
    assert [m.recipients for m in mail_server.received] == [["lea@example.org"]] * 2


def test_a_service_level_marked_alerting_alerts_without_the_urgent_flag(alert_db, mail_server):
    level = {
        "code": "maire",
        "name": {"fr": "Maire", "en": "Mayor"},
        "accounts": ["Ville de Québec"],
        "target_hours": 2,
        "clock": "continuous",
        "alerting": True,
    }
    save_settings(alert_db, "lea", service_levels=[level])
    [comment] = imported(alert_db, ("1", FRIDAY_EVENING, ORDINARY))
    assert notify_once(alert_db, channels(mail_server), at("2026-11-27 17:06")).sent == 1
    assert f"comment={comment}" in mail_server.received[0].message.get_body().get_content()
    assert "Maire" in mail_server.received[0].message.get_body().get_content()


def test_comments_received_long_ago_wake_nobody(alert_db, mail_server):
    imported(alert_db, ("1", "2026-11-13 17:05", THREAT))
    report = notify_once(alert_db, channels(mail_server), at("2026-11-27 17:06"))
    assert (report.sent, report.failed, mail_server.received) == (0, 0, [])


def test_a_failed_delivery_is_retried_and_blocks_nothing_else(
    alert_db, mail_server, webhook_server
):
    imported(alert_db, ("1", FRIDAY_EVENING, THREAT))
    down = Smtp("127.0.0.1", free_port(), sender="vigie@example.org", starttls=False, timeout=2)
    where = Channels(
        smtp=down, webhooks=channels(mail_server, webhook_server).webhooks, base_url=BASE
    )
    report = notify_once(alert_db, where, at("2026-11-27 17:06"))
    assert (report.sent, report.failed) == (1, 1)  # the Slack post went out all the same
    # Too soon to try again; then the server is back and the e-mail goes out, once.
    assert notify_once(alert_db, where, at("2026-11-27 17:06:30")).failed == 0
    back = channels(mail_server, webhook_server)
    assert notify_once(alert_db, back, at("2026-11-27 17:08")).sent == 1
    assert notify_once(alert_db, back, at("2026-11-27 17:12")).sent == 0
    rows = alert_db.execute(
        "SELECT channel, outcome, attempt, problem FROM notifications ORDER BY id"
    ).fetchall()
    assert rows == [
        ("email", "failed", 1, "unreachable"),
        ("slack", "sent", 1, None),
        ("email", "sent", 2, None),
    ]
    assert len(webhook_server.requests) == 1


def test_a_delivery_that_keeps_failing_stops_after_the_last_attempt(alert_db):
    [comment] = imported(alert_db, ("1", FRIDAY_EVENING, THREAT))
    down = Smtp("127.0.0.1", free_port(), sender="vigie@example.org", starttls=False, timeout=2)
    where = Channels(smtp=down, webhooks=(), base_url=BASE)
    for minute in range(6, 60):
        notify_once(alert_db, where, at(f"2026-11-27 17:{minute:02d}"))
    tries = alert_db.execute(
        "SELECT key, count(*) FROM notifications GROUP BY key ORDER BY key"
    ).fetchall()
    # The alert was tried five times; unopened, its escalation to the next lead went on.
    assert tries == [(f"alert:{comment}", MAX_ATTEMPTS), (f"alert:{comment}:1", MAX_ATTEMPTS)]


def test_without_any_channel_nothing_is_recorded_and_the_worker_says_so(alert_db):
    imported(alert_db, ("1", FRIDAY_EVENING, THREAT))
    report = notify_once(alert_db, Channels(None, (), BASE), at("2026-11-27 17:06"))
    assert report.problems == ["no_channel"] and report.sent == report.failed == 0
    assert alert_db["notifications"].count == 0


def test_the_log_is_append_only(alert_db, mail_server):
    imported(alert_db, ("1", FRIDAY_EVENING, THREAT))
    notify_once(alert_db, channels(mail_server), at("2026-11-27 17:06"))
    for sql in ("UPDATE notifications SET outcome = 'failed'", "DELETE FROM notifications"):
        with pytest.raises(Exception, match="append-only"):
            alert_db.execute(sql)


def arrivals(db, start: str, count: int, first_ref: int) -> int:
    """`count` ordinary comments spread over the hour after local `start`; the next ref."""
    minutes = [i * 59 // max(count, 1) for i in range(count)]
    rows = [
        (
            str(first_ref + i),
            (at(start) + pd.Timedelta(minutes=m, seconds=30)).strftime("%Y-%m-%d %H:%M:%S"),
            f"Question {first_ref + i} sur le déneigement",
        )
        for i, m in enumerate(minutes)
    ]
    lines = [
        f"facebook;Ville de Québec;{ref};{when};Citoyen;c{ref};{text}" for ref, when, text in rows
    ]
    import_file(db, "\n".join([HEADER, *lines]).encode(), "lot.csv")
    return first_ref + count


def test_a_spike_fires_once_and_an_ordinary_busy_monday_does_not(
    alert_db, mail_server, webhook_server
):
    where = channels(mail_server, webhook_server)
    ref = 1
    # Eight earlier Mondays with 60 comments between 13 and 14 h, and Thursdays with 8 at 14 h.
    for week in range(1, 9):
        monday = at("2026-11-23 13:00") - pd.Timedelta(weeks=week)
        thursday = at("2026-11-26 14:00") - pd.Timedelta(weeks=week)
        ref = arrivals(alert_db, monday.strftime("%Y-%m-%d %H:%M"), 60, ref)
        ref = arrivals(alert_db, thursday.strftime("%Y-%m-%d %H:%M"), 8, ref)
    # This Monday is as busy as the others: no spike, though 60 is far above an average hour.
    ref = arrivals(alert_db, "2026-11-23 13:00", 60, ref)
    assert notify_once(alert_db, where, at("2026-11-23 14:00")).sent == 0
    # This Thursday, 45 comments at 14 h where 8 is usual: one spike alert to the leads.
    ref = arrivals(alert_db, "2026-11-26 14:00", 45, ref)
    assert notify_once(alert_db, where, at("2026-11-26 15:00")).sent == 2
    [mail] = mail_server.received
    assert sorted(mail.recipients) == ["lea@example.org", "zoe@example.org"]
    assert "45" in mail.message["Subject"]
    assert "médiane" in mail.message.get_body().get_content()
    # Still far above the usual at the next cycles: not sent again.
    assert notify_once(alert_db, where, at("2026-11-26 15:01")).sent == 0
    assert notify_once(alert_db, where, at("2026-11-26 15:30")).sent == 0
    assert len(mail_server.received) == 1 and len(webhook_server.requests) == 1


def test_a_new_database_has_no_usual_and_sends_no_spike(alert_db, mail_server):
    arrivals(alert_db, "2026-11-26 14:00", 200, 1)
    assert notify_once(alert_db, channels(mail_server), at("2026-11-26 15:00")).sent == 0


def test_the_morning_digest_goes_once_each_business_day_after_opening(alert_db, mail_server):
    imported(
        alert_db,
        ("1", "2026-11-26 10:00", ORDINARY),
        ("2", "2026-11-26 11:00", ORDINARY + " Merci"),
    )
    where = channels(mail_server)
    assert notify_once(alert_db, where, at("2026-11-27 08:00")).sent == 0  # not open yet
    assert notify_once(alert_db, where, at("2026-11-27 08:31")).sent == 1
    assert notify_once(alert_db, where, at("2026-11-27 11:00")).sent == 0
    # A morning message: a worker that was down until the afternoon does not send it late.
    assert notify_once(alert_db, where, at("2026-11-26 13:00")).sent == 0
    [mail] = mail_server.received
    body = mail.message.get_body().get_content()
    assert sorted(mail.recipients) == ["lea@example.org", "zoe@example.org"]
    assert "jeudi 26 novembre 2026" in body  # the previous business day
    assert "- Reçus : 2" in body and "- En retard maintenant : " in body
    assert f"{BASE}/aujourdhui" in body and "bibliothèque" not in body
    # Saturday is not a business day; Monday's digest reads Friday.
    assert notify_once(alert_db, where, at("2026-11-28 09:00")).sent == 0
    assert notify_once(alert_db, where, at("2026-11-30 08:45")).sent == 1
    assert "vendredi 27 novembre 2026" in mail_server.received[1].message.get_body().get_content()


def test_a_test_message_reaches_the_lead(alert_db, mail_server):
    assert (
        send_test(alert_db, channels(mail_server), "lea@example.org", at("2026-11-27 10:00"))
        is None
    )
    assert mail_server.received[0].recipients == ["lea@example.org"]
    [(kind, outcome)] = alert_db.execute("SELECT kind, outcome FROM notifications").fetchall()
    assert (kind, outcome) == ("test", "sent")


def secrets_file(folder, mail_server, extra: str = "") -> str:
    path = folder / "secrets.toml"
    path.write_text(
        f'[smtp]\nhost = "{mail_server.host}"\nport = {mail_server.port}\nstarttls = false\n'
        f'sender = "vigie@example.org"\n[alerts]\nbase_url = "{BASE}"\n{extra}',
        encoding="utf-8",
    )
    return str(path)


def test_notify_once_from_the_command_line_sends_and_says_so_in_one_line(
    alert_db, mail_server, tmp_path, capsys
):
    imported(alert_db, ("1", FRIDAY_EVENING, THREAT))
    path = alert_db.conn.execute("PRAGMA database_list").fetchone()[2]
    arguments = ["notify", "--once", "--config", secrets_file(tmp_path, mail_server)]
    arguments += ["--now", "2026-11-27 17:06", "--db", path]
    assert main(arguments) == 0
    out = capsys.readouterr().out
    assert (
        out
        == "alertes : 1 message(s) envoyé(s), 0 échec(s) (réessayés plus tard); problèmes : aucun\n"
    )
    assert [m.recipients for m in mail_server.received] == [["lea@example.org"]]
    assert main(arguments) == 0  # the same cycle again: already sent
    assert "alertes : 0 message(s)" in capsys.readouterr().out


def test_each_run_of_sync_every_also_sends_the_alerts(alert_db, mail_server, tmp_path):
    imported(alert_db, ("1", pd.Timestamp.now(tz=TZ).strftime("%Y-%m-%d %H:%M"), THREAT))
    path = alert_db.conn.execute("PRAGMA database_list").fetchone()[2]
    config = Path(secrets_file(tmp_path, mail_server))
    line = sync_command.run(Path(path), config, every=1, say=print, runs=1)
    assert line.startswith("synchronisé 0 compte(s)") and " · alertes : " in line
    # At the real present, the morning digest may be owed too: the alert is what counts.
    alerts = [m for m in mail_server.received if "urgent" in m.message["Subject"]]
    assert [m.recipients for m in alerts] == [["lea@example.org"]]
