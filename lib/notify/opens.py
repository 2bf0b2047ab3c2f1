"""Who opened which comment in Vigie, and when: an unopened urgent comment's alert goes on
to the next person on the alert list (`lib.notify.alerts`)."""

from __future__ import annotations

from sqlite_utils import Database

from lib.db import immediate, to_db_time
from lib.times import now_utc


def record_open(db: Database, comment_id: int, username: str, at=None) -> None:
    """Record that `username` has the comment open in front of them.

    >>> from lib.db import open_db
    >>> db = open_db(":memory:")
    >>> _ = db["comments"].insert({"id": 7, "platform": "x", "external_id": "7",
    ...                            "received_at": "2026-12-04 22:00:00"})
    >>> record_open(db, 7, "ana", "2026-12-04 22:10:00")
    >>> db.execute("SELECT comment_id, username, at FROM comment_opens").fetchall()
    [(7, 'ana', '2026-12-04 22:10:00')]
    >>> db.close()
    """
    with immediate(db):
        db["comment_opens"].insert(
            {
                "comment_id": int(comment_id),
                "username": username,
                "at": to_db_time(now_utc() if at is None else at),
            }
        )
