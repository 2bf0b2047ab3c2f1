"""Triage rules (lib.triage_rules, lib.settings.triage_rules): what a rule's conditions match,
what its effects leave in the history after a real import, in which order rules act, the
dry run's figures, and the refusals of an automatic hide."""

import json

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.accounts import register_account
from lib.detect import fold
from lib.importers import import_file
from lib.moderation import InvalidAction, act, available_kinds, history
from lib.outbox import outcomes
from lib.settings import SettingsError, exclude_author, load_settings, save_settings
from lib.settings.triage_rules import normalised
from lib.states import state_clock
from lib.triage import VIEWER_ANYONE, QueueFilters, queue_page
from lib.triage_rules import apply_rules, dry_run, matches

HEADER = "platform;external_id;received_at;text;account;author_handle"
NOW = pd.Timestamp("2026-11-30 15:00", tz="UTC")


def rule(name="Règle", **values) -> dict:
    return normalised({"name": name, **values})


def texts_frame(*texts, **columns) -> pd.DataFrame:
    return pd.DataFrame({"text": list(texts), **columns})


def imported(db, *rows) -> None:
    """Import a Vigie CSV whose rows are (external_id, text, account, handle)."""
    lines = [
        f"facebook;{i};2026-11-30 14:{n:02d};{text};{account};{handle}"
        for n, (i, text, account, handle) in enumerate(rows)
    ]
    import_file(db, "\n".join([HEADER, *lines]).encode(), "f.csv")


def rule_actions(db, comment_id) -> list[tuple]:
    return [
        (a["actor"], a["rule"], a["kind"], a["reasons"], a["note"], a["assignee"], a["template"])
        for a in history(db, comment_id)
    ]


# --- matching ----------------------------------------------------------------------------


def test_words_ignore_case_and_accents_and_match_whole_words_and_phrases():
    frame = texts_frame(
        "Le PROGRAMME d'aide financière",
        "programmé demain",
        "le programme   d’aide",
        "padding",
        "un pad",
    )
    assert matches(frame, rule(words=["programme"])).tolist() == [True, True, True, False, False]
    assert matches(frame, rule(words=["Programme d'Aide"])).tolist() == [
        True,
        False,
        True,
        False,
        False,
    ]
    assert matches(frame, rule(words=["pad"])).tolist() == [False, False, False, False, True]
    assert matches(frame, rule(words=["FINANCIERE", "pad"])).tolist() == [
        True,
        False,
        False,
        False,
        True,
    ]


def test_each_condition_kind_and_all_kinds_together():
    frame = pd.DataFrame(
        {
            "text": ["promo", "promo", "promo", "promo", "rien"],
            "flags": ["link question", "question", None, "link", "link"],
            "platform": ["facebook", "facebook", "x", "facebook", "facebook"],
            "account": ["Ville", " ville ", "Ville", "Autre", "Ville"],
            "language": ["fr", "en", "fr", "fr", "fr"],
            "excluded": [True, False, False, True, True],
        }
    )
    assert matches(frame, rule(flags=["question", "urgent"])).tolist() == [1, 1, 0, 0, 0]
    assert matches(frame, rule(link=True)).tolist() == [1, 0, 0, 1, 1]
    assert matches(frame, rule(platforms=["x"])).tolist() == [0, 0, 1, 0, 0]
    assert matches(frame, rule(accounts=["VILLE"])).tolist() == [1, 1, 1, 0, 1]
    assert matches(frame, rule(languages=["en"])).tolist() == [0, 1, 0, 0, 0]
    assert matches(frame, rule(excluded_author=True)).tolist() == [1, 0, 0, 1, 1]
    # Every kind given must hold: words, a link, Facebook, the account, French.
    together = rule(
        words=["promo"], link=True, platforms=["facebook"], accounts=["ville"], languages=["fr"]
    )
    assert matches(frame, together).tolist() == [1, 0, 0, 0, 0]


@given(word=st.text(max_size=30), noise=st.text(max_size=30))
def test_any_text_as_a_rule_word_never_raises_and_is_matched_literally(word, noise):
    stored = rule(words=[word])
    hit = matches(texts_frame(f"x {word} y", noise), stored)  # never raises, whatever the word
    if stored["words"] and fold(stored["words"][0]).split():
        assert hit[0]  # the word, between spaces, is found as written


def test_a_word_with_pattern_characters_is_read_as_written():
    frame = texts_frame("axb", "a.b", "(", "C++ et .*", "prix: 5$")
    assert matches(frame, rule(words=["a.b"])).tolist() == [False, True, False, False, False]
    assert matches(frame, rule(words=["("])).tolist() == [False, False, True, False, False]
    assert matches(frame, rule(words=["c++", ".*"])).tolist() == [False, False, False, True, False]
    assert matches(frame, rule(words=["5$"])).tolist() == [False, False, False, False, True]


# --- stored form and refusals ---------------------------------------------------------------


def test_an_automatic_hide_needs_the_confirmation_and_spam_or_commercial(team_db):
    spam = {"name": "Pourriel", "words": ["gratuit"], "hide_reason": "pourriel"}
    with pytest.raises(SettingsError) as refused:
        save_settings(team_db, "lea", triage_rules=[spam])
    assert refused.value.code == "rule_hide_unconfirmed"
    with pytest.raises(SettingsError) as refused:
        save_settings(
            team_db, "lea", triage_rules=[{**spam, "hide_reason": "injurieux", "hide_confirmed": 1}]
        )
    assert refused.value.code == "rule_hide_reason"
    assert load_settings(team_db).triage_rules == ()
    save_settings(team_db, "lea", triage_rules=[{**spam, "hide_confirmed": True}])
    assert load_settings(team_db).triage_rules[0]["code"] == "pourriel"
    assert team_db["settings_history"].count == 1


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ({"words": ["a"]}, "rule_needs_effect"),
        ({"priority": True}, "rule_needs_condition"),
        ({"words": ["a"], "priority": True, "name": ""}, "rule_needs_name"),
        ({"words": ["a"], "priority": True, "flags": ["nope"]}, "rule_unknown_value"),
        ({"words": [f"w{i}" for i in range(51)], "priority": True}, "rule_too_many_words"),
        ({"words": ["x" * 101], "priority": True}, "too_long"),
    ],
)
def test_a_rule_that_cannot_apply_is_refused_with_its_code(team_db, values, code):
    with pytest.raises(SettingsError) as refused:
        save_settings(team_db, "lea", triage_rules=[{"name": "R", **values}])
    assert refused.value.code == code


# --- the order of rules ------------------------------------------------------------------------


def test_first_assignment_wins_labels_accumulate_and_a_hide_stops_later_rules(team_db):
    team_db["comments"].insert_all(
        [
            {
                "id": 1,
                "platform": "x",
                "external_id": "1",
                "text": "Le PAF, gratuit ici",
                "received_at": "2026-11-30 14:00:00",
                "suggested_reasons": "hors_sujet",
            },
            {
                "id": 2,
                "platform": "x",
                "external_id": "2",
                "text": "Le PAF encore",
                "received_at": "2026-11-30 14:01:00",
            },
        ]
    )
    rules = [
        rule("PAF", words=["paf"], assign="ana", label="PAF", suggest_reason="confus"),
        rule("Tout", words=["le"], assign="bob", label="À lire", suggest_redirect="dossier"),
        rule("Pourriel", words=["gratuit"], hide_reason="pourriel", hide_confirmed=True),
        rule("Après", words=["le"], label="Jamais après un masquage", priority=True),
    ]
    assert apply_rules(team_db, rules, after_id=0, now=NOW) == 6 + 7
    first, second = team_db["comments"].get(1), team_db["comments"].get(2)
    assert (first["assignee"], first["status"], first["priority"]) == ("ana", "hidden", 0)
    assert json.loads(first["labels"]) == ["PAF", "À lire"]
    assert (first["suggested_reasons"], first["suggested_redirect"]) == (
        "confus hors_sujet",
        "dossier",
    )
    assert [(a[1], a[2]) for a in rule_actions(team_db, 1)] == [
        ("PAF", "assign"),
        ("PAF", "label"),
        ("PAF", "suggest"),
        ("Tout", "label"),
        ("Tout", "suggest"),
        ("Pourriel", "hide"),
    ]
    assert (second["assignee"], second["status"], second["priority"]) == ("ana", "assigned", 1)
    assert json.loads(second["labels"]) == ["PAF", "À lire", "Jamais après un masquage"]


def test_an_assignee_who_left_is_skipped_and_the_rest_applies(team_db):
    team_db.execute("UPDATE users SET active = 0 WHERE username = 'bob'")
    team_db["comments"].insert(
        {"id": 1, "platform": "x", "external_id": "1", "text": "PAF", "received_at": "2026-11-30"}
    )
    apply_rules(team_db, [rule(words=["paf"], assign="bob", label="PAF")], after_id=0, now=NOW)
    comment = team_db["comments"].get(1)
    assert (comment["assignee"], comment["labels"]) == (None, '["PAF"]')


def test_people_cannot_do_what_only_rules_do_nor_are_offered_it(team_db):
    team_db["comments"].insert(
        {"id": 1, "platform": "x", "external_id": "1", "text": "a", "received_at": "2026-11-30"}
    )
    for kind, arguments in (("label", {"note": "x"}), ("prioritize", {}), ("suggest", {})):
        with pytest.raises(InvalidAction) as refused:
            act(team_db, 1, kind, "lea", 1, **arguments)
        assert refused.value.code == "rule_only"
    assert not {"label", "prioritize", "suggest"} & set(available_kinds({"status": "new"}, "lead"))
    with pytest.raises(InvalidAction) as refused:
        act(team_db, 1, "reply", "x", 1, reply="Bonjour", rule=rule("R", words=["a"]))
    assert refused.value.code == "not_for_rules"


# --- at arrival, through a real import ---------------------------------------------------------


def test_an_imported_comment_that_matches_gets_its_effects_in_the_history(team_db):
    save_settings(
        team_db,
        "lea",
        triage_rules=[
            {
                "name": "Programme PAF",
                "words": ["programme d'aide"],
                "assign": "ana",
                "priority": True,
                "label": "PAF",
                "suggest_redirect": "dossier",
            },
            {
                "name": "Pourriel",
                "words": ["gratuit"],
                "link": True,
                "hide_reason": "pourriel",
                "hide_confirmed": True,
            },
        ],
    )
    imported(
        team_db,
        ("1", "Question sur le PROGRAMME D'AIDE", "Ville", "u1"),
        ("2", "Bonjour", "Ville", "u2"),
        ("3", "Tout gratuit https://spam.example", "Ville", "u3"),
    )
    paf, plain_comment, spam = (team_db["comments"].get(i) for i in (1, 2, 3))
    assert rule_actions(team_db, 1) == [
        ("rule:programme-paf", "Programme PAF", "assign", None, None, "ana", None),
        ("rule:programme-paf", "Programme PAF", "prioritize", None, None, None, None),
        ("rule:programme-paf", "Programme PAF", "label", None, "PAF", None, None),
        ("rule:programme-paf", "Programme PAF", "suggest", None, None, None, "dossier"),
    ]
    assert (paf["status"], paf["priority"], paf["suggested_redirect"]) == ("assigned", 1, "dossier")
    assert history(team_db, 2) == [] and plain_comment["priority"] == 0
    assert rule_actions(team_db, 3) == [
        ("rule:pourriel", "Pourriel", "hide", "pourriel", None, None, None)
    ]
    assert (spam["status"], spam["first_handled_by"]) == ("hidden", "rule:pourriel")


def test_no_rule_hides_an_urgent_comment_but_its_other_effects_apply(team_db):
    team_db["comments"].insert_all(
        [
            {
                "id": 1,
                "platform": "x",
                "external_id": "1",
                "flags": "urgent link",
                "text": "Je vais tous vous tuer, cliquez ici",
                "received_at": "2026-11-30 14:00:00",
            },
            {
                "id": 2,
                "platform": "x",
                "external_id": "2",
                "flags": "link",
                "text": "Promo, cliquez ici",
                "received_at": "2026-11-30 14:01:00",
            },
        ]
    )
    spam = rule(
        "Pourriel", words=["ici"], hide_reason="pourriel", hide_confirmed=True, label="Pourriel ?"
    )
    assert apply_rules(team_db, [spam], after_id=0, now=NOW) == 3
    urgent, ordinary = team_db["comments"].get(1), team_db["comments"].get(2)
    assert "urgent" in urgent["flags"].split() and urgent["status"] == "new"
    assert json.loads(urgent["labels"]) == ["Pourriel ?"]
    assert ordinary["status"] == "hidden"


def test_an_automatic_hide_on_a_connected_account_asks_the_platform(team_db):
    register_account(team_db, "fb", "facebook", "Ville (Facebook)", "1001", "sync", "config")
    spam = {"name": "Pourriel", "words": ["gratuit"], "hide_reason": "pourriel"}
    save_settings(team_db, "lea", triage_rules=[{**spam, "hide_confirmed": True}])
    imported(team_db, ("1", "Tout gratuit", "fb", "u1"), ("2", "Tout gratuit", "Autre", "u2"))
    assert [(o["operation"], o["state"]) for o in outcomes(team_db, 1)] == [("hide", "pending")]
    assert outcomes(team_db, 2) == []  # a file's comment: nothing to ask of a platform


def test_a_rule_on_excluded_authors_reads_the_exclusions_in_force(team_db):
    exclude_author(team_db, "lea", "facebook", "troll")
    save_settings(
        team_db, "lea", triage_rules=[{"name": "Exclus", "excluded_author": True, "label": "Exclu"}]
    )
    imported(team_db, ("1", "Encore moi", "Ville", "troll"), ("2", "Bonjour", "Ville", "u2"))
    labels = [team_db["comments"].get(i)["labels"] for i in (1, 2)]
    assert labels == ['["Exclu"]', None]


def test_an_inactive_rule_does_nothing(team_db):
    save_settings(
        team_db, "lea", triage_rules=[{"name": "R", "words": ["a"], "label": "A", "active": False}]
    )
    imported(team_db, ("1", "a", "Ville", "u1"))
    assert history(team_db, 1) == []


def test_a_raised_priority_comes_after_urgent_comments_and_before_the_rest(team_db):
    rows = [
        (i, "2026-11-30 14:00:00", flags, p)
        for i, flags, p in ((1, "", 0), (2, "", 1), (3, "urgent", 0))
    ]
    team_db["comments"].insert_all(
        {
            "id": i,
            "platform": "x",
            "external_id": str(i),
            "received_at": at,
            "flags": flags,
            "priority": p,
            "due_at": f"2026-12-0{i} 14:00:00",
            "status": "new",
        }
        for i, at, flags, p in rows
    )
    page = queue_page(team_db, QueueFilters(), VIEWER_ANYONE, state_clock(NOW))
    assert page["id"].tolist() == [3, 2, 1]


# --- the dry run ------------------------------------------------------------------------------


def test_the_dry_run_counts_the_last_30_days_matches_and_how_many_were_removed(team_db):
    days = [1, 5, 12, 20, 29, 31, 45]  # days before NOW
    statuses = ["hidden", "new", "deleted", "answered", "hidden", "hidden", "new"]
    team_db["comments"].insert_all(
        {
            "id": i + 1,
            "platform": "facebook",
            "external_id": str(i),
            "text": f"Concours gratuit {i} : écrivez à jo@example.org",
            "received_at": (NOW - pd.Timedelta(days=d)).strftime("%Y-%m-%d %H:%M:%S"),
            "status": status,
        }
        for i, (d, status) in enumerate(zip(days, statuses, strict=True))
    )
    team_db["comments"].insert(
        {
            "id": 9,
            "platform": "x",
            "external_id": "9",
            "text": "Bonjour",
            "status": "hidden",
            "received_at": (NOW - pd.Timedelta(days=2)).strftime("%Y-%m-%d %H:%M:%S"),
        }
    )
    found = dry_run(team_db, {"words": ["GRATUIT"]}, NOW, examples=3)
    assert (found.matched, found.removed) == (5, 3)
    assert found.examples["removed"].tolist() == [True, False, True]
    assert found.examples["text"].tolist()[0] == "Concours gratuit 0 : écrivez à [courriel masqué]"
    assert dry_run(team_db, {"words": ["gratuit"], "platforms": ["x"]}, NOW).matched == 0
    assert dry_run(team_db, {"words": ["gratuit"]}, NOW, days=10).matched == 2
