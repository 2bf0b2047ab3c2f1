"""Server time of the three lead pages through AppTest: cold (empty caches) and warm.

    python -m lib demo --rows 1000000 --db /tmp/vigie-1m.db
    python bench/bench_lead_pages.py /tmp/vigie-1m.db [--now "2026-11-20 15:00-05:00"]

Targets (issue 6): under 3 s cold, under 1 s warm, per page.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
PAGES = ("pages/today.py", "pages/compliance.py", "pages/reasons.py")
COLD_TARGET, WARM_TARGET = 3.0, 1.0


def timed_run(at: AppTest) -> float:
    start = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - start
    if at.exception:
        raise SystemExit(f"exception: {at.exception[0].value}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", help="a demo database (python -m lib demo --rows 1000000 --db PATH)")
    parser.add_argument("--now", default=None, help="pin the present (default: real now)")
    parser.add_argument("--warm-runs", type=int, default=3)
    parser.add_argument("--as", dest="username", default="mlachance", help="a lead's username")
    args = parser.parse_args()
    os.environ["VIGIE_DB"] = str(Path(args.db).resolve())
    sys.path.insert(0, str(ROOT))

    failures = 0
    print(f"{'page':24} {'cold s':>8} {'warm s':>8}")
    for page in PAGES:
        st.cache_data.clear()
        st.cache_resource.clear()
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.session_state["username"] = args.username  # signed in, as tests do
        if args.now:
            at.session_state["now"] = args.now
        timed_run(at)  # the landing page and the sidebar; not this page's cost
        at.switch_page(page)
        # The landing page filled the caches Aujourd'hui uses (figures are held as resources).
        st.cache_data.clear()
        st.cache_resource.clear()
        cold = timed_run(at)
        if not at.metric:
            raise SystemExit(f"{page} showed no figure: not signed in as a lead?")
        warm = min(timed_run(at) for _ in range(args.warm_runs))
        ok = cold < COLD_TARGET and warm < WARM_TARGET
        failures += not ok
        print(f"{page:24} {cold:8.2f} {warm:8.2f} {'ok' if ok else 'OVER TARGET'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
