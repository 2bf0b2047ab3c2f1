"""Alerts delivered for real: e-mail through a local SMTP server, Teams and Slack posts to a
local HTTP server, and the channels read from a secrets file."""

import socket
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.notify.channels import Channels, Smtp, Webhook, load_channels
from lib.notify.delivery import DeliveryFailed, Message, header_text, post_webhook, send_email
from lib.secrets import Token
from tests.mail_server import (  # noqa: F401
    CREDENTIALS,
    mail_server_fixture,
    running_mail_server,
    tls_mail_server_fixture,
)
from tests.webhook_server import webhook_server_fixture  # noqa: F401

URGENT = Message(
    subject="Commentaire urgent : menace envers l'élu·e de Saint-Éphrem",
    text="« Je vais régler ça à la sortie du conseil. »\nPublié sur Facebook à 22 h 14.",
    link="http://localhost:8501/queue?comment=fb_123&lang=fr",
)


def plain(server) -> Smtp:
    return Smtp(host=server.host, port=server.port, sender="vigie@ville.example", starttls=False)


def secured(server, password: str = CREDENTIALS[1]) -> Smtp:
    return Smtp(
        host=server.host,
        port=server.port,
        sender="vigie@ville.example",
        username=CREDENTIALS[0],
        password=Token(password),
        ca_file=server.ca_file,
        timeout=5,
    )


def test_email_reaches_every_recipient_with_accents_link_and_robot_mark(mail_server):
    send_email(plain(mail_server), ["lea@ville.example", "bob@ville.example"], URGENT)

    [received] = mail_server.received
    email = received.message
    assert received.sender == "vigie@ville.example"
    assert received.recipients == ["lea@ville.example", "bob@ville.example"]
    assert email["From"] == "vigie@ville.example"
    assert email["To"] == "lea@ville.example, bob@ville.example"
    assert email["Subject"] == URGENT.subject
    assert email["Auto-Submitted"] == "auto-generated"
    assert email["Message-ID"].endswith("@ville.example>")
    assert email["Date"]
    assert email.get_content() == f"{URGENT.text}\n\n{URGENT.link}\n"


def test_email_over_starttls_logs_in_with_the_right_password(tls_mail_server):
    send_email(secured(tls_mail_server), ["lea@ville.example"], URGENT)

    assert [r.message["Subject"] for r in tls_mail_server.received] == [URGENT.subject]


def test_wrong_password_is_an_auth_failure_that_never_shows_the_password(tls_mail_server):
    with pytest.raises(DeliveryFailed) as failure:
        send_email(secured(tls_mail_server, "hunter2-wrong"), ["lea@ville.example"], URGENT)

    assert failure.value.code == "auth"
    assert failure.value.detail.startswith("535")
    assert "hunter2" not in repr(failure.value) + str(failure.value)
    assert tls_mail_server.received == []


def test_server_certificate_not_trusted_is_a_tls_failure(tls_mail_server):
    untrusting = replace(secured(tls_mail_server), ca_file="")

    with pytest.raises(DeliveryFailed) as failure:
        send_email(untrusting, ["lea@ville.example"], URGENT)

    assert failure.value.code == "tls"


def test_server_demanding_starttls_refuses_a_client_without_it(tls_mail_server):
    with pytest.raises(DeliveryFailed) as failure:
        send_email(plain(tls_mail_server), ["lea@ville.example"], URGENT)

    assert failure.value.code == "refused"
    assert failure.value.detail.startswith("530")


def test_closed_port_is_unreachable():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    smtp = Smtp(host="127.0.0.1", port=port, sender="vigie@ville.example", starttls=False)

    with pytest.raises(DeliveryFailed) as failure:
        send_email(smtp, ["lea@ville.example"], URGENT)

    assert failure.value.code == "unreachable"


def test_server_that_never_greets_is_a_timeout():
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()  # the kernel completes the connection; nobody ever answers
        smtp = Smtp(
            host="127.0.0.1",
            port=silent.getsockname()[1],
            sender="vigie@ville.example",
            starttls=False,
            timeout=0.3,
        )
        with pytest.raises(DeliveryFailed) as failure:
            send_email(smtp, ["lea@ville.example"], URGENT)

    assert failure.value.code == "timeout"


def test_refused_recipient_is_named_and_the_others_still_receive(mail_server):
    mail_server.refused_recipients.add("parti@ville.example")

    with pytest.raises(DeliveryFailed) as failure:
        send_email(plain(mail_server), ["lea@ville.example", "parti@ville.example"], URGENT)

    assert (failure.value.code, failure.value.detail) == ("refused", "refused: parti@ville.example")
    assert [r.recipients for r in mail_server.received] == [["lea@ville.example"]]


def test_every_recipient_refused_is_refused(mail_server):
    mail_server.refused_recipients.add("parti@ville.example")

    with pytest.raises(DeliveryFailed) as failure:
        send_email(plain(mail_server), ["parti@ville.example"], URGENT)

    assert failure.value.code == "refused"
    assert mail_server.received == []


def test_no_recipient_is_refused_before_any_connection():
    smtp = Smtp(host="127.0.0.1", port=1, sender="vigie@ville.example")

    with pytest.raises(DeliveryFailed, match="no recipient"):
        send_email(smtp, [], URGENT)


@pytest.fixture(scope="module")
def shared_mail_server():
    # One server for all of a property's examples: a server per example would be slow.
    with running_mail_server() as server:
        yield server


@settings(max_examples=20, deadline=None)
@given(subject=st.text(min_size=1, max_size=120))
def test_any_subject_survives_the_trip_through_a_real_server(shared_mail_server, subject):
    shared_mail_server.received.clear()

    send_email(plain(shared_mail_server), ["lea@ville.example"], replace(URGENT, subject=subject))

    assert shared_mail_server.received[0].message["Subject"] == header_text(subject)


def test_slack_gets_the_subject_in_bold_the_text_and_the_link(webhook_server):
    hook = Webhook("slack", Token(webhook_server.url + "/services/T0/B0/secret"))
    message = Message("Pic : 40 commentaires", "Sur <la page> & ses posts", URGENT.link)

    post_webhook(hook, message)

    [request] = webhook_server.requests
    assert request.path == "/services/T0/B0/secret"
    assert request.headers["content-type"] == "application/json"
    assert request.body == {
        "text": "*Pic : 40 commentaires*\nSur &lt;la page&gt; &amp; ses posts\n"
        f"<{URGENT.link}|Ouvrir dans Vigie>"
    }


def test_teams_gets_an_adaptive_card_with_a_button_to_the_link(webhook_server):
    post_webhook(Webhook("teams", Token(webhook_server.url + "/workflows/abc")), URGENT)

    [request] = webhook_server.requests
    assert request.body["type"] == "message"
    [attachment] = request.body["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert attachment["contentUrl"] is None
    card = attachment["content"]
    assert (card["type"], card["version"]) == ("AdaptiveCard", "1.4")
    title, body = card["body"]
    assert (title["type"], title["text"]) == ("TextBlock", URGENT.subject)
    assert (body["type"], body["text"], body["wrap"]) == ("TextBlock", URGENT.text, True)
    assert card["actions"] == [
        {"type": "Action.OpenUrl", "title": "Ouvrir dans Vigie", "url": URGENT.link}
    ]


def test_server_error_is_an_http_status_failure_without_the_address(webhook_server):
    webhook_server.status = 500
    hook = Webhook("slack", Token(webhook_server.url + "/services/secret-path"))

    with pytest.raises(DeliveryFailed) as failure:
        post_webhook(hook, URGENT)

    assert (failure.value.code, failure.value.detail) == ("http_status", "HTTP 500")
    assert "secret-path" not in repr(failure.value)


def test_redirect_is_not_followed(webhook_server):
    webhook_server.status = 302

    with pytest.raises(DeliveryFailed, match="HTTP 302"):
        post_webhook(Webhook("teams", Token(webhook_server.url + "/hook")), URGENT)

    assert [r.path for r in webhook_server.requests] == ["/hook"]


def test_webhook_on_a_closed_port_is_unreachable_without_the_address():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}/secret-path"

    with pytest.raises(DeliveryFailed) as failure:
        post_webhook(Webhook("slack", Token(url)), URGENT, timeout=2)

    assert failure.value.code == "unreachable"
    assert "secret-path" not in repr(failure.value) + str(failure.value)


def test_silent_webhook_is_a_timeout():
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/hook"
        with pytest.raises(DeliveryFailed) as failure:
            post_webhook(Webhook("teams", Token(url)), URGENT, timeout=0.3)

    assert failure.value.code == "timeout"


SECRETS = """
[smtp]
host = "smtp.ville.example"
port = 587
username = "vigie"
password = "mot-de-passe-secret"
sender = "vigie@ville.example"
timeout = 20
ca_file = "ca.pem"

[alerts]
teams_webhook = "https://ville.webhook.office.com/workflows/secret-teams"
slack_webhook = "https://hooks.slack.com/services/T0/B0/secret-slack"
base_url = "https://vigie.ville.example/"
"""


def test_channels_read_from_the_secrets_file(tmp_path):
    (tmp_path / "ca.pem").write_text("not read here")
    path = tmp_path / "secrets.toml"
    path.write_text(SECRETS)

    channels, problems = load_channels(path, environ={})

    assert problems == []
    assert channels.smtp == Smtp(
        host="smtp.ville.example",
        port=587,
        sender="vigie@ville.example",
        username="vigie",
        password=channels.smtp.password,
        timeout=20.0,
        ca_file=str(tmp_path / "ca.pem"),
    )
    assert channels.smtp.password.reveal() == "mot-de-passe-secret"
    assert [(h.kind, h.url.reveal()) for h in channels.webhooks] == [
        ("teams", "https://ville.webhook.office.com/workflows/secret-teams"),
        ("slack", "https://hooks.slack.com/services/T0/B0/secret-slack"),
    ]
    assert channels.base_url == "https://vigie.ville.example"
    assert "secret" not in repr(channels)


def test_environment_overrides_host_port_and_base_url(tmp_path):
    (tmp_path / "ca.pem").write_text("not read here")
    path = tmp_path / "secrets.toml"
    path.write_text(SECRETS)
    environ = {
        "VIGIE_SMTP_HOST": "relay.interne",
        "VIGIE_SMTP_PORT": "2525",
        "VIGIE_BASE_URL": "http://vigie.interne:8501",
    }

    channels, problems = load_channels(path, environ=environ)

    assert (channels.smtp.host, channels.smtp.port) == ("relay.interne", 2525)
    assert channels.base_url == "http://vigie.interne:8501"
    assert problems == []


def test_missing_default_file_means_no_channel_and_no_problem(tmp_path, monkeypatch):
    monkeypatch.setattr("lib.notify.channels.DEFAULT_SECRETS", tmp_path / "absent.toml")

    assert load_channels(environ={}) == (
        Channels(smtp=None, webhooks=(), base_url="http://localhost:8501"),
        [],
    )


def test_unreadable_file_is_a_problem_not_a_crash(tmp_path):
    path = tmp_path / "secrets.toml"
    path.write_text('[smtp]\npassword = "mot-de-passe-secret\n')

    channels, [problem] = load_channels(path, environ={})

    assert channels.smtp is None
    assert problem.startswith(f"secrets file unreadable: {path}")
    assert "mot-de-passe" not in problem


def test_bad_settings_are_named_without_their_secrets(tmp_path):
    path = tmp_path / "secrets.toml"
    path.write_text(
        '[smtp]\nhost = "smtp.ville.example"\nusername = "vigie"\n'
        'password = "mot-de-passe-secret"\n'
        '[alerts]\nteams_webhook = "http://teams.example/secret-teams"\n'
        'slack_webhook = "http://127.0.0.1:9/secret-slack"\n'
    )

    channels, problems = load_channels(path, environ={"VIGIE_SMTP_PORT": "vingt-cinq"})

    assert problems == [
        "smtp: port must be a whole number from 1 to 65535",
        "alerts: teams_webhook must be an https address",
    ]
    assert channels.smtp is None
    assert [h.kind for h in channels.webhooks] == ["slack"]  # http to this machine is allowed
    assert "secret" not in repr(channels) + repr(problems)


def test_the_server_alone_from_the_environment_is_a_local_relay_naming_this_machine(tmp_path):
    channels, problems = load_channels(
        tmp_path / "absent.toml", environ={"VIGIE_SMTP_HOST": "localhost", "VIGIE_SMTP_PORT": "25"}
    )
    smtp = channels.smtp
    assert (smtp.host, smtp.port, smtp.starttls) == ("localhost", 25, False)
    assert smtp.sender == "vigie@" + socket.getfqdn()
    assert problems == [f"secrets file not found: {tmp_path / 'absent.toml'}"]
    # Any other server is reached over STARTTLS unless the file says otherwise.
    other = load_channels(tmp_path / "absent.toml", environ={"VIGIE_SMTP_HOST": "smtp.example.org"})
    assert other[0].smtp.starttls is True
