"""The organisation's accounts on the platforms as Vigie registers them, never a credential.

An account is registered by a lead in Paramètres › Comptes, or by the sync process the
first time the configuration names it (`lib.connectors.config`); only leads pause, resume
or change one, and every such change is in the settings history.

>>> from lib.db import open_db
>>> db = open_db(":memory:")
>>> register_account(db, "ville_fb", "facebook", "Ville (Facebook)", "1001", "sync", "config")
True
>>> [(a["key"], a["platform"], a["paused"], a["token_state"]) for a in accounts(db)]
[('ville_fb', 'facebook', 0, 'ok')]
>>> db.close()
"""

from __future__ import annotations

import json

from sqlite_utils import Database

from lib.auth import require_lead
from lib.db import immediate, to_db_time
from lib.i18n import Worded
from lib.platforms import CONNECTED_PLATFORMS
from lib.settings import record_change
from lib.times import now_utc

MODES = ("sync", "record-only")
# An account key is how the configuration names it: `[connectors.KEY]`.
KEY_MAX_CHARS = 64
NAME_MAX_CHARS = 120


class AccountRefused(Worded, ValueError):
    """An account a lead cannot register as given: words in the catalogue as
    `accounts.error.<code>`."""

    KEY = "accounts.error"


def accounts(db: Database) -> list[dict]:
    """Every registered account, by platform and name."""
    return list(db.query("SELECT * FROM accounts ORDER BY platform, coalesce(name, key)"))


def account(db: Database, key: str) -> dict | None:
    rows = list(db.query("SELECT * FROM accounts WHERE key = ?", [key]))
    return rows[0] if rows else None


def check_account(key: str, platform: str, name: str, platform_id: str, mode: str) -> None:
    """Refuse what cannot be an account: raises `AccountRefused`."""
    if not key or len(key) > KEY_MAX_CHARS or not key.replace("_", "").replace("-", "").isalnum():
        raise AccountRefused("bad_key", longest=KEY_MAX_CHARS)
    if platform not in CONNECTED_PLATFORMS:
        raise AccountRefused("unknown_platform", known=", ".join(CONNECTED_PLATFORMS))
    if mode not in MODES:
        raise AccountRefused("unknown_mode", known=", ".join(MODES))
    if not (platform_id or "").strip():
        raise AccountRefused("needs_platform_id")
    if len(name or "") > NAME_MAX_CHARS or any(ord(c) < 32 for c in name or ""):
        raise AccountRefused("bad_name", longest=NAME_MAX_CHARS)


def register_account(
    db: Database, key: str, platform: str, name: str, platform_id: str, mode: str, by: str
) -> bool:
    """Register an account, or bring a registered one up to what is given; True when new.

    `by` is the lead who registered it, or "config" for the sync process. A registered
    account keeps its pause and its cursor; the settings history records what changed.
    """
    check_account(key, platform, name, platform_id, mode)
    at = to_db_time(now_utc())
    row = {"platform": platform, "name": name or key, "platform_id": platform_id, "mode": mode}
    with immediate(db):
        old = account(db, key)
        if old is not None and all(old[k] == v for k, v in row.items()):
            return False
        if old is None:
            db["accounts"].insert({"key": key, **row, "registered_at": at, "registered_by": by})
        else:
            db["accounts"].update(key, row)
        before = None if old is None else {k: old[k] for k in row}
        record_change(db, at, by, f"accounts.{key}", before, row)
    return old is None


def add_account(
    db: Database, actor: str, key: str, platform: str, name: str, platform_id: str, mode: str
) -> bool:
    """A lead registers (or changes) an account in Paramètres › Comptes; True when new."""
    require_lead(db, actor)
    return register_account(db, key, platform, name, platform_id, mode, actor)


def set_paused(db: Database, actor: str, key: str, paused: bool) -> None:
    """A lead pauses an account (nothing pulled, nothing pushed) or resumes it; recorded."""
    require_lead(db, actor)
    with immediate(db):
        old = account(db, key)
        if old is None:
            raise AccountRefused("unknown_account", account=key)
        if bool(old["paused"]) == paused:
            return
        db["accounts"].update(key, {"paused": int(paused)})
        at = to_db_time(now_utc())
        record_change(db, at, actor, f"accounts.{key}.paused", bool(old["paused"]), paused)


def retry_operation(db: Database, actor: str, operation_id: int) -> None:
    """A lead sends an operation that needed attention again, from its first attempt (a
    token renewed, a permission granted); recorded in the settings history."""
    _resolve(db, actor, operation_id, "pending")


def abandon_operation(db: Database, actor: str, operation_id: int) -> None:
    """A lead gives up an operation that needed attention (done by hand on the platform,
    or no longer wanted); recorded in the settings history."""
    _resolve(db, actor, operation_id, "cancelled")


def _resolve(db: Database, actor: str, operation_id: int, state: str) -> None:
    require_lead(db, actor)
    at = to_db_time(now_utc())
    with immediate(db):
        rows = list(db.query("SELECT * FROM outbox WHERE id = ?", [int(operation_id)]))
        if not rows or rows[0]["state"] != "attention":
            raise AccountRefused("operation_not_waiting", operation=int(operation_id))
        update = {"state": state}
        if state == "pending":
            update.update(attempts=0, next_attempt_at=at)
        db["outbox"].update(int(operation_id), update)
        old = {"state": "attention", "problem": rows[0]["problem"]}
        record_change(db, at, actor, f"outbox.{int(operation_id)}", old, {"state": state})


def note_problem(db: Database, key: str, problem: str | None, at, token_expired=None) -> None:
    """What went wrong with the account at its last sync (a catalogue code, `sync.problem.*`),
    or None when it went well; `token_expired` marks (or clears) the need for a new token."""
    changes = {"problem": problem, "problem_at": to_db_time(at) if problem else None}
    if token_expired is not None:
        changes["token_state"] = "expired" if token_expired else "ok"
    with immediate(db):
        db["accounts"].update(key, changes)


def save_progress(db: Database, key: str, cursor: dict | None = None, **instants) -> None:
    """Where the last pull stopped (`cursor`), and instants such as `last_pull_at`,
    `last_push_at`, `resume_at` (None clears one)."""
    changes = {name: to_db_time(value) for name, value in instants.items()}
    if cursor is not None:
        changes["cursor"] = json.dumps(cursor, sort_keys=True)
    with immediate(db):
        db["accounts"].update(key, changes)


def cursor_of(row: dict) -> dict:
    """The account's cursor as saved by `save_progress`, or an empty one."""
    try:
        value = json.loads(row.get("cursor") or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
