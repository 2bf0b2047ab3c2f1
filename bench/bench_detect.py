"""Timing of `lib.detect.analyse_many` on distinct, realistic comment texts, and of
every detector on adversarial ones.

    .venv/bin/python bench/bench_detect.py                  # 100,000 texts
    .venv/bin/python bench/bench_detect.py --texts 20000 --profile
    .venv/bin/python bench/bench_detect.py --adversarial    # slowest text per detector

Texts are the hand-labelled evaluation set and the import bench's phrases,
alone, in pairs, and with the numbers, amounts, addresses and links people
write, so that every text is distinct and every detector has work to do.
Reports wall time and this process's CPU time (others may share the machine).

`--adversarial` reads the 10,000-character texts of tests/test_detect_fuzz.py
(each piece of the patterns repeated, alone and after the words that start
them) with every public detector, one call at a time in one child process,
and prints each detector's slowest text with its wall and CPU time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.detect import analyse_many  # noqa: E402
from tests.test_detect_fuzz import DETECTORS, adversarial_texts, timings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EVAL_SET = ROOT / "tests" / "eval" / "comments.csv"

PHRASES = [
    "Bonjour, à quelle heure ouvre le bureau de Québec?",
    "Merci pour l'information, c'est très clair.",
    "C'est inacceptable, ça fait trois semaines que j'attends!!!",
    "Where can I find the form in English?",
    "Mon dossier n'avance pas; pouvez-vous m'aider?",
    "Très bonne initiative 👏 bravo à l'équipe",
    "Voir https://example.com pour les détails",
    "Est-ce que le service est offert à Rimouski?\nMerci d'avance.",
]
# What people add to a comment: numbers of every kind, most of them harmless.
EXTRAS = [
    "(#{i})",
    "Appelez-moi au 418-555-{n4}.",
    "Mon NAS est {n3} {n3b} {n3c}.",
    "Dossier {n6}.",
    "J'ai payé {n3},{n2} $ le {d} juin 2026.",
    "my email is user{i}@example.org",
    "J'habite au {n3} rue Saint-Jean, Québec G1R 1{n1}K{n1}.",
    "article {n6}{n2}, page {n2}",
    "see www.site{i}.ca",
    "Né le {d} mars 19{n2}.",
    "#{i}",
    "{n4}",
]


def realistic_texts(count: int, seed: int = 11) -> pd.Series:
    """`count` distinct comment texts built from the evaluation set and common additions."""
    pool = pd.read_csv(EVAL_SET)["text"].dropna().tolist() + PHRASES
    rng = np.random.default_rng(seed)
    first = rng.integers(0, len(pool), count)
    second = rng.integers(0, len(pool), count)
    extra = rng.integers(0, len(EXTRAS), count)
    shape = rng.integers(0, 4, count)
    digits = rng.integers(0, 10**9, count)
    texts = []
    for i in range(count):
        d = int(digits[i])
        added = EXTRAS[extra[i]].format(
            i=i,
            n1=d % 10,
            n2=f"{d % 100:02d}",
            n3=f"{d % 1000:03d}",
            n3b=f"{d // 1000 % 1000:03d}",
            n3c=f"{d // 10**6 % 1000:03d}",
            n4=f"{d % 10000:04d}",
            n6=f"{d % 10**6:06d}",
            d=d % 28 + 1,
        )
        a, b = pool[first[i]], pool[second[i]]
        if shape[i] == 0:
            texts.append(f"{a} {added}")
        elif shape[i] == 1:
            texts.append(f"{a} {b} {added}")
        elif shape[i] == 2:
            texts.append(f"{added} {a}")
        else:
            texts.append(f"{a} {added} {b}")
    return pd.Series(texts).drop_duplicates().reset_index(drop=True)


def slowest_adversarial() -> int:
    """Each detector's slowest adversarial text, slowest detector first."""
    texts = adversarial_texts()
    found = timings(texts, workers=1)
    print(f"{len(DETECTORS)} detectors x {len(texts)} adversarial texts of 10,000 characters")
    worst: dict[str, tuple[float, float, str]] = {}
    for (detector, label), wall in found.wall.items():
        if wall > worst.get(detector, (-1.0,))[0]:
            worst[detector] = wall, found.cpu[detector, label], label
    print(f"{'detector':36} {'wall':>8} {'CPU':>8}  slowest text")
    for detector, (wall, cpu, label) in sorted(worst.items(), key=lambda item: -item[1][0]):
        print(f"{detector:36} {wall * 1e3:6.1f} ms {cpu * 1e3:5.1f} ms  {label}")
    for (detector, label), reason in found.failed.items():
        print(f"FAILED {detector} on {label}: {reason}")
    return 1 if found.failed else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=100_000, help="distinct texts to analyse")
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions")
    parser.add_argument(
        "--adversarial", action="store_true", help="each detector's slowest adversarial text"
    )
    args = parser.parse_args(argv)
    if args.adversarial:
        return slowest_adversarial()
    texts = realistic_texts(args.texts)
    wall, cpu = time.perf_counter(), time.process_time()
    analyse_many(pd.Series(["Chargement du modèle de langue, une fois par processus."]))
    print(
        f"first call (loads the language model): wall {time.perf_counter() - wall:.1f} s, "
        f"CPU {time.process_time() - cpu:.1f} s"
    )
    profiler = cProfile.Profile() if args.profile else None
    wall, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    analyse_many(texts)
    if profiler:
        profiler.disable()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"analyse_many {len(texts):,} distinct texts: wall {wall:.1f} s, "
        f"CPU (this process) {cpu:.1f} s; per text {wall / len(texts) * 1e3:.3f} ms wall, "
        f"{cpu / len(texts) * 1e3:.3f} ms CPU"
    )
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
