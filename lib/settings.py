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

import functools
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
    BusinessCalendar,
)
from lib.db import PLATFORMS, immediate, to_db_time
from lib.detect.word_lists import link_host
from lib.i18n import LANGUAGES, Worded, label
from lib.presets import PRESET_NAMES
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
from lib.times import local_today, now_utc

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

    def calendar(self) -> BusinessCalendar:
        """The `BusinessCalendar` these settings describe (one per set of rules, shared)."""
        return _calendar(
            self.open_time,
            self.close_time,
            tuple(self.weekdays),
            tuple(self.closures),
            self.include_easter_monday,
        )

    def reply_text(self, code: str, comment_language: str | None) -> str:
        """Template `code` as this organisation answers a comment in `comment_language`."""
        bilingual = self.english_replies == "bilingual"
        return reply_text(code, comment_language, self.templates, bilingual)


@functools.lru_cache(maxsize=32)
def _calendar(open_time, close_time, weekdays, closures, include_easter_monday):
    # A calendar builds its tables of business intervals on first use: sharing one per
    # set of rules keeps them built across reruns and callers.
    return BusinessCalendar(
        open_time=time.fromisoformat(open_time),
        close_time=time.fromisoformat(close_time),
        weekdays=weekdays,
        extra_closures=[date.fromisoformat(d) for d in closures],
        include_easter_monday=include_easter_monday,
    )


CALENDAR_KEYS = ("open_time", "close_time", "weekdays", "include_easter_monday", "closures")
# Changing one of these moves the due time of every open comment.
DUE_KEYS = (*CALENDAR_KEYS, "target_hours")
SETTING_KEYS = tuple(f.name for f in fields(Settings))
_TUPLE_KEYS = {"weekdays", "closures", "retired_reasons", "allowed_domains"}
_DEFAULTS = asdict(Settings())


class SettingsError(Worded, ValueError):
    """A setting value the rules refuse: a `code` whose words are `settings.error.<code>`."""

    KEY = "settings.error"


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
            recompute_due_dates(db, updated)
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
    _check_text("organisation", [settings.organisation], LABEL_MAX_CHARS)
    if settings.policy not in PRESET_NAMES:
        raise SettingsError("unknown_policy", policy=settings.policy, known=", ".join(PRESET_NAMES))
    netiquette = settings.netiquette
    if netiquette and not (isinstance(netiquette, dict) and set(netiquette) <= {"fr", "en"}):
        raise SettingsError("netiquette_languages")
    _check_text("netiquette", netiquette.values(), NETIQUETTE_MAX_CHARS, multiline=True)
    if settings.english_replies not in ENGLISH_REPLIES:
        raise SettingsError("unknown_english_replies", value=settings.english_replies)
    bad = [d for d in settings.allowed_domains if not DOMAIN.fullmatch(d)]
    if bad:
        raise SettingsError("bad_domain", domains=", ".join(bad))


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
        _check_text(code, texts.values(), longest, multiline=kind == "template")


def _check_text(which: str, texts, longest: int, multiline: bool = False) -> None:
    """Words a lead types: within their length, and no control character (a NUL, an escape)
    that a page, a platform or a CSV export would choke on; a template keeps its lines."""
    for text in texts:
        if len(text) > longest:
            raise SettingsError("too_long", which=which, limit=longest)
        if _controls(text, "\n\t" if multiline else ""):
            raise SettingsError("control_character", which=which)


def _controls(text: str, allowed: str = "") -> bool:
    """Whether `text` holds a C0 or C1 control character other than those `allowed`."""
    return any((ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0) and c not in allowed for c in text)


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


# --- closures -------------------------------------------------------------------


def _season_year(today: date) -> int:
    """The year whose December starts the coming (or current) holiday season."""
    return today.year - 1 if (today.month, today.day) <= (1, 2) else today.year


def holiday_season_closures(today: date) -> tuple[str, ...]:
    """Le congé des Fêtes: 24 December to 2 January of the coming (or current) season.

    >>> holiday_season_closures(date(2026, 6, 1))[:2], holiday_season_closures(date(2026, 6, 1))[-1]
    (('2026-12-24', '2026-12-25'), '2027-01-02')
    >>> holiday_season_closures(date(2027, 1, 2))[0]
    '2026-12-24'
    """
    start = date(_season_year(today), 12, 24)
    return tuple(date.fromordinal(start.toordinal() + i).isoformat() for i in range(10))


def boxing_day_closure(today: date) -> tuple[str, ...]:
    """26 December of the coming (or current) season, for bodies that close that day only."""
    return (date(_season_year(today), 12, 26).isoformat(),)


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
    if _controls(handle) or _controls(reason or "", "\n\t"):
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


def settings_history(db: Database, limit: int | None = None) -> list[dict]:
    """Every recorded change, newest first: at (UTC text), actor, key, old, new (JSON text)."""
    sql = "SELECT at, actor, key, old, new FROM settings_history ORDER BY id DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return list(db.query(sql))
