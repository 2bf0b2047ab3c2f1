"""Threats and distress learned from labelled comments: the phrasing no rule lists.

People announce violence and danger in more ways than rules can list ("le maire
devrait faire attention en partant le soir", "j'ai donné mon chien à mon voisin,
demain y'aura pu personne icitte"). Two logistic regressions (scikit-learn), one
for threats and one for distress, read each comment as the character n-grams of
its folded text (spelling mistakes, joual, no accents) and the word n-grams of
its lemmas (`sentences`: every tense and person of one verb is one feature).

They are fitted, when first needed, on the comments of `training/urgency.csv`:
invented comments written and labelled by hand, in French and English, urgent
ones and look-alikes, committed with the code. Nothing else ever trains them: a
moderator's "wrong flag" is counted (`lib.flag_reports`), never learned from.
The fit is deterministic (lbfgs, no random state), so every process flags the
same text the same way.

A comment is flagged when a model's probability reaches its threshold; the
thresholds were chosen on the training comments by leaving one writer out at a
time (`bench/tune_urgency.py`), never on the held-out sets. The explanation is
the words whose weights raised the score most (`Learned.words`).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from lib.detect.folding import fold
from lib.detect.sentences import sentences
from lib.detect.urgency import find_urgency

TRAINING = Path(__file__).with_name("training") / "urgency.csv"
SIGNALS = ("threat", "distress")
THRESHOLDS = {"threat": 0.5, "distress": 0.5}
"""The probability from which each signal is raised (see the module's docstring)."""
RULE_THRESHOLDS = {"threat": 0.2, "distress": 0.2}
"""The lower probability that suffices when one of the rules (`urgency`) also matched."""


def raised(signal: str, probability: float, rule_matched: bool) -> bool:
    """Whether a comment carries `signal`, from its model's probability and the rules."""
    floor = RULE_THRESHOLDS[signal] if rule_matched else THRESHOLDS[signal]
    return probability >= floor
REGULARISATION = 4.0
EXPLAINING_WORDS = 4


def lemma_text(text: str, language: str) -> str:
    """A comment's lemmas, sentence after sentence, for the word features."""
    return " . ".join(s.lemmas for s in sentences(text, language))


def _labels(flags: str) -> dict[str, bool]:
    codes = flags.split()
    distress = "distress" in codes
    return {"threat": "urgent" in codes and not distress, "distress": distress}


def read_training(path: Path = TRAINING) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


@dataclass
class Learned:
    """The fitted vectorisers and one model per signal."""

    characters: TfidfVectorizer
    words: TfidfVectorizer
    models: dict[str, LogisticRegression]

    def features(self, texts: list[str], lemmas: list[str]):
        return _features(self.characters.transform, self.words.transform, texts, lemmas)

    def probabilities(self, texts: list[str], lemmas: list[str]) -> dict[str, np.ndarray]:
        if not texts:
            return {signal: np.zeros(0) for signal in SIGNALS}
        features = self.features(texts, lemmas)
        return {s: m.predict_proba(features)[:, 1] for s, m in self.models.items()}

    def raising_words(self, signal: str, lemmas: str) -> tuple[str, ...]:
        """The lemma n-grams of one comment that weigh most towards `signal`."""
        row = self.words.transform([lemmas])
        first = len(self.characters.vocabulary_)
        weights = self.models[signal].coef_[0][first : first + len(self.words.vocabulary_)]
        names = self.words.get_feature_names_out()
        scored = sorted(
            ((row[0, i] * weights[i], names[i]) for i in row.indices if weights[i] > 0),
            reverse=True,
        )
        return tuple(name for _, name in scored[:EXPLAINING_WORDS])


RULE_WEIGHT = 1.0


def _rules(text: str) -> list[float]:
    found = {f.signal for f in find_urgency(text, fold(text), "fr")}
    return [RULE_WEIGHT * (signal in found) for signal in SIGNALS]


def _features(characters, words, texts: list[str], lemmas: list[str]):
    rules = csr_matrix(np.array([_rules(t) for t in texts], dtype=np.float32))
    return hstack([characters([fold(t) for t in texts]), words(lemmas), rules]).tocsr()


def fit(rows: list[dict[str, str]], regularisation: float = REGULARISATION) -> Learned:
    """Models fitted on labelled rows (text, language, flags)."""
    texts = [row["text"] for row in rows]
    lemmas = [lemma_text(row["text"], row["language"]) for row in rows]
    characters = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True, dtype=np.float32
    )
    words = TfidfVectorizer(
        analyzer="word",
        ngram_range=(1, 2),
        token_pattern=r"[^ .]+",
        sublinear_tf=True,
        dtype=np.float32,
    )
    features = _features(characters.fit_transform, words.fit_transform, texts, lemmas)
    models = {}
    for signal in SIGNALS:
        labels = np.array([_labels(row["flags"])[signal] for row in rows])
        model = LogisticRegression(C=regularisation, class_weight="balanced", max_iter=5000)
        models[signal] = model.fit(features, labels)
    return Learned(characters, words, models)


@lru_cache(maxsize=1)
def learned() -> Learned:
    """The models fitted on `TRAINING`, once per process."""
    return fit(read_training())
