"""A message the worker owes someone, and who it goes to: the alert list, the leads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlite_utils import Database

from lib.i18n import LANGUAGES, t

FOOTER = "alerts.footer"  # no text, no author: read them in Vigie


@dataclass(frozen=True)
class Outgoing:
    """One message to send: `key` names it in the log (sent once, failures retried);
    `recipients` are e-mail addresses; `webhooks` says whether the team's Teams or Slack
    channel gets it too. Its words never hold a comment's text or author."""

    kind: str  # "alert", "escalation", "spike" or "digest"
    key: str
    subject: str
    text: str
    link: str
    recipients: tuple[str, ...]
    webhooks: bool = False
    comment_id: int | None = None


def bilingual(lines: dict[str, list[str]]) -> str:
    """A message's body: its lines in French, then in English under a rule, each ending with
    the sentence that says what the message leaves out."""
    parts = ["\n".join([*lines[lang], "", t(FOOTER, lang)]) for lang in LANGUAGES]
    return "\n\n— — —\n\n".join(parts)


def bilingual_subject(key: str, values: Callable[[str], dict] = lambda lang: {}) -> str:
    """A subject: `key` in French, then in English, each with its language's `values`."""
    return " / ".join(t(key, lang, **values(lang)) for lang in LANGUAGES)


def lead_addresses(db: Database) -> tuple[str, ...]:
    """The e-mail addresses of the active leads, by name: the spike alert's and the
    digest's recipients, and the alert list when the lead has not set one."""
    return tuple(p["email"] for p in alert_candidates(db) if p["role"] == "lead")


def alert_chain(db: Database, usernames: tuple[str, ...]) -> tuple[str, ...]:
    """Who an alert wakes, in order: the addresses of the listed members who are active and
    have one (a member who left, or without an address, is passed over), or every active
    lead's when the list is empty."""
    if not usernames:
        return lead_addresses(db)
    found = {p["username"]: p["email"] for p in alert_candidates(db)}
    return tuple(found[name] for name in usernames if name in found)


def alert_candidates(db: Database) -> list[dict]:
    """The members an alert may wake: active, with an e-mail address (username,
    display_name, role, email), by name."""
    return list(
        db.query(
            "SELECT username, display_name, role, email FROM users WHERE active "
            "AND email IS NOT NULL AND trim(email) != '' ORDER BY display_name, username"
        )
    )
