"""The Importer page through app.py's navigation, with real uploads (AppTest's file_uploader).

The importers themselves (every format, all-or-nothing, the fuzz) are tested in
tests/test_importers.py; here: what a person sees at each step.
"""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from lib.db import open_db

APP = str(Path(__file__).resolve().parents[1] / "app.py")
PAGE = "pages/importer.py"
FIXTURES = Path(__file__).parent / "fixtures"
CSV = "platform;external_id;received_at;text;author\n" + "".join(
    f"facebook;page-{n};2026-11-21 10:{n:02d};Bonjour numéro {n} ⚜️;Léa {n}\n" for n in range(30)
)


def importer_page(username="agirard", lang="fr"):
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = lang
    if username:
        at.session_state["username"] = username
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def upload(at, name, content: bytes, mime="text/csv"):
    at.file_uploader(key="import_file").set_value((name, content, mime)).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def comment_count(path) -> int:
    db = open_db(path, migrate=False)
    try:
        return db["comments"].count
    finally:
        db.conn.close()


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_before_sign_in_the_page_shows_its_title_and_a_prompt_only(demo_db_path):
    at = importer_page(None)
    assert at.title[0].value == "Importer des commentaires"
    assert "Connectez-vous" in at.info[0].value
    assert not at.file_uploader and not at.dataframe


def test_without_a_file_the_page_invites_one_and_lists_the_latest_comments(demo_db_path):
    at = importer_page()
    uploader = at.file_uploader(key="import_file")
    assert sorted(uploader.allowed_type) == [".csv", ".json"]
    assert at.selectbox(key="import_format").value == "auto"
    assert "aperçu" in at.info[0].value
    assert not [b for b in at.button if b.key == "import_run"]
    assert len(at.dataframe[0].value) == 20  # the latest comments received


def test_an_uploaded_file_is_previewed_and_nothing_is_imported(demo_db_path):
    before = comment_count(demo_db_path)
    at = upload(importer_page(), "commentaires.csv", CSV.encode("utf-8"))
    assert "30 commentaires lus" in at.success[0].value and "CSV" in at.success[0].value
    head = at.dataframe[0].value
    assert len(head) == 20
    assert head["line"].tolist()[:2] == [2, 3]  # lines as an editor numbers them
    assert head["text"].iloc[0] == "Bonjour numéro 0 ⚜️"
    assert comment_count(demo_db_path) == before


def test_import_then_reimport_reports_added_then_already_present(demo_db_path):
    before = comment_count(demo_db_path)
    at = upload(importer_page(), "commentaires.csv", CSV.encode("utf-8"))
    at.button(key="import_run").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert metrics(at) == {"Ajoutés": "30", "Déjà présents": "0", "Refusés": "0"}
    assert comment_count(demo_db_path) == before + 30
    assert at.dataframe[-1].value["text"].iloc[0].startswith("Bonjour numéro")

    at.button(key="import_run").click().run()
    assert metrics(at) == {"Ajoutés": "0", "Déjà présents": "30", "Refusés": "0"}
    assert comment_count(demo_db_path) == before + 30


def test_a_bad_file_names_its_line_and_field_and_offers_no_import(demo_db_path):
    before = comment_count(demo_db_path)
    bad = CSV.replace("2026-11-21 10:07", "hier matin").encode("utf-8")
    at = upload(importer_page(), "commentaires.csv", bad)
    message = at.error[0].value
    assert "rien n'a été importé" in message
    assert "Ligne 9" in message and "received_at" in message
    assert not [b for b in at.button if b.key == "import_run"]
    assert comment_count(demo_db_path) == before


def test_the_refusal_is_worded_in_english_too(demo_db_path):
    bad = CSV.replace("2026-11-21 10:07", "yesterday").encode("utf-8")
    at = upload(importer_page(lang="en"), "comments.csv", bad)
    assert "nothing was imported" in at.error[0].value and "Line 9" in at.error[0].value


def test_a_platform_json_is_detected_and_imported(demo_db_path):
    raw = (FIXTURES / "youtube_commentthreads.json").read_bytes()
    at = upload(importer_page(), "threads.json", raw, "application/json")
    assert "YouTube" in at.success[0].value
    at.button(key="import_run").click().run()
    assert not at.exception, [e.value for e in at.exception]
    shown = metrics(at)
    assert int(shown["Ajoutés"]) > 0 and shown["Déjà présents"] == "0"


def test_a_format_chosen_by_hand_that_does_not_fit_is_refused(demo_db_path):
    raw = (FIXTURES / "youtube_commentthreads.json").read_bytes()
    at = upload(importer_page(), "threads.json", raw, "application/json")
    at.selectbox(key="import_format").set_value("csv").run()
    assert not at.exception
    assert "rien n'a été importé" in at.error[0].value and "Ligne 1" in at.error[0].value


def test_a_file_with_no_comment_in_the_chosen_format_offers_no_import(demo_db_path):
    raw = (FIXTURES / "youtube_commentthreads.json").read_bytes()
    at = upload(importer_page(lang="en"), "threads.json", raw, "application/json")
    at.selectbox(key="import_format").set_value("x").run()
    assert not at.exception
    assert "No comment found" in at.warning[0].value and "X (API v2)" in at.warning[0].value
    assert not [b for b in at.button if b.key == "import_run"]
