"""Time the demo generator: `python bench/bench_demo.py [--rows 1000000] [--seed 42]`.

Writes a fresh database in a temporary folder and prints rows, seconds and peak memory.
Target (issue 2): a million comments in under 60 s.
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
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--keep", type=Path, help="write the database here instead of a temp file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "bench.db"
        db = open_db(path)
        started = time.perf_counter()
        summary = generate(db, rows=args.rows, seed=args.seed)
        seconds = time.perf_counter() - started
        size = path.stat().st_size / 2**20
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"demo: {summary.comments:,} comments, {summary.actions:,} actions in {seconds:.1f} s "
        f"({summary.comments / seconds:,.0f} comments/s); db {size:,.0f} MiB; "
        f"peak memory {peak:,.0f} MiB"
    )


if __name__ == "__main__":
    main()
