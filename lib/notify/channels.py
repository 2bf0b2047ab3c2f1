"""Where alerts go, as the server's configuration names them: `[smtp]` and `[alerts]` in
`.streamlit/secrets.toml` (or a TOML file given), with `VIGIE_SMTP_HOST`, `VIGIE_SMTP_PORT` and
`VIGIE_BASE_URL` from the environment taking precedence.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "secrets.toml"
>>> _ = path.write_text('[smtp]\\nhost = "smtp.example.org"\\nsender = "vigie@example.org"\\n'
...                     'username = "vigie"\\npassword = "not-real"\\n'
...                     '[alerts]\\nslack_webhook = "https://hooks.slack.com/services/T/B/x"\\n')
>>> channels, problems = load_channels(path, environ={"VIGIE_SMTP_PORT": "2525"})
>>> channels.smtp.host, channels.smtp.port, channels.smtp.password, problems
('smtp.example.org', 2525, Token(…), [])
>>> channels.webhooks, channels.base_url
((Webhook(kind='slack', url=Token(…)),), 'http://localhost:8501')

A problem names the setting, never its value:

>>> _ = path.write_text('[alerts]\\nteams_webhook = "http://teams.example.org/secret-path"\\n')
>>> load_channels(path, environ={})
(Channels(smtp=None, webhooks=(), base_url='http://localhost:8501'), \
['alerts: teams_webhook must be an https address'])
"""

from __future__ import annotations

import math
import os
import socket
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from lib.db import PROJECT_DIR
from lib.secrets import Token

# The same file as lib.connectors.config.DEFAULT_CONFIG, which this layer may not import.
DEFAULT_SECRETS = PROJECT_DIR / ".streamlit" / "secrets.toml"
DEFAULT_BASE_URL = "http://localhost:8501"
DEFAULT_SMTP_PORT = 587  # submission, where STARTTLS then AUTH is the norm
DEFAULT_TIMEOUT_SECONDS = 10.0
WEBHOOK_KINDS = {"teams": "teams_webhook", "slack": "slack_webhook"}
# Plain http only to this machine: a test server or a local relay, never across a network.
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class Smtp:
    host: str
    port: int
    sender: str
    username: str = ""
    password: Token | None = None
    starttls: bool = True
    timeout: float = DEFAULT_TIMEOUT_SECONDS
    ca_file: str = ""


@dataclass(frozen=True)
class Webhook:
    kind: str  # "teams" or "slack"
    url: Token  # the address is the credential: whoever has it can post


@dataclass(frozen=True)
class Channels:
    smtp: Smtp | None
    webhooks: tuple[Webhook, ...]
    base_url: str


class _Problem(ValueError):
    """A setting that cannot be used; its text names the setting, never a secret."""


def load_channels(
    path: Path | str | None = None, environ: Mapping[str, str] | None = None
) -> tuple[Channels, list[str]]:
    """The configured channels and, in a line each, the settings that cannot be used.

    A missing default file means no channel; a file given by name must exist. One bad
    setting leaves the others working: a bad `[smtp]` drops e-mail, a bad webhook that hook.
    """
    environ = os.environ if environ is None else environ
    document, problems = _read(path)
    smtp_section = _table(document, "smtp", problems)
    alerts = _table(document, "alerts", problems)
    try:
        smtp = _smtp(smtp_section, environ, _folder(path))
    except _Problem as problem:
        smtp = None
        problems.append(f"smtp: {problem}")
    webhooks = []
    for kind, key in WEBHOOK_KINDS.items():
        try:
            url = _webhook_url(alerts.get(key))
        except _Problem as problem:
            problems.append(f"alerts: {key} {problem}")
            continue
        if url:
            webhooks.append(Webhook(kind, Token(url)))
    base_url = environ.get("VIGIE_BASE_URL") or alerts.get("base_url") or DEFAULT_BASE_URL
    if not _is_web_address(base_url, local_http_only=False):
        problems.append("alerts: base_url must be an http or https address")
        base_url = DEFAULT_BASE_URL
    return Channels(smtp, tuple(webhooks), str(base_url).rstrip("/")), problems


def _read(path: Path | str | None) -> tuple[dict, list[str]]:
    given = path is not None
    path = Path(path) if given else DEFAULT_SECRETS
    if not path.is_file():
        return {}, [f"secrets file not found: {path}"] if given else []
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")), []
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        # TOMLDecodeError names the line and column, never a value.
        return {}, [f"secrets file unreadable: {path}: {error}"]


def _folder(path: Path | str | None) -> Path:
    return (Path(path) if path is not None else DEFAULT_SECRETS).parent


def _table(document: dict, name: str, problems: list[str]) -> dict:
    section = document.get(name, {})
    if isinstance(section, dict):
        return section
    problems.append(f"{name}: not a table")
    return {}


def _smtp(section: dict, environ: Mapping[str, str], folder: Path) -> Smtp | None:
    host = str(environ.get("VIGIE_SMTP_HOST") or section.get("host") or "").strip()
    if not host:
        return None
    port = _number(environ.get("VIGIE_SMTP_PORT") or section.get("port", DEFAULT_SMTP_PORT))
    if port is None or not port.is_integer() or not 1 <= port <= 65535:
        raise _Problem("port must be a whole number from 1 to 65535")
    # As cron and sendmail do, a message names this machine when no sender is set.
    sender = str(section.get("sender", "")).strip() or f"vigie@{socket.getfqdn()}"
    if "@" not in sender:
        raise _Problem("sender must be an e-mail address")
    username, password = str(section.get("username", "")), section.get("password")
    if username and not (isinstance(password, str) and password):
        raise _Problem("username given without a password")
    if password and not username:
        raise _Problem("password given without a username")
    # TLS unless the server is this machine: a local relay (VIGIE_SMTP_HOST=localhost).
    starttls = section.get("starttls", host not in LOCAL_HOSTS)
    if not isinstance(starttls, bool):
        raise _Problem("starttls must be true or false")
    timeout = _number(section.get("timeout", DEFAULT_TIMEOUT_SECONDS))
    if timeout is None or not 0 < timeout < math.inf:
        raise _Problem("timeout must be a number of seconds above 0")
    ca_file = str(section.get("ca_file", ""))
    if ca_file:
        # A relative path reads from the configuration's folder, wherever the server starts.
        ca_file = str(folder / ca_file)
        if not Path(ca_file).is_file():
            raise _Problem(f"ca_file not found: {ca_file}")
    return Smtp(
        host=host,
        port=int(port),
        sender=sender,
        username=username,
        password=Token(password) if username else None,
        starttls=starttls,
        timeout=float(timeout),
        ca_file=ca_file,
    )


def _number(value) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _webhook_url(value) -> str:
    if value is None or value == "":
        return ""
    if not isinstance(value, str) or not _is_web_address(value.strip(), local_http_only=True):
        raise _Problem("must be an https address")
    return value.strip()


def _is_web_address(value, local_http_only: bool) -> bool:
    """https anywhere; http too, only to this machine when `local_http_only`."""
    if not isinstance(value, str):
        return False
    try:
        parts = urlsplit(value)
        hostname = parts.hostname
    except ValueError:
        return False
    if not parts.netloc or not hostname:
        return False
    if parts.scheme == "https":
        return True
    return parts.scheme == "http" and (not local_http_only or hostname in LOCAL_HOSTS)
