"""The fitted models kept between processes (`lib.detect.learned.cached_fit`): read back
the same, fitted again when anything they depend on changes, never read from a folder
others may write in."""

from __future__ import annotations

import csv
import os
import pickle

import numpy as np
import pytest

from lib.detect import fold
from lib.detect import learned as module
from lib.detect.learned import TRAINING, cached_fit, fit, fit_key, read_training

TEXTS = [
    "Je vais te retrouver ce soir, fais attention.",
    "Merci pour l'information, bonne journée!",
    "I can't take it anymore, nobody would notice if I was gone.",
    "Quand est-ce que la piscine rouvre?",
]


@pytest.fixture
def training(tmp_path):
    """A small training file (every tenth row of the real one): quick to fit."""
    rows = read_training()[::10]
    path = tmp_path / "training.csv"
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "cache"
    path.mkdir(mode=0o700)
    return path


@pytest.fixture
def fits(monkeypatch):
    """How many times the models are fitted (the real `fit`, counted)."""
    calls = []

    def counted(rows, *args, **kwargs):
        calls.append(len(rows))
        return fit(rows, *args, **kwargs)

    monkeypatch.setattr(module, "fit", counted)
    return calls


def probabilities(models) -> dict[str, np.ndarray]:
    return models.probabilities([fold(text) for text in TEXTS])


def test_a_second_process_reads_the_models_the_first_fitted(training, folder, fits):
    first = cached_fit(training, folder)
    assert len(fits) == 1
    assert [p.name for p in folder.iterdir()] == [
        f"learned-{fit_key(training.read_bytes())}.pickle"
    ]
    again = cached_fit(training, folder)  # as a new process would: only the file remains
    assert len(fits) == 1  # read, not fitted
    fresh = fit(read_training(training))
    for name, values in probabilities(fresh).items():
        assert np.array_equal(probabilities(first)[name], values)
        assert np.array_equal(probabilities(again)[name], values)


def test_other_training_comments_are_fitted_again(training, folder, fits):
    cached_fit(training, folder)
    with training.open("a", encoding="utf-8", newline="") as file:
        csv.writer(file).writerow(["Un commentaire de plus.", "fr", ""])
    cached_fit(training, folder)
    assert len(fits) == 2
    assert len(list(folder.glob("learned-*.pickle"))) == 2


def test_a_damaged_file_is_fitted_again_and_replaced(training, folder, fits):
    kept = folder / f"learned-{fit_key(training.read_bytes())}.pickle"
    kept.write_bytes(b"not a pickle")
    models = cached_fit(training, folder)
    assert len(fits) == 1
    with kept.open("rb") as file:
        assert probabilities(pickle.load(file)).keys() == probabilities(models).keys()
    assert not list(folder.glob(".*.part"))


def test_a_folder_others_may_write_in_is_neither_read_nor_written(training, folder, fits):
    os.chmod(folder, 0o777)
    cached_fit(training, folder)
    assert not list(folder.iterdir())
    # A file someone else left there is not read: the models are fitted.
    (folder / f"learned-{fit_key(training.read_bytes())}.pickle").write_bytes(
        pickle.dumps(fit(read_training(training)))
    )
    cached_fit(training, folder)
    assert len(fits) == 2


def test_a_folder_that_cannot_be_made_costs_a_fit_and_nothing_else(training, tmp_path, fits):
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    models = cached_fit(training, blocked / "cache")
    assert len(fits) == 1 and probabilities(models)


def test_the_folder_is_vigie_cache_when_set(monkeypatch, tmp_path):
    monkeypatch.setenv("VIGIE_CACHE", str(tmp_path))
    assert module.cache_folder() == tmp_path
    monkeypatch.delenv("VIGIE_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert module.cache_folder() == tmp_path / "xdg" / "vigie"


def test_the_key_follows_the_training_file():
    real = TRAINING.read_bytes()
    assert fit_key(real) == fit_key(real)
    assert fit_key(real) != fit_key(real + b"\n")
