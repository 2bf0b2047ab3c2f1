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

from lib.detect.learned import REGULARISATION, SIGNALS, fit, lemma_text, read_training  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regularisation", type=float, default=REGULARISATION)
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.3, 0.4, 0.5, 0.6])
    args = parser.parse_args()
    rows = read_training()
    writers = sorted({row["writer"] for row in rows})
    found = {(s, t): [] for s in (*SIGNALS, "urgent") for t in args.thresholds}
    expected = {s: [] for s in (*SIGNALS, "urgent")}
    for writer in writers:
        train = [row for row in rows if row["writer"] != writer]
        test = [row for row in rows if row["writer"] == writer]
        model = fit(train, args.regularisation)
        texts = [row["text"] for row in test]
        lemmas = [lemma_text(row["text"], row["language"]) for row in test]
        probabilities = model.probabilities(texts, lemmas)
        flags = [row["flags"].split() for row in test]
        expected["threat"] += ["urgent" in f and "distress" not in f for f in flags]
        expected["distress"] += ["distress" in f for f in flags]
        expected["urgent"] += ["urgent" in f for f in flags]
        for t in args.thresholds:
            threat = probabilities["threat"] >= t
            distress = probabilities["distress"] >= t
            found[("threat", t)] += list(threat)
            found[("distress", t)] += list(distress)
            found[("urgent", t)] += list(threat | distress)
    print(f"{len(rows)} comments by {len(writers)} writers, C={args.regularisation}")
    print("signal    threshold  precision  recall")
    for (signal, t), hits in found.items():
        e, g = np.array(expected[signal]), np.array(hits)
        tp, fp, fn = (e & g).sum(), (~e & g).sum(), (e & ~g).sum()
        print(f"{signal:9} {t:9.2f}  {tp / max(tp + fp, 1):9.3f}  {tp / max(tp + fn, 1):6.3f}")


if __name__ == "__main__":
    main()
