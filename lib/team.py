"""Team administration: who is on the team, in which role, and who has left (leads only).

A member is never deleted. A deactivated member cannot sign in, act or be assigned
work, and keeps their name on everything they did; their assigned open comments go
back to the unassigned pool (an `unassign` in each comment's history). Every change is
a row of the settings history under the key `team`, and at least one active lead
always remains.

>>> from lib.db import open_db
>>> db = open_db(":memory:")
>>> found_team(db, "lea", "Léa Tremblay", "premier-jour-2026")["role"]
'lead'
>>> add_member(db, "lea", "ana", "Ana Roy", "moderator", email="ana@example.org")["email"]
'ana@example.org'
>>> try:
...     deactivate(db, "lea", "lea")
... except TeamRefused as refusal:
...     print(refusal.describe("en"))
Léa Tremblay is the last active team lead: name another lead first.
>>> db.close()
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from lib.auth import LEAD, has_team, new_password_hash, require_lead
from lib.db import ROLES, immediate, open_db, read_only, table_names, to_db_time
from lib.i18n import Worded
from lib.moderation import act
from lib.presets import preset_settings
from lib.settings import record_change, save_settings
from lib.taxonomy import HANDLE_MAX_CHARS, LABEL_MAX_CHARS
from lib.times import now_utc

HISTORY_KEY = "team"
USERNAME_MAX_CHARS = HANDLE_MAX_CHARS
NAME_MAX_CHARS = LABEL_MAX_CHARS
# Letters (accented too), digits and . _ - + @: what a sign-in form, a command line and an
# organisation address all carry without quoting. No space, no control character.
_USERNAME = re.compile(r"[\w.+@-]+")
# An address an identity provider can vouch for: one @, a dotted domain, no space.
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
# What the history keeps of a member: never the password hash or the account binding.
_RECORDED = ("username", "display_name", "role", "email", "active")


class TeamRefused(Worded, ValueError):
    """A team change the rules refuse: a `code` whose words are `team.error.<code>`."""

    KEY = "team.error"


def create_team_database(
    path: Path,
    username: str,
    display_name: str,
    password: str,
    email: str | None = None,
    policy: str = "general",
    organisation: str | None = None,
) -> dict:
    """A Vigie database at `path` for a real team (`python -m lib init`): the schema, the
    settings of the policy preset (`lib.presets`), and its first lead with a password.

    The team appears whole or not at all: a new file is built aside, then linked into
    place; an existing file is used only when it is a Vigie database nobody has used yet
    (`unused_database`: the app makes one when it first opens a new path), filled in one
    transaction. Any other file is never touched. Raises TeamRefused, `lib.presets.
    UnknownPreset`, `lib.settings.SettingsError` or `lib.auth.PasswordRefused`.
    """
    path = Path(path)
    if path.exists() and not unused_database(path):
        raise TeamRefused("database_exists", path=path)
    values = preset_settings(policy)
    if organisation is not None:
        values["organisation"] = organisation
    if path.exists():
        with open_db(path) as db, immediate(db):
            return _first_lead(db, username, display_name, password, email, values)
    draft = path.with_name(f".{path.name}.{os.getpid()}.init")
    try:
        with open_db(draft) as db:
            lead = _first_lead(db, username, display_name, password, email, values)
        os.link(draft, path)  # fails, rather than replace, if the file appeared meanwhile
    except FileExistsError:
        raise TeamRefused("database_exists", path=path) from None
    finally:
        for leftover in (draft, *(draft.with_name(draft.name + s) for s in ("-wal", "-shm"))):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    return lead


def unused_database(path: Path) -> bool:
    """Whether `path` is a Vigie database with no team member and no comment yet (read
    without writing: a file that is not Vigie's is left exactly as it was)."""
    try:
        with read_only(path) as probe:
            if not {"users", "comments"} <= table_names(probe):
                return False
            used = probe.execute(
                "SELECT EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM comments)"
            ).fetchone()[0]
    except sqlite3.DatabaseError:
        return False
    return not used


def _first_lead(db: Database, username, display_name, password, email, values: dict) -> dict:
    lead = found_team(db, username, display_name, password, email)
    save_settings(db, lead["username"], **values)
    return lead


def found_team(
    db: Database, username: str, display_name: str, password: str, email: str | None = None
) -> dict:
    """The first team lead of an empty database, with their password (`python -m lib
    init`); refused once the team has anyone. Recorded as their own change."""
    person = _checked(username, display_name, LEAD, email)
    password_hash = new_password_hash(password)  # slow on purpose: before the write lock
    with immediate(db):
        if has_team(db):
            raise TeamRefused("team_exists")
        _insert(db, person["username"], person, password_hash)
    return _member(db, person["username"])


def add_member(
    db: Database,
    actor: str,
    username: str,
    display_name: str,
    role: str,
    email: str | None = None,
    password: str | None = None,
) -> dict:
    """Add an active member; a lead only (`lib.auth.PermissionDenied`). They sign in with
    a first `password` given in person (or set later, `lib.auth.set_password`), or with
    the organisation account `email` names: the member and the password, both or neither."""
    require_lead(db, actor, "team")
    person = _checked(username, display_name, role, email)
    password_hash = new_password_hash(password) if password else None
    with immediate(db):
        taken = db.execute(
            "SELECT username FROM users WHERE lower(username) = lower(?)", [person["username"]]
        ).fetchone()
        if taken:
            raise TeamRefused("username_taken", username=taken[0])
        _insert(db, actor, person, password_hash)
    return _member(db, person["username"])


def change_role(db: Database, actor: str, username: str, role: str) -> dict:
    """Make a member a moderator or a lead; never the last active lead a moderator."""
    require_lead(db, actor, "team")
    if role not in ROLES:
        raise TeamRefused("unknown_role", role=role, roles=", ".join(ROLES))
    with immediate(db):
        before = _existing(db, username)
        if role != LEAD and before["active"]:
            _keep_a_lead(db, before)
        _update(db, actor, before, role=role)
    return _member(db, username)


def deactivate(db: Database, actor: str, username: str) -> int:
    """Withdraw a member: their open comments return to the pool, and their sessions end
    (`active` is part of their session stamp, lib.auth.sessions). Returns how many
    comments returned. Never the last active lead."""
    require_lead(db, actor, "team")
    with immediate(db):
        before = _existing(db, username)
        if not before["active"]:
            return 0
        _keep_a_lead(db, before)
        assigned = db.execute(
            "SELECT id, version FROM comments WHERE assignee = ? "
            "AND status IN ('assigned', 'awaiting_approval') ORDER BY id",
            [username],
        ).fetchall()
        for comment_id, version in assigned:
            act(db, comment_id, "unassign", actor, version)
        _update(db, actor, before, active=0)
    return len(assigned)


def reactivate(db: Database, actor: str, username: str) -> dict:
    """Let a deactivated member sign in and take work again, in the role they had."""
    require_lead(db, actor, "team")
    with immediate(db):
        before = _existing(db, username)
        if not before["active"]:
            _update(db, actor, before, active=1)
    return _member(db, username)


def _checked(username: str, display_name: str, role: str, email: str | None) -> dict:
    """A new member's values, trimmed, or TeamRefused naming what is wrong."""
    username, display_name = (username or "").strip(), (display_name or "").strip()
    email = (email or "").strip() or None
    if not username or not _USERNAME.fullmatch(username):
        raise TeamRefused("bad_username", username=repr(username))
    if len(username) > USERNAME_MAX_CHARS:
        raise TeamRefused("username_too_long", limit=USERNAME_MAX_CHARS)
    if not display_name or not display_name.isprintable():
        raise TeamRefused("bad_name")
    if len(display_name) > NAME_MAX_CHARS:
        raise TeamRefused("name_too_long", limit=NAME_MAX_CHARS)
    if role not in ROLES:
        raise TeamRefused("unknown_role", role=role, roles=", ".join(ROLES))
    if email is not None and (len(email) > USERNAME_MAX_CHARS or not _EMAIL.fullmatch(email)):
        raise TeamRefused("bad_email", email=repr(email))
    return {"username": username, "display_name": display_name, "role": role, "email": email}


def _insert(db: Database, actor: str, person: dict, password_hash: str | None) -> None:
    if person["email"] and _email_owner(db, person["email"]):
        raise TeamRefused("email_taken", email=person["email"])
    db["users"].insert({**person, "active": 1, "password_hash": password_hash})
    _record(db, actor, None, _member(db, person["username"]))


def _update(db: Database, actor: str, before: dict, **changes) -> None:
    db["users"].update(before["username"], changes)
    _record(db, actor, before, _member(db, before["username"]))


def _record(db: Database, actor: str, before: dict | None, after: dict) -> None:
    old = None if before is None else {k: before[k] for k in _RECORDED}
    new = {k: after[k] for k in _RECORDED}
    record_change(db, to_db_time(now_utc()), actor, HISTORY_KEY, old, new)


def _keep_a_lead(db: Database, leaving: dict) -> None:
    """Refuse a change that would leave no active lead."""
    if leaving["role"] != LEAD:
        return
    others = db.execute(
        "SELECT count(*) FROM users WHERE role = ? AND active AND username != ?",
        [LEAD, leaving["username"]],
    ).fetchone()[0]
    if not others:
        raise TeamRefused("last_lead", who=leaving["display_name"])


def _member(db: Database, username: str) -> dict | None:
    rows = db.execute(
        "SELECT username, display_name, role, email, active FROM users WHERE username = ?",
        [username],
    ).fetchall()
    return dict(zip(_RECORDED, rows[0], strict=True)) if rows else None


def _existing(db: Database, username: str) -> dict:
    member = _member(db, username)
    if member is None:
        raise TeamRefused("unknown_member", username=repr(username))
    return member


def _email_owner(db: Database, email: str) -> str | None:
    row = db.execute(
        "SELECT username FROM users WHERE lower(email) = lower(?1) OR lower(username) = lower(?1)",
        [email],
    ).fetchone()
    return row[0] if row else None
