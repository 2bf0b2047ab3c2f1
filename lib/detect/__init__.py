"""Flags and suggestions read from a comment's text: personal information, language, tone, urgency.

Everything here is offline and deterministic: regular expressions and word lists
written for Québec public-sector comments (French, Québec French, English), the
`phonenumbers` metadata, the language model bundled with `py3langid`, the
lemmas of `simplemma`, and two logistic regressions fitted on first use from a
committed CSV (`learned`). Suggestions are never applied: a moderator decides.

Each detector has its module (`pii`, `language`, `word_lists`, `repetition`;
threats and distress: `sentences`, `urgency`, `learned`); `analysis` combines
them into one comment's flags, suggestions and the evidence of each flag
(`explain`). Each reads a text in time linear in its length, and at most its
first `MAX_TEXT_CHARS` characters (`reading`), except that personal information
is found in all of it, so that masking misses nothing.

>>> d = analyse("Mon NAS est 046 454 286, pouvez-vous vérifier mon dossier?")
>>> d.flags, d.suggested_reasons, d.suggested_redirect
(('pii', 'question'), ('renseignements_personnels',), 'prive')
>>> analyse("Thanks, see you there!").language
'en'
"""

from lib.detect.analysis import Detection, Evidence, analyse, analyse_many, explain
from lib.detect.folding import fold
from lib.detect.language import detect_language
from lib.detect.pii import PII_KINDS, PersonalInformation, find_personal_information
from lib.detect.reading import MAX_TEXT_CHARS
from lib.detect.repetition import REPEAT_MIN_WORDS, repeat_key, repeated_text

__all__ = [
    "MAX_TEXT_CHARS",
    "PII_KINDS",
    "REPEAT_MIN_WORDS",
    "Detection",
    "Evidence",
    "PersonalInformation",
    "analyse",
    "analyse_many",
    "detect_language",
    "explain",
    "find_personal_information",
    "fold",
    "repeat_key",
    "repeated_text",
]
