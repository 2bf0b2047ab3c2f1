"""act() and what the organisation publishes: the draft checks, self-approval, and a reason
recorded by every path that hides or deletes a comment."""

import pytest

from lib.db import open_db
from lib.moderation import InvalidAction, act, act_many, history
from lib.queries import removals
from lib.settings import save_settings
from lib.taxonomy import REMOVED_STATUSES
from tests.conftest import TEAM

RECEIVED = "2026-03-02 14:00:00"
PHONE_REPLY = "Merci Julie, nous vous rappellerons au 418 555-0142 demain."
BILINGUAL = (
    "Merci de votre question. Vous trouverez l'information sur notre site Web.\n\n"
    "Thank you for your question. The information is on our website."
)
FRENCH = "Merci de votre question. Vous trouverez l'information sur notre site Web."


def add_comment(db, id, flags="", language="fr", author="Julie Tremblay", post="post-1"):
    db["comments"].insert(
        {
            "id": id,
            "platform": "facebook",
            "account": "ministere",
            "external_id": f"ext-{id}",
            "post_ref": post,
            "author_name": author,
            "author_handle": f"@{id}",
            "text": f"comment {id}",
            "language": language,
            "received_at": RECEIVED,
            "flags": flags,
            "status": "new",
        }
    )


@pytest.fixture
def db(team_db):
    team_db["users"].insert({"username": "max", "display_name": "Max", "role": "lead"})
    add_comment(team_db, 1)
    add_comment(team_db, 2, flags="negative")
    add_comment(team_db, 3, language="en", author="John Smith")
    return team_db


def refused(code, db, comment_id, *args, **kwargs) -> InvalidAction:
    before, count = db["comments"].get(comment_id), db["actions"].count
    with pytest.raises(InvalidAction) as raised:
        act(db, comment_id, *args, **kwargs)
    assert raised.value.code == code
    assert db["comments"].get(comment_id) == before and db["actions"].count == count
    return raised.value


def last(db, comment_id):
    return history(db, comment_id)[-1]


# --- blocks and warnings -------------------------------------------------------------------


def test_act_refuses_a_reply_with_a_citizens_phone_number_even_called_directly(db):
    error = refused("draft_blocked", db, 1, "reply", "ana", 1, reply=PHONE_REPLY)
    ((finding),) = error.findings
    assert (finding.check, PHONE_REPLY[finding.start : finding.end]) == (
        "personal_information",
        "418 555-0142",
    )
    # A moderator's note does not lift a block.
    refused("draft_blocked", db, 1, "reply", "ana", 1, reply=PHONE_REPLY, note="Il l'a demandé")


def test_a_lead_publishes_over_a_block_only_with_a_note_and_the_history_says_so(db):
    refused("draft_needs_note", db, 1, "reply", "lea", 1, reply=PHONE_REPLY)
    act(db, 1, "reply", "lea", 1, reply=PHONE_REPLY, note="Numéro du bureau régional, public.")
    action = last(db, 1)
    assert (action["overridden"], action["note"]) == (
        "personal_information",
        "Numéro du bureau régional, public.",
    )
    assert db["comments"].get(1)["status"] == "answered"


def test_every_publishing_path_is_checked(db):
    refused("draft_blocked", db, 1, "redirect", "ana", 1, template="dossier", reply=PHONE_REPLY)
    refused("draft_blocked", db, 2, "escalate", "ana", 1, reply=PHONE_REPLY)
    act(db, 2, "escalate", "ana", 1, reply="Nous comprenons votre frustration.")
    # The lead's edit of the proposal is what would be published: it is checked too.
    refused("draft_needs_note", db, 2, "approve", "lea", 2, reply=PHONE_REPLY, proposal=2)
    act(db, 2, "approve", "lea", 2)
    assert db["comments"].get(2)["status"] == "answered"


def test_a_warning_needs_a_note_that_goes_into_the_history(db):
    error = refused("draft_needs_note", db, 3, "reply", "ana", 1, reply=FRENCH)
    assert [(f.check, f.detail) for f in error.findings] == [("language", "no_english")]
    act(db, 3, "reply", "ana", 1, reply=FRENCH, note="La personne écrit aussi en français.")
    action = last(db, 3)
    assert (action["overridden"], action["note"]) == (
        "language",
        "La personne écrit aussi en français.",
    )


def test_a_draft_that_passes_the_checks_needs_no_note_and_records_no_override(db):
    act(db, 3, "reply", "ana", 1, reply=BILINGUAL)
    assert (last(db, 3)["overridden"], last(db, 3)["note"]) == (None, None)


def test_a_full_name_from_another_commenter_of_the_post_warns(db):
    add_comment(db, 4, author="Karim Benali")
    draft = "Merci Karim Benali pour la précision apportée à Julie."
    error = refused("draft_needs_note", db, 1, "reply", "ana", 1, reply=draft)
    assert [(f.check, f.detail) for f in error.findings] == [("full_name", "Karim Benali")]


def test_a_link_warns_until_the_lead_allows_its_site(db):
    draft = "Tous les détails sont sur https://www.exemple.com/programme."
    refused("draft_needs_note", db, 1, "reply", "ana", 1, reply=draft)
    save_settings(db, "lea", allowed_domains="quebec.ca\ngouv.qc.ca\nexemple.com")
    act(db, 1, "reply", "ana", 1, reply=draft)


def test_an_escalation_carries_its_warnings_to_the_lead_who_answers_for_them(db):
    add_comment(db, 5, flags="negative", language="en", author="John Smith")
    act(db, 5, "escalate", "ana", 1, reply=FRENCH)
    assert last(db, 5)["overridden"] is None
    refused("draft_needs_note", db, 5, "approve", "lea", 2)
    act(db, 5, "approve", "lea", 2, note="Réponse courte voulue, en français.")
    assert last(db, 5)["overridden"] == "language"


# --- a lead's own reply to a comment that needs approval -----------------------------------


def test_a_leads_direct_reply_to_a_negative_comment_is_recorded_as_self_approved(db):
    act(db, 2, "reply", "lea", 1, reply="Nous comprenons votre frustration.")
    assert last(db, 2)["self_approved"] == 1
    act(db, 1, "reply", "lea", 1, reply="Merci de votre commentaire.")
    assert last(db, 1)["self_approved"] is None


def test_a_lead_approving_their_own_escalation_is_self_approved_another_leads_is_not(db):
    add_comment(db, 6, flags="negative")
    act(db, 2, "escalate", "lea", 1, reply="Nous comprenons votre frustration.")
    act(db, 2, "approve", "lea", 2)
    assert last(db, 2)["self_approved"] == 1
    act(db, 6, "escalate", "ana", 1, reply="Nous comprenons votre frustration.")
    act(db, 6, "approve", "lea", 2)
    assert last(db, 6)["self_approved"] is None


def test_where_the_policy_wants_another_leads_assent_a_lead_cannot_approve_their_own(db):
    save_settings(db, "lea", lead_self_approval=False)
    refused("needs_approval", db, 2, "reply", "lea", 1, reply="Nous comprenons.")
    act(db, 2, "escalate", "lea", 1, reply="Nous comprenons.")
    refused("self_approval", db, 2, "approve", "lea", 2)
    act(db, 2, "approve", "max", 2)
    assert (db["comments"].get(2)["status"], last(db, 2)["self_approved"]) == ("answered", None)


# --- every path that hides or deletes a comment records a reason ----------------------------


def test_every_path_that_hides_or_deletes_a_comment_records_at_least_one_reason(tmp_path):
    """Single, bulk, private redirection (direct, escalated and approved, by a lead) and a
    lead's removal: every comment out of public view has the reason of what put it there."""
    with open_db(tmp_path / "vigie.db") as db:
        db["users"].insert_all(TEAM)
        for i in range(1, 12):
            add_comment(db, i, flags="negative" if i in (6, 7) else "")
        act(db, 1, "hide", "ana", 1, reasons=["injurieux"])
        act(db, 2, "delete", "ana", 1, reasons=["pourriel"])
        act_many(db, [(3, 1), (4, 1)], "hide", "bob", reasons=("pourriel",))
        act_many(db, [(5, 1)], "delete", "bob", reasons=("commercial",))
        act(db, 6, "escalate", "ana", 1, reply="Écrivez-nous en privé.", template="prive")
        act(db, 6, "approve", "lea", 2)
        act(db, 7, "redirect", "lea", 1, reply="Écrivez-nous en privé.", template="prive")
        act(db, 8, "redirect", "ana", 1, reply="Écrivez-nous en privé.", template="prive")
        act(db, 9, "redirect", "ana", 1, template="prive", reasons=["haineux"])
        act(db, 10, "hide", "lea", 1, reasons=["menace"])
        act(db, 11, "reply", "ana", 1, reply="Merci de votre commentaire.")
        removed = {row["id"] for row in db["comments"].rows if row["status"] in REMOVED_STATUSES}
        assert removed == set(range(1, 11))
        for comment_id in removed:
            assert last(db, comment_id)["reasons"], comment_id
        counted = removals(db)
        assert set(counted["comment_id"]) == removed
        assert set(counted.loc[counted["comment_id"].isin([6, 7, 8]), "reason_code"]) == {
            "renseignements_personnels"
        }


def test_the_demo_keeps_the_rule_every_removal_records_a_reason(demo_db_path):
    with open_db(demo_db_path) as db:
        removed = db.execute(
            "SELECT count(*) FROM comments WHERE status IN ('hidden', 'deleted')"
        ).fetchone()[0]
        without = db.execute(
            "SELECT count(*) FROM comments c WHERE c.status IN ('hidden', 'deleted') AND "
            "(SELECT reasons FROM actions a WHERE a.comment_id = c.id "
            " ORDER BY version DESC LIMIT 1) IS NULL"
        ).fetchone()[0]
    assert removed > 0 and without == 0
