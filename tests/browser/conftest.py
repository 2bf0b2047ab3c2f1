"""A real `streamlit run` server on a copy of the demo database, and Debian's headless Chromium.

Fails loudly (never skips) when chromium or the server cannot start: `make test`
installs chromium first.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = ROOT / "tests" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"streamlit did not answer {url}/_stcore/health in {seconds} s")


@pytest.fixture(scope="session", autouse=True)
def fresh_screenshots():
    """tests/screenshots/ holds this run's screenshots only, for review."""
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS


@pytest.fixture(scope="session")
def server(demo_template, tmp_path_factory):
    """The app served on a free localhost port over a private copy of the demo database."""
    with serving(demo_template, tmp_path_factory.mktemp("served")) as served:
        yield served


def vigie(*arguments) -> str:
    """`python -m lib …` as an operator runs it (a new process, no terminal); its output,
    once it has exited 0."""
    result = subprocess.run(
        [sys.executable, "-m", "lib", *map(str, arguments)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@contextlib.contextmanager
def serving(template: Path, folder: Path):
    """`streamlit run app.py` on a free localhost port over a copy of `template` in `folder`:
    {"url", "db"}. A test that changes what every page reads (the calendar, the levels)
    serves its own copy, so that the session's other tests read the demo as it was."""
    db = folder / "vigie.db"
    shutil.copy(template, db)
    port = _free_port()
    env = {**os.environ, "VIGIE_DB": str(db)}
    log = open(folder / "streamlit.log", "w")  # noqa: SIM115 - outlives this block
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.fileWatcherType",
            "none",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process)
        yield {"url": url, "db": db}
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"chromium not found at {CHROMIUM}: run `make chromium` (apt-get install chromium)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fr-CA")
    tab = context.new_page()
    yield tab
    context.close()


def wait_for_app(tab, timeout_ms: int = 60_000) -> None:
    """Wait until Streamlit has finished running the script for this page."""
    tab.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout_ms
    )


def screenshot(tab, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path


# --- helpers for flows: sign in, go to a page, pick options, wait for reruns ---------------


# How often settle looks again, in ms: the benchmark looks more often, to time to 20 ms.
SETTLE_POLLING_MS = 100


def settle(tab, timeout_ms: int = 60_000) -> None:
    """Wait for the script run to end and for lazily loaded widgets to replace their skeletons."""
    wait_for_app(tab, timeout_ms)
    tab.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stSkeleton\"]')"
        " && !document.querySelector('[data-stale=\"true\"]')",
        # A timer, not animation frames: a page in the background gets few of those.
        polling=SETTLE_POLLING_MS,
        timeout=timeout_ms,
    )


def sidebar(tab):
    return tab.locator('[data-testid="stSidebar"]')


def main(tab):
    return tab.locator('[data-testid="stMain"]')


def choose(scope, label: str, option: str) -> None:
    """Pick `option` (a substring of its text) in the selectbox or multiselect labelled `label`."""
    import re

    tab = scope.page if hasattr(scope, "page") else scope
    scope.get_by_role("combobox", name=label, exact=True).click()
    tab.get_by_role("option", name=re.compile(re.escape(option))).first.click()
    if tab.get_by_role("listbox").count():  # a multiselect stays open for more choices
        tab.keyboard.press("Escape")


def pick(scope, label: str, option: str) -> None:
    """Pick `option` (a substring of its text) in the selectbox labelled `label` by typing it
    and pressing Enter, as a person may: in a long virtualised list a click sometimes found
    its option redrawn under it until the click gave up (about 1 run in 5)."""
    import re

    from playwright.sync_api import expect

    tab = scope.page if hasattr(scope, "page") else scope
    scope.get_by_role("combobox", name=label, exact=True).click()
    tab.keyboard.type(option)
    expect(tab.get_by_role("option", name=re.compile(re.escape(option))).first).to_be_visible()
    tab.keyboard.press("Enter")


def sign_in(tab, url: str, username: str, page_title: str | None = None) -> None:
    """Open the app, go to `page_title` (if given), and sign in through the sidebar's form.

    Going to the page first spares a render of the landing page once signed in.
    """
    start_sign_in(tab, url, username, page_title)
    submit_sign_in(tab)
    await_signed_in(tab)


def start_sign_in(
    tab, url: str, username: str, page_title: str | None = None, password: str = "vigie-demo"
) -> None:
    """Everything of signing in but the click on the button: the typed username and password.

    `url` may name a page and its parameters (e.g. `…/file?comment=12`): they wait
    in the address while nobody is signed in, and the page reads them once someone is.
    """
    from lib.i18n import t

    tab.goto(url)
    settle(tab)
    dismiss_page_not_found(tab)
    if page_title:
        open_page(tab, page_title)
    bar = sidebar(tab)
    bar.get_by_label(t("auth.username", "fr"), exact=True).fill(username)
    bar.get_by_label(t("auth.password", "fr"), exact=True).fill(password)


def submit_sign_in(tab) -> None:
    from lib.i18n import t

    sidebar(tab).get_by_role("button", name=t("auth.sign_in", "fr")).click()


def dismiss_page_not_found(tab) -> None:
    """Close Streamlit's "Page not found" modal, shown over the right page on a server's
    very first load of a page's own address (streamlit/streamlit#8860, #9992)."""
    dialog = tab.get_by_role("dialog").filter(has_text="Page not found")
    if dialog.count():
        tab.keyboard.press("Escape")
        dialog.wait_for(state="hidden", timeout=10_000)


def sign_out(tab) -> None:
    from playwright.sync_api import expect

    from lib.i18n import t

    sidebar(tab).get_by_role("button", name=t("auth.sign_out", "fr")).click()
    expect(sidebar(tab).get_by_role("button", name=t("auth.sign_in", "fr"))).to_be_visible(
        timeout=30_000
    )
    settle(tab)


def await_signed_in(tab) -> None:
    from lib.i18n import t

    signed_out = sidebar(tab).get_by_role("button", name=t("auth.sign_out", "fr"))
    signed_out.wait_for(state="visible", timeout=60_000)  # not `expect`: see wait_for_text
    settle(tab)


def wait_for_text(tab, selector: str, text: str, timeout_ms: int = 30_000) -> None:
    """Wait until the first element matching `selector` contains `text`, case aside.

    Looked at every SETTLE_POLLING_MS: Playwright's `expect` looks again after 100, 250,
    500 then 1000 ms, which would round a benchmark's times up to those steps.
    """
    tab.wait_for_function(
        "([selector, text]) => { const e = document.querySelector(selector);"
        " return !!e && e.textContent.toLowerCase().includes(text.toLowerCase()); }",
        arg=[selector, text],
        polling=SETTLE_POLLING_MS,
        timeout=timeout_ms,
    )


def open_page(tab, title: str) -> None:
    """Follow the sidebar's link to a page (the session, and so the sign-in, is kept)."""
    sidebar(tab).get_by_role("link", name=title).click()
    # A page's heading may say more than its link ("Response-time compliance").
    wait_for_text(tab, "h1", title)
    settle(tab)


# The queue's table (glide-data-grid) draws on a canvas; its cells are also in a hidden
# accessible table, which tells where a comment's row is. Its rows are this tall (pixels).
QUEUE_HEADER, QUEUE_ROW = 35, 72


def queue_ids(tab) -> list[int]:
    """The comment numbers of the queue's table, top to bottom (the "#" column)."""
    grid = main(tab).get_by_test_id("stDataFrame").first
    grid.locator("table[role=grid]").wait_for(state="attached")
    texts = grid.locator('table[role=grid] tbody td[aria-colindex="2"]').evaluate_all(
        "cells => cells.map(c => c.textContent)"
    )
    return [int(x) for x in texts]


# The row of a comment in the queue's first grid (an object: a row of 0 is falsy).
_ROW_OF = """id => {
    const grid = document.querySelector('[data-testid="stMain"] [data-testid="stDataFrame"]');
    const cells = grid ? grid.querySelectorAll('table[role=grid] tbody td[aria-colindex="2"]')
                       : [];
    const row = [...cells].findIndex(cell => cell.textContent === String(id));
    return row < 0 ? null : {row};
}"""


CLICK_ATTEMPTS = 3


def _row_box(tab, grid, comment_id: int) -> tuple[float, float]:
    """Where the comment's row's box is on the screen, the row brought into the window."""
    # The grid's accessible table follows the canvas a moment after a rerun, and a rerun
    # may replace the grid: the row is found and read in one look at the page.
    found = tab.wait_for_function(_ROW_OF, arg=comment_id, polling=100, timeout=30_000)
    row = found.json_value()["row"]
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    y = box["y"] + QUEUE_HEADER + QUEUE_ROW * row + QUEUE_ROW / 2
    height = tab.viewport_size["height"]
    if not QUEUE_ROW < y < height - QUEUE_ROW:  # out of the window: bring it to the middle
        main(tab).evaluate("(element, by) => element.scrollBy(0, by)", y - height / 2)
        box = grid.bounding_box()
        y = box["y"] + QUEUE_HEADER + QUEUE_ROW * row + QUEUE_ROW / 2
    return box["x"] + 16, y


def click_queue_row(tab, comment_id: int) -> None:
    """Tick the comment's row in the queue's table, as a person clicks its box."""
    from playwright.sync_api import expect

    grid = main(tab).get_by_test_id("stDataFrame").first
    ticked = grid.locator('table[role=grid] tbody tr[aria-selected="true"] td[aria-colindex="2"]')
    # A click that lands while the page still lays out (a caption arriving above the grid
    # moves it) ticks nothing: as a person would, look again and click again.
    for attempt in range(CLICK_ATTEMPTS):
        settle(tab)
        tab.mouse.click(*_row_box(tab, grid, comment_id))
        try:
            expect(ticked).to_have_text(str(comment_id), timeout=10_000)
            break
        except AssertionError:
            if attempt == CLICK_ATTEMPTS - 1:
                raise
    settle(tab)  # a rerun may briefly show the heading twice, the old one fading
    wait_for_text(tab, '[data-testid="stMain"] h3', f"#{comment_id} ·")
    settle(tab)  # the heading comes early in the run: the rest of the page after it


def hide_in_queue(tab, comment_id: int, reason: str) -> None:
    """Hide the comment from its detail's Retirer tab with one netiquette reason (its label),
    and wait for the queue to say it is done."""
    from playwright.sync_api import expect

    from lib.i18n import t

    click_queue_row(tab, comment_id)
    main(tab).get_by_role("tab", name=t("queue.tab.remove", "fr")).click()
    choose(main(tab), t("queue.reasons", "fr"), reason)
    hide = main(tab).get_by_role("button", name=t("queue.kind.hide", "fr"), exact=True)
    hide.filter(visible=True).click()
    done = t("queue.done", "fr", id=comment_id, what=t("queue.kind.hide", "fr"))
    expect(main(tab).get_by_text(done)).to_be_visible(timeout=30_000)
    settle(tab)


def reply_in_queue(tab, comment_id: int, reply: str) -> None:
    """Reply to the comment from its detail's Répondre tab, and wait for the queue to say it
    is done."""
    from playwright.sync_api import expect

    from lib.i18n import t

    click_queue_row(tab, comment_id)
    main(tab).get_by_role("tab", name=t("queue.tab.reply", "fr")).click()
    box = main(tab).get_by_label(t("queue.reply", "fr"), exact=True).filter(visible=True)
    box.fill(reply)
    button = main(tab).get_by_role("button", name=t("queue.kind.reply", "fr"), exact=True)
    button.filter(visible=True).click()
    done = t("queue.done", "fr", id=comment_id, what=t("queue.kind.reply", "fr"))
    expect(main(tab).get_by_text(done)).to_be_visible(timeout=30_000)
    settle(tab)
