"""How well the learned threat, distress and tone models read a writer they never saw.

The training comments (lib/detect/training/urgency.csv) were written by several
people, each in their own voice. Each writer in turn is left out, the models are
fitted on the others, and the left-out writer's comments are read: the figures
are what a new person's phrasing should expect. The thresholds in
lib/detect/learned.py were chosen from this table, never from the held-out sets.

    .venv/bin/python bench/tune_urgency.py
    .venv/bin/python bench/tune_urgency.py --regularisation 2 --thresholds 0.3 0.4 0.5
    .venv/bin/python bench/tune_urgency.py --negative-alone 0.6 0.7 0.8

The last table is the `negative` flag (`learned.negative_raised`): the tone
model alone from one probability, a word list from a lower one, threats and
distress as the production thresholds raise them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.detect.analysis import tone_words  # noqa: E402
from lib.detect.folding import fold  # noqa: E402
from lib.detect.learned import (  # noqa: E402
    REGULARISATION,
    SIGNALS,
    TONE,
    fit,
    negative_raised,
    raised,
    read_training,
)
from lib.detect.urgency import find_urgency  # noqa: E402

URGENT_SHARE = 1 / 200
MISS_COST = 100


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regularisation", type=float, default=REGULARISATION)
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.3, 0.4, 0.5, 0.6])
    parser.add_argument("--rule-thresholds", type=float, nargs="+", default=[0.1, 0.2])
    parser.add_argument("--negative-alone", type=float, nargs="+", default=[0.6, 0.7, 0.8])
    parser.add_argument(
        "--negative-with-words", type=float, nargs="+", default=[0.0, 0.1, 0.2, 0.3]
    )
    args = parser.parse_args()
    rows = read_training()
    writers = sorted({row["writer"] for row in rows})
    grid = [(t, r) for t in args.thresholds for r in args.rule_thresholds if r <= t]
    found = {(s, t, r): [] for s in (*SIGNALS, "urgent") for t, r in grid}
    expected = {s: [] for s in (*SIGNALS, "urgent")}
    by_writer, kinds_seen = [], []
    # Per comment: tone probability, word list, threat and distress as shipped, number of
    # words, and label.
    tone: list[tuple[float, str | None, bool, bool, int, bool]] = []
    for writer in writers:
        train = [row for row in rows if row["writer"] != writer]
        test = [row for row in rows if row["writer"] == writer]
        model = fit(train, args.regularisation)
        folded = [fold(row["text"]) for row in test]
        matched = [
            find_urgency(row["text"], f, row["language"])
            for row, f in zip(test, folded, strict=True)
        ]
        probabilities = model.probabilities(folded)
        flags = [row["flags"].split() for row in test]
        by_writer += [writer] * len(test)
        kinds_seen += [row["kind"] for row in test]
        expected["threat"] += ["urgent" in f and "distress" not in f for f in flags]
        expected["distress"] += ["distress" in f for f in flags]
        expected["urgent"] += ["urgent" in f for f in flags]
        rules = {
            signal: [{f.rule for f in findings if f.signal == signal} for findings in matched]
            for signal in SIGNALS
        }
        shipped = {
            signal: [
                raised(signal, q, m)
                for q, m in zip(probabilities[signal], rules[signal], strict=True)
            ]
            for signal in SIGNALS
        }
        tone += zip(
            probabilities[TONE].tolist(),
            map(tone_words, folded),
            shipped["threat"],
            shipped["distress"],
            [len(f.split()) for f in folded],
            ["negative" in f for f in flags],
            strict=True,
        )
        for t, r in grid:
            hits = {}
            tried = dict.fromkeys(SIGNALS, t), dict.fromkeys(SIGNALS, r)
            for signal in SIGNALS:
                pairs = zip(probabilities[signal], rules[signal], strict=True)
                hits[signal] = np.array([raised(signal, q, m, *tried) for q, m in pairs])
                found[(signal, t, r)] += list(hits[signal])
            found[("urgent", t, r)] += list(hits["threat"] | hits["distress"])
    marks = np.array(by_writer)
    for writer in writers:
        mine = marks == writer
        for (signal, t, r), hits in found.items():
            if signal != "urgent" or (t, r) != grid[len(grid) // 2]:
                continue
            e, g = np.array(expected[signal])[mine], np.array(hits)[mine]
            tp, fp, fn = (e & g).sum(), (~e & g).sum(), (e & ~g).sum()
            print(
                f"writer {writer} left out, urgent at {t:.2f} / {r:.2f}: "
                f"precision {tp / max(tp + fp, 1):.3f}, recall {tp / max(tp + fn, 1):.3f}, "
                f"false alarms {fp} of {(~e).sum()} comments that were not urgent"
            )
    print(f"{len(rows)} comments by {len(writers)} writers, C={args.regularisation}")
    kinds = np.array(kinds_seen)
    ordinary = kinds == "ordinary"
    urgent = np.array(expected["urgent"])
    print(
        "false alarms on ordinary comments, and the expected cost per 1,000 comments of a page\n"
        f"where 1 in {1 / URGENT_SHARE:.0f} is urgent and a miss costs {MISS_COST} false alarms"
    )
    for (signal, t, r), hits in found.items():
        if signal == "urgent":
            hits = np.array(hits)
            alarms, missed = hits[ordinary].mean(), (~hits[urgent]).mean()
            cost = 1000 * (URGENT_SHARE * missed * MISS_COST + (1 - URGENT_SHARE) * alarms)
            print(f"  {t:.2f} / {r:.2f}: false alarms {alarms:.3f}, cost {cost:.0f}")
    print("signal    threshold  with a rule  precision  recall")
    for (signal, t, r), hits in found.items():
        e, g = np.array(expected[signal]), np.array(hits)
        tp, fp, fn = (e & g).sum(), (~e & g).sum(), (e & ~g).sum()
        print(
            f"{signal:9} {t:9.2f}  {r:11.2f}  "
            f"{tp / max(tp + fp, 1):9.3f}  {tp / max(tp + fn, 1):6.3f}"
        )
    _negative_table(tone, args.negative_alone, args.negative_with_words)


def _negative_table(tone, alone: list[float], with_words: list[float]) -> None:
    print("negative  alone from  words from  precision  recall")
    expected = np.array([row[-1] for row in tone])
    for a in alone:
        for w in with_words:
            hits = np.array([negative_raised(*row[:5], alone=a, with_words=w) for row in tone])
            tp, fp, fn = (expected & hits).sum(), (~expected & hits).sum(), (expected & ~hits).sum()
            precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
            print(f"{'':9} {a:10.2f}  {w:10.2f}  {precision:9.3f}  {recall:6.3f}")


if __name__ == "__main__":
    main()
