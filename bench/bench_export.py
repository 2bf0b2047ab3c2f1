"""What a year's compliance export costs through the command line, and that its memory does
not grow with its rows: half the year, then the whole year, each in a new process.

    .venv/bin/python bench/bench_export.py /tmp/vigie-bench-1m.db

The year is the 365 local days up to the database's latest comment, read at the instant
of that comment; the half is the later half of the days of that year that hold comments.
Each run calls `python -m lib export compliance` (lib.__main__.main) in a process of its
own and prints the rows written, the seconds (wall, and CPU: the two cores may be
shared), the file's size and the peak resident memory it grew by (ru_maxrss after the
export less ru_maxrss once Vigie is imported). The issue's target: several million rows
in under 30 s, with a growth that stays the same from half the rows to all of them.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, help="a Vigie database (e.g. a 1,000,000-comment demo)")
    parser.add_argument("--run", nargs=3, metavar=("FROM", "TO", "NOW"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        print(json.dumps(_export(args.db, *args.run)))
        return
    earliest, latest = _first_and_last_comments(args.db)
    end = date.fromisoformat(_local_day(latest))
    year = end - timedelta(days=364)
    # Half the rows: the later half of the year's days that hold comments.
    first = max(year, date.fromisoformat(_local_day(earliest)))
    half = first + (end - first) / 2
    now = latest.replace(" ", "T") + "+00:00"
    print(f"{args.db}: comments {earliest} → {latest} UTC; load average {_load()}")
    for start in (half, year):
        run = _in_a_new_process(args.db, start, end, now)
        print(
            f"compliance {start} → {end}: {run['rows']:,} rows in "
            f"{run['seconds']:.1f} s ({run['cpu']:.1f} s of CPU, "
            f"{run['rows'] / max(run['cpu'], 1e-9):,.0f} rows per CPU second), "
            f"{run['bytes'] / 2**20:,.0f} MB written, peak RSS +{run['growth_mb']:,.0f} MB "
            f"(from {run['base_mb']:,.0f} MB after imports)"
        )
    print(f"load average {_load()}")


def _in_a_new_process(db: Path, start: date, end: date, now: str) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, str(db), "--run", str(start), str(end), now],
        cwd=ROOT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    if done.returncode != 0:
        raise SystemExit(f"export failed: {done.stderr.strip()}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _export(db: Path, start: str, end: str, now: str) -> dict:
    """In the measured process: the command line's export into a temporary folder."""
    sys.path.insert(0, str(ROOT))
    from lib.__main__ import main as vigie

    base, cpu = _peak_mb(), _cpu_seconds()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "compliance.csv"
        started = time.perf_counter()
        arguments = ["export", "compliance", "--from", start, "--to", end, "--now", now]
        code = vigie([*arguments, "--out", str(out), "--db", str(db)])
        seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
        if code != 0:
            raise SystemExit(code)
        with out.open("rb") as file:
            lines = sum(block.count(b"\n") for block in iter(lambda: file.read(1 << 20), b""))
        size = out.stat().st_size
    return {
        "rows": lines - 1,  # the header; compliance cells hold no line breaks
        "seconds": seconds,
        "cpu": cpu,
        "bytes": size,
        "base_mb": base,
        "growth_mb": _peak_mb() - base,
    }


def _first_and_last_comments(db: Path) -> tuple[str, str]:
    import sqlite3

    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT min(received_at), max(received_at) FROM comments").fetchone()


def _local_day(utc_text: str) -> str:
    sys.path.insert(0, str(ROOT))
    from lib.times import local

    return str(local(utc_text).date())


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


if __name__ == "__main__":
    main()
