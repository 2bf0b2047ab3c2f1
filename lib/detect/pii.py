"""Personal information in a text: the one definition shared by the flags and the masker.

Comments are written by anyone, so every pattern here reads a text in time
linear in its length: a repetition is bounded (`{1,64}`, whitespace `{0,3}`),
a pattern starts only where a run of its characters starts (a look-behind),
and no character can belong to two adjacent repetitions. `find_personal_information`
reads a long text in windows (`reading.windows`), so masking sees all of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberType

from lib.detect.reading import windows
from lib.detect.spelled import spelled_numbers

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


# The lengths are RFC 5321's: a mailbox of at most 64 characters, labels of 63.
EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![\w-])"
)
# An address written so that robots miss it: "julie at gmail dot com",
# "jp.ouellet(at)videotron(dot)ca", "nathalie point roy arobase hotmail point com",
# or with spaces around its at-sign: "jean.tremblay @ exemple.ca". An at-sign with
# a space before it only ("merci @julie") is a mention.
_SPELLED_AT = (
    r"(?:\s{0,2}[(\[]\s{0,2}(?:at|arobase)\s{0,2}[)\]]\s{0,2}|\s{1,3}(?:at|arobase)\s{1,3}"
    r"|@\s{0,2}|\s{1,2}@\s{1,2})"
)
_SPELLED_DOT = (
    r"(?:\s{0,2}[(\[]\s{0,2}(?:dot|point)\s{0,2}[)\]]\s{0,2}|\s{1,3}(?:dot|point)\s{1,3}|\.)"
)
_MAILBOX_PART = r"[\w+-]{1,64}"
_DOMAIN_PART = r"[A-Za-z][\w-]{0,62}"
SPELLED_EMAIL = re.compile(
    rf"(?<![\w.+-])(?P<mailbox>{_MAILBOX_PART}(?:{_SPELLED_DOT}{_MAILBOX_PART}){{0,4}})"
    rf"{_SPELLED_AT}(?P<domain>{_DOMAIN_PART}(?:{_SPELLED_DOT}{_DOMAIN_PART}){{0,4}}?{_SPELLED_DOT}"
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
_SPELLED_AT_HINT = re.compile(r"[(\[\s](?:at|arobase)[)\]\s]|@\s|\s@", re.IGNORECASE)
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

# A 3-3-3 group with one consistent separator (a space, a hyphen or a dot), not
# glued to other digits nor to a decimal part or a currency ("123 456 789 $").
SIN_CANDIDATE = re.compile(
    r"(?<![\w$.-])(\d{3})([ .-]?)(\d{3})\2(\d{3})(?![\w-]|[.,]\d|\s{0,3}(?:\$|€|dollars?\b))"
)
SIN_CONTEXT = re.compile(
    r"\b(?:nas|sin|n\.a\.s\.?|assurance[- ]sociale|social insurance)\b", re.IGNORECASE
)
# Named within this many characters before it, a number is taken as written;
# named further, within SIN_NAMED_FAR ("mon numéro d'assurance sociale, que je
# vous donne parce que vous l'avez demandé, est …"), it must not be an amount.
SIN_NAMED_NEAR = 40
SIN_NAMED_FAR = 120
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
_NAME_WORD = r"[\w'’.-]{1,40}"
_UNIT = (
    r"(?:,?\s{0,3}(?:app\.?|apt\.?|appartement|apartment|unit[ée]?|suite|bureau|#)\s{0,3}\w{1,5})?"
)
# A city is words joined by spaces or hyphens ("Saint-Jean-sur-Richelieu"); a
# hyphen is never part of a word, so that a text has one way to be read.
_CITY_WORD = r"[^\W\d_][\w'’]{1,40}"
_CITY_POSTAL = (
    rf"(?:,?\s{{0,3}}(?:{_CITY_WORD}(?:[ -]{_CITY_WORD}){{0,5}},?\s{{0,3}})?"
    rf"(?:\(?(?:QC|Québec|Quebec)\)?,?\s{{0,3}})?(?P<postal>{POSTAL_CODE})(?!\w))?"
)
# "123 rue Principale", "123, rue Principale", "123,rue Principale".
ADDRESS = re.compile(
    rf"(?<![\w$])\d{{1,5}}(?:-\d{{1,5}})?(?:\s?,\s{{0,3}}|\s{{1,3}})"
    rf"(?:(?:{_STREET_FR})\s{{1,3}}{_NAME_WORD}"
    rf"(?:\s{{1,3}}(?!et\b|and\b|pis\b|depuis\b){_NAME_WORD}){{0,3}}"
    rf"|(?:[A-Z][\w'’-]{{1,40}}\s{{1,3}}){{1,2}}(?:{_STREET_EN})(?!\w)"
    rf"(?:\s{{1,3}}(?:East|West|North|South))?)"
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
# How far before an address its context may be ("J'habite depuis vingt ans avec
# mes deux enfants au 123, rue Principale").
ADDRESS_NAMED_WITHIN = 80

_MONTHS = (
    r"janv(?:ier|\.)?|f[ée]v(?:rier|r?\.)?|mars|avr(?:il|\.)?|mai|juin|juil(?:let|\.)?|"
    r"ao[ûu]t|sept(?:embre|\.)?|oct(?:obre|\.)?|nov(?:embre|\.)?|d[ée]c(?:embre|\.)?|"
    r"january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sep\.?|oct\.?|nov\.?|dec\.?"
)
# A year of four digits, or of two ("12 mars 84", "March 12, '84").
_YEAR = r"(?:\d{4}|'?\d{2})"
_DATE = (
    rf"(?:\d{{1,2}}(?:er)?\s{{1,3}}(?:{_MONTHS})\s{{1,3}}{_YEAR}"
    rf"|(?:{_MONTHS})\s{{1,3}}\d{{1,2}}(?:st|nd|rd|th)?,?\s{{1,3}}{_YEAR}"
    rf"|\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}"
    rf"|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}})"
)
BIRTH_DATE = re.compile(
    r"\b(?:n[ée]e?s?\s{1,3}le|date de naissance|ddn|dob|date of birth|birth ?date"
    r"|born(?:\s{1,3}on)?)"
    rf"\s{{0,3}}[:,-]?\s{{0,3}}(?:(?:est|is|was)\s{{1,3}})?(?:le\s{{1,3}}|on\s{{1,3}})?"
    rf"({_DATE})(?!\d)",
    re.IGNORECASE,
)
FILE_NUMBER = re.compile(
    r"\b(?:(?:num[ée]ro|no\.?|n°|#)\s{1,3}(?:de\s{1,3}|d['’]\s{0,3})?)?"
    r"(?:dossier|client|r[ée]clamation|demande|usager|r[ée]f[ée]rence|membre|"
    r"file|case|claim|account|member|reference)"
    r"\s{0,3}(?:number|num[ée]ro|no\.?|n°|#)?\s{0,3}(?:est|is|:)?\s{0,3}[:#]?\s{0,3}"
    r"(?=[A-Za-z0-9-]{0,39}\d)([A-Za-z0-9][A-Za-z0-9-]{4,38}[A-Za-z0-9])(?![\w-])",
    re.IGNORECASE,
)
YEAR_RANGE = re.compile(r"(?:19|20)\d\d-(?:19|20)?\d\d")
# How people write North American numbers (418-555-0142, (418) 555-0142,
# 1 418 555 0142, 4185550142, 418 5550142, 418/555-0142), in pairs in Québec
# (450-555-12-34), not glued to other digits or letters.
NANP_PHONE = re.compile(
    r"(?<![\w+])(?<!\d[.,/-])(?:1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ ./-]?)\d{3}[ .-]?"
    r"(?:\d{2}[ .-]\d{2}|\d{4})(?![\w-])"
)
# Any number written from its country code: +1 450 555 0177, +33 1 23 45 67 89.
INTERNATIONAL_PHONE = re.compile(r"(?<![\w+])\+ ?\d(?:[ .()-]{0,2}\d){6,16}(?![\w-])")
# Toll-free numbers (800, 888, 877, …) are organisations' service lines, never
# a person's: quoting the ministry's 1 877 line is not a privacy problem.
PUBLIC_PHONE_TYPES = frozenset({PhoneNumberType.TOLL_FREE})
# The groupings NANP_PHONE reads that are a North American number; others
# ("418555 0142") are file numbers that happen to be valid numbers.
NANP_GROUPINGS = frozenset(
    {(10,), (11,), (3, 3, 4), (1, 3, 3, 4), (3, 7), (1, 3, 7), (1, 10)}
    | {(3, 3, 2, 2), (1, 3, 3, 2, 2)}
)
_DIGITS = re.compile(r"\d+")


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
            if not web and _is_personal_email(f"{mailbox}@{domain}"):
                yield PersonalInformation("email", m.start(), m.end(), m.group())


def _phones(text: str):
    for m in NANP_PHONE.finditer(text):
        groups = tuple(len(g) for g in _DIGITS.findall(m.group()))
        if groups in NANP_GROUPINGS and _is_personal_phone_number(m.group()):
            yield PersonalInformation("phone", m.start(), m.end(), m.group())
    if "+" in text:
        for m in INTERNATIONAL_PHONE.finditer(text):
            if _is_personal_phone_number(m.group()):
                yield PersonalInformation("phone", m.start(), m.end(), m.group())


def _sins(text: str):
    for m in SIN_CANDIDATE.finditer(text):
        digits = m.group(1) + m.group(3) + m.group(4)
        if _is_sin(text, m.start(), m.end(), digits, grouped=bool(m.group(2))):
            yield PersonalInformation("sin", m.start(), m.end(), m.group())


def _is_sin(text: str, start: int, end: int, digits: str, grouped: bool) -> bool:
    """Whether the nine `digits` at `text[start:end]` are a social insurance number."""
    if SIN_CONTEXT.search(text, max(0, start - SIN_NAMED_NEAR), start):
        return True
    # Otherwise the number must not be an amount ("J'ai payé 130 692 544"), and,
    # unnamed, look like a real SIN: written 3-3-3, Luhn-valid, first digit 1-7
    # or 9 (0 is unassigned, 8 is for business numbers).
    if MONEY_CONTEXT.search(text, max(0, start - 30), end + 20):
        return False
    return bool(SIN_CONTEXT.search(text, max(0, start - SIN_NAMED_FAR), start)) or (
        grouped and _luhn(digits) and digits[0] not in "08"
    )


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
        named = ADDRESS_CONTEXT.search(text, max(0, m.start() - ADDRESS_NAMED_WITHIN), m.start())
        if m.group("postal") or named:
            yield PersonalInformation("address", m.start(), m.end(), m.group().rstrip())


def _birth_dates(text: str):
    for m in BIRTH_DATE.finditer(text):
        yield PersonalInformation("birth_date", m.start(1), m.end(1), m.group(1))


def _file_numbers(text: str):
    for m in FILE_NUMBER.finditer(text):
        value = m.group(1)
        if sum(c.isdigit() for c in value) >= 5 and not YEAR_RANGE.fullmatch(value):
            yield PersonalInformation("file_number", m.start(1), m.end(1), value)


def _spelled_numbers(text: str):
    """Phone numbers and SINs spelled out: "quatre un huit cinq cinq cinq zéro un quatre deux"."""
    for start, end, digits in spelled_numbers(text):
        if len(digits) == 9 and _is_sin(text, start, end, digits, grouped=True):
            yield PersonalInformation("sin", start, end, text[start:end])
        elif (len(digits) == 10 or len(digits) == 11 and digits[0] == "1") and (
            _is_personal_phone_number(digits)
        ):
            yield PersonalInformation("phone", start, end, text[start:end])


def _is_personal_phone_number(written: str) -> bool:
    """Whether a number as written is valid (`phonenumbers`, Canada by default), not toll-free."""
    try:
        number = phonenumbers.parse(written, "CA")
    except NumberParseException:
        return False
    return phonenumbers.is_valid_number(number) and (
        phonenumbers.number_type(number) not in PUBLIC_PHONE_TYPES
    )


# Context-anchored finders first: on a tie in length, "dossier 2024-771203" is a
# file number rather than the phone number its digits could also spell. Each
# comes with the fewest digits a text needs for it to find anything, so that a
# comment with none or a few skips the patterns that cannot match.
_FINDERS = (
    (_file_numbers, 5),
    (_birth_dates, 3),
    (_emails, 0),
    (_cards, 13),
    (_driver_licences, 12),
    (_health_cards, 8),
    (_sins, 9),
    (_phones, 7),
    (_addresses, 1),
    (_spelled_numbers, 0),
)
_DIGIT = re.compile(r"\d")


def find_personal_information(text: str) -> list[PersonalInformation]:
    """Every piece of personal information in `text`, left to right, never overlapping.

    When two findings overlap the longer wins (an address holding a postal code,
    a file number that happens to look like a phone number). A text longer
    than `reading.MAX_TEXT_CHARS` is read in overlapping windows, all of it.

    >>> [p.kind for p in find_personal_information("Écrivez à a.b@example.org ou au 418-555-0142")]
    ['email', 'phone']
    >>> find_personal_information("Le 24 juin 2026, 1 234,56 $, article 12345678, 811, C.P. 1234")
    []
    """
    if not text:
        return []
    found = [
        PersonalInformation(p.kind, start + p.start, start + p.end, p.value)
        for start, window in windows(text)
        for p in _find_in(window)
    ]
    # Each character marks whether a kept piece covers it: checking a piece costs
    # its length, whatever the number of pieces.
    covered = bytearray(len(text))
    kept: list[PersonalInformation] = []
    for piece in sorted(found, key=lambda p: -(p.end - p.start)):
        if covered.find(1, piece.start, piece.end) < 0:
            covered[piece.start : piece.end] = b"\x01" * (piece.end - piece.start)
            kept.append(piece)
    return sorted(kept, key=lambda p: p.start)


def _find_in(text: str) -> list[PersonalInformation]:
    digits = len(_DIGIT.findall(text))
    return [p for finder, needs in _FINDERS if digits >= needs for p in finder(text)]
