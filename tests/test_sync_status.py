"""lib.sync_status: an operation's outcome, an account's state and what a lead does about it,
and what a decision will ask of a platform, in words."""

import pytest

from lib.db import open_db
from lib.sync_status import account_state, account_todo, ahead, operation_line, troubled_accounts
from lib.ui.session import plain

NOW = "2026-12-01 20:00:00"  # 15 h in Québec


def op(**row):
    base = {"operation": "reply", "platform": "facebook", "state": "pending", "attempts": 0}
    return {"problem": None, "problem_detail": None, "applied_at": None, **base, **row}


@pytest.mark.parametrize(
    ("row", "fr"),
    [
        (
            op(state="applied", applied_at="2026-12-01 15:42:00"),
            "Réponse appliquée sur Facebook à 10 h 42",
        ),
        (
            op(operation="hide", state="applied", applied_at="2026-11-30 15:42:00"),
            "Masquage appliqué sur Facebook le 30 novembre 2026 à 10 h 42",
        ),
        (op(), "Réponse en attente d'envoi à Facebook"),
        (
            op(attempts=1, problem="timeout", next_attempt_at="2026-12-01 15:50:00"),
            "Réponse sur Facebook — échec, nouvel essai à 10 h 50 : "
            "La plateforme n'a pas répondu à temps : nouvel essai plus tard.",
        ),
        (
            op(
                operation="delete",
                platform="youtube",
                state="unsupported",
                problem="youtube_cannot_delete",
            ),
            "Suppression — à faire à la main : YouTube ne permet pas de supprimer le commentaire "
            "d'une autre personne : il sera supprimé dans Vigie seulement. Masquez-le pour le "
            "retirer de YouTube.",
        ),
        (
            op(state="attention", problem="gave_up", attempts=5),
            "Réponse sur Facebook — à regarder : Toujours en échec après 5 essais : un·e "
            "responsable doit regarder.",
        ),
        (op(operation="hide", state="cancelled"), "Masquage sur Facebook — envoi annulé"),
    ],
)
def test_each_outcome_of_an_operation_reads_as_a_sentence(row, fr):
    assert operation_line(row, "fr", NOW) == fr


def test_a_platforms_message_is_quoted_as_the_page_asks():
    row = op(state="attention", problem="refused", problem_detail="[x](https://evil.example)")
    assert operation_line(row, "en", NOW).endswith(
        "The platform refused: [x](https://evil.example)"
    )
    escaped = operation_line(row, "en", NOW, plain)
    assert escaped.endswith(r"The platform refused: \[x\]\(https\://evil.example\)")


def test_an_accounts_state_names_a_pause_a_token_and_a_problem_with_its_local_time():
    account = {"paused": 1, "token_state": "ok", "problem": "rate_limited"}
    account["problem_at"] = "2026-12-01 15:00:00"
    assert account_state(account, "fr") == (
        "En pause · Problème le 2026-12-01 10 h : La plateforme demande de ralentir : "
        "Vigie reprend d'elle-même."
    )


@pytest.mark.parametrize(
    ("problem", "token_state", "starts"),
    [
        ("token_expired", "expired", "To do: get a new token"),
        (None, "expired", "To do: get a new token"),
        ("not_configured", "ok", "To do: get a new token"),
        ("quota_exhausted", "ok", "Nothing to do"),
        ("permission", "ok", "To do: check the account on YouTube"),
    ],
)
def test_what_a_lead_does_depends_on_the_problem(problem, token_state, starts):
    account = {"key": "ville_yt", "platform": "youtube", "problem": problem}
    assert account_todo({**account, "token_state": token_state}, "en").startswith(starts)


def test_troubled_accounts_are_the_expired_and_the_failing_ones(tmp_path):
    from lib.accounts import note_problem, register_account

    with open_db(tmp_path / "vigie.db") as db:
        for key in ("a", "b", "c"):
            register_account(db, key, "facebook", key, "1", "sync", "config")
        note_problem(db, "a", "token_expired", NOW, token_expired=True)
        note_problem(db, "b", "timeout", NOW)
        assert [a["key"] for a in troubled_accounts(db)] == ["a", "b"]
        note_problem(db, "b", None, NOW)
        assert [a["key"] for a in troubled_accounts(db)] == ["a"]


def test_a_decision_says_what_its_platform_will_do_and_cannot():
    assert ahead("youtube", "hide", "new") == (("hide",), ())
    assert ahead("x", "redirect", "new", "prive") == (("reply", "hide"), ("x_cannot_reply",))
    assert ahead("facebook", "reopen", "deleted") == (("restore",), ("cannot_restore",))
    assert ahead("facebook", "escalate", "new") == ((), ())
