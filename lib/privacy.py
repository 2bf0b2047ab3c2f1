"""Masking personal information in comment texts and author names, for exports and limited views.

What counts as personal information is decided in one place,
`lib.detect.find_personal_information`; this module only replaces what it finds.

>>> mask_personal_information("Écrivez-moi à julie@example.org ou au 418-555-0142")
'Écrivez-moi à [courriel masqué] ou au [téléphone masqué]'
>>> mask_author("Marie-Ève Tremblay")
'M.-È. T.'
"""

from __future__ import annotations

import hashlib
import re

import pandas as pd

from lib.detect import PII_KINDS, find_personal_information

# French placeholders (the working language), in square brackets so that a
# reader sees at once that something was removed, and so that no detector can
# mistake them for personal information (masking is idempotent).
PLACEHOLDERS = {
    "email": "[courriel masqué]",
    "phone": "[téléphone masqué]",
    "sin": "[NAS masqué]",
    "health_card": "[NAM masqué]",
    "card": "[carte masquée]",
    "driver_licence": "[permis masqué]",
    "address": "[adresse masquée]",
    "birth_date": "[date de naissance masquée]",
    "file_number": "[numéro de dossier masqué]",
}
assert set(PLACEHOLDERS) == set(PII_KINDS), "every kind of personal information needs a placeholder"

# Replacing a piece can, in theory, bring two fragments together into a new
# match; a few passes make the result stable without risking an endless loop.
MAX_PASSES = 3


def mask_personal_information(text: str) -> str:
    """`text` with each piece of personal information replaced by its placeholder.

    >>> mask_personal_information("Mon NAS est 046 454 286, né le 12 mars 1985.")
    'Mon NAS est [NAS masqué], né le [date de naissance masquée].'
    >>> mask_personal_information("Le 24 juin 2026, appelez le 811.")
    'Le 24 juin 2026, appelez le 811.'
    """
    if not isinstance(text, str) or not text:
        return text
    for _ in range(MAX_PASSES):
        pieces = find_personal_information(text)
        if not pieces:
            break
        text = _replaced(text, pieces)
    return text


def _replaced(text: str, pieces) -> str:
    """`text` with each piece (in order, not overlapping) replaced by its placeholder,
    in one pass: slicing the whole text once per piece was quadratic in their number."""
    parts, kept_from = [], 0
    for piece in pieces:
        parts += [text[kept_from : piece.start], PLACEHOLDERS[piece.kind]]
        kept_from = piece.end
    parts.append(text[kept_from:])
    return "".join(parts)


def mask_series(texts: pd.Series) -> pd.Series:
    """`mask_personal_information` over a Series, each distinct text masked once."""
    codes, uniques = pd.factorize(texts, sort=False, use_na_sentinel=True)
    masked = pd.Series([mask_personal_information(t) for t in uniques], dtype=object)
    result = pd.Series(masked.to_numpy()[codes], index=texts.index, dtype=object, name=texts.name)
    # factorize gives missing values the code -1: keep them missing.
    return result.where(codes >= 0, texts.astype(object))


_NAME_PART = re.compile(r"[^\W\d_]+", re.UNICODE)


def mask_author(name: str | None, style: str = "initials", salt: str = "") -> str | None:
    """An author name reduced to initials, or a stable pseudonym.

    Initials keep a repeat-author list readable ("M.-È. T."); the pseudonym
    ("auteur-3f9a2c") is the same for the same name on every run and every
    machine, so that a lead can follow one author across exports without
    learning who it is. Handles such as "@jtremblay" are pseudonymised. A hash of
    a name can be reversed by trying names: pass a `salt` kept out of exports
    when the pseudonyms leave the team.

    >>> mask_author("jean tremblay"), mask_author("@jtremblay") == mask_author("@jtremblay")
    ('J. T.', True)
    """
    if name is None or (isinstance(name, float) and pd.isna(name)):
        return None
    name = str(name).strip()
    if not name:
        return name
    if style == "pseudonym" or name.startswith("@"):
        digest = hashlib.sha256((salt + name.casefold()).encode("utf-8")).hexdigest()
        return f"auteur-{digest[:6]}"
    words = []
    for word in name.split():
        parts = _NAME_PART.findall(word)
        if parts:
            words.append("-".join(p[0].upper() + "." for p in parts))
    return " ".join(words) if words else mask_author(name, style="pseudonym", salt=salt)
