"""Legal holds: a lead keeps a comment, or everything of one author on a platform, from
being anonymised while an access request, a complaint or a dispute is under way.

Placing and lifting a hold are rows of `legal_holds`, append-only and hash-chained like
every history (lib.chain): a 'place' row, and later a 'lift' row naming it. A hold stands
from its 'place' row until a 'lift' row names it.

>>> from lib.db import open_db
>>> db = open_db(":memory:")
>>> _ = db["users"].insert({"username": "lea", "display_name": "Léa", "role": "lead"})
>>> hold = place_hold(db, "lea", "Plainte 2026-14", platform="facebook", author_handle="jtr")
>>> [(h["platform"], h["author_handle"]) for h in active_holds(db)]
[('facebook', 'jtr')]
>>> lift_hold(db, "lea", hold, "Plainte close")
>>> active_holds(db)
[]
>>> db.close()
"""

from __future__ import annotations

from sqlite_utils import Database

from lib.auth import require
from lib.db import PLATFORMS, immediate, to_db_time
from lib.i18n import Worded
from lib.settings.errors import controls
from lib.taxonomy import HANDLE_MAX_CHARS, NOTE_MAX_CHARS
from lib.times import now_utc

# The holds standing now: 'place' rows that no 'lift' row names.
ACTIVE = (
    "SELECT * FROM legal_holds h WHERE action = 'place' AND NOT EXISTS "
    "(SELECT 1 FROM legal_holds l WHERE l.action = 'lift' AND l.hold_id = h.id)"
)
# A comment held by a standing hold on itself or on its author (for a `comments c` query).
HELD = (
    f"EXISTS (SELECT 1 FROM ({ACTIVE}) a WHERE a.comment_id = c.id "
    "OR (a.platform = c.platform AND a.author_handle = c.author_handle))"
)


class HoldRefused(Worded, ValueError):
    """A hold the rules refuse: a `code` whose words are `records.hold.error.<code>`."""

    KEY = "records.hold.error"


def place_hold(
    db: Database,
    actor: str,
    reason: str,
    comment_id: int | None = None,
    platform: str | None = None,
    author_handle: str | None = None,
    now=None,
) -> int:
    """Hold one comment, or one author's comments on a platform; returns the hold's id."""
    require(db, actor, "records")
    reason = _reason(reason)
    handle = (author_handle or "").strip() or None
    if (comment_id is None) == (handle is None):
        raise HoldRefused("needs_target")
    if handle is not None and (platform not in PLATFORMS or len(handle) > HANDLE_MAX_CHARS):
        raise HoldRefused("bad_author")
    if handle is not None and controls(handle):
        raise HoldRefused("bad_author")
    with immediate(db):
        if comment_id is not None:
            found = db.execute("SELECT platform FROM comments WHERE id = ?", [comment_id])
            if found.fetchone() is None:
                raise HoldRefused("unknown_comment", comment=comment_id)
            platform = None
        row = {
            "at": to_db_time(now or now_utc()),
            "actor": actor,
            "action": "place",
            "comment_id": comment_id,
            "platform": platform,
            "author_handle": handle,
            "reason": reason,
        }
        return db["legal_holds"].insert(row).last_pk


def lift_hold(db: Database, actor: str, hold_id: int, reason: str, now=None) -> None:
    """End a standing hold; the reason for lifting it is kept with it."""
    require(db, actor, "records")
    reason = _reason(reason)
    with immediate(db):
        standing = db.execute(f"SELECT id FROM ({ACTIVE}) WHERE id = ?", [hold_id]).fetchone()
        if standing is None:
            raise HoldRefused("not_standing", hold=hold_id)
        db["legal_holds"].insert(
            {
                "at": to_db_time(now or now_utc()),
                "actor": actor,
                "action": "lift",
                "hold_id": hold_id,
                "reason": reason,
            }
        )


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise HoldRefused("needs_reason")
    if len(reason) > NOTE_MAX_CHARS or controls(reason, "\n\t"):
        raise HoldRefused("bad_reason", limit=NOTE_MAX_CHARS)
    return reason


def active_holds(db: Database) -> list[dict]:
    """The standing holds, newest first."""
    return list(db.query(f"{ACTIVE} ORDER BY id DESC"))


def hold_history(db: Database, limit: int = 200) -> list[dict]:
    """Every hold placed or lifted, newest first (a lift names the hold it ended)."""
    return list(db.query("SELECT * FROM legal_holds ORDER BY id DESC LIMIT ?", [limit]))
