"""Timing of a 100,000-row CSV import and a year's compliance export from a million comments,
and the peak memory of importing a 50 MB CSV and a 20 MB JSON file.

    .venv/bin/python bench/bench_import_export.py                # builds its own databases
    .venv/bin/python bench/bench_import_export.py --db big.db    # export from an existing one
    .venv/bin/python bench/bench_import_export.py --skip-import --skip-export   # memory only

Targets: import < 5 s (issue "Ten years of a big organisation"; it was < 15 s), export
< 20 s (DESIGN.md's budget for the scheduled jobs); an
import's peak memory under 5 times the file's size for a CSV (read as a stream; the
Importer takes files of up to 50 MB, .streamlit/config.toml) and under 12 times for a
JSON file (read whole; at most 20 MB, lib.importers.JSON_MAX_BYTES). Exits 1 when a
target is missed.

The memory is measured in a child process that has imported a one-line file first (the
detectors' models, loaded once per process, are not the file's), then holds the file's
bytes, as the Importer page does: the peak resident memory during the import (Linux's
VmHWM, reset just before it) less the resident memory just before it.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib import ingest  # noqa: E402
from lib.db import open_db  # noqa: E402
from lib.importers import import_file, parse  # noqa: E402
from lib.reports import compliance, export  # noqa: E402

IMPORT_TARGET_S = 5.0
EXPORT_TARGET_S = 20.0
# An import's peak memory, in multiples of the file's size, for the largest file
# accepted: a CSV is read as a stream, a JSON whole (lib.importers.JSON_MAX_BYTES).
MEMORY_TARGET_TIMES = {"CSV": 5.0, "JSON": 12.0}
ROOT = Path(__file__).resolve().parent.parent
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


def sample_json(rows: int, seed: int = 7) -> bytes:
    """Meta Graph API comments, as a hand-merged export of many pages would hold them."""
    frame = pd.read_csv(io.BytesIO(sample_csv(rows, seed)), sep=";", encoding="utf-8-sig")
    received = pd.to_datetime(frame["received_at"]).dt.tz_localize(
        "America/Toronto", ambiguous=True, nonexistent="shift_forward"
    )
    created = received.dt.tz_convert("UTC").dt.strftime("%Y-%m-%dT%H:%M:%S+0000")
    data = [
        {
            "id": f"123_{i}",
            "created_time": at,
            "message": text,
            "from": {"id": str(i % 5_000), "name": author},
        }
        for i, (at, text, author) in enumerate(
            zip(created, frame["text"], frame["author"], strict=True)
        )
    ]
    return json.dumps({"data": data, "paging": {}}, ensure_ascii=False, indent=1).encode()


class Split:
    """Where an import's seconds go: its phases (`import_file`'s `phase` callback), and
    within the analysis, the detectors, the repeats and the due times (timed around
    lib.ingest's calls, which look them up at each call)."""

    TIMED = ("analyse_many", "repeated_text", "clock_columns")

    def __init__(self):
        self.seconds: dict[str, float] = {}
        self._phase, self._since = None, 0.0
        self._real = {name: getattr(ingest, name) for name in self.TIMED}
        for name, real in self._real.items():
            setattr(ingest, name, self._timed(name, real))

    def _timed(self, name, real):
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return real(*args, **kwargs)
            finally:
                self.add(name, time.perf_counter() - started)

        return timed

    def add(self, name: str, seconds: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds

    def phase(self, name: str | None) -> None:
        now = time.perf_counter()
        if self._phase:
            self.add(self._phase, now - self._since)
        self._phase, self._since = name, now

    def close(self) -> None:
        self.phase(None)
        for name, real in self._real.items():
            setattr(ingest, name, real)

    def __str__(self) -> str:
        s = self.seconds.get
        return (
            f"read {s('reading', 0):.1f} s, analysis {s('analysing', 0):.1f} s (detection "
            f"{s('analyse_many', 0):.1f}, repeats {s('repeated_text', 0):.1f}, due times "
            f"{s('clock_columns', 0):.1f}), writes {s('writing', 0):.1f} s; {s('CPU', 0):.1f} s "
            "of CPU (wall seconds are only as good as the machine is quiet)"
        )


def timed_import(db, raw: bytes, name: str):
    """An import's seconds, their split, when a progress bar would move, and its summary."""
    split, moves = Split(), []
    started, cpu = time.perf_counter(), time.process_time()

    def progress(done: int, total: int) -> None:
        if done:
            moves.append(time.perf_counter() - started)

    try:
        summary = import_file(db, raw, name, progress=progress, phase=split.phase)
        total = time.perf_counter() - started
    finally:
        split.close()
    split.add("CPU", time.process_time() - cpu)
    return total, split, moves, summary


def bench_import(rows: int, folder: Path) -> float:
    """The first import of a process (the detectors' models are loaded and fitted in it,
    as the first import after a server starts), then another file in the same process,
    then the first file again (nothing new to analyse). Returns the first import's time.

    The sample's texts are eight phrases, each followed by its row's number: the words,
    language and models are read once per phrase (as for any texts alike but for their
    numbers), personal information and links in each row. A file whose 100,000 texts
    all differ in their words takes longer."""
    raw, other = sample_csv(rows), sample_csv(rows, seed=8)
    started = time.perf_counter()
    frame = parse(raw, "bench.csv")
    parsed = time.perf_counter() - started
    first, split, moves, summary = timed_import(open_db(folder / "import.db"), raw, "bench.csv")
    assert summary.added == rows == len(frame)
    print(
        f"import  {rows:>9,} CSV rows ({len(raw) / 1e6:.1f} MB), first in the process: "
        f"{first:.1f} s (target < {IMPORT_TARGET_S:.0f} s): {split}; parse alone "
        f"{parsed:.1f} s; progress first moves after {moves[0]:.1f} s, {len(moves)} steps"
    )
    later, split, _, summary = timed_import(open_db(folder / "later.db"), other, "other.csv")
    assert summary.added == rows
    print(f"import  {rows:>9,} other rows, later in the process: {later:.1f} s: {split}")
    again, _, _, summary = timed_import(open_db(folder / "import.db"), raw, "bench.csv")
    assert summary.already_present == rows
    print(f"import  {rows:>9,} the first file again: {again:.1f} s")
    return first


# The child of `bench_import_memory`: ROOT, the CSV file, the database; prints its figures.
MEMORY_CHILD = """
import sys, time
sys.path.insert(0, sys.argv[1])
from lib.db import open_db
from lib.importers import import_file

def resident(key):
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) / 1024 for line in status if line.startswith(key))

db = open_db(sys.argv[3])
warm_up = "platform;external_id;received_at;text;author\\nx;w;2026-01-05 10:00;Allô? Hello;Zoé\\n"
import_file(db, warm_up.encode(), "warm-up.csv")
with open(sys.argv[2], "rb") as f:
    raw = f.read()
before = resident("VmRSS:")
with open("/proc/self/clear_refs", "w") as clear:
    clear.write("5")  # the peak (VmHWM) starts again from the present
started = time.perf_counter()
summary = import_file(db, raw, sys.argv[2])
seconds = time.perf_counter() - started
print(before, resident("VmHWM:"), seconds, summary.added)
db.close()
"""


def bench_import_memory(kind: str, megabytes: float, folder: Path) -> float:
    """Peak memory of importing a `kind` ("CSV" or "JSON") file of about `megabytes` MB,
    in multiples of the file's size."""
    sample = sample_csv if kind == "CSV" else sample_json
    per_row = len(sample(2_000)) / 2_000
    raw = sample(int(megabytes * 1e6 / per_row))
    source = folder / f"memory.{kind.lower()}"
    source.write_bytes(raw)
    database = folder / f"memory-{kind.lower()}.db"
    result = subprocess.run(
        [sys.executable, "-c", MEMORY_CHILD, str(ROOT), str(source), str(database)],
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise SystemExit(f"the {kind} import failed: {result.stderr.strip().splitlines()[-1]}")
    before, peak, seconds, added = result.stdout.split()
    before, peak, file_mib = float(before), float(peak), len(raw) / 2**20
    times = (peak - before) / file_mib
    print(
        f"memory  import of a {len(raw) / 1e6:.1f} MB {kind} ({int(added):,} comments) in "
        f"{float(seconds):.1f} s: peak {peak:.0f} MiB resident, {peak - before:.0f} MiB over "
        f"the {before:.0f} MiB before it = {times:.1f} times the file "
        f"(target < {MEMORY_TARGET_TIMES[kind]:.0f})"
    )
    return times


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
    parser.add_argument("--csv-mb", type=float, default=50.0, help="CSV size, memory bench")
    parser.add_argument("--json-mb", type=float, default=19.5, help="JSON size, memory bench")
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument("--skip-export", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args(argv)
    end = (NOW.tz_convert("America/Toronto") - pd.Timedelta(days=1)).date()
    start = end - pd.Timedelta(days=364)
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        if not args.skip_import:
            ok &= bench_import(args.rows, Path(folder)) < IMPORT_TARGET_S
        if not args.skip_memory:
            for kind, megabytes in (("CSV", args.csv_mb), ("JSON", args.json_mb)):
                times = bench_import_memory(kind, megabytes, Path(folder))
                ok &= times < MEMORY_TARGET_TIMES[kind]
        if not args.skip_export:
            db = big_database(args.db, args.comments, Path(folder))
            ok &= bench_export(db, start, end) < EXPORT_TARGET_S
    print("OK" if ok else "A TARGET WAS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
