"""Why a comment's flags were raised, in the queue's detail (AppTest, through app.py): a person
in danger first, with Info-Santé 811 / 911 offered before anything else; a threat to escalate;
« Signal erroné » in one click, who reported it, and « Annuler »."""

import pandas as pd
import pytest

from lib.catalogue import STRINGS
from lib.db import immediate
from lib.detect import explain
from lib.flag_reports import reports_of
from lib.ingest import insert_comments
from tests.conftest import new_app, reading

QUEUE = "pages/queue.py"
TZ = "America/Toronto"
RECEIVED = "2026-11-30 14:00:00"  # a Monday, 9 h in Québec
NOW = pd.Timestamp("2026-11-30 11:00", tz=TZ)
THREAT = "Je vais vous tuer, vous allez payer."
DISTRESS = (
    "J'ai avalé toute la boîte de mes pilules il y a une heure, je veux juste dormir pour toujours"
)
# name: (text, flags, suggested reasons, suggested redirect), stored as given whatever the
# detectors read: the distress comment's stored suggestions put a removal and a complaint
# forward, which the panel must not put first.
COMMENTS = {
    "distress": (DISTRESS, "urgent distress", "hors_sujet", "plainte"),
    "threat": (THREAT, "negative urgent", "menace", None),
    "old": ("Merci pour l'information.", "link repeat", None, None),
}


@pytest.fixture
def ids(team_db, monkeypatch) -> dict[str, int]:
    """The small team and one comment of each kind, chosen through VIGIE_DB; ids by name."""
    frame = pd.DataFrame(
        {
            "platform": "facebook",
            "account": "ville_fb",
            "external_id": name,
            "author_name": "Personne inventée",
            "author_handle": f"personne_{name}",
            "text": text,
            "received_at": RECEIVED,
        }
        for name, (text, *_stored) in COMMENTS.items()
    )
    with immediate(team_db):
        insert_comments(team_db, frame)
        for name, (_text, flags, reasons, redirect) in COMMENTS.items():
            team_db.execute(
                "UPDATE comments SET flags = ?, suggested_reasons = ?, suggested_redirect = ? "
                "WHERE external_id = ?",
                [flags, reasons, redirect, name],
            )
    monkeypatch.setenv("VIGIE_DB", team_db.conn._path)
    return {r["external_id"]: r["id"] for r in team_db["comments"].rows}


def queue_on(comment_id: int, username: str = "ana", lang: str = "fr"):
    """The queue with the comment in the detail panel, as a link to it (?comment=) shows it."""
    at = new_app(username, lang, now=NOW, timeout=60).run()
    at.query_params["comment"] = str(comment_id)
    at.switch_page(QUEUE).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["queue.current"] == comment_id
    return at


def explanation(at, flag_words: str) -> str:
    """The explanation's line of one flag, by its words (« Urgent », « Détresse »)."""
    return next(m.value for m in at.markdown if m.value.startswith(f"**{flag_words}** — "))


def expected_because(text: str, flag: str) -> list[str]:
    """What the line must say of each reason the detectors give: the rule's description
    (when the catalogue has it) and the words it matched."""
    parts = []
    for evidence in explain(text):
        if evidence.flag == flag:
            rule = STRINGS.get("detect.rule." + evidence.rule, {}).get("fr")
            parts += [p for p in (rule, evidence.words) if p]
    return parts


def test_a_person_in_danger_comes_first_with_811_and_911_offered_before_any_removal(ids):
    comment_id = ids["distress"]
    at = queue_on(comment_id)
    alert = at.error[0].value
    assert "en danger" in alert and "811 / 911" in alert and "chef d'équipe" in alert
    distress = explanation(at, "Détresse")
    assert all(part in distress for part in expected_because(DISTRESS, "distress"))
    lines = [m.value for m in at.markdown if m.value.startswith("**")]
    assert lines.index(distress) < lines.index(explanation(at, "Urgent"))

    keys = [b.key for b in at.button]
    redirect = f"queue.suggest_redirect.{comment_id}"
    removal = f"queue.suggest_reasons.{comment_id}"
    assert keys.index(redirect) < keys.index(removal), "811 / 911 is offered first"
    offered = at.button(key=redirect)
    assert offered.label == "Rediriger vers Info-Santé 811 / 911"
    assert offered.proto.type == "primary"
    assert at.selectbox(key=f"queue.redirect.{comment_id}").value == "medical"


def test_the_811_redirection_offered_for_a_person_in_danger_sends_the_medical_reply(team_db, ids):
    comment_id = ids["distress"]
    at = queue_on(comment_id)
    at.button(key=f"queue.suggest_redirect.{comment_id}").click().run()
    stored = team_db["comments"].get(comment_id)
    assert stored["status"] == "redirected"
    replied = team_db.execute(
        "SELECT template, reply FROM actions WHERE comment_id = ? AND kind = 'redirect'",
        [comment_id],
    ).fetchone()
    assert replied[0] == "medical" and "811" in replied[1]


def test_a_threat_is_explained_and_said_to_be_escalated(ids):
    at = queue_on(ids["threat"])
    assert not at.error, "no person in danger"
    assert "Menace" in at.warning[0].value and "Escaladez" in at.warning[0].value
    urgent = explanation(at, "Urgent")
    because = expected_because(THREAT, "urgent")
    if because:
        assert all(part in urgent for part in because)
    else:
        assert "version antérieure des détecteurs" in urgent


def test_wrong_flag_records_a_report_in_one_click_shows_who_and_can_be_undone(team_db, ids):
    comment_id = ids["threat"]
    at = queue_on(comment_id)
    at.button(key=f"queue.wrong.negative.{comment_id}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    report = reading(team_db.conn._path, reports_of, comment_id)["negative"]
    assert (report["by"], report["at"]) == ("ana", "2026-11-30 16:00:00")
    said = [c.value for c in at.caption]
    assert "Signalé erroné par Ana, le 2026-11-30 11 h" in said
    assert f"queue.wrong.negative.{comment_id}" not in [b.key for b in at.button]

    at.button(key=f"queue.withdraw.negative.{comment_id}").click().run()
    assert reading(team_db.conn._path, reports_of, comment_id) == {}
    assert f"queue.wrong.negative.{comment_id}" in [b.key for b in at.button]


def test_a_flag_the_detectors_no_longer_find_and_a_repeat_author_say_so_in_words(ids):
    comment_id = ids["old"]
    at = queue_on(comment_id)
    assert "version antérieure des détecteurs" in explanation(at, "Lien")
    assert explanation(at, "Auteur récidiviste").endswith("L'auteur répète le même commentaire.")
    keys = [b.key for b in at.button]
    assert f"queue.wrong.link.{comment_id}" in keys
    assert f"queue.wrong.repeat.{comment_id}" not in keys, "a repeat is a fact, not a guess"


def test_the_explanations_speak_english_too(ids):
    at = queue_on(ids["distress"], lang="en")
    assert "Why these flags?" in [e.label for e in at.expander]
    assert "Someone may be in danger" in at.error[0].value
    assert at.button(key=f"queue.wrong.distress.{ids['distress']}").label == "Wrong flag"
