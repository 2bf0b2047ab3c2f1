"""The demo's authors: many who write once or twice, a few trolls, and their invented names."""

from __future__ import annotations

import re
import unicodedata

import numpy as np

from lib.demo import texts

TROLL_AUTHORS = 12


def draw_authors(
    rng, rows: int, kind: np.ndarray, kind_names: list[str], pool: int | None = None
) -> np.ndarray:
    """Each comment's author number: trolls (the first few) write most insults and spam.

    The others are drawn among `pool` people, by default a third of `rows` (at least 50),
    a few of them writing often.
    """
    pool = max(rows // 3, 50) if pool is None else pool
    author = TROLL_AUTHORS + (pool * rng.random(rows) ** 1.6).astype(int)
    hostile = np.isin(kind, [kind_names.index(k) for k in texts.HOSTILE_KINDS])
    troll = hostile & (rng.random(rows) < 0.6)
    author[troll] = rng.integers(0, TROLL_AUTHORS, size=troll.sum())
    return author


def author_parts(author: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Indexes in FIRST_NAMES and LAST_NAMES of each author's first and last name."""
    count = len(texts.FIRST_NAMES)
    # Offset by the author so that neighbouring authors (the trolls are the first few)
    # differ in both.
    return author % count, (author // count + author) % len(texts.LAST_NAMES)


def author_names(author: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The name and handle of each author number; a handle ends in its author number.

    >>> author_names(np.array([3, 0, 3]))[1].tolist()
    ['rosairevezina_3', 'mylenebouchard_0', 'rosairevezina_3']
    """
    # Each distinct author once: a large demo has millions of authors, a part of it a few.
    numbers, each = np.unique(author, return_inverse=True)
    first_i, last_i = author_parts(numbers)
    first = np.array(texts.FIRST_NAMES, dtype=object)[first_i]
    last = np.array(texts.LAST_NAMES, dtype=object)[last_i]
    names = first + " " + last
    base = {n: ascii_letters(n)[:14] + "_" for n in set(names.tolist())}
    handles = np.array(
        [f"{base[n]}{k}" for n, k in zip(names.tolist(), numbers.tolist(), strict=True)],
        dtype=object,
    )
    return names[each], handles[each]


def ascii_letters(name: str) -> str:
    """The name's letters, lower case and without accents.

    >>> ascii_letters("Marie-Ève Côté")
    'marieevecote'
    """
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", plain.lower())
