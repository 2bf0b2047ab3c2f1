"""Time the queue page's server work on a large database, through AppTest.

    python -m lib demo --rows 1000000 --db /tmp/vigie-1m.db
    .venv/bin/python bench/bench_queue.py /tmp/vigie-1m.db [--repeat 5]

Prints the queue page's first render, a rerun, an action (the hide button's
`act` plus the rerun it triggers), a search, and `act` alone. Targets (issue 5):
render < 1 s, action < 0.3 s. It writes a few hide actions to the database.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MODERATOR = "agirard"
TARGETS = {"first render": 1.0, "rerun": 1.0, "action (act + rerun)": 0.3}


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ["VIGIE_DB"] = str(args.db)

    from streamlit.testing.v1 import AppTest

    from lib.db import open_db
    from lib.moderation import act

    db = open_db(args.db)
    comments = db.execute("select count(*) from comments").fetchone()[0]
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["username"] = MODERATOR
    at.run()  # the landing page, and the one-off migration check
    at.switch_page("pages/queue.py")
    figures: dict[str, list[float]] = {"first render": [timed(at.run)]}
    _check(at)
    figures["rerun"] = [timed(at.run) for _ in range(args.repeat)]

    figures["action (act + rerun)"] = []
    for _ in range(args.repeat):
        target = at.session_state["queue.current"]
        at.multiselect(key=f"queue.reasons.{target}").set_value(["pourriel"])
        at.run()
        at.button(key=f"queue.do_hide.{target}").click()
        figures["action (act + rerun)"].append(timed(at.run))
        _check(at)
        assert at.session_state["queue.current"] != target, "the next comment is shown"

    at.text_input(key="queue.f.search").set_value("région")
    figures["search (FTS + rerun)"] = [timed(at.run)]
    _check(at)
    figures["search rerun"] = [timed(at.run) for _ in range(args.repeat)]

    target, version = db.execute(
        "select id, version from comments where status = 'new' order by due_at limit 1"
    ).fetchone()
    figures["act() alone"] = [
        timed(lambda i=i: act(db, target, "note", MODERATOR, version + i, note="bench"))
        for i in range(args.repeat)
    ]

    print(f"{comments:,} comments in {args.db}")
    print(f"{'measure':<24}{'median ms':>10}{'max ms':>10}{'target ms':>10}")
    ok = True
    for name, values in figures.items():
        median, worst = statistics.median(values), max(values)
        target_s = TARGETS.get(name)
        ok &= target_s is None or median < target_s
        print(
            f"{name:<24}{median * 1000:>10.0f}{worst * 1000:>10.0f}"
            f"{(f'{target_s * 1000:.0f}' if target_s else '—'):>10}"
        )
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


def _check(at) -> None:
    if at.exception:
        raise SystemExit(f"the page raised: {[e.value for e in at.exception]}")


if __name__ == "__main__":
    raise SystemExit(main())
