"""Threats, distress and tone: the sentence reading, the rules' roles, the models, the
explanations."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import CountVectorizer

from lib.detect import analyse, explain, fold
from lib.detect.learned import (
    DECISIVE_RULES,
    NEGATIVE_ALONE,
    NEGATIVE_ALONE_MIN_WORDS,
    NEGATIVE_WITH_WORDS,
    RULE_THRESHOLDS,
    THRESHOLDS,
    TONE,
    CharacterGrams,
    fit,
    learned,
    negative_raised,
    raised,
    read_training,
)
from lib.detect.sentences import lemma, sentences
from lib.detect.urgency import find_urgency


def rules(text: str, language: str = "fr") -> list[str]:
    return [f.rule for f in find_urgency(text, fold(text), language)]


# --- Reading sentences -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lemmas"),
    [
        ("J'vais te retrouver", "je aller te retrouver"),
        ("M'as te trouver", "je aller te trouver"),
        ("Je te tuerai", "je te tuer"),
        ("je vais le bruler", "je aller le bruler"),
        ("I'll kill you", "i will kill you"),
        ("I'm gonna find you", "i be go to find you"),
        ("chu pu capable", "je etre plus capable"),
    ],
)
def test_elisions_contractions_and_quebec_forms_are_spelled_out_and_verbs_lemmatised(text, lemmas):
    assert sentences(text, "en" if text.startswith("I") else "fr")[0].lemmas == lemmas


def test_a_verb_written_without_its_accents_has_the_same_lemma():
    assert lemma("brûlerai", "fr") == lemma("brulerai", "fr") == "bruler"
    assert lemma("étranglé", "fr") == lemma("etrangle", "fr") == "etrangler"


def test_the_words_of_a_finding_are_quoted_as_written():
    found = find_urgency("Bonjour. J'vais te RETROUVER!", "bonjour. j'vais te retrouver!", "fr")
    assert [f.words for f in found] == ["J'vais te RETROUVER"]


def test_sentences_are_read_apart():
    assert [s.lemmas for s in sentences("Tu vas payer. Merci!", "fr")] == [
        "tu aller payer",
        "merci",
    ]


# --- Who does what to whom, and when ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je vais te tuer", ["threat.intent"]),
        ("On va tous vous descendre", ["threat.intent"]),
        ("I'm going to kill the minister", ["threat.intent"]),
        ("Si ma demande est refusée, je vais vous tuer", ["threat.conditional"]),
        ("Je sais où tu habites", ["threat.implicit"]),
        ("The mayor should watch his back", ["threat.implicit"]),
        ("Quelqu'un devrait aller leur faire peur chez eux", ["threat.call"]),
        ("Je vais venir avec mon fusil", ["threat.weapon"]),
        ("We're going to burn the whole place down", ["threat.property"]),
        ("Je veux me tuer", ["distress.suicide"]),
        ("J'ai avalé toute la boîte de pilules", ["distress.overdose"]),
        ("Mon père ne respire plus", ["distress.emergency"]),
        ("Mon conjoint me frappe", ["distress.violence"]),
    ],
)
def test_the_rules_read_the_roles(text, expected):
    found = rules(text, "en" if text[0] in "IWT" else "fr")
    assert expected[0] in found
    # Other rules may agree, never with the other signal.
    assert {rule.split(".")[0] for rule in found} == {expected[0].split(".")[0]}


@pytest.mark.parametrize(
    "text",
    [
        # A thing for speaker, the speaker for target: a figure of speech.
        "Cette file d'attente me tue",
        "Je vais mourir de rire",
        # Negated.
        "Je vais pas te tuer, voyons",
        # An emergency remembered, not happening.
        "Mon grand-père a fait une crise cardiaque il y a dix ans, merci aux ambulanciers",
        # A topic, not a person.
        "Merci pour la semaine de prévention du suicide",
        # An election, not violence.
        "Vous allez le regretter aux prochaines élections",
    ],
)
def test_the_same_words_in_another_role_raise_nothing(text):
    assert rules(text) == []


def test_a_person_wishing_their_own_death_is_distress_not_a_threat():
    assert rules("Je vais me tuer") == ["distress.suicide"]
    assert rules("Je vais te tuer") == ["threat.intent"]


# --- Raising a flag -----------------------------------------------------------------


def test_a_decisive_threat_rule_raises_whatever_the_model_says():
    assert raised("threat", 0.0, {DECISIVE_RULES[0]})
    assert not raised("threat", RULE_THRESHOLDS["threat"] - 0.01, {"threat.weapon"})
    assert raised("threat", RULE_THRESHOLDS["threat"], {"threat.weapon"})
    assert not raised("distress", THRESHOLDS["distress"] - 0.01, set())
    assert raised("distress", THRESHOLDS["distress"], set())


def test_an_explicit_threat_and_an_explicit_wish_to_die_are_always_urgent():
    threat = analyse("Je vais te tuer")
    assert "urgent" in threat.flags and "distress" not in threat.flags
    assert threat.suggested_reasons == ("menace",)
    distress = analyse("Je vais me tuer")
    assert {"urgent", "distress"} <= set(distress.flags)
    assert distress.suggested_redirect == "medical"


def test_distress_is_answered_with_811_and_911_even_when_the_person_gives_their_number():
    detection = analyse("Je veux mourir ce soir, appelez-moi au 418-555-0142")
    assert {"pii", "urgent", "distress"} <= set(detection.flags)
    assert detection.suggested_redirect == "medical"


# --- Tone ---------------------------------------------------------------------------


def negative(probability, listed=None, threat=False, distress=False, length=None):
    length = NEGATIVE_ALONE_MIN_WORDS if length is None else length
    return negative_raised(probability, listed, threat, distress, length)


def test_the_tone_decision_weighs_the_model_the_word_lists_threats_and_distress():
    below, between = NEGATIVE_WITH_WORDS - 0.01, (NEGATIVE_WITH_WORDS + NEGATIVE_ALONE) / 2
    # The model alone, where it is sure, whatever else the comment carries.
    assert negative(NEGATIVE_ALONE, distress=True)
    assert not negative(between)
    # ... but not on a comment too short for it to read.
    assert not negative(1.0, length=NEGATIVE_ALONE_MIN_WORDS - 1)
    # A tone word counts where the model does not read the comment as plainly neutral.
    assert negative(between, "negative.tone")
    assert not negative(below, "negative.tone")
    # Hate, insults and threats count whatever the model says.
    for listed in ("negative.hate", "negative.insult"):
        assert negative(0.0, listed, length=1)
    assert negative(0.0, threat=True)
    # A person in distress is not hostile, unless they insult.
    assert not negative(between, "negative.tone", threat=True, distress=True)
    assert negative(0.0, "negative.insult", distress=True)


def test_a_short_question_is_not_negative_for_one_word_the_model_weighs():
    assert "negative" not in analyse("Et le budget?").flags


def test_a_person_in_distress_is_not_negative_for_their_shame_or_fear():
    for text in (
        "J'ai pris toutes mes pilules ce soir pis j'ai honte, je me sens terrible",
        "Mon chum est saoul pis il défonce la porte, il dit qu'il va me tuer, je suis cachée",
    ):
        detection = analyse(text)
        assert "distress" in detection.flags and "negative" not in detection.flags, text


@pytest.mark.parametrize(
    "text",
    [
        "Cette chaleur me tue, la piscine ouvre à quelle heure?",
        "This heat is killing me, what time does the pool open?",
    ],
)
def test_a_figurative_tone_word_in_a_neutral_request_is_not_negative(text):
    assert "negative" not in analyse(text).flags


@pytest.mark.parametrize(
    "text",
    [
        "Encore une décision de bureaucrates déconnectés, on paie pour ça?",
        "Another brilliant plan from people who never take the bus. Thanks for nothing.",
    ],
)
def test_a_hostile_comment_no_word_list_knows_is_negative_and_explained(text):
    evidence = [e for e in explain(text) if e.flag == "negative"]
    assert [e.rule for e in evidence] == [f"{TONE}.learned"]
    folded = fold(text)
    assert all(piece in folded for piece in evidence[0].words.split(" · "))


def test_an_insult_amid_a_neutral_request_stays_negative():
    evidence = [
        e for e in explain("Bunch of idiots, where do I renew my permit?") if e.flag == "negative"
    ]
    assert [(e.rule, e.words) for e in evidence] == [("negative.insult", "bunch of idiots")]


# --- The models ---------------------------------------------------------------------


def test_the_training_comments_are_labelled_with_urgent_whenever_they_are_distress():
    rows = read_training()
    assert len(rows) > 3000
    assert all("urgent" in r["flags"].split() for r in rows if "distress" in r["flags"].split())
    assert {r["language"] for r in rows} == {"fr", "en"}


def test_the_fit_is_deterministic():
    rows = read_training()[::4]
    texts = [fold(r["text"]) for r in read_training()[1::40]]
    first, second = fit(rows).probabilities(texts), fit(rows).probabilities(texts)
    for signal in first:
        assert np.array_equal(first[signal], second[signal])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="abcdeé 'xyz\n", max_size=60), min_size=1, max_size=8))
def test_character_grams_counted_word_by_word_equal_scikit_learns_counts(texts):
    folded = [fold(t) for t in texts]
    grams = CharacterGrams(ngram_range=(3, 5))
    grams.fit_transform([fold(r["text"]) for r in read_training()[:300]])
    reference = CountVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), vocabulary=grams.counter.vocabulary_
    )
    assert np.array_equal(grams.counts(folded).toarray(), reference.transform(folded).toarray())


def test_the_models_are_fitted_once_per_process():
    assert learned() is learned()


# --- Explanations -------------------------------------------------------------------


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "je vais te tuer",
                "merci beaucoup",
                "je veux mourir",
                "appelez-moi au 418-555-0142",
                "voir https://exemple.ca",
                "c'est inacceptable",
                "where is the office?",
                "le maire devrait faire attention en partant le soir",
                "j'ai pris toutes mes pilules",
            ]
        ),
        min_size=1,
        max_size=4,
    ).map(". ".join)
)
def test_every_flag_raised_explains_itself(text):
    detection = analyse(text)
    assert {e.flag for e in detection.evidence} == set(detection.flags)
    for evidence in detection.evidence:
        assert evidence.rule
        if evidence.flag == "pii":
            # Personal information is never repeated in an explanation.
            assert evidence.words == ""


def test_a_flag_raised_by_a_model_is_explained_by_the_words_that_weighed_most():
    text = "le maire devrait faire attention en partant le soir"
    words = text.split(" ")
    pieces = set(words) | {" ".join(pair) for pair in zip(words, words[1:], strict=False)}
    learned_ones = [e for e in explain(text) if e.rule == "threat.learned"]
    assert learned_ones
    for evidence in learned_ones:
        assert evidence.words
        assert set(evidence.words.split(" · ")) <= pieces
