"""Flags and suggestions read from a comment's text: personal information, language, tone, urgency.

Everything here is offline and deterministic: regular expressions and word lists
written for Québec public-sector comments (French, Québec French, English), the
`phonenumbers` metadata, and the language model bundled with `py3langid`.
Suggestions are never applied: a moderator decides.

Each detector has its module (`pii`, `language`, `word_lists`, `repetition`);
`analysis` combines them into one comment's flags and suggestions. Each reads a
text in time linear in its length, and at most its first `MAX_TEXT_CHARS`
characters (`reading`), except that personal information is found in all of
it, so that masking misses nothing.

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
