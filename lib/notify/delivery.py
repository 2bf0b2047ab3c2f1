"""Delivering one alert: an e-mail through the organisation's SMTP server, or a post to a Teams
or Slack incoming webhook. Every network or server failure is a `DeliveryFailed` with a stable
code, and no secret (password, webhook address) ever reaches its text.

The payloads each webhook takes:

>>> message = Message("Commentaire urgent", "Menace envers un élu", "https://vigie.example.org/c/7")
>>> slack_payload(message)["text"]
'*Commentaire urgent*\\nMenace envers un élu\\n<https://vigie.example.org/c/7|Ouvrir dans Vigie>'
>>> card = teams_payload(message)["attachments"][0]["content"]
>>> [element["type"] for element in card["body"] + card["actions"]]
['TextBlock', 'TextBlock', 'Action.OpenUrl']
"""

from __future__ import annotations

import smtplib
import ssl
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

import httpx

from lib.notify.channels import Smtp, Webhook

CODES = ("unreachable", "timeout", "tls", "auth", "refused", "http_status")
LINK_LABEL = "Ouvrir dans Vigie"


@dataclass(frozen=True)
class Message:
    subject: str
    text: str  # plain text
    link: str  # the address of what it is about, in Vigie


class DeliveryFailed(Exception):
    """A message that did not leave: `code` is one of CODES, `detail` says what the peer said.

    >>> DeliveryFailed("http_status", "HTTP 500")
    DeliveryFailed('http_status', 'HTTP 500')
    """

    def __init__(self, code: str, detail: str = ""):
        if code not in CODES:
            raise ValueError(f"unknown delivery failure code: {code}")
        super().__init__(code, detail)
        self.code = code
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.code}: {self.detail}" if self.detail else self.code


def send_email(smtp: Smtp, recipients: Sequence[str], message: Message) -> None:
    """Send `message` to `recipients` in one e-mail, or raise DeliveryFailed.

    STARTTLS comes before any login, so the password never crosses the network in clear. A
    server that refuses some recipients still delivers to the others: DeliveryFailed("refused")
    then names those refused.
    """
    if not recipients:
        raise DeliveryFailed("refused", "no recipient")
    email = email_message(smtp.sender, recipients, message)
    secrets = [smtp.password.reveal()] if smtp.password else []
    try:
        with smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout) as client:
            if smtp.starttls:
                client.starttls(context=ssl.create_default_context(cafile=smtp.ca_file or None))
            if smtp.username:
                client.login(smtp.username, smtp.password.reveal() if smtp.password else "")
            refused = client.send_message(email, smtp.sender, list(recipients))
    except Exception as error:
        failure = _smtp_failure(error)
        if failure is None:
            raise
        raise DeliveryFailed(failure[0], _without(failure[1], secrets)) from None
    if refused:
        raise DeliveryFailed("refused", "refused: " + ", ".join(sorted(refused)))


def email_message(sender: str, recipients: Sequence[str], message: Message) -> EmailMessage:
    """The e-mail of `message`: text, a blank line, then the link; marked as sent by a machine.

    >>> message = Message("Été", "Texte", "https://vigie.example.org")
    >>> email = email_message("vigie@example.org", ["lea@example.org"], message)
    >>> email["Subject"], email["Auto-Submitted"], email.get_content()
    ('Été', 'auto-generated', 'Texte\\n\\nhttps://vigie.example.org\\n')
    """
    email = EmailMessage()
    email["From"] = sender
    try:
        email["To"] = ", ".join(recipients)
    except ValueError:
        raise DeliveryFailed("refused", "a recipient address holds a line break") from None
    email["Subject"] = header_text(message.subject)
    email["Date"] = formatdate(localtime=True)
    email["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    # RFC 3834: out-of-office replies and other robots do not answer this message.
    email["Auto-Submitted"] = "auto-generated"
    body = f"{message.text}\n\n{message.link}" if message.link else message.text
    # Quoted-printable keeps every line 7-bit, for relays that do not announce 8BITMIME.
    email.set_content(body, cte="quoted-printable")
    return email


def header_text(text: str) -> str:
    """`text` on one line, as a header can hold it: control characters and runs of white
    space become one space.

    >>> header_text("  Pic de commentaires\\r\\n\\tà 14 h  ")
    'Pic de commentaires à 14 h'
    """
    spaced = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)
    return " ".join(spaced.split())


def _smtp_failure(error: Exception) -> tuple[str, str] | None:
    """(code, detail) for a failure of the network, TLS or the SMTP server; None for a bug."""
    detail = f"{type(error).__name__}: {error}"
    if _caused_by(error, TimeoutError):
        # smtplib reports a reply that never came as the server having disconnected.
        return "timeout", detail
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return "auth", _reply(error)
    if isinstance(error, smtplib.SMTPNotSupportedError):
        # Raised when the server does not offer STARTTLS, or AUTH, asked for.
        return ("tls" if "STARTTLS" in str(error) else "auth"), detail
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "refused", "refused: " + ", ".join(sorted(error.recipients))
    if isinstance(error, smtplib.SMTPServerDisconnected | smtplib.SMTPConnectError):
        return "unreachable", detail
    if isinstance(error, smtplib.SMTPResponseException):
        return "refused", _reply(error)
    if isinstance(error, smtplib.SMTPException):
        return "refused", detail
    if isinstance(error, ssl.SSLError | ssl.CertificateError):
        return "tls", detail
    if isinstance(error, OSError):
        return "unreachable", detail
    return None


def _reply(error: smtplib.SMTPResponseException) -> str:
    text = error.smtp_error
    text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{error.smtp_code} {text}"


def post_webhook(hook: Webhook, message: Message, timeout: float = 10.0) -> None:
    """Post `message` to a Teams or Slack incoming webhook, or raise DeliveryFailed.

    Redirects are not followed: a webhook that moved is a configuration to fix, and following
    it would send the message where nobody configured it to go.
    """
    payload = teams_payload(message) if hook.kind == "teams" else slack_payload(message)
    url = hook.url.reveal()
    try:
        response = httpx.post(url, json=payload, timeout=timeout, follow_redirects=False)
    except httpx.TimeoutException:
        raise DeliveryFailed("timeout", f"no answer within {timeout:g} s") from None
    except httpx.HTTPError as error:
        # httpx wraps TLS failures in ConnectError; the ssl error is its cause.
        code = "tls" if _caused_by(error, ssl.SSLError) else "unreachable"
        raise DeliveryFailed(code, _without(f"{type(error).__name__}: {error}", [url])) from None
    if not 200 <= response.status_code < 300:
        raise DeliveryFailed("http_status", f"HTTP {response.status_code}")


def slack_payload(message: Message) -> dict:
    """Slack's incoming-webhook message: mrkdwn text, the link as `<address|label>`."""
    lines = [f"*{_slack_escape(message.subject)}*", _slack_escape(message.text)]
    if message.link:
        lines.append(f"<{message.link}|{LINK_LABEL}>")
    return {"text": "\n".join(lines)}


def _slack_escape(text: str) -> str:
    # Slack reads &, < and > as its own markup unless escaped as entities.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def teams_payload(message: Message) -> dict:
    """A Teams (Workflows) incoming-webhook message: one Adaptive Card 1.4."""
    card = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": [
            {"type": "TextBlock", "text": message.subject, "weight": "Bolder", "size": "Medium"},
            {"type": "TextBlock", "text": message.text, "wrap": True},
        ],
        "actions": (
            [{"type": "Action.OpenUrl", "title": LINK_LABEL, "url": message.link}]
            if message.link
            else []
        ),
    }
    return {
        "type": "message",
        "attachments": [
            {
                "contentType": "application/vnd.microsoft.card.adaptive",
                "contentUrl": None,
                "content": card,
            }
        ],
    }


def _caused_by(error: BaseException, kind: type) -> bool:
    while error is not None:
        if isinstance(error, kind):
            return True
        error = error.__cause__ or error.__context__
    return False


def _without(detail: str, secrets: Sequence[str]) -> str:
    for secret in secrets:
        if secret:
            detail = detail.replace(secret, "…")
    return detail
