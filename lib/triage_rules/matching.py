"""Which comments a triage rule's conditions hold for: one function for the arrival and the
dry run.

Words and phrases are matched on folded text (case and accents ignored, `lib.detect.fold`),
as whole words: "pad" does not match "padding". The pattern is built only from escaped
words, never from anything a person could write as a pattern, and each character of a
text has one way to match it, so that no word can stall the server.

>>> frame = pd.DataFrame({"text": ["Cliquez ICI: promo!", "Une île", "padding"],
...                       "flags": ["link", "", None], "platform": "facebook"})
>>> rule = {"words": ["cliquez ici", "ile", "pad"]}
>>> matches(frame, rule).tolist()
[True, True, False]
>>> matches(frame, {**rule, "link": True}).tolist()
[True, False, False]
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from lib.detect import fold
from lib.service_levels import column_text, has_any_flag, meets

_WORD_CHARACTER = re.compile(r"\w")


def matches(frame: pd.DataFrame, rule: dict) -> np.ndarray:
    """Which rows of `frame` meet every condition `rule` gives (a stored rule's keys): its
    flags, platforms and accounts as a service level reads them (`lib.service_levels.meets`).

    `frame` holds the comments' `text`, `flags`, `platform`, `account`, `language` and,
    for a rule on excluded authors, `excluded` (bool); a `folded` column, when present,
    spares folding the texts again for each rule.
    """
    hit = meets(frame, rule.get("flags"), rule.get("platforms"), rule.get("accounts"))
    if rule.get("words"):
        texts = frame["folded"] if "folded" in frame else folded(frame["text"])
        pattern = words_pattern(rule["words"])
        found = texts.str.contains(pattern, regex=True) if pattern else False
        hit &= _booleans(found, frame.index)
    if rule.get("link"):
        hit &= has_any_flag(frame, ["link"])
    if rule.get("languages"):
        hit &= column_text(frame, "language").isin(rule["languages"]).to_numpy()
    if rule.get("excluded_author"):
        hit &= _booleans(frame.get("excluded", False), frame.index)
    return hit


def folded(texts: pd.Series) -> pd.Series:
    """Each text as the words are matched: `lib.detect.fold`, empty for none."""
    return texts.fillna("").astype(str).map(fold).astype(object)


def words_pattern(words) -> str:
    r"""One pattern for any of `words`, each folded and escaped, whole words only; the
    spaces inside a phrase match any run of spaces. Empty when no word holds anything.

    >>> words_pattern(["Île", "a.b c"])
    '(?:(?<!\\w)ile(?!\\w)|(?<!\\w)a\\.b\\s+c(?!\\w))'
    """
    parts = [_word_pattern(word) for word in words]
    parts = [part for part in parts if part]
    return f"(?:{'|'.join(parts)})" if parts else ""


def _word_pattern(word: str) -> str:
    tokens = fold(str(word)).split()
    if not tokens:
        return ""
    body = r"\s+".join(re.escape(token) for token in tokens)
    # A word's edge that is a letter or a digit must not run on into another word.
    before = r"(?<!\w)" if _WORD_CHARACTER.match(tokens[0][0]) else ""
    after = r"(?!\w)" if _WORD_CHARACTER.match(tokens[-1][-1]) else ""
    return before + body + after


def _booleans(values, index) -> np.ndarray:
    if not isinstance(values, pd.Series):
        return np.full(len(index), bool(values))
    return values.astype(object).where(values.notna(), False).astype(bool).to_numpy()
