"""Threats, distress and a hostile tone learned from labelled comments: the phrasing
no rule lists.

People announce violence and danger in more ways than rules can list ("le maire
devrait faire attention en partant le soir", "j'ai donné mon chien à mon voisin,
demain y'aura pu personne icitte"). Two logistic regressions (scikit-learn), one
for threats and one for distress, read each comment as the character n-grams of
its folded text (spelling mistakes, joual, no accents) and its words and pairs of
words. (Lemmas as words, and the rules' findings as two more features, did no
better when one writer was left out, at several times the cost.) A third model, on
the same features, reads a hostile or critical tone (`negative`): a tone word
counts only where that model does not find the comment plainly neutral, and the
model alone raises the flag where it is sure (`negative_raised`).

How a signal is raised (`raised`): the threat rules that were right at least 9
times in 10 on comments their author never saw decide alone (`DECISIVE_RULES`);
another rule of the signal lowers the probability needed (`RULE_THRESHOLDS`);
otherwise the model's probability must reach `THRESHOLDS`.

The models are fitted, when first needed, on `training/urgency.csv`: invented
comments written and labelled by hand, in French and English, by several writers
(urgent ones, look-alikes, everyday traffic, the demo's own templates), committed
with the code. Nothing else ever trains them: a moderator's "wrong flag" is
counted (`lib.flag_reports`), never learned from. The fit is deterministic
(lbfgs, no random state), so every process flags a text the same way. A process keeps
the fitted models in the server's cache folder (`cached_fit`) for the next one: a
second of fitting that every new server, import and command would otherwise pay.

The thresholds were chosen on the training comments by leaving one writer out at
a time (`bench/tune_urgency.py`), never on the held-out sets. The explanation of
a flag no rule raised is the words whose weights raised it most (`raising_words`).
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import os
import pickle
import sys
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix, hstack

# scikit-learn (with scipy.stats, a second to import on two cores) is imported where the
# models are fitted or read back, not with this module: the pages that only count comments
# import the detectors' word lists through the settings, and need no model.
if TYPE_CHECKING:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

from lib.detect.folding import digits_as_zero, fold
from lib.detect.sentences import FUNCTION_WORDS

TRAINING = Path(__file__).with_name("training") / "urgency.csv"
SIGNALS = ("threat", "distress")
TONE = "negative"
MODELS = (*SIGNALS, TONE)
THRESHOLDS = {"threat": 0.5, "distress": 0.5}
"""The probability from which each signal is raised (see the module's docstring)."""
RULE_THRESHOLDS = {"threat": 0.2, "distress": 0.1}
"""The lower probability that suffices when one of the sentence rules (`urgency`) also
found the signal."""
READ_RULES_FROM = 0.1
"""The rules are read only where a model gives at least this: most comments are spared."""
DECISIVE_RULES = ("threat.intent", "threat.call", "threat.conditional", "threat.implicit")
"""Rules that raise a threat whatever the models say: on the training comments, written
by people who never saw the rules, at least 9 in 10 of their matches were threats
(the distress rules' were 5 to 7 in 10: hyperbole, the past, news)."""


NEGATIVE_ALONE = 0.6
"""The tone model's probability from which a comment is negative without any word list."""
NEGATIVE_WITH_WORDS = 0.2
"""The tone model's probability under which a tone word ("me tue", "killing me", "déçue")
is read as figurative or neutral: most false alarms of the word lists."""
NEGATIVE_ALONE_MIN_WORDS = 5
"""The fewest words from which the tone model alone may raise the flag: on fewer ("Et le
budget?"), one word weighs for the whole, and it was right 18 times in 30."""
STRONG_WORDS = ("negative.hate", "negative.insult")
"""Word lists that make a comment negative whatever the tone model says: hate, and an
insult or swearing ("bunch of idiots", "gang de caves") even amid a neutral request."""


def negative_raised(
    probability: float,
    listed: str | None,
    threat: bool,
    distress: bool,
    length: int,
    alone: float = NEGATIVE_ALONE,
    with_words: float = NEGATIVE_WITH_WORDS,
) -> bool:
    """Whether a comment of `length` words is negative, from the tone model's probability,
    the rule of the word list that matched (`listed`, None if none did) and its threat and
    distress flags.

    A person in distress is not hostile: their fear, shame or regret ("je regrette",
    "il va me tuer" of a violent partner) does not make the reply need a lead's approval,
    unless they insult or the model is sure. Thresholds: the best balance of precision
    and recall, recall at least 0.85, in `bench/tune_urgency.py`."""
    if probability >= alone and length >= NEGATIVE_ALONE_MIN_WORDS:
        return True
    if distress and listed not in STRONG_WORDS:
        return False
    if threat or listed in STRONG_WORDS:
        return True
    return listed is not None and probability >= with_words


def raised(
    signal: str,
    probability: float,
    rules: set[str],
    thresholds: dict[str, float] = THRESHOLDS,
    rule_thresholds: dict[str, float] = RULE_THRESHOLDS,
) -> bool:
    """Whether a comment carries `signal`, from its model's probability and the rules of
    that signal that matched (other thresholds: `bench/tune_urgency.py` tries them)."""
    if rules & set(DECISIVE_RULES):
        return True
    return probability >= (rule_thresholds[signal] if rules else thresholds[signal])


REGULARISATION = 4.0
EXPLAINING_WORDS = 4


def _labels(flags: str) -> dict[str, bool]:
    codes = flags.split()
    distress = "distress" in codes
    return {
        "threat": "urgent" in codes and not distress,
        "distress": distress,
        TONE: TONE in codes,
    }


def read_training(path: Path = TRAINING) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


class CharacterGrams:
    """The character n-grams of words (scikit-learn's `char_wb`), counted word by word.

    A comment's n-grams are the sum of its words' (`char_wb` never crosses a space),
    and words repeat from one comment to the next: each word's n-grams are found once
    and kept (up to `KEPT_WORDS`, then forgotten all at once), and a batch of comments
    is one sparse product of comments × its words by its words × n-grams. The counts
    are those of `CountVectorizer(analyzer="char_wb")`. Pages read at the same time
    (Streamlit's threads) at worst find a word's n-grams twice.
    """

    KEPT_WORDS = 200_000

    def __init__(self, ngram_range: tuple[int, int]):
        from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

        self.counter = CountVectorizer(
            analyzer="char_wb", ngram_range=ngram_range, min_df=2, dtype=np.float32
        )
        self.tfidf = TfidfTransformer(sublinear_tf=True)
        self._kept: dict[str, np.ndarray] = {}

    def fit_transform(self, folded: list[str]):
        counts = self.counter.fit_transform(folded)
        self._ngrams = self.counter.build_analyzer()
        return self.tfidf.fit_transform(counts)

    def transform(self, folded: list[str]):
        return self.tfidf.transform(self.counts(folded))

    @property
    def width(self) -> int:
        return len(self.counter.vocabulary_)

    def _grams(self, word: str) -> np.ndarray:
        grams = self._kept.get(word)
        if grams is None:
            if len(self._kept) >= self.KEPT_WORDS:
                self._kept = {}
            vocabulary = self.counter.vocabulary_
            known = [vocabulary[g] for g in self._ngrams(word) if g in vocabulary]
            grams = self._kept[word] = np.array(known, dtype=np.int64)
        return grams

    def counts(self, folded: list[str]) -> csr_matrix:
        """Comments × n-grams counts, as `CountVectorizer.transform` gives them."""
        columns: dict[str, int] = {}
        documents, words = [], []
        for index, text in enumerate(folded):
            for word in text.split():
                documents.append(index)
                words.append(columns.setdefault(word, len(columns)))
        by_word = csr_matrix(
            (np.ones(len(words), dtype=np.float32), (documents, words)),
            shape=(len(folded), len(columns)),
        )
        grams = [self._grams(word) for word in columns]
        lengths = [len(g) for g in grams]
        words_by_grams = csr_matrix(
            (
                np.ones(sum(lengths), dtype=np.float32),
                np.concatenate(grams) if grams else np.zeros(0, dtype=np.int64),
                np.concatenate([[0], np.cumsum(lengths)]),
            ),
            shape=(len(grams), self.width),
        )
        return by_word @ words_by_grams


@dataclass
class Learned:
    """The fitted vectorisers and one model per signal and for the tone (`MODELS`)."""

    characters: CharacterGrams
    words: TfidfVectorizer
    models: dict[str, LogisticRegression]

    def probabilities(self, folded: list[str]) -> dict[str, np.ndarray]:
        """Each model's probability for comments given folded. Numbers are read as "0"
        (`digits_as_zero`), so comments that differ by a number are read once."""
        rows, keys = pd.factorize(pd.Series([digits_as_zero(t) for t in folded], dtype=object))
        if not len(keys):
            return {name: np.zeros(0) for name in MODELS}
        keys = keys.tolist()
        features = hstack([self.characters.transform(keys), self.words.transform(keys)])
        features = features.tocsr()
        return {s: m.predict_proba(features)[:, 1][rows] for s, m in self.models.items()}

    @cached_property
    def _word_names(self) -> np.ndarray:
        return self.words.get_feature_names_out()

    def raising_words(self, signal: str, folded: str) -> tuple[str, ...]:
        """The words and pairs of words of one comment that weigh most towards `signal`
        (one of `MODELS`)."""
        row = self.words.transform([digits_as_zero(folded)])
        first = self.characters.width
        weights = self.models[signal].coef_[0][first : first + len(self.words.vocabulary_)]
        names = self._word_names
        scored = sorted(
            (
                (row[0, i] * weights[i], names[i])
                for i in row.indices
                if weights[i] > 0 and not set(names[i].split()) <= FUNCTION_WORDS
            ),
            reverse=True,
        )
        return tuple(name for _, name in scored[:EXPLAINING_WORDS])


def fit(rows: list[dict[str, str]], regularisation: float = REGULARISATION) -> Learned:
    """Models fitted on labelled rows (text, language, flags)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    folded = [digits_as_zero(fold(row["text"])) for row in rows]
    characters = CharacterGrams(ngram_range=(3, 5))
    words = TfidfVectorizer(
        analyzer="word", ngram_range=(1, 2), sublinear_tf=True, dtype=np.float32
    )
    features = hstack([characters.fit_transform(folded), words.fit_transform(folded)]).tocsr()
    models = {}
    # lbfgs' vector operations are too small for BLAS threads: on two cores they made the
    # fit three to seven times slower (threads waiting on each other), for the same weights.
    with threadpool_limits(limits=1, user_api="blas"):
        for name in MODELS:
            labels = np.array([_labels(row["flags"])[name] for row in rows])
            model = LogisticRegression(C=regularisation, class_weight="balanced", max_iter=5000)
            models[name] = model.fit(features, labels)
    return Learned(characters, words, models)


def cache_folder() -> Path:
    """Where fitted models are kept: `VIGIE_CACHE` when set, else the user's cache folder
    (`XDG_CACHE_HOME`, else `~/.cache`), in `vigie/`."""
    if folder := os.environ.get("VIGIE_CACHE"):
        return Path(folder)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "vigie"


def fit_key(training: bytes) -> str:
    """What a fit depends on: the training file, this module and the folding it reads
    with, and the versions of Python and of the libraries that fit and pickle."""
    digest = hashlib.sha256(training)
    for source in (Path(__file__), Path(__file__).with_name("folding.py")):
        digest.update(source.read_bytes())
    versions = (sys.version, *(version(name) for name in ("numpy", "scipy", "scikit-learn")))
    digest.update(repr(versions).encode())
    return digest.hexdigest()[:24]


def cached_fit(path: Path = TRAINING, folder: Path | None = None) -> Learned:
    """`fit` on the rows of `path`, read from the cache folder when a process has fitted
    the same models before, else fitted and written there for the next one.

    The file is named after `fit_key`, so a change to the training comments, to this
    code or to a library fits again. Pickle runs what it reads: a folder that is not this
    user's, or that others may write in, is neither read nor written. A file that cannot
    be read, or a folder that cannot be written, costs a fit, nothing more.
    """
    training = path.read_bytes()
    folder = cache_folder() if folder is None else folder
    kept = folder / f"learned-{fit_key(training)}.pickle"
    if _private(folder):
        try:
            with kept.open("rb") as file:
                found = pickle.load(file)
            if isinstance(found, Learned):
                return found
        except Exception:  # noqa: BLE001 (missing, cut short or from elsewhere: fitted again)
            pass
    models = fit(read_training(path))
    part = folder / f".{kept.name}.{os.getpid()}.part"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder):
            return models
        with part.open("wb") as file:
            pickle.dump(models, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(part, kept)  # whole or not at all, for the processes reading meanwhile
    except OSError:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
    return models


def _private(folder: Path) -> bool:
    """Whether `folder` is this user's and nobody else may write in it."""
    try:
        info = folder.stat()
    except OSError:
        return False
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


@lru_cache(maxsize=1)
def learned() -> Learned:
    """The models fitted on `TRAINING`, once per process (`cached_fit`)."""
    return cached_fit()
