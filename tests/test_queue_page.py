"""The queue page through the real navigation: filter, select, hide, reply, escalate and approve,
and a conflict with a colleague that loses nothing."""

import contextlib
import sqlite3
import time
import unicodedata

import pytest
from streamlit.testing.v1 import AppTest

from lib.db import using
from lib.importers import import_file
from lib.moderation import act, current_proposal, history
from lib.platforms import PLATFORM_NAMES
from lib.queries import SEARCH_MAX_CHARS
from lib.settings import exclude_author
from lib.taxonomy import NOTE_MAX_CHARS, REPLY_MAX_CHARS, split_codes
from tests.conftest import open_app, reading

MODERATOR = "agirard"  # Amélie Girard
OTHER_MODERATOR = "kbenali"  # Karim Benali
LEAD = "mlachance"  # Maude Lachance
SECOND_LEAD = "fbeaulieu"  # Frédéric Beaulieu
QUEUE = "pages/queue.py"


def queue_page(username: str, lang: str = "fr") -> AppTest:
    return open_app(QUEUE, username, lang, timeout=60)


def shown_ids(at: AppTest) -> list[int]:
    return [int(i) for i in at.dataframe[0].value["#"]]


def comment(path, comment_id: int) -> dict:
    return reading(
        path, lambda db: next(db.query("select * from comments where id = ?", [comment_id]))
    )


def write(path, sql: str, params) -> None:
    """A change behind the page's back, as a colleague's session or a script would make it."""
    with using(path) as db:
        db.execute(sql, params)
        db.conn.commit()


def first_shown(at: AppTest, path, negative: bool, status: str = "new") -> int:
    """The first French comment of the page with (or without) the negative flag and this
    status (the replies these tests write are in French, which an English comment's is not)."""
    for comment_id in shown_ids(at):
        row = comment(path, comment_id)
        flags = split_codes(row["flags"])
        if (
            row["status"] == status
            and ("negative" in flags) == negative
            and row["language"] == "fr"
        ):
            return comment_id
    pytest.fail("no such comment on the first page of the demo")


def select(at: AppTest, comment_id: int) -> AppTest:
    """Tick the comment's row in the table, as a click does: it is the one shown."""
    return tick(at, [shown_ids(at).index(comment_id)], comment_id)


def tick(at: AppTest, positions: list[int], shown: int) -> AppTest:
    """The table's selection as the browser sends it after a click on rows."""
    key = f"queue.table.{at.session_state['queue.table_generation']}"
    at.session_state[key] = {"selection": {"rows": positions, "columns": [], "cells": []}}
    at.run()
    assert at.session_state["queue.current"] == shown
    return at


def test_the_queue_shows_one_page_with_state_in_colour_and_words(demo_db_path):
    at = queue_page(MODERATOR)
    table = at.dataframe[0].value
    assert 0 < len(table) <= 50
    states = set(table["État"])
    assert states <= {"✖ En retard", "▲ À risque", "● Dans les délais"}
    assert at.caption[0].value.startswith("Page 1 sur ")


def test_filtering_by_platform_and_state_narrows_the_table(demo_db_path):
    at = queue_page(MODERATOR)
    platforms = [comment(demo_db_path, i)["platform"] for i in shown_ids(at)]
    rarest = min(set(platforms), key=platforms.count)
    at.multiselect(key="queue.f.platforms").set_value([rarest]).run()
    assert set(at.dataframe[0].value["Plateforme"]) == {PLATFORM_NAMES[rarest]}
    at.multiselect(key="queue.f.states").set_value(["open_breached"]).run()
    assert set(at.dataframe[0].value["État"]) <= {"✖ En retard"}


def test_searching_without_accents_finds_accented_words(demo_db_path):
    texts = reading(
        demo_db_path,
        lambda db: [r[0] for r in db.execute("select text from comments where status = 'new'")],
    )
    word = next(w for text in texts for w in text.lower().split() if w.isalpha() and "é" in w)
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    at = queue_page(MODERATOR)
    at.text_input(key="queue.f.search").set_value(plain).run()
    found = at.dataframe[0].value["Commentaire"]
    assert len(found) > 0
    assert all(word in text.lower() for text in found)


def test_selecting_rows_in_the_table_shows_the_last_one_and_offers_bulk_actions(demo_db_path):
    at = queue_page(MODERATOR)
    ids = shown_ids(at)
    at.session_state["queue.table.0"] = {"selection": {"rows": [1, 2], "columns": [], "cells": []}}
    at.run()
    assert at.session_state["queue.current"] == ids[2]
    assert any(m.value == "2 commentaires sélectionnés" for m in at.markdown)
    assert at.button(key="queue.bulk.hide_spam")


def test_bulk_no_reply_needed_reports_what_was_done(demo_db_path):
    at = queue_page(MODERATOR)
    ids = shown_ids(at)
    at.session_state["queue.table.0"] = {"selection": {"rows": [0, 1], "columns": [], "cells": []}}
    at.run()
    at.button(key="queue.bulk.no_reply").click().run()
    assert "Fait : 2" in at.success[0].value
    assert {comment(demo_db_path, i)["status"] for i in ids[:2]} == {"no_reply_needed"}


def test_hiding_needs_a_reason_and_records_the_chosen_ones(demo_db_path):
    at = queue_page(MODERATOR)
    target = first_shown(at, demo_db_path, negative=False)
    select(at, target)
    assert "desaccord" not in at.multiselect(key=f"queue.reasons.{target}").options
    at.button(key=f"queue.do_hide.{target}").click().run()
    assert "au moins un motif" in at.error[0].value
    assert comment(demo_db_path, target)["status"] == "new"

    at.multiselect(key=f"queue.reasons.{target}").set_value(["pourriel", "commercial"]).run()
    at.button(key=f"queue.do_hide.{target}").click().run()
    assert comment(demo_db_path, target)["status"] == "hidden"
    assert history(demo_db_path, target)[-1]["reasons"] == "pourriel commercial"
    assert at.session_state["queue.current"] != target, "the next comment is shown"
    assert target not in shown_ids(at)


def test_replying_with_a_template_answers_the_comment(demo_db_path):
    at = queue_page(MODERATOR)
    target = first_shown(at, demo_db_path, negative=False)
    select(at, target)
    at.selectbox(key=f"queue.reply_template.{target}").set_value("merci").run()
    at.button(key=f"queue.insert_template.{target}").click().run()
    typed = at.text_area(key=f"queue.reply.{target}").value
    assert typed.startswith("Merci de votre commentaire!")
    at.button(key=f"queue.do_reply.{target}").click().run()
    assert comment(demo_db_path, target)["status"] == "answered"
    assert history(demo_db_path, target)[-1]["reply"] == typed.strip()


def test_a_negative_comment_is_escalated_then_approved_by_a_lead(demo_db_path):
    at = queue_page(MODERATOR)
    target = first_shown(at, demo_db_path, negative=True)
    select(at, target)
    assert not _has(at, f"queue.do_reply.{target}"), "a moderator's reply needs approval"
    at.text_area(key=f"queue.reply.{target}").set_value("Merci, nous transmettons.").run()
    at.button(key=f"queue.do_escalate.{target}").click().run()
    assert comment(demo_db_path, target)["status"] == "awaiting_approval"

    lead = queue_page(LEAD)
    table = lead.dataframe[0].value
    awaiting = table[table["Statut"] == "En attente d'approbation"]
    assert target in list(awaiting["#"])
    assert "Réponse proposée" in table.columns
    select(lead, target)
    assert approval_box(lead, demo_db_path, target).value == "Merci, nous transmettons."
    lead.button(key=f"queue.do_approve.{target}").click().run()
    row = comment(demo_db_path, target)
    assert row["status"] == "answered"
    assert row["first_handled_by"] == LEAD
    assert history(demo_db_path, target)[-1]["reply"] == "Merci, nous transmettons."


def approval_box(at: AppTest, path, comment_id: int):
    """The lead's approval box, keyed by the version of the proposal it holds."""
    proposal = current_proposal(path, comment_id)
    return at.text_area(key=f"queue.approve.{comment_id}.{proposal['version']}")


def test_a_proposal_rejected_and_revised_while_a_lead_reads_it_is_replaced_in_the_box(
    demo_db_path,
):
    target, version = reading(
        demo_db_path,
        lambda db: db.execute(
            "select id, version from comments where status = 'new' and flags like '%negative%' "
            "and flags not like '%urgent%' and language = 'fr' order by due_at limit 1"
        ).fetchone(),
    )
    act(demo_db_path, target, "escalate", MODERATOR, version, reply="Première version.")
    lead = select(queue_page(LEAD), target)
    box = lead.text_area(key=f"queue.approve.{target}.{version + 1}")
    assert box.value == "Première version."
    box.set_value("Première version, retouchée par la cheffe.").run()

    # Meanwhile, from other sessions: a colleague rejects, the moderator revises.
    act(demo_db_path, target, "reject", SECOND_LEAD, version + 1, note="Trop sec.")
    act(demo_db_path, target, "escalate", MODERATOR, version + 2, reply="Version révisée.")
    lead.run()
    assert not lead.exception, [e.value for e in lead.exception]
    assert lead.text_area(key=f"queue.approve.{target}.{version + 3}").value == "Version révisée."
    assert "révisée pendant votre lecture" in lead.warning[0].value
    assert [c.value for c in lead.code] == ["Première version, retouchée par la cheffe."]

    lead.button(key=f"queue.do_approve.{target}").click().run()
    assert not lead.exception and not lead.error
    assert comment(demo_db_path, target)["status"] == "answered"
    assert history(demo_db_path, target)[-1]["reply"] == "Version révisée."


def _has(at: AppTest, key: str) -> bool:
    return any(b.key == key for b in at.button)


def test_a_moderator_is_not_offered_approval(demo_db_path):
    at = queue_page(MODERATOR)
    assert not any(b.key and b.key.startswith("queue.do_approve") for b in at.button)


def test_a_colleague_acting_first_is_reported_and_the_typed_reply_is_kept(demo_db_path):
    at = queue_page(MODERATOR)
    target = first_shown(at, demo_db_path, negative=False)
    select(at, target)
    at.text_area(key=f"queue.reply.{target}").set_value("Bonjour, voici la réponse.").run()

    version = comment(demo_db_path, target)["version"]
    act(demo_db_path, target, "assign", OTHER_MODERATOR, version, assignee=OTHER_MODERATOR)

    at.button(key=f"queue.do_reply.{target}").click().run()
    assert not at.exception
    warning = at.warning[0].value
    assert "Karim Benali : Assigner" in warning
    assert "votre texte est conservé" in warning
    assert at.text_area(key=f"queue.reply.{target}").value == "Bonjour, voici la réponse."
    assert at.session_state["queue.current"] == target
    assert comment(demo_db_path, target)["status"] == "assigned"

    # The refreshed comment carries the new version: replying again now works.
    at.button(key=f"queue.do_reply.{target}").click().run()
    assert comment(demo_db_path, target)["status"] == "answered"


def test_a_colleague_closing_the_comment_leaves_the_typed_reply_ready_to_copy(demo_db_path):
    at = queue_page(MODERATOR)
    target = first_shown(at, demo_db_path, negative=False)
    select(at, target)
    typed = "Bonjour, voici la réponse complète à votre question."
    at.text_area(key=f"queue.reply.{target}").set_value(typed).run()

    version = comment(demo_db_path, target)["version"]
    act(demo_db_path, target, "hide", OTHER_MODERATOR, version, reasons=["pourriel"])

    at.button(key=f"queue.do_reply.{target}").click().run()
    assert not at.exception
    assert "Karim Benali : Masquer" in at.warning[0].value
    assert "Masqué" in at.info[0].value
    assert [c.value for c in at.code] == [typed]
    at.run()  # a rerun later: still there
    assert [c.value for c in at.code] == [typed]
    assert comment(demo_db_path, target)["status"] == "hidden"


def test_the_page_speaks_english_too(demo_db_path):
    at = queue_page(MODERATOR, lang="en")
    assert at.title[0].value == "Queue"
    assert set(at.dataframe[0].value["State"]) <= {"✖ Overdue", "▲ At risk", "● On time"}


def test_a_suggestion_is_applied_only_when_the_moderator_confirms_it_in_one_click(demo_db_path):
    at = queue_page(MODERATOR)
    target = first_shown(at, demo_db_path, negative=False)
    write(
        demo_db_path,
        "UPDATE comments SET suggested_reasons = 'pourriel commercial' WHERE id = ?",
        [target],
    )
    select(at.run(), target)
    button = at.button(key=f"queue.suggest_reasons.{target}")
    assert button.label == "Masquer pour : Pourriel, Contenu promotionnel ou commercial"
    assert comment(demo_db_path, target)["status"] == "new"  # shown, not applied
    button.click().run()
    assert comment(demo_db_path, target)["status"] == "hidden"
    assert history(demo_db_path, target)[-1]["reasons"] == "pourriel commercial"


def test_a_lead_rejects_with_a_note_and_the_comment_returns_to_the_queue(demo_db_path):
    target, version = reading(
        demo_db_path,
        lambda db: db.execute(
            "select id, version from comments where status = 'new' order by due_at limit 1"
        ).fetchone(),
    )
    act(demo_db_path, target, "escalate", MODERATOR, version, reply="Proposition.")
    lead = queue_page(LEAD)
    select(lead, target)
    lead.button(key=f"queue.do_reject.{target}").click().run()
    assert "Écrivez la note" in lead.error[0].value
    lead.text_input(key=f"queue.reject_note.{target}").set_value("Ton trop sec.").run()
    lead.button(key=f"queue.do_reject.{target}").click().run()
    assert comment(demo_db_path, target)["status"] in ("new", "assigned")
    assert history(demo_db_path, target)[-1]["note"] == "Ton trop sec."


def test_a_selection_is_cleared_when_other_comments_take_its_rows(demo_db_path):
    at = queue_page(MODERATOR)
    first = shown_ids(at)[0]
    at.session_state["queue.table.0"] = {"selection": {"rows": [0, 1], "columns": [], "cells": []}}
    at.run()
    assert at.button(key="queue.bulk.no_reply")

    version = comment(demo_db_path, first)["version"]
    act(demo_db_path, first, "hide", OTHER_MODERATOR, version, reasons=["pourriel"])
    at.run()
    assert "sélection" in at.info[0].value
    assert not any(b.key == "queue.bulk.no_reply" for b in at.button)
    assert first not in shown_ids(at)


def test_a_link_with_a_comment_id_opens_that_comment_even_off_the_first_page(demo_db_path):
    handled = reading(
        demo_db_path,
        lambda db: db.execute(
            "select id from comments where status = 'answered' order by id desc limit 1"
        ).fetchone()[0],
    )
    at = queue_page(LEAD)
    at.query_params["comment"] = str(handled)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["queue.current"] == handled
    assert handled not in shown_ids(at)
    assert "comment" not in at.query_params
    # Choosing another comment afterwards wins over the old link.
    other = shown_ids(at)[0]
    select(at, other)
    at.run()
    assert at.session_state["queue.current"] == other


def show_with_its_author_excluded(path, until: str, reason: str) -> AppTest:
    """The queue, its first comment shown, after a lead excluded that comment's author."""
    at = queue_page(MODERATOR)
    target = shown_ids(at)[0]
    row = comment(path, target)
    reading(path, exclude_author, LEAD, row["platform"], row["author_handle"], until, reason)
    return select(at, target)


def test_an_excluded_author_is_shown_with_the_last_day_and_the_reason_as_typed(demo_db_path):
    at = show_with_its_author_excluded(demo_db_path, "2099-12-31", "**menaces**")
    banner = at.error[0].value
    assert "jusqu'au jeudi 31 décembre 2099 inclus" in banner
    assert "Motif : **menaces**" in [x.value for x in at.text]


def test_an_expired_exclusion_is_not_shown(demo_db_path):
    at = show_with_its_author_excluded(demo_db_path, "2020-01-31", "ancien")
    assert not at.error


def test_the_comment_text_is_shown_as_plain_text(demo_db_path):
    at = queue_page(MODERATOR)
    target = shown_ids(at)[0]
    hostile = "# Titre\n**gras** <img src=x onerror=alert(1)> [lien](javascript:alert(1))"
    write(demo_db_path, "UPDATE comments SET text = ? WHERE id = ?", [hostile, target])
    select(at, target)
    assert hostile in [x.value for x in at.text]
    assert all(hostile not in m.value for m in at.markdown)


def test_a_moderator_may_submit_any_reply_for_approval(demo_db_path):
    at = queue_page(MODERATOR)
    target = first_shown(at, demo_db_path, negative=False)
    select(at, target)
    at.text_area(key=f"queue.reply.{target}").set_value("Réponse à faire valider.").run()
    at.button(key=f"queue.do_escalate.{target}").click().run()
    row = comment(demo_db_path, target)
    assert (row["status"], row["proposed_reply"]) == (
        "awaiting_approval",
        "Réponse à faire valider.",
    )


def test_bulk_assign_gives_the_selected_comments_to_the_chosen_colleague(demo_db_path):
    at = queue_page(MODERATOR)
    ids = shown_ids(at)
    at.session_state["queue.table.0"] = {"selection": {"rows": [0, 2], "columns": [], "cells": []}}
    at.run()
    assert at.selectbox(key="queue.bulk.assignee").value == MODERATOR  # oneself by default
    at.selectbox(key="queue.bulk.assignee").set_value(OTHER_MODERATOR).run()
    at.button(key="queue.bulk.assign").click().run()
    assert {comment(demo_db_path, i)["assignee"] for i in (ids[0], ids[2])} == {OTHER_MODERATOR}


@pytest.fixture
def short_busy_timeout(monkeypatch):
    """Another writer makes the page wait 0.2 s, not 30, before it gives up."""
    monkeypatch.setattr("lib.db.BUSY_TIMEOUT_SECONDS", 0.2)


@contextlib.contextmanager
def someone_else_writing(path):
    """Another connection holds the write lock, as a long import would."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_locked_database_says_so_and_keeps_the_typed_reply(demo_db_path, short_busy_timeout):
    at = queue_page(MODERATOR)
    target = first_shown(at, demo_db_path, negative=False)
    select(at, target)
    typed = "Bonjour, voici la réponse que j'ai pris le temps d'écrire."
    at.text_area(key=f"queue.reply.{target}").set_value(typed).run()
    with someone_else_writing(demo_db_path):
        at.button(key=f"queue.do_reply.{target}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    [error] = at.error
    assert error.value.startswith("La base de données est occupée par une autre écriture")
    assert error.value.endswith("Votre texte est conservé.")
    assert at.text_area(key=f"queue.reply.{target}").value == typed
    assert at.session_state["queue.current"] == target
    assert comment(demo_db_path, target)["status"] == "new"

    at.button(key=f"queue.do_reply.{target}").click().run()  # the writer is done: it works
    assert comment(demo_db_path, target)["status"] == "answered"
    assert history(demo_db_path, target)[-1]["reply"] == typed


def test_a_locked_database_during_a_bulk_action_keeps_the_selection(
    demo_db_path, short_busy_timeout
):
    at = queue_page(MODERATOR)
    ids = shown_ids(at)
    before = [comment(demo_db_path, i)["status"] for i in ids[:2]]
    at.session_state["queue.table.0"] = {"selection": {"rows": [0, 1], "columns": [], "cells": []}}
    at.run()
    with someone_else_writing(demo_db_path):
        at.button(key="queue.bulk.no_reply").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.error[0].value.startswith(
        "2 commentaires non traités. La base de données est occupée"
    )
    assert [comment(demo_db_path, i)["status"] for i in ids[:2]] == before
    assert at.button(key="queue.bulk.no_reply"), "the selection stays, ready to try again"
    at.button(key="queue.bulk.no_reply").click().run()
    assert {comment(demo_db_path, i)["status"] for i in ids[:2]} == {"no_reply_needed"}


def test_any_other_database_error_is_a_message_and_the_typed_note_is_kept(demo_db_path):
    at = queue_page(MODERATOR)
    target = first_shown(at, demo_db_path, negative=False)
    select(at, target)
    at.text_area(key=f"queue.note.{target}").set_value("Auteur déjà signalé hier.").run()
    version = comment(demo_db_path, target)["version"]
    write(
        demo_db_path,
        "CREATE TRIGGER refuse_everything BEFORE INSERT ON actions "
        "BEGIN SELECT RAISE(ABORT, 'refused'); END",
        [],
    )
    at.button(key=f"queue.do_note.{target}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    [error] = at.error
    assert error.value.startswith("La base de données a refusé l'écriture (SQLITE_CONSTRAINT")
    assert at.text_area(key=f"queue.note.{target}").value == "Auteur déjà signalé hier."
    assert comment(demo_db_path, target)["version"] == version, "the whole action rolled back"


@pytest.mark.parametrize(
    "value",
    ["١٢", "１２", "²", "99999999999999999999", "9223372036854775808", "-1", "12abc", " 12", ""],
)
def test_a_link_with_what_is_not_a_comment_id_is_ignored(demo_db_path, value):
    at = queue_page(MODERATOR)
    first = shown_ids(at)[0]
    at.query_params["comment"] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert "comment" not in at.query_params
    assert at.session_state["queue.current"] == first
    assert shown_ids(at)[0] == first


def test_a_link_with_the_largest_sqlite_integer_is_looked_up_and_ignored(demo_db_path):
    at = queue_page(MODERATOR)
    at.query_params["comment"] = str(2**63 - 1)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["queue.current"] == shown_ids(at)[0]


def searched_ids(at: AppTest, text: str) -> list[int]:
    at.text_input(key="queue.f.search").set_value(text).run()
    assert not at.exception, [e.value for e in at.exception]
    return shown_ids(at) if at.dataframe else []


def test_a_search_with_a_nul_character_draws_the_results_of_the_words_around_it(demo_db_path):
    at = queue_page(MODERATOR)
    assert at.text_input(key="queue.f.search").max_chars == SEARCH_MAX_CHARS
    expected = searched_ids(at, "merci")
    assert expected
    assert searched_ids(at, "merci\x00") == expected
    assert searched_ids(at, "\x00merci\x00\x1b") == expected


def test_a_20000_word_search_is_cut_to_its_first_words_and_draws_quickly(demo_db_path):
    at = queue_page(MODERATOR)
    expected = searched_ids(at, "merci")
    started = time.perf_counter()
    assert searched_ids(at, "merci " * 20_000) == expected
    assert time.perf_counter() - started < 3, "a run with the search cut to its first words"


def test_every_text_box_of_the_queue_has_a_length_limit(demo_db_path):
    target, version = reading(
        demo_db_path,
        lambda db: db.execute(
            "select id, version from comments where status = 'new' order by due_at limit 1"
        ).fetchone(),
    )
    act(demo_db_path, target, "escalate", MODERATOR, version, reply="Proposition.")
    moderator = queue_page(MODERATOR)
    select(moderator, first_shown(moderator, demo_db_path, negative=False))
    for at in (moderator, select(queue_page(LEAD), target)):
        boxes = [*at.text_area, *at.text_input]
        assert len(boxes) >= 4  # search, then reply, redirection and note, or approval
        assert all(box.max_chars for box in boxes), [b.key for b in boxes if not b.max_chars]
    assert approval_box(at, demo_db_path, target).max_chars == REPLY_MAX_CHARS
    assert at.text_input(key=f"queue.reject_note.{target}").max_chars == NOTE_MAX_CHARS


def test_an_emptied_approval_box_publishes_nothing(demo_db_path):
    target, version = reading(
        demo_db_path,
        lambda db: db.execute(
            "select id, version from comments where status = 'new' order by due_at limit 1"
        ).fetchone(),
    )
    act(demo_db_path, target, "escalate", MODERATOR, version, reply="Proposition.")
    lead = select(queue_page(LEAD), target)
    approval_box(lead, demo_db_path, target).set_value("   ").run()
    lead.button(key=f"queue.do_approve.{target}").click().run()
    assert "Écrivez la réponse d'abord" in lead.error[0].value
    assert comment(demo_db_path, target)["status"] == "awaiting_approval"


def test_next_and_previous_move_through_the_page_and_untick_a_row_being_read(demo_db_path):
    at = queue_page(MODERATOR)
    ids = shown_ids(at)
    select(at, ids[1])
    at.button(key="queue.next").click().run()
    assert at.session_state["queue.current"] == ids[2]
    assert at.session_state["queue.last_selection"][1] == {}, "the row read is unticked"
    at.button(key="queue.previous").click().run()
    at.button(key="queue.previous").click().run()
    assert at.session_state["queue.current"] == ids[0]
    assert at.button(key="queue.previous").disabled


def test_a_batch_of_ticked_rows_stays_while_moving_to_the_next_comment(demo_db_path):
    at = queue_page(MODERATOR)
    ids = shown_ids(at)
    tick(at, [1, 2], ids[2])
    at.button(key="queue.next").click().run()
    assert at.session_state["queue.current"] == ids[3]
    assert any(m.value == "2 commentaires sélectionnés" for m in at.markdown)


def test_the_last_comment_of_a_page_leads_to_the_next_page(demo_db_path):
    rows = [f"x;page-{i};2026-11-20 9:{i:02d};Question numéro {i}" for i in range(60)]
    raw = "\n".join(["platform;external_id;received_at;text", *rows]).encode()
    assert reading(demo_db_path, import_file, raw, "more.csv").added == 60
    at = queue_page(MODERATOR)
    ids = shown_ids(at)
    at.session_state["queue.current"] = ids[-1]
    at.run()
    assert at.button(key="queue.next").label == "Page suivante"
    at.button(key="queue.next").click().run()
    assert at.session_state["queue.page"] == 2
    assert at.session_state["queue.current"] == shown_ids(at)[0] not in ids
