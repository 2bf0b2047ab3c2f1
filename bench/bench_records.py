"""What the records' commands cost on a large database, each run as an operator runs it (a
new process, `python -m lib …`): `verify` over the whole history, `retention` listing and
then `--apply` with a one-month schedule (the worst day: most of the history goes at
once), `verify` again, and `backup` while nothing else writes.

    .venv/bin/python bench/bench_records.py                       # a 1,000,000-comment demo
    .venv/bin/python bench/bench_records.py --db /tmp/vigie-bench-1m.db   # a copy of it

Wall time and peak memory (GNU time's maximum resident set) of each command. No target in
the issue; a nightly job has hours, and the figures say whether it needs them.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-11-20 15:00"


def timed(*arguments: str) -> tuple[float, int, str]:
    """Seconds, peak resident memory (MB) and the summary line of `python -m lib …`."""
    started = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", sys.executable, "-m", "lib", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{arguments[0]} failed: {done.stderr.strip()}")
    peak_kib = int(done.stderr.strip().splitlines()[-1])
    return seconds, peak_kib // 1024, done.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="a demo database to copy (else one is built)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "vigie.db"
        if args.db:
            shutil.copy(args.db, path)
        else:
            seconds, _mb, line = timed(
                "demo", "--rows", str(args.rows), "--now", NOW, "--db", str(path)
            )
            print(f"demo built in {seconds:.0f} s: {line}")
        size = path.stat().st_size / 2**20
        print(f"database: {size:,.0f} MB")
        steps = [
            ("verify", ["verify"]),
            ("retention (list)", ["retention", "--now", NOW]),
        ]
        for name, arguments in steps:
            seconds, mb, line = timed(*arguments, "--db", str(path))
            print(f"{name}: {seconds:.1f} s, peak {mb} MB — {line[:110]}")
        _one_month(path)
        for name, arguments in [
            ("retention --apply", ["retention", "--apply", "--now", NOW]),
            ("verify after", ["verify"]),
            ("backup", ["backup", "--to", str(Path(folder) / "copy.db")]),
        ]:
            seconds, mb, line = timed(*arguments, "--db", str(path))
            print(f"{name}: {seconds:.1f} s, peak {mb} MB — {line[:110]}")


def _one_month(path: Path) -> None:
    """The shortest schedule a lead may set, so that the run anonymises most of the demo."""
    sys.path.insert(0, str(ROOT))
    from lib.db import open_db
    from lib.settings import save_settings

    with open_db(path) as db:
        lead = db.execute("SELECT username FROM users WHERE role = 'lead' LIMIT 1").fetchone()[0]
        save_settings(db, lead, retention_months=1)


if __name__ == "__main__":
    main()
