"""What the organisation is about to publish, read before it is: `check_draft`.

The policies hold the organisation's own words to the rules it enforces on citizens:
every policy makes personal information a reason to remove a comment, so a reply
never publishes any (a block: only a lead may publish it, with a note); the CEST's
policy asks for a person's consent before publishing anything that directly
involves them (art. 5), so a commenter's full name warns; the CSJ's answers an
English comment in French first, then in English, the MESS's in French only, so a
reply in another form warns; and a link to a site the lead has not allowed warns.
The same detectors that read comments read the draft (`lib.detect`).

The organisation's own public contacts are not personal information: the phone
numbers, addresses and web sites of its templates, its netiquette and the policy
presets (`organisation_contacts`).

>>> from lib.settings import Settings
>>> context = DraftContext("fr", ("Julie Tremblay",))
>>> [(f.check, f.detail) for f in check_draft("Écrivez à julie.t@exemple.ca", context, Settings())]
[('personal_information', 'email')]
>>> check_draft("Merci Julie Tremblay!", context, Settings())[0].check
'full_name'
>>> check_draft("Appelez le 418 368-3301, poste 3604.", context, Settings())
()
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass

from sqlite_utils import Database

from lib.detect import detect_language, find_personal_information, fold
from lib.detect.word_lists import LINK_TRAILING, URL, link_host
from lib.presets import PRESETS
from lib.settings import Settings
from lib.templates import templates

BLOCKING_CHECKS = ("personal_information",)
# How many other commenters' names of the comment's thread are read (the busiest posts).
THREAD_NAMES_MAX = 500
# A platform's display name is anyone's text: longer than this, or of more words, it is
# no person's name, and it is never made into a pattern.
NAME_MAX_CHARS = 100
NAME_MAX_WORDS = 6


@dataclass(frozen=True)
class Finding:
    """One thing a draft would publish that the policy forbids or questions.

    `draft[start:end]` is the passage; `detail` is the kind of personal information
    (`lib.detect.PII_KINDS`), the person's name, the link's host, or for the language
    form what is missing: `not_french_first`, `no_english` or `not_french_only`.
    """

    check: str
    start: int
    end: int
    detail: str

    @property
    def blocks(self) -> bool:
        """Personal information blocks a draft; the other findings warn."""
        return self.check in BLOCKING_CHECKS


@dataclass(frozen=True)
class DraftContext:
    """What a draft is checked against: the comment's language and the thread's names."""

    comment_language: str | None
    names: tuple[str, ...] = ()


def draft_context(db: Database, comment: dict) -> DraftContext:
    """The comment's language, and the full names of its author and of the other people
    who commented on the same post."""
    names = [comment.get("author_name")]
    if comment.get("post_ref"):
        names += [
            row[0]
            for row in db.execute(
                "SELECT DISTINCT author_name FROM comments WHERE platform = ? AND post_ref = ? "
                f"AND author_name IS NOT NULL LIMIT {THREAD_NAMES_MAX}",
                [comment["platform"], comment["post_ref"]],
            )
        ]
    full = (name.strip() for name in names if isinstance(name, str))
    return DraftContext(comment.get("language"), tuple(dict.fromkeys(n for n in full if n)))


def check_draft(draft: str, context: DraftContext, settings: Settings) -> tuple[Finding, ...]:
    """Every finding in `draft`, in the order of the text; () for a draft that may go out."""
    if not draft or not draft.strip():
        return ()
    found = [
        *_personal_information(draft, settings),
        *_full_names(draft, context.names, settings.organisation),
        *_language_form(draft, context.comment_language, settings.english_replies),
        *_links(draft, settings),
    ]
    return tuple(sorted(found, key=lambda f: (f.start, f.end)))


def _personal_information(draft: str, settings: Settings):
    own = organisation_contacts(settings)
    for piece in find_personal_information(draft):
        if (piece.kind, _contact_key(piece.kind, piece.value)) not in own:
            yield Finding("personal_information", piece.start, piece.end, piece.kind)


def _contact_key(kind: str, value: str) -> str:
    """A contact as compared: a phone number's ten digits, anything else folded, no spaces."""
    if kind == "phone":
        digits = re.sub(r"\D", "", value)
        return digits[-10:]
    return re.sub(r"\s+", "", fold(value))


def organisation_contacts(settings: Settings) -> frozenset[tuple[str, str]]:
    """The personal-information look-alikes the organisation publishes itself: (kind, key)
    for each phone number, address or e-mail of its templates, its netiquette and the presets'."""
    return _contacts(_own_texts_key(settings))


def organisation_hosts(settings: Settings) -> frozenset[str]:
    """The web sites the organisation may link to: the lead's list, and the sites its
    templates, its netiquette and the presets already link to."""
    return frozenset(settings.allowed_domains) | _hosts(_own_texts_key(settings))


def _own_texts_key(settings: Settings) -> str:
    return json.dumps([settings.templates, settings.netiquette], sort_keys=True)


@functools.lru_cache(maxsize=16)
def _own_texts(key: str) -> tuple[str, ...]:
    stored, netiquette = json.loads(key)
    texts = [text for t in templates(stored).values() for text in t.values()]
    texts += list((netiquette or {}).values())
    for preset in PRESETS.values():
        values = preset.settings()
        texts += [text for t in values.get("templates", {}).values() for text in t.values()]
        texts += list(values.get("netiquette", {}).values())
    return tuple(texts)


@functools.lru_cache(maxsize=16)
def _contacts(key: str) -> frozenset[tuple[str, str]]:
    return frozenset(
        (piece.kind, _contact_key(piece.kind, piece.value))
        for text in _own_texts(key)
        for piece in find_personal_information(text)
    )


@functools.lru_cache(maxsize=16)
def _hosts(key: str) -> frozenset[str]:
    return frozenset(link_host(m.group()) for text in _own_texts(key) for m in URL.finditer(text))


def _links(draft: str, settings: Settings):
    allowed = organisation_hosts(settings)
    for m in URL.finditer(draft):
        host = link_host(m.group())
        if not any(host == site or host.endswith("." + site) for site in allowed):
            end = m.start() + len(m.group().rstrip(LINK_TRAILING))
            yield Finding("link", m.start(), end, host)


def _full_names(draft: str, names: tuple[str, ...], organisation: str):
    """Full names (two words or more) of the thread's people, accents and case aside."""
    folded, where = _folded_with_positions(draft)
    for name in names:
        if fold(name) == fold(organisation or "") or (pattern := _name_pattern(name)) is None:
            continue
        for m in pattern.finditer(folded):
            yield Finding("full_name", where[m.start()], where[m.end() - 1] + 1, name)


@functools.lru_cache(maxsize=16_384)
def _name_pattern(name: str) -> re.Pattern | None:
    """A full name as written in a folded reply, in either order for two words; None for
    a name of one word or too many. Kept: a thread names hundreds of people, more than
    `re`'s own cache holds, and each draft of its replies is read at every rerun."""
    words = re.findall(r"[^\W\d_]{2,}", fold(name[:NAME_MAX_CHARS]))
    if not 2 <= len(words) <= NAME_MAX_WORDS:
        return None
    orders = [words] if len(words) > 2 else [words, words[::-1]]
    pattern = "|".join(r"[\s'-]{1,3}".join(map(re.escape, order)) for order in orders)
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)")


def _folded_with_positions(text: str) -> tuple[str, list[int]]:
    """`fold(text)`, and for each of its characters the position it comes from in `text`."""
    parts, where = [], []
    for position, char in enumerate(text):
        folded = fold(char)
        parts.append(folded)
        where += [position] * len(folded)
    return "".join(parts), where


_PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t]*\n))*")
_LINE = re.compile(r"[^\n]*\S[^\n]*")


def _parts(draft: str) -> list[tuple[int, int]]:
    """The draft's paragraphs (separated by a blank line), or its lines when it has one
    paragraph: a language is told more surely from a paragraph than from a line."""
    parts = list(_PARAGRAPH.finditer(draft))
    if len(parts) < 2:
        parts = list(_LINE.finditer(draft))
    return [(m.start(), m.start() + len(m.group().rstrip())) for m in parts]


def _language_form(draft: str, comment_language: str | None, english_replies: str):
    """French first for every comment; then English for an English comment, or no English
    at all where the organisation answers in French only."""
    lines = _parts(draft)
    languages = [detect_language(draft[start:end]) for start, end in lines]
    if languages[0] == "en":
        yield Finding("language", *lines[0], "not_french_first")
        return
    english = [span for span, lang in zip(lines, languages, strict=True) if lang == "en"]
    if english_replies == "french_only" and english:
        yield Finding("language", *english[0], "not_french_only")
    elif english_replies == "bilingual" and comment_language == "en" and not english:
        yield Finding("language", 0, len(draft.rstrip()), "no_english")
