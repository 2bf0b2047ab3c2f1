"""Team administration in lib/: leads add members, change roles, deactivate and reactivate;
a deactivated member cannot sign in or act, keeps their name, and their work returns to the
pool; every change is in the settings history; an active lead always remains."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.auth import (
    SERVER_OPERATOR,
    IdentityPolicy,
    IdentityRefused,
    PasswordRefused,
    PermissionDenied,
    SignInRefused,
    can,
    failed_signins,
    session_stamp,
    set_password,
    sign_in,
    team_accounts,
    team_names,
    user_for_identity,
)
from lib.db import open_db
from lib.moderation import InvalidAction, act, history
from lib.settings import settings_history
from lib.team import (
    TeamRefused,
    add_member,
    change_role,
    deactivate,
    found_team,
    reactivate,
)

RECEIVED = "2026-11-20 14:00:00"
POLICY = IdentityPolicy(("https://id.example.org",))


def add_comment(db, id, **columns):
    db["comments"].insert(
        {"id": id, "platform": "facebook", "external_id": f"ext-{id}", "received_at": RECEIVED}
        | columns
    )


def team_changes(db):
    return [
        (row["actor"], json.loads(row["old"] or "null"), json.loads(row["new"]))
        for row in reversed(settings_history(db))
        if row["key"] == "team"
    ]


def test_a_lead_adds_a_member_who_is_recorded_in_the_history(team_db):
    added = add_member(team_db, "lea", " zoe ", " Zoé Gagnon ", "moderator", "zoe@example.org")
    assert added == {
        "username": "zoe",
        "display_name": "Zoé Gagnon",
        "role": "moderator",
        "email": "zoe@example.org",
        "active": 1,
    }
    assert team_changes(team_db) == [("lea", None, added)]
    assert can(team_db, "zoe", "queue") and not can(team_db, "zoe", "settings")


def test_only_a_lead_manages_the_team(team_db):
    for change, args in [
        (add_member, ("zoe", "Zoé", "moderator")),
        (change_role, ("bob", "lead")),
        (deactivate, ("bob",)),
        (reactivate, ("bob",)),
    ]:
        with pytest.raises(PermissionDenied):
            change(team_db, "ana", *args)
    assert team_changes(team_db) == []


@pytest.mark.parametrize(
    ("username", "name", "role", "email", "code"),
    [
        ("zoé gagnon", "Zoé", "moderator", None, "bad_username"),
        ("", "Zoé", "moderator", None, "bad_username"),
        ("zoe", "  ", "moderator", None, "bad_name"),
        ("zoe", "Zoé\x00", "moderator", None, "bad_name"),
        ("zoe", "Zoé", "admin", None, "unknown_role"),
        ("zoe", "Zoé", "moderator", "zoe@localhost", "bad_email"),
        ("zoe", "Zoé", "moderator", "zoe example.org", "bad_email"),
        ("ANA", "Ana bis", "moderator", None, "username_taken"),
        ("z" * 101, "Zoé", "moderator", None, "username_too_long"),
        ("zoe", "Z" * 81, "moderator", None, "name_too_long"),
    ],
)
def test_bad_members_are_refused_and_nothing_is_written(team_db, username, name, role, email, code):
    with pytest.raises(TeamRefused) as refusal:
        add_member(team_db, "lea", username, name, role, email)
    assert refusal.value.code == code
    assert refusal.value.describe("fr") and refusal.value.describe("en")
    assert team_db["users"].count == 3 and team_changes(team_db) == []


def test_an_address_belongs_to_one_member(team_db):
    add_member(team_db, "lea", "zoe", "Zoé", "moderator", "Zoe@Example.org")
    with pytest.raises(TeamRefused) as refusal:
        add_member(team_db, "lea", "zoe2", "Zoé bis", "moderator", "zoe@example.ORG")
    assert refusal.value.code == "email_taken"


@settings(max_examples=60, deadline=None)
@given(username=st.text(min_size=1, max_size=30))
def test_a_username_with_a_space_or_a_control_character_is_never_stored(tmp_path_factory, username):
    with open_db(tmp_path_factory.mktemp("t") / "v.db") as db:
        found_team(db, "lea", "Léa", "premier-jour-2026")
        try:
            add_member(db, "lea", username, "Quelqu'un", "moderator")
        except TeamRefused:
            return
        stored = db.execute("SELECT username FROM users WHERE username != 'lea'").fetchone()[0]
        assert stored == username.strip()
        assert not any(c.isspace() or not c.isprintable() for c in stored)


def test_roles_change_and_the_last_active_lead_cannot_be_demoted(team_db):
    with pytest.raises(TeamRefused) as refusal:
        change_role(team_db, "lea", "lea", "moderator")
    assert refusal.value.code == "last_lead"
    change_role(team_db, "lea", "ana", "lead")
    assert can(team_db, "ana", "settings")
    change_role(team_db, "ana", "lea", "moderator")  # ana now leads
    assert not can(team_db, "lea", "settings")
    assert [(a, o["role"], n["role"]) for a, o, n in team_changes(team_db)] == [
        ("lea", "moderator", "lead"),
        ("ana", "lead", "moderator"),
    ]


def test_the_last_active_lead_cannot_be_deactivated(team_db):
    with pytest.raises(TeamRefused) as refusal:
        deactivate(team_db, "lea", "lea")
    assert refusal.value.code == "last_lead"
    change_role(team_db, "lea", "bob", "lead")
    deactivate(team_db, "bob", "lea")
    # lea is gone: she may not undo it, and bob, now the only lead, stays.
    with pytest.raises(PermissionDenied):
        reactivate(team_db, "lea", "lea")
    with pytest.raises(TeamRefused):
        deactivate(team_db, "bob", "bob")


def test_a_deactivated_member_cannot_sign_in_and_their_sessions_end(team_db):
    set_password(team_db, SERVER_OPERATOR, "ana", "moderation-2026")
    stamp = session_stamp(team_db, "ana")
    deactivate(team_db, "lea", "ana")
    assert session_stamp(team_db, "ana") != stamp
    with pytest.raises(SignInRefused):
        sign_in(team_db, "ana", "moderation-2026", "203.0.113.9")
    assert failed_signins(team_db)[0]["reason"] == "deactivated"
    reactivate(team_db, "lea", "ana")
    assert sign_in(team_db, "ana", "moderation-2026", "203.0.113.9")["username"] == "ana"


def test_a_deactivated_member_keeps_their_name_but_can_no_longer_act_or_be_assigned(team_db):
    add_comment(team_db, 1)
    act(team_db, 1, "note", "ana", 1, note="vu")
    deactivate(team_db, "lea", "ana")
    assert team_names(team_db)["ana"] == "Ana"
    assert "ana" not in team_names(team_db, active_only=True)
    with pytest.raises(InvalidAction) as refusal:
        act(team_db, 1, "no_reply_needed", "ana", 2)
    assert refusal.value.code == "unknown_actor"
    with pytest.raises(InvalidAction) as refusal:
        act(team_db, 1, "assign", "lea", 2, assignee="ana")
    assert refusal.value.code == "unknown_assignee"
    assert [m["username"] for m in team_accounts(team_db) if not m["active"]] == ["ana"]


def test_deactivation_returns_assigned_open_comments_to_the_pool(team_db):
    for id in (1, 2, 3, 4):
        add_comment(team_db, id, flags="negative" if id == 2 else "")
    act(team_db, 1, "assign", "ana", 1)
    act(team_db, 2, "assign", "ana", 1)
    act(team_db, 2, "escalate", "ana", 2, reply="Proposition")
    act(team_db, 3, "assign", "ana", 1)
    act(team_db, 3, "no_reply_needed", "ana", 2)  # closed: stays hers
    act(team_db, 4, "assign", "bob", 1)
    assert deactivate(team_db, "lea", "ana") == 2
    rows = {r["id"]: (r["status"], r["assignee"]) for r in team_db["comments"].rows}
    assert rows == {
        1: ("new", None),
        2: ("awaiting_approval", None),  # still waits for a lead's approval
        3: ("no_reply_needed", "ana"),
        4: ("assigned", "bob"),
    }
    last = history(team_db, 1)[-1]
    assert (last["kind"], last["actor"]) == ("unassign", "lea")


def test_a_team_is_founded_once(tmp_path):
    with open_db(tmp_path / "v.db") as db:
        lead = found_team(db, "lea", "Léa", "premier-jour-2026", "lea@example.org")
        assert lead["role"] == "lead" and team_changes(db) == [("lea", None, lead)]
        with pytest.raises(TeamRefused) as refusal:
            found_team(db, "bob", "Bob", "premier-jour-2026")
        assert refusal.value.code == "team_exists"


def test_an_organisation_account_binds_by_the_members_email_unless_deactivated(team_db):
    add_member(team_db, "lea", "zgagnon", "Zoé", "moderator", "zoe.gagnon@example.org")
    claims = {
        "iss": "https://id.example.org",
        "sub": "s-zoe",
        "email": "Zoe.Gagnon@example.org",
        "email_verified": True,
    }
    assert user_for_identity(team_db, claims, POLICY)["username"] == "zgagnon"
    deactivate(team_db, "lea", "zgagnon")
    with pytest.raises(IdentityRefused) as refusal:
        user_for_identity(team_db, claims, POLICY)
    assert refusal.value.code == "deactivated"


def test_a_member_and_their_first_password_are_added_both_or_neither(team_db):
    with pytest.raises(PasswordRefused):
        add_member(team_db, "lea", "zoe", "Zoé", "moderator", password="court")
    assert team_changes(team_db) == [] and team_db["users"].count == 3
    add_member(team_db, "lea", "zoe", "Zoé", "moderator", password="premier-jour-2026")
    assert sign_in(team_db, "zoe", "premier-jour-2026", "203.0.113.9")["username"] == "zoe"
