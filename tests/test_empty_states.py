"""Day one: a database with no team says how to create it; with no comment, each page says
what it will show and how to bring comments in, with no chart, card or table of zeros."""

import shlex
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lib.__main__ import main
from lib.db import open_db
from lib.i18n import t
from lib.importers import import_file
from lib.queries import has_comments
from tests.conftest import ISSUER, OIDC_SECRETS, new_app, open_app, reading

# The pages that show comments, and the words of each one's empty state.
PAGES = {
    "pages/today.py": "today",
    "pages/queue.py": "queue",
    "pages/compliance.py": "compliance",
    "pages/reasons.py": "reasons",
    "pages/reports.py": "reports",
    "pages/transparency.py": "transparency",
}
LEA = {"username": "lea", "display_name": "Léa", "role": "lead"}
ANA = {"username": "ana", "display_name": "Ana", "role": "moderator"}
NOW = "2026-11-20 15:00:00-05:00"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def new_database(tmp_path, monkeypatch, *users) -> str:
    """A new database holding `users` and no comment, chosen through VIGIE_DB."""
    path = tmp_path / "vigie.db"
    with open_db(path) as db:
        if users:
            db["users"].insert_all(users)
    monkeypatch.setenv("VIGIE_DB", str(path))
    return path


def texts(elements) -> list[str]:
    return [element.value for element in elements]


def page_links(at: AppTest) -> dict[str, str]:
    """Each page link's label and the address of the page it opens."""
    return {link.proto.label: link.proto.page for link in at.get("page_link")}


def shows_nothing_that_looks_like_data(at: AppTest) -> bool:
    return not at.get("plotly_chart") and not at.metric and not at.dataframe


# --- no comment yet ------------------------------------------------------------------------


def test_has_comments_is_false_on_a_new_database_and_true_after_an_import(tmp_path):
    with open_db(tmp_path / "vigie.db") as db:
        assert has_comments(db) is False
        import_file(
            db, b"platform;external_id;received_at;text\nx;1;2026-01-05 10:00;Bonjour\n", "f.csv"
        )
        assert has_comments(db) is True


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_a_lead_sees_each_pages_empty_state_with_the_settings_and_the_importer(
    tmp_path, monkeypatch, page, lang
):
    path = new_database(tmp_path, monkeypatch, LEA)
    at = open_app(page, "lea", lang, now=NOW)
    assert texts(at.subheader) == [t("empty.no_comments.title", lang)]
    lead_first = t(
        "empty.lead_first",
        lang,
        settings=t("nav.settings", lang),
        hours=t("settings.tab.calendar", lang),
        closures=t("settings.tab.closures", lang),
    )
    assert texts(at.markdown) == [
        t(f"empty.page.{PAGES[page]}", lang),
        lead_first,
        t("empty.next", lang),
        t("empty.command_line", lang),
    ]
    assert texts(at.code) == [t("empty.command.import", lang, db=shlex.quote(str(path)))]
    assert page_links(at) == {
        t("empty.to_settings", lang): "parametres",
        t("empty.to_importer", lang): "importation",
    }
    assert t("empty.accounts_later", lang) in texts(at.caption)
    assert shows_nothing_that_looks_like_data(at)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_moderator_sees_the_empty_queue_with_the_importer_and_not_the_settings(
    tmp_path, monkeypatch, lang
):
    path = new_database(tmp_path, monkeypatch, LEA, ANA)
    at = open_app("pages/queue.py", "ana", lang, now=NOW)
    assert texts(at.subheader) == [t("empty.no_comments.title", lang)]
    assert texts(at.markdown) == [
        t("empty.page.queue", lang),
        t("empty.next", lang),
        t("empty.command_line", lang),
    ]
    assert texts(at.code) == [t("empty.command.import", lang, db=shlex.quote(str(path)))]
    assert page_links(at) == {t("empty.to_importer", lang): "importation"}
    assert shows_nothing_that_looks_like_data(at)
    # Not the queue's own words either: its filters and "no comment matches the filters".
    assert not at.text_input and t("queue.empty", lang) not in texts(at.info)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_importer_on_a_new_database_lists_no_recent_comment_but_says_why(
    tmp_path, monkeypatch, lang
):
    new_database(tmp_path, monkeypatch, LEA)
    at = open_app("pages/importer.py", "lea", lang, now=NOW)
    assert texts(at.title) == [t("import.title", lang)]
    assert t("empty.recent", lang) in texts(at.caption)
    assert not at.dataframe and not at.metric


def test_the_settings_render_on_a_new_database(tmp_path, monkeypatch):
    new_database(tmp_path, monkeypatch, LEA)
    at = open_app("pages/settings.py", "lea", "fr", now=NOW)
    assert texts(at.title) == [t("settings.title", "fr")]
    assert len(at.tabs) >= 7


# --- comments there: no empty state (regression guards) --------------------------------------


@pytest.mark.parametrize("page", [*PAGES, "pages/importer.py"])
def test_a_database_with_comments_shows_no_empty_state(demo_db_path, page):
    at = open_app(page, "mlachance", "en", now=NOW)
    assert t("empty.no_comments.title", "en") not in texts(at.subheader)
    assert t("empty.next", "en") not in texts(at.markdown)
    assert t("empty.recent", "en") not in texts(at.caption)
    assert at.dataframe, "the page's own table"


def test_the_import_command_shown_fills_the_database_the_app_opened(tmp_path, monkeypatch):
    new_database(tmp_path, monkeypatch, LEA)
    at = open_app("pages/queue.py", "lea", "en", now=NOW)
    command = shlex.split(at.code[0].value)
    assert command[:4] == ["python", "-m", "lib", "import"]
    file = str(FIXTURES / "utf8_bom_comma.csv")
    assert main([file if word == "FILE" else word for word in command[3:]]) == 0
    at.run()
    assert not at.exception and texts(at.title) == [t("queue.title", "en")]
    assert t("empty.no_comments.title", "en") not in texts(at.subheader)
    assert at.dataframe, "the queue's table"


def test_a_range_without_comments_says_what_to_do_when_the_database_has_some(tmp_path, monkeypatch):
    """Comments elsewhere in time: not the new team's empty state, but the range's own
    sentence (issue 19: never an empty chart frame)."""
    path = new_database(tmp_path, monkeypatch, LEA)
    csv = b"platform;external_id;received_at;text\nx;1;2020-01-06 10:00;Bonjour\n"
    assert reading(path, import_file, csv, "old.csv").added == 1
    today = open_app("pages/today.py", "lea", "fr", now=NOW)
    assert len(today.metric) == 8 and not today.get("plotly_chart")
    assert t("today2.no_arrivals", "fr") in " ".join(texts(today.info) + texts(today.markdown))
    compliance = open_app("pages/compliance.py", "lea", "fr", now=NOW)
    assert not compliance.get("plotly_chart")
    assert any(
        s.startswith(t("leadpages.empty_range.title", "fr").split("{")[0])
        for s in texts(compliance.subheader) + texts(compliance.markdown)
    )
    for at in (today, compliance):
        assert t("empty.no_comments.title", "fr") not in texts(at.subheader)


# --- no team yet -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_database_with_no_team_says_how_to_create_it_instead_of_a_sign_in(
    tmp_path, monkeypatch, lang
):
    path = new_database(tmp_path, monkeypatch)
    at = new_app(None, lang).run()
    assert not at.exception, [e.value for e in at.exception]
    assert texts(at.sidebar.warning) == [t("empty.no_team.sidebar", lang)]
    assert not at.sidebar.text_input, "no sign-in form nobody could pass"
    assert texts(at.main.subheader) == [t("empty.no_team.title", lang)]
    assert texts(at.main.markdown) == [
        t("empty.no_team.how", lang),
        t("empty.no_team.password", lang),
    ]
    assert texts(at.main.code) == [t("empty.no_team.command", lang, db=shlex.quote(str(path)))]
    assert "--lead" in at.main.code[0].value and "--name" in at.main.code[0].value
    assert t("empty.no_team.options", lang) in texts(at.main.caption)
    assert t("empty.no_team.oidc", lang) not in texts(at.main.caption)
    assert not at.main.info, "not the usual sign-in prompt"


def test_with_single_sign_on_and_no_team_the_same_words_replace_the_sign_in_button(
    tmp_path, monkeypatch
):
    path = new_database(tmp_path, monkeypatch)
    at = new_app(None, "fr")
    at.secrets["auth"] = OIDC_SECRETS
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert texts(at.sidebar.warning) == [t("empty.no_team.sidebar", "fr")]
    assert not at.sidebar.button, "no organisation sign-in that could bind nobody"
    assert texts(at.main.code) == [t("empty.no_team.command", "fr", db=shlex.quote(str(path)))]
    assert t("empty.no_team.oidc", "fr") in texts(at.main.caption)

    # Signed in at the provider already: the same words, and a way to sign out there.
    at.user = {"is_logged_in": True, "iss": ISSUER, "sub": "x", "email": "lea@example.org"}
    at.run()
    assert texts(at.sidebar.warning) == [t("empty.no_team.sidebar", "fr")]
    assert at.sidebar.button(key="signout").label == t("auth.sign_out", "fr")
    assert texts(at.main.subheader) == [t("empty.no_team.title", "fr")]


def test_the_init_command_shown_creates_the_team_in_the_database_the_app_opened(
    tmp_path, monkeypatch
):
    new_database(tmp_path, monkeypatch)
    at = new_app(None, "en").run()
    command = shlex.split(at.main.code[0].value)
    assert command[:4] == ["python", "-m", "lib", "init"]
    words = {"USERNAME": "lea", "First Last": "Léa Tremblay"}
    monkeypatch.setenv("VIGIE_PASSWORD", "premier-jour-2026")
    assert main([words.get(word, word) for word in command[3:]]) == 0
    at.run()
    assert at.sidebar.text_input(key="signin_username").label == t("auth.username", "en")


def test_a_team_brings_back_the_sign_in_form(tmp_path, monkeypatch):
    new_database(tmp_path, monkeypatch, LEA)
    at = new_app(None, "fr").run()
    assert at.sidebar.text_input(key="signin_username").label == t("auth.username", "fr")
    assert not at.main.code and t("empty.no_team.sidebar", "fr") not in texts(at.sidebar.warning)
