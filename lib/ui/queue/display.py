"""What the queue's parts share to show a comment: its state's mark and colours, previews, names."""

from __future__ import annotations

import json

from lib.i18n import label
from lib.taxonomy import split_codes

STATE_COLOURS = {"open_breached": "red", "open_at_risk": "orange", "open_ok": "green"}
# A shape per state as well as a colour and a word; plain glyphs that every font has.
STATE_MARKS = {"open_breached": "✖", "open_at_risk": "▲", "open_ok": "●"}
# Cell colours for the state column (the words are always there too).
STATE_CELLS = {
    "open_breached": "background-color: #fde2e1; color: #8a1c14",
    "open_at_risk": "background-color: #fff1d6; color: #7a4a00",
    "open_ok": "background-color: #e3f4e6; color: #1d5e2a",
}


def preview(text, width: int = 120) -> str:
    """`text` on one line, cut to `width` characters with an ellipsis.

    >>> preview("Bonjour,\\n  merci!", width=10)
    'Bonjour, …'
    """
    text = " ".join(str(text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def flag_labels(stored, language: str) -> str:
    """The catalogue's words for a comment's stored flags, comma-separated."""
    return ", ".join(label("flag", f, language) for f in split_codes(stored))


def triage_marks(priority, labels, raised: str) -> str:
    """What the lead's triage rules put on a comment: `raised` (a mark and a word) when
    they raised its priority, then its labels, in the order they came.

    >>> triage_marks(1, '["Programme X", "Pourriel"]', "⬆ prioritaire")
    '⬆ prioritaire · Programme X, Pourriel'
    >>> triage_marks(0, None, "⬆ prioritaire")
    ''
    """
    words = json.loads(labels) if isinstance(labels, str) and labels else []
    marks = [raised] if priority == 1 else []
    if words:
        marks.append(", ".join(str(word) for word in words))
    return " · ".join(marks)
