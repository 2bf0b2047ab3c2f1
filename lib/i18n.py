"""Every UI string in French and English, and Québec formats for dates, times and numbers.

>>> t("nav.today", "fr"), t("nav.today", "en")
("Aujourd'hui", 'Today')
>>> format_number(1234.5, "fr", decimals=1)   # a narrow no-break space between thousands
'1\u202f234,5'
>>> format_clock(pd.Timestamp("2026-06-01 20:30", tz="UTC"), "fr")
'16 h 30'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import time

import pandas as pd

from lib.catalogue import STRINGS
from lib.times import local

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"

WEEKDAYS = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTHS = {
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
SHORT_MONTHS = {
    "fr": (
        "janv.",
        "févr.",
        "mars",
        "avr.",
        "mai",
        "juin",
        "juil.",
        "août",
        "sept.",
        "oct.",
        "nov.",
        "déc.",
    ),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
# Narrow no-break space, as the Office québécois de la langue française
# recommends between thousands and before units; it never wraps in a cell.
THIN_SPACE = "\u202f"


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The string `key` in `lang`, with `{placeholders}` filled from `values`."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


# The kinds of code `label` knows: catalogue key prefixes.
LABEL_KINDS = ("reason", "template", "flag", "platform", "state", "status")


def label(kind: str, code, lang: str = DEFAULT_LANGUAGE, renames: dict | None = None) -> str:
    """The words for a code: a reason, a template, a flag, a platform, a state, a status.

    `renames` are the lead's own words for reasons (`Settings.reason_labels`, code ->
    {"fr": …, "en": …}); they come first. A code the catalogue does not know (a stored
    code no longer in use) is shown as it is.

    >>> label("reason", "pourriel", "en"), label("template", "prive")
    ('Spam', 'Renseignements personnels (canal privé)')
    >>> label("reason", "pourriel", "fr", {"pourriel": {"fr": "Indésirable", "en": "Junk"}})
    'Indésirable'
    """
    own = ((renames or {}).get(code) or {}).get(lang)
    if own:
        return own
    key = f"{kind}.{code}"
    return t(key, lang) if key in STRINGS else str(code)


def format_number(value, lang: str = DEFAULT_LANGUAGE, decimals: int = 0) -> str:
    """1234.5 → '1 234,5' in French, '1,234.5' in English; '—' for a missing value."""
    if _missing(value):
        return "—"
    text = f"{value:,.{decimals}f}"
    if lang == "en":
        return text
    return text.replace(",", THIN_SPACE).replace(".", ",")


def format_percent(value, lang: str = DEFAULT_LANGUAGE, decimals: int = 1) -> str:
    """92.34 → '92,3 %' in French, '92.3%' in English."""
    if _missing(value):
        return "—"
    number = format_number(value, lang, decimals)
    return f"{number}{THIN_SPACE}%" if lang == "fr" else f"{number}%"


def format_amount(value, lang: str = DEFAULT_LANGUAGE, most_decimals: int = 2) -> str:
    """A number in a field, as a person types it: no thousands separator, no trailing
    zeros, at most `most_decimals`, the language's decimal sign.

    >>> format_amount(8.0, "fr"), format_amount(7.5, "fr"), format_amount(1234.5, "en")
    ('8', '7,5', '1234.5')
    """
    if _missing(value):
        return "—"
    text = f"{value:.{most_decimals}f}".rstrip("0").rstrip(".")
    return text if lang == "en" else text.replace(".", ",")


# Spaces people put between thousands or before a unit: plain, no-break, narrow no-break.
NUMBER_MAX_CHARS = 40
_SPACES = re.compile(r"[ \u00a0\u202f]")
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]{1,12}(?:\.[0-9]{1,12})?")
_ENGLISH_THOUSANDS = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]{1,12})?")


def parse_number(text, lang: str = DEFAULT_LANGUAGE) -> float | None:
    """A number as typed in a field: '7,5' or '7.5', '1 234,5', '90 %', '8 h'.

    A comma is the decimal sign, except between thousands in English ('1,500.5');
    None when the text is no number or mixes the signs otherwise ('1.234,5'): better
    to ask than to store a thousand times the target.

    >>> parse_number("7,5"), parse_number(" 90 % "), parse_number("1,500", "en")
    (7.5, 90.0, 1500.0)
    >>> parse_number("1,500"), parse_number("1.234,5"), parse_number("huit")
    (1.5, None, None)
    """
    text = str(text or "")
    if len(text) > NUMBER_MAX_CHARS:  # no number a person types is longer
        return None
    compact = _SPACES.sub("", text).lower().removesuffix("%").removesuffix("h")
    if lang == "en" and _ENGLISH_THOUSANDS.fullmatch(compact):
        compact = compact.replace(",", "")
    if compact.count(",") + compact.count(".") > 1:
        return None
    compact = compact.replace(",", ".")
    return float(compact) if _PLAIN_NUMBER.fullmatch(compact) else None


# --- opening periods as people type them ---------------------------------------------

PERIODS_MAX_CHARS = 200
# A time of day: "8", "8 h", "8 h 30", "8h30", "08:30", "1:30 p.m.".
_CLOCK = r"(\d{1,2})(?:\s?[h:]\s?(\d{2})?)?\s?([ap])?\.?\s?(?:m\.?)?"
_PERIOD = re.compile(rf"\s*{_CLOCK}\s*(?:-|–|—|à|a|to)\s*{_CLOCK}\s*", re.IGNORECASE)
_CLOSED_WORDS = {"", "fermé", "ferme", "closed", "—", "-"}


def read_periods(text: str) -> list[list[str]] | None:
    """Periods typed in a box, as stored ([["08:30", "12:00"], ...]); None if unreadable.

    >>> read_periods("8 h 30 – 12 h, 13 h – 16 h 30")
    [['08:30', '12:00'], ['13:00', '16:30']]
    >>> read_periods("8:30-12:00; 1 pm to 4:30 pm"), read_periods("fermé"), read_periods("midi")
    ([['08:30', '12:00'], ['13:00', '16:30']], [], None)
    """
    text = text.strip()
    if text.lower() in _CLOSED_WORDS:
        return []
    if len(text) > PERIODS_MAX_CHARS:
        return None
    periods = []
    for part in re.split(r"[,;\n]|\bet\b|\band\b", text):
        if not part.strip():
            continue
        match = _PERIOD.fullmatch(part)
        if match is None:
            return None
        opens, closes = _clock(*match.groups()[:3]), _clock(*match.groups()[3:])
        if opens is None or closes is None:
            return None
        periods.append([opens, closes])
    return periods


def _clock(hour: str, minute: str | None, half: str | None) -> str | None:
    hour_number, minute_number = int(hour), int(minute or 0)
    if half:
        if not 1 <= hour_number <= 12:
            return None
        hour_number = hour_number % 12 + (12 if half.lower() == "p" else 0)
    if hour_number > 23 or minute_number > 59:
        return None
    return f"{hour_number:02d}:{minute_number:02d}"


def periods_text(periods, language: str) -> str:
    """Stored periods as the language writes them: '8 h 30 – 12 h, 13 h – 16 h 30'.

    >>> periods_text([["08:30", "12:00"], ["13:00", "16:30"]], "en")
    '8:30 – 12:00, 13:00 – 16:30'
    """
    return ", ".join(f"{_hour(a, language)} – {_hour(b, language)}" for a, b in periods or ())


def _hour(hhmm: str, language: str) -> str:
    clock = time.fromisoformat(hhmm)
    if language == "en":
        return f"{clock.hour}:{clock.minute:02d}"
    return f"{clock.hour} h {clock.minute:02d}" if clock.minute else f"{clock.hour} h"


def week_summary(weekly: dict, language: str) -> str:
    """A week in a line: 'lun.–jeu. 8 h – 12 h, 13 h – 16 h ; ven. 8 h – 12 h'.

    Consecutive days with the same periods share one entry.

    >>> week = {str(d): [["08:00", "12:00"]] for d in range(5)}
    >>> week_summary({**week, "4": [["08:00", "11:00"]]}, "en")
    'Mon–Thu 8:00 – 12:00; Fri 8:00 – 11:00'
    """
    runs: list[list] = []  # [first day, last day, periods]
    for day in range(7):
        periods = weekly.get(str(day)) or []
        if periods and runs and runs[-1][1] == day - 1 and runs[-1][2] == periods:
            runs[-1][1] = day
        elif periods:
            runs.append([day, day, periods])
    if not runs:
        return t("calendar.always_closed", language)

    def days(first: int, last: int) -> str:
        short = [t(f"calendar.day_short.{d}", language) for d in (first, last)]
        return short[0] if first == last else "–".join(short)

    parts = [f"{days(a, b)} {periods_text(p, language)}" for a, b, p in runs]
    return (" ; " if language == "fr" else "; ").join(parts)


def format_clock(ts, lang: str = DEFAULT_LANGUAGE) -> str:
    """Local time of day: '8 h 30', '17 h 05', '9 h' in French (Office québécois de la
    langue française); '8:30 a.m.', '9 a.m.' in English."""
    ts = local(ts)
    if lang == "en":
        hour = ts.hour % 12 or 12
        suffix = "a.m." if ts.hour < 12 else "p.m."
        return f"{hour}:{ts.minute:02d} {suffix}" if ts.minute else f"{hour} {suffix}"
    return f"{ts.hour} h {ts.minute:02d}" if ts.minute else f"{ts.hour} h"


def format_date(ts, lang: str = DEFAULT_LANGUAGE, weekday: bool = True) -> str:
    """'lundi 24 juin 2026' in French; 'Monday, June 24, 2026' in English."""
    ts = local(ts) if isinstance(ts, pd.Timestamp) and ts.tzinfo else pd.Timestamp(ts)
    day_name = WEEKDAYS[lang][ts.weekday()]
    month = MONTHS[lang][ts.month - 1]
    if lang == "en":
        text = f"{month} {ts.day}, {ts.year}"
        return f"{day_name}, {text}" if weekday else text
    first = "1er" if ts.day == 1 else str(ts.day)
    text = f"{first} {month} {ts.year}"
    return f"{day_name} {text}" if weekday else text


def format_datetime(ts, lang: str = DEFAULT_LANGUAGE) -> str:
    """'2026-06-24 16 h 30' style, short and sortable, in local time."""
    if ts is None or pd.isna(ts):
        return "—"
    loc = local(ts)
    return f"{loc:%Y-%m-%d} {format_clock(loc, lang)}"


def format_duration(seconds, lang: str = DEFAULT_LANGUAGE) -> str:
    """Business time: 3900 → '1 h 05 min'; 300 → '5 min'; missing → '—'."""
    if _missing(seconds):
        return "—"
    minutes = int(seconds) // 60
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min"


def both(key: str, **values) -> str:
    """The string `key` in French, then English: for the command line and logs."""
    return " / ".join(t(key, lang, **values) for lang in LANGUAGES)


class Worded:
    """Mixed into an exception whose words are in the catalogue, under `{KEY}.{code}`.

    It carries a stable `code` and the `values` its sentence needs (a value that is
    itself worded per language is a {"fr": ..., "en": ...} dict); `describe(lang)` gives
    the sentence in one language, and str() French then English, for logs and the
    command line.
    """

    KEY = ""

    def __init__(self, code: str, **values):
        if f"{self.KEY}.{code}" not in STRINGS:
            raise KeyError(f"no words in the catalogue for {self.KEY}.{code}")
        self.code, self.values = code, values
        super().__init__(f"{self.describe('fr')} / {self.describe('en')}")

    def describe(self, language: str = DEFAULT_LANGUAGE, quote: Callable[[str], str] = str) -> str:
        """The sentence in `language`; `quote` writes its text values (what a person typed
        or a file held), e.g. `lib.ui.session.plain` where the sentence is read as Markdown."""
        values = {
            name: value[language] if isinstance(value, dict) and language in value else value
            for name, value in self.values.items()
        }
        values = {name: quote(v) if isinstance(v, str) else v for name, v in values.items()}
        return t(f"{self.KEY}.{self.code}", language, **values)


def catalogue_gaps() -> dict[str, list[str]]:
    """Keys missing or empty per language (the tests require none)."""
    return {
        lang: sorted(key for key, entry in STRINGS.items() if not entry.get(lang))
        for lang in LANGUAGES
    }


def _missing(value) -> bool:
    """None, NaN and pandas' NA alike (a figure over no comment is NA, not NaN)."""
    return value is None or bool(pd.isna(value))
