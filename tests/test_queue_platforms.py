"""The queue and a connected account's platform (AppTest, through app.py): the comment's own
link, what an action will do on the platform said before acting, what came of each
operation in the history, and corrections to a published reply."""

import pandas as pd
import pytest

from lib.accounts import register_account
from lib.db import immediate
from lib.ingest import insert_comments
from lib.moderation import act, history
from lib.outbox import outcomes
from tests.conftest import new_app, reading

QUEUE = "pages/queue.py"
TZ = "America/Toronto"
RECEIVED = "2026-11-30 14:00:00"  # a Monday, 9 h in Québec
ANSWERED_AT = "2026-11-30 15:00:00"
NOW = pd.Timestamp("2026-12-01 11:00", tz=TZ)
YOUTUBE_LINK = "https://www.youtube.com/watch?v=a1b2c3&lc=Ugx1"
FIRST_REPLY = "Le bureau de Rimouski ouvre à 8 h 30."
CORRECTED_REPLY = "Le bureau de Rimouski ouvre à 8 h 30, du lundi au vendredi."
YOUTUBE_CANNOT_DELETE = "YouTube ne permet pas de supprimer le commentaire d'une autre personne"
COMMENTS = {
    "yt": ("youtube", "ville_yt", YOUTUBE_LINK, "Vous êtes tous des incapables, franchement."),
    "fb": ("facebook", "ville_fb", None, "Quand ouvre le bureau de Rimouski?"),
}


@pytest.fixture
def ids(team_db, monkeypatch) -> dict[str, int]:
    """The small team, a connected YouTube channel and Facebook page with a comment each,
    chosen through VIGIE_DB; the comments' ids by name."""
    frame = pd.DataFrame(
        {
            "platform": platform,
            "account": account,
            "external_id": name,
            "author_name": "Personne inventée",
            "author_handle": f"personne_{name}",
            "text": text,
            "received_at": RECEIVED,
            "permalink": link,
        }
        for name, (platform, account, link, text) in COMMENTS.items()
    )
    with immediate(team_db):
        insert_comments(team_db, frame)
    register_account(team_db, "ville_yt", "youtube", "Ville (YouTube)", "UC4a9vB2", "sync", "lea")
    register_account(team_db, "ville_fb", "facebook", "Ville (Facebook)", "1001", "sync", "lea")
    monkeypatch.setenv("VIGIE_DB", team_db.conn._path)
    return {r["external_id"]: r["id"] for r in team_db["comments"].rows}


@pytest.fixture
def path(team_db, ids) -> str:
    return team_db.conn._path


@pytest.fixture
def answered(team_db, ids) -> int:
    """The Facebook comment, answered by Ana: its reply waits in the outbox."""
    act(team_db, ids["fb"], "reply", "ana", 1, reply=FIRST_REPLY, at=ANSWERED_AT)
    return ids["fb"]


def queue_on(comment_id: int, username: str = "ana"):
    """The queue with the comment in the detail panel, as a link to it (?comment=) shows it."""
    at = new_app(username, "fr", now=NOW, timeout=60).run()
    at.query_params["comment"] = str(comment_id)
    at.switch_page(QUEUE).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["queue.current"] == comment_id
    return at


def captions(at) -> list[str]:
    return [c.value for c in at.main.caption]


def history_table(at) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if "Quand" in d.value and "Action" in d.value)


def test_a_comment_with_its_address_has_a_link_named_for_its_platform(ids):
    at = queue_on(ids["yt"])
    links = {b.value: b.proto.url for b in at.link_button}
    assert links == {"Voir sur YouTube": YOUTUBE_LINK}
    assert not queue_on(ids["fb"]).link_button, "no address, no link"


def test_on_a_connected_youtube_channel_delete_says_youtube_cannot_before_acting(path, ids):
    at = queue_on(ids["yt"])
    said = captions(at)
    assert any(YOUTUBE_CANNOT_DELETE in c for c in said)
    assert any("Sera appliqué sur YouTube par la synchronisation." in c for c in said)
    assert reading(path, outcomes, ids["yt"]) == [], "nothing asked of YouTube yet"

    at.multiselect(key=f"queue.reasons.{ids['yt']}").set_value(["injurieux"]).run()
    at.button(key=f"queue.do_delete.{ids['yt']}").click().run()
    asked = reading(path, outcomes, ids["yt"])
    assert [(o["operation"], o["state"]) for o in asked] == [("delete", "unsupported")]
    at = queue_on(ids["yt"])
    assert any(
        c.startswith("Suppression — à faire à la main : " + YOUTUBE_CANNOT_DELETE)
        for c in captions(at)
    )


def test_a_record_only_or_unregistered_account_says_nothing_of_a_platform(team_db, ids):
    register_account(team_db, "ville_yt", "youtube", "Ville", "UC4a9vB2", "record-only", "lea")
    said = captions(queue_on(ids["yt"]))
    assert not any("YouTube" in c and ("Sera appliqué" in c or "ne permet pas" in c) for c in said)


def test_the_history_says_when_an_operation_was_applied_and_why_another_failed(
    team_db, ids, answered
):
    act(team_db, ids["yt"], "hide", "bob", 1, reasons=["injurieux"], at=ANSWERED_AT)
    reply = reading(team_db.conn._path, outcomes, answered)[0]
    hide = reading(team_db.conn._path, outcomes, ids["yt"])[0]
    with immediate(team_db):
        # As the sync process writes them: applied at 10 h 42 in Québec; failed, tried
        # again at 10 h 50.
        team_db["outbox"].update(
            reply["id"], {"state": "applied", "applied_at": "2026-12-01 15:42:00", "attempts": 1}
        )
        team_db["outbox"].update(
            hide["id"],
            {"attempts": 2, "problem": "timeout", "next_attempt_at": "2026-12-01 15:50:00"},
        )
    assert "Réponse appliquée sur Facebook à 10 h 42" in captions(queue_on(answered))
    assert (
        "Masquage sur YouTube — échec, nouvel essai à 10 h 50 : "
        "La plateforme n'a pas répondu à temps : nouvel essai plus tard."
    ) in captions(queue_on(ids["yt"]))


def test_a_platforms_own_message_is_shown_as_typed_never_as_markdown(team_db, ids):
    act(team_db, ids["yt"], "hide", "bob", 1, reasons=["injurieux"], at=ANSWERED_AT)
    hide = reading(team_db.conn._path, outcomes, ids["yt"])[0]
    hostile = "[cliquez ici](https://evil.example/) :material/warning:"
    with immediate(team_db):
        team_db["outbox"].update(
            hide["id"], {"state": "attention", "problem": "refused", "problem_detail": hostile}
        )
    line = next(c for c in captions(queue_on(ids["yt"])) if "à regarder" in c)
    assert line.startswith("Masquage sur YouTube — à regarder : La plateforme a refusé : ")
    assert hostile not in line
    assert r"\[cliquez ici\]\(https\://evil.example/\) \:material/warning\:" in line


def test_a_platforms_own_change_names_the_platform_in_the_history(team_db, ids):
    from lib.moderation import record_platform_change

    record_platform_change(team_db, ids["yt"], "hidden", ANSWERED_AT)
    row = history_table(queue_on(ids["yt"])).iloc[-1]
    assert (row["Qui"], row["Action"]) == ("YouTube", "Masqué sur la plateforme")


def test_a_correction_keeps_both_texts_in_the_history(path, answered):
    at = queue_on(answered)
    assert "Corriger" in [tab.label for tab in at.tabs]
    box = at.text_area(key=f"queue.edit_reply.{answered}")
    assert box.value == FIRST_REPLY, "the box starts from the published reply"
    assert any("Sera appliqué sur Facebook par la synchronisation." in c for c in captions(at))
    box.input(CORRECTED_REPLY)
    at = at.button(key=f"queue.do_edit_reply.{answered}").click().run()
    assert not at.error and "Corriger la réponse publiée — fait" in at.success[0].value
    assert [(a["kind"], a["reply"]) for a in reading(path, history, answered)] == [
        ("reply", FIRST_REPLY),
        ("edit_reply", CORRECTED_REPLY),
    ]
    assert at.session_state["queue.current"] == answered, "the detail stays on the comment"
    assert history_table(at)["Réponse"].tolist() == [FIRST_REPLY, CORRECTED_REPLY]
    assert "Correction de la réponse en attente d'envoi à Facebook" in captions(at)


def test_removing_the_published_reply_needs_a_note(path, answered):
    at = queue_on(answered)
    at = at.button(key=f"queue.do_remove_reply.{answered}").click().run()
    assert "Écrivez la note d'abord." in at.error[0].value
    assert [a["kind"] for a in reading(path, history, answered)] == ["reply"]

    at.text_input(key=f"queue.remove_note.{answered}").input("L'horaire a changé.")
    at = at.button(key=f"queue.do_remove_reply.{answered}").click().run()
    removal = reading(path, history, answered)[-1]
    assert (removal["kind"], removal["note"]) == ("remove_reply", "L'horaire a changé.")
    assert at.text_area(key=f"queue.edit_reply.{answered}").value == "", "nothing published now"
