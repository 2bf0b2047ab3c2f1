"""The demo's authors: many who write once or twice, a few trolls, and their invented names."""

from __future__ import annotations

import re
import unicodedata

import numpy as np

from lib.demo import texts

TROLL_AUTHORS = 12


def draw_authors(rng, rows: int, kind: np.ndarray, kind_names: list[str]) -> np.ndarray:
    """Each comment's author number: trolls (the first few) write most insults and spam."""
    pool = max(rows // 3, 50)
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


def author_names(count: int) -> tuple[np.ndarray, np.ndarray]:
    """The names and handles of authors 0 to `count - 1`; a handle ends in its author number."""
    first = np.array(texts.FIRST_NAMES)
    last = np.array(texts.LAST_NAMES)
    i = np.arange(count)
    first_i, last_i = author_parts(i)
    names = np.char.add(np.char.add(first[first_i], " "), last[last_i])
    base = {n: ascii_letters(n)[:14] + "_" for n in set(names.tolist())}
    handles = np.array([f"{base[n]}{k}" for n, k in zip(names.tolist(), i.tolist(), strict=True)])
    return names.astype(object), handles.astype(object)


def ascii_letters(name: str) -> str:
    """The name's letters, lower case and without accents.

    >>> ascii_letters("Marie-Ève Côté")
    'marieevecote'
    """
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", plain.lower())
