"""The language of a comment's text: a few everyday words, else py3langid's model, in batches."""

from __future__ import annotations

import re
from contextlib import contextmanager
from functools import lru_cache

import numpy as np
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from lib.detect.folding import fold
from lib.detect.reading import head

# Links, addresses, mentions, hashtags and numbers: not words of any language.
# An address is a run of non-spaces holding an "@"; it is tried only where such
# a run starts, so that each run is read once.
_NOT_WORDS = re.compile(r"https?://\S+|www\.\S+|(?<!\S)\S+@\S+|[@#]\w+|\d+|_", re.UNICODE)


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


# Overriding `_raw_score` and reading `tk_nextmove`, `_rowbase` and `tk_output`
# leans on py3langid's internals (0.4.0, pinned in requirements.txt) because its
# public API walks one text at a time, the slow part of a batch: an upgrade must
# be checked against the language tests.
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
    # The same model, read once (decompressing it is most of the cost), restricted to two.
    french_or_english = _Identifier(
        *everything._full_model,
        everything.tk_nextmove,
        everything.tk_output,
        norm_probs=True,
        tk_row=everything.tk_row,
    )
    french_or_english.set_languages(["fr", "en"])
    for identifier in (everything, french_or_english):
        identifier.known_visits = {}
    return everything, french_or_english


# Texts walked together at most: the walk holds a texts x longest-text byte table.
WALK_CELLS = 4_000_000
# A step of the batch walk costs about fourteen bytes of py3langid's own walk,
# whatever the number of texts left: a longer text than this, which few
# comments are, is walked on its own.
WALK_MAX_BYTES = 1_000


@lru_cache(maxsize=1)
def _walk_tables() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The model's walk as arrays (next move, row offsets, output): built once, not per batch."""
    identifier = _identifiers()[0]
    next_move = np.frombuffer(identifier.tk_nextmove, dtype=identifier.tk_nextmove.typecode)
    row_base = np.asarray(identifier._rowbase, dtype=np.int64)
    output = np.asarray(identifier.tk_output, dtype=np.int64)
    return next_move, row_base, output


def _visit_counts(encoded: list[bytes]) -> list[tuple]:
    """py3langid's `visit_counts` for many texts at once: one numpy step per byte position.

    For each text, its features (intp) in order of first appearance, as in the
    Counter that py3langid builds so that scores are summed in the same order,
    and how often each was seen (float32, as `_sparse_score` reads them).
    """
    next_move, row_base, output = _walk_tables()
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
    encoded = [
        text
        for text in {LanguageIdentifier._encode(text) for text in cleaned_texts}
        if len(text) <= WALK_MAX_BYTES
    ]
    visits = {
        text: counts
        for text, counts in zip(encoded, _visit_counts(encoded), strict=True)
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


def detect_language(text: str, folded: str | None = None) -> str:
    """'fr', 'en', another ISO 639-1 code for a long and clearly foreign text, or 'und'.

    Comments here are French or English nearly always, so the decision is made
    between those two unless a long text is unmistakably something else. Only
    the first `reading.MAX_TEXT_CHARS` characters are read.

    >>> detect_language("Ok merci"), detect_language("Ok thanks"), detect_language("👍")
    ('fr', 'en', 'und')
    """
    decided, cleaned, size = _language_without_model(text, folded)
    return decided or _model_language(cleaned, size)


def detect_languages(texts: list[str], folded: list[str]) -> list[str]:
    """`detect_language` for many texts and their folded forms, the model's walk run once for all.

    >>> detect_languages(["Ok merci", "Ok thanks"], [fold("Ok merci"), fold("Ok thanks")])
    ['fr', 'en']
    """
    without_model = [_language_without_model(t, f) for t, f in zip(texts, folded, strict=True)]
    with _walked({cleaned for decided, cleaned, _ in without_model if decided is None}):
        return [decided or _model_language(c, size) for decided, c, size in without_model]


def _language_without_model(text: str, folded: str | None) -> tuple[str | None, str, int]:
    """The language when the words alone decide it, else None; the text the model
    reads, and how long it is for the model (`_SHORT`, `_MEDIUM` or `_LONG`)."""
    cleaned = _NOT_WORDS.sub(" ", head(text or ""))
    folded = fold(cleaned) if folded is None else _NOT_WORDS.sub(" ", head(folded))
    words = _WORD.findall(folded)
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
