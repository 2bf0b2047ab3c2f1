"""Who may do what: roles and permissions, local passwords (argon2), identity-provider mapping.

Roles are enforced here, in the core, so that a page that forgets to hide a
button still cannot let a moderator change the settings or unmask an export.

>>> from lib.db import open_db
>>> db = open_db(":memory:")
>>> _ = db["users"].insert_all([
...     {"username": "ana", "display_name": "Ana", "role": "moderator"},
...     {"username": "lea", "display_name": "Léa", "role": "lead"},
... ])
>>> can(db, "lea", "settings"), can(db, "ana", "settings"), can(db, "ana", "queue")
(True, False, True)
>>> try:
...     require_lead(db, "ana")
... except PermissionDenied as refusal:
...     print(refusal)
Réservé aux chefs d'équipe : ana ne peut pas modifier les paramètres. / Team leads only: ana ...
>>> db.close()
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlite_utils import Database

from lib.i18n import Worded, label, t

LEAD = "lead"
MODERATOR = "moderator"

# Permission -> the roles that hold it. Anything not listed is open to every team member.
LEAD_ONLY = ("settings", "approve", "reject", "unmask", "passwords")
PERMISSIONS = {name: (LEAD,) for name in LEAD_ONLY}

MIN_PASSWORD_LENGTH = 8
# The demo database's accounts all share this password (README, "Demo accounts").
DEMO_PASSWORD = "vigie-demo"

_hasher = PasswordHasher()
# Verified when the username is unknown, so that a wrong name costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not a password of anyone")


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


class PasswordRefused(Worded, ValueError):
    """A password that cannot be set: `unknown_person` or `password_too_short`."""

    KEY = "auth.refused"


def user(db: Database, username: str | None) -> dict | None:
    """The team member (username, display_name, role), or None; the hash is never returned."""
    if not username:
        return None
    rows = list(
        db.query("SELECT username, display_name, role FROM users WHERE username = ?", [username])
    )
    return rows[0] if rows else None


def team(db: Database) -> list[dict]:
    """Every team member (username, display_name, role), by display name."""
    return list(db.query("SELECT username, display_name, role FROM users ORDER BY display_name"))


def team_names(db: Database) -> dict[str, str]:
    """Each team member's display name by username, for what names people."""
    return {p["username"]: p["display_name"] for p in team(db)}


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


# --- local passwords ----------------------------------------------------------


def hash_password(password: str) -> str:
    """An argon2id hash (salted, with its parameters) to store in users.password_hash."""
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether `password` matches the stored hash; False for a missing or malformed hash."""
    if not password_hash:
        return False
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def set_password(db: Database, username: str, password: str) -> None:
    """Store a new password for an existing team member."""
    if user(db, username) is None:
        raise PasswordRefused("unknown_person", who=repr(username))
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordRefused("password_too_short", length=MIN_PASSWORD_LENGTH)
    db["users"].update(username, {"password_hash": hash_password(password)})


def authenticate(db: Database, username: str, password: str) -> dict | None:
    """The team member whose local password this is, or None.

    Takes about as long for an unknown name as for a wrong password, and
    upgrades a hash made with older argon2 parameters.
    """
    username = (username or "").strip()
    rows = list(db.query("SELECT password_hash FROM users WHERE username = ?", [username]))
    stored = rows[0]["password_hash"] if rows else None
    matches = verify_password(stored or _DUMMY_HASH, password)
    if not (stored and matches):
        return None
    if _hasher.check_needs_rehash(stored):
        db["users"].update(username, {"password_hash": hash_password(password)})
    return user(db, username)


class BadCredentials(Worded, PermissionError):
    """A username and password that do not match a team member's local password."""

    KEY = "auth.refused"

    def __init__(self, username: str | None):
        self.username = username
        super().__init__("bad_credentials", who=username or "?")


def require_credentials(db: Database, username: str | None, password: str, permission: str) -> dict:
    """The team member, once their local password is checked and their role allows `permission`.

    For the command line, where nobody is signed in: raises BadCredentials,
    then PermissionDenied.
    """
    person = authenticate(db, username or "", password)
    if person is None:
        raise BadCredentials(username)
    require(db, person["username"], permission)
    return person


def has_password(db: Database, username: str) -> bool:
    """Whether this team member has a local password already."""
    row = db.execute("SELECT password_hash FROM users WHERE username = ?", [username]).fetchone()
    return bool(row and row[0])


def has_local_passwords(db: Database) -> bool:
    """Whether any team member has a local password."""
    row = db.execute("SELECT 1 FROM users WHERE password_hash IS NOT NULL LIMIT 1").fetchone()
    return row is not None


# --- identity provider (OpenID Connect) ------------------------------------------


def user_for_identity(db: Database, claims: dict) -> dict | None:
    """The team member an OpenID Connect identity maps to, or None.

    `claims` is `st.user` as a dict. Its `email`, then `preferred_username`
    (Microsoft Entra ID: the user principal name), are compared with
    users.username without regard to case.
    """
    for claim in ("email", "preferred_username"):
        value = (claims.get(claim) or "").strip()
        if not value:
            continue
        rows = list(
            db.query("SELECT username FROM users WHERE lower(username) = lower(?)", [value])
        )
        if rows:
            return user(db, rows[0]["username"])
    return None
