"""Every page renders through app.py's navigation, in French and English, without an exception."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lib.ui import PAGES

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGE_FILES = [path for path, _key, _icon in PAGES]


def run_app(lang="fr"):
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    at.run()
    return at


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("page", PAGE_FILES)
def test_every_page_renders_without_an_exception(demo_db_path, page, lang):
    at = run_app(lang)
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "each page has a title"


def test_the_landing_page_is_today_in_french_by_default(demo_db_path):
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "Aujourd'hui"


def test_the_sidebar_offers_the_roster_and_a_language_switch(demo_db_path):
    at = run_app()
    people = at.sidebar.selectbox[0]
    assert len(people.options) == 7
    assert any("Chef d'équipe" in option for option in people.options)
    at.sidebar.radio[0].set_value("en").run()
    assert at.title[0].value == "Today"
