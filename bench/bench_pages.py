"""Every page on a big database: server time, time in Chromium, and the server's peak memory.

    python -m lib demo --rows 1000000 --db /tmp/vigie-1m.db
    .venv/bin/python bench/bench_pages.py /tmp/vigie-1m.db [--as mlachance]

Server time: AppTest runs the page through app.py, first render (cold caches)
then a rerun. Browser time: `streamlit run` on the same file, a lead signs in,
follows each sidebar link (first render), then clicks it again (rerun); each
is timed until Streamlit reports the script finished and no skeleton remains.
Peak memory is the server process's VmHWM after every page has rendered.
Targets (issue 8): under 1 s of server time warm, under 3 s in the browser, under 1 GB.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib.i18n import t  # noqa: E402
from lib.ui import PAGES  # noqa: E402
from tests.browser.conftest import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    _free_port,
    _wait_healthy,
    open_page,
    settle,
    sign_in,
)

DISPLAY_NAMES = {"mlachance": "Maude Lachance", "agirard": "Amélie Girard"}


def server_times(username: str) -> list[tuple[str, float, float]]:
    from streamlit.testing.v1 import AppTest

    rows = []
    for path, key, _icon, _slug in PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.session_state["username"] = username
        at.run()
        at.switch_page(path)
        started = time.perf_counter()
        at.run()
        first = time.perf_counter() - started
        started = time.perf_counter()
        at.run()
        rerun = time.perf_counter() - started
        if at.exception:
            raise SystemExit(f"{path}: {at.exception[0].value}")
        rows.append((t(key, "fr"), first, rerun))
    return rows


def browser_times(db: Path, username: str) -> tuple[list[tuple[str, float, float]], float]:
    from playwright.sync_api import sync_playwright

    port = _free_port()
    env = {**os.environ, "VIGIE_DB": str(db)}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    rows = []
    try:
        _wait_healthy(url, process)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            tab = browser.new_page(viewport={"width": 1400, "height": 1000})
            tab.set_default_timeout(120_000)
            sign_in(tab, url, DISPLAY_NAMES[username])
            for _path, key, _icon, _slug in PAGES:
                title = t(key, "fr")
                started = time.perf_counter()
                open_page(tab, title)
                first = time.perf_counter() - started
                started = time.perf_counter()
                open_page(tab, title)
                settle(tab)
                rerun = time.perf_counter() - started
                rows.append((title, first, rerun))
            browser.close()
        peak = _peak_mib(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)
    return rows, peak


def _peak_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--as", dest="username", default="mlachance", choices=DISPLAY_NAMES)
    args = parser.parse_args()
    os.environ["VIGIE_DB"] = str(args.db)
    server = server_times(args.username)
    browser, peak = browser_times(args.db, args.username)
    print(f"{'page':<16}{'server first':>14}{'server rerun':>14}{'browser first':>15}"
          f"{'browser rerun':>15}")  # fmt: skip
    for (title, s_first, s_rerun), (_t, b_first, b_rerun) in zip(server, browser, strict=True):
        print(f"{title:<16}{s_first:>13.2f}s{s_rerun:>13.2f}s{b_first:>14.2f}s{b_rerun:>14.2f}s")
    print(f"server peak memory (VmHWM): {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
