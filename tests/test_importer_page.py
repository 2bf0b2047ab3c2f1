"""The Importer page through app.py's navigation, with real uploads (AppTest's file_uploader).

The importers themselves (every format, all-or-nothing, the fuzz) are tested in
tests/test_importers.py; here: what a person sees at each step.
"""

import ast
import sqlite3
import tomllib
from pathlib import Path

from lib.db import open_db
from tests.conftest import open_app

PAGE = "pages/importer.py"
FIXTURES = Path(__file__).parent / "fixtures"
CSV = "platform;external_id;received_at;text;author\n" + "".join(
    f"facebook;page-{n};2026-11-21 10:{n:02d};Bonjour numéro {n} ⚜️;Léa {n}\n" for n in range(30)
)


def importer_page(username="agirard", lang="fr"):
    return open_app(PAGE, username, lang)


def upload(at, name, content: bytes, mime="text/csv"):
    at.file_uploader(key="import_file").set_value((name, content, mime)).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def comment_count(path) -> int:
    with open_db(path, migrate=False) as db:
        return db["comments"].count


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_before_sign_in_the_page_shows_its_title_and_a_prompt_only(demo_db_path):
    at = importer_page(None)
    assert at.title[0].value == "Importer"  # the navigation's title: the page did not run
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
    assert metrics(at) == {"Ajoutés": "30", "Déjà présents": "0"}
    assert comment_count(demo_db_path) == before + 30
    assert at.dataframe[-1].value["text"].iloc[0].startswith("Bonjour numéro")

    at.button(key="import_run").click().run()
    assert metrics(at) == {"Ajoutés": "0", "Déjà présents": "30"}
    assert comment_count(demo_db_path) == before + 30


def test_the_summary_stays_visible_after_the_import(demo_db_path):
    at = upload(importer_page(), "commentaires.csv", CSV.encode("utf-8"))
    at.button(key="import_run").click().run()
    at.selectbox(key="import_format").set_value("x").run()  # any later interaction
    assert metrics(at) == {"Ajoutés": "30", "Déjà présents": "0"}
    at.file_uploader(key="import_file").clear().run()
    assert not at.exception, [e.value for e in at.exception]
    assert metrics(at) == {"Ajoutés": "30", "Déjà présents": "0"}
    assert any("commentaires.csv" in s.value for s in at.success)


def test_identical_repeated_rows_and_ambiguous_times_are_announced_then_counted(demo_db_path):
    rows = CSV + "facebook;page-0;2026-11-21 10:00;Bonjour numéro 0 ⚜️;Léa 0\n"
    rows += "facebook;nuit;2026-11-01 01:30;Encore debout;Noctambule\n"
    at = upload(importer_page(), "commentaires.csv", rows.encode("utf-8"))
    assert "31 commentaires lus" in at.success[0].value
    assert "1 lignes sont la copie exacte" in at.info[0].value
    assert at.warning[0].value.startswith("1 heures sans décalage")
    at.button(key="import_run").click().run()
    assert metrics(at) == {"Ajoutés": "31", "Déjà présents": "1"}
    assert any("heure avancée" in w.value for w in at.warning)


def test_the_file_help_lists_the_formats_the_required_columns_and_the_date_format(demo_db_path):
    help_text = importer_page().file_uploader(key="import_file").help
    for words in ("CSV", "Windows-1252", "Facebook", "Instagram", "YouTube", "X v2"):
        assert words in help_text
    for column in ("platform", "external_id", "received_at", "text"):
        assert f"`{column}`" in help_text
    assert "AAAA-MM-JJ HH:MM" in help_text and "sans heure" in help_text


def test_a_locked_database_is_one_clear_line_not_a_traceback(demo_db_path, monkeypatch):
    monkeypatch.setattr("lib.db.BUSY_TIMEOUT_SECONDS", 0.2)
    before = comment_count(demo_db_path)
    at = upload(importer_page(), "commentaires.csv", CSV.encode("utf-8"))
    holder = sqlite3.connect(demo_db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # someone else is writing
    try:
        at.button(key="import_run").click().run()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not at.exception, [e.value for e in at.exception]
    [error] = at.error
    assert "rien n'a été importé" in error.value and "occupée" in error.value
    assert "\n" not in error.value and "Traceback" not in error.value
    assert not metrics(at) and comment_count(demo_db_path) == before


def test_the_page_knows_a_busy_database_through_lib_not_sqlite3():
    tree = ast.parse((Path(__file__).resolve().parents[1] / PAGE).read_text(encoding="utf-8"))
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert "sqlite3" not in imported and "lib.importers" in imported


def test_the_upload_limit_is_the_servers_and_the_page_says_it(demo_db_path):
    config = Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml"
    config = tomllib.loads(config.read_text(encoding="utf-8"))
    limit = config["server"]["maxUploadSize"]
    assert limit == 50
    captions = [c.value for c in importer_page().caption]
    said = f"Taille maximale : {limit} Mo par fichier (20 Mo pour un JSON)"
    assert any(said in c for c in captions), captions
    captions = [c.value for c in importer_page(lang="en").caption]
    said = f"Maximum size: {limit} MB per file (20 MB for a JSON file)"
    assert any(said in c for c in captions), captions


def test_an_unexpected_error_is_one_line_naming_it(demo_db_path, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("disque plein\ndétails internes")

    monkeypatch.setattr("lib.importers.import_file", fail)
    at = upload(importer_page(lang="en"), "comments.csv", CSV.encode("utf-8"))
    at.button(key="import_run").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.error[0].value == (
        "The import failed, nothing was imported: RuntimeError: disque plein"
    )


def test_a_bad_file_names_its_line_and_field_and_offers_no_import(demo_db_path):
    before = comment_count(demo_db_path)
    bad = CSV.replace("2026-11-21 10:07", "hier matin").encode("utf-8")
    at = upload(importer_page(), "commentaires.csv", bad)
    message = at.error[0].value
    assert message.startswith(
        "Fichier refusé, rien n'a été importé. Ligne 9, champ « received_at »"
    )
    assert len(at.error) == 1 and not metrics(at)
    assert not [b for b in at.button if b.key == "import_run"]
    assert comment_count(demo_db_path) == before


def test_what_a_file_brings_is_shown_as_typed_not_as_markdown(demo_db_path):
    image = "![pixel](http://tracker.example/p.png)"
    bad = CSV.replace("facebook;page-7;", f"{image};page-7;").encode("utf-8")
    at = upload(importer_page(), "commentaires.csv", bad)
    assert "« \\!\\[pixel\\]\\(http\\://tracker.example/p.png\\) »" in at.error[0].value
    named = upload(importer_page(), "[lien](javascript:alert(1)).csv", CSV.encode("utf-8"))
    named.button(key="import_run").click().run()
    assert "\\[lien\\]\\(javascript\\:alert\\(1\\)\\).csv" in named.success[-1].value


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


def test_a_conflicting_duplicate_is_refused_naming_both_lines(demo_db_path):
    bad = CSV + "facebook;page-3;2026-11-21 10:03;Autre texte;Léa 3\n"
    at = upload(importer_page(), "commentaires.csv", bad.encode("utf-8"))
    message = at.error[0].value
    assert "rien n'a été importé" in message and "Ligne 32" in message
    assert "ligne 5" in message and "external_id" in message


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
