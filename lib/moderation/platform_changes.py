"""What happened to a comment on its platform itself, noticed by the sync process and
recorded as done by the platform (`actor` is the platform's code)."""

from __future__ import annotations

from sqlite_utils import Database

from lib.db import immediate, to_db_time
from lib.taxonomy import REMOVED_STATUSES

# The history's kind for each change a platform makes on its own.
PLATFORM_KINDS = {"hidden": "platform_hidden", "deleted": "platform_deleted"}


def record_platform_change(db: Database, comment_id: int, status: str, at) -> bool:
    """Record that the comment's platform shows it `hidden` or `deleted`; False when Vigie
    already had it so (or deleted: nothing follows a deletion).

    The comment's clock stops there if nothing had stopped it: there is nothing left to
    answer in public. The history's row names the platform as the actor.

    >>> from lib.db import open_db
    >>> db = open_db(":memory:")
    >>> _ = db["comments"].insert({"id": 1, "platform": "facebook", "external_id": "1_2",
    ...                            "received_at": "2026-12-01 14:00:00"})
    >>> record_platform_change(db, 1, "deleted", "2026-12-01 15:00:00")
    True
    >>> db.execute("SELECT status, first_handled_by FROM comments").fetchone()
    ('deleted', 'facebook')
    >>> record_platform_change(db, 1, "hidden", "2026-12-01 15:05:00")
    False
    >>> db.close()
    """
    if status not in PLATFORM_KINDS:
        raise ValueError(f"a platform change is one of {tuple(PLATFORM_KINDS)}, not {status!r}")
    at = to_db_time(at)
    with immediate(db):
        rows = list(db.query("SELECT * FROM comments WHERE id = ?", [int(comment_id)]))
        if not rows or rows[0]["status"] in (status, "deleted"):
            return False
        comment = rows[0]
        if comment["status"] in REMOVED_STATUSES and status == "hidden":
            return False
        version = comment["version"] + 1
        changes = {"status": status, "version": version}
        if comment["first_handled_at"] is None:
            changes.update(first_handled_at=at, first_handled_by=comment["platform"])
        db["comments"].update(comment["id"], changes)
        db["actions"].insert(
            {
                "comment_id": comment["id"],
                "at": at,
                "actor": comment["platform"],
                "kind": PLATFORM_KINDS[status],
                "version": version,
            }
        )
    return True
