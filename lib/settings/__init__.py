"""The team lead's settings: calendar, targets, labels, templates, excluded authors.

Only a team lead may change them, and each change is recorded in
settings_history (who, when, before, after). A change to the calendar or the
response target recomputes the due times of open comments in the same
transaction.

>>> from lib.db import open_db
>>> db = open_db(":memory:")
>>> load_settings(db).target_hours
8.0
>>> _ = db["users"].insert({"username": "lea", "display_name": "Léa", "role": "lead"})
>>> save_settings(db, "lea", target_hours=6).target_hours
6.0
>>> [(row["actor"], row["key"], row["old"], row["new"]) for row in settings_history(db)]
[('lea', 'target_hours', '8.0', '6.0')]
>>> db.close()
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date, time

from sqlite_utils import Database

from lib.auth import require_lead
from lib.business_time import (
    OFFICE_CLOSES,
    OFFICE_DAYS,
    OFFICE_OPENS,
    ONE_BUSINESS_DAY_HOURS,
    AroundTheClock,
    BusinessCalendar,
)
from lib.db import PLATFORMS, immediate, to_db_time
from lib.detect.word_lists import link_host
from lib.i18n import LANGUAGES, label
from lib.outbox import enqueue_block
from lib.presets import PRESET_NAMES
from lib.settings import alerts as alert_rules
from lib.settings import calendar as calendar_rules
from lib.settings import levels as level_rules
from lib.settings import retention as retention_rules
from lib.settings import triage_rules
from lib.settings.alerts import ALERT_KEYS
from lib.settings.calendar import (
    CALENDAR_KEYS,
    around_the_clock,
    boxing_day_closure,
    calendar_of,
    holiday_season_closures,
    summer_hours_changes,
)
from lib.settings.errors import SettingsError, check_text, controls
from lib.settings.retention import DEFAULT_MONTHS, RETENTION_KEYS
from lib.states import recompute_due_dates
from lib.taxonomy import (
    ENGLISH_REPLIES,
    HANDLE_MAX_CHARS,
    LABEL_MAX_CHARS,
    NOTE_MAX_CHARS,
    REASONS,
    REPLY_MAX_CHARS,
)
from lib.templates import DEFAULT_TEMPLATES, reply_text
from lib.times import local_today, now_utc, utc

__all__ = [  # what pages and the command line take from here besides what is defined
    "SettingsError",
    "boxing_day_closure",
    "holiday_season_closures",
    "summer_hours_changes",
]

# The organisation's netiquette, as long as a policy's whole netiquette section.
NETIQUETTE_MAX_CHARS = 20_000


@dataclass(frozen=True)
class Settings:
    open_time: str = OFFICE_OPENS.strftime("%H:%M")
    close_time: str = OFFICE_CLOSES.strftime("%H:%M")
    weekdays: tuple[int, ...] = OFFICE_DAYS
    include_easter_monday: bool = False
    closures: tuple[str, ...] = ()  # ISO dates
    target_hours: float = ONE_BUSINESS_DAY_HOURS
    at_risk_hours: float = 2.0
    compliance_goal_pct: float = 90.0
    reason_labels: dict = field(default_factory=dict)  # code -> {"fr":..., "en":...}
    retired_reasons: tuple[str, ...] = ()
    templates: dict = field(default_factory=dict)  # code -> {"fr":..., "en":...}
    # The organisation and the policy it follows (lib.presets): its name, the preset the
    # database started from, its netiquette in its own words ({"fr":..., "en":...}), and
    # whether a moderator's reply to a negative comment waits for a lead's approval.
    organisation: str = ""
    policy: str = "general"
    netiquette: dict = field(default_factory=dict)
    negative_needs_approval: bool = True
    # Whether a lead may publish their own reply to a comment that needs approval (the
    # history records it as approved by its author), or must have another lead approve it.
    lead_self_approval: bool = True
    # What the organisation publishes: how it answers an English comment (ENGLISH_REPLIES),
    # and the sites its replies may link to without a warning (each with its subdomains).
    english_replies: str = "bilingual"
    allowed_domains: tuple[str, ...] = ("gouv.qc.ca", "quebec.ca")  # sorted, as saved
    # The calendar beyond the shorthand above (stored forms: see `weekly_schedule`):
    # periods per weekday ({} keeps the shorthand), dated schedule changes, exceptional
    # openings (a day's periods replaced) and the closures' names.
    weekly: dict = field(default_factory=dict)  # "0".."6" -> [["08:30", "12:00"], ...]
    schedule_changes: tuple[dict, ...] = ()  # {"from": ISO date, "name": {fr, en}, "weekly"}
    openings: dict = field(default_factory=dict)  # ISO date -> [["09:00", "15:00"], ...]
    closure_names: dict = field(default_factory=dict)  # ISO date -> name
    # Service levels in order (lib.service_levels): the first one a comment matches at
    # arrival sets its target; `target_hours` is the default level's.
    service_levels: tuple[dict, ...] = ()
    # Who an urgent comment's alert wakes, in order (usernames; empty: every active lead
    # with an e-mail address), and after how many minutes unopened it goes to the next.
    alert_recipients: tuple[str, ...] = ()
    alert_escalation_minutes: int = 30
    # The lead's triage rules in order (lib.settings.triage_rules holds their stored form).
    triage_rules: tuple[dict, ...] = ()
    # Months a closed comment keeps its text and author (lib.records.retention), by reason
    # where the retention schedule says otherwise, and whether the sync worker applies it.
    retention_months: int = DEFAULT_MONTHS
    retention_by_reason: dict = field(default_factory=dict)  # reason code -> months
    retention_daily: bool = False

    def calendar(self) -> BusinessCalendar:
        """The `BusinessCalendar` these settings describe (one per set of rules, shared)."""
        return calendar_of({key: getattr(self, key) for key in CALENDAR_KEYS})

    def clock(self, level) -> BusinessCalendar | AroundTheClock:
        """The clock a service level runs on: this calendar, or around the clock."""
        return around_the_clock() if level.around_the_clock else self.calendar()

    def weekly_schedule(self) -> dict[str, list[list[str]]]:
        """The base week in its stored form, whichever way it is set: "0" (Monday) to "6"
        -> [[opens, closes], ...] as "HH:MM", closed days left out.

        >>> Settings(weekdays=(0, 4)).weekly_schedule()
        {'0': [['08:30', '16:30']], '4': [['08:30', '16:30']]}
        """
        if self.weekly:
            return {day: [list(p) for p in periods] for day, periods in self.weekly.items()}
        return {str(day): [[self.open_time, self.close_time]] for day in self.weekdays}

    def reply_text(self, code: str, comment_language: str | None) -> str:
        """Template `code` as this organisation answers a comment in `comment_language`."""
        bilingual = self.english_replies == "bilingual"
        return reply_text(code, comment_language, self.templates, bilingual)


# Changing one of these moves the due time of every open comment.
DUE_KEYS = (*CALENDAR_KEYS, "target_hours", "service_levels")
SETTING_KEYS = tuple(f.name for f in fields(Settings))
_TUPLE_KEYS = {"weekdays", "closures", "retired_reasons", "allowed_domains"}
_TUPLE_KEYS |= {"schedule_changes", "service_levels", "alert_recipients", "triage_rules"}
_DEFAULTS = asdict(Settings())


def load_settings(db: Database) -> Settings:
    """The stored settings over the defaults."""
    stored = {}
    if db["settings"].exists():
        stored = {row["key"]: json.loads(row["value"]) for row in db["settings"].rows}
    return _settings_from(stored)


def _settings_from(stored: dict) -> Settings:
    """Settings from decoded JSON values by key; unknown keys are ignored."""
    values = {
        k: (tuple(v) if k in _TUPLE_KEYS else v) for k, v in stored.items() if k in SETTING_KEYS
    }
    return Settings(**values)


def settings_at(db: Database, instant) -> Settings:
    """The settings as they stood at `instant`: today's, with every later change undone.

    `instant` is a timestamp (aware, or naive meaning UTC) or stored UTC text. A
    change recorded at `instant` itself is in effect; one recorded after it is
    undone by restoring its `old` value (the earliest such change of a key holds
    the value the key had at `instant`). Excluded authors are not settings here.

    >>> from lib.db import open_db
    >>> db = open_db(":memory:")
    >>> _ = db["users"].insert({"username": "lea", "display_name": "Léa", "role": "lead"})
    >>> _ = save_settings(db, "lea", target_hours=6)
    >>> settings_at(db, "2000-01-01").target_hours, settings_at(db, now_utc()).target_hours
    (8.0, 6.0)
    >>> db.close()
    """
    current = asdict(load_settings(db))
    if not db["settings_history"].exists():
        return _settings_from(current)
    later = db.execute(
        "SELECT key, old FROM settings_history WHERE at > ? ORDER BY id",
        [to_db_time(instant)],
    ).fetchall()
    undone: dict = {}
    for key, old in later:
        if key in SETTING_KEYS and key not in undone:
            undone[key] = _DEFAULTS[key] if old is None else json.loads(old)
    return _settings_from({**current, **undone})


def save_settings(db: Database, actor: str, **changes) -> Settings:
    """Store changed settings and record each change (who, when, before, after).

    Only a team lead may (`lib.auth.PermissionDenied` otherwise); values are
    checked (`SettingsError`); a calendar or target change recomputes the due
    times of open comments in the same transaction.
    """
    require_lead(db, actor)
    unknown = sorted(set(changes) - set(SETTING_KEYS))
    if unknown:
        raise SettingsError("unknown_setting", keys=", ".join(unknown))
    current = load_settings(db)
    updated = replace(current, **{k: _normalised(k, v) for k, v in changes.items()})
    check(updated)
    before, after = asdict(current), asdict(updated)
    changed = [key for key in changes if before[key] != after[key]]
    at = to_db_time(now_utc())
    with immediate(db):
        for key in changed:
            value = json.dumps(after[key], ensure_ascii=False)
            db["settings"].upsert({"key": key, "value": value}, pk="key")
            record_change(db, at, actor, key, before[key], after[key])
        if set(changed) & set(DUE_KEYS):
            recompute_due_dates(db, updated, calendar_version(db))
    return updated


def record_change(db: Database, at: str, actor: str, key: str, old, new) -> None:
    db["settings_history"].insert(
        {
            "at": at,
            "actor": actor,
            "key": key,
            "old": None if old is None else json.dumps(old, ensure_ascii=False),
            "new": None if new is None else json.dumps(new, ensure_ascii=False),
        }
    )


def _normalised(key: str, value):
    """Page and CLI values in their stored form: sorted ISO dates, sorted weekdays, floats."""
    if key == "closures":
        return tuple(sorted({str(d)[:10] for d in value}))
    if key == "weekdays":
        return tuple(sorted({int(d) for d in value}))
    if key == "retired_reasons":
        return tuple(sorted(set(value)))
    if key in ("target_hours", "at_risk_hours", "compliance_goal_pct"):
        return float(value)
    if key in ("open_time", "close_time"):
        return value.strftime("%H:%M") if isinstance(value, time) else str(value)
    if key in ("include_easter_monday", "negative_needs_approval", "lead_self_approval"):
        return bool(value)
    if key == "allowed_domains":
        return _domains(value)
    if key == "organisation":
        return str(value).strip()
    if key in ("weekly", "schedule_changes", "openings", "closure_names"):
        return calendar_rules.normalised(key, value)
    if key == "service_levels":
        return tuple(level_rules.normalised(level) for level in value)
    if key in ALERT_KEYS:
        return alert_rules.normalised(key, value)
    if key in RETENTION_KEYS:
        return retention_rules.normalised(key, value)
    if key == "triage_rules":
        return tuple(triage_rules.normalised(rule) for rule in value)
    return value


def check(settings: Settings) -> None:
    """Raise SettingsError for values the calendar, the targets or the taxonomy refuse."""
    try:
        opens = time.fromisoformat(settings.open_time)
        closes = time.fromisoformat(settings.close_time)
        for day in settings.closures:
            date.fromisoformat(day)
    except ValueError as error:
        raise SettingsError("unreadable", detail=str(error)) from None
    if not opens < closes:
        raise SettingsError("open_before_close")
    if not settings.weekdays or not set(settings.weekdays) <= set(range(7)):
        raise SettingsError("no_weekday")
    if not settings.target_hours > 0:
        raise SettingsError("target_not_positive")
    if not 0 <= settings.at_risk_hours < settings.target_hours:
        raise SettingsError("at_risk_out_of_range")
    if not 0 <= settings.compliance_goal_pct <= 100:
        raise SettingsError("goal_out_of_range")
    _check_codes(settings.reason_labels, REASONS, "reason", LABEL_MAX_CHARS)
    _check_codes(dict.fromkeys(settings.retired_reasons), REASONS, "reason", LABEL_MAX_CHARS)
    if set(REASONS) <= set(settings.retired_reasons):
        raise SettingsError("no_active_reason")
    _check_codes(settings.templates, DEFAULT_TEMPLATES, "template", REPLY_MAX_CHARS)
    check_text("organisation", [settings.organisation], LABEL_MAX_CHARS)
    if settings.policy not in PRESET_NAMES:
        raise SettingsError("unknown_policy", policy=settings.policy, known=", ".join(PRESET_NAMES))
    netiquette = settings.netiquette
    if netiquette and not (isinstance(netiquette, dict) and set(netiquette) <= {"fr", "en"}):
        raise SettingsError("netiquette_languages")
    check_text("netiquette", netiquette.values(), NETIQUETTE_MAX_CHARS, multiline=True)
    if settings.english_replies not in ENGLISH_REPLIES:
        raise SettingsError("unknown_english_replies", value=settings.english_replies)
    bad = [d for d in settings.allowed_domains if not DOMAIN.fullmatch(d)]
    if bad:
        raise SettingsError("bad_domain", domains=", ".join(bad))
    calendar_rules.check_calendar(settings)
    level_rules.check_levels(settings)
    alert_rules.check_alerts(settings)
    retention_rules.check_retention(settings)
    triage_rules.check_rules(settings)


# A host name as people write it: labels of letters, digits and hyphens, a dot between,
# ending in letters ("quebec.ca", "csj.qc.ca", "cisss-gaspesie.gouv.qc.ca").
DOMAIN = re.compile(r"(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")


def _domains(value) -> tuple[str, ...]:
    """Domains as a lead types them, one per line or separated by commas or spaces, with
    or without "https://", "www." or a path: their host names, lower case, sorted.

    >>> _domains("https://www.Quebec.ca/sante, csj.qc.ca  qc.ca/")
    ('csj.qc.ca', 'qc.ca', 'quebec.ca')
    """
    words = re.split(r"[\s,;]+", value) if isinstance(value, str) else list(value)
    return tuple(sorted({link_host(str(word)) for word in words} - {""}))


def _check_codes(mapping: dict, known, kind: str, longest: int) -> None:
    """Codes are the taxonomy's: a lead renames or retires them, never invents or reuses one."""
    unknown = sorted(set(mapping) - set(known))
    if unknown:
        raise SettingsError(f"unknown_{kind}", codes=", ".join(unknown))
    for code, texts in mapping.items():
        if texts is None:
            continue
        if not (isinstance(texts, dict) and set(texts) <= {"fr", "en"} and all(texts.values())):
            raise SettingsError(f"{kind}_needs_both_languages", which=code)
        check_text(code, texts.values(), longest, multiline=kind == "template")


# --- reason labels ------------------------------------------------------------


def reason_labels(settings: Settings) -> dict[str, dict[str, str]]:
    """Every reason code's labels in both languages, with the lead's renames."""
    return {
        code: {lang: label("reason", code, lang, settings.reason_labels) for lang in LANGUAGES}
        for code in REASONS
    }


def active_reasons(settings: Settings) -> tuple[str, ...]:
    """The codes a moderator may choose today (retired codes stay readable in history)."""
    return tuple(code for code in REASONS if code not in settings.retired_reasons)


# --- excluded authors -------------------------------------------------------------


def exclude_author(
    db: Database,
    actor: str,
    platform: str,
    handle: str,
    until: date | str | None = None,
    reason: str = "",
) -> dict:
    """Exclude an author until a date (inclusive, local) or for good (`until=None`); recorded."""
    require_lead(db, actor)
    handle = (handle or "").strip()
    if platform not in PLATFORMS or not handle:
        raise SettingsError("exclusion_needs_handle")
    if len(handle) > HANDLE_MAX_CHARS or len(reason or "") > NOTE_MAX_CHARS:
        raise SettingsError("exclusion_too_long", handle=HANDLE_MAX_CHARS, why=NOTE_MAX_CHARS)
    if controls(handle) or controls(reason or "", "\n\t"):
        raise SettingsError("exclusion_control_character")
    until = None if until in (None, "") else date.fromisoformat(str(until)[:10]).isoformat()
    at = to_db_time(now_utc())
    row = {
        "platform": platform,
        "author_handle": handle,
        "until": until,
        "reason": (reason or "").strip(),
        "added_by": actor,
        "added_at": at,
    }
    with immediate(db):
        old = _exclusion(db, platform, handle)
        db["excluded_authors"].upsert(row, pk=("platform", "author_handle"))
        record_change(db, at, actor, "excluded_authors", old, row)
        if old is None:  # blocked on the connected accounts of its platform (lib.outbox)
            enqueue_block(db, platform, handle, at)
    return row


def readmit_author(db: Database, actor: str, platform: str, handle: str) -> bool:
    """End an exclusion; recorded. False when the author was not excluded."""
    require_lead(db, actor)
    with immediate(db):
        old = _exclusion(db, platform, handle)
        if old is None:
            return False
        db["excluded_authors"].delete((platform, handle))
        record_change(db, to_db_time(now_utc()), actor, "excluded_authors", old, None)
    return True


def excluded_authors(db: Database) -> list[dict]:
    """Every exclusion, current or expired, by platform and handle."""
    return list(db.query("SELECT * FROM excluded_authors ORDER BY platform, author_handle"))


def is_excluded(db: Database, platform: str, handle: str, on: date | None = None) -> bool:
    """Whether the author is excluded on local date `on` (default today in Québec)."""
    return current_exclusion(db, platform, handle, on) is not None


def current_exclusion(
    db: Database, platform: str, handle: str | None, on: date | None = None
) -> dict | None:
    """The author's exclusion if it is in force on local date `on` (default today), else None."""
    row = _exclusion(db, platform, handle) if handle else None
    if row is None:
        return None
    on = on or local_today()
    return row if row["until"] is None or on.isoformat() <= row["until"] else None


def _exclusion(db: Database, platform: str, handle: str) -> dict | None:
    rows = list(
        db.query(
            "SELECT * FROM excluded_authors WHERE platform = ? AND author_handle = ?",
            [platform, handle],
        )
    )
    return rows[0] if rows else None


# --- history ----------------------------------------------------------------------


def calendar_version(db: Database) -> int:
    """The calendar version in force: the id of the last recorded change of a setting that
    moves due times (DUE_KEYS), 0 while the defaults stand. Stored with each due time."""
    if not db["settings_history"].exists():
        return 0
    marks = ", ".join("?" for _ in DUE_KEYS)
    row = db.execute(
        f"SELECT max(id) FROM settings_history WHERE key IN ({marks})", DUE_KEYS
    ).fetchone()
    return row[0] or 0


def calendar_version_row(db: Database, version: int) -> dict | None:
    """The change that made calendar `version` (id, at as a UTC timestamp, actor), or None
    for version 0: the defaults."""
    if not version or not db["settings_history"].exists():
        return None
    row = db.execute(
        "SELECT id, at, actor FROM settings_history WHERE id = ?", [version]
    ).fetchone()
    return {"id": row[0], "at": utc(row[1]), "actor": row[2]} if row else None


def settings_history(db: Database, limit: int | None = None) -> list[dict]:
    """Every recorded change, newest first: at (UTC text), actor, key, old, new (JSON text)."""
    sql = "SELECT at, actor, key, old, new FROM settings_history ORDER BY id DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return list(db.query(sql))
