"""Time the demo generator: `python bench/bench_demo.py [--rows 1000000] [--days 90] [--seed 42]`.

Writes a fresh database in a temporary folder (or at `--keep PATH`) and prints rows,
seconds, comments per second, the database's size and the process's peak memory.
Target (issue "Ten years of a big organisation"): ten million comments over ten years
(`--rows 10000000 --days 3650`) in under 10 minutes, in under 1 GB of memory.
"""

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.db import open_db  # noqa: E402
from lib.demo import generate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--keep", type=Path, help="write the database here instead of a temp file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "bench.db"
        started = time.perf_counter()
        parts_done = [started]

        def progress(done: int, total: int) -> None:
            parts_done[0] = time.perf_counter()
            seconds = parts_done[0] - started
            print(f"  {done:,} / {total:,} comments, {seconds:.0f} s", file=sys.stderr)

        with open_db(path) as db:
            summary = generate(
                db, rows=args.rows, seed=args.seed, days=args.days, progress=progress
            )
        # Closing checkpoints the write-ahead log into the file: part of the cost.
        seconds = time.perf_counter() - started
        size = path.stat().st_size / 2**20
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"demo: {summary.comments:,} comments over {args.days:,} days, {summary.actions:,} "
        f"actions in {seconds:.1f} s ({summary.comments / seconds:,.0f} comments/s); "
        f"db {size:,.0f} MiB; peak memory {peak:,.0f} MiB; after the last part (indexes, "
        f"full text, chain, commit, checkpoint) {started + seconds - parts_done[0]:.1f} s"
    )


if __name__ == "__main__":
    main()
