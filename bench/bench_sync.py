"""Time the sync process against the fake platforms served on localhost: pulling 10,000 new
comments from a Facebook page, then pushing 1,000 decisions (500 hides, 500 replies).

    .venv/bin/python bench/bench_sync.py [--comments 10000] [--actions 1000]

Each figure is one run of `lib.connectors.sync_once` on a new database, from the first
request to the last write, as `python -m lib sync --once` does it (without starting Python).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

# Run as a script from anywhere: the core and the tests' fake platforms live one folder up.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.connectors import AccountConfig, Token, sync_once  # noqa: E402
from lib.db import open_db  # noqa: E402
from lib.moderation import act_many  # noqa: E402
from tests.platforms.fake_server import FakePlatforms  # noqa: E402

TOKEN = "bench-not-a-real-token"
PER_POST = 200


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=10_000)
    parser.add_argument("--actions", type=int, default=1_000)
    args = parser.parse_args()
    now = datetime.now(UTC)
    with FakePlatforms() as platform, tempfile.TemporaryDirectory() as folder:
        platform.add_facebook_page("3003", "Organisme (banc d'essai)", TOKEN)
        posts = -(-args.comments // PER_POST)
        for p in range(posts):
            post = f"3003_{p}"
            platform.add_facebook_post("3003", post, f"Publication {p}", now - timedelta(days=2))
            for c in range(min(PER_POST, args.comments - p * PER_POST)):
                platform.add_facebook_comment(
                    post, f"{post}_{c}", f"Question {p}-{c} sur le programme, merci",
                    now - timedelta(hours=30, seconds=p * PER_POST + c), f"u{c % 997}", "Personne",
                )  # fmt: skip
        config = AccountConfig(
            "bench_fb", "facebook", "3003", Token(TOKEN), base_url=platform.graph_url
        )
        with open_db(Path(folder) / "bench.db") as db:
            db["users"].insert({"username": "bench", "display_name": "Banc", "role": "lead"})
            started = time.perf_counter()
            report = sync_once(db, [config])
            pulled = time.perf_counter() - started
            print(f"pull: {report.added:,} comments from {posts} posts in {pulled:.1f} s")

            ids = [r[0] for r in db.execute("SELECT id FROM comments ORDER BY id")]
            half = args.actions // 2
            act_many(db, [(i, 1) for i in ids[:half]], "hide", "bench", reasons=["pourriel"])
            act_many(
                db, [(i, 1) for i in ids[half : args.actions]], "reply", "bench",
                reply="Merci, voici la réponse.",
            )  # fmt: skip
            started, applied, runs = time.perf_counter(), 0, 0
            while True:  # a run takes at most pushing.BATCH operations per account
                report = sync_once(db, [config], now=datetime.now(UTC))
                applied, runs = applied + report.applied, runs + 1
                if not report.applied or report.accounts[0].problem:
                    break
            pushed = time.perf_counter() - started
            print(f"push: {applied:,} operations in {runs} runs, {pushed:.1f} s")
            problem = report.accounts[0].problem
            if problem:
                print(f"problem: {problem}")


if __name__ == "__main__":
    main()
