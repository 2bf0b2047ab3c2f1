"""Roles are enforced in lib/, passwords are argon2 hashes, identities map to team members."""

import re
from pathlib import Path

import pytest

from lib.auth import (
    DEMO_PASSWORD,
    PermissionDenied,
    authenticate,
    can,
    hash_password,
    require,
    require_lead,
    set_password,
    user_for_identity,
    verify_password,
)
from lib.db import open_db

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def db(team_db):
    team_db["users"].insert(
        {"username": "Maude.Lachance@quebec.ca", "display_name": "Maude", "role": "lead"}
    )
    return team_db


@pytest.mark.parametrize("permission", ["settings", "approve", "reject", "unmask"])
def test_a_lead_may_and_a_moderator_may_not(db, permission):
    assert can(db, "lea", permission)
    assert not can(db, "ana", permission)
    require(db, "lea", permission)
    with pytest.raises(PermissionDenied):
        require(db, "ana", permission)


def test_an_unknown_or_missing_person_may_do_nothing(db):
    assert not can(db, "zoe", "queue")
    assert not can(db, None, "settings")
    assert can(db, "ana", "queue")


def test_the_refusal_speaks_french_then_english(db):
    with pytest.raises(PermissionDenied) as refusal:
        require_lead(db, "ana", "unmask")
    message = str(refusal.value)
    assert message.index("Réservé aux chefs d'équipe") < message.index("Team leads only")
    assert "unmasked personal data" in message
    assert refusal.value.username == "ana"


def test_a_password_hash_is_salted_argon2id_and_verifies_only_its_password():
    first, second = hash_password("correct horse"), hash_password("correct horse")
    assert first.startswith("$argon2id$") and first != second
    assert verify_password(first, "correct horse")
    assert not verify_password(first, "Correct horse")
    assert not verify_password(None, "correct horse")
    assert not verify_password("not a hash", "correct horse")


def test_sign_in_needs_the_right_name_and_password(db):
    set_password(db, "ana", "moderation-2026")
    stored = db["users"].get("ana")["password_hash"]
    assert "moderation-2026" not in stored
    assert authenticate(db, "ana", "moderation-2026") == {
        "username": "ana",
        "display_name": "Ana",
        "role": "moderator",
    }
    assert authenticate(db, "ana", "wrong-password") is None
    assert authenticate(db, "zoe", "moderation-2026") is None
    assert authenticate(db, "lea", "") is None  # no password set: cannot sign in


def test_a_password_is_set_only_for_a_team_member_and_long_enough(db):
    with pytest.raises(ValueError, match="unknown person"):
        set_password(db, "zoe", "long enough")
    with pytest.raises(ValueError, match="8 characters"):
        set_password(db, "ana", "short")


def test_an_identity_maps_by_email_or_preferred_username_ignoring_case(db):
    assert user_for_identity(db, {"email": "maude.lachance@QUEBEC.ca"})["role"] == "lead"
    upn = {"email": None, "preferred_username": "maude.lachance@quebec.ca"}
    assert user_for_identity(db, upn)["display_name"] == "Maude"
    assert user_for_identity(db, {"email": "someone@else.ca"}) is None
    assert user_for_identity(db, {}) is None


def test_demo_accounts_sign_in_with_the_demo_password(demo_db_path):
    with open_db(demo_db_path) as db:
        assert authenticate(db, "mlachance", DEMO_PASSWORD)["role"] == "lead"
        assert authenticate(db, "agirard", DEMO_PASSWORD)["role"] == "moderator"
        assert authenticate(db, "agirard", "vigie") is None


def test_no_widget_uses_the_signed_in_key():
    """A widget keyed "username" would let a browser choose who it is signed in as."""
    widget_key = re.compile(r"key\s*=\s*(USER_KEY|SIGNED_IN_KEY|[\"']username[\"'])")
    sources = [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "lib").rglob("*.py")]
    offenders = [str(p.relative_to(ROOT)) for p in sources if widget_key.search(p.read_text())]
    assert offenders == []
