"""Time act(): median milliseconds per action on a large database."""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

# Run as a script from anywhere: the core lives one folder up.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.db import DB_TIME_FORMAT, OPEN_STATUSES, open_db  # noqa: E402
from lib.moderation import act  # noqa: E402

ACTOR = "bench"
REPLY = (
    "Merci de votre question. Vous trouverez l'information à jour sur https://www.quebec.ca, "
    "ou auprès de Services Québec au 1 877 644-4545."
)
PLATFORMS = ("facebook", "instagram", "x", "youtube")


def build(path: Path, rows: int, seed: int) -> None:
    """A database of `rows` open comments received over the past year."""
    rng = random.Random(seed)
    start = datetime(2025, 9, 1)  # UTC, as stored
    db = open_db(path)
    # One transaction: otherwise each chunk of rows is committed on its own.
    with db.atomic():
        db["comments"].insert_all(
            (
                {
                    "id": n,
                    "platform": rng.choice(PLATFORMS),
                    "account": "ministere",
                    "external_id": f"bench-{n}",
                    "author_handle": f"@author{rng.randrange(rows // 5)}",
                    "text": "Bonjour, j'ai une question sur mon dossier.",
                    "received_at": (start + timedelta(minutes=5 * n)).strftime(DB_TIME_FORMAT),
                    "status": "new",
                    "flags": rng.choice(("", "question", "negative", "english link")),
                }
                for n in range(1, rows + 1)
            ),
            batch_size=5000,
        )
    db.close()


def copy(source: Path, target: Path) -> None:
    """Bench on a copy: the history is append-only, and bench actions do not belong in it."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def prepare(path: Path) -> None:
    db = open_db(path)
    db["users"].insert({"username": ACTOR, "display_name": "Bench", "role": "lead"}, replace=True)
    db.close()


def timed_acts(target, path: Path, count: int, seed: int) -> list[float]:
    """Milliseconds for each of `count` acts on random open comments (assign, note, hide,
    and a reply, whose text the draft checks read first)."""
    reader = open_db(path)
    # Open and not awaiting a lead's approval: every kind below may then be done.
    statuses = [s for s in OPEN_STATUSES if s != "awaiting_approval"]
    placeholders = ", ".join("?" for _ in statuses)
    ids = [
        row[0]
        for row in reader.execute(
            f"select id from comments where status in ({placeholders})", statuses
        )
    ]
    rng = random.Random(seed)
    # Each comment once: a hidden comment is closed and would refuse the next action.
    chosen = rng.sample(ids, count)
    kinds = (
        ("assign", {}),
        ("note", {"note": "bench"}),
        ("hide", {"reasons": ["pourriel"]}),
        # With a note: on an English comment the French reply is flagged, and publishing
        # over a draft check needs one (lib.moderation.acting).
        ("reply", {"reply": REPLY, "note": "bench"}),
    )
    timings = []
    for n, comment_id in enumerate(chosen):
        version = reader.execute(
            "select version from comments where id = ?", [comment_id]
        ).fetchone()[0]
        kind, arguments = kinds[n % len(kinds)]
        began = time.perf_counter()
        act(target, comment_id, kind, ACTOR, version, **arguments)
        timings.append((time.perf_counter() - began) * 1000)
    reader.close()
    return timings


def describe(label: str, timings: list[float]) -> str:
    ordered = sorted(timings)
    p90 = ordered[int(0.9 * (len(ordered) - 1))]
    return (
        f"{label:<28} median {statistics.median(ordered):6.2f} ms   p90 {p90:6.2f} ms   "
        f"max {ordered[-1]:6.2f} ms   ({len(ordered)} acts)"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__,
        epilog="Without a database, builds a fresh one; with one, times a copy of it.",
    )
    parser.add_argument("db", nargs="?", type=Path, help="a Vigie database (a copy is used)")
    parser.add_argument("--rows", type=int, default=100_000, help="comments in a fresh database")
    parser.add_argument("--acts", type=int, default=200)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        began = time.perf_counter()
        if args.db:
            copy(args.db, path)
            source = f"copy of {args.db}"
        else:
            build(path, args.rows, args.seed)
            source = f"fresh database, {args.rows:,} comments"
        prepare(path)
        print(f"{source} ready in {time.perf_counter() - began:.1f} s")
        db = open_db(path)
        print(describe("act(Database)", timed_acts(db, path, args.acts, args.seed)))
        db.close()
        print(
            describe(
                "act(path) (opens each time)", timed_acts(path, path, args.acts, args.seed + 1)
            )
        )


if __name__ == "__main__":
    main()
