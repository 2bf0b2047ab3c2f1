"""What decisions ask of the platforms (lib.outbox), written with the decision by act() and
by an author's exclusion; corrections of a published reply; what each platform can do."""

import pytest

from lib.accounts import register_account
from lib.moderation import InvalidAction, act, history
from lib.outbox import outcomes, settle
from lib.platforms import CAPABILITIES, OPERATIONS, limitation, operations
from lib.settings import exclude_author
from lib.taxonomy import ACTION_KINDS


def comment(db, id_, platform="facebook", account="fb", text="Bonjour", handle="u1"):
    db["comments"].insert(
        {
            "id": id_,
            "platform": platform,
            "account": account,
            "external_id": f"{platform}-{id_}",
            "author_handle": handle,
            "text": text,
            "received_at": f"2026-12-01 14:{id_:02d}:00",
        }
    )
    return id_


@pytest.fixture
def db(team_db):
    register_account(team_db, "fb", "facebook", "Ville (Facebook)", "1001", "sync", "config")
    register_account(team_db, "yt", "youtube", "Ville (YouTube)", "UC1", "sync", "config")
    register_account(team_db, "ig", "instagram", "Ville (Instagram)", "ig1", "sync", "config")
    register_account(team_db, "li", "facebook", "Archives", "999", "record-only", "lea")
    return team_db


def asked(db, comment_id):
    return [(o["operation"], o["state"], o["target"], o["text"]) for o in outcomes(db, comment_id)]


def test_a_decision_on_a_connected_account_asks_its_platform_in_the_same_transaction(db):
    c = comment(db, 1)
    act(db, c, "reply", "ana", 1, reply="Merci, c'est noté.")
    assert asked(db, c) == [("reply", "pending", "facebook-1", "Merci, c'est noté.")]
    action = history(db, c)[-1]
    assert (
        outcomes(db, c)[0]["action_id"]
        == db.execute(
            "SELECT id FROM actions WHERE comment_id = ? AND version = ?", [c, action["version"]]
        ).fetchone()[0]
    )


def test_a_private_redirection_replies_then_hides(db):
    c = comment(db, 1)
    act(db, c, "redirect", "ana", 1, template="prive")
    assert [(op, state) for op, state, *_ in asked(db, c)] == [
        ("reply", "pending"),
        ("hide", "pending"),
    ]


def test_an_approval_publishes_the_escalated_reply(db):
    c = comment(db, 1, text="Vous êtes incompétents, c'est honteux")
    version = act(db, c, "escalate", "ana", 1, reply="Nous comprenons votre frustration.")
    assert asked(db, c) == []  # a proposal is not published
    act(db, c, "approve", "lea", version)
    assert asked(db, c) == [
        ("reply", "pending", "facebook-1", "Nous comprenons votre frustration.")
    ]


def test_comments_of_accounts_not_connected_ask_nothing(db):
    files = comment(db, 1, account="Ministère des Finances")
    archived = comment(db, 2, account="li")
    act(db, files, "hide", "ana", 1, reasons=["pourriel"])
    act(db, archived, "hide", "ana", 1, reasons=["pourriel"])
    assert asked(db, files) == [] and asked(db, archived) == []


def test_reopening_before_the_sync_withdraws_the_hide_and_asks_nothing(db):
    c = comment(db, 1)
    version = act(db, c, "hide", "ana", 1, reasons=["pourriel"])
    act(db, c, "reopen", "ana", version)
    assert [(op, state) for op, state, *_ in asked(db, c)] == [("hide", "cancelled")]


def test_reopening_after_the_hide_was_applied_asks_to_unhide(db):
    c = comment(db, 1)
    version = act(db, c, "hide", "ana", 1, reasons=["pourriel"])
    settle(db, outcomes(db, c)[0], "2026-12-01 15:00:00", state="applied")
    act(db, c, "reopen", "ana", version)
    assert [(op, state) for op, state, *_ in asked(db, c)] == [
        ("hide", "applied"),
        ("unhide", "pending"),
    ]


def test_a_hide_applied_while_a_reopening_withdrew_it_is_undone(db):
    c = comment(db, 1)
    version = act(db, c, "hide", "ana", 1, reasons=["pourriel"])
    under_way = outcomes(db, c)[0]  # the sync process read it, then the moderator reopened
    act(db, c, "reopen", "ana", version)
    settle(db, under_way, "2026-12-01 15:00:00", state="applied")
    assert [(op, state) for op, state, *_ in asked(db, c)] == [
        ("hide", "applied"),
        ("unhide", "pending"),
    ]


def test_a_deleted_comment_reopened_cannot_come_back_on_the_platform(db):
    c = comment(db, 1)
    version = act(db, c, "delete", "ana", 1, reasons=["menace"])
    settle(db, outcomes(db, c)[0], "2026-12-01 15:00:00", state="applied")
    act(db, c, "reopen", "ana", version)
    assert asked(db, c)[-1][:2] == ("restore", "unsupported")
    assert outcomes(db, c)[-1]["problem"] == "cannot_restore"


def test_what_a_platform_cannot_do_is_written_unsupported_at_once(db):
    c = comment(db, 1, platform="youtube", account="yt")
    act(db, c, "delete", "ana", 1, reasons=["pourriel"])
    row = outcomes(db, c)[0]
    assert (row["operation"], row["state"], row["problem"]) == (
        "delete",
        "unsupported",
        "youtube_cannot_delete",
    )


def test_excluding_an_author_asks_each_connected_account_of_the_platform_to_block(db):
    latest = comment(db, 2, platform="youtube", account="yt", handle="UCtroll")
    comment(db, 1, platform="youtube", account="yt", handle="UCtroll")
    exclude_author(db, "lea", "facebook", "u1", reason="Menaces répétées")
    exclude_author(db, "lea", "youtube", "UCtroll", reason="Pourriel")
    exclude_author(db, "lea", "instagram", "troll_ig", reason="Pourriel")
    blocks = list(db.query("SELECT account, target, text, state, problem FROM outbox"))
    assert blocks == [
        {"account": "fb", "target": "u1", "text": "u1", "state": "pending", "problem": None},
        {
            "account": "yt",
            "target": f"youtube-{latest}",
            "text": "UCtroll",
            "state": "pending",
            "problem": None,
        },
        {
            "account": "ig",
            "target": "troll_ig",
            "text": "troll_ig",
            "state": "unsupported",
            "problem": "instagram_cannot_block",
        },
    ]


def test_a_published_reply_is_corrected_keeping_both_versions(db):
    c = comment(db, 1)
    version = act(db, c, "reply", "ana", 1, reply="Le bureau ouvre à 8 h.")
    version = act(db, c, "edit_reply", "ana", version, reply="Le bureau ouvre à 8 h 30.")
    replies = [a["reply"] for a in history(db, c)]
    assert replies == ["Le bureau ouvre à 8 h.", "Le bureau ouvre à 8 h 30."]
    assert asked(db, c)[-1] == ("edit_reply", "pending", "facebook-1", "Le bureau ouvre à 8 h 30.")
    assert db["comments"].get(c)["status"] == "answered"


def test_removing_a_published_reply_needs_a_note(db):
    c = comment(db, 1)
    version = act(db, c, "reply", "ana", 1, reply="Réponse envoyée par erreur.")
    with pytest.raises(InvalidAction) as refused:
        act(db, c, "remove_reply", "ana", version)
    assert refused.value.code == "note_required"
    act(db, c, "remove_reply", "ana", version, note="Répondu au mauvais commentaire.")
    assert asked(db, c)[-1][:2] == ("remove_reply", "pending")


def test_only_a_comment_with_a_published_reply_takes_a_correction(db):
    c = comment(db, 1)
    with pytest.raises(InvalidAction) as refused:
        act(db, c, "edit_reply", "ana", 1, reply="Rien à corriger")
    assert refused.value.code == "no_published_reply"
    version = act(db, c, "hide", "ana", 1, reasons=["pourriel"])
    with pytest.raises(InvalidAction):
        act(db, c, "remove_reply", "ana", version, note="Aucune réponse")


def test_every_action_kind_maps_to_known_operations_and_every_limit_has_words():
    from lib.catalogue import STRINGS

    for kind in ACTION_KINDS:
        for before in ("new", "hidden", "deleted", "answered"):
            for after in ("answered", "hidden", "deleted", "redirected", "new"):
                assert set(operations(kind, before, after)) <= set(OPERATIONS)
    for platform in CAPABILITIES:
        for operation in OPERATIONS:
            code = limitation(platform, operation)
            if code is not None:
                assert {"fr", "en"} <= set(STRINGS[f"platforms.limit.{code}"])


def test_only_a_lead_decides_on_an_operation_and_only_while_it_waits_for_one(db):
    from lib.accounts import AccountRefused, abandon_operation, retry_operation
    from lib.auth import PermissionDenied

    c = comment(db, 1)
    act(db, c, "hide", "ana", 1, reasons=["pourriel"])
    operation = outcomes(db, c)[0]["id"]
    with pytest.raises(AccountRefused) as refused:
        retry_operation(db, "lea", operation)  # pending: nothing to decide
    assert refused.value.code == "operation_not_waiting"
    db["outbox"].update(operation, {"state": "attention", "attempts": 5})
    with pytest.raises(PermissionDenied):
        abandon_operation(db, "ana", operation)
    retry_operation(db, "lea", operation)
    assert (outcomes(db, c)[0]["state"], outcomes(db, c)[0]["attempts"]) == ("pending", 0)
