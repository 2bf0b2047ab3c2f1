"""The checks under a draft in the queue (AppTest): personal information blocks a reply and is
shown where it is, a warning needs a note, a lead may publish over a block with a note, and
the history says what the note overrode."""

import html

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lib.db import immediate
from lib.i18n import t as translate
from lib.ingest import insert_comments
from lib.moderation import history
from tests.conftest import new_app, reading

QUEUE = "pages/queue.py"
RECEIVED = "2026-03-02 14:00:00"  # a Monday, 9:00 in Québec
EMAIL = "julie.tremblay@exemple.ca"
BLOCKED_DRAFT = f"Écrivez-nous, {EMAIL}, nous vous répondrons."
CLEAN_DRAFT = "Écrivez-nous par message privé, nous vous répondrons."
FRENCH_ONLY = "Merci de votre question, nos bureaux sont ouverts de 8 h 30 à 16 h 30."
BILINGUAL = (
    "Merci de votre question, nos bureaux sont ouverts de 8 h 30 à 16 h 30.\n\n"
    "Thank you for your question, our offices are open from 8:30 a.m. to 4:30 p.m."
)
# A full name (a warning) and an e-mail address (a block) in one draft.
NAME_AND_EMAIL = f"Julie Tremblay, écrivez-nous à {EMAIL} pour la suite."
COMMENTS = {
    "julie": ("Julie Tremblay", "Bonjour, comment puis-je obtenir une copie de mon dossier?"),
    "john": ("John Smith", "Hello, where can I find the opening hours of your office?"),
    "marc": ("Marc Pelletier", "Service vraiment décevant, personne ne répond jamais."),
}


@pytest.fixture
def ids(team_db, monkeypatch) -> dict[str, int]:
    """The small team (ana, bob: moderators; lea: lead) and three comments, each on its own
    post, chosen through VIGIE_DB; their ids by name."""
    frame = pd.DataFrame(
        {
            "platform": "facebook",
            "account": "ministere",
            "external_id": name,
            "post_ref": f"post-{name}",
            "author_name": author,
            "author_handle": name,
            "text": text,
            "received_at": RECEIVED,
        }
        for name, (author, text) in COMMENTS.items()
    )
    with immediate(team_db):
        insert_comments(team_db, frame)
    monkeypatch.setenv("VIGIE_DB", team_db.conn._path)
    return {r["external_id"]: r["id"] for r in team_db["comments"].rows}


@pytest.fixture
def path(team_db, ids) -> str:
    return team_db.conn._path


def t(key: str, lang: str = "fr", **values) -> str:
    return translate(key, lang, **values)


def queue(username: str, comment_id: int, lang: str = "fr") -> AppTest:
    """The queue as `username`, the comment in its detail panel (through its link)."""
    at = new_app(username, lang, timeout=60).run()
    at.switch_page(QUEUE)
    at.query_params["comment"] = str(comment_id)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["queue.current"] == comment_id
    return at


def typed(at: AppTest, box: str, text: str) -> AppTest:
    at.text_area(key=box).set_value(text).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def click(at: AppTest, button: str) -> AppTest:
    at.button(key=button).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def marked(at: AppTest) -> list[str]:
    """The findings' HTML shown under the drafts."""
    return [h.value for h in at.html if "<mark>" in h.value]


def notes(at: AppTest) -> list[str]:
    """The keys of the one-line boxes shown (the override notes among them)."""
    return [box.key for box in at.text_input]


def status(path, comment_id: int) -> str:
    return reading(path, lambda db: db["comments"].get(comment_id)["status"])


def history_words(at: AppTest) -> list[str]:
    """The 'Action' column of the comment's history."""
    frame = next(d.value for d in at.dataframe if t("queue.what") in d.value.columns)
    return list(frame[t("queue.what")])


def test_a_reply_with_the_commenters_email_is_refused_and_shows_the_passage(ids, path):
    julie = ids["julie"]
    at = typed(queue("ana", julie), f"queue.reply.{julie}", BLOCKED_DRAFT)
    assert [e.value for e in at.error] == [t("drafts.blocked")]
    [shown] = marked(at)
    assert f"<mark>{EMAIL}</mark>" in shown
    assert "Écrivez-nous, <mark>" in shown, "the passage in its context"
    assert html.escape(t("drafts.finding.personal_information", what="Adresse courriel")) in shown
    assert f"queue.reply_override.{julie}" not in notes(at), "a moderator cannot override"

    click(at, f"queue.do_reply.{julie}")
    assert t("queue.invalid.draft_blocked") in [e.value for e in at.error]
    assert "Réponse non publiée" in at.error[0].value
    assert status(path, julie) == "new"
    assert history(path, julie) == []
    assert at.session_state["queue.current"] == julie
    assert at.text_area(key=f"queue.reply.{julie}").value == BLOCKED_DRAFT, "nothing lost"

    typed(at, f"queue.reply.{julie}", CLEAN_DRAFT)
    assert not at.error and not marked(at)
    click(at, f"queue.do_reply.{julie}")
    assert status(path, julie) == "answered"
    [action] = history(path, julie)
    assert (action["kind"], action["actor"], action["reply"]) == ("reply", "ana", CLEAN_DRAFT)
    assert action["overridden"] is None


def test_the_findings_are_worded_in_english_on_the_english_switch(ids, path):
    julie = ids["julie"]
    at = typed(queue("ana", julie, lang="en"), f"queue.reply.{julie}", BLOCKED_DRAFT)
    assert at.error[0].value.startswith("This reply cannot be published")
    [shown] = marked(at)
    assert "E-mail address: the organisation&#x27;s replies never publish" in shown
    assert "Passage concerned" in shown
    click(at, f"queue.do_reply.{julie}")
    assert "Reply not published: it holds personal information." in at.error[0].value
    assert status(path, julie) == "new"


def test_a_draft_is_escaped_into_the_passage_never_read_as_markup(ids, path):
    julie = ids["julie"]
    hostile = f"<script>alert(1)</script> **{EMAIL}** <img src=x onerror=alert(2)>"
    at = typed(queue("ana", julie), f"queue.reply.{julie}", hostile)
    shown = "".join(marked(at))
    assert "<script>" not in shown and "<img" not in shown
    assert f"&lt;script&gt;alert(1)&lt;/script&gt; **<mark>{EMAIL}</mark>** &lt;img" in shown
    assert all(EMAIL not in m.value for m in at.markdown)


def test_an_english_comment_answered_in_french_only_needs_a_note(ids, path):
    john = ids["john"]
    at = typed(queue("ana", john), f"queue.reply.{john}", FRENCH_ONLY)
    assert at.warning[0].value == t("drafts.warned")
    [shown] = marked(at)
    assert html.escape(t("drafts.finding.language.no_english")) in shown
    note = f"queue.reply_override.{john}"
    assert note in notes(at)
    assert at.text_input(key=note).label == t("drafts.note")

    click(at, f"queue.do_reply.{john}")
    assert t("queue.invalid.draft_needs_note") in [e.value for e in at.error]
    assert status(path, john) == "new"

    at.text_input(key=note).set_value("Le citoyen écrit aussi en français.").run()
    click(at, f"queue.do_reply.{john}")
    assert status(path, john) == "answered"
    [action] = history(path, john)
    assert (action["overridden"], action["note"]) == (
        "language",
        "Le citoyen écrit aussi en français.",
    )
    assert note not in at.session_state, "the note is cleared after the action"

    shown = queue("ana", john)
    assert history_words(shown) == ["Répondre · Publiée malgré : Langue de la réponse"]


def test_a_bilingual_reply_to_an_english_comment_goes_out_without_a_note(ids, path):
    john = ids["john"]
    at = typed(queue("ana", john), f"queue.reply.{john}", BILINGUAL)
    assert not at.warning and not at.error and not marked(at)
    assert f"queue.reply_override.{john}" not in notes(at)
    click(at, f"queue.do_reply.{john}")
    assert status(path, john) == "answered"


def test_a_template_inserted_for_an_english_comment_is_bilingual_and_passes(ids, path):
    john = ids["john"]
    at = queue("ana", john)
    at.selectbox(key=f"queue.reply_template.{john}").set_value("merci").run()
    click(at, f"queue.insert_template.{john}")
    assert "\n" in at.text_area(key=f"queue.reply.{john}").value, "French, then English"
    assert not at.warning and not marked(at)
    click(at, f"queue.do_reply.{john}")
    assert status(path, john) == "answered"


def test_a_moderators_note_does_not_publish_personal_information(ids, path):
    julie = ids["julie"]
    at = typed(queue("ana", julie), f"queue.reply.{julie}", NAME_AND_EMAIL)
    assert [e.value for e in at.error] == [t("drafts.blocked")]
    assert [w.value for w in at.warning] == [t("drafts.warned")]
    note = f"queue.reply_override.{julie}"
    at.text_input(key=note).set_value("Elle a donné son adresse elle-même.").run()
    click(at, f"queue.do_reply.{julie}")
    assert t("queue.invalid.draft_blocked") in [e.value for e in at.error]
    assert status(path, julie) == "new"
    assert history(path, julie) == []


def test_a_lead_publishes_over_personal_information_only_with_a_note(ids, path):
    julie = ids["julie"]
    at = typed(queue("lea", julie), f"queue.reply.{julie}", NAME_AND_EMAIL)
    assert [e.value for e in at.error] == [t("drafts.blocked.lead")]
    note = f"queue.reply_override.{julie}"
    assert note in notes(at)

    click(at, f"queue.do_reply.{julie}")
    assert t("queue.invalid.draft_needs_note") in [e.value for e in at.error]
    assert status(path, julie) == "new"

    at.text_input(key=note).set_value("Mme Tremblay a demandé cette réponse publique.").run()
    click(at, f"queue.do_reply.{julie}")
    assert status(path, julie) == "answered"
    [action] = history(path, julie)
    assert (action["actor"], action["overridden"]) == ("lea", "full_name personal_information")
    assert history_words(queue("lea", julie)) == [
        "Répondre · Publiée malgré : Nom complet, Renseignement personnel"
    ]


def test_a_moderators_escalation_warns_and_the_approving_lead_answers_for_it(ids, path):
    marc = ids["marc"]
    draft = "Marc Pelletier, nous sommes désolés de ce délai; écrivez-nous en privé."
    at = typed(queue("ana", marc), f"queue.reply.{marc}", draft)
    assert f"queue.do_reply.{marc}" not in [b.key for b in at.button], "needs approval"
    assert at.warning[0].value == t("drafts.warned") + " " + t("drafts.warned.escalate")
    click(at, f"queue.do_escalate.{marc}")
    assert status(path, marc) == "awaiting_approval", "an escalation needs no note"

    lead = queue("lea", marc)
    proposal = history(path, marc)[-1]["version"]
    assert lead.text_area(key=f"queue.approve.{marc}.{proposal}").value == draft
    assert t("drafts.warned") in [w.value for w in lead.warning]
    assert "<mark>Marc Pelletier</mark>" in marked(lead)[0]
    click(lead, f"queue.do_approve.{marc}")
    assert t("queue.invalid.draft_needs_note") in [e.value for e in lead.error]
    assert status(path, marc) == "awaiting_approval"

    lead.text_input(key=f"queue.approve_override.{marc}").set_value("Il signe de son nom.").run()
    click(lead, f"queue.do_approve.{marc}")
    assert status(path, marc) == "answered"
    approval = history(path, marc)[-1]
    assert (approval["kind"], approval["overridden"], approval["note"]) == (
        "approve",
        "full_name",
        "Il signe de son nom.",
    )


def test_a_leads_own_reply_to_a_negative_comment_is_marked_self_approved(ids, path):
    marc = ids["marc"]
    at = typed(queue("lea", marc), f"queue.reply.{marc}", "Nous sommes désolés de ce délai.")
    click(at, f"queue.do_reply.{marc}")
    assert status(path, marc) == "answered"
    assert history(path, marc)[-1]["self_approved"] == 1
    assert history_words(queue("lea", marc)) == [
        "Répondre · Approuvée par son auteur, chef d'équipe"
    ]


def test_a_redirection_is_checked_too(ids, path):
    julie = ids["julie"]
    at = queue("ana", julie)
    at.session_state[f"queue.redirect.{julie}"] = "dossier"
    at.run()
    box = f"queue.redirect_text.{julie}"
    assert not marked(at), "the template as the organisation wrote it passes"
    typed(at, box, at.text_area(key=box).value + f"\n\nÉcrivez à {EMAIL}.")
    assert [e.value for e in at.error] == [t("drafts.blocked")]
    click(at, f"queue.do_redirect.{julie}")
    assert t("queue.invalid.draft_blocked") in [e.value for e in at.error]
    assert status(path, julie) == "new"
