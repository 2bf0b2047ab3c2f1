"""Open sessions end when what let a person in changes: password, role, account, or active.

A session keeps the person's stamp from the moment they signed in, and compares it at
each run with `session_stamp` read afresh (lib/ui/auth.py). The stamp digests the
columns that grant access, so a change made by any route (the app, the command line,
a sqlite3 shell) ends the sessions opened before it.

>>> from lib.db import open_db
>>> db = open_db(":memory:")
>>> _ = db["users"].insert({"username": "ana", "display_name": "Ana", "role": "moderator"})
>>> before = session_stamp(db, "ana")
>>> end_sessions(db, "ana")
>>> session_stamp(db, "ana") == before, session_stamp(db, "zoe")
(False, None)
>>> db.close()
"""

from __future__ import annotations

import hashlib
import json

from sqlite_utils import Database

from lib.db import immediate

# What grants access: a change to any of them ends the person's open sessions. A
# password's rehash on sign-in (newer argon2 parameters) counts too: rare, and harmless.
GRANTING = (
    "role",
    "active",
    "password_hash",
    "session_epoch",
    "identity_issuer",
    "identity_subject",
)


def session_stamp(db: Database, username: str | None) -> str | None:
    """A digest of what lets `username` in, or None for someone not on the team."""
    if not username:
        return None
    columns = ", ".join(GRANTING)
    row = db.execute(f"SELECT {columns} FROM users WHERE username = ?", [username]).fetchone()
    if row is None:
        return None
    return hashlib.sha256(json.dumps([username, *row]).encode()).hexdigest()


def end_sessions(db: Database, username: str) -> None:
    """End every open session of `username` at its next run (e.g. an account withdrawn)."""
    with immediate(db):
        db.execute(
            "UPDATE users SET session_epoch = session_epoch + 1 WHERE username = ?", [username]
        )
