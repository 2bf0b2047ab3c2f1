"""The morning digest: on each business day, once the office opens, the leads get the
previous business day's figures (the Aujourd'hui cards), what is overdue and what awaits
their approval now, and a link to Vigie.

"Yesterday" is the previous business day, as Aujourd'hui compares: on a Monday, Friday.
It goes between the office's opening and noon (`LATEST`): a worker that was down all
morning does not send it in the afternoon, and a digest that could not go out is not sent
the next morning, which has its own.
"""

from __future__ import annotations

from datetime import datetime, time

import pandas as pd
from sqlite_utils import Database

from lib import metrics
from lib.i18n import LANGUAGES, format_date, format_duration, format_number, format_percent, t
from lib.notify.log import owed
from lib.notify.outgoing import Outgoing, bilingual, bilingual_subject, lead_addresses
from lib.settings import Settings
from lib.times import local, local_today

CHANNEL = "email"
LATEST = time(12, 0)
DAY_CARDS = ("received", "handled", "on_time_pct", "median")
NOW_CARDS = ("open_now", "at_risk_now", "breached_now", "awaiting")


def due_digest(db: Database, settings: Settings, now, base_url: str) -> list[Outgoing]:
    """Today's digest, if it is owed now: a business day, between its first opening and
    noon, and not sent yet (or a failed attempt due again)."""
    cal = settings.calendar()
    today = local_today(now, cal.tz)
    periods = cal.periods_on(today)
    if not cal.is_business_day(today) or not periods:
        return []
    opens = pd.Timestamp(datetime.combine(today, periods[0][0]), tz=cal.tz)
    key = f"digest:{today.isoformat()}"
    latest = pd.Timestamp(datetime.combine(today, LATEST), tz=cal.tz)
    if not opens <= local(now, cal.tz) < latest:
        return []
    if not owed(db, key, CHANNEL, now):
        return []
    return [_message(db, settings, now, today, key, base_url)]


def _message(db: Database, settings: Settings, now, today, key: str, base_url: str) -> Outgoing:
    previous = metrics.previous_business_day(settings.calendar(), today)
    past = {c.key: c for c in metrics.today_figures(db, previous, now, settings).cards}
    present = {c.key: c for c in metrics.today_figures(db, today, now, settings).cards}
    link = f"{base_url}/aujourdhui"
    lines = {}
    for lang in LANGUAGES:
        day = format_date(previous, lang)
        lines[lang] = [
            t("alerts.digest.day", lang, day=day),
            *(_card_line(past[name], lang) for name in DAY_CARDS),
            "",
            t("alerts.digest.now", lang),
            *(_card_line(present[name], lang) for name in NOW_CARDS),
            "",
            t("alerts.link", lang, link=link),
        ]
    subject = bilingual_subject(
        "alerts.digest.subject", lambda lang: {"day": format_date(today, lang)}
    )
    return Outgoing(
        kind="digest",
        key=key,
        subject=subject,
        text=bilingual(lines),
        link=link,
        recipients=lead_addresses(db),
    )


def _card_line(card: metrics.Card, lang: str) -> str:
    """A card as a line: its words (Aujourd'hui's) and its value."""
    if card.kind == "percent":
        value = format_percent(card.value, lang)
    elif card.kind == "duration":
        value = format_duration(card.value, lang)
    else:
        value = format_number(card.value, lang)
    return t("alerts.card", lang, name=t("today." + card.key, lang), value=value)
