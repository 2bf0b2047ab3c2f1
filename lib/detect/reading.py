"""How much of a text the detectors read: the first `MAX_TEXT_CHARS` characters, or windows.

Every detector is linear in the length of what it reads; the cap also bounds
what one comment can cost, whatever its length, because a comment is read
while an import runs.
"""

from __future__ import annotations

from collections.abc import Iterator

MAX_TEXT_CHARS = 25_000
"""Characters of a comment that the flags, the language and the repeat key read.

Longer than any comment the platforms allow (YouTube 10,000 characters, a long
post on X 25,000), so no real comment is cut. A longer text is flagged on its
first 25,000 characters only; masking still reads all of it (`windows`).
"""

# Longer than any piece of personal information and the words before it that
# name it (`pii`): a piece cut by the end of one window is whole in the next.
WINDOW_OVERLAP = 2_000


def head(text: str) -> str:
    """The part of `text` the detectors read.

    >>> len(head("a" * 30_000))
    25000
    """
    return text[:MAX_TEXT_CHARS]


def windows(text: str, overlap: int = WINDOW_OVERLAP) -> Iterator[tuple[int, str]]:
    """`text` in windows of `MAX_TEXT_CHARS`, each `overlap` characters into the one before.

    Yields where each window starts and the window: one window for any real
    comment, and for a longer text a bounded cost per window, so that reading
    all of it stays linear.

    >>> [(start, len(part)) for start, part in windows("a" * 60_000)]
    [(0, 25000), (23000, 25000), (46000, 14000)]
    """
    step = MAX_TEXT_CHARS - overlap
    start = 0
    while True:
        yield start, text[start : start + MAX_TEXT_CHARS]
        if start + MAX_TEXT_CHARS >= len(text):
            return
        start += step
