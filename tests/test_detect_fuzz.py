"""Adversarial texts for every detector: no call may take over a second on 10,000 characters.

A comment is written by anyone, and one that makes a pattern backtrack stalls
an import for everyone (issue 13). Each text here repeats one of the pieces
the patterns are made of (their separators, digits, at-signs, spelled-out
words), alone or after the words that make a pattern start, to 10,000
characters; every public detector reads every text. The calls run in two
child processes, so that a detector that never returns fails the test instead
of hanging it. `bench/bench_detect.py --adversarial` prints the slowest text of
each detector.
"""

from __future__ import annotations

import multiprocessing
import time
from dataclasses import dataclass, field
from multiprocessing import connection

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.detect import (
    analyse,
    analyse_many,
    detect_language,
    explain,
    find_personal_information,
    fold,
    repeat_key,
    repeated_text,
)
from lib.detect import word_lists as lists
from lib.detect.folding import digits_as_zero
from lib.detect.language import detect_languages
from lib.detect.learned import learned
from lib.detect.sentences import sentences
from lib.detect.spelled import spelled_numbers
from lib.detect.urgency import find_urgency
from lib.privacy import mask_personal_information

TEXT_LENGTH = 10_000
SECONDS_PER_CALL = 1.0
# A call this long has surely gone wrong: the children are stopped and the test fails.
SECONDS_BEFORE_GIVING_UP = 30.0

# What the patterns are made of: their separators, digits, at-signs and
# spelled-out words. A crafted comment repeats one of these until a pattern
# that can backtrack has the most ways to try.
PIECES = (
    *("ab-", "Ab ", "a'", ", ", ".", "a.b", ":", "(", "é", "a", "\u200b", "!", "?"),
    *("@", "a@", " @ ", " at ", "(at)", "a point ", "-", "www.", "a.com/", "#"),
    *("1", "12 ", "1-", "1/", "+1 ", "4185550142 ", "123.456.789 ", "12/03/"),
    *(" ", "\n", "!\n", "12 rue ", "g1r 2b5 ", "Québec ", "un deux ", "zéro, un, "),
    *("dossier ", "né le ", "je vais ", "j'", "!quel ", "tu "),
    # The urgency rules' words: speakers, harms, targets, gaps of any words.
    *("je vais te ", "tuer ", "i'm gonna ", "kill ", "me ", "x' ", "pas ", "mour"),
)
# The words after which a pattern starts, and the pieces it then repeats: the
# words are followed by one piece repeated to the end.
AFTER_STARTS = {
    "J'habite au 12 rue Principale, ": ("ab-", "Ab ", "a'", " ", ", "),
    "Envoyez au 45 rue des Érables, ": ("Québec ", "g1r 2b5 ", "Saint-"),
    "écrivez à julie": ("a point ", " at ", " @ ", "(at)", "a.b"),
    "julie at gmail": (" dot ", " point "),
    "mon NAS est ": ("123.456.789 ", "un deux ", " "),
    "né le ": (" ", "12/03/", ":"),
    "dossier ": (" ", "#", "1-"),
    "je vais ": (" ", "j'", "tu ", "te ", "aller "),
    "I'm going to ": ("kill ", "the ", " "),
    "quelqu'un devrait ": ("aller ", "x "),
    "je sais où ": ("tu ", " "),
    "\nquel ": ("a ", "!quel "),
    "@ ": ("a",),
}


def _filled(start: str, piece: str) -> str:
    return (start + piece * (TEXT_LENGTH // len(piece) + 1))[: TEXT_LENGTH - 1] + "!"


def adversarial_texts() -> dict[str, str]:
    """Texts of TEXT_LENGTH characters: each piece repeated, and each start of
    AFTER_STARTS followed by each of its pieces repeated."""
    texts = {f"{piece!r} repeated": _filled("", piece) for piece in PIECES}
    for start, pieces in AFTER_STARTS.items():
        for piece in pieces:
            texts[f"{start!r} then {piece!r} repeated"] = _filled(start, piece)
    return texts


def _word_list(words):
    return lambda text: words.search(digits_as_zero(fold(text)))


# Every public detector, as a function of one text.
DETECTORS = {
    "find_personal_information": find_personal_information,
    "mask_personal_information": mask_personal_information,
    "spelled_numbers": lambda text: list(spelled_numbers(text)),
    "detect_language": detect_language,
    "detect_languages": lambda text: detect_languages([text], [fold(text)]),
    "has_question": lambda text: lists.has_question(fold(text)),
    **{
        f"word_lists.{name}": _word_list(words)
        for name, words in vars(lists).items()
        if name.isupper() and hasattr(words, "search") and not isinstance(words, str)
    },
    "repeat_key": repeat_key,
    "repeated_text": lambda text: repeated_text(
        pd.DataFrame({"platform": "x", "author_handle": "a", "text": [text, text]})
    ),
    "analyse": analyse,
    "analyse_many": lambda text: analyse_many(pd.Series([text])),
    "explain": explain,
    "sentences": lambda text: sentences(text, "fr"),
    "find_urgency": lambda text: find_urgency(text, fold(text), "fr"),
    "learned": lambda text: learned().probabilities([fold(text)]),
}


def _time_each(texts: dict[str, str], report) -> None:
    """Run by a child: every detector on every text, each call reported as it starts and ends."""
    analyse_many(pd.Series(["Le modèle de langue se charge une fois."]))
    for label, text in texts.items():
        for name, detector in DETECTORS.items():
            report.send(("start", name, label))
            started, cpu = time.perf_counter(), time.process_time()
            try:
                detector(text)
            except Exception as error:  # noqa: BLE001 - reported to the parent, which fails
                report.send(("failed", name, label, repr(error)))
                continue
            seconds = time.perf_counter() - started, time.process_time() - cpu
            report.send(("done", name, label, *seconds))
    report.send(("end",))


@dataclass
class Timings:
    """Wall and CPU seconds per (detector, text label); calls that raised or never ended."""

    wall: dict[tuple[str, str], float] = field(default_factory=dict)
    cpu: dict[tuple[str, str], float] = field(default_factory=dict)
    failed: dict[tuple[str, str], str] = field(default_factory=dict)


def timings(texts: dict[str, str], workers: int = 2) -> Timings:
    """Every detector on every text, in `workers` child processes that are stopped
    when one call runs past SECONDS_BEFORE_GIVING_UP (then it counts as failed)."""
    context = multiprocessing.get_context("fork")
    labels = list(texts)
    found = Timings()
    children, running, current = [], {}, {}
    try:
        for share in range(workers):
            receiving, sending = context.Pipe(duplex=False)
            part = {label: texts[label] for label in labels[share::workers]}
            child = context.Process(target=_time_each, args=(part, sending), daemon=True)
            child.start()
            sending.close()
            children.append(child)
            running[receiving] = child
        while running:
            ready = connection.wait(list(running), timeout=SECONDS_BEFORE_GIVING_UP)
            if not ready:
                for pipe in running:
                    found.failed[current[pipe]] = f"over {SECONDS_BEFORE_GIVING_UP:.0f} s"
                break
            for pipe in ready:
                try:
                    message = pipe.recv()
                except EOFError:
                    found.failed[current.get(pipe, ("?", "?"))] = "the child process died"
                    message = ("end",)
                if message[0] == "end":
                    running.pop(pipe).join()
                    pipe.close()
                    continue
                current[pipe] = message[1], message[2]
                if message[0] == "done":
                    found.wall[current[pipe]], found.cpu[current[pipe]] = message[3:]
                elif message[0] == "failed":
                    found.failed[current[pipe]] = message[3]
    finally:
        for child in children:
            child.kill()
            child.join()
            child.close()
        for pipe in running:
            pipe.close()
    return found


@pytest.fixture(scope="module")
def adversarial_timings() -> Timings:
    return timings(adversarial_texts())


def test_every_adversarial_text_has_the_agreed_length():
    texts = adversarial_texts()
    assert len(texts) == len(PIECES) + sum(map(len, AFTER_STARTS.values()))
    assert {len(text) for text in texts.values()} == {TEXT_LENGTH}


def test_every_detector_reads_every_adversarial_text_without_failing(adversarial_timings):
    assert adversarial_timings.failed == {}
    assert len(adversarial_timings.wall) == len(DETECTORS) * len(adversarial_texts())


@pytest.mark.parametrize("detector", list(DETECTORS))
def test_no_detector_takes_over_a_second_on_an_adversarial_text(adversarial_timings, detector):
    slow = {
        label: f"{seconds:.2f} s"
        for (name, label), seconds in adversarial_timings.wall.items()
        if name == detector and seconds > SECONDS_PER_CALL
    }
    assert not slow, slow


@pytest.mark.parametrize(
    "text",
    [
        "J'habite au 12 rue Principale, " + "ab-" * 3_000 + "!",
        "julie point " * 2_000 + "at gmail dot com",
        "@ " + "a" * 20_000,
    ],
    ids=["address", "spelled e-mail", "language's e-mails"],
)
def test_the_slow_texts_of_the_issue_take_a_fraction_of_a_second(text):
    analyse("Le modèle de langue se charge une fois.")
    for detector in (find_personal_information, mask_personal_information, analyse):
        started = time.perf_counter()
        detector(text)
        assert time.perf_counter() - started < SECONDS_PER_CALL / 10, detector.__name__


# Random texts from the same pieces, in random runs, to TEXT_LENGTH characters.
_runs = st.lists(
    st.tuples(st.sampled_from(PIECES + tuple(AFTER_STARTS)), st.integers(1, 400)),
    min_size=1,
    max_size=12,
)


@settings(max_examples=15, deadline=None)
@given(_runs)
def test_random_runs_of_the_pieces_are_read_within_a_second(runs):
    unit = "".join(piece * count for piece, count in runs)
    text = (unit * (TEXT_LENGTH // len(unit) + 1))[:TEXT_LENGTH]
    for detector in (find_personal_information, mask_personal_information, analyse):
        started = time.perf_counter()
        detector(text)
        assert time.perf_counter() - started < SECONDS_PER_CALL, detector.__name__
