"""Precision and recall of the detectors on hand-labelled comments (`pytest -s` prints them).

Two sets, the same columns (text, language, flags, reason, redirect):

- `eval/comments.csv`, the dev set: the comments the detectors were written
  and tuned against. Its figures are optimistic by construction.
- `eval/holdout.csv`, the held-out set: invented comments labelled by hand and
  committed (3ec5d6b) before the detectors were measured on them. First
  measured, untouched: pii precision 0.72 and recall 0.75, language accuracy
  0.974, urgent recall 0.06. Never tune against it: when one of its comments
  is missed, write a new comment of the same kind into the dev set and work
  from that, or the held-out figures stop meaning anything.

The agreed floors (personal information, language) are asserted on the
held-out set; the word lists' own floors on the dev set.

    .venv/bin/pytest -q -s tests/test_detection_eval.py
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from lib.detect import analyse_many

EVAL = Path(__file__).parent / "eval"
SETS = {"dev": EVAL / "comments.csv", "holdout": EVAL / "holdout.csv"}
FLAGS = ("pii", "english", "question", "link", "negative", "urgent")

# Agreed in issue 7: pii protects people, so it has the highest bar.
HOLDOUT_FLOORS = {"pii": (0.90, 0.95)}
HOLDOUT_LANGUAGE_ACCURACY_FLOOR = 0.95
# On the comments they were tuned on, the detectors must do at least this well;
# tone and urgency are word lists, so their floors leave room for the phrasing
# nobody listed.
DEV_FLOORS = {
    "pii": (0.90, 0.95),
    "english": (0.95, 0.95),
    "question": (0.90, 0.85),
    "link": (0.95, 0.95),
    "negative": (0.85, 0.70),
    "urgent": (0.85, 0.80),
}
DEV_LANGUAGE_ACCURACY_FLOOR = 0.95
DEV_REASON_ACCURACY_FLOOR = 0.75
DEV_REDIRECT_ACCURACY_FLOOR = 0.75


def _split(value: str) -> set[str]:
    return set(value.split())


def read_set(name: str) -> pd.DataFrame:
    return pd.read_csv(SETS[name], dtype=str, keep_default_na=False)


def flag_scores(scored: pd.DataFrame) -> pd.DataFrame:
    """Counts, precision and recall of each flag, expected (`flags`) against found."""
    rows = []
    for flag in FLAGS:
        expected = scored["flags"].map(lambda v, f=flag: f in _split(v))
        found = scored["flags_found"].map(lambda v, f=flag: f in _split(v))
        tp = int((expected & found).sum())
        fp = int((~expected & found).sum())
        fn = int((expected & ~found).sum())
        rows.append(
            {
                "flag": flag,
                "expected": int(expected.sum()),
                "tp": tp,
                "fp": fp,
                "fn": fn,
                "precision": tp / (tp + fp) if tp + fp else 1.0,
                "recall": tp / (tp + fn) if tp + fn else 1.0,
            }
        )
    return pd.DataFrame(rows).set_index("flag")


def summarise(table: pd.DataFrame) -> dict:
    """Flag scores, language accuracy and suggestion accuracy for labelled rows."""
    # A reason suggestion is right when the expected main reason is among those
    # suggested, and wrong when one is suggested for a comment a moderator keeps.
    reason_ok = [
        (expected in _split(found)) if expected else not found
        for expected, found in zip(table["reason"], table["suggested_reasons_found"], strict=True)
    ]
    redirect_ok = table["redirect"] == table["suggested_redirect_found"].fillna("")
    return {
        "flags": flag_scores(table),
        "language": (table["language"] == table["language_found"]).mean(),
        "reason": sum(reason_ok) / len(table),
        "redirect": redirect_ok.mean(),
    }


@pytest.fixture(scope="module")
def reports() -> dict[str, dict]:
    found = {}
    print()
    for name in SETS:
        labelled = read_set(name)
        table = labelled.join(analyse_many(labelled["text"]).add_suffix("_found"))
        summary = found[name] = summarise(table)
        english = (table["language"] == "en").sum()
        print(f"--- {name}: {len(table)} comments ({english} English)")
        print(summary["flags"].to_string(float_format=lambda x: f"{x:.3f}"))
        print(
            f"language accuracy {summary['language']:.3f} · "
            f"reason suggestion accuracy {summary['reason']:.3f} · "
            f"redirect suggestion accuracy {summary['redirect']:.3f}"
        )
    return found


def test_each_set_is_large_about_a_third_english_and_without_duplicates():
    for name, smallest in (("dev", 220), ("holdout", 100)):
        labelled = read_set(name)
        assert len(labelled) >= smallest, name
        assert 0.25 <= (labelled["language"] == "en").mean() <= 0.40, name
        assert labelled["text"].is_unique, name


def test_no_held_out_comment_is_also_in_the_dev_set():
    dev = set(read_set("dev")["text"].str.casefold())
    assert not dev & set(read_set("holdout")["text"].str.casefold())


def test_labels_use_the_taxonomy_codes():
    from lib.taxonomy import FLAGS as TAXONOMY_FLAGS
    from lib.taxonomy import REASONS, REDIRECTS

    for name in SETS:
        labelled = read_set(name)
        assert set(labelled["flags"].str.split().explode().dropna()) <= set(TAXONOMY_FLAGS)
        assert set(labelled["reason"]) - {""} <= set(REASONS)
        assert set(labelled["redirect"]) - {""} <= set(REDIRECTS)


@pytest.mark.parametrize("flag", list(HOLDOUT_FLOORS))
def test_held_out_personal_information_precision_and_recall_meet_the_agreed_floors(reports, flag):
    precision_floor, recall_floor = HOLDOUT_FLOORS[flag]
    row = reports["holdout"]["flags"].loc[flag]
    assert row["precision"] >= precision_floor, row
    assert row["recall"] >= recall_floor, row


def test_held_out_language_is_right_for_nearly_every_comment(reports):
    assert reports["holdout"]["language"] >= HOLDOUT_LANGUAGE_ACCURACY_FLOOR


@pytest.mark.parametrize("flag", list(DEV_FLOORS))
def test_dev_flag_precision_and_recall_stay_above_their_floors(reports, flag):
    precision_floor, recall_floor = DEV_FLOORS[flag]
    row = reports["dev"]["flags"].loc[flag]
    assert row["precision"] >= precision_floor, row
    assert row["recall"] >= recall_floor, row


def test_dev_language_is_right_for_nearly_every_comment(reports):
    assert reports["dev"]["language"] >= DEV_LANGUAGE_ACCURACY_FLOOR


def test_dev_reason_and_redirect_suggestions_are_mostly_right(reports):
    assert reports["dev"]["reason"] >= DEV_REASON_ACCURACY_FLOOR
    assert reports["dev"]["redirect"] >= DEV_REDIRECT_ACCURACY_FLOOR
