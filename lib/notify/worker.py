"""One cycle of the notify worker: what is owed now goes out, each attempt in the log.

`notify_once` is what `python -m lib notify --once` (for cron) and each run of
`python -m lib sync --every N` call. Messages are sent outside any transaction (a slow
mail server never holds the database's write lock); each attempt is then recorded in its
own short one. A failed delivery is recorded and tried again at a later cycle; it never
stops the other messages, and a part that cannot be computed (the digest, say) never
stops the alerts, which go first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

from lib.db import immediate, to_db_time
from lib.i18n import LANGUAGES, t
from lib.notify.alerts import due_alerts
from lib.notify.channels import Channels
from lib.notify.delivery import DeliveryFailed, Message, post_webhook, send_email
from lib.notify.digest import due_digest
from lib.notify.log import Attempt, owed, record
from lib.notify.outgoing import Outgoing, bilingual, bilingual_subject
from lib.notify.spikes import due_spike
from lib.settings import load_settings
from lib.times import now_utc

PARTS = (due_alerts, due_spike, due_digest)


@dataclass
class NotifyReport:
    sent: int = 0
    failed: int = 0
    problems: list[str] = field(default_factory=list)  # parts that could not be computed


def notify_once(db: Database, channels: Channels, now=None) -> NotifyReport:
    """Send every alert, escalation, spike alert and digest owed at `now`."""
    now = now_utc() if now is None else now
    report = NotifyReport()
    if channels.smtp is None and not channels.webhooks:
        # Nothing could go out: said once per cycle, not recorded for every message.
        report.problems.append("no_channel")
        return report
    settings = load_settings(db)
    for part in PARTS:
        try:
            messages = part(db, settings, now, channels.base_url)
        except Exception as error:  # noqa: BLE001 - the worker goes on with the next part
            report.problems.append(f"{part.__name__}: {type(error).__name__}")
            continue
        for message in messages:
            problems = send(db, message, channels, now)
            report.sent += problems.count(None)
            report.failed += len(problems) - problems.count(None)
    return report


def send_test(db: Database, channels: Channels, address: str, now=None) -> str | None:
    """Send a test message to one address now (Paramètres), recorded like the others; the
    problem's code, or None once it went out."""
    now = now_utc() if now is None else now
    message = Outgoing(
        kind="test",
        key=f"test:{to_db_time(now)}:{address}",
        subject=bilingual_subject("alerts.test.subject"),
        text=bilingual({lang: [t("alerts.test.text", lang)] for lang in LANGUAGES}),
        link=channels.base_url,
        recipients=(address,),
    )
    # The same second's test already went out (a double click): nothing more to say.
    return next(iter(send(db, message, channels, now)), None)


def send(db: Database, message: Outgoing, channels: Channels, now) -> list[str | None]:
    """Send a message on each of its channels where it is owed (never tried, or a failed
    attempt due again); each attempt's problem, None for one that went out."""
    routes = [("email", None)]
    if message.webhooks:
        routes += [(hook.kind, hook) for hook in channels.webhooks]
    problems = []
    for channel, hook in routes:
        if not owed(db, message.key, channel, now):
            continue
        recipients = message.recipients if hook is None else ()
        problem = _deliver(message, channels, hook)
        attempt = Attempt(
            message.kind, message.key, channel, recipients, message.subject, message.comment_id
        )
        with immediate(db):
            record(db, attempt, "failed" if problem else "sent", problem, now)
        problems.append(problem)
    return problems


def _deliver(message: Outgoing, channels: Channels, hook) -> str | None:
    """Deliver on one channel; the problem's code, or None once delivered."""
    words = Message(subject=message.subject, text=message.text, link=message.link)
    try:
        if hook is not None:
            post_webhook(hook, words)
        elif channels.smtp is None:
            return "no_smtp"
        elif not message.recipients:
            return "no_recipient"
        else:
            send_email(channels.smtp, message.recipients, words)
    except DeliveryFailed as failure:
        return failure.code
    except Exception as error:  # noqa: BLE001 - recorded, and tried again later
        return f"error: {type(error).__name__}"
    return None
