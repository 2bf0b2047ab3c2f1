"""Precision and recall of the detectors on hand-labelled comments (`pytest -s` prints them).

Four sets of invented comments:

- `eval/comments.csv`, the dev set: the comments the detectors were written
  and tuned against (columns text, language, flags, reason, redirect). Its
  figures are optimistic by construction.
- `eval/holdout.csv`, the first held-out set, same columns, committed (3ec5d6b)
  before the detectors were measured on it. First measured, untouched: pii
  precision 0.72 and recall 0.75, language accuracy 0.974, urgent recall 0.06.
- `eval/urgent_holdout.csv`, the held-out set of issue "Catch what cannot wait"
  (192 comments: 46 threats, 34 people in distress, 112 look-alikes; a `kind`
  column), written by someone who never saw the detectors and committed
  (73654ae) before any tuning. First measured with the sentence rules alone:
  urgent precision 0.738, recall 0.388.
- `lib/detect/training/urgency.csv`, the comments the threat and distress models
  are fitted on (`lib.detect.learned`), by several writers; its figures are the
  fit's, optimistic by construction: `bench/tune_urgency.py` gives the honest
  ones, each writer read by models fitted on the others.

Never tune against a held-out set: when one of its comments is missed, write a
new comment of the same kind into the dev or training set and work from that,
or the held-out figures stop meaning anything.

    .venv/bin/pytest -q -s tests/test_detection_eval.py
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from lib.detect import analyse_many
from lib.detect.learned import TRAINING

EVAL = Path(__file__).parent / "eval"
SETS = {
    "dev": EVAL / "comments.csv",
    "holdout": EVAL / "holdout.csv",
    "urgent_holdout": EVAL / "urgent_holdout.csv",
    "training": TRAINING,
}
HELD_OUT = ("holdout", "urgent_holdout")
FLAGS = ("pii", "english", "question", "link", "negative", "urgent", "distress")
# The training set is labelled for these flags only.
URGENCY_FLAGS = ("negative", "urgent", "distress")

# Agreed in issue 7: pii protects people, so it has the highest bar.
HOLDOUT_FLOORS = {"pii": (0.90, 0.95)}
# Issue "Catch what cannot wait" asks, on every held-out set, urgent precision 0.9
# and recall 0.95, negative precision 0.9 and recall 0.85. Where that is reached the
# floor is the target; where it is not, the floor is just under the figure reached
# (README, "What the detectors find"), so that no change loses ground unnoticed:
# the first held-out set's urgent flag (3 false alarms among 137 ordinary comments,
# 2 misses among 18) and negative precision on both sets (criticism its writers
# kept neutral, which the tone model reads as negative).
URGENCY_FLOORS = {
    "holdout": {"urgent": (0.78, 0.88), "negative": (0.88, 0.95), "distress": (0.80, 0.80)},
    "urgent_holdout": {"urgent": (0.90, 0.95), "negative": (0.82, 0.95), "distress": (0.85, 0.95)},
}
HOLDOUT_LANGUAGE_ACCURACY_FLOOR = 0.95
# On the comments they were tuned on, the detectors must do at least this well;
# tone is word lists and a model, so its floor leaves room for the phrasing nobody wrote.
DEV_FLOORS = {
    "pii": (0.90, 0.95),
    "english": (0.95, 0.95),
    "question": (0.90, 0.85),
    "link": (0.95, 0.95),
    "negative": (0.85, 0.70),
    "urgent": (0.85, 0.80),
    "distress": (0.85, 0.80),
}
DEV_LANGUAGE_ACCURACY_FLOOR = 0.95
DEV_REASON_ACCURACY_FLOOR = 0.75
DEV_REDIRECT_ACCURACY_FLOOR = 0.75


def _split(value: str) -> set[str]:
    return set(value.split())


def read_set(name: str) -> pd.DataFrame:
    return pd.read_csv(SETS[name], dtype=str, keep_default_na=False)


def flag_scores(scored: pd.DataFrame, flags=FLAGS) -> pd.DataFrame:
    """Counts, precision and recall of each flag, expected (`flags`) against found."""
    rows = []
    for flag in flags:
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


def summarise(table: pd.DataFrame, flags=FLAGS) -> dict:
    """Flag scores, language accuracy and suggestion accuracy for labelled rows."""
    if "reason" not in table:
        return {"flags": flag_scores(table, flags), "language": None}
    # A reason suggestion is right when the expected main reason is among those
    # suggested, and wrong when one is suggested for a comment a moderator keeps.
    reason_ok = [
        (expected in _split(found)) if expected else not found
        for expected, found in zip(table["reason"], table["suggested_reasons_found"], strict=True)
    ]
    redirect_ok = table["redirect"] == table["suggested_redirect_found"].fillna("")
    return {
        "flags": flag_scores(table, flags),
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
        summary = found[name] = summarise(table, URGENCY_FLAGS if name == "training" else FLAGS)
        english = (table["language"] == "en").sum()
        print(f"--- {name}: {len(table)} comments ({english} English)")
        print(summary["flags"].to_string(float_format=lambda x: f"{x:.3f}"))
        if summary["language"] is None:
            continue
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


def test_the_urgency_sets_hold_enough_threats_distress_and_look_alikes_in_both_languages():
    for name, smallest in (("urgent_holdout", 60), ("training", 600)):
        labelled = read_set(name)
        flags = labelled["flags"].str.split()
        distress = flags.map(lambda f: "distress" in f)
        threats = flags.map(lambda f: "urgent" in f) & ~distress
        look_alikes = labelled["kind"].str.startswith("lookalike")
        assert min(threats.sum() + distress.sum(), look_alikes.sum()) >= smallest, name
        assert 0.3 <= (labelled["language"] == "en").mean() <= 0.7, name
        assert labelled["text"].is_unique, name


def test_no_held_out_comment_is_in_a_set_the_detectors_were_tuned_or_fitted_on():
    tuned = set(read_set("dev")["text"].str.casefold())
    tuned |= set(read_set("training")["text"].str.casefold())
    for name in HELD_OUT:
        assert not tuned & set(read_set(name)["text"].str.casefold()), name


def test_labels_use_the_taxonomy_codes():
    from lib.taxonomy import FLAGS as TAXONOMY_FLAGS
    from lib.taxonomy import REASONS, REDIRECTS

    for name in SETS:
        labelled = read_set(name)
        assert set(labelled["flags"].str.split().explode().dropna()) <= set(TAXONOMY_FLAGS)
        if "reason" in labelled:
            assert set(labelled["reason"]) - {""} <= set(REASONS)
            assert set(labelled["redirect"]) - {""} <= set(REDIRECTS)
        # Distress is a kind of urgency: the alerts read `urgent`.
        flags = labelled["flags"].str.split()
        assert flags.map(lambda f: "distress" not in f or "urgent" in f).all(), name


@pytest.mark.parametrize("flag", list(HOLDOUT_FLOORS))
def test_held_out_personal_information_precision_and_recall_meet_the_agreed_floors(reports, flag):
    precision_floor, recall_floor = HOLDOUT_FLOORS[flag]
    row = reports["holdout"]["flags"].loc[flag]
    assert row["precision"] >= precision_floor, row
    assert row["recall"] >= recall_floor, row


@pytest.mark.parametrize(
    ("name", "flag"), [(name, flag) for name in URGENCY_FLOORS for flag in URGENCY_FLOORS[name]]
)
def test_held_out_threats_distress_and_tone_meet_their_floors(reports, name, flag):
    precision_floor, recall_floor = URGENCY_FLOORS[name][flag]
    row = reports[name]["flags"].loc[flag]
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
