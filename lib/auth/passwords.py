"""Local passwords: argon2id hashes, who may set one, and checking one.

>>> from lib.db import open_db
>>> db = open_db(":memory:")
>>> _ = db["users"].insert_all([
...     {"username": "ana", "display_name": "Ana", "role": "moderator"},
...     {"username": "lea", "display_name": "Léa", "role": "lead"},
... ])
>>> set_password(db, SERVER_OPERATOR, "lea", "premier-mot-de-passe")  # a first password
>>> set_password(db, "lea", "ana", "moderation-2026")  # a lead sets anyone's
>>> authenticate(db, "ana", "moderation-2026")["role"]
'moderator'
>>> set_password(db, "ana", "lea", "pris-en-otage")
Traceback (most recent call last):
  ...
lib.auth.roles.PermissionDenied: Réservé aux chefs d'équipe : ana ne peut pas ...
>>> db.close()
"""

from __future__ import annotations

from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlite_utils import Database

from lib.auth.roles import PermissionDenied, require, user
from lib.db import immediate
from lib.i18n import Worded

MIN_PASSWORD_LENGTH = 8
# The demo database's accounts all share this password (README, "Demo accounts").
DEMO_PASSWORD = "vigie-demo"

_hasher = PasswordHasher()
# Verified when the username is unknown, so that a wrong name costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not a password of anyone")


class _ServerOperator:
    """Whoever runs the command line on the server. SECURITY.md trusts them (they can read
    the database file), yet Vigie lets them do one thing only: give an account its first
    password. Replacing a password needs a lead, or the person themselves."""

    def __repr__(self) -> str:
        return "SERVER_OPERATOR"

    def __str__(self) -> str:
        return "operator"  # how the logs name them (backups, retention runs)


SERVER_OPERATOR = _ServerOperator()


class PasswordRefused(Worded, ValueError):
    """A password that cannot be set: `unknown_person` or `password_too_short`."""

    KEY = "auth.refused"


class BadCredentials(Worded, PermissionError):
    """A username and password that do not match a team member's local password."""

    KEY = "auth.refused"

    def __init__(self, username: str | None):
        self.username = username
        super().__init__("bad_credentials", who=username or "?")


def hash_password(password: str) -> str:
    """An argon2id hash (salted, with its parameters) to store in users.password_hash."""
    return _hasher.hash(password)


def new_password_hash(password: str) -> str:
    """The hash of a password a person chose, once it is long enough (PasswordRefused)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordRefused("password_too_short", length=MIN_PASSWORD_LENGTH)
    return hash_password(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether `password` matches the stored hash; False for a missing or malformed hash."""
    if not password_hash:
        return False
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def require_may_set_password(db: Database, actor, username: str) -> None:
    """Raise unless `actor` may set `username`'s password.

    A lead may set anyone's, a person their own; SERVER_OPERATOR only a first password.
    Raises PasswordRefused for an unknown person, PermissionDenied otherwise.
    """
    if user(db, username) is None:
        raise PasswordRefused("unknown_person", who=repr(username))
    if actor is SERVER_OPERATOR:
        if has_password(db, username):
            raise PermissionDenied(None, "passwords")
        return
    if actor == username and user(db, actor) is not None:
        return
    require(db, actor, "passwords")


def set_password(db: Database, actor, username: str, password: str) -> None:
    """Store a new password for `username`, set by `actor` (require_may_set_password).

    The new hash changes the person's session stamp: their open sessions end
    (lib.auth.sessions).
    """
    require_may_set_password(db, actor, username)
    new_hash = new_password_hash(password)  # slow on purpose: before the write lock
    with immediate(db):
        db["users"].update(username, {"password_hash": new_hash})


def authenticate(db: Database, username: str, password: str) -> dict | None:
    """The team member whose local password this is, or None.

    Takes about as long for an unknown name as for a wrong password, and
    upgrades a hash made with older argon2 parameters. Counts no failure:
    sign-in through the app goes through `lib.auth.throttle.sign_in`.
    """
    username = (username or "").strip()
    rows = list(db.query("SELECT password_hash FROM users WHERE username = ?", [username]))
    stored = rows[0]["password_hash"] if rows else None
    matches = verify_password(stored or _DUMMY_HASH, password)
    if not (stored and matches):
        return None
    if _hasher.check_needs_rehash(stored):
        with immediate(db):
            db["users"].update(username, {"password_hash": hash_password(password)})
    return user(db, username)


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


def demo_accounts(db: Database) -> list[dict]:
    """The team members who still sign in with DEMO_PASSWORD (username, role), by username.

    The demo gives all its accounts one hash, while a password set by hand has its own
    salt: only a hash that several accounts share is checked, once per hash and process
    (argon2 is slow on purpose). A real team's database gives an empty list at no cost.
    """
    shared = db.execute(
        "SELECT password_hash FROM users WHERE password_hash IS NOT NULL "
        "GROUP BY password_hash HAVING count(*) > 1"
    ).fetchall()
    demo = [h for (h,) in shared if _is_demo_hash(h)]
    if not demo:
        return []
    marks = ", ".join("?" * len(demo))
    return list(
        db.query(
            f"SELECT username, role FROM users WHERE password_hash IN ({marks}) ORDER BY username",
            demo,
        )
    )


@lru_cache(maxsize=64)
def _is_demo_hash(password_hash: str) -> bool:
    return verify_password(password_hash, DEMO_PASSWORD)
