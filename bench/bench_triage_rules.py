"""What a lead's triage rules cost: an import of N comments with no rule, then with three
rules (words, a flag, an automatic hide), and the 30-day dry run on a demo database; and
what the notify worker computes in a cycle (alerts, spike, the morning digest) there.

    .venv/bin/python bench/bench_triage_rules.py                 # 20,000 rows, 100,000 demo
    .venv/bin/python bench/bench_triage_rules.py --rows 5000 --demo-rows 20000

No target of its own: the import budget (< 15 s for 100,000 rows, bench_import_export.py)
holds for a file the rules barely touch; each comment a rule acts on costs one act().
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
from lib.demo import generate  # noqa: E402
from lib.importers import import_file  # noqa: E402
from lib.notify.alerts import due_alerts  # noqa: E402
from lib.notify.digest import due_digest  # noqa: E402
from lib.notify.spikes import due_spike  # noqa: E402
from lib.settings import load_settings, save_settings  # noqa: E402
from lib.triage_rules import dry_run  # noqa: E402

NOW = pd.Timestamp("2026-11-23 17:00", tz="UTC")
LEAD = "mlachance"
RULES = [
    {
        "name": "Programme PAD",
        "words": ["PAD", "aide au déneigement"],
        "assign": "agirard",
        "label": "PAD",
    },
    {"name": "Questions en anglais", "flags": ["english"], "priority": True},
    {
        "name": "Pourriel avec lien",
        "words": ["gagnez", "cliquez ici"],
        "link": True,
        "hide_reason": "pourriel",
        "hide_confirmed": True,
    },
]
TEXTS = [
    "Bonjour, à quelle heure ouvre le bureau de Québec?",
    "Est-ce que le programme PAD est encore ouvert cette année?",
    "Gagnez 5000 $ par semaine, cliquez ici http://promo.example",
    "Merci pour l'information, c'est très clair.",
    "When does the registration for the PAD program close?",
] + [f"Question numéro {i} sur la collecte des feuilles" for i in range(15)]


def csv_file(rows: int, first: int) -> bytes:
    rng = np.random.default_rng(3)
    received = NOW - pd.to_timedelta(rng.integers(60, 86_400 * 5, rows), unit="s")
    lines = ["platform;external_id;received_at;author_handle;text"]
    for i in range(rows):
        text = TEXTS[int(rng.integers(len(TEXTS)))]
        when = received[i].tz_convert("America/Toronto").strftime("%Y-%m-%d %H:%M:%S")
        lines.append(f"facebook;bench-{first + i};{when};h{i % 3000};{text}")
    return "\n".join(lines).encode()


def timed(label: str, work):
    started = time.perf_counter()
    result = work()
    print(f"{label}: {time.perf_counter() - started:.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--demo-rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, open_db(Path(folder) / "b.db") as db:
        timed(
            f"demo {args.demo_rows:,} rows",
            lambda: generate(db, rows=args.demo_rows, seed=1, now=NOW),
        )
        import_file(db, csv_file(10, 10_000_000), "warm.csv")  # the detectors' models, once
        timed(
            f"import {args.rows:,} rows, no rule",
            lambda: import_file(db, csv_file(args.rows, 0), "a.csv"),
        )
        save_settings(db, LEAD, triage_rules=RULES)
        summary = timed(
            f"import {args.rows:,} rows, three rules",
            lambda: import_file(db, csv_file(args.rows, 1_000_000), "b.csv"),
        )
        acted = db.execute("SELECT count(*) FROM actions WHERE rule IS NOT NULL").fetchone()[0]
        print(f"  {summary.added:,} added, {acted:,} rule actions")
        for rule in RULES:
            found = timed(
                f"dry run « {rule['name']} », 30 days", lambda r=rule: dry_run(db, r, NOW)
            )
            print(f"  matched {found.matched:,}, removed {found.removed:,}")
        settings, morning = load_settings(db), NOW - pd.Timedelta(hours=3)  # 9:00 in Québec
        for part in (due_alerts, due_spike, due_digest):
            owed = timed(f"notify: {part.__name__}", lambda p=part: p(db, settings, morning, ""))
            print(f"  {len(owed)} message(s) owed")


if __name__ == "__main__":
    main()
