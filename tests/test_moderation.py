"""act(): every moderation rule, the history it leaves, and its invariants."""

import sqlite3

import pandas as pd
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from lib.catalogue import STRINGS
from lib.db import STATUSES, open_db
from lib.moderation import (
    INVALID_ACTION_CODES,
    InvalidAction,
    StaleVersion,
    act,
    act_many,
    available_kinds,
    current_proposal,
    history,
)
from lib.queries import author_history
from lib.settings import Settings, save_settings
from lib.taxonomy import ACTION_KINDS, NOTE_MAX_CHARS, REPLY_MAX_CHARS, split_codes
from tests.conftest import TEAM

RECEIVED = "2026-03-02 14:00:00"  # a Monday, 9:00 in Québec
LATER = "2026-03-02 15:30:00"


def add_users(db):
    db["users"].insert_all(TEAM)


def add_comment(db, id, flags="", author="@jo", platform="facebook", received_at=RECEIVED):
    db["comments"].insert(
        {
            "id": id,
            "platform": platform,
            "account": "ministere",
            "external_id": f"ext-{id}",
            "author_name": "Jo",
            "author_handle": author,
            "text": f"comment {id}",
            "received_at": received_at,
            "flags": flags,
        }
    )


@pytest.fixture
def db(team_db):
    add_comment(team_db, 1)
    add_comment(team_db, 2, flags="negative question")
    return team_db


def comment(db, id=1):
    return db["comments"].get(id)


def actions(db, id=1):
    return history(db, id)


def refused(code, db, *args, **kwargs):
    """Assert `act` refuses with `code` and leaves the comment and history untouched."""
    comment_id = args[0]
    before, count = comment(db, comment_id), db["actions"].count
    with pytest.raises(InvalidAction) as raised:
        act(db, *args, **kwargs)
    assert raised.value.code == code
    assert code in INVALID_ACTION_CODES
    assert comment(db, comment_id) == before
    assert db["actions"].count == count


# --- the transaction and the history -------------------------------------------


def test_act_returns_the_new_version_and_records_one_action_with_it(db):
    assert act(db, 1, "assign", "ana", 1, at=LATER) == 2
    assert comment(db)["version"] == 2
    [row] = actions(db)
    assert (row["comment_id"], row["at"], row["actor"], row["kind"], row["version"]) == (
        1,
        "2026-03-02 15:30:00",
        "ana",
        "assign",
        2,
    )


def test_act_stamps_the_present_in_utc_unless_given_an_instant(db):
    before = pd.Timestamp.now(tz="UTC").floor("s")
    act(db, 1, "note", "ana", 1, note="vu")
    stamped = pd.Timestamp(actions(db)[0]["at"], tz="UTC")
    assert before <= stamped <= pd.Timestamp.now(tz="UTC")


def test_act_accepts_an_aware_instant_and_stores_it_as_utc(db):
    act(
        db,
        1,
        "note",
        "ana",
        1,
        note="vu",
        at=pd.Timestamp("2026-03-02 10:15", tz="America/Toronto"),
    )
    assert actions(db)[0]["at"] == "2026-03-02 15:15:00"


def test_act_accepts_a_database_path(tmp_path, db):
    path = tmp_path / "vigie.db"
    assert act(path, 1, "assign", "ana", 1) == 2
    assert comment(db)["assignee"] == "ana"


def test_act_accepts_numpy_integers_from_a_frame(db):
    frame = pd.DataFrame([db["comments"].get(1)])
    row = frame.iloc[0]
    assert act(db, row["id"], "assign", "ana", row["version"]) == 2
    outcomes = act_many(
        db, zip(frame["id"], frame["version"] + 1, strict=True), "note", "ana", note="vu"
    )
    assert [(o.comment_id, o.status, o.version) for o in outcomes] == [(1, "done", 3)]
    assert type(outcomes[0].comment_id) is int


def test_history_lists_actions_oldest_first(db):
    act(db, 1, "assign", "ana", 1, at="2026-03-02 14:10")
    act(db, 1, "note", "bob", 2, note="à vérifier", at="2026-03-02 14:20")
    act(db, 1, "reply", "ana", 3, reply="Merci!", at="2026-03-02 14:30")
    assert [(a["version"], a["actor"], a["kind"]) for a in history(db, 1)] == [
        (2, "ana", "assign"),
        (3, "bob", "note"),
        (4, "ana", "reply"),
    ]
    assert history(db, 2) == []


def test_the_database_refuses_to_update_an_action(db):
    act(db, 1, "note", "ana", 1, note="vu")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("update actions set note = 'rewritten'")
    assert actions(db)[0]["note"] == "vu"


def test_the_database_refuses_to_delete_an_action(db):
    act(db, 1, "note", "ana", 1, note="vu")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("delete from actions")
    assert db["actions"].count == 1


# --- stale versions ----------------------------------------------------------------


def test_acting_on_an_old_version_raises_stale_version_with_what_happened_since(db):
    act(db, 1, "assign", "ana", 1)
    act(db, 1, "note", "ana", 2, note="je m'en occupe")
    with pytest.raises(StaleVersion) as raised:
        act(db, 1, "assign", "bob", 1)
    stale = raised.value
    assert (stale.expected_version, stale.current_version) == (1, 3)
    assert stale.comment["assignee"] == "ana"
    assert [(a["actor"], a["kind"]) for a in stale.actions] == [("ana", "assign"), ("ana", "note")]
    assert "ana assign, ana note" in str(stale)
    assert comment(db)["version"] == 3
    assert db["actions"].count == 2


def test_stale_version_is_reported_before_the_rules_are_checked(db):
    act(db, 1, "hide", "ana", 1, reasons=["pourriel"])
    # Bob saw an open comment: he is told Ana hid it, not that it is closed.
    with pytest.raises(StaleVersion):
        act(db, 1, "reply", "bob", 1, reply="Bonjour")


# --- who and what ---------------------------------------------------------------------


def test_an_unknown_kind_is_refused(db):
    refused("unknown_kind", db, 1, "archive", "ana", 1)


def test_an_unknown_comment_is_refused(db):
    with pytest.raises(InvalidAction) as raised:
        act(db, 99, "note", "ana", 1, note="vu")
    assert raised.value.code == "unknown_comment"


def test_an_actor_who_is_not_a_user_is_refused(db):
    refused("unknown_actor", db, 1, "note", "mallory", 1, note="vu")


def test_assigning_to_someone_who_is_not_a_user_is_refused(db):
    refused("unknown_assignee", db, 1, "assign", "ana", 1, assignee="ghost")


def test_an_argument_the_kind_does_not_use_is_refused(db):
    refused("unexpected_argument", db, 1, "reply", "ana", 1, reply="Ok", reasons=["pourriel"])
    refused("unexpected_argument", db, 1, "note", "ana", 1, note="vu", assignee="bob")


def test_an_action_dated_before_the_comment_arrived_is_refused(db):
    refused("before_received", db, 1, "note", "ana", 1, note="vu", at="2026-03-02 13:59:59")


# --- assign, note --------------------------------------------------------------------


def test_assign_without_assignee_assigns_the_actor(db):
    act(db, 1, "assign", "ana", 1)
    assert (comment(db)["status"], comment(db)["assignee"]) == ("assigned", "ana")


def test_assign_can_assign_someone_else(db):
    act(db, 1, "assign", "lea", 1, assignee="bob")
    assert (comment(db)["status"], comment(db)["assignee"]) == ("assigned", "bob")


def test_a_note_needs_text_and_changes_nothing_but_the_version(db):
    refused("note_required", db, 1, "note", "ana", 1, note="   ")
    before = comment(db)
    act(db, 1, "note", "ana", 1, note="Appeler le bureau régional")
    after = comment(db)
    assert {k: v for k, v in after.items() if k != "version"} == {
        k: v for k, v in before.items() if k != "version"
    }
    assert actions(db)[0]["note"] == "Appeler le bureau régional"


def test_a_note_may_be_added_to_a_closed_comment(db):
    act(db, 1, "delete", "ana", 1, reasons=["menace"])
    assert act(db, 1, "note", "lea", 2, note="signalé à la sécurité") == 3
    assert comment(db)["status"] == "deleted"


# --- handling and the clock ---------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "arguments", "status"),
    [
        ("reply", {"reply": "Merci de votre question."}, "answered"),
        ("redirect", {"template": "dossier"}, "redirected"),
        ("hide", {"reasons": ["pourriel"]}, "hidden"),
        ("delete", {"reasons": ["menace"]}, "deleted"),
        ("no_reply_needed", {}, "no_reply_needed"),
    ],
)
def test_a_handling_action_closes_the_comment_and_stops_the_clock(db, kind, arguments, status):
    act(db, 1, kind, "ana", 1, at=LATER, **arguments)
    row = comment(db)
    assert (row["status"], row["first_handled_at"], row["first_handled_by"]) == (
        status,
        LATER,
        "ana",
    )


@pytest.mark.parametrize(
    ("kind", "arguments"),
    [("assign", {}), ("note", {"note": "vu"}), ("escalate", {"reply": "Proposition"})],
)
def test_assigning_noting_and_escalating_do_not_stop_the_clock(db, kind, arguments):
    act(db, 1, kind, "ana", 1, at=LATER, **arguments)
    assert comment(db)["first_handled_at"] is None


def test_a_reply_needs_text(db):
    refused("reply_required", db, 1, "reply", "ana", 1)
    refused("reply_required", db, 1, "reply", "ana", 1, reply=" ")


def test_a_reply_to_a_deleted_comment_is_refused(db):
    act(db, 1, "delete", "ana", 1, reasons=["menace"])
    refused("not_open", db, 1, "reply", "bob", 2, reply="Bonjour")


@pytest.mark.parametrize("kind", ["assign", "hide", "escalate", "no_reply_needed"])
def test_a_closed_comment_takes_only_notes_and_reopen(db, kind):
    act(db, 1, "reply", "ana", 1, reply="Merci")
    arguments = {"hide": {"reasons": ["pourriel"]}, "escalate": {"reply": "x"}}.get(kind, {})
    refused("not_open", db, 1, kind, "bob", 2, **arguments)


def test_reopen_returns_the_comment_to_its_assignee_without_resetting_the_clock(db):
    act(db, 1, "assign", "ana", 1, at="2026-03-02 14:10")
    act(db, 1, "reply", "ana", 2, reply="Merci", at="2026-03-02 14:20")
    act(db, 1, "reopen", "lea", 3, note="réponse incomplète", at="2026-03-02 16:00")
    act(db, 1, "reply", "ana", 4, reply="Précision", at="2026-03-02 16:30")
    row = comment(db)
    assert (row["status"], row["assignee"], row["first_handled_at"]) == (
        "answered",
        "ana",
        "2026-03-02 14:20:00",
    )


def test_reopen_of_an_unassigned_comment_returns_it_to_new(db):
    act(db, 1, "no_reply_needed", "ana", 1)
    act(db, 1, "reopen", "bob", 2)
    assert comment(db)["status"] == "new"


def test_reopen_of_an_open_comment_is_refused(db):
    refused("not_closed", db, 1, "reopen", "ana", 1)


# --- removals need a netiquette reason ----------------------------------------------


@pytest.mark.parametrize("kind", ["hide", "delete"])
def test_a_removal_without_a_reason_is_refused(db, kind):
    refused("reason_required", db, 1, kind, "ana", 1)
    refused("reason_required", db, 1, kind, "ana", 1, reasons=[])


def test_disagreement_is_never_a_reason(db):
    refused("unknown_reason", db, 1, "delete", "ana", 1, reasons=["desaccord"])


def test_a_removal_with_one_unknown_reason_among_valid_ones_is_refused(db):
    refused("unknown_reason", db, 1, "hide", "ana", 1, reasons=["pourriel", "nope"])


def test_a_retired_reason_is_refused_for_new_removals(db):
    save_settings(db, "lea", retired_reasons=("confus",))
    refused("retired_reason", db, 1, "hide", "ana", 1, reasons=["confus"])
    act(db, 1, "hide", "ana", 1, reasons=["hors_sujet"])


def test_a_removal_records_its_reasons_once_each_in_order(db):
    act(db, 1, "delete", "ana", 1, reasons=["injurieux", "menace", "injurieux"])
    assert actions(db)[0]["reasons"] == "injurieux menace"
    assert split_codes(actions(db)[0]["reasons"]) == ("injurieux", "menace")


def test_reasons_may_be_given_in_their_stored_form(db):
    act(db, 1, "hide", "ana", 1, reasons="pourriel commercial")
    assert actions(db)[0]["reasons"] == "pourriel commercial"


def test_actions_that_remove_nothing_record_no_reasons(db):
    act(db, 1, "reply", "ana", 1, reply="Merci")
    assert actions(db)[0]["reasons"] is None


# --- redirections ---------------------------------------------------------------------


def test_a_redirect_needs_a_known_template(db):
    refused("template_required", db, 1, "redirect", "ana", 1)
    refused("unknown_template", db, 1, "redirect", "ana", 1, template="avocat")


def test_a_redirect_records_its_template_and_text(db):
    act(db, 1, "redirect", "ana", 1, template="medical", reply="Appelez Info-Santé 811.")
    row = actions(db)[0]
    assert (row["template"], row["reply"], comment(db)["status"]) == (
        "medical",
        "Appelez Info-Santé 811.",
        "redirected",
    )


def test_a_private_redirect_hides_the_comment_and_records_personal_information_as_its_reason(db):
    act(db, 1, "redirect", "ana", 1, template="prive", at=LATER)
    row = comment(db)
    assert (row["status"], row["first_handled_at"]) == ("hidden", LATER)
    assert (actions(db)[0]["template"], actions(db)[0]["reasons"]) == (
        "prive",
        "renseignements_personnels",
    )


def test_a_private_redirect_records_the_reasons_the_moderator_chose(db):
    act(db, 1, "redirect", "ana", 1, template="prive", reasons=["injurieux", "injurieux"])
    assert actions(db)[0]["reasons"] == "injurieux"


def test_a_private_redirect_needs_a_reason_chosen_when_the_lead_retired_personal_information(db):
    save_settings(db, "lea", retired_reasons=["renseignements_personnels"])
    refused("reason_required", db, 1, "redirect", "ana", 1, template="prive")
    act(db, 1, "redirect", "ana", 1, template="prive", reasons=["injurieux"])
    assert comment(db)["status"] == "hidden"


def test_only_a_private_redirect_takes_reasons(db):
    refused("unexpected_argument", db, 1, "redirect", "ana", 1, template="dossier", reasons=["x"])
    refused("unknown_reason", db, 1, "redirect", "ana", 1, template="prive", reasons=["x"])


# --- negative comments and approval ---------------------------------------------------


def test_reply_to_negative_comment_needs_approval(db):
    refused("needs_approval", db, 2, "reply", "ana", 1, reply="Nous comprenons.")
    refused("needs_approval", db, 2, "redirect", "ana", 1, template="plainte")


def test_an_organisation_whose_policy_asks_no_approval_lets_moderators_reply(db):
    save_settings(db, "lea", negative_needs_approval=False)
    rules = Settings(negative_needs_approval=False)
    assert "reply" in available_kinds(db["comments"].get(2), "moderator", rules)
    assert act(db, 2, "reply", "ana", 1, reply="Nous comprenons.") == 2
    assert db["comments"].get(2)["status"] == "answered"


def test_escalating_stores_the_proposed_reply_and_waits_for_a_lead(db):
    act(db, 2, "escalate", "ana", 1, reply="Nous comprenons votre frustration.")
    row = comment(db, 2)
    assert (row["status"], row["proposed_reply"], row["first_handled_at"]) == (
        "awaiting_approval",
        "Nous comprenons votre frustration.",
        None,
    )
    assert actions(db, 2)[0]["reply"] == "Nous comprenons votre frustration."


def test_escalating_needs_the_proposed_text(db):
    refused("reply_required", db, 2, "escalate", "ana", 1)


def test_a_lead_approving_publishes_the_proposed_reply_and_stops_the_clock(db):
    act(db, 2, "escalate", "ana", 1, reply="Nous comprenons.", at="2026-03-02 14:30")
    act(db, 2, "approve", "lea", 2, at="2026-03-02 15:00")
    row = comment(db, 2)
    assert (row["status"], row["proposed_reply"]) == ("answered", None)
    assert (row["first_handled_at"], row["first_handled_by"]) == ("2026-03-02 15:00:00", "lea")
    assert actions(db, 2)[-1]["reply"] == "Nous comprenons."


def test_a_lead_may_edit_the_reply_when_approving(db):
    act(db, 2, "escalate", "ana", 1, reply="Nous comprenons.")
    edited = "Nous comprenons et nous vous écrivons en privé."
    act(db, 2, "approve", "lea", 2, reply=edited, proposal=2)
    assert actions(db, 2)[-1]["reply"] == edited


def test_an_approval_emptied_by_the_lead_publishes_nothing(db):
    act(db, 2, "escalate", "ana", 1, reply="Nous comprenons.")
    refused("reply_required", db, 2, "approve", "lea", 2, reply="  \n", proposal=2)


def test_an_edited_approval_must_name_the_proposal_it_edits(db):
    act(db, 2, "escalate", "ana", 1, reply="Nous comprenons.")
    refused("proposal_required", db, 2, "approve", "lea", 2, reply="Texte de la cheffe.")


def test_the_current_proposal_is_the_latest_escalation(db):
    assert current_proposal(db, 2) is None
    act(db, 2, "escalate", "ana", 1, reply="Première version.", at=LATER)
    act(db, 2, "reject", "lea", 2, note="Trop sec.", proposal=2, at=LATER)
    act(db, 2, "escalate", "ana", 3, reply="Version révisée.", template="plainte", at=LATER)
    assert current_proposal(db, 2) == {
        "version": 4,
        "actor": "ana",
        "at": LATER,
        "reply": "Version révisée.",
        "template": "plainte",
        "reasons": None,
    }


def test_approving_a_proposal_rejected_and_revised_since_is_refused(db):
    act(db, 2, "escalate", "ana", 1, reply="Première version.")
    seen = current_proposal(db, 2)  # the lead opens the approval box
    act(db, 2, "reject", "lea", 2, note="Trop sec.")  # a colleague rejects it
    act(db, 2, "escalate", "ana", 3, reply="Version révisée.")  # the moderator revises it
    # The lead's page knows the comment's version, but the text is the old proposal's.
    refused(
        "proposal_changed",
        db,
        2,
        "approve",
        "lea",
        4,
        reply=seen["reply"],
        proposal=seen["version"],
    )
    refused("proposal_changed", db, 2, "reject", "lea", 4, note="Non.", proposal=2)
    act(db, 2, "approve", "lea", 4, reply="Version révisée.", proposal=4)
    assert actions(db, 2)[-1]["reply"] == "Version révisée."
    assert comment(db, 2)["status"] == "answered"


def test_only_approve_and_reject_name_a_proposal(db):
    act(db, 2, "escalate", "ana", 1, reply="Proposition")
    refused("unexpected_argument", db, 2, "assign", "lea", 2, proposal=2)


@pytest.mark.parametrize(
    ("kind", "arguments"),
    [
        ("reply", {"reply": "x" * (REPLY_MAX_CHARS + 1)}),
        ("escalate", {"reply": "x" * (REPLY_MAX_CHARS + 1)}),
        ("note", {"note": "x" * (NOTE_MAX_CHARS + 1)}),
    ],
)
def test_a_reply_or_note_longer_than_any_platform_takes_is_refused(db, kind, arguments):
    refused("too_long", db, 1, kind, "ana", 1, **arguments)


def test_a_reply_at_the_longest_length_is_recorded(db):
    act(db, 1, "reply", "ana", 1, reply=("Merci. " * REPLY_MAX_CHARS)[:REPLY_MAX_CHARS])
    assert len(actions(db)[-1]["reply"]) == REPLY_MAX_CHARS


def test_an_approved_escalated_redirect_is_a_redirect(db):
    act(db, 2, "escalate", "ana", 1, reply="Le commissaire aux plaintes…", template="plainte")
    act(db, 2, "approve", "lea", 2)
    assert comment(db, 2)["status"] == "redirected"
    assert actions(db, 2)[-1]["template"] == "plainte"


def test_a_lead_may_reply_directly_to_a_negative_comment(db):
    act(db, 2, "reply", "lea", 1, reply="Nous comprenons.")
    assert comment(db, 2)["status"] == "answered"


@pytest.mark.parametrize("actor", ["ana", "lea"])
def test_nobody_replies_to_a_comment_awaiting_approval_outside_approve(db, actor):
    act(db, 1, "escalate", "bob", 1, reply="Proposition")
    refused("needs_approval", db, 1, "reply", actor, 2, reply="Autre chose")
    refused("needs_approval", db, 1, "no_reply_needed", actor, 2)


@pytest.mark.parametrize("kind", ["approve", "reject"])
def test_only_a_lead_may_approve_or_reject(db, kind):
    act(db, 2, "escalate", "ana", 1, reply="Proposition")
    refused("lead_only", db, 2, kind, "bob", 2, note="non")


def test_approving_a_comment_that_awaits_nothing_is_refused(db):
    refused("not_awaiting_approval", db, 1, "approve", "lea", 1)


def test_a_rejection_needs_a_note_and_returns_the_comment_to_its_assignee(db):
    act(db, 2, "assign", "ana", 1)
    act(db, 2, "escalate", "ana", 2, reply="Proposition")
    refused("note_required", db, 2, "reject", "lea", 3)
    act(db, 2, "reject", "lea", 3, note="Trop sec, ajoute le lien.")
    row = comment(db, 2)
    assert (row["status"], row["assignee"], row["first_handled_at"]) == ("assigned", "ana", None)
    assert row["proposed_reply"] == "Proposition"  # kept for the moderator to revise


def test_a_rejection_of_an_unassigned_comment_returns_it_to_new(db):
    act(db, 2, "escalate", "ana", 1, reply="Proposition")
    act(db, 2, "reject", "lea", 2, note="Non")
    assert comment(db, 2)["status"] == "new"


def test_reassigning_a_comment_awaiting_approval_keeps_it_waiting(db):
    act(db, 2, "escalate", "ana", 1, reply="Proposition")
    act(db, 2, "assign", "lea", 2, assignee="bob")
    assert (comment(db, 2)["status"], comment(db, 2)["assignee"]) == ("awaiting_approval", "bob")


def test_available_kinds_offer_what_the_role_and_state_allow(db):
    assert "reply" not in available_kinds(comment(db, 2), "moderator")
    assert "escalate" in available_kinds(comment(db, 2), "moderator")
    assert "reply" in available_kinds(comment(db, 2), "lead")
    assert "approve" not in available_kinds(comment(db, 2), "lead")
    act(db, 1, "reply", "ana", 1, reply="Merci")
    assert available_kinds(comment(db), "moderator") == (
        "note",
        "reopen",
        "edit_reply",
        "remove_reply",
    )


def test_available_kinds_accept_a_frame_row_with_missing_flags(db):
    row = pd.DataFrame([{**comment(db), "flags": None}]).iloc[0]
    assert "reply" in available_kinds(row, "moderator")


# --- bulk actions -----------------------------------------------------------------------


def test_act_many_reports_each_comment_and_one_conflict_undoes_nothing_else(db):
    add_comment(db, 3)
    act(db, 3, "note", "bob", 1, note="vu")  # so version 1 is stale for comment 3
    outcomes = act_many(db, [(1, 1), (3, 1), (99, 1)], "hide", "ana", reasons=["pourriel"])
    assert [(o.comment_id, o.status, o.version) for o in outcomes] == [
        (1, "done", 2),
        (3, "stale", 2),
        (99, "invalid", None),
    ]
    assert outcomes[2].error.code == "unknown_comment"
    assert comment(db, 1)["status"] == "hidden"
    assert comment(db, 3)["status"] == "new"


def test_act_many_stops_at_a_database_error_and_reports_the_rest_as_failed(db):
    add_comment(db, 3)
    db.execute(
        "CREATE TRIGGER refuse_two BEFORE INSERT ON actions WHEN NEW.comment_id = 2 "
        "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END"
    )
    outcomes = act_many(db, [(1, 1), (2, 1), (3, 1)], "no_reply_needed", "ana")
    assert [(o.comment_id, o.status) for o in outcomes] == [
        (1, "done"),
        (2, "failed"),
        (3, "failed"),  # not tried: the database just failed
    ]
    assert isinstance(outcomes[1].error, sqlite3.IntegrityError)
    assert outcomes[2].error is outcomes[1].error
    assert [comment(db, i)["status"] for i in (1, 2, 3)] == ["no_reply_needed", "new", "new"]


def test_act_many_accepts_a_database_path(tmp_path, db):
    outcomes = act_many(tmp_path / "vigie.db", [(1, 1), (2, 1)], "assign", "ana")
    assert [o.status for o in outcomes] == ["done", "done"]


# --- an author's history ----------------------------------------------------------------


def test_author_history_lists_the_authors_other_comments_and_removals(db):
    add_comment(db, 3, author="@jo", received_at="2026-03-03 14:00:00")
    add_comment(db, 4, author="@jo", platform="x")
    add_comment(db, 5, author="@other")
    add_comment(db, 6, author="@jo")
    act(db, 1, "hide", "ana", 1, reasons=["injurieux"], at=LATER)
    act(db, 2, "reply", "lea", 1, reply="Merci")
    act(db, 4, "delete", "ana", 1, reasons=["menace"])
    act(db, 5, "delete", "ana", 1, reasons=["menace"])
    act(db, 6, "redirect", "bob", 1, template="prive", at="2026-03-02 16:00")
    found = author_history(db, "facebook", "@jo", exclude_id=3)
    assert list(found.comments["id"]) == [6, 2, 1]
    removals = found.removals[["comment_id", "kind", "reasons", "template"]].fillna("")
    assert list(removals.itertuples(index=False)) == [
        (6, "redirect", "renseignements_personnels", "prive"),
        (1, "hide", "injurieux", ""),
    ]
    assert found.removal_count == 2
    assert list(author_history(db, "facebook", "@jo").comments["id"]) == [3, 6, 2, 1]


def test_author_history_of_a_new_author_is_empty(db):
    found = author_history(db, "facebook", "@nobody")
    assert (len(found.comments), len(found.removals), found.removal_count) == (0, 0, 0)


# --- invariants over any sequence of actions --------------------------------------------

# Mostly well-formed arguments per kind, with a few the rules must refuse.
_ARGUMENTS = {
    "assign": [{}, {"assignee": "bob"}, {"assignee": "ghost"}],
    "unassign": [{}, {"assignee": "bob"}],
    "reply": [{"reply": "Merci"}, {}],
    "redirect": [{"template": "dossier"}, {"template": "prive"}, {"template": "inconnu"}],
    "hide": [{"reasons": ["pourriel"]}, {"reasons": ["desaccord"]}, {}],
    "delete": [{"reasons": ["menace", "haineux"]}, {}],
    "no_reply_needed": [{}],
    "escalate": [{"reply": "Proposition"}, {"reply": "Renvoi", "template": "plainte"}],
    "approve": [{}, {"reply": "Version de la cheffe", "proposal": 3}, {"proposal": 2}],
    "reject": [{"note": "À revoir"}, {}, {"note": "Non", "proposal": 2}],
    "note": [{"note": "vu"}, {"note": " "}],
    "reopen": [{}, {"note": "réponse incomplète"}],
    "edit_reply": [{"reply": "Merci, corrigé"}, {}],
    "remove_reply": [{"note": "Réponse erronée"}, {}],
    "archive": [{}],
}
_STEP = st.sampled_from([*ACTION_KINDS, "archive"]).flatmap(
    lambda kind: st.tuples(
        st.just(kind),
        st.sampled_from(["ana", "ana", "lea", "lea", "mallory"]),
        st.sampled_from([1, 2]),
        st.sampled_from([False] * 5 + [True]),  # now and then, act on a stale version
        st.sampled_from(_ARGUMENTS[kind]),
    )
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(_STEP, max_size=30))
def test_any_sequence_of_actions_keeps_the_history_and_the_clock_consistent(steps):
    with open_db(":memory:") as db:
        add_users(db)
        add_comment(db, 1)
        add_comment(db, 2, flags="negative")
        handled = {}
        for minute, (kind, actor, comment_id, stale, arguments) in enumerate(steps):
            version = db["comments"].get(comment_id)["version"]
            count = db["actions"].count
            at = pd.Timestamp(RECEIVED, tz="UTC") + pd.Timedelta(minutes=minute)
            try:
                new = act(db, comment_id, kind, actor, version - stale, at=at, **arguments)
            except StaleVersion:
                event("stale")
                assert stale
                assert db["actions"].count == count
            except InvalidAction as error:
                event(f"invalid: {error.code}")
                assert error.code in INVALID_ACTION_CODES
                assert db["actions"].count == count
            else:
                event(f"done: {kind}")
                assert new == version + 1 and not stale
                assert db["actions"].count == count + 1
            for row in db["comments"].rows:
                versions = [a["version"] for a in history(db, row["id"])]
                assert row["version"] == 1 + len(versions)
                assert versions == list(range(2, row["version"] + 1))
                assert row["status"] in STATUSES
                if row["id"] in handled:
                    assert (row["first_handled_at"], row["first_handled_by"]) == handled[row["id"]]
                elif row["first_handled_at"] is not None:
                    handled[row["id"]] = (row["first_handled_at"], row["first_handled_by"])
                for action in history(db, row["id"]):
                    removes = action["kind"] in ("hide", "delete") or action["template"] == "prive"
                    assert bool(action["reasons"]) == removes


def test_every_refusal_has_its_words_in_french_and_english():
    for code in INVALID_ACTION_CODES:
        words = STRINGS["queue.invalid." + code]
        assert words["fr"] and words["en"], code
