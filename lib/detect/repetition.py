"""Repetition: the same message again from the same author."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from lib.detect.folding import digits_as_zero, fold
from lib.detect.reading import head
from lib.detect.word_lists import URL

# Fewer words than this ("Merci!", "Vote QS!") can be said twice in good faith:
# such a text is a repeat only at its third copy.
REPEAT_MIN_WORDS = 4
_MENTION = re.compile(r"@\w+")
_KEY_WORD = re.compile(r"[^\W_]+")
_SAME_LETTERS = re.compile(r"([^\W\d_])\1+")


def repeat_key(text: str) -> str:
    """What two texts share when they are "nearly the same" message.

    Case, accents, punctuation, emoji and spacing are ignored, each number,
    link and mention counts as one of its kind, and letters stretched for
    emphasis count once. Only the first `reading.MAX_TEXT_CHARS` characters are read.

    >>> repeat_key("MERCIII!!! 😡 voir https://a.example/1 @marc, dossier 1234") == repeat_key(
    ...     "merci voir www.b.example/2 @julie dossier 98")
    True
    """
    folded = fold(head(text) if isinstance(text, str) else "")
    folded = digits_as_zero(_MENTION.sub(" @ ", URL.sub(" http ", folded)))
    # Words are joined by spaces, which no stretched letter crosses: one pass for all.
    return _SAME_LETTERS.sub(r"\1", " ".join(_KEY_WORD.findall(folded)))


def repeated_text(
    frame: pd.DataFrame,
    earlier: pd.DataFrame | None = None,
    author: str = "author_handle",
    text: str = "text",
    by: tuple[str, ...] = ("platform",),
    order: str = "received_at",
) -> pd.Series:
    """True for each row of `frame` whose author already wrote nearly the same text.

    "Already" means in `earlier` (comments stored before, same columns) or in
    `frame` itself, received before it (`order`; at equal instants, stored
    rows and then `frame`'s own order come first). An author is the `author`
    column within `by` (the same handle on two platforms is two people); rows
    without an author are never repeats. Texts are compared by `repeat_key`,
    and one of fewer than `REPEAT_MIN_WORDS` words needs two earlier copies.
    Vectorised: each distinct text is normalised once.
    """
    # Only a comment with an author can repeat: a file without handles stops here.
    if author not in frame.columns or frame[author].isna().all():
        return pd.Series(False, index=frame.index, dtype=bool)
    keys = [c for c in (*by, author) if c in frame.columns]
    columns = [*keys, text] + ([order] if order in frame.columns else [])
    before = earlier.reindex(columns=columns) if earlier is not None else frame.iloc[0:0][columns]
    both = pd.concat([before, frame[columns]], ignore_index=True)
    has_author = both[author].notna().to_numpy()
    grouping = pd.DataFrame({c: pd.factorize(both[c].fillna(""))[0] for c in keys})
    # Only the texts of an author's group are compared: a file without authors reads none.
    group = grouping.groupby(list(grouping.columns)).ngroup().to_numpy()
    compared = np.zeros(group.max() + 1, dtype=bool)
    compared[group[has_author]] = True
    compared = compared[group]
    text_codes, texts = pd.factorize(both.loc[compared, text].fillna("").astype(str), sort=False)
    key_codes, keys_found = pd.factorize(pd.Series([repeat_key(t) for t in texts], dtype=object))
    words = np.fromiter((k.count(" ") + 1 if k else 0 for k in keys_found), dtype=np.int64)
    # Rows not compared have key -1 and are no repeat: their author is missing.
    row_key = np.full(len(both), -1, dtype=np.int64)
    row_key[compared] = key_codes[text_codes]
    grouping["key"] = row_key
    if order in both.columns:
        sequence = np.argsort(both[order].to_numpy(), kind="stable")
    else:
        sequence = np.arange(len(both))
    copies_before = np.empty(len(both), dtype=np.int64)
    copies_before[sequence] = grouping.iloc[sequence].groupby(list(grouping.columns)).cumcount()
    row_words = np.append(words, 0)[row_key]
    needed = np.where(row_words < REPEAT_MIN_WORDS, 2, 1)
    repeat = (copies_before >= needed) & (row_words > 0) & has_author
    return pd.Series(repeat[len(before) :], index=frame.index)
