"""Alerts on what cannot wait: an urgent comment, or one whose service level alerts, wakes
the first person on the alert list at once, at any hour; left unopened, the next one.

The first alert (`alert:<id>`) goes to the first address of the alert list and to the
team's Teams or Slack channel; if nobody has opened the comment in Vigie
(`comment_opens`) `alert_escalation_minutes` after an alert was first tried, its
escalation (`alert:<id>:<n>`) goes to the n-th next person, until the list ends or the
comment is opened or handled. Only comments received in the last `WINDOW` alert: an
import of last month's comments wakes nobody.
"""

from __future__ import annotations

import pandas as pd
from sqlite_utils import Database

from lib.db import OPEN_STATUSES, to_db_time
from lib.i18n import LANGUAGES, format_datetime, label, t
from lib.notify.log import first_attempt_at
from lib.notify.outgoing import Outgoing, alert_chain, bilingual, bilingual_subject
from lib.service_levels import level_of, levels
from lib.settings import Settings
from lib.taxonomy import split_codes
from lib.times import utc
from lib.triage import has_flag, in_values

WINDOW = pd.Timedelta(hours=24)
URGENT = "urgent"


def alerting_comments(db: Database, settings: Settings, now) -> pd.DataFrame:
    """Open comments received in the last `WINDOW` that alert: flagged urgent, or met at
    arrival a service level marked as alerting. Oldest first."""
    codes = [level.code for level in levels(settings) if level.alerting]
    params = {"urgent": URGENT, "since": to_db_time(utc(now) - WINDOW), "now": to_db_time(now)}
    alerting = [has_flag("urgent")]
    if codes:
        alerting.append(in_values("service_level", "level", codes, params))
    where = in_values("status", "status", OPEN_STATUSES, params)
    cursor = db.execute(
        "SELECT id, platform, account, flags, received_at, service_level FROM comments "
        f"WHERE {where} AND received_at >= :since AND received_at <= :now "
        f"AND ({' OR '.join(alerting)}) ORDER BY received_at, id",
        params,
    )
    return pd.DataFrame(cursor.fetchall(), columns=[d[0] for d in cursor.description])


def opened(db: Database, comment_id: int) -> bool:
    """Whether anyone has opened the comment in Vigie."""
    found = db.execute("SELECT 1 FROM comment_opens WHERE comment_id = ? LIMIT 1", [comment_id])
    return found.fetchone() is not None


def due_alerts(db: Database, settings: Settings, now, base_url: str) -> list[Outgoing]:
    """The alerts and escalations owed now (the worker skips what already went out)."""
    chain = alert_chain(db, settings.alert_recipients)
    wait = pd.Timedelta(minutes=settings.alert_escalation_minutes)
    owed = []
    for row in alerting_comments(db, settings, now).to_dict("records"):
        first = _message(row, settings, base_url, step=0, chain=chain)
        owed.append(first)
        previous = first.key
        # Opened, it goes no further; else one step per delay since the previous step.
        steps = range(1, len(chain)) if not opened(db, row["id"]) else ()
        for step in steps:
            tried_at = first_attempt_at(db, previous)
            if tried_at is None or utc(now) < tried_at + wait:
                break
            escalation = _message(row, settings, base_url, step=step, chain=chain)
            owed.append(escalation)
            previous = escalation.key
    return owed


def _message(row: dict, settings: Settings, base_url: str, step: int, chain) -> Outgoing:
    """An alert (step 0) or its step-th escalation: platform, account, flags, time
    received, service level and the link; never the text or the author."""
    kind = "alert" if step == 0 else "escalation"
    level = level_of(settings, row["service_level"])
    link = f"{base_url}/file?comment={row['id']}"
    lines = {}
    for lang in LANGUAGES:
        flags = ", ".join(label("flag", code, lang) for code in split_codes(row["flags"]))
        lines[lang] = [
            t(f"alerts.{kind}.opening", lang, minutes=settings.alert_escalation_minutes),
            t("alerts.platform", lang, platform=label("platform", row["platform"], lang)),
            t("alerts.account", lang, account=row["account"] or "—"),
            t("alerts.flags", lang, flags=flags or "—"),
            t("alerts.received", lang, at=format_datetime(utc(row["received_at"]), lang)),
            t("alerts.level", lang, level=level.name(lang)),
            t("alerts.link", lang, link=link),
        ]
    subject = bilingual_subject(
        f"alerts.{kind}.subject",
        lambda lang: {"platform": label("platform", row["platform"], lang), "comment": row["id"]},
    )
    return Outgoing(
        kind=kind,
        key=f"alert:{row['id']}" + (f":{step}" if step else ""),
        subject=subject,
        text=bilingual(lines),
        link=link,
        recipients=chain[step : step + 1],
        webhooks=step == 0,
        comment_id=int(row["id"]),
    )
