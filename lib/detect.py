"""Flags and suggestions read from a comment's text: personal information, language, tone, urgency.

Everything here is offline and deterministic: regular expressions and word lists
written for Québec public-sector comments (French, Québec French, English), the
`phonenumbers` metadata, and the language model bundled with `py3langid`.
Suggestions are never applied: a moderator decides.

>>> d = analyse("Mon NAS est 046 454 286, pouvez-vous vérifier mon dossier?")
>>> d.flags, d.suggested_reasons, d.suggested_redirect
(('pii', 'question'), ('renseignements_personnels',), 'prive')
>>> analyse("Thanks, see you there!").language
'en'
"""

from __future__ import annotations

import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher, PhoneNumberType
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from lib.taxonomy import FLAGS, REASONS

# --------------------------------------------------------------------------- #
# Personal information: the one definition shared by the flags and the masker.
# --------------------------------------------------------------------------- #

PII_KINDS = (
    "email",
    "phone",
    "sin",
    "health_card",
    "card",
    "driver_licence",
    "address",
    "birth_date",
    "file_number",
)


@dataclass(frozen=True)
class PersonalInformation:
    """One piece of personal information found in a text: `text[start:end]`."""

    kind: str
    start: int
    end: int
    value: str


EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
# An address written so that robots miss it: "julie at gmail dot com",
# "jp.ouellet(at)videotron(dot)ca", "nathalie point roy arobase hotmail point com".
_SPELLED_AT = r"(?:\s*[(\[]\s*(?:at|arobase)\s*[)\]]\s*|\s+(?:at|arobase)\s+|\s*@\s*)"
_SPELLED_DOT = r"(?:\s*[(\[]\s*(?:dot|point)\s*[)\]]\s*|\s+(?:dot|point)\s+|\.)"
SPELLED_EMAIL = re.compile(
    rf"(?<![\w.+-])(?P<mailbox>[\w+-]+(?:{_SPELLED_DOT}[\w+-]+)*){_SPELLED_AT}"
    rf"(?P<domain>[A-Za-z][\w-]*(?:{_SPELLED_DOT}[A-Za-z][\w-]*)*?{_SPELLED_DOT}"
    r"(?:com|ca|net|org|fr|info|qc\.ca|qc dot ca|qc point ca))(?![\w-])",
    re.IGNORECASE,
)
_SPELLED_DOT_ONLY = re.compile(_SPELLED_DOT, re.IGNORECASE)
# "Find us at example.com", "more details at quebec.ca": English puts these words before "at".
NOT_A_MAILBOX = re.compile(
    r"(?:us|me|you|him|her|them|it|we|online|home|here|there|now|more|details|look|visit|"
    r"find|available|apply|register|meet|see|it's|its|is|are|found|posted|listed)",
    re.IGNORECASE,
)
# Both halves must be spelled out somewhere before the pattern is worth trying.
_SPELLED_AT_HINT = re.compile(r"[(\[\s](?:at|arobase)[)\]\s]", re.IGNORECASE)
_SPELLED_DOT_HINT = re.compile(r"[(\[\s](?:dot|point)[)\]\s]|\.(?:com|ca|net|org)\b", re.IGNORECASE)
# Addresses that reach an office, not a person: a public body's domain, or a
# role such as info@ or plaintes@ anywhere. Quoting them exposes nobody.
PUBLIC_EMAIL_DOMAIN = re.compile(
    r"(?:^|\.)(?:gouv\.qc\.ca|quebec\.ca|gc\.ca|canada\.ca|gov|gouv\.fr)$", re.IGNORECASE
)
ROLE_MAILBOX = re.compile(
    r"(?:infos?|informations?|renseignements|communications?|comm|plaintes?|complaints?|"
    r"contact|accueil|reception|services?|service-?clientele|support|aide|help|medias?|"
    r"presse|press|admin|administration|secretariat|emplois?|jobs|careers|carrieres|rh|hr|"
    r"recrutement|no-?reply|ne-?pas-?repondre|webmestre|webmaster|direction|inscriptions?|"
    r"facturation|billing|ventes|sales|confidentialite|privacy|acces|ombudsman|commissaire|"
    r"nouvelles|news)",
    re.IGNORECASE,
)

# A 3-3-3 group with one consistent separator, not glued to other digits nor
# to a decimal part or a currency (an amount such as "123 456 789 $").
SIN_CANDIDATE = re.compile(
    r"(?<![\w$-])(\d{3})([ -]?)(\d{3})\2(\d{3})(?![\w-]|[.,]\d|\s*(?:\$|€|dollars?\b))"
)
SIN_CONTEXT = re.compile(
    r"\b(?:nas|sin|n\.a\.s\.?|assurance[- ]sociale|social insurance)\b", re.IGNORECASE
)
# Nine digits near one of these words are an amount, an order or a count, not a SIN.
MONEY_CONTEXT = re.compile(
    r"\$|€|\b(?:pay[ée]e?s?|payer|paie|pay[ée]|d[ée]pens[ée]e?s?|d[ée]penser|co[ûu]t[ée]?s?|co[ûu]te(?:nt)?|"
    r"montants?|budgets?|totale?|factur[ée]e?s?|factures?|prix|sommes?|dollars?|piasses?|"
    r"millions?|milliards?|subventions?|contrats?|investi\w*|re[çc]u|rembours\w*|"
    r"paid|pay|cost\w*|spent|spend|amount|price|sum|invoice|bill(?:ed)?|grant|budget|"
    r"dollars?|bucks|millions?|billions?)\b",
    re.IGNORECASE,
)
# RAMQ health-insurance number: 3 letters of the surname and the first name's
# initial, then YYMMDD (women's month + 50) and two administrative digits. The
# card prints the letters in capitals; other spellings count only when named.
HEALTH_CARD = re.compile(r"(?<![\w])([A-Za-z]{4})[ -]?(\d{2})(\d{2})[ -]?(\d{2})(\d{2})(?![\w])")
HEALTH_CARD_CONTEXT = re.compile(
    r"\b(?:nam|ramq|carte soleil|assurance[- ]maladie|health (?:card|insurance)|medicare|"
    r"healthcare number|num[ée]ro d'assurance maladie)\b",
    re.IGNORECASE,
)
# Days in each month, February as in a leap year (the card gives two digits of the year).
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
# Four-letter words that could precede eight digits in ordinary prose.
HEALTH_CARD_STOPWORDS = frozenset(
    [
        "dans",
        "pour",
        "avec",
        "sont",
        "plus",
        "mais",
        "leur",
        "vers",
        "sans",
        "that",
        "with",
        "from",
        "page",
        "code",
        "have",
        "then",
        "than",
        "this",
        "were",
        "will",
        "also",
        "into",
        "year",
    ]
)
CARD = re.compile(r"(?<![\d-])\d{4}(?:[ -]?\d{4}){2}[ -]?\d{1,7}(?![\d-])")
DRIVER_LICENCE = re.compile(r"(?<![\w-])[A-Za-z]\d{4}[ -]?\d{6}[ -]?\d{2}(?![\w-])")

POSTAL_CODE = r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d"
_STREET_FR = (
    r"rue|avenue|av\.|boulevard|boul\.|blvd|chemin|ch\.|rang|route|mont[ée]e|place|"
    r"croissant|impasse|all[ée]e|promenade|terrasse|c[ôo]te|carré|carre|ruelle"
)
_STREET_EN = r"street|st\.?|avenue|ave\.?|road|rd\.?|drive|dr\.?|lane|crescent|court|way"
_NAME_WORD = r"[\w'’.-]+"
_UNIT = r"(?:,?\s*(?:app\.?|apt\.?|appartement|apartment|unit[ée]?|suite|bureau|#)\s*\w{1,5})?"
_CITY_POSTAL = (
    rf"(?:,?\s*(?:[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+)*,?\s*)?"
    rf"(?:\(?(?:QC|Qc|Québec|Quebec)\)?,?\s*)?{POSTAL_CODE}(?!\w))?"
)
ADDRESS = re.compile(
    rf"(?<![\w$])\d{{1,5}}(?:-\d{{1,5}})?,?\s+"
    rf"(?:(?:{_STREET_FR})\s+{_NAME_WORD}(?:\s+(?!et\b|and\b|pis\b|depuis\b){_NAME_WORD}){{0,3}}"
    rf"|(?:[A-Z][\w'’-]+\s+){{1,2}}(?:{_STREET_EN})(?!\w)(?:\s+(?:East|West|North|South))?)"
    rf"{_UNIT}{_CITY_POSTAL}",
    re.IGNORECASE,
)
# A civic address is personal only when it is somebody's home: the organisation
# gives its own offices' addresses all the time.
ADDRESS_CONTEXT = re.compile(
    r"\b(?:j'habite|j’habite|habite|je reste|je demeure|demeure|mon adresse|notre adresse|"
    r"chez (?:moi|nous)|domicile|mon voisin|ma voisine|voisins?|i live|we live|my address|"
    r"my home|my house|neighbou?rs?|lives at)\b",
    re.IGNORECASE,
)

_MONTHS = (
    r"janv(?:ier|\.)?|f[ée]v(?:rier|r?\.)?|mars|avr(?:il|\.)?|mai|juin|juil(?:let|\.)?|"
    r"ao[ûu]t|sept(?:embre|\.)?|oct(?:obre|\.)?|nov(?:embre|\.)?|d[ée]c(?:embre|\.)?|"
    r"january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sep\.?|oct\.?|nov\.?|dec\.?"
)
_DATE = (
    rf"(?:\d{{1,2}}(?:er)?\s+(?:{_MONTHS})\s+\d{{4}}"
    rf"|(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}"
    rf"|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}})"
)
BIRTH_DATE = re.compile(
    rf"\b(?:n[ée]e?s?\s+le|date de naissance|ddn|dob|date of birth|birth ?date|born(?:\s+on)?)"
    rf"\s*[:,-]?\s*(?:(?:est|is|was)\s+)?(?:le\s+|on\s+)?({_DATE})(?!\d)",
    re.IGNORECASE,
)
FILE_NUMBER = re.compile(
    r"\b(?:(?:num[ée]ro|no\.?|n°|#)\s+(?:de\s+|d['’]\s*)?)?"
    r"(?:dossier|client|r[ée]clamation|demande|usager|r[ée]f[ée]rence|membre|"
    r"file|case|claim|account|member|reference)"
    r"\s*(?:number|num[ée]ro|no\.?|n°|#)?\s*(?:est|is|:)?\s*[:#]?\s*"
    r"(?=[A-Za-z0-9-]*\d)([A-Za-z0-9][A-Za-z0-9-]{4,}[A-Za-z0-9])(?![\w-])",
    re.IGNORECASE,
)
YEAR_RANGE = re.compile(r"(?:19|20)\d\d-(?:19|20)?\d\d")
# The matcher is the slow part; only texts with ten digits close together, or a
# "+" before digits, can hold a valid number at the VALID leniency.
_PHONE_HINT = re.compile(r"\+\s*\d|\d(?:[\s.()/-]{0,3}\d){9}")
# Toll-free numbers (800, 888, 877, …) are organisations' service lines, never
# a person's: quoting the ministry's 1 877 line is not a privacy problem.
PUBLIC_PHONE_TYPES = frozenset({PhoneNumberType.TOLL_FREE})
# How people write North American numbers (418-555-0142, 1 418 555 0142,
# 4185550142, 418 5550142); other groupings ("2024-771203") are years and file
# numbers that happen to be valid numbers somewhere in the plan.
# Québec numbers are also written in pairs: 450-555-12-34.
NANP_GROUPINGS = frozenset(
    {(10,), (11,), (3, 3, 4), (1, 3, 3, 4), (3, 7), (1, 3, 7), (1, 10)}
    | {(3, 3, 2, 2), (1, 3, 3, 2, 2)}
)


def _luhn(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _is_personal_email(address: str) -> bool:
    """False for a public body's address or a role mailbox (info@, plaintes@…)."""
    mailbox, _, domain = address.rpartition("@")
    return not (PUBLIC_EMAIL_DOMAIN.search(domain) or ROLE_MAILBOX.fullmatch(mailbox))


def _emails(text: str):
    if "@" in text:
        for m in EMAIL.finditer(text):
            if _is_personal_email(m.group()):
                yield PersonalInformation("email", m.start(), m.end(), m.group())
    if _SPELLED_AT_HINT.search(text) and _SPELLED_DOT_HINT.search(text):
        for m in SPELLED_EMAIL.finditer(text):
            mailbox, domain = (
                _SPELLED_DOT_ONLY.sub(".", m.group(g)) for g in ("mailbox", "domain")
            )
            # "Details at www.example.org" gives a web address, not a mailbox.
            web = domain.lower().startswith("www.") or NOT_A_MAILBOX.fullmatch(mailbox)
            if "@" not in m.group() and not web and _is_personal_email(f"{mailbox}@{domain}"):
                yield PersonalInformation("email", m.start(), m.end(), m.group())


def _phones(text: str):
    if not _PHONE_HINT.search(text):
        return
    for m in PhoneNumberMatcher(text, "CA", leniency=Leniency.VALID):
        if phonenumbers.number_type(m.number) in PUBLIC_PHONE_TYPES:
            continue
        groups = tuple(len(g) for g in re.findall(r"\d+", m.raw_string))
        if not m.raw_string.startswith("+") and groups not in NANP_GROUPINGS:
            continue
        yield PersonalInformation("phone", m.start, m.end, m.raw_string)


def _sins(text: str):
    for m in SIN_CANDIDATE.finditer(text):
        digits = m.group(1) + m.group(3) + m.group(4)
        named = SIN_CONTEXT.search(text, max(0, m.start() - 40), m.start())
        # Unnamed, a number must look like a real SIN: written 3-3-3, Luhn-valid,
        # first digit 1-7 or 9 (0 is unassigned, 8 is for business numbers), and
        # not an amount ("J'ai payé 130 692 544").
        if named or (
            m.group(2)
            and _luhn(digits)
            and digits[0] not in "08"
            and not MONEY_CONTEXT.search(text, max(0, m.start() - 30), m.end() + 20)
        ):
            yield PersonalInformation("sin", m.start(), m.end(), m.group())


def _health_cards(text: str):
    for m in HEALTH_CARD.finditer(text):
        letters = m.group(1)
        if not letters.isascii():
            continue
        # Named ("NAM", "carte d'assurance maladie"), a number is taken as written:
        # a typo in its digits still exposes the person. Unnamed, it must look
        # like a card: capitals, not a word, and a birth date that exists.
        named = HEALTH_CARD_CONTEXT.search(text, max(0, m.start() - 40), m.start())
        if named or (
            letters.isupper()
            and letters.lower() not in HEALTH_CARD_STOPWORDS
            and _is_card_birth_date(int(m.group(3)), int(m.group(4)))
        ):
            yield PersonalInformation("health_card", m.start(), m.end(), m.group())


def _is_card_birth_date(month: int, day: int) -> bool:
    """Whether MMDD can be a RAMQ birth date: month 1-12, or 51-62 for women."""
    month = month - 50 if month > 50 else month
    return 1 <= month <= 12 and 1 <= day <= _MONTH_DAYS[month - 1]


def _cards(text: str):
    for m in CARD.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if 13 <= len(digits) <= 19 and _luhn(digits):
            yield PersonalInformation("card", m.start(), m.end(), m.group())


def _driver_licences(text: str):
    for m in DRIVER_LICENCE.finditer(text):
        yield PersonalInformation("driver_licence", m.start(), m.end(), m.group())


def _addresses(text: str):
    for m in ADDRESS.finditer(text):
        has_postal_code = re.search(POSTAL_CODE + r"$", m.group().rstrip())
        if has_postal_code or ADDRESS_CONTEXT.search(text, max(0, m.start() - 40), m.start()):
            yield PersonalInformation("address", m.start(), m.end(), m.group().rstrip())


def _birth_dates(text: str):
    for m in BIRTH_DATE.finditer(text):
        yield PersonalInformation("birth_date", m.start(1), m.end(1), m.group(1))


def _file_numbers(text: str):
    for m in FILE_NUMBER.finditer(text):
        value = m.group(1)
        if sum(c.isdigit() for c in value) >= 5 and not YEAR_RANGE.fullmatch(value):
            yield PersonalInformation("file_number", m.start(1), m.end(1), value)


# Context-anchored finders first: on a tie in length, "dossier 2024-771203" is a
# file number rather than the phone number its digits could also spell. Each
# comes with the fewest digits a text needs for it to find anything, so that a
# comment with none or a few skips the patterns that cannot match.
_FINDERS = (
    (_file_numbers, 5),
    (_birth_dates, 4),
    (_emails, 0),
    (_cards, 13),
    (_driver_licences, 12),
    (_health_cards, 8),
    (_sins, 9),
    (_phones, 1),
    (_addresses, 1),
)
_DIGIT = re.compile(r"\d")


def find_personal_information(text: str) -> list[PersonalInformation]:
    """Every piece of personal information in `text`, left to right, never overlapping.

    When two findings overlap the longer wins (an address holding a postal code,
    a file number that happens to look like a phone number).

    >>> [p.kind for p in find_personal_information("Écrivez à a.b@example.org ou au 418-555-0142")]
    ['email', 'phone']
    >>> find_personal_information("Le 24 juin 2026, 1 234,56 $, article 12345678, 811, C.P. 1234")
    []
    """
    if not text:
        return []
    digits = len(_DIGIT.findall(text))
    found = [p for finder, needs in _FINDERS if digits >= needs for p in finder(text)]
    kept: list[PersonalInformation] = []
    for piece in sorted(found, key=lambda p: -(p.end - p.start)):
        if all(piece.end <= k.start or piece.start >= k.end for k in kept):
            kept.append(piece)
    return sorted(kept, key=lambda p: p.start)


# --------------------------------------------------------------------------- #
# Language
# --------------------------------------------------------------------------- #

_NOT_WORDS = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|[@#]\w+|\d+|_", re.UNICODE)
# The same without its e-mail alternative, which tries every run of non-spaces
# at every position: for the many texts with no "@".
_NOT_WORDS_NO_AT = re.compile(r"https?://\S+|www\.\S+|#\w+|\d+|_", re.UNICODE)


def _not_words(text: str) -> re.Pattern[str]:
    return _NOT_WORDS if "@" in text else _NOT_WORDS_NO_AT


_WORD = re.compile(r"[^\W\d_]+")
# Very short comments ("Ok merci", "Pas fort") carry too few character n-grams
# for the model; a handful of unambiguous everyday words decides them.
_SHORT_FR = frozenset(
    [
        "merci",
        "bonjour",
        "bonsoir",
        "allo",
        "salut",
        "svp",
        "oui",
        "non",
        "pas",
        "fort",
        "tres",
        "bravo",
        "bonne",
        "bon",
        "vraiment",
        "genre",
        "tellement",
        "rapport",
        "quoi",
        "pourquoi",
    ]
)
_SHORT_EN = frozenset(
    [
        "thanks",
        "thank",
        "thx",
        "hello",
        "hi",
        "hey",
        "please",
        "yes",
        "good",
        "great",
        "nice",
        "job",
        "sorry",
        "why",
        "what",
        "disappointed",
        "awesome",
        "no",
        "go",
    ]
)
OTHER_LANGUAGE_MIN_LETTERS = 40
OTHER_LANGUAGE_MIN_CONFIDENCE = 0.99
# Under SHORT_TEXT_LETTERS letters ("Ok", "Wow", "811 option 2", an ISBN) the
# model guesses, and most often English; such a text is taken as English only
# when the model is sure between the two, and otherwise as French, the
# organisation's language. Under MIN_LETTERS it is not asked at all.
MIN_LETTERS = 4
SHORT_TEXT_LETTERS = 20
SHORT_TEXT_MIN_CONFIDENCE = 0.75
_SHORT, _MEDIUM, _LONG = 0, 1, 2


class _Identifier(LanguageIdentifier):
    """py3langid's identifier, able to use feature counts found beforehand for many texts.

    Its byte-by-byte walk is the slow part of a classification; `_walked` runs it
    for a batch of texts at once, and `classify` then scores them exactly as usual.
    """

    __slots__ = ("known_visits",)

    def _raw_score(self, text: bytes):
        visits = getattr(self, "known_visits", {}).get(text)
        if visits is None:
            return super()._raw_score(text)
        # `_sparse_score` with the features as arrays rather than a Counter.
        features, counts = visits
        return np.log1p(counts) @ self.nb_ptc[features] + self.nb_pc


@lru_cache(maxsize=1)
def _identifiers() -> tuple[_Identifier, _Identifier]:
    everything = _Identifier.from_model_file(MODEL_FILE, norm_probs=True)
    french_or_english = _Identifier.from_model_file(MODEL_FILE, norm_probs=True)
    french_or_english.set_languages(["fr", "en"])
    for identifier in (everything, french_or_english):
        identifier.known_visits = {}
    return everything, french_or_english


# Texts walked together at most: the walk holds a texts x longest-text byte table.
WALK_CELLS = 4_000_000


def _visit_counts(identifier: LanguageIdentifier, encoded: list[bytes]) -> list[tuple]:
    """py3langid's `visit_counts` for many texts at once: one numpy step per byte position.

    For each text, its features (intp) in order of first appearance, as in the
    Counter that py3langid builds so that scores are summed in the same order,
    and how often each was seen (float32, as `_sparse_score` reads them).
    """
    next_move = np.frombuffer(identifier.tk_nextmove, dtype=identifier.tk_nextmove.typecode)
    row_base = np.asarray(identifier._rowbase, dtype=np.int64)
    output = np.asarray(identifier.tk_output, dtype=np.int64)
    lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
    longest_first = np.argsort(-lengths, kind="stable")
    found: list[tuple] = [None] * len(encoded)
    start = 0
    while start < len(encoded):
        width = max(int(lengths[longest_first[start]]), 1)
        batch = longest_first[start : start + max(1, WALK_CELLS // width)]
        start += len(batch)
        walked = _walk_batch(
            next_move, row_base, output, [encoded[i] for i in batch], lengths[batch]
        )
        for position, visits in zip(batch.tolist(), walked, strict=True):
            found[position] = visits
    return found


def _walk_batch(next_move, row_base, output, texts, lengths) -> list[tuple]:
    table = np.zeros((len(texts), max(int(lengths.max()), 1)), dtype=np.int64)
    flat = np.frombuffer(b"".join(texts), dtype=np.uint8)
    rows = np.repeat(np.arange(len(texts)), lengths)
    starts = np.repeat(np.cumsum(lengths) - lengths, lengths)
    table[rows, np.arange(len(flat)) - starts] = flat
    state = np.zeros(len(texts), dtype=np.int64)
    active = np.searchsorted(-lengths, -np.arange(table.shape[1]), side="right")
    hit_rows, hit_features = [], []
    for column in range(table.shape[1]):
        live = int(active[column])
        moved = next_move[row_base[state[:live]] + table[:live, column]]
        state[:live] = moved
        feature = output[moved]
        hits = np.flatnonzero(feature >= 0)
        hit_rows.append(hits)
        hit_features.append(feature[hits])
    rows = np.concatenate(hit_rows)
    features = np.concatenate(hit_features)
    by_text = np.argsort(rows, kind="stable")
    keys = rows[by_text] * len(output) + features[by_text]
    unique, first, counts = np.unique(keys, return_index=True, return_counts=True)
    in_order = np.argsort(first, kind="stable")
    text_of, feature_of = np.divmod(unique[in_order], len(output))
    bounds = np.searchsorted(text_of, np.arange(len(texts) + 1))
    features = feature_of.astype(np.intp)
    counts = counts[in_order].astype(np.float32)
    return [
        (features[a:b], counts[a:b]) if b > a else None
        for a, b in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True)
    ]


@contextmanager
def _walked(cleaned_texts):
    """Within the block, classifying one of `cleaned_texts` skips py3langid's walk."""
    identifiers = _identifiers()
    encoded = list({LanguageIdentifier._encode(text) for text in cleaned_texts})
    visits = {
        text: counts
        for text, counts in zip(encoded, _visit_counts(identifiers[0], encoded), strict=True)
        if counts is not None
    }
    for identifier in identifiers:
        identifier.known_visits.update(visits)
    try:
        yield
    finally:
        # Another thread's batch may hold some of the same texts: their counts
        # are the same, and a missing one only means walking it again.
        for identifier in identifiers:
            for text in visits:
                identifier.known_visits.pop(text, None)


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


def detect_language(text: str, folded: str | None = None) -> str:
    """'fr', 'en', another ISO 639-1 code for a long and clearly foreign text, or 'und'.

    Comments here are French or English nearly always, so the decision is made
    between those two unless a long text is unmistakably something else.

    >>> detect_language("Ok merci"), detect_language("Ok thanks"), detect_language("👍")
    ('fr', 'en', 'und')
    """
    decided, cleaned, size = _language_without_model(text, folded)
    return decided or _model_language(cleaned, size)


def _language_without_model(text: str, folded: str | None) -> tuple[str | None, str, int]:
    """The language when the words alone decide it, else None; the text the model
    reads, and how long it is for the model (`_SHORT`, `_MEDIUM` or `_LONG`)."""
    cleaned = _not_words(text or "").sub(" ", text or "")
    words = _WORD.findall(
        _not_words(folded).sub(" ", folded) if folded is not None else fold(cleaned)
    )
    if not words:
        return "und", cleaned, _SHORT
    if len(words) <= 4:
        fr = sum(w in _SHORT_FR for w in words)
        en = sum(w in _SHORT_EN for w in words)
        if fr != en:
            return ("fr" if fr > en else "en"), cleaned, _SHORT
    letters = sum(map(len, words))
    if letters < MIN_LETTERS:
        return "fr", cleaned, _SHORT
    if letters < SHORT_TEXT_LETTERS:
        return None, cleaned, _SHORT
    return None, cleaned, _LONG if letters >= OTHER_LANGUAGE_MIN_LETTERS else _MEDIUM


# Comments differ by a number, a mention or a link far more often than by their
# words; those are cleaned away, so the model's answer is worth remembering.
@lru_cache(maxsize=100_000)
def _model_language(cleaned: str, size: int) -> str:
    everything, french_or_english = _identifiers()
    code, confidence = everything.classify(cleaned)
    if code == "fr" or (code == "en" and size != _SHORT):
        # Best among all languages is also best between these two: one pass.
        return code
    if size == _LONG and code != "en" and confidence >= OTHER_LANGUAGE_MIN_CONFIDENCE:
        return code
    code, confidence = french_or_english.classify(cleaned)
    if size == _SHORT and code == "en" and confidence < SHORT_TEXT_MIN_CONFIDENCE:
        return "fr"
    return code


# --------------------------------------------------------------------------- #
# Tone, intent and urgency: word lists over folded text (no accents, lower case)
# --------------------------------------------------------------------------- #


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])")


class _WordsNear:
    """A word list tried only on texts where `needles` (a pattern) occurs.

    Proximity patterns (a speaker, a few words, then a verb) would otherwise be
    tried at every "je" and "i" of every comment; most hold none of the verbs.
    """

    __slots__ = ("needles", "pattern")

    def __init__(self, needles: str, *alternatives: str):
        self.needles = re.compile(needles)
        self.pattern = _words(*alternatives)

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.needles.search(text) else None


class _AnyOf:
    """Several word lists read as one: `search` finds the first that matches."""

    __slots__ = ("lists",)

    def __init__(self, *lists: re.Pattern[str] | _WordsNear):
        self.lists = lists

    def search(self, text: str) -> re.Match[str] | None:
        for words in self.lists:
            hit = words.search(text)
            if hit:
                return hit
        return None


URL = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|(?<![\w@.-])(?:[a-z0-9-]+\.)+(?:com|org|net|ca|ly|io|co|info|biz|fr|quebec|shop|xyz|me|tv|app|gl)"
    r"(?:/\S*)?(?![\w@])",
    re.IGNORECASE,
)

SWEARING = (
    r"tabarn[aoe]k\w*|tabarnac|crisse?|calisse|caliss|c[a]lice|ostie|hostie|esti|estie|"
    r"sacrament|ciboire|calvaire|viarge|marde|merde|chier|fuck\w*|f\*ck\w*|f\*\*k|shit\w*|"
    r"bullshit|wtf|ta gueule|votre gueule|fermez? (?:donc )?(?:ta|votre) gueule"
)
INSULTS = _words(
    SWEARING,
    r"idiots?|imbeciles?|cretins?|cons|connes?|connards?|conasses?|abrutis?|tarlas?|twits?|"
    r"nonos?|epais|deficients?|morons?|stupid|dumb\w*|jerks?|losers?|clowns?|"
    r"menteurs?|menteuses?|voleurs?|liars?|thieves|shut up|"
    r"(?:gang|bande) d(?:e |')\w+|bunch of \w+|espece d(?:e |')\w+",
)
NEGATIVE = _words(
    SWEARING,
    r"inacceptables?|inadmissibles?|honte|honteu(?:x|se)|scandal\w*|ridicules?|lamentables?|"
    r"pathetiques?|n'importe quoi|c'est nul|vraiment nul|deception|decevante?s?|decue?s?|"
    r"frustr\w+|fache(?:e|s)?|tanne(?:e|s)?|ecoeur\w*|marre|ras[- ]le[- ]bol|"
    r"toujours (?:pas|rien)|jamais de (?:reponse|retour|nouvelles)|"
    r"personne (?:ne |n')?(?:repond|rappelle|m'a rappele|rappele)\w*|"
    r"pas de (?:reponse|retour|nouvelles)|(?:ca|cela) fait \w+ (?:jours|semaines|mois) que|"
    r"j'attends (?:encore|toujours|depuis)|encore une fois|pas normal|pas d'accord|"
    r"en desaccord|incompetent\w*|incompetence|menteurs?|voleurs?|impolie?s?|irrespectu\w+|"
    r"mal (?:recue?s?|traitee?s?)|traitee? comme|heures d'attente|en panne|"
    r"rien ne (?:fonctionne|marche)|ne fonctionne (?:pas|jamais|plus)|marche pas|niais\w+|"
    r"rire de nous|pas fort|pas rapport|franchement|plainte|me plaindre|gaspill\w+|"
    r"encore (?:annule\w*|ferme\w*|en retard)|en retard|raccroche\w*|lourdeur|"
    r"confus\w*|(?:nous|me) prend\w* pour des|promesse brisee|doit partir|"
    r"unacceptable|shame\w*|disgrace\w*|ridiculous|pathetic|terrible|awful|horrible|"
    r"worst|useless|incompeten\w+|disappoint\w*|frustrat\w+|angry|fed up|sick of|"
    r"tired of|rude|liars?|idiots?|morons?|stupid|what a joke|waste of|still waiting|"
    r"been waiting|nobody (?:ever )?(?:answers|calls|replies)|no (?:answer|response|reply)|"
    r"never (?:answer|reply|call)s?|(?:does not|doesn't|not) work\w*|complain\w*|"
    r"disagree|get rid of|sucks?",
    # Québec French and everyday complaints.
    r"(?:etes|es|est|sont|c'est|ete|vraiment|tellement|completement|totalement) nul(?:le)?s?|"
    r"pourri(?:e|s|es|ture)?|"
    r"(?:c'est|c'|cest|vraiment|tellement|trop|tres|assez|ben|bin|full|donc) poche|"
    r"(?:n'?(?:ai|a|avons|ont) )?jamais recue?s?|(?:toujours|encore) pas (?:recu|eu)|"
    r"still (?:have not|haven't|has not|hasn't|not) (?:received|heard|gotten)|"
    r"never (?:got|received|heard back)|personne n'est (?:venu|passe)|"
    r"nobody (?:came|showed up|picked up)|pas eu de nouvelles|"
    r"(?:debite|charge|preleve)e?s? deux fois|charged twice|par erreur|by mistake|"
    r"(?:a ete|est|ete|encore|toujours) refusee?s?|(?:was|got|been) (?:refused|denied|rejected)|"
    r"(?:appele|telephone|ecrit|rappele|relance)e?s? (?:0|deux|trois|quatre|cinq|six|dix|"
    r"plusieurs|des dizaines de) fois|"
    r"(?:called|emailed|written|phoned) (?:0|two|three|four|five|ten|several|many|multiple) "
    r"times|on repassera|"
    r"(?:pay|paie|paye|payons|payer) (?:des |nos |our |my )?(?:taxes|impots) "
    r"(?:too|aussi|nous aussi|pour rien|for nothing)",
)
# Threats are read as a speaker, a violent verb and a target a few words apart:
# "je vais tous vous tuer", "on va aller les descendre", "je vais tirer sur vos
# employés", "I'm going to kill the minister". Words are separated by spaces or
# apostrophes ("j'vais l'abattre"). "Me", "se" and "myself" are distress, not threats.
_TOKEN = r"[\s']+"
_NOT_SELF = r"(?!(?:me|m|moi|se|s|myself|ourselves)\b)"
_FR_SPEAKER = (
    r"(?:(?:je|on|nous)\s+(?:vais|va|vas|allons|veux|voulons|voudrais|devrais|pourrais|vas)"
    r"|j'?\s*vais|m'as)"
)
_FR_KILL = (
    r"(?:tuer|descendre|buter|abattre|poignarder|egorger|etrangler|massacrer|eliminer|"
    r"flinguer|trucider|frapper|battre|tabasser|casser la gueule|faire sauter|tirer)"
)
_FR_OBJECT = r"(?:te|t|vous|le|la|l|les|lui|leur)"
_FR_PERSON = (
    r"(?:ministres?|premiers? ministres?|employee?s?|fonctionnaires?|agente?s?|directeurs?|"
    r"directrices?|directions?|maires?|mairesses?|presidente?s?|deputee?s?|profs?|"
    r"professeure?s?|enseignante?s?|personnel|infirmiere?s?|infirmiers?|medecins?|"
    r"docteure?s?|gens|monde|enfants|eleves|policiers?|policieres?|juges?|avocate?s?|"
    r"travailleuses?|travailleurs?|boss|patrons?|patronnes?|gerante?s?|responsables?|"
    r"preposee?s?|chauffeurs?|secretaires?|receptionnistes?|commissaires?|chefs?|"
    r"toi|vous|quelqu'un|gars|madame|monsieur|femme|homme|conjointe?)"
)
_EN_SPEAKER = (
    r"(?:(?:i'm|im|i am|we're|we are)\s+(?:going to|gonna|about to)"
    r"|(?:i|we)(?:'ll|\s+will|\s+shall|\s+want to|\s+wanna|\s+gonna)|i'?ma|imma)"
)
_EN_KILL = (
    r"(?:kill|shoot|stab|murder|strangle|hurt|beat up|blow up|attack|punch|choke|"
    r"gun down|execute|slaughter|hunt down)"
)
_EN_PERSON = (
    r"(?:minister|premier|mayor|staff|employees?|workers?|people|clerks?|agents?|principal|"
    r"teachers?|nurses?|doctors?|officers?|cops?|judges?|lawyers?|boss|managers?|directors?|"
    r"receptionists?|guy|guys|lady|woman|man|kids?|one|ones|bastards?)"
)
_KILL_STEMS = (
    r"tuer|descendre|bute|abatt|poignard|egorg|etrangl|massacr|elimin|flingu|truci|frapp|"
    r"battre|tabass|gueule|sauter|tirer|kill|shoot|stab|murder|strangle|hurt|beat|blow|"
    r"attack|punch|choke|gun|execute|slaughter|hunt"
)
THREAT_PROXIMITY = _WordsNear(
    _KILL_STEMS,
    rf"{_FR_SPEAKER}(?:{_TOKEN}{_NOT_SELF}\w+){{0,2}}?{_TOKEN}{_FR_OBJECT}{_TOKEN}{_FR_KILL}",
    rf"{_FR_SPEAKER}(?:{_TOKEN}{_NOT_SELF}\w+){{0,2}}?{_TOKEN}{_FR_KILL}"
    rf"(?:{_TOKEN}(?:sur|a|au|aux))?(?:{_TOKEN}\w+){{0,2}}?{_TOKEN}{_FR_PERSON}",
    rf"{_EN_SPEAKER}(?:\s+\w+){{0,2}}?\s+{_EN_KILL}\s+"
    rf"(?:you|ya|u|him|her|them|everyone|everybody|all of you|y'all|"
    rf"(?:the|your|that|this|those|these|every|each|some|all|a)(?:\s+\w+){{0,2}}?\s+{_EN_PERSON})",
)
THREAT_WORDS = _words(
    r"(?:merites?|meritez|meritent|meriterais?|meriteriez) (?:de|d') ?(?:crever|mourir|"
    r"(?:te|vous|se) faire (?:tuer|descendre|abattre))|deserves? to die|"
    r"should (?:be|get) (?:shot|killed)|creve(?:z)? donc|go die|drop dead",
    # "Une bombe" is Québec slang for a hit ("ce film était une bombe"): only a
    # bomb somewhere, placed or threatened, is a threat.
    r"bombes?\s+(?:dans|sous|devant|pres|au|aux|chez|a(?! retardement))|"
    r"bombs?\s+(?:in|at|under|near|inside|on)|"
    r"(?:poser|placer|mettre|cacher|planter|plant|place|put|hide|set off|faire exploser) "
    r"(?:une |des |a |the )?bombe?s?|alerte a la bombe|bomb threat|pipe bombs?|"
    r"bombes? artisanales?|explosifs?|explosives?|faire sauter|blow (?:up|it up)|attentat|"
    r"(?:mon|ma|un|une|des|avec) (?:fusil|arme|carabine|couteau)|"
    r"(?:my|a) (?:gun|rifle|knife)|shoot (?:up|you|everyone|them)|"
    r"je vais (?:te|vous|la|le|les) (?:retrouver|faire payer)|"
    r"(?:vous|tu) (?:allez|vas|va) (?:payer|le regretter|mourir|crever)|"
    r"(?:il|elle|ils|elles) (?:va|vont) le regretter|"
    r"je sais (?:ou|où) (?:tu|vous) (?:habite[sz]?|reste[sz]?|demeure[sz]?)|"
    r"i know where you live|you(?: will|'ll) (?:pay|regret|die)|"
    r"kill (?:you|all)|burn (?:it|that|this|the|your) (?:\w+ )?down|mettre le feu|"
    r"bruler (?:le|votre|vos|la) \w+",
)
THREATS = _AnyOf(THREAT_WORDS, THREAT_PROXIMITY)
# Distress is the speaker's own: "je pense à en finir", not "on va en finir avec
# les bouchons"; "j'ai pensé au suicide", not "la prévention du suicide".
_FIRST_PERSON = r"(?:je|j|me|m|moi|i|i'm|im|i've|ive|i'll|my|myself)"
DISTRESS_PROXIMITY = _WordsNear(
    r"suicid|en finir|sauter|jeter|lancer|jump|throw myself",
    rf"{_FIRST_PERSON}(?:{_TOKEN}\w+){{0,4}}?{_TOKEN}"
    r"(?<!prevention du )(?<!prevention of )(?<!prevent )suicid\w*(?! assist)",
    rf"{_FIRST_PERSON}(?:{_TOKEN}\w+){{0,4}}?{_TOKEN}en finir"
    r"(?!\s+(?:avec|une fois|enfin|bientot)(?!\s+(?:la|ma) vie))",
    rf"{_FIRST_PERSON}(?:{_TOKEN}\w+){{0,4}}?{_TOKEN}"
    r"(?:sauter|jeter|lancer|jump|jumping|throw myself)(?:\s+\w+){0,3}?\s+"
    r"(?:pont|bridge|toit|roof|balcon|balcony|falaise|cliff|fenetre|window|train|metro|"
    r"subway|edifice|immeuble|building|tour|tower|autoroute|highway)",
)
DISTRESS_WORDS = _words(
    r"me (?:tuer|suicider|pendre)|(?:se|te) suicider|suicidaires?|suicidal|"
    r"mettre fin a mes jours|(?:veux|vais|voudrais|aimerais|envie de) mourir|"
    r"(?:veux|voudrais|ai|a|peux|vois)\s+(?:plus|pu|pus|pas)\s+"
    r"(?:envie\s+de\s+|la\s+force\s+de\s+|de\s+raison\s+de\s+)?vivre|"
    r"(?:veux|voudrais|aimerais|envie de|want to|wanna)\s+(?:juste\s+|just\s+)?"
    r"(?:disparaitre|disappear)|idees? noires|pensees? noires|dark thoughts|"
    r"(?:j'en|je n'en) peux plus|(?:can't|cannot) take (?:this|it) anymore|"
    r"(?:plus|pas) envie de vivre|(?:je )?(?:ne )?suis plus capable|me faire du mal|"
    r"kill myself|end(?:ing)? (?:my life|it all)|want to die|"
    r"(?:don't|do not|dont) want to (?:live|be alive|exist)|"
    r"no reason to live|self[- ]harm|hurt myself",
)
DISTRESS = _AnyOf(DISTRESS_WORDS, DISTRESS_PROXIMITY)
# "Urgent" alone is how people say "important" ("il est urgent d'agir sur le
# climat"): only a person's own "c'est urgent" is a call for help.
EMERGENCY = _words(
    r"c'est (?:vraiment |tres |super )?urgent(?!\s+(?:de|d'|que|qu'|pour))|"
    r"urgent (?:svp|s'il vous plait|please|!)|^urgent\b|"
    r"c'est (?:une )?urgence|^urgence|urgence ?!|au secours|a l'aide ?!|help me ?!|"
    r"please help me|help me please|"
    r"(?<!for an )(?<!in an )(?<!if it's an )(?<!if it is an )(?<!case of )(?<!of )"
    r"emergency(?! room| department| ward| line| number| services?| exit| kit| plan|"
    r" measures| preparedness|,? call)|"
    r"ne respire (?:plus|pas)|not breathing|can't breathe|cannot breathe|respire mal|"
    r"inconscient\w*|unconscious|collapsed|s'est effondre\w*|crise cardiaque|heart attack|"
    r"(?:perdu|perd|perdre) connaissance|sans connaissance|evanoui\w*|fainted|passed out|"
    r"crises? d'epilepsie|convulsions?|convulse\w*|seizures?|having a seizure|"
    r"overdose|surdose|avale des (?:medicaments|pilules)|saigne beaucoup|bleeding|"
    r"(?<!prevention des )(?<!prevention d')incendies? (?:a|au|aux|dans|chez|sur|pres)|"
    r"(?:y a|y'a|il y a) (?:le feu|un incendie|un feu)|au feu ?!|"
    r"(?:there's|there is) a fire|(?:is|are) on fire|fire (?:at|in) (?:the|my|our)|"
    r"(?:me|nous) (?:frappe|bat)|hits me|beats me|violence conjugale|"
    r"peur de rentrer|afraid to go home",
)
HATE = _words(
    r"retourne[rz]? dans (?:ton|votre|leur) pays|go back to (?:your|ur|their) country|"
    r"(?:les|ces|sales?|tous les) (?:immigrants|immigres|refugies|arabes|musulmans|juifs|"
    r"noirs|autochtones|indiens|chinois|gais|trans)(?: \w+)? (?:sont|=|tous|toutes|volent)|"
    r"sales? (?:immigrants|immigres|arabes|musulmans|juifs|noirs|negres|sauvages)|"
    r"(?:immigrants|refugees|muslims|jews|blacks|natives) are (?:all )?"
    r"(?:criminals|parasites|animals|vermin)|parasites|vermine|race inferieure",
)
SEXUAL = _words(
    r"(?:filles?|femmes?|photos?|videos?) nues?|nudes?|hot singles|celibataires sexy|"
    r"sexe|sex|porno?\w*|xxx|onlyfans|escortes?|baiser? avec",
)
SPAM = _words(
    r"crypto\w*|bitcoin|forex|nft|gagne[rz] (?:\d|de l'argent)|earn money|make \$?\d[\d,]*|"
    r"make money|de la maison grace|from home|resultats garantis|guaranteed|cliquez ici|"
    r"click here|vous avez ete selectionnee?|you have been selected|win an? iphone|"
    r"gagner un iphone|(?:achetez|acheter|buy) (?:des |cheap )?(?:abonnes|followers|likes)|"
    r"dm me|ecrivez[- ]moi en prive|message me|investissez",
)
COMMERCIAL = _words(
    r"ma boutique|my (?:\w+ )?shop|notre magasin|our store|rabais|% off|discount|code promo|"
    r"promo code|with code|avec le code|promos? speciales?|prix (?:imbattables|d'ami|special)|"
    r"appelez[- ]nous|call us|contactez[- ]nous|free (?:quote|estimate)|soumission gratuite|"
    r"achetez|buy now|commandez|order now|je recommande \w+ \w+ pour vos|best \w+ \w+ in town|"
    r"cette semaine seulement|this week only|offre limitee|limited offer|online store|"
    r"boutique en ligne|abonnez-vous a ma|follow my page|livraison gratuite|free shipping",
)
PARTISAN = _words(
    r"caq|plq|caquistes?|pequistes?|liberaux|(?:le|du|au|votez|vote) (?:pq|qs)|"
    r"quebec solidaire|parti (?:quebecois|liberal|conservateur|vert)|bloc quebecois|"
    r"votez|vote (?:for|conservative|liberal|ndp|green)|prochaines? elections?|"
    r"next election|when you vote|vivement les elections|ce gouvernement doit partir|"
    r"conservatives?|liberals|npd|ndp",
)
MEDICAL = _words(
    r"fievre|fever|douleurs?|pain|mal (?:a|au|aux) (?:la |l')?\w+|symptomes?|symptoms?|"
    r"medicaments?|medication|medicine|antibiotiques?|antibiotics?|ibuprofene|ibuprofen|"
    r"acetaminophene|tylenol|advil|etourdissements?|dizz\w+|enflee?s?|swollen|"
    r"plaques rouges|rash|eruption|toux|cough\w*|vomi\w*|diagnostic|diagnos\w+|"
    r"(?:apres le|au) vaccin|(?:after|to) the vaccine|enceinte|pregnan\w+|saignements?|"
    r"infection|est-ce (?:grave|normal)|c'est normal ?\?|is (?:that|it|this) normal|"
    r"should i be worried|dois-je m'inquieter",
)
OWN_FILE = _words(
    r"(?:mon|ma|mes|son|sa) (?:dossier|demande|cheque|paiement|prestation|releve|avocate?|"
    r"reclamation|admissibilite|place)|"
    r"(?:my|his|her) (?:file|case|application|claim|payment|cheque|check|statement|lawyer|"
    r"benefits)|status of my|statut de (?:mon|ma)",
)
COMPLAINT = _words(r"plaintes?|porter plainte|me plaindre|complaint|complain")
SERVICE_EXPERIENCE = _words(
    r"attente|attendre|attends|attendu|waiting|wait|rappel\w*|call back|accueil|comptoir|"
    r"front desk|staff|personnel|agente?|employee?|prepose\w*|infirmiere|nurse|medecin|"
    r"doctor|mal (?:recue?|traitee?)|traitee? comme|impolie?|rude|on m'a|i was|urgence|"
    r"emergency room|rendez-vous|appointment|telephone|phone|repond\w*|answers|"
    r"transport scolaire|autobus|service lamentable|sent home|messages",
)

# Exclamations open like questions: "Quelle belle journée", "Quel bon service!".
_EXCLAIMED = (
    r"(?:belles?|beaux?|bel|bons?|bonnes?|grande?s?|magnifiques?|superbes?|jolie?s?|"
    r"excellente?s?|merveilleu\w+|extraordinaires?|formidables?|incroyables?|tristes?|"
    r"tristesse|honte|dommage|plaisir|chance|bonheur|joie|horreur|gachis|farce|blague|"
    r"soulagement|fierte|cauchemar|desastre|catastrophe|scandale|folie)\b"
)
QUESTION_START = re.compile(
    r"(?:^|[.!\n]\s*)(?:(?:bonjour|bonsoir|bon matin|allo|salut|hi|hello|hey|good morning|"
    r"oui|ok|alors|donc|so|and|but|fait que|faque|pis|ben|bon|mais|et|svp|merci),?\s+)?(?:"
    r"est[- ]ce qu|est[- ]ce que|pouvez[- ]vous|pourriez[- ]vous|avez[- ]vous|savez[- ]vous|"
    r"peut[- ]on|puis[- ]je|dois[- ]je|y a[- ]t[- ]il|pourquoi|combien|"
    rf"quel(?:le)?s?\b(?!\s+{_EXCLAIMED})(?![^?.\n]*!)|"
    r"comment (?:on|faire|je|ca|se|est)|a quand|ou est|c'est quand(?! meme)|c'est quoi|"
    r"ou (?:trouver|envoyer|aller|faire|obtenir|deposer|acheter|s'inscrire|se trouve|sont|"
    r"puis|peut|peux|dois|doit|on|je)\b|"
    r"quand (?:est|ouvre|ouvrez|ferme|fermez|commence|commencent|aura|auront|sera|seront|"
    r"va|vont|pourrai|pourra|pourrons|peut|peux|recevrai|recevra)\b|"
    r"qui (?:peut|dois|doit|appeler|contacter|s'occupe)\b|kosse|kesse|quosse|"
    r"how (?:do|does|can|long|much|many|is|are)|what (?:is|are|time|about)|"
    r"when (?:is|does|will|are)|where (?:is|can|do|are)|why\b|can (?:i|you|we|someone)|"
    r"could (?:you|someone)|do (?:you|i|we)|does\b|is (?:there|it|the|my)|are (?:you|they)|"
    r"will (?:you|there|it)|(?:any(?:one|body)) (?:know|knows|have|has))",
)
# Asked without a question mark, anywhere in the sentence: "vous ouvrez à quelle
# heure", "ça ouvre quand", "quelqu'un sait si…", "j'aimerais savoir si…".
QUESTION_ANYWHERE = _words(
    r"a quelle (?:heure|date|adresse)|a quel (?:endroit|moment|numero)|de quelle facon|"
    r"c'est (?:quand(?! meme)|quoi|combien|ou(?! bien))|"
    r"(?:quand|combien|a quelle heure|pourquoi|c'est ou)\s*(?:$|\n)|"
    r"(?:quelqu'un|qqn) (?:sait|saurait|connait|connaitrait)|"
    r"(?:quelqu'un|qqn) (?:peut|pourrait) (?:me dire|m'expliquer|m'aider|me repondre)|"
    r"(?:j'aimerais|je voudrais|je veux|je voulais|j'voudrais) (?:savoir|connaitre)|"
    r"(?:comprends?|sais|sait|vois) (?:pas |plus |vraiment pas )?(?:pourquoi|combien)|"
    r"(?:i'd|i would|i want to|i need to|i'd just) (?:like to )?know|"
    r"wondering (?:if|whether|when|where|how|why)",
)
# Québec French asks with a "-tu" particle: "c'tu ouvert", "ça se peut-tu",
# often written without the hyphen: "y'a tu", "c'est tu".
QUEBEC_TU = re.compile(
    r"\w-tu\b|\bc'?tu\b|\b(?:y'?a|y a|c'est|est|sont|peut|peux|faut|va|vont|as|avez|"
    r"etes|fait|marche|ouvre|reste) tu\b"
)
WONDERING = _words(r"je me demandais|je me demande si|i was wondering|i wonder if|any idea")


def _has_question(folded: str) -> bool:
    without_links = URL.sub(" ", folded)
    return bool(
        "?" in without_links
        or QUESTION_START.search(without_links)
        or ("tu" in without_links and QUEBEC_TU.search(without_links))
        or WONDERING.search(without_links)
        or QUESTION_ANYWHERE.search(without_links)
    )


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
    (`_digits_as_zero`): the word lists only ever see digits through \\d, \\w
    and [0-9] classes, which take a run and a "0" alike, so comments that differ
    by a number share their answers.
    """

    __slots__ = ("_hits", "_question", "folded")

    def __init__(self, folded: str):
        self.folded = folded
        # Keyed by id: hashing a compiled pattern hashes its whole program.
        self._hits: dict[int, bool] = {}
        self._question: bool | None = None

    def has(self, words: re.Pattern[str] | _AnyOf) -> bool:
        hit = self._hits.get(id(words))
        if hit is None:
            hit = self._hits[id(words)] = words.search(self.folded) is not None
        return hit

    @property
    def question(self) -> bool:
        if self._question is None:
            self._question = _has_question(self.folded)
        return self._question


_DIGIT_RUN = re.compile(r"[0-9]+")


def _digits_as_zero(folded: str) -> str:
    return _DIGIT_RUN.sub("0", folded)


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


def analyse(text: str) -> Detection:
    """Flags, language and suggestions for one comment's text.

    >>> d = analyse("Gang de caves, vous comprenez rien")
    >>> d.language, d.flags, d.suggested_reasons, d.suggested_redirect
    ('fr', ('negative',), ('injurieux',), None)
    """
    text = text if isinstance(text, str) else ""
    folded = fold(text)
    found = _Found(_digits_as_zero(folded))
    return _analyse(text, detect_language(text, folded), found)


def _analyse(text: str, language: str, found: _Found) -> Detection:
    pii = bool(find_personal_information(text))
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
    if URL.search(EMAIL.sub(" ", text) if "@" in text else text):
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
    uniques = uniques.tolist()
    folded = [fold(text) for text in uniques]
    without_model = [_language_without_model(t, f) for t, f in zip(uniques, folded, strict=True)]
    with _walked({cleaned for decided, cleaned, _ in without_model if decided is None}):
        languages = [decided or _model_language(c, size) for decided, c, size in without_model]
    word_lists: dict[str, _Found] = {}
    results = [
        _analyse(text, language, word_lists.setdefault(key, _Found(key)))
        for text, language, key in zip(
            uniques, languages, map(_digits_as_zero, folded), strict=True
        )
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


# --------------------------------------------------------------------------- #
# Repetition: the same message again from the same author
# --------------------------------------------------------------------------- #

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
    emphasis count once.

    >>> repeat_key("MERCIII!!! 😡 voir https://a.example/1 @marc, dossier 1234") == repeat_key(
    ...     "merci voir www.b.example/2 @julie dossier 98")
    True
    """
    folded = fold(text if isinstance(text, str) else "")
    folded = _DIGIT_RUN.sub("0", _MENTION.sub(" @ ", URL.sub(" http ", folded)))
    return " ".join(_SAME_LETTERS.sub(r"\1", word) for word in _KEY_WORD.findall(folded))


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
    keys = [c for c in (*by, author) if c in frame.columns]
    columns = [*keys, text] + ([order] if order in frame.columns else [])
    before = earlier.reindex(columns=columns) if earlier is not None else frame.iloc[0:0][columns]
    both = pd.concat([before, frame[columns]], ignore_index=True)
    if author not in both.columns or both.empty:
        return pd.Series(False, index=frame.index, dtype=bool)
    text_codes, texts = pd.factorize(both[text].fillna("").astype(str), sort=False)
    key_codes, keys_found = pd.factorize(pd.Series([repeat_key(t) for t in texts], dtype=object))
    words = np.fromiter((k.count(" ") + 1 if k else 0 for k in keys_found), dtype=np.int64)
    row_key = key_codes[text_codes]
    grouping = pd.DataFrame({c: pd.factorize(both[c].fillna(""))[0] for c in keys})
    grouping["key"] = row_key
    if order in both.columns:
        sequence = np.argsort(both[order].to_numpy(), kind="stable")
    else:
        sequence = np.arange(len(both))
    copies_before = np.empty(len(both), dtype=np.int64)
    copies_before[sequence] = grouping.iloc[sequence].groupby(list(grouping.columns)).cumcount()
    row_words = words[row_key]
    needed = np.where(row_words < REPEAT_MIN_WORDS, 2, 1)
    repeat = (copies_before >= needed) & (row_words > 0) & both[author].notna().to_numpy()
    return pd.Series(repeat[len(before) :], index=frame.index)
