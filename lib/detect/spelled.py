"""Numbers spelled out digit by digit ("quatre un huit cinq …"): where they are, what they spell."""

from __future__ import annotations

import re
from collections.abc import Iterator

DIGIT_WORDS = {
    "zero": "0",
    "zéro": "0",
    "oh": "0",
    "un": "1",
    "une": "1",
    "one": "1",
    "deux": "2",
    "two": "2",
    "trois": "3",
    "three": "3",
    "quatre": "4",
    "four": "4",
    "cinq": "5",
    "five": "5",
    "six": "6",
    "sept": "7",
    "seven": "7",
    "huit": "8",
    "eight": "8",
    "neuf": "9",
    "nine": "9",
}
# Fewer digit words than this in a run is ordinary prose ("un ou deux", "one two
# three"), or digits written as digits, which the other finders read.
MIN_WORDS = 3

_WORD = "|".join(sorted(DIGIT_WORDS, key=len, reverse=True))
_TOKEN = rf"(?:{_WORD}|\d{{1,4}})(?!\w)"
# Tokens one to three separators apart; at most 16 tokens, the longest a phone
# number with its country code could take, so that each try costs a bounded time.
_RUN = re.compile(rf"(?<!\w){_TOKEN}(?:[\s,.-]{{1,3}}{_TOKEN}){{1,15}}", re.IGNORECASE)
_PART = re.compile(rf"(?<!\w){_TOKEN}", re.IGNORECASE)


def spelled_numbers(text: str) -> Iterator[tuple[int, int, str]]:
    """Each run of digits written at least partly in words: its start, its end, its digits.

    >>> list(spelled_numbers("mon cell : quatre un huit, 555, zéro un quatre deux merci"))
    [(11, 51, '4185550142')]
    >>> list(spelled_numbers("un ou deux, 2 ou 3"))
    []
    """
    for run in _RUN.finditer(text):
        parts = _PART.findall(run.group())
        words = sum(not part[0].isdigit() for part in parts)
        if words >= MIN_WORDS:
            digits = "".join(DIGIT_WORDS.get(part.lower(), part) for part in parts)
            yield run.start(), run.end(), digits
