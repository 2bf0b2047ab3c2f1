"""What Vigie's decisions ask of the platforms: written with the decision, carried out by the
sync process (`lib.connectors`), read by the pages.

A decision on a comment of a connected account (mode `sync`) writes one row per platform
operation (`lib.platforms.operations`) in the transaction of its action: an action and
what it asks of the platform are never recorded one without the other. An operation the
platform cannot perform is written as `unsupported` at once, so that the history says it
was done in Vigie only.
"""

from __future__ import annotations

from sqlite_utils import Database

from lib.db import immediate
from lib.platforms import limitation, operations

# pending: to do; applied: done on the platform; attention: failed too often, or refused by
# the platform, a lead looks; unsupported: the platform cannot; cancelled: a lead gave up.
STATES = ("pending", "applied", "attention", "unsupported", "cancelled")
# The operations whose text the platform publishes.
TEXT_OPERATIONS = ("reply", "edit_reply")


def synced_account(db: Database, key: str | None, platform: str | None = None) -> dict | None:
    """The registered account `key` when Vigie acts on its platform (mode `sync`)."""
    if not key:
        return None
    rows = list(db.query("SELECT * FROM accounts WHERE key = ? AND mode = 'sync'", [key]))
    if not rows:
        return None
    account = rows[0]
    return account if platform is None or account["platform"] == platform else None


def enqueue_decision(
    db: Database, comment: dict, kind: str, action_id: int, status_after: str, reply, at: str
) -> int:
    """Write what an action asks of the comment's platform; how many operations.

    Call it inside the action's transaction (`lib.moderation.act` does). Comments of an
    account that is not connected (a file's, a record-only account's) ask nothing.
    """
    account = synced_account(db, comment.get("account"), comment["platform"])
    if account is None:
        return 0
    wanted = operations(kind, comment["status"], status_after)
    if wanted in (("unhide",), ("restore",)) and _withdrawn(db, comment["id"], wanted[0]):
        return 0  # what the reopening undoes never reached the platform: nothing to ask
    for operation in wanted:
        _write(
            db,
            account,
            operation,
            target=comment["external_id"],
            at=at,
            comment_id=comment["id"],
            action_id=action_id,
            text=reply if operation in TEXT_OPERATIONS else None,
        )
    return len(wanted)


# What a reopening undoes, by the operation it would ask for.
_UNDOES = {"unhide": "hide", "restore": "delete"}


def _withdrawn(db: Database, comment_id: int, operation: str) -> bool:
    """Cancel the comment's latest hide or delete if it is still waiting; True if it was."""
    cursor = db.execute(
        "UPDATE outbox SET state = 'cancelled' WHERE id = (SELECT max(id) FROM outbox "
        "WHERE comment_id = ? AND operation = ?) AND state = 'pending' AND unsure = 0",
        [comment_id, _UNDOES[operation]],
    )
    return cursor.rowcount == 1


def settle(db: Database, row: dict, at: str, **changes) -> None:
    """Record what came of an operation the sync process performed.

    A reopening may have cancelled it while it was under way (`_withdrawn`): it happened
    on the platform all the same, so what undoes it is asked for now.
    """
    with immediate(db):
        done = db.execute(
            "UPDATE outbox SET {} WHERE id = ? AND state = 'pending'".format(
                ", ".join(f"{name} = ?" for name in changes)
            ),
            [*changes.values(), row["id"]],
        ).rowcount
        if done or changes.get("state") != "applied" or row["operation"] not in ("hide", "delete"):
            return
        db["outbox"].update(row["id"], changes)
        account = synced_account(db, row["account"])
        if account is not None:
            undo = "unhide" if row["operation"] == "hide" else "restore"
            _write(db, account, undo, row["target"], at, comment_id=row["comment_id"])


def enqueue_block(db: Database, platform: str, handle: str, at: str) -> int:
    """Ask every connected account of `platform` to block an excluded author; how many.

    Call it inside the exclusion's transaction. YouTube bans an author through one of
    their comments: the latest the account holds (none: nothing to ban them by).
    """
    accounts = list(
        db.query("SELECT * FROM accounts WHERE platform = ? AND mode = 'sync'", [platform])
    )
    for account in accounts:
        target = handle
        if platform == "youtube":
            latest = db.execute(
                "SELECT external_id FROM comments WHERE platform = 'youtube' AND account = ? "
                "AND author_handle = ? ORDER BY received_at DESC LIMIT 1",
                [account["key"], handle],
            ).fetchone()
            target = latest[0] if latest else None
        _write(db, account, "block", target=target, at=at, text=handle)
    return len(accounts)


def _write(db: Database, account: dict, operation: str, target, at: str, **row) -> None:
    problem = limitation(account["platform"], operation)
    if problem is None and target is None:
        problem = "nothing_to_act_on"
    db["outbox"].insert(
        {
            "account": account["key"],
            "platform": account["platform"],
            "operation": operation,
            "target": target,
            "state": "unsupported" if problem else "pending",
            "created_at": at,
            "next_attempt_at": at,
            "problem": problem,
            **row,
        }
    )


def outcomes(db: Database, comment_id: int) -> list[dict]:
    """What the comment's decisions asked of its platform and what came of it, oldest first."""
    return list(
        db.query("SELECT * FROM outbox WHERE comment_id = ? ORDER BY id", [int(comment_id)])
    )


def needing_attention(db: Database) -> list[dict]:
    """Operations a lead must look at (refused, or failed too often), oldest first."""
    return list(db.query("SELECT * FROM outbox WHERE state = 'attention' ORDER BY id"))


def published_reply(db: Database, comment_id: int) -> str | None:
    """The platform's id of the organisation's latest reply to the comment, once applied."""
    row = db.execute(
        "SELECT result_ref FROM outbox WHERE comment_id = ? AND operation = 'reply' "
        "AND state = 'applied' AND result_ref IS NOT NULL ORDER BY id DESC LIMIT 1",
        [int(comment_id)],
    ).fetchone()
    return row[0] if row else None
