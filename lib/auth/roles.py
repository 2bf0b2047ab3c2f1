"""Roles and permissions: who is on the team, and what a role may do.

Roles are enforced here, in the core, so that a page that forgets to hide a
button still cannot let a moderator change the settings or unmask an export.
"""

from __future__ import annotations

from sqlite_utils import Database

from lib.i18n import Worded, label, t

LEAD = "lead"
MODERATOR = "moderator"

# Permission -> the roles that hold it. Anything not listed is open to every team member.
LEAD_ONLY = ("settings", "approve", "reject", "unmask", "passwords", "identities", "team")
LEAD_ONLY += ("records",)
PERMISSIONS = {name: (LEAD,) for name in LEAD_ONLY}


class PermissionDenied(Worded, PermissionError):
    """The person's role does not allow `permission` (one of LEAD_ONLY); str() is French
    then English, `describe(lang)` one language for the page the person is on."""

    KEY = "auth"

    def __init__(self, username: str | None, permission: str):
        self.username = username
        self.permission = permission
        super().__init__("denied", who=username or "?")

    def describe(self, language: str = "fr") -> str:
        what = label("auth.permission", self.permission, language)
        return t("auth.denied", language, what=what, **self.values)


def user(db: Database, username: str | None) -> dict | None:
    """The active team member (username, display_name, role), or None; a deactivated
    member is no one here: they may neither sign in nor act. The hash is never returned."""
    if not username:
        return None
    rows = list(
        db.query(
            "SELECT username, display_name, role FROM users WHERE username = ? AND active",
            [username],
        )
    )
    return rows[0] if rows else None


def has_team(db: Database) -> bool:
    """Whether anyone is on the team yet (a new database has no one: `python -m lib init`)."""
    return db.execute("SELECT 1 FROM users LIMIT 1").fetchone() is not None


def team(db: Database, active_only: bool = False) -> list[dict]:
    """Team members (username, display_name, role, active), by display name: everyone who
    ever was, or only the active ones (whom work may go to)."""
    where = "WHERE active " if active_only else ""
    return list(
        db.query(
            f"SELECT username, display_name, role, active FROM users {where}ORDER BY display_name"
        )
    )


def team_accounts(db: Database) -> list[dict]:
    """Every team member with how they may sign in: `email` (for single sign-on),
    `active`, `has_password` (a local password) and `bound_at` (when their organisation
    account was bound, UTC text, or None); the active first, then by role and name."""
    return list(
        db.query(
            "SELECT username, display_name, role, email, active, "
            "password_hash IS NOT NULL AS has_password, identity_bound_at AS bound_at "
            "FROM users ORDER BY active DESC, role, display_name"
        )
    )


def team_names(db: Database, active_only: bool = False) -> dict[str, str]:
    """Members' display names by username: everyone's, deactivated ones included (their
    name stays on everything they did), or only the active ones (whom work may go to)."""
    return {p["username"]: p["display_name"] for p in team(db, active_only)}


def role_of(db: Database, username: str | None) -> str | None:
    person = user(db, username)
    return person["role"] if person else None


def can(db: Database, username: str | None, permission: str) -> bool:
    """Whether `username` may do `permission` ('settings', 'approve', 'reject', 'unmask', …).

    Unknown people may do nothing; permissions not in PERMISSIONS are open to the whole team.
    """
    role = role_of(db, username)
    if role is None:
        return False
    return role in PERMISSIONS.get(permission, (MODERATOR, LEAD))


def require(db: Database, username: str | None, permission: str) -> None:
    """Raise PermissionDenied unless `username` may do `permission`."""
    if not can(db, username, permission):
        raise PermissionDenied(username, permission)


def require_lead(db: Database, username: str | None, permission: str = "settings") -> None:
    """Raise PermissionDenied unless `username` is a team lead."""
    if role_of(db, username) != LEAD:
        raise PermissionDenied(username, permission)
