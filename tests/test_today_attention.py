"""Aujourd'hui's « À regarder » (AppTest, through app.py): a lead sees the accounts whose token
must be renewed or whose sync went wrong and the operations a platform refused, each with
what to do; a moderator sees none of it, and nothing is shown when all is well."""

import pandas as pd
import pytest

from lib.accounts import note_problem, register_account
from lib.db import immediate
from lib.ingest import insert_comments
from lib.moderation import act
from lib.outbox import outcomes
from tests.conftest import new_app

TODAY = "pages/today.py"
NOW = pd.Timestamp("2026-12-01 11:00", tz="America/Toronto")
RECEIVED = "2026-11-30 14:00:00"
TITLE = "À regarder"


@pytest.fixture
def comment_id(team_db, monkeypatch) -> int:
    """A YouTube comment of a connected channel and a connected Facebook page, through VIGIE_DB."""
    frame = pd.DataFrame(
        [
            {
                "platform": "youtube",
                "account": "ville_yt",
                "external_id": "Ugx1",
                "author_handle": "personne",
                "text": "Vous êtes tous des incapables.",
                "received_at": RECEIVED,
            }
        ]
    )
    with immediate(team_db):
        insert_comments(team_db, frame)
    register_account(team_db, "ville_yt", "youtube", "Ville de Rimouski", "UC4a9vB2", "sync", "lea")
    register_account(team_db, "ville_fb", "facebook", "Ville de Rimouski", "1001", "sync", "lea")
    monkeypatch.setenv("VIGIE_DB", team_db.conn._path)
    return next(team_db["comments"].rows)["id"]


def today(username="lea"):
    at = new_app(username, "fr", now=NOW, timeout=60).run()
    at.switch_page(TODAY).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def words(at) -> str:
    return "\n".join(e.value for e in [*at.main.markdown, *at.main.caption])


def test_a_lead_sees_an_expired_token_and_a_refused_operation_with_what_to_do(team_db, comment_id):
    note_problem(
        team_db, "ville_fb", "token_expired", pd.Timestamp("2026-12-01 15:00", tz="UTC"), True
    )
    act(team_db, comment_id, "hide", "bob", 1, reasons=["injurieux"], at="2026-11-30 15:00:00")
    hide = outcomes(team_db, comment_id)[0]
    with immediate(team_db):
        team_db["outbox"].update(
            hide["id"],
            {"state": "attention", "problem": "permission", "problem_detail": "(#200) No"},
        )
    at = today()
    assert TITLE in [s.value for s in at.main.subheader]
    said = words(at)
    assert "Compte Ville de Rimouski (Facebook) : Jeton à renouveler" in said
    assert "mettez-le dans `.streamlit/secrets.toml`, sous `[connectors.ville_fb]`" in said
    # The platform's own message as typed: escaped where Markdown would read it.
    assert (
        f"YouTube · masquage · commentaire n° {comment_id} : "
        "Le jeton n'a pas la permission requise : \\(\\#200\\) No"
    ) in said
    assert "ou faites l'opération à la main sur la plateforme et abandonnez-la ici" in said
    links = [(p.label, p.proto.query_string) for p in at.page_link]
    assert (f"Ouvrir n° {comment_id}", f"comment={comment_id}") in links


def test_a_moderator_sees_no_attention_block(team_db, comment_id):
    note_problem(
        team_db, "ville_fb", "token_expired", pd.Timestamp("2026-12-01 15:00", tz="UTC"), True
    )
    at = today("ana")
    assert TITLE not in [s.value for s in at.main.subheader]
    assert "Jeton à renouveler" not in words(at)


def test_nothing_is_shown_when_all_is_well(team_db, comment_id):
    act(team_db, comment_id, "hide", "bob", 1, reasons=["injurieux"], at="2026-11-30 15:00:00")
    at = today()
    assert TITLE not in [s.value for s in at.main.subheader], "a pending operation is not a worry"


def _attention(team_db, comment_id) -> int:
    act(team_db, comment_id, "hide", "bob", 1, reasons=["injurieux"], at="2026-11-30 15:00:00")
    hide = outcomes(team_db, comment_id)[0]
    with immediate(team_db):
        team_db["outbox"].update(hide["id"], {"state": "attention", "attempts": 5})
    return hide["id"]


def test_a_lead_sends_an_operation_again_from_its_first_attempt(team_db, comment_id):
    operation = _attention(team_db, comment_id)
    at = today()
    at.button(key=f"retry-{operation}").click().run()
    row = outcomes(team_db, comment_id)[0]
    assert (row["state"], row["attempts"]) == ("pending", 0)
    assert TITLE not in [s.value for s in at.main.subheader]
    change = list(team_db.query("SELECT actor, key FROM settings_history ORDER BY id DESC"))[0]
    assert change == {"actor": "lea", "key": f"outbox.{operation}"}


def test_a_lead_gives_up_an_operation_done_by_hand(team_db, comment_id):
    operation = _attention(team_db, comment_id)
    at = today()
    at.button(key=f"abandon-{operation}").click().run()
    assert outcomes(team_db, comment_id)[0]["state"] == "cancelled"
    assert TITLE not in [s.value for s in at.main.subheader]
