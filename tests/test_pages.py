"""Every page renders through app.py's navigation, in French and English, without an exception."""

import json

import pytest

from lib.i18n import t
from lib.ui import PAGES
from lib.ui.warm import PRELOAD_KEY
from tests.conftest import new_app, open_app

PAGE_FILES = [path for path, _key, _icon, _slug in PAGES]
# Each page's own title (the navigation's may be shorter): seen only if the page ran.
PAGE_TITLES = {
    "pages/today.py": "today.title",
    "pages/queue.py": "queue.title",
    "pages/compliance.py": "compliance.title",
    "pages/reasons.py": "reasons.title",
    "pages/reports.py": "reports.title",
    "pages/importer.py": "import.title",
    "pages/settings.py": "settings.title",
    "pages/transparency.py": "transparency.title",
    "pages/records.py": "nav.records",
}


def run_app(lang="fr"):
    return new_app(lang=lang, timeout=60).run()


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("page", PAGE_FILES)
def test_every_page_renders_for_a_lead_without_an_exception(demo_db_path, page, lang):
    at = open_app(page, "mlachance", lang)
    assert at.title[0].value == t(PAGE_TITLES[page], lang), "the page itself ran"
    assert at.sidebar.button(key="signout").label == t("auth.sign_out", lang)


@pytest.mark.parametrize("page", PAGE_FILES)
def test_no_page_runs_before_sign_in(demo_db_path, page):
    at = open_app(page, username=None)
    # Only the page's title and the sign-in prompt: no figure, table or chart, but the
    # empty chart, hidden, that makes the browser load its chart library meanwhile.
    assert len(at.title) == 1
    assert not at.metric and not at.dataframe
    (chart,) = at.get("plotly_chart")
    assert chart.key == f"{PRELOAD_KEY}-chart"
    assert json.loads(chart.proto.spec)["data"] == []


def test_the_landing_page_is_today_in_french_by_default(demo_db_path):
    at = new_app(lang=None, timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "Aujourd'hui"


def test_the_sidebar_asks_for_a_username_not_a_roster_and_offers_a_language_switch(
    demo_db_path,
):
    at = run_app()
    assert not at.sidebar.selectbox
    assert at.sidebar.text_input(key="signin_username").label == "Identifiant"
    at.sidebar.radio[0].set_value("en").run()
    assert at.title[0].value == "Today"


def test_the_server_prepares_the_pages_and_the_detectors_once_it_serves(demo_db_path):
    """The first run (the sign-in page) starts lib.ui.warm's thread: the pages' modules are
    imported and the detectors' learned models fitted before anyone opens the queue."""
    import sys
    import threading

    from lib.detect.learned import learned
    from lib.ui.warm import MODULES, detectors_ready

    detectors_ready.clear()
    learned.cache_clear()
    new_app().run()
    for thread in threading.enumerate():
        if thread.name == "vigie-warm-up":
            thread.join(timeout=300)
    assert learned.cache_info().currsize == 1
    assert [name for name in MODULES if name not in sys.modules] == []


def test_the_server_computes_todays_figures_once_to_set_up_their_code(
    demo_db_path, tmp_path, monkeypatch
):
    """The warm-up computes today's figures of the lead pages on the server's database (and
    keeps none of them); a database not there yet is left for the pages to create."""
    from lib.ui.warm import _first_figures

    assert _first_figures()
    missing = tmp_path / "not-yet.db"
    monkeypatch.setenv("VIGIE_DB", str(missing))
    assert not _first_figures()
    assert not missing.exists()
