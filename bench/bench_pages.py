"""Every page as a signed-in lead feels it, on a cold server: first and second visits.

    python -m lib demo --rows 1000000 --days 365 --db /tmp/vigie-1m.db
    .venv/bin/python bench/bench_pages.py /tmp/vigie-1m.db [--as mlachance]

A new `streamlit run` serves the file (nothing cached, nothing imported yet). Chromium
opens it, the lead types their name and password in the sidebar's form and clicks « Se
connecter »: the time until Aujourd'hui has drawn is Aujourd'hui's first visit. They
are typed a key every 100 ms, as a fast typist does; meanwhile the server, as for anyone,
imports what the pages need and loads the detectors (lib/ui/warm.py). Then the
lead clicks each page of the sidebar in order (first visits), and each again in order
(second visits). Each is timed from the click until Streamlit says the script has
finished and no skeleton or stale element remains (tests/browser/conftest.settle).
Then, in the queue filtered on what awaits their approval, the lead opens the first
comment (a click on its row) and approves its reply: each timed from the click until the
page has drawn again.

The server's peak memory is its VmHWM at the end. Targets (issue "Ten years of a big
organisation"): at 10 million comments, first visits under 2 s, second under 1 s, a
queue action under 0.3 s, under 1 GB; at 1 million, under 1.5 s and 0.5 s.
The bench approves one proposal in the database it is given.
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

from lib.auth import DEMO_PASSWORD  # noqa: E402
from lib.db import open_db  # noqa: E402
from lib.i18n import t  # noqa: E402
from lib.ui import PAGES  # noqa: E402
from tests.browser import conftest  # noqa: E402
from tests.browser.conftest import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    _free_port,
    _wait_healthy,
    await_signed_in,
    choose,
    click_queue_row,
    dismiss_page_not_found,
    main,
    open_page,
    queue_ids,
    settle,
    sidebar,
    submit_sign_in,
    wait_for_text,
)

# The page is looked at every 20 ms (tests: 100 ms) until it has finished drawing.
conftest.SETTLE_POLLING_MS = 20

DISPLAY_NAMES = {"mlachance": "Maude Lachance", "agirard": "Amélie Girard"}
TYPING_DELAY_MS = 100  # a fast typist: about 120 words a minute


def timed(step) -> float:
    started = time.perf_counter()
    step()
    return time.perf_counter() - started


def visits(tab, url: str, username: str) -> tuple[dict, dict]:
    """Seconds per page title: first visits, then second visits."""
    titles = [t(key, "fr") for _path, key, _icon, _slug in PAGES]
    tab.goto(url)
    settle(tab)
    dismiss_page_not_found(tab)
    # Typed as a person types (a key every TYPING_DELAY_MS), not filled in at once.
    for label, text in (("auth.username", username), ("auth.password", DEMO_PASSWORD)):
        field = sidebar(tab).get_by_label(t(label, "fr"), exact=True)
        field.press_sequentially(text, delay=TYPING_DELAY_MS)

    def sign_in() -> None:
        submit_sign_in(tab)
        await_signed_in(tab)

    first = {titles[0]: timed(sign_in)}  # signing in lands on the first page
    for title in titles[1:]:
        first[title] = timed(lambda title=title: open_page(tab, title))
    second = {title: timed(lambda title=title: open_page(tab, title)) for title in titles}
    return first, second


def awaiting(db: Path, comment_id: int) -> bool:
    with open_db(db, migrate=False) as conn:
        status = conn.execute("SELECT status FROM comments WHERE id = ?", [comment_id]).fetchone()
    return status[0] == "awaiting_approval"


def queue_actions(tab, db: Path) -> dict:
    """Open the first comment of the queue awaiting the lead's approval, then approve and
    publish its reply: seconds each."""
    open_page(tab, t("nav.queue", "fr"))
    # As a lead does: the queue filtered on what awaits their approval.
    choose(main(tab), t("common.status", "fr"), t("status.awaiting_approval", "fr"))
    settle(tab)
    comment = next(i for i in queue_ids(tab) if awaiting(db, i))
    opened = timed(lambda: click_queue_row(tab, comment))
    approve = t("queue.kind.approve", "fr")
    button = main(tab).get_by_role("button", name=approve, exact=True).filter(visible=True)
    done = t("queue.done", "fr", id=comment, what=approve)

    def act() -> None:
        button.click()
        # Until the queue says it is done: the click's rerun may not have started yet.
        wait_for_text(tab, '[data-testid="stMain"]', done, timeout_ms=60_000)
        settle(tab)

    return {"open a comment": opened, "approve and publish its reply": timed(act)}


def measure(db: Path, username: str) -> tuple[dict, dict, dict, float]:
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
    try:
        _wait_healthy(url, process)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            tab = browser.new_page(viewport={"width": 1400, "height": 1000})
            tab.set_default_timeout(120_000)
            first, second = visits(tab, url, username)
            actions = queue_actions(tab, db)
            browser.close()
        peak = _peak_mib(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)
    return first, second, actions, peak


def _peak_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def describe(db: Path) -> str:
    with open_db(db, migrate=False) as conn:
        comments, first, last = conn.execute(
            "SELECT count(*), min(received_at), max(received_at) FROM comments"
        ).fetchone()
    return f"{comments:,} comments received from {first} to {last} UTC"


def main_() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--as", dest="username", default="mlachance", choices=DISPLAY_NAMES)
    args = parser.parse_args()
    # The file is brought to the current schema first, as `make run` would have done.
    open_db(args.db).close()
    about = describe(args.db)
    first, second, actions, peak = measure(args.db, args.username)
    load = os.getloadavg()[0]
    print(f"{args.db}: {about}; load average {load:.2f}")
    print("| page | first visit | second visit |")
    print("| --- | --- | --- |")
    for title in first:
        print(f"| {title} | {first[title]:.2f} s | {second[title]:.2f} s |")
    for what, seconds in actions.items():
        print(f"| queue: {what} | {seconds:.2f} s | |")
    print(f"server peak memory (VmHWM): {peak:,.0f} MiB")


if __name__ == "__main__":
    main_()
