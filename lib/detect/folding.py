"""How a comment's text is normalised before it is matched: case, accents, apostrophes, numbers."""

from __future__ import annotations

import re
import unicodedata


class _WithoutCombining(dict):
    """`str.translate` table dropping combining marks, filled one code point at a time."""

    def __missing__(self, point: int) -> int | None:
        kept = None if unicodedata.combining(chr(point)) else point
        self[point] = kept
        return kept


_WITHOUT_COMBINING = _WithoutCombining()


def fold(text: str) -> str:
    """Lower case, accents removed, typographic apostrophes straightened: what word lists match."""
    if text.isascii():
        # NFKD leaves ASCII as it is and there is no mark to drop.
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'").replace("ʼ", "'"))
    return decomposed.translate(_WITHOUT_COMBINING).lower()


_DIGIT_RUN = re.compile(r"[0-9]+")


def digits_as_zero(folded: str) -> str:
    """Every run of ASCII digits as a single "0": texts that differ by a number read alike.

    >>> digits_as_zero("dossier 2024-771203, 3 fois")
    'dossier 0-0, 0 fois'
    """
    return _DIGIT_RUN.sub("0", folded)
