"""Invented personal data (phones, e-mails, SINs, health cards…), drawn a column at a time.

A comment's text may hold `{field}` marks (`texts.ROW_FIELDS`); `fill_row_fields`
replaces each by a value drawn for that row. Each draw takes `(rng, english,
first, last)` for the rows that need the field (their language and the indexes of
their author's names) and returns their values as Python strings (an object array).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from lib.demo import texts
from lib.demo.authors import ascii_letters
from lib.i18n import MONTHS

FIELD_POOL = 400  # distinct invented values per personal-data field (phone, e-mail…)
FIRST_ASCII = np.array([ascii_letters(n) for n in texts.FIRST_NAMES], dtype=object)
LAST_ASCII = np.array([ascii_letters(n) for n in texts.LAST_NAMES], dtype=object)
POSTAL_INNER_LETTERS = np.array(list("ABCEGHJKLMNPRSTVXY"), dtype=object)
_FIELD = re.compile(r"\{(\w+)\}")


def fill_row_fields(rng, text: np.ndarray, english, first, last) -> np.ndarray:
    """Replace each `{field}` mark by a value drawn for that row (phone, e-mail, SIN…)."""
    codes, uniques = pd.factorize(text)
    parts = [_FIELD.split(u) for u in uniques]  # literal, field, literal, field, …, literal
    rows = np.flatnonzero(np.array([len(p) > 1 for p in parts])[codes])
    if not len(rows):
        return text
    codes = codes[rows]

    def part(i: int) -> np.ndarray:
        return np.array([p[i] if i < len(p) else "" for p in parts], dtype=object)[codes]

    slots = max(len(p) // 2 for p in parts)
    names = [part(2 * k + 1) for k in range(slots)]
    values = [np.full(len(rows), "", dtype=object) for _ in range(slots)]
    for field in texts.ROW_FIELDS:
        wanted = np.zeros(len(rows), dtype=bool)
        for slot in names:
            wanted |= slot == field
        if not wanted.any():
            continue
        drawn = np.empty(len(rows), dtype=object)
        # Values for a few hundred of the rows, shared out among all of them: varied
        # enough to read as real, few enough distinct texts for detection to stay fast.
        chosen = rows[wanted]
        pool = rng.choice(chosen, size=min(FIELD_POOL, len(chosen)), replace=False)
        values_pool = _ROW_FIELD_DRAWS[field](rng, english[pool], first[pool], last[pool])
        drawn[wanted] = values_pool[rng.integers(0, len(pool), len(chosen))]
        for slot, value in zip(names, values, strict=True):
            value[slot == field] = drawn[slot == field]
    filled = part(0)
    for k in range(slots):
        filled = filled + values[k] + part(2 * k + 2)
    text = text.astype(object)
    text[rows] = filled
    return text


def _draw_weeks(rng, english, first, last):
    return _text(rng.integers(2, 9, len(english)))


def _draw_phone(rng, english, first, last):
    size = len(english)
    return _by_format(
        rng,
        texts.PHONE_FORMATS,
        size,
        a=_pick(rng, texts.AREA_CODES, size),
        n=_text(100 + rng.integers(0, 100, size), 4),  # 555-0100 to 555-0199
    )


def _draw_email(rng, english, first, last):
    size = len(english)
    suffix = np.where(rng.random(size) < 0.4, _text(rng.integers(1, 100, size)), "")
    return _compose(
        "{first}{sep}{last}{suffix}@{domain}",
        first=FIRST_ASCII[first],
        sep=_pick(rng, (".", "_", ""), size),
        last=LAST_ASCII[last],
        suffix=suffix.astype(object),
        domain=_pick(rng, texts.EMAIL_DOMAINS, size),
    )


def _draw_sin(rng, english, first, last):
    groups = _groups(_luhn_numbers(rng, len(english), valid=True))
    return _by_format(rng, ("{a} {b} {c}", "{a}-{b}-{c}", "{a}{b}{c}"), len(english), **groups)


def _draw_sin_bare(rng, english, first, last):
    return _compose("{a} {b} {c}", **_groups(_luhn_numbers(rng, len(english), valid=True)))


def _draw_code(rng, english, first, last):
    return _compose("{a} {b} {c}", **_groups(_luhn_numbers(rng, len(english), valid=False)))


def _draw_health_card(rng, english, first, last):
    """RAMQ-like: 3 letters of the surname, the first initial, YYMM (women +50), DD and 2 digits."""
    size = len(english)
    surname = np.array([(n.upper() + "XXX")[:3] for n in LAST_ASCII], dtype=object)[last]
    initial = np.array([n[:1].upper() for n in FIRST_ASCII], dtype=object)[first]
    month = rng.integers(1, 13, size) + np.where(rng.random(size) < 0.5, 50, 0)
    return _compose(
        "{surname}{initial} {year}{month} {day}{serial}",
        surname=surname,
        initial=initial,
        year=_text(rng.integers(40, 100, size), 2),
        month=_text(month, 2),
        day=_text(rng.integers(1, 29, size), 2),
        serial=_text(rng.integers(10, 100, size), 2),
    )


def _draw_file_number(rng, english, first, last):
    size = len(english)
    return _compose(
        "20{year}-{serial}",
        year=_text(rng.integers(20, 27, size)),
        serial=_text(rng.integers(100_000, 1_000_000, size)),
    )


def _draw_address(rng, english, first, last):
    size = len(english)
    return _compose(
        "{civic} {street}, {city} {l1}{d1}{l2} {d2}{l3}{d3}",
        civic=_text(rng.integers(1, 10_000, size)),
        street=_pick(rng, texts.STREETS, size),
        city=_pick(rng, texts.PLACES, size),
        l1=_pick(rng, texts.POSTAL_LETTERS, size),
        d1=_text(rng.integers(0, 10, size)),
        l2=_pick(rng, POSTAL_INNER_LETTERS, size),
        d2=_text(rng.integers(0, 10, size)),
        l3=_pick(rng, POSTAL_INNER_LETTERS, size),
        d3=_text(rng.integers(0, 10, size)),
    )


def _draw_birth_date(rng, english, first, last):
    size = len(english)
    month = rng.integers(0, 12, size)
    columns = {
        "day": _text(rng.integers(1, 29, size)),
        "year": _text(rng.integers(1940, 2006, size)),
    }
    french = _compose("{day} {month} {year}", month=_pick_at(MONTHS["fr"], month), **columns)
    english_form = _compose("{month} {day}, {year}", month=_pick_at(MONTHS["en"], month), **columns)
    return np.where(english, english_form, french)


def _pick_at(choices, index: np.ndarray) -> np.ndarray:
    return np.asarray(choices, dtype=object)[index]


_ROW_FIELD_DRAWS = {
    "weeks": _draw_weeks,
    "phone": _draw_phone,
    "email": _draw_email,
    "sin": _draw_sin,
    "sin_bare": _draw_sin_bare,
    "code": _draw_code,
    "health_card": _draw_health_card,
    "file_number": _draw_file_number,
    "address": _draw_address,
    "birth_date": _draw_birth_date,
}


def _compose(pattern: str, **columns) -> np.ndarray:
    """`pattern.format` over columns of strings: "{a}-555-{n}" with a=[...], n=[...]."""
    parts = _FIELD.split(pattern)
    out = np.full(len(next(iter(columns.values()))), parts[0], dtype=object)
    for name, literal in zip(parts[1::2], parts[2::2], strict=True):
        out = out + columns[name] + literal
    return out


def _text(values: np.ndarray, width: int = 0) -> np.ndarray:
    """Integers as zero-padded strings, one Python string per value."""
    text = np.asarray(values).astype(str)
    return (np.char.zfill(text, width) if width else text).astype(object)


def _pick(rng, choices, size: int) -> np.ndarray:
    return np.asarray(choices, dtype=object)[rng.integers(0, len(choices), size)]


def _by_format(rng, formats, size: int, **columns) -> np.ndarray:
    """Each row written in one of `formats`, drawn per row."""
    which = rng.integers(0, len(formats), size)
    out = np.empty(size, dtype=object)
    for i, pattern in enumerate(formats):
        rows = which == i
        out[rows] = _compose(pattern, **{k: v[rows] for k, v in columns.items()})
    return out


def _luhn_numbers(rng, size: int, valid: bool) -> np.ndarray:
    """Nine-digit numbers, first digit 1-7 or 9 like a SIN, that pass (or fail) Luhn."""
    digits = rng.integers(0, 10, (size, 9))
    digits[:, 0] = np.array([1, 2, 3, 4, 5, 6, 7, 9])[rng.integers(0, 8, size)]
    doubled = digits[:, 1:8:2] * 2
    total = digits[:, 0:8:2].sum(axis=1) + np.where(doubled > 9, doubled - 9, doubled).sum(axis=1)
    check = (10 - total % 10) % 10
    if not valid:
        check = (check + rng.integers(1, 10, size)) % 10
    digits[:, 8] = check
    return digits @ (10 ** np.arange(8, -1, -1))


def _groups(numbers: np.ndarray) -> dict[str, np.ndarray]:
    return {
        "a": _text(numbers // 1_000_000, 3),
        "b": _text(numbers // 1000 % 1000, 3),
        "c": _text(numbers % 1000, 3),
    }
