"""Roles are enforced in lib/, passwords are argon2 hashes set by whom the rules allow, failed
sign-ins are slowed down and recorded for good, organisation accounts are bound to one person,
and a change to what let a person in ends their open sessions."""

import re
import sqlite3
import threading
from pathlib import Path

import pandas as pd
import pytest

from lib.auth import (
    ACCOUNT,
    CLIENT,
    DEMO_PASSWORD,
    SERVER_OPERATOR,
    IdentityPolicy,
    IdentityRefused,
    PasswordRefused,
    PermissionDenied,
    SignInRefused,
    authenticate,
    bindings,
    can,
    demo_accounts,
    end_sessions,
    failed_signins,
    hash_password,
    record_failure,
    require,
    require_lead,
    retry_at,
    session_stamp,
    set_password,
    sign_in,
    unbind_identity,
    user_for_identity,
    verify_password,
)
from lib.auth.throttle import wait_after
from lib.db import open_db

ROOT = Path(__file__).resolve().parent.parent
NOW = pd.Timestamp("2026-11-20 15:00", tz="UTC")
CLIENT_ADDRESS = "203.0.113.9"


@pytest.fixture
def db(team_db):
    team_db["users"].insert(
        {"username": "Maude.Lachance@quebec.ca", "display_name": "Maude", "role": "lead"}
    )
    return team_db


@pytest.fixture
def with_passwords(db):
    """The team with local passwords: ana's is 'moderation-2026', léa's 'direction-2026'."""
    set_password(db, SERVER_OPERATOR, "ana", "moderation-2026")
    set_password(db, SERVER_OPERATOR, "lea", "direction-2026")
    return db


# --- roles --------------------------------------------------------------------------------


@pytest.mark.parametrize("permission", ["settings", "approve", "reject", "unmask", "identities"])
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


# --- passwords ----------------------------------------------------------------------------


def test_a_password_hash_is_salted_argon2id_and_verifies_only_its_password():
    first, second = hash_password("correct horse"), hash_password("correct horse")
    assert first.startswith("$argon2id$") and first != second
    assert verify_password(first, "correct horse")
    assert not verify_password(first, "Correct horse")
    assert not verify_password(None, "correct horse")
    assert not verify_password("not a hash", "correct horse")


def test_sign_in_needs_the_right_name_and_password(with_passwords):
    db = with_passwords
    stored = db["users"].get("ana")["password_hash"]
    assert "moderation-2026" not in stored
    assert authenticate(db, "ana", "moderation-2026") == {
        "username": "ana",
        "display_name": "Ana",
        "role": "moderator",
    }
    assert authenticate(db, "ana", "wrong-password") is None
    assert authenticate(db, "zoe", "moderation-2026") is None
    assert authenticate(db, "bob", "") is None  # no password set: cannot sign in


def test_a_password_is_set_only_for_a_team_member_and_long_enough(db):
    with pytest.raises(ValueError, match="unknown person"):
        set_password(db, "lea", "zoe", "long enough")
    with pytest.raises(ValueError, match="8 characters"):
        set_password(db, "lea", "ana", "short")


def test_a_lead_sets_anyones_password_and_a_person_their_own_only(with_passwords):
    db = with_passwords
    set_password(db, "lea", "ana", "nouveau-par-lea")  # a lead, anyone's
    assert authenticate(db, "ana", "nouveau-par-lea")
    set_password(db, "ana", "ana", "nouveau-par-ana")  # a person, their own
    assert authenticate(db, "ana", "nouveau-par-ana")
    for actor in ("ana", "zoe", None, ""):
        with pytest.raises(PermissionDenied):
            set_password(db, actor, "lea", "pris-en-otage")  # a moderator, a stranger, nobody
    assert authenticate(db, "lea", "direction-2026")


def test_the_server_operator_gives_a_first_password_but_replaces_none(with_passwords):
    db = with_passwords
    set_password(db, SERVER_OPERATOR, "bob", "premier-mot-de-passe")  # bob had none
    assert authenticate(db, "bob", "premier-mot-de-passe")
    with pytest.raises(PermissionDenied):
        set_password(db, SERVER_OPERATOR, "bob", "remplace-sans-chef")
    assert authenticate(db, "bob", "premier-mot-de-passe")
    with pytest.raises(PasswordRefused):
        set_password(db, SERVER_OPERATOR, "zoe", "personne-de-ce-nom")


def test_demo_accounts_sign_in_with_the_demo_password(demo_db_path):
    with open_db(demo_db_path) as db:
        assert authenticate(db, "mlachance", DEMO_PASSWORD)["role"] == "lead"
        assert authenticate(db, "agirard", DEMO_PASSWORD)["role"] == "moderator"
        assert authenticate(db, "agirard", "vigie") is None


def test_the_demo_hint_names_only_accounts_that_still_have_the_demo_password(demo_db_path):
    with open_db(demo_db_path) as db:
        demo = {a["username"]: a["role"] for a in demo_accounts(db)}
        assert len(demo) == 7 and demo["mlachance"] == "lead" and demo["agirard"] == "moderator"
        set_password(db, "agirard", "agirard", "le-mien-desormais")
        assert "agirard" not in {a["username"] for a in demo_accounts(db)}


def test_a_real_team_gets_no_demo_hint_even_with_the_demo_password(with_passwords):
    set_password(with_passwords, "lea", "bob", DEMO_PASSWORD)  # one account, its own salt
    assert demo_accounts(with_passwords) == []


# --- back-off and the record of failed sign-ins ------------------------------------------


def test_thirty_wrong_passwords_then_the_right_one_is_refused(with_passwords):
    db = with_passwords
    for attempt in range(30):
        with pytest.raises(SignInRefused) as refusal:
            sign_in(db, "lea", f"guess-{attempt}", CLIENT_ADDRESS, NOW)
    assert refusal.value.code == "throttled"
    with pytest.raises(SignInRefused) as refusal:
        sign_in(db, "lea", "direction-2026", CLIENT_ADDRESS, NOW + pd.Timedelta(minutes=5))
    assert refusal.value.code == "throttled"
    assert refusal.value.until == NOW + ACCOUNT.cap  # 31 failures: the longest wait
    assert "réessayez à" in str(refusal.value) and "try again at" in str(refusal.value)


def test_the_wait_starts_after_five_failures_and_doubles_up_to_an_hour():
    assert [wait_after(n, ACCOUNT).total_seconds() for n in range(4, 10)] == [
        0,
        30,
        60,
        120,
        240,
        480,
    ]
    assert wait_after(40, ACCOUNT) == pd.Timedelta(hours=1)
    assert wait_after(40, CLIENT) == pd.Timedelta(minutes=15)


def test_once_the_wait_is_over_the_right_password_signs_in_and_the_count_restarts(
    with_passwords,
):
    db = with_passwords
    for attempt in range(5):
        with pytest.raises(SignInRefused):
            sign_in(db, "ana", f"guess-{attempt}", CLIENT_ADDRESS, NOW)
    assert retry_at(db, "ana", CLIENT_ADDRESS, NOW) == NOW + pd.Timedelta(seconds=30)
    with pytest.raises(SignInRefused, match="réessayez"):
        sign_in(db, "ana", "moderation-2026", CLIENT_ADDRESS, NOW + pd.Timedelta(seconds=29))
    later = NOW + pd.Timedelta(seconds=29 + 60)  # the refused attempt doubled the wait
    assert sign_in(db, "ana", "moderation-2026", CLIENT_ADDRESS, later)["username"] == "ana"
    # Signed in: the next typo is forgiven as the first one was.
    with pytest.raises(SignInRefused) as refusal:
        sign_in(db, "ana", "typo", CLIENT_ADDRESS, later + pd.Timedelta(seconds=1))
    assert refusal.value.code == "failed"


def test_the_back_off_holds_for_an_account_whatever_the_client_or_the_case(with_passwords):
    db = with_passwords
    for attempt in range(5):
        record_failure(db, "lea", f"198.51.100.{attempt}", "wrong_password", NOW)
    with pytest.raises(SignInRefused, match="réessayez"):
        sign_in(db, " LEA ", "direction-2026", "192.0.2.77", NOW)


def test_one_client_trying_many_usernames_waits_too(with_passwords):
    db = with_passwords
    for attempt in range(CLIENT.free):
        with pytest.raises(SignInRefused):
            sign_in(db, f"nobody-{attempt}", "guess", CLIENT_ADDRESS, NOW)
    with pytest.raises(SignInRefused) as refusal:
        sign_in(db, "ana", "moderation-2026", CLIENT_ADDRESS, NOW)
    assert refusal.value.code == "throttled"
    assert sign_in(db, "ana", "moderation-2026", "192.0.2.77", NOW)["username"] == "ana"
    # An hour later the client's failures no longer count.
    assert retry_at(db, "ana", CLIENT_ADDRESS, NOW + CLIENT.window) is None


def test_an_unknown_username_is_refused_and_slowed_like_a_known_one(with_passwords):
    db = with_passwords
    for name in ("lea", "zoe"):
        for attempt in range(5):
            with pytest.raises(SignInRefused) as refusal:
                sign_in(db, name, f"guess-{attempt}", f"client-{name}", NOW)
        assert refusal.value.code == "throttled"
        assert retry_at(db, name, None, NOW) == NOW + pd.Timedelta(seconds=30)


def test_every_failed_sign_in_is_recorded_with_why(with_passwords):
    db = with_passwords
    attempts = [("ana", "wrong"), ("zoe", "whatever"), ("bob", "no-password-yet")]
    for username, password in attempts:
        with pytest.raises(SignInRefused):
            sign_in(db, username, password, CLIENT_ADDRESS, NOW)
    sign_in(db, "ana", "moderation-2026", CLIENT_ADDRESS, NOW)  # a success is not a failure
    assert failed_signins(db) == [
        {"at": "2026-11-20 15:00:00", "username": "bob", "client": CLIENT_ADDRESS,
         "reason": "no_password"},
        {"at": "2026-11-20 15:00:00", "username": "zoe", "client": CLIENT_ADDRESS,
         "reason": "unknown_username"},
        {"at": "2026-11-20 15:00:00", "username": "ana", "client": CLIENT_ADDRESS,
         "reason": "wrong_password"},
    ]  # fmt: skip


def test_the_record_of_failed_sign_ins_cannot_be_changed_or_erased(db):
    record_failure(db, "lea", CLIENT_ADDRESS, "wrong_password", NOW)
    row_id = db.execute("SELECT id FROM failed_signins").fetchone()[0]
    for statement in (
        "UPDATE failed_signins SET username = 'someone else'",
        "DELETE FROM failed_signins",
        f"INSERT OR REPLACE INTO failed_signins (id, at, reason) VALUES ({row_id}, 'x', 'y')",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            db.execute(statement)
    assert [r["username"] for r in failed_signins(db)] == ["lea"]


def test_parallel_attempts_cannot_all_pass_before_the_first_failure_is_recorded(
    with_passwords, tmp_path
):
    path = tmp_path / "vigie.db"
    refusals = []

    def attempt(number):
        with open_db(path) as own:
            try:
                sign_in(own, "lea", f"guess-{number}", f"client-{number}", NOW)
            except SignInRefused as refusal:
                refusals.append(refusal.code)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(refusals) == ["failed"] * 4 + ["throttled"] * 4


# --- organisation accounts (OpenID Connect) ----------------------------------------------

ISSUER = "https://id.example.org"
POLICY = IdentityPolicy((ISSUER,))
TENANT = "0b2c8d4e-1111-4222-8333-944455556666"
ENTRA_ISSUER = f"https://login.microsoftonline.com/{TENANT}/v2.0"
ENTRA = IdentityPolicy((ENTRA_ISSUER,), TENANT)


def verified(email, sub="sub-1", **more):
    return {"iss": ISSUER, "sub": sub, "email": email, "email_verified": True, **more}


def entra(upn, oid="oid-1", tid=TENANT, **more):
    issuer = f"https://login.microsoftonline.com/{tid}/v2.0"
    return {"iss": issuer, "tid": tid, "oid": oid, "sub": "pairwise", "preferred_username": upn,
            **more}  # fmt: skip


def test_the_policy_comes_from_the_secrets_auth_section():
    google = {
        "server_metadata_url": "https://accounts.google.com" + "/.well-known/openid-configuration"
    }
    assert IdentityPolicy.from_secrets(google) == IdentityPolicy(("https://accounts.google.com",))
    microsoft = {
        "cookie_secret": "…",
        "microsoft": {"server_metadata_url": f"{ENTRA_ISSUER}/.well-known/openid-configuration"},
    }
    assert IdentityPolicy.from_secrets(microsoft, "microsoft") == ENTRA  # tenant from issuer
    explicit = {"allowed_issuer": [ISSUER, "https://other.example"], "allowed_tenant": "ABC"}
    assert IdentityPolicy.from_secrets(explicit) == IdentityPolicy(
        (ISSUER, "https://other.example"), "abc"
    )
    assert IdentityPolicy.from_secrets({"server_metadata_url": "https://x.example/meta"}) == (
        IdentityPolicy()  # not a discovery address, no allowed_issuer: nobody gets in
    )


def test_a_verified_email_binds_the_person_on_their_first_sign_in(db):
    person = user_for_identity(db, verified("maude.lachance@QUEBEC.ca"), POLICY, NOW)
    assert person["role"] == "lead"
    assert bindings(db) == {"Maude.Lachance@quebec.ca": "2026-11-20 15:00:00"}
    row = db["users"].get("Maude.Lachance@quebec.ca")
    assert (row["identity_issuer"], row["identity_subject"]) == (ISSUER, "sub-1")


def test_once_bound_a_changed_email_claim_does_not_move_the_person(db):
    user_for_identity(db, verified("maude.lachance@quebec.ca"), POLICY)
    renamed = verified("ana", email_verified=False)  # the same account, claiming ana now
    assert user_for_identity(db, renamed, POLICY)["username"] == "Maude.Lachance@quebec.ca"


def test_another_account_claiming_a_bound_name_is_refused(db):
    user_for_identity(db, verified("maude.lachance@quebec.ca"), POLICY)
    with pytest.raises(IdentityRefused) as refusal:
        user_for_identity(db, verified("maude.lachance@quebec.ca", sub="sub-2"), POLICY)
    assert refusal.value.code == "bound_elsewhere"


@pytest.mark.parametrize("flag", [False, "false", None])
def test_an_unverified_email_signs_nobody_in(db, flag):
    claims = verified("maude.lachance@quebec.ca", email_verified=flag)
    with pytest.raises(IdentityRefused) as refusal:
        user_for_identity(db, claims, POLICY)
    assert refusal.value.code == "unverified"
    assert bindings(db) == {}


def test_an_account_from_another_issuer_is_refused_even_with_a_bound_subject(db):
    user_for_identity(db, verified("maude.lachance@quebec.ca"), POLICY)
    for issuer in ("https://evil.example", "", None):
        claims = {**verified("maude.lachance@quebec.ca"), "iss": issuer}
        with pytest.raises(IdentityRefused) as refusal:
            user_for_identity(db, claims, POLICY)
        assert refusal.value.code == "wrong_issuer"
    with pytest.raises(IdentityRefused):
        user_for_identity(db, verified("maude.lachance@quebec.ca"), IdentityPolicy())


def test_an_account_from_another_tenant_is_refused(db):
    other = "99999999-aaaa-4bbb-8ccc-dddddddddddd"
    with pytest.raises(IdentityRefused) as refusal:
        # Its own issuer is accepted here, to show the tenant is checked on its own.
        user_for_identity(
            db,
            entra("lea", tid=other),
            IdentityPolicy((f"https://login.microsoftonline.com/{other}/v2.0",), TENANT),
        )
    assert refusal.value.code == "wrong_tenant"
    with pytest.raises(IdentityRefused) as refusal:
        user_for_identity(db, entra("lea", tid=other), ENTRA)
    assert refusal.value.code == "wrong_issuer"


def test_entra_binds_by_tenant_and_object_id_from_the_user_principal_name(db):
    assert user_for_identity(db, entra("LEA", oid="OID-LEA"), ENTRA)["username"] == "lea"
    row = db["users"].get("lea")
    assert (row["identity_issuer"], row["identity_subject"]) == (
        f"entra-tenant:{TENANT}",
        "oid-lea",
    )
    # A version 1 token of the same person (another issuer form) is the same binding.
    v1 = {**entra("someone-else", oid="oid-lea"), "iss": ENTRA_ISSUER}
    assert user_for_identity(db, v1, ENTRA)["username"] == "lea"


def test_a_moderator_whose_email_attribute_names_a_lead_stays_the_moderator(db):
    # Entra's `email` is an attribute anyone with directory rights may set: never trusted.
    claims = entra("ana", oid="oid-ana", email="lea")
    assert user_for_identity(db, claims, ENTRA)["username"] == "ana"
    with pytest.raises(IdentityRefused) as refusal:
        user_for_identity(db, entra(None, oid="oid-ana-2", email="lea"), ENTRA)
    assert refusal.value.code == "unverified"
    assert bindings(db).keys() == {"ana"}


def test_the_user_principal_name_counts_only_with_a_configured_tenant(db):
    with pytest.raises(IdentityRefused) as refusal:
        user_for_identity(db, entra("lea"), IdentityPolicy((ENTRA_ISSUER,)))
    assert refusal.value.code == "unverified"


def test_an_account_not_on_the_team_or_without_a_subject_is_refused(db):
    for claims, code in [
        (verified("someone@else.ca"), "not_on_team"),
        (verified("lea", sub=""), "no_subject"),
        ({}, "wrong_issuer"),
    ]:
        with pytest.raises(IdentityRefused) as refusal:
            user_for_identity(db, claims, POLICY)
        assert refusal.value.code == code


def test_a_lead_unbinds_an_account_and_the_next_verified_sign_in_binds_again(db):
    user_for_identity(db, verified("lea", sub="old"), POLICY)
    with pytest.raises(PermissionDenied):
        unbind_identity(db, "ana", "lea")
    unbind_identity(db, "lea", "lea")
    assert bindings(db) == {}
    assert user_for_identity(db, verified("lea", sub="new"), POLICY)["username"] == "lea"


# --- open sessions --------------------------------------------------------------------


def test_the_session_stamp_changes_with_what_lets_a_person_in_and_nothing_else(with_passwords):
    db = with_passwords
    stamps = [session_stamp(db, "ana")]
    db["users"].update("ana", {"display_name": "Ana B."})
    assert session_stamp(db, "ana") == stamps[-1]
    for change in (
        lambda: set_password(db, "ana", "ana", "un-autre-mot-de-passe"),
        lambda: db["users"].update("ana", {"role": "lead"}),
        lambda: end_sessions(db, "ana"),
        lambda: user_for_identity(db, verified("ana"), POLICY),
        lambda: unbind_identity(db, "lea", "ana"),
    ):
        change()
        assert session_stamp(db, "ana") not in stamps
        stamps.append(session_stamp(db, "ana"))
    db["users"].delete("ana")
    assert session_stamp(db, "ana") is None


def test_no_widget_uses_the_signed_in_key():
    """A widget keyed "username" would let a browser choose who it is signed in as."""
    widget_key = re.compile(r"key\s*=\s*(USER_KEY|SIGNED_IN_KEY|STAMP_KEY|[\"']username[\"'])")
    sources = [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "lib").rglob("*.py")]
    offenders = [str(p.relative_to(ROOT)) for p in sources if widget_key.search(p.read_text())]
    assert offenders == []
