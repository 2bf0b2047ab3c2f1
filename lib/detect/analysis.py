"""One comment's flags and suggestions, combined from every detector: `analyse`, `analyse_many`."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.detect.folding import digits_as_zero, fold
from lib.detect.language import detect_language, detect_languages
from lib.detect.learned import (
    READ_RULES_FROM,
    SIGNALS,
    TONE,
    learned,
    negative_raised,
    raised,
)
from lib.detect.pii import EMAIL, PersonalInformation, find_personal_information
from lib.detect.reading import head
from lib.detect.urgency import DISTRESS, THREAT, Finding, find_urgency
from lib.detect.word_lists import (
    COMMERCIAL,
    COMPLAINT,
    HATE,
    INSULTS,
    MEDICAL,
    NEGATIVE,
    OWN_FILE,
    PARTISAN,
    SERVICE_EXPERIENCE,
    SEXUAL,
    SPAM,
    URL,
    AnyOf,
    has_question,
)
from lib.taxonomy import FLAGS, REASONS

_FLAG_ORDER = {flag: i for i, flag in enumerate(FLAGS)}
EVIDENCE_MAX_CHARS = 120
"""The longest excerpt of a comment that an explanation quotes."""


@dataclass(frozen=True)
class Evidence:
    """Why a flag was raised: the rule (`detect.rule.<rule>` in the catalogue) and the
    words of the comment that matched it (as written for a sentence rule, folded for a
    word list or a model), cut at `EVIDENCE_MAX_CHARS`; empty for personal information,
    whose value is never repeated."""

    flag: str
    rule: str
    words: str


@dataclass(frozen=True)
class Detection:
    """What the detectors read in one comment; reasons and redirect are only suggestions."""

    language: str
    flags: tuple[str, ...]
    suggested_reasons: tuple[str, ...]
    suggested_redirect: str | None
    evidence: tuple[Evidence, ...] = ()


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
        self._hits: dict[int, re.Match[str] | None] = {}
        self._question: bool | None = None

    def match(self, words: re.Pattern[str] | AnyOf) -> re.Match[str] | None:
        if id(words) not in self._hits:
            self._hits[id(words)] = words.search(self.folded)
        return self._hits[id(words)]

    def has(self, words: re.Pattern[str] | AnyOf) -> bool:
        return self.match(words) is not None

    @property
    def question(self) -> bool:
        if self._question is None:
            self._question = has_question(self.folded)
        return self._question


def _redirect(found: _Found, pii: bool, flags: set[str], threat: bool) -> str | None:
    if "distress" in flags:
        # A person in danger is answered first with 811 / 911, whatever else they wrote.
        return "medical"
    if pii:
        return "prive"
    if threat:
        # A threat is escalated and removed, not answered with a template.
        return None
    if found.has(MEDICAL):
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
    """Flags, language and suggestions for one comment's text (its first `reading.MAX_TEXT_CHARS`),
    with the evidence of each flag.

    >>> d = analyse("Gang de caves, vous comprenez rien")
    >>> d.language, d.flags, d.suggested_reasons, d.suggested_redirect
    ('fr', ('negative',), ('injurieux',), None)
    >>> d.evidence
    (Evidence(flag='negative', rule='negative.insult', words='gang de caves'),)
    """
    text = head(text) if isinstance(text, str) else ""
    folded = fold(text)
    language = detect_language(text, folded)
    scores = learned().probabilities([folded])
    probabilities = {signal: float(scores[signal][0]) for signal in SIGNALS}
    urgency = _urgency(text, folded, language, probabilities, explained=True)
    tone = float(scores[TONE][0])
    words = _read(language, _Found(digits_as_zero(folded)), urgency, tone, explained=True)
    return _detection(words, *_personal_and_link(text))


def explain(text: str) -> tuple[Evidence, ...]:
    """Why each flag of `text` is raised: its rule and the words that matched.

    >>> for e in explain("J'vais te retrouver, mon osti"):
    ...     print(e.flag, e.rule, e.words)
    negative threat.intent J'vais te retrouver
    urgent threat.intent J'vais te retrouver
    """
    return analyse(text).evidence


def _quote(words: str) -> str:
    return words.strip()[:EVIDENCE_MAX_CHARS]


def _first(found: _Found, *lists) -> tuple[str, str] | None:
    """The rule and words of the first of (rule, list) pairs that matches."""
    for rule, words in lists:
        hit = found.match(words)
        if hit:
            return rule, hit.group(0)
    return None


def _urgency(
    text, folded, language, probabilities: dict[str, float], explained: bool, read=find_urgency
):
    """The threats and the distress raised (`learned.raised`), each explained by the rules
    that matched (`read`), or else by the words that weighed most (looked for only when
    `explained`: `analyse` explains, `analyse_many` only flags)."""
    if max(probabilities.values()) < READ_RULES_FROM:
        # Below every threshold, and the rules are not read: most comments stop here.
        return []
    rules = read(text, folded, language)
    findings = []
    for signal in SIGNALS:
        matched = [f for f in rules if f.signal == signal]
        if not raised(signal, probabilities[signal], {f.rule for f in matched}):
            continue
        if matched:
            findings += matched
            continue
        words = learned().raising_words(signal, folded) if explained else ()
        findings.append(Finding(signal, f"{signal}.learned", " · ".join(words)))
    return findings


def _tone_words(found: _Found) -> tuple[str, str] | None:
    return _first(
        found, ("negative.hate", HATE), ("negative.insult", INSULTS), ("negative.tone", NEGATIVE)
    )


def tone_words(folded: str) -> str | None:
    """The rule of the first negative word list that matches a folded text (hate, then
    insults, then tone words), or None: what `learned.negative_raised` weighs."""
    words = _tone_words(_Found(digits_as_zero(folded)))
    return words and words[0]


def _negative(
    found: _Found, threats: list[Finding], distress: bool, tone: float, explained: bool
) -> Evidence | None:
    """Why the comment is negative (`learned.negative_raised`), or None if it is not: a
    threat, else the word list that matched, else the tone model's weightiest words."""
    listed = _tone_words(found)
    length = len(found.folded.split())
    if not negative_raised(tone, listed and listed[0], bool(threats), distress, length):
        return None
    if threats:
        return Evidence("negative", threats[0].rule, _quote(threats[0].words))
    if listed:
        return Evidence("negative", listed[0], _quote(listed[1]))
    weighed = learned().raising_words(TONE, found.folded) if explained else ()
    return Evidence("negative", f"{TONE}.learned", _quote(" · ".join(weighed)))


@dataclass(frozen=True)
class _Reading:
    """What the language, the word lists and the models read in a text. Numbers are
    read as "0" by all of them, so texts that differ only by a number share it; only
    personal information and links are looked for in each text (`_detection`)."""

    language: str
    found: _Found
    flags: frozenset[str]
    reasons: frozenset[str]
    evidence: tuple[Evidence, ...]
    threat: bool


def _read(
    language: str, found: _Found, urgency: list[Finding], tone: float, explained: bool = False
) -> _Reading:
    threats = [f for f in urgency if f.signal == THREAT]
    distress = [f for f in urgency if f.signal == DISTRESS]
    evidence: list[Evidence] = []

    flags: set[str] = set()
    if language == "en":
        flags.add("english")
        evidence.append(Evidence("english", "english", ""))
    if found.question:
        flags.add("question")
        evidence.append(Evidence("question", "question", ""))
    negative = _negative(found, threats, bool(distress), tone, explained)
    if negative:
        flags.add("negative")
        evidence.append(negative)
    if urgency:
        flags.add("urgent")
        evidence += [Evidence("urgent", f.rule, _quote(f.words)) for f in urgency]
    if distress:
        flags.add("distress")
        evidence += [Evidence("distress", f.rule, _quote(f.words)) for f in distress]

    reasons: set[str] = set()
    if threats:
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
    return _Reading(
        language, found, frozenset(flags), frozenset(reasons), tuple(evidence), bool(threats)
    )


def _personal_and_link(text: str) -> tuple[list[PersonalInformation], re.Match[str] | None]:
    """The personal information in a text, and its first link that is no e-mail address."""
    pieces = find_personal_information(text)
    return pieces, URL.search(_without_email_addresses(text, pieces))


def _detection(
    read: _Reading, pieces: list[PersonalInformation], link: re.Match[str] | None
) -> Detection:
    """One text's detection: what was `read` in it, its personal information and its link."""
    flags, reasons, evidence = set(read.flags), set(read.reasons), list(read.evidence)
    if pieces:
        flags.add("pii")
        reasons.add("renseignements_personnels")
        kinds = dict.fromkeys(piece.kind for piece in pieces)
        evidence += [Evidence("pii", f"pii.{kind}", "") for kind in kinds]
    if link:
        flags.add("link")
        evidence.append(Evidence("link", "link", _quote(link.group(0))))
    return Detection(
        language=read.language,
        flags=_in_order(flags, FLAGS),
        suggested_reasons=_in_order(reasons, REASONS),
        suggested_redirect=_redirect(read.found, bool(pieces), flags, read.threat),
        evidence=tuple(sorted(evidence, key=lambda e: _FLAG_ORDER[e.flag])),
    )


def analyse_many(texts: pd.Series) -> pd.DataFrame:
    """`analyse` over a Series, each distinct text read once; same index as `texts`.

    Columns: language, flags and suggested_reasons (codes separated by spaces, in
    the taxonomy's order), suggested_redirect (None when there is none).

    Texts that differ only by their numbers share their language, word lists, models
    and rules (`_Reading`, read once for them); each is searched for personal
    information and links.
    """
    codes, uniques = pd.factorize(texts.fillna("").astype(str), sort=False)
    uniques = [head(text) for text in uniques.tolist()]
    folded = [fold(text) for text in uniques]
    # The language is read on the text, where the model never sees a digit
    # (`language._NOT_WORDS`): texts alike but for their numbers have the same.
    alike = pd.factorize(pd.Series(map(digits_as_zero, uniques), dtype=object))[0]
    read_for = np.unique(alike, return_index=True)[1].tolist()  # the first text of each
    languages = detect_languages([uniques[i] for i in read_for], [folded[i] for i in read_for])
    languages = [languages[code] for code in alike.tolist()]
    keys = [(digits_as_zero(f), language) for f, language in zip(folded, languages, strict=True)]
    first: dict[tuple[str, str], int] = {}
    for i, key in enumerate(keys):
        first.setdefault(key, i)
    chosen = list(first.values())
    readings = _readings(
        [uniques[i] for i in chosen], [folded[i] for i in chosen], [keys[i][1] for i in chosen]
    )
    reading_of = {key: n for n, key in enumerate(first)}
    # A text's columns follow from its reading, whether it holds personal information
    # and whether it holds a link: each combination is written once.
    combined: dict[tuple[int, bool, bool], tuple[str, str, str | None]] = {}
    results = []
    for text, key in zip(uniques, keys, strict=True):
        pieces, link = _personal_and_link(text)
        found = (reading_of[key], bool(pieces), link is not None)
        if found not in combined:
            detection = _detection(readings[found[0]], pieces, link)
            combined[found] = (
                " ".join(detection.flags),
                " ".join(detection.suggested_reasons),
                detection.suggested_redirect,
            )
        results.append(combined[found])
    table = pd.DataFrame(
        {
            "language": languages,
            "flags": [r[0] for r in results],
            "suggested_reasons": [r[1] for r in results],
            "suggested_redirect": [r[2] for r in results],
        }
    )
    if len(texts) == 0:
        return table.iloc[0:0].set_axis(texts.index)
    found = table.take(codes).set_axis(texts.index)
    # None, not NaN, for "no redirect": what SQLite and the pages expect.
    redirect = found["suggested_redirect"].astype(object)
    found["suggested_redirect"] = redirect.where(redirect.notna(), None)
    return found


def _readings(texts: list[str], folded: list[str], languages: list[str]) -> list[_Reading]:
    """`_read` for texts that differ by more than their numbers, in a batch (no evidence
    looked for where no rule gives it: `analyse_many` only flags)."""
    scores = learned().probabilities(folded)
    probabilities = [
        dict(zip(SIGNALS, values, strict=True))
        for values in zip(*(scores[signal].tolist() for signal in SIGNALS), strict=True)
    ]
    word_lists: dict[str, _Found] = {}
    readings = []
    for text, fold_, language, chances, tone in zip(
        texts, folded, languages, probabilities, scores[TONE].tolist(), strict=True
    ):
        found = word_lists.setdefault(digits_as_zero(fold_), _Found(digits_as_zero(fold_)))
        urgency = _urgency(text, fold_, language, chances, explained=False)
        readings.append(_read(language, found, urgency, tone))
    return readings
