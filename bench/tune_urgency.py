"""How well the learned threat and distress models read a writer they never saw.

The training comments (lib/detect/training/urgency.csv) were written by several
people, each in their own voice. Each writer in turn is left out, the models are
fitted on the others, and the left-out writer's comments are read: the figures
are what a new person's phrasing should expect. The thresholds in
lib/detect/learned.py were chosen from this table, never from the held-out sets.

    .venv/bin/python bench/tune_urgency.py
    .venv/bin/python bench/tune_urgency.py --regularisation 2 --thresholds 0.3 0.4 0.5
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.detect.folding import fold  # noqa: E402
from lib.detect.learned import (  # noqa: E402
    REGULARISATION,
    SIGNALS,
    fit,
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
    args = parser.parse_args()
    rows = read_training()
    writers = sorted({row["writer"] for row in rows})
    grid = [(t, r) for t in args.thresholds for r in args.rule_thresholds if r <= t]
    found = {(s, t, r): [] for s in (*SIGNALS, "urgent") for t, r in grid}
    expected = {s: [] for s in (*SIGNALS, "urgent")}
    by_writer, kinds_seen = [], []
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
        for t, r in grid:
            hits = {}
            for signal in SIGNALS:
                rules = [{f.rule for f in found if f.signal == signal} for found in matched]
                p = probabilities[signal]
                tried = dict.fromkeys(SIGNALS, t), dict.fromkeys(SIGNALS, r)
                hits[signal] = np.array(
                    [raised(signal, q, m, *tried) for q, m in zip(p, rules, strict=True)]
                )
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


if __name__ == "__main__":
    main()
