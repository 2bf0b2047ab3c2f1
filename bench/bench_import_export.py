"""Timing of a 100,000-row CSV import and a year's compliance export from a million comments.

    .venv/bin/python bench/bench_import_export.py                # builds its own databases
    .venv/bin/python bench/bench_import_export.py --db big.db    # export from an existing one

Targets (DESIGN.md budgets for the scheduled jobs): import < 15 s, export < 20 s.
Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.db import open_db  # noqa: E402
from lib.importers import import_file, parse  # noqa: E402
from lib.reports import compliance, export  # noqa: E402

IMPORT_TARGET_S = 15.0
EXPORT_TARGET_S = 20.0
NOW = pd.Timestamp("2026-11-23 17:00", tz="UTC")

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


def sample_csv(rows: int, seed: int = 7) -> bytes:
    """Vigie's CSV as Excel writes it in French: BOM, semicolons, quoted line breaks."""
    rng = np.random.default_rng(seed)
    platforms = rng.choice(["facebook", "instagram", "x", "youtube"], rows)
    # The year before NOW: an import refuses comments dated in the future.
    start = pd.Timestamp("2025-11-01")
    minutes = np.sort(rng.integers(0, 365 * 24 * 60, rows))
    received = (start + pd.to_timedelta(minutes, unit="min")).strftime("%Y-%m-%d %H:%M")
    # Skip the hour that does not exist in spring: such a file would (rightly) be refused.
    received = np.where(
        pd.Series(received).str.startswith("2026-03-08 02:"), "2026-03-08 03:30", received
    )
    phrase = rng.choice(PHRASES, rows)
    frame = pd.DataFrame(
        {
            "platform": platforms,
            "external_id": [f"bench-{i}" for i in range(rows)],
            "received_at": received,
            "text": [f"{p} (#{i})" for i, p in enumerate(phrase)],
            "account": rng.choice(["MinistereQc", "ministere.qc", "@MinQc"], rows),
            "author": rng.choice(["Zoé Tremblay", "Jérôme Côté", "Li Wei", "Sam"], rows),
        }
    )
    return frame.to_csv(sep=";", index=False).encode("utf-8-sig")


def bench_import(rows: int, folder: Path) -> float:
    raw = sample_csv(rows)
    started = time.perf_counter()
    frame = parse(raw, "bench.csv")
    parsed = time.perf_counter() - started
    db = open_db(folder / "import.db")
    moves = []  # when a progress bar would first move, and how many times it moves

    def progress(done: int, total: int) -> None:
        if done:
            moves.append(time.perf_counter() - started)

    started = time.perf_counter()
    summary = import_file(db, raw, "bench.csv", progress=progress)
    total = time.perf_counter() - started
    again = time.perf_counter()
    repeat = import_file(db, raw, "bench.csv")
    repeated = time.perf_counter() - again
    assert summary.added == rows == len(frame) and repeat.already_present == rows
    print(
        f"import  {rows:>9,} CSV rows ({len(raw) / 1e6:.1f} MB): parse {parsed:.1f} s, "
        f"parse+insert {total:.1f} s, re-import {repeated:.1f} s "
        f"(target < {IMPORT_TARGET_S:.0f} s); progress first moves after {moves[0]:.1f} s, "
        f"{len(moves)} steps"
    )
    return total


def big_database(path: Path | None, comments: int, folder: Path):
    if path is not None:
        return open_db(path)
    from lib.demo import generate

    started = time.perf_counter()
    db = open_db(folder / "big.db")
    generate(db, rows=comments, seed=1, now=NOW, days=365)
    print(
        f"built   {comments:>9,} demo comments over 365 days in "
        f"{time.perf_counter() - started:.1f} s"
    )
    return db


def bench_export(db, start, end) -> float:
    started = time.perf_counter()
    table = compliance(db, start, end, NOW)
    framed = time.perf_counter() - started
    started = time.perf_counter()
    data = export(db, "compliance", start, end, NOW)
    total = time.perf_counter() - started
    print(
        f"export  {len(table):>9,} compliance rows {start} → {end} ({len(data) / 1e6:.1f} MB): "
        f"query+states {framed:.1f} s, total with CSV {total:.1f} s "
        f"(target < {EXPORT_TARGET_S:.0f} s)"
    )
    return total


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="CSV rows to import")
    parser.add_argument("--db", type=Path, help="an existing big database to export from")
    parser.add_argument("--comments", type=int, default=1_000_000, help="demo size without --db")
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument("--skip-export", action="store_true")
    args = parser.parse_args(argv)
    end = (NOW.tz_convert("America/Toronto") - pd.Timedelta(days=1)).date()
    start = end - pd.Timedelta(days=364)
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        if not args.skip_import:
            ok &= bench_import(args.rows, Path(folder)) < IMPORT_TARGET_S
        if not args.skip_export:
            db = big_database(args.db, args.comments, Path(folder))
            ok &= bench_export(db, start, end) < EXPORT_TARGET_S
    print("OK" if ok else "SLOWER THAN TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
