"""The organisation's reply to a comment as it stands published, read from the comment's history.

A reply, a redirection or an approval publishes a text, a correction (`edit_reply`)
replaces it and a removal (`remove_reply`) takes it down; an escalation only proposes one.

>>> from lib.db import open_db
>>> from lib.moderation import act
>>> db = open_db(":memory:")
>>> _ = db["users"].insert({"username": "ana", "display_name": "Ana", "role": "moderator"})
>>> _ = db["comments"].insert({"id": 1, "platform": "x", "external_id": "1",
...                            "received_at": "2026-03-02 14:00:00"})
>>> published_text(db, 1) is None
True
>>> act(db, 1, "reply", "ana", 1, reply="Bonjour, c'est ouvert.")
2
>>> act(db, 1, "edit_reply", "ana", 2, reply="Bonjour, c'est ouvert de 8 h 30 à 16 h 30.")
3
>>> published_text(db, 1)
"Bonjour, c'est ouvert de 8 h 30 à 16 h 30."
>>> act(db, 1, "remove_reply", "ana", 3, note="Horaire changé")
4
>>> published_text(db, 1) is None
True
>>> db.close()
"""

from __future__ import annotations

from sqlite_utils import Database

# The kinds whose text goes public; `remove_reply` takes it down.
TEXT_KINDS = ("reply", "redirect", "approve", "edit_reply")


def published_text(db: Database, comment_id: int) -> str | None:
    """The text of the organisation's reply now published on the comment, or None."""
    row = db.execute(
        "SELECT kind, reply FROM actions WHERE comment_id = ? AND "
        "(kind = 'remove_reply' OR (kind IN (?, ?, ?, ?) AND reply IS NOT NULL)) "
        "ORDER BY version DESC, id DESC LIMIT 1",
        [int(comment_id), *TEXT_KINDS],
    ).fetchone()
    return None if row is None or row[0] == "remove_reply" else row[1]
