"""One comment's flags and suggestions, combined from every detector: `analyse`, `analyse_many`."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from lib.detect.folding import digits_as_zero, fold
from lib.detect.language import detect_language, detect_languages
from lib.detect.pii import EMAIL, PersonalInformation, find_personal_information
from lib.detect.reading import head
from lib.detect.word_lists import (
    COMMERCIAL,
    COMPLAINT,
    DISTRESS,
    EMERGENCY,
    HATE,
    INSULTS,
    MEDICAL,
    NEGATIVE,
    OWN_FILE,
    PARTISAN,
    SERVICE_EXPERIENCE,
    SEXUAL,
    SPAM,
    THREATS,
    URL,
    AnyOf,
    has_question,
)
from lib.taxonomy import FLAGS, REASONS


@dataclass(frozen=True)
class Detection:
    """What the detectors read in one comment; reasons and redirect are only suggestions."""

    language: str
    flags: tuple[str, ...]
    suggested_reasons: tuple[str, ...]
    suggested_redirect: str | None


def _in_order(codes: set[str], order) -> tuple[str, ...]:
    return tuple(code for code in order if code in codes)


class _Found:
    """Whether each word list matches one folded text, each list searched at most once.

    The text is read with every run of ASCII digits as a single "0"
    (`digits_as_zero`): the word lists only ever see digits through \\d, \\w
    and [0-9] classes, which take a run and a "0" alike, so comments that differ
    by a number share their answers.
    """

    __slots__ = ("_hits", "_question", "folded")

    def __init__(self, folded: str):
        self.folded = folded
        # Keyed by id: hashing a compiled pattern hashes its whole program.
        self._hits: dict[int, bool] = {}
        self._question: bool | None = None

    def has(self, words: re.Pattern[str] | AnyOf) -> bool:
        hit = self._hits.get(id(words))
        if hit is None:
            hit = self._hits[id(words)] = words.search(self.folded) is not None
        return hit

    @property
    def question(self) -> bool:
        if self._question is None:
            self._question = has_question(self.folded)
        return self._question


def _redirect(found: _Found, pii: bool, flags: set[str], threat: bool) -> str | None:
    if pii:
        return "prive"
    if threat:
        # A threat is escalated and removed, not answered with a template.
        return None
    if found.has(DISTRESS) or found.has(MEDICAL) or found.has(EMERGENCY):
        return "medical"
    if found.has(COMPLAINT):
        return "plainte"
    if found.has(OWN_FILE):
        return "dossier"
    if "negative" in flags and found.has(SERVICE_EXPERIENCE):
        return "plainte"
    return None


def _without_email_addresses(text: str, pieces: list[PersonalInformation]) -> str:
    """`text` with its e-mail addresses blanked, so that their domains are not read as links:
    a person's as found ("jean @ exemple.ca"), and any other written plainly (info@quebec.ca)."""
    parts, written = [], 0
    for piece in pieces:
        if piece.kind == "email":
            parts += [text[written : piece.start], " "]
            written = piece.end
    text = "".join(parts) + text[written:]
    return EMAIL.sub(" ", text) if "@" in text else text


def analyse(text: str) -> Detection:
    """Flags, language and suggestions for one comment's text (its first `reading.MAX_TEXT_CHARS`).

    >>> d = analyse("Gang de caves, vous comprenez rien")
    >>> d.language, d.flags, d.suggested_reasons, d.suggested_redirect
    ('fr', ('negative',), ('injurieux',), None)
    """
    text = head(text) if isinstance(text, str) else ""
    folded = fold(text)
    found = _Found(digits_as_zero(folded))
    return _analyse(text, detect_language(text, folded), found)


def _analyse(text: str, language: str, found: _Found) -> Detection:
    pieces = find_personal_information(text)
    pii = bool(pieces)
    threat = found.has(THREATS)

    flags: set[str] = set()
    if pii:
        flags.add("pii")
    if language == "en":
        flags.add("english")
    if found.question:
        flags.add("question")
    if threat or found.has(NEGATIVE) or found.has(INSULTS) or found.has(HATE):
        flags.add("negative")
    if URL.search(_without_email_addresses(text, pieces)):
        flags.add("link")
    if threat or found.has(DISTRESS) or found.has(EMERGENCY):
        flags.add("urgent")

    reasons: set[str] = set()
    if pii:
        reasons.add("renseignements_personnels")
    if threat:
        reasons.add("menace")
    if found.has(HATE):
        reasons.add("haineux")
    elif found.has(INSULTS):
        reasons.add("injurieux")
    if found.has(SEXUAL):
        reasons.add("sexuel")
    if found.has(SPAM):
        reasons.add("pourriel")
    elif found.has(COMMERCIAL):
        reasons.add("commercial")
    if found.has(PARTISAN):
        reasons.add("partisan")

    return Detection(
        language=language,
        flags=_in_order(flags, FLAGS),
        suggested_reasons=_in_order(reasons, REASONS),
        suggested_redirect=_redirect(found, pii, flags, threat),
    )


def analyse_many(texts: pd.Series) -> pd.DataFrame:
    """`analyse` over a Series, each distinct text read once; same index as `texts`.

    Columns: language, flags and suggested_reasons (codes separated by spaces, in
    the taxonomy's order), suggested_redirect (None when there is none).
    """
    codes, uniques = pd.factorize(texts.fillna("").astype(str), sort=False)
    uniques = [head(text) for text in uniques.tolist()]
    folded = [fold(text) for text in uniques]
    languages = detect_languages(uniques, folded)
    word_lists: dict[str, _Found] = {}
    results = [
        _analyse(text, language, word_lists.setdefault(key, _Found(key)))
        for text, language, key in zip(uniques, languages, map(digits_as_zero, folded), strict=True)
    ]
    table = pd.DataFrame(
        {
            "language": [r.language for r in results],
            "flags": [" ".join(r.flags) for r in results],
            "suggested_reasons": [" ".join(r.suggested_reasons) for r in results],
            "suggested_redirect": [r.suggested_redirect for r in results],
        }
    )
    if len(texts) == 0:
        return table.iloc[0:0].set_axis(texts.index)
    found = table.take(codes).set_axis(texts.index)
    # None, not NaN, for "no redirect": what SQLite and the pages expect.
    redirect = found["suggested_redirect"].astype(object)
    found["suggested_redirect"] = redirect.where(redirect.notna(), None)
    return found
