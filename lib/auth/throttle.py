"""Local sign-in with back-off, and the append-only record of every refused sign-in.

After ACCOUNT.free failures for one typed username (counted since that account last
signed in, within ACCOUNT.window), or CLIENT.free failures from one client (its
address, else its browser session) within CLIENT.window, the next attempt waits:
FIRST_WAIT after the last failure, doubling with each further failure, up to the
limit's cap. During the wait even the right password is refused, with the time to
try again; an attempt refused so counts as a failure too. Unknown usernames are
counted like known ones, so the wait reveals nothing about who is on the team.

>>> from lib.db import open_db
>>> db = open_db(":memory:")
>>> now = pd.Timestamp("2026-11-20 15:00", tz="UTC")
>>> for _ in range(ACCOUNT.free):
...     record_failure(db, "lea", "203.0.113.9", "wrong_password", now)
>>> retry_at(db, "LEA", "198.51.100.4", now)   # the account waits, whatever the client
Timestamp('2026-11-20 15:00:30+0000', tz='UTC')
>>> wait_after(ACCOUNT.free + 3, ACCOUNT)
Timedelta('0 days 00:04:00')
>>> db.close()
"""

from __future__ import annotations

import threading
import zlib
from dataclasses import dataclass

import pandas as pd
from sqlite_utils import Database

from lib.auth.passwords import authenticate
from lib.db import immediate, to_db_time
from lib.i18n import Worded, format_clock, t
from lib.times import now_utc, utc


@dataclass(frozen=True)
class Limit:
    free: int  # failures allowed before any wait
    window: pd.Timedelta  # how far back failures count
    cap: pd.Timedelta  # the longest wait


# Per account: a person's own typos are forgiven by their next sign-in. Per client: a
# shorter memory, since an office behind one address shares it.
ACCOUNT = Limit(5, pd.Timedelta(hours=24), pd.Timedelta(hours=1))
CLIENT = Limit(10, pd.Timedelta(hours=1), pd.Timedelta(minutes=15))
FIRST_WAIT = pd.Timedelta(seconds=30)
# What is kept of a typed username or a client's name: enough to read, not a dump.
KEPT_CHARACTERS = 100

# Reasons recorded in failed_signins; the identity provider's are lib.auth.identity's codes.
LOCAL_REASONS = ("wrong_password", "unknown_username", "no_password", "deactivated", "throttled")

# One attempt at a time per account (striped locks: bounded, whatever is typed), so that
# parallel attempts cannot all pass the check before the first failure is recorded.
_LOCKS = tuple(threading.Lock() for _ in range(64))


class SignInRefused(Worded, PermissionError):
    """A local sign-in refused: `failed` (name or password), or `throttled` until `until`."""

    KEY = "auth.signin"

    def __init__(self, code: str, until: pd.Timestamp | None = None, now=None):
        self.until = until
        self.wait = None if until is None else max(until - utc(now), pd.Timedelta(0))
        super().__init__(code)

    def describe(self, language: str = "fr") -> str:
        if self.until is None:
            return t(f"{self.KEY}.{self.code}", language)
        return t(
            f"{self.KEY}.{self.code}",
            language,
            clock=format_clock(self.until.ceil("min"), language),
            wait=_minutes(self.wait),
        )


def wait_after(failures: int, limit: Limit) -> pd.Timedelta:
    """How long the next attempt waits after `failures` failures (zero while they are few)."""
    if failures < limit.free:
        return pd.Timedelta(0)
    doublings = min(failures - limit.free, 32)
    return min(FIRST_WAIT * 2**doublings, limit.cap)


def retry_at(db: Database, username: str, client: str | None, now=None) -> pd.Timestamp | None:
    """When `username` may try again from `client`, or None when they may try now."""
    now = now_utc() if now is None else utc(now)
    typed = _kept(username)
    last_sign_in = db.execute(
        "SELECT max(signed_in_at) FROM users WHERE lower(username) = lower(?)", [typed]
    ).fetchone()[0]
    since = max(to_db_time(now - ACCOUNT.window), last_sign_in or "")
    waits = [_until(db, "lower(username) = lower(?)", typed, since, now, ACCOUNT)]
    if client:
        since = to_db_time(now - CLIENT.window)
        waits.append(_until(db, "client = ?", _kept(client), since, now, CLIENT))
    later = max((w for w in waits if w is not None), default=None)
    return later if later is not None and later > now else None


def _until(db, where: str, value: str, since: str, now, limit: Limit) -> pd.Timestamp | None:
    count, last = db.execute(
        f"SELECT count(*), max(at) FROM failed_signins WHERE {where} AND at > ? AND at <= ?",
        [value, since, to_db_time(now)],
    ).fetchone()
    if count < limit.free:
        return None
    return utc(last) + wait_after(count, limit)


def record_failure(db: Database, username: str | None, client: str | None, reason: str, now=None):
    """Add a refused sign-in to failed_signins (UTC time, typed username, client, reason)."""
    row = {
        "at": to_db_time(now_utc() if now is None else now),
        "username": _kept(username),
        "client": _kept(client) if client else None,
        "reason": reason,
    }
    with immediate(db):
        db["failed_signins"].insert(row)


def sign_in(db: Database, username: str, password: str, client: str | None, now=None) -> dict:
    """The team member whose local password this is, unless they must wait first.

    Raises SignInRefused (`failed`, or `throttled` with the time to try again), and
    records every refusal. A success restarts the account's count of failures.
    """
    now = now_utc() if now is None else utc(now)
    typed = _kept(username)
    with _LOCKS[zlib.crc32(typed.lower().encode()) % len(_LOCKS)]:
        until = retry_at(db, typed, client, now)
        if until is not None:
            record_failure(db, typed, client, "throttled", now)
            raise SignInRefused("throttled", until, now)
        person = authenticate(db, typed, password)
        if person is None:
            record_failure(db, typed, client, _why(db, typed), now)
            until = retry_at(db, typed, client, now)
            raise SignInRefused("throttled", until, now) if until else SignInRefused("failed")
        with immediate(db):
            db["users"].update(person["username"], {"signed_in_at": to_db_time(now)})
    return person


def failed_signins(db: Database, limit: int = 500) -> list[dict]:
    """The latest refused sign-ins, newest first: at (UTC text), username, client, reason."""
    return list(
        db.query(
            "SELECT at, username, client, reason FROM failed_signins ORDER BY id DESC LIMIT ?",
            [limit],
        )
    )


def _why(db: Database, typed: str) -> str:
    row = db.execute(
        "SELECT password_hash, active FROM users WHERE username = ?", [typed]
    ).fetchone()
    if row is None:
        return "unknown_username"
    if not row[1]:
        return "deactivated"
    return "wrong_password" if row[0] else "no_password"


def _kept(text: str | None) -> str:
    return (text or "").strip()[:KEPT_CHARACTERS]


def _minutes(wait: pd.Timedelta) -> str:
    """A wait in whole minutes, rounded up: '1 min', '15 min', '1 h'."""
    minutes = max(1, -(-int(wait.total_seconds()) // 60))
    if minutes >= 60 and minutes % 60 == 0:
        return f"{minutes // 60} h"
    return f"{minutes} min"
