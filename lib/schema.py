"""Vigie's schema as its migrations: each is applied once, in order, by `lib.db.open_db`."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from lib import chain

migrations = Migrations("vigie")

# Each migration is applied once, in order, and recorded in
# _sqlite_migrations; never edit one that has shipped: add the next.


@migrations()
def m001_core_tables(db: Database) -> None:
    db["users"].create(
        {"username": str, "display_name": str, "role": str},
        pk="username",
        not_null={"display_name", "role"},
    )
    db["comments"].create(
        {
            "id": int,
            "platform": str,
            "account": str,
            "external_id": str,
            "post_ref": str,
            "author_name": str,
            "author_handle": str,
            "text": str,
            "language": str,
            "received_at": str,
            "status": str,
            "assignee": str,
            "first_handled_at": str,
            "first_handled_by": str,
            "due_at": str,
            "flags": str,
            "version": int,
        },
        pk="id",
        not_null={"platform", "external_id", "received_at", "status", "version"},
        defaults={"status": "new", "version": 1, "flags": "", "text": ""},
    )
    db["comments"].create_index(["platform", "external_id"], unique=True)
    db["comments"].create_index(["received_at"])
    db["comments"].create_index(["status", "due_at"])
    db["comments"].create_index(["author_handle"])
    db["actions"].create(
        {
            "id": int,
            "comment_id": int,
            "at": str,
            "actor": str,
            "kind": str,
            "reasons": str,
            "reply": str,
            "template": str,
            "note": str,
            "version": int,
        },
        pk="id",
        foreign_keys=[("comment_id", "comments", "id")],
        not_null={"comment_id", "at", "actor", "kind"},
    )
    db["actions"].create_index(["comment_id", "at"])
    db["actions"].create_index(["at"])
    db["actions"].create_index(["kind", "at"])
    db["settings"].create({"key": str, "value": str}, pk="key")


@migrations()
def m002_history_is_append_only(db: Database) -> None:
    for verb in ("UPDATE", "DELETE"):
        db.execute(
            f"""
            CREATE TRIGGER actions_no_{verb.lower()}
            BEFORE {verb} ON actions
            BEGIN
                SELECT RAISE(ABORT, 'actions is append-only');
            END
            """
        )


@migrations()
def m003_people_and_settings_history(db: Database) -> None:
    db["users"].add_column("password_hash", str)
    db["comments"].add_column("proposed_reply", str)
    db["comments"].add_column("suggested_reasons", str)
    db["comments"].add_column("suggested_redirect", str)
    db["excluded_authors"].create(
        {
            "platform": str,
            "author_handle": str,
            "until": str,
            "reason": str,
            "added_by": str,
            "added_at": str,
        },
        pk=("platform", "author_handle"),
    )
    db["settings_history"].create(
        {"id": int, "at": str, "actor": str, "key": str, "old": str, "new": str},
        pk="id",
    )


@migrations()
def m004_comment_text_search(db: Database) -> None:
    # Accent-insensitive ("region" finds "région"); the triggers keep the index
    # in step with every insert, update and delete, and existing rows are indexed now.
    db["comments"].enable_fts(
        ["text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )


@migrations()
def m005_assignee_in_history(db: Database) -> None:
    # Who was assigned is part of the history, not only of the comment's current row.
    db["actions"].add_column("assignee", str)


@migrations()
def m006_queue_order_index(db: Database) -> None:
    # The queue sorts open comments by flags (urgent first) and due time: with
    # flags in the index, finding one page reads the index alone, not every open row.
    db["comments"].create_index(["status", "due_at", "flags"], if_not_exists=True)


@migrations()
def m007_drop_index_covered_by_queue_order(db: Database) -> None:
    # (status, due_at, flags) serves every query (status, due_at) served; one
    # index less to maintain on each write.
    db.execute("DROP INDEX IF EXISTS idx_comments_status_due_at")


def _refuse(db: Database, table: str, verb: str, when: str = "") -> None:
    """A trigger that aborts every `verb` (optionally `WHEN ...`) on `table`."""
    name = f"{table}_no_{'replace' if when else verb.lower()}"
    db.execute(
        f"CREATE TRIGGER {name} BEFORE {verb} ON {table} {when} "
        f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
    )


@migrations()
def m008_history_cannot_be_replaced(db: Database) -> None:
    # INSERT OR REPLACE deletes the old row without firing a DELETE trigger (unless
    # recursive triggers are on): refuse an insert over an existing history row. The
    # settings history is kept append-only the same way as the actions history.
    for table in ("actions", "settings_history"):
        _refuse(db, table, "INSERT", f"WHEN EXISTS (SELECT 1 FROM {table} WHERE id = NEW.id)")
    _refuse(db, "settings_history", "UPDATE")
    _refuse(db, "settings_history", "DELETE")


@migrations()
def m009_export_audit(db: Database) -> None:
    # Who took personal information out of Vigie (an unmasked export), when, which
    # export and which range: append-only, apart from the settings history.
    db["export_audit"].create(
        {
            "id": int,
            "at": str,
            "actor": str,
            "kind": str,
            "start": str,
            "end": str,
            "now": str,
            "rows": int,
        },
        pk="id",
        not_null={"at", "actor", "kind"},
    )
    _refuse(
        db, "export_audit", "INSERT", "WHEN EXISTS (SELECT 1 FROM export_audit WHERE id = NEW.id)"
    )
    _refuse(db, "export_audit", "UPDATE")
    _refuse(db, "export_audit", "DELETE")


@migrations()
def m010_sign_in_security(db: Database) -> None:
    # A team member's organisation account (OpenID Connect) is bound on their first
    # verified sign-in: afterwards only that issuer and subject sign them in.
    db["users"].add_column("identity_issuer", str)
    db["users"].add_column("identity_subject", str)
    db["users"].add_column("identity_bound_at", str)
    db.execute(
        "CREATE UNIQUE INDEX idx_users_identity ON users (identity_issuer, identity_subject)"
    )
    # Raised to end every open session of a person; the last local sign-in restarts
    # the count of that account's failures.
    db["users"].add_column("session_epoch", int, not_null_default=0)
    db["users"].add_column("signed_in_at", str)
    # Every refused sign-in: the typed username, the client, why; append-only.
    db["failed_signins"].create(
        {"id": int, "at": str, "username": str, "client": str, "reason": str},
        pk="id",
        not_null={"at", "reason"},
    )
    db["failed_signins"].create_index(["at"])
    _refuse(
        db,
        "failed_signins",
        "INSERT",
        "WHEN EXISTS (SELECT 1 FROM failed_signins WHERE id = NEW.id)",
    )
    _refuse(db, "failed_signins", "UPDATE")
    _refuse(db, "failed_signins", "DELETE")


@migrations()
def m011_team_administration(db: Database) -> None:
    # A member who leaves is deactivated, never deleted: their name stays on what they did.
    db["users"].add_column("active", int, not_null_default=1)
    # The address their organisation account vouches for (single sign-on), if not the username.
    db["users"].add_column("email", str)
    db.execute(
        "CREATE UNIQUE INDEX idx_users_email ON users (lower(email)) WHERE email IS NOT NULL"
    )


@migrations()
def m012_what_the_organisation_publishes(db: Database) -> None:
    # The draft checks an action's note overrode (space-separated codes), and whether a
    # lead published a reply that needed approval without another's assent.
    db["actions"].add_column("overridden", str)
    db["actions"].add_column("self_approved", int)
    # The other commenters of a post, whose names a reply must not publish unasked.
    db["comments"].create_index(["platform", "post_ref"], if_not_exists=True)


@migrations()
def m013_posts(db: Database) -> None:
    # What a comment was posted under, as the imports learn it: its first words (bounded),
    # its address and when it was published; a later import fills what an earlier one
    # left empty (`lib.ingest.store_posts`).
    db["posts"].create(
        {"platform": str, "post_ref": str, "title": str, "url": str, "published_at": str},
        pk=("platform", "post_ref"),
        not_null={"platform", "post_ref"},
    )


@migrations()
def m014_service_levels(db: Database) -> None:
    # The service level a comment met at arrival (lib.service_levels; NULL: the default
    # level), whether its clock runs around the clock (so that SQL reads its state), and
    # the calendar version its due time was computed under (lib.settings.calendar_version;
    # 0: the defaults, and the comments stored before versions were kept).
    db["comments"].add_column("service_level", str)
    db["comments"].add_column("around_the_clock", int, not_null_default=0)
    db["comments"].add_column("calendar_version", int, not_null_default=0)


@migrations()
def m015_connected_accounts(db: Database) -> None:
    # The comment's own address on its platform, from a file or a connected account.
    db["comments"].add_column("permalink", str)
    # The organisation's accounts on the platforms. Never a credential: tokens stay in
    # .streamlit/secrets.toml (lib.connectors.config). `cursor` is where the last pull
    # stopped (JSON, the platform's own terms); `token_state` says a lead must renew it.
    db["accounts"].create(
        {
            "key": str,
            "platform": str,
            "name": str,
            "platform_id": str,
            "mode": str,
            "paused": int,
            "registered_at": str,
            "registered_by": str,
            "token_state": str,
            "problem": str,
            "problem_at": str,
            "cursor": str,
            "resume_at": str,
            "last_pull_at": str,
            "last_push_at": str,
        },
        pk="key",
        not_null={"platform", "mode", "registered_at"},
        defaults={"mode": "sync", "paused": 0, "token_state": "ok"},
    )
    # What Vigie's decisions ask of the platforms, applied by the sync process: one row per
    # operation (lib.platforms.OPERATIONS), written in the transaction of the action that
    # asks for it. `unsure` says an attempt ended without knowing whether the platform did
    # it (a timeout): the next one looks first. `result_ref` is the platform's id of what
    # was created (a reply), so that nothing is published twice.
    db["outbox"].create(
        {
            "id": int,
            "comment_id": int,
            "action_id": int,
            "account": str,
            "platform": str,
            "operation": str,
            "target": str,
            "text": str,
            "state": str,
            "attempts": int,
            "unsure": int,
            "created_at": str,
            "next_attempt_at": str,
            "applied_at": str,
            "result_ref": str,
            "problem": str,
            "problem_detail": str,
        },
        pk="id",
        foreign_keys=[("comment_id", "comments", "id"), ("action_id", "actions", "id")],
        not_null={"account", "platform", "operation", "state", "created_at"},
        defaults={"state": "pending", "attempts": 0, "unsure": 0},
    )
    db["outbox"].create_index(["state", "account", "next_attempt_at"])
    db["outbox"].create_index(["comment_id"])
    # Units or requests spent per account and platform window (a YouTube day in Pacific
    # time, an X fifteen minutes), so that a limit is respected across runs.
    db["platform_usage"].create(
        {"account": str, "period": str, "units": int}, pk=("account", "period")
    )


@migrations()
def m016_flag_reports(db: Database) -> None:
    # A moderator marks a detector's flag on a comment as wrong, or withdraws that report:
    # append-only, the latest row per comment and flag is its verdict. `rules` are the
    # detection rules that raised the flag when it was reported (codes, space-separated),
    # never the comment's words.
    db["flag_reports"].create(
        {
            "id": int,
            "comment_id": int,
            "flag": str,
            "verdict": str,
            "rules": str,
            "by": str,
            "at": str,
        },
        pk="id",
        foreign_keys=[("comment_id", "comments", "id")],
        not_null={"comment_id", "flag", "verdict", "by", "at"},
    )
    db["flag_reports"].create_index(["comment_id"])
    db["flag_reports"].create_index(["flag", "at"])
    _refuse(
        db, "flag_reports", "INSERT", "WHEN EXISTS (SELECT 1 FROM flag_reports WHERE id = NEW.id)"
    )
    _refuse(db, "flag_reports", "UPDATE")
    _refuse(db, "flag_reports", "DELETE")


@migrations()
def m017_notifications(db: Database) -> None:
    # Every message the notify worker tried to send (lib.notify): an alert, its escalation,
    # a spike alert, a morning digest. One row per attempt, append-only: `key` names what
    # the message is about ("alert:42", "digest:2026-12-04"), so that it is sent once and a
    # failed attempt is tried again. Never a comment's text or author.
    db["notifications"].create(
        {
            "id": int,
            "at": str,
            "kind": str,
            "key": str,
            "channel": str,
            "recipients": str,
            "subject": str,
            "comment_id": int,
            "outcome": str,
            "attempt": int,
            "problem": str,
        },
        pk="id",
        not_null={"at", "kind", "key", "channel", "outcome", "attempt"},
    )
    db["notifications"].create_index(["key", "channel", "id"])
    db["notifications"].create_index(["at"])
    for verb in ("UPDATE", "DELETE"):
        _refuse(db, "notifications", verb)
    _refuse(
        db, "notifications", "INSERT", "WHEN EXISTS (SELECT 1 FROM notifications WHERE id = NEW.id)"
    )
    # Who opened which comment in the queue, and when: an alert's escalation waits for
    # somebody to open the comment. Append-only.
    db["comment_opens"].create(
        {"id": int, "comment_id": int, "username": str, "at": str},
        pk="id",
        foreign_keys=[("comment_id", "comments", "id")],
        not_null={"comment_id", "username", "at"},
    )
    db["comment_opens"].create_index(["comment_id", "at"])


@migrations()
def m018_triage_rules(db: Database) -> None:
    # A lead's triage rules act on arriving comments (lib.triage_rules): the history names
    # the rule that acted (its name when it acted), and the queue shows a comment's raised
    # priority and its labels (a JSON list of the rules' words, in the order they came).
    db["actions"].add_column("rule", str)
    db["comments"].add_column("priority", int, not_null_default=0)
    db["comments"].add_column("labels", str)


@migrations()
def m019_records(db: Database) -> None:
    # What a records officer and an auditor ask for (lib.records). Each retention run that
    # anonymised closed comments: one row per rule that applied (a run with nothing to do
    # writes one row, rule 'none'), the comments' ids (a JSON list) and the fields replaced
    # (space-separated); never their content.
    db["destruction_log"].create(
        {
            "id": int,
            "at": str,
            "actor": str,
            "rule": str,
            "months": int,
            "comments": int,
            "comment_ids": str,
            "fields": str,
        },
        pk="id",
        not_null={"at", "actor", "rule", "comments"},
    )
    # A legal hold on a comment or on an author (platform and handle) keeps them from
    # anonymising while it stands: 'place' rows, and 'lift' rows naming the hold they end.
    db["legal_holds"].create(
        {
            "id": int,
            "at": str,
            "actor": str,
            "action": str,
            "hold_id": int,
            "comment_id": int,
            "platform": str,
            "author_handle": str,
            "reason": str,
        },
        pk="id",
        not_null={"at", "actor", "action", "reason"},
    )
    # Each backup taken by `python -m lib backup`, and the chain's heads it verified.
    db["backups"].create(
        {
            "id": int,
            "at": str,
            "actor": str,
            "target": str,
            "bytes": int,
            "outcome": str,
            "problem": str,
            "heads": str,
        },
        pk="id",
        not_null={"at", "actor", "outcome"},
    )
    # When a comment was anonymised (lib.records.retention): it is not listed again.
    db["comments"].add_column("anonymised_at", str)
    # Who an access request's export was about (lib.records.access).
    db["export_audit"].add_column("subject", str)
    # Every append-only table is chained from now on (lib.chain); the rows already there are
    # sealed as they are, and the start of each chain is kept so that `verify` says so.
    db["history_chain"].create(
        {"table_name": str, "started_at": str, "rows_before": int}, pk="table_name"
    )
    db["actions"].add_column(chain.SALT, bytes)
    db["actions"].add_column(chain.DIGEST, str)
    started = db.execute("SELECT datetime('now')").fetchone()[0]
    for table in chain.CHAINED:
        db[table].add_column(chain.HASH, bytes)
        chain.install(db, table)
        before = chain.seal(db, table)
        db["history_chain"].insert(
            {"table_name": table, "started_at": started, "rows_before": before}
        )


@migrations()
def m020_indexes_for_years_of_history(db: Database) -> None:
    # What a page reads of a few comments among millions. The comments open at an instant
    # are those not handled by then (lib.metrics.loading.open_rows); an author's comments
    # are counted, and their newest read, in this index alone (lib.queries.author_history),
    # which serves every lookup by handle the old one did.
    db["comments"].create_index(["first_handled_at"], if_not_exists=True)
    db["comments"].create_index(
        ["author_handle", "platform", "received_at", "status"], if_not_exists=True
    )
    db.execute("DROP INDEX IF EXISTS idx_comments_author_handle")


@migrations()
def m021_comments_kept_by_arrival(db: Database) -> None:
    # The comments not yet anonymised, by arrival: the retention review reads those whose
    # time may be up without walking the years already anonymised (lib.records.retention).
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_comments_kept_received_at"
        " ON comments (received_at) WHERE anonymised_at IS NULL"
    )
