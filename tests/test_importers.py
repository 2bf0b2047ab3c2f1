"""Importers: every format to the ingest frame, errors naming the line, all-or-nothing imports."""

import csv
import io
import json
import sqlite3
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from lib.catalogue import STRINGS
from lib.db import open_db
from lib.importers import (
    ERROR_CODES,
    FRAME_COLUMNS,
    FUTURE_TOLERANCE,
    IMPORT_CHUNK_ROWS,
    JSON_MAX_BYTES,
    MAX_VALUE_CHARS,
    BadImportFile,
    DatabaseBusy,
    ImportSummary,
    detect_format,
    import_file,
    parse,
    read_comments,
)

FIXTURES = Path(__file__).parent / "fixtures"
_JSON_FORMATS = {"facebook", "instagram", "youtube", "x"}
HEADER = "platform;external_id;received_at;text"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


def refused(raw: bytes, filename: str = "f.csv", fmt: str = "auto") -> BadImportFile:
    with pytest.raises(BadImportFile) as caught:
        parse(raw, filename, fmt)
    return caught.value


def dump(db) -> list[str]:
    return list(db.conn.iterdump())


# --- format detection ---------------------------------------------------------


@pytest.mark.parametrize(
    "name, expected",
    [
        ("excel_cp1252_semicolon.csv", "csv"),
        ("utf8_bom_comma.csv", "csv"),
        ("facebook_comments.json", "facebook"),
        ("instagram_comments.json", "instagram"),
        ("youtube_commentthreads.json", "youtube"),
        ("x_tweets.json", "x"),
        ("x_minimal.json", "x"),
        ("instagram_comments_from.json", "instagram"),
        ("facebook_comments_nested.json", "facebook"),
    ],
)
def test_format_is_recognised_from_the_content(name, expected):
    assert detect_format(fixture(name), "whatever.txt") == expected


def test_an_excel_workbook_is_refused_with_advice_to_save_as_csv():
    error = refused(b"PK\x03\x04rest-of-zip", "rapport.xlsx")
    assert "CSV" in error.reason("fr") and "CSV" in error.reason("en")


def test_an_empty_file_is_refused():
    assert "vide" in refused(b"\xef\xbb\xbf \r\n", "vide.csv").reason("fr")


def test_unrecognised_json_says_which_formats_were_tried_and_suggests_choosing_one():
    error = refused(b'{"data": [{"id": "1", "body": "allo"}]}', "a.json")
    assert "non reconnu" in error.reason("fr")
    for tried in ("YouTube", "X API v2", "Instagram", "Facebook", "created_time", "timestamp"):
        assert tried in error.reason("fr") and tried in error.reason("en")
    assert "--format" in error.reason("fr") and "--format" in error.reason("en")


def test_instagram_items_with_from_are_instagram_not_facebook():
    # `from` is {id, username} on Instagram too: the time key decides.
    item = {"id": "1", "from": {"id": "9", "username": "u"}, "timestamp": "2026-11-03T13:00Z"}
    raw = json.dumps({"data": [item]}).encode()
    assert detect_format(raw) == "instagram"
    raw = raw.replace(b'"timestamp"', b'"created_time"')
    assert detect_format(raw) == "facebook"


# --- Vigie's CSV and Excel's ----------------------------------------------------


def test_excel_windows_1252_semicolon_file_keeps_accents_and_line_breaks():
    frame = parse(fixture("excel_cp1252_semicolon.csv"), "export.csv")
    assert list(frame.columns) == list(FRAME_COLUMNS)
    assert frame.index.tolist() == [2, 3, 5, 6, 7]  # the second comment spans lines 3-4
    first, second = frame.iloc[0], frame.iloc[1]
    assert first["text"] == "Bonjour, à quelle heure ouvre le bureau?"
    assert first["author_name"] == "Zoé Tremblay"
    assert first["author_handle"] == "zoe.t"
    assert first["account"] == "MinistereQc"
    assert first["post_ref"] == "post-1"
    assert second["text"] == "Merci pour l'info;\r\nc'est très clair."
    assert frame.iloc[3]["text"] == "« Ça n'a aucun sens »"
    assert frame.iloc[4]["text"] == "Très bon vidéo — merci!"


def test_local_times_on_both_sides_of_the_daylight_saving_changes():
    received = parse(fixture("excel_cp1252_semicolon.csv"), "export.csv")["received_at"]
    assert received.tolist() == [
        utc("2026-03-08 06:45"),  # 1:45 EST, before clocks spring forward
        utc("2026-03-08 07:15"),  # 3:15 EDT, after
        utc("2026-11-01 05:30"),  # 1:30 happens twice: the earlier one, EDT
        utc("2026-11-01 06:30"),  # 1:30 with an explicit -05:00: the later one
        utc("2026-11-02 21:29:59"),
    ]


def test_utf8_with_bom_and_commas_keeps_emoji_and_blank_lines_inside_a_cell():
    frame = parse(fixture("utf8_bom_comma.csv"), "export.csv")
    assert frame.index.tolist() == [2, 3, 7]
    assert frame.iloc[0]["text"] == "Bonne Fête nationale! ⚜️🎉"
    assert frame.iloc[1]["text"] == "Première ligne\nDeuxième ligne\n\nQuatrième, avec une virgule"
    assert frame.iloc[1]["author_name"] == "Li Wei 李伟"
    assert frame.iloc[1]["received_at"] == utc("2026-06-23 14:00")  # 10:00 EDT
    # The importer stores what people wrote; neutralising formulas is the export's job.
    assert frame.iloc[2]["text"] == '=HYPERLINK("http://example.com")'


def test_utf8_without_bom_and_platform_case_and_twitter_alias_are_accepted():
    raw = f"{HEADER}\nFaceBook ; a ;2026-01-05 10:00;é\ntwitter;b;2026-01-05T10:00Z;x\n"
    frame = parse(raw.encode("utf-8"), "f.csv")
    assert frame["platform"].tolist() == ["facebook", "x"]
    assert frame["external_id"].tolist() == ["a", "b"]
    assert frame["text"].tolist() == ["é", "x"]


def test_header_names_are_matched_without_case_or_spaces_and_extra_columns_are_ignored():
    raw = b" Platform ;EXTERNAL_ID;received_at;text;note\nx;1;2026-01-05 10:00;salut;interne\n"
    frame = parse(raw, "f.csv")
    assert frame.iloc[0]["external_id"] == "1"


def test_rows_of_empty_cells_left_by_excel_are_skipped():
    raw = f"{HEADER}\r\nx;1;2026-01-05 10:00;a\r\n;;;\r\n;;;\r\n".encode()
    assert parse(raw, "f.csv").index.tolist() == [2]


def test_excel_times_with_a_one_digit_hour_a_leading_zero_or_a_t_are_the_same_instant():
    rows = ["x;1;2026-11-02 9:05;a", "x;2;2026-11-02 09:05;a", "x;3;2026-11-02T09:05;a"]
    raw = "\n".join([HEADER, *rows, "x;4;2026-11-02 9:05:30;a"]).encode()
    received = parse(raw, "f.csv")["received_at"].tolist()
    assert received == [utc("2026-11-02 14:05")] * 3 + [utc("2026-11-02 14:05:30")]


def test_a_date_without_a_time_is_refused_with_the_format_expected():
    error = refused(f"{HEADER}\nx;1;2026-11-02;a\n".encode())
    assert (error.line, error.field) == (2, "received_at")
    assert "sans heure" in error.reason("fr") and "AAAA-MM-JJ HH:MM" in error.reason("fr")
    assert "without a time" in error.reason("en") and "YYYY-MM-DD HH:MM" in error.reason("en")


def test_received_at_with_offsets_in_several_spellings():
    rows = [
        "x;1;2026-01-05T15:00:00Z;a",
        "x;2;2026-01-05T10:00:00-05:00;a",
        "x;3;2026-01-05 10:00:00-0500;a",
        "x;4;2026-01-05T15:00:00.000+00:00;a",
        "x;5;2026-01-05 10:00;a",
    ]
    raw = "\n".join([HEADER, *rows]).encode()
    assert set(parse(raw, "f.csv")["received_at"]) == {utc("2026-01-05 15:00")}


# --- errors name the line and the field ----------------------------------------


def test_a_nonexistent_local_time_is_refused_with_its_line():
    raw = f"{HEADER}\nx;1;2026-03-08 01:59;a\nx;2;2026-03-08 02:30;b\n".encode()
    error = refused(raw)
    assert (error.line, error.field) == (3, "received_at")
    assert "n'existe pas" in error.reason("fr") and "does not exist" in error.reason("en")


def test_the_line_counts_line_breaks_inside_earlier_cells():
    raw = f'{HEADER}\nx;1;2026-01-05 10:00;"un\ndeux\ntrois"\nx;2;hier;b\n'.encode()
    error = refused(raw)
    assert (error.line, error.field) == (5, "received_at")
    assert str(error).startswith("Ligne 5, champ « received_at » : ")
    assert error.describe("en").startswith("Line 5, field 'received_at': ")


@pytest.mark.parametrize(
    "row, field, words",
    [
        ("myspace;1;2026-01-05 10:00;a", "platform", "inconnue"),
        (" ;1;2026-01-05 10:00;a", "platform", "inconnue"),
        ("x; ;2026-01-05 10:00;a", "external_id", "vide"),
        ("x;1,85E+18;2026-01-05 10:00;a", "external_id", "Excel"),
        ("x;1;05/01/2026 10:00;a", "received_at", "illisibles"),
        ("x;1;2026-01-05;a", "received_at", "sans heure"),
        ("x;1;2026-02-30 10:00;a", "received_at", "illisibles"),
        ("x;1;;a", "received_at", "illisibles"),
    ],
)
def test_a_bad_value_is_refused_naming_its_line_and_field(row, field, words):
    error = refused(f"{HEADER}\nx;0;2026-01-05 09:00;ok\n{row}\n".encode())
    assert (error.line, error.field) == (3, field)
    assert words in error.reason("fr")


def test_the_earliest_problem_is_reported_first():
    raw = f"{HEADER}\nx;1;jamais;a\nmyspace;2;2026-01-05 10:00;b\n".encode()
    assert refused(raw).line == 2


def test_a_duplicate_id_with_other_content_names_both_lines_and_the_field_that_differs():
    raw = f"{HEADER}\nx;1;2026-01-05 10:00;a\nx;2;2026-01-05 10:00;b\nX;1;2026-01-05 10:00;c\n"
    error = refused(raw.encode())
    assert (error.line, error.field) == (4, "external_id")
    assert "ligne 2" in error.reason("fr") and "line 2" in error.reason("en")
    assert "« text » diffère" in error.reason("fr")


def test_an_exact_copy_of_an_earlier_row_is_read_once_and_counted():
    rows = ["x;1;2026-01-05 9:00;a", "x;2;2026-01-05 10:00;b", "X;1;2026-01-05 09:00;a"]
    reading = read_comments("\n".join([HEADER, *rows]).encode(), "f.csv")
    assert reading.frame.index.tolist() == [2, 3]
    assert reading.repeated_rows == 1


def test_the_same_id_on_two_platforms_is_not_a_duplicate():
    raw = f"{HEADER}\nx;1;2026-01-05 10:00;a\nfacebook;1;2026-01-05 10:00;b\n".encode()
    assert len(parse(raw, "f.csv")) == 2


def test_a_missing_required_column_is_named_on_line_1():
    error = refused(b"platform;external_id;text\nx;1;a\n")
    assert (error.line, error.field) == (1, "received_at")


def test_a_repeated_column_is_refused():
    error = refused(f"{HEADER};text\nx;1;2026-01-05 10:00;a;b\n".encode())
    assert (error.line, error.field) == (1, "text")


def test_an_unquoted_separator_in_the_text_is_refused_with_advice():
    error = refused(f"{HEADER}\nx;1;2026-01-05 10:00;a;b\n".encode())
    assert error.line == 2 and "guillemets" in error.reason("fr")


def test_an_unclosed_quote_is_refused_at_the_line_it_opens():
    error = refused(f'{HEADER}\nx;1;2026-01-05 10:00;ok\nx;2;2026-01-05 10:00;"oups\n\n'.encode())
    assert error.line == 3


def test_utf8_with_a_stray_byte_and_no_latin_accent_is_refused_too():
    # Curly quotes from Word are UTF-8 multi-byte characters as much as "é" is.
    raw = f"{HEADER}\nx;1;2026-01-05 10:00;It’s “great”\n".encode() + b"x;2;2026-01-05 10:00;\x92\n"
    assert "encodage" in refused(raw).reason("fr")


def test_a_windows_1252_file_whose_first_accent_is_late_is_read_as_windows_1252():
    raw = f"{HEADER}\nx;1;2026-01-05 10:00;plain\nx;2;2026-01-05 10:00;l’été\n".encode("cp1252")
    assert parse(raw, "f.csv")["text"].tolist() == ["plain", "l’été"]


def test_a_damaged_utf8_file_is_refused_rather_than_garbled():
    raw = f"{HEADER}\nx;1;2026-01-05 10:00;élève\nx;2;2026-01-05 10:00;".encode() + b"\xff\n"
    error = refused(raw)
    assert error.line == 3 and "encodage" in error.reason("fr")


@pytest.mark.parametrize(
    "raw, fmt, code, french, english",
    [
        (
            f"{HEADER}\nx;1;2026-01-05 10:00;a;b\n".encode(),
            "auto",
            "wrong_cell_count",
            "Ligne 2 : 5 cellules au lieu de 4 : un texte contenant le séparateur ou un saut"
            " de ligne doit être entre guillemets.",
            "Line 2: 5 cells instead of 4: text containing the separator or a line break"
            " must be quoted.",
        ),
        (
            b'[{"id": "1"}]',
            "facebook",
            "json_not_object",
            "champ « $ » : le JSON doit être un objet.",
            "field '$': the JSON must be an object.",
        ),
        (
            b"PK\x03\x04rest-of-zip",
            "auto",
            "excel_workbook",
            "c'est un classeur Excel : enregistrez-le en « CSV UTF-8 » puis importez ce fichier.",
            "this is an Excel workbook: save it as 'CSV UTF-8' and import that file.",
        ),
        (
            "\n".join(
                [
                    HEADER,
                    "x;1;2026-01-05 10:00;a",
                    "x;2;2026-01-05 10:00;b",
                    "X;1;2026-01-05 10:00;c",
                ]
            ).encode(),
            "auto",
            "duplicate_id",
            "Ligne 4, champ « external_id » : identifiant « 1 » en double dans le fichier"
            " (déjà à la ligne 2) avec un autre contenu (« text » diffère) :"
            " gardez une seule version.",
            "Line 4, field 'external_id': duplicate id '1' in the file (already on line 2)"
            " with other content ('text' differs): keep one version.",
        ),
    ],
)
def test_a_refusal_says_where_and_why_in_each_language(raw, fmt, code, french, english):
    error = refused(raw, fmt=fmt)
    assert error.code == code
    assert (str(error), error.describe("fr"), error.describe("en")) == (french, french, english)


def test_a_duplicate_whose_first_line_is_unknown_is_said_to_be_above():
    error = BadImportFile(
        "duplicate_id", 4, "external_id", external_id="1", earlier_line=None, source="text"
    )
    assert "(déjà plus haut)" in error.describe("fr")
    assert "(already above)" in error.describe("en")


def test_every_refusal_code_has_its_words_in_french_and_english():
    for code in ERROR_CODES:
        entry = STRINGS[f"import.error.{code}"]
        assert entry.get("fr") and entry.get("en"), code
    in_catalogue = {key for key in STRINGS if key.startswith("import.error.")}
    assert in_catalogue == {f"import.error.{code}" for code in ERROR_CODES}


def test_a_refusal_with_an_unknown_code_cannot_be_built():
    with pytest.raises(ValueError, match="unknown import refusal code") as caught:
        BadImportFile("no_such_refusal", 2, "text")
    assert not isinstance(caught.value, BadImportFile)


def test_a_refusal_without_a_value_its_sentence_needs_cannot_be_built():
    with pytest.raises(KeyError, match="filename"):
        BadImportFile("empty_file")


# --- the platforms' JSON --------------------------------------------------------


def test_facebook_graph_comments():
    frame = parse(fixture("facebook_comments.json"), "comments.json")
    assert frame["platform"].unique().tolist() == ["facebook"]
    first = frame.iloc[0]
    assert first["external_id"] == "123456789012345_1000000000000001"
    assert first["post_ref"] == "123456789012345"
    assert first["author_name"] == "Geneviève Roy"
    assert first["author_handle"] == "10160000000000001"
    assert first["text"] == "Bonjour!\nMon numéro est 514-555-0199, rappelez-moi 🙏"
    assert first["received_at"] == utc("2026-11-02 14:03:11")
    # A comment without "from" (no permission) or "message" (a sticker) is still a comment.
    assert frame.iloc[2]["text"] == "" and pd.isna(frame.iloc[2]["author_name"])
    assert frame.index.tolist() == [3, 12, 21]


def test_instagram_graph_comments():
    frame = parse(fixture("instagram_comments.json"), "ig.json")
    assert frame["platform"].unique().tolist() == ["instagram"]
    assert frame.iloc[1][["external_id", "author_handle", "text"]].tolist() == [
        "17890000000000002",
        "j_gagnon",
        "@ministere où trouver ça?",
    ]
    assert frame.iloc[0]["received_at"] == utc("2026-11-03 13:00")


def test_instagram_comments_with_from_and_nested_replies():
    frame = parse(fixture("instagram_comments_from.json"), "ig.json")
    assert frame["external_id"].tolist() == [
        "17890000000000101",
        "17890000000000102",
        "17890000000000103",
    ]
    assert frame["author_handle"].tolist() == ["sophie.bergeron", "ministere.qc", "k_ouellet"]
    # The reply points at the comment it answers, and starts on its own line.
    assert frame.iloc[1]["post_ref"] == "17890000000000101"
    assert frame.index.tolist() == [3, 13, 25]


def test_facebook_nested_replies_are_imported_after_their_comment():
    frame = parse(fixture("facebook_comments_nested.json"), "fb.json")
    parent = "123456789012345_2000000000000001"
    assert frame["external_id"].str[-1].tolist() == ["1", "2", "3", "4"]
    assert frame["post_ref"].tolist() == [
        "123456789012345",
        parent,
        parent,
        "123456789012345",
    ]
    assert frame.iloc[2]["text"] == "Merci d'avance!"
    assert frame.index.tolist() == [3, 13, 22, 40]


def test_an_error_in_a_nested_reply_names_the_reply_field_and_its_line():
    raw = fixture("facebook_comments_nested.json").replace(
        b'"2026-11-02T14:20:00+0000"', b'"demain"'
    )
    error = refused(raw, "fb.json")
    assert error.field == "data[0].comments.data[1].created_time"
    assert '"demain"' in raw.decode().splitlines()[error.line - 1]


def test_replies_that_are_not_an_object_with_data_are_refused_not_dropped():
    raw = b'{"data": [{"id": "1", "created_time": "2026-11-02T14:00:00+0000", "comments": [1]}]}'
    assert refused(raw, "fb.json").field == "data[0].comments"


def test_minimal_x_tweets_without_authors_are_imported():
    frame = parse(fixture("x_minimal.json"), "x.json")
    assert frame["platform"].unique().tolist() == ["x"]
    assert frame["text"].iloc[1] == "Merci pour la réponse rapide"
    assert frame["author_handle"].isna().all()
    assert frame.iloc[0]["received_at"] == utc("2026-11-05 13:00")


def test_youtube_comment_threads_use_text_original_and_include_replies():
    frame = parse(fixture("youtube_commentthreads.json"), "yt.json")
    assert frame["external_id"].tolist() == ["UgzThread1", "UgzThread1.reply1", "UgzThread2"]
    first = frame.iloc[0]
    # textOriginal as written: no HTML entities, no <br>, nothing decoded by hand.
    assert first["text"] == 'Les R&D <important> "merci"\nSuite'
    assert frame.iloc[1]["text"] == "D'accord avec vous"
    assert first["author_name"] == "Hélène Dubé"
    assert first["author_handle"] == "UChelene"
    assert first["post_ref"] == "dQw4w9WgXcQ"
    assert first["account"] == "UCministere"
    assert first["received_at"] == utc("2026-11-04 15:00")


def test_x_tweets_take_names_from_includes():
    frame = parse(fixture("x_tweets.json"), "x.json")
    first, second = frame.iloc[0], frame.iloc[1]
    assert first[["external_id", "author_name", "author_handle", "post_ref"]].tolist() == [
        "1850000000000000010",
        "Québec Citoyen",
        "qc_citoyen",
        "1850000000000000000",
    ]
    assert first["received_at"] == utc("2026-11-05 14:00")
    # An author missing from includes keeps their id as handle; text stays as the API gave it.
    assert second["author_handle"] == "999" and pd.isna(second["author_name"])
    assert second["text"] == "Merci &amp; bravo"


def test_a_json_error_names_the_line_of_the_bad_field_itself_and_its_path():
    document = json.loads(fixture("x_tweets.json"))
    document["data"][1]["created_at"] = "hier"
    raw = json.dumps(document, indent=2).encode()
    error = refused(raw, "x.json")
    assert error.field == "data[1].created_at"
    assert raw.decode().splitlines()[error.line - 1].strip() == '"created_at": "hier",'
    assert error.line == 16


def test_a_value_of_the_wrong_type_deep_in_an_item_is_located_on_its_own_line():
    raw = fixture("facebook_comments.json").replace(
        b'"id": "10160000000000002"', b'"id": ["10160000000000002"]'
    )
    error = refused(raw, "fb.json")
    assert error.field == "data[1].from.id"
    assert raw.decode().splitlines()[error.line - 1].strip().startswith('"id": [')


def test_a_missing_required_json_field_is_named_by_path_on_the_line_of_its_object():
    raw = b'{"data": [\n{"id": "1", "created_time": "2026-11-02T14:03:11+0000"},\n{"id": "2"}]}'
    error = refused(raw, "fb.json")
    assert (error.line, error.field) == (3, "data[1].created_time")


def test_youtube_without_text_original_is_refused_rather_than_decoding_html():
    document = json.loads(fixture("youtube_commentthreads.json"))
    del document["items"][1]["snippet"]["topLevelComment"]["snippet"]["textOriginal"]
    error = refused(json.dumps(document).encode(), "yt.json")
    assert error.field == "items[1].snippet.topLevelComment.snippet.textOriginal"


def test_invalid_json_names_its_line():
    error = refused(b'{"data": [\n  {"id": "1",\n  "text" "x"}\n]}', "x.json")
    assert error.line == 3 and "JSON" in error.reason("fr")


def test_json_with_no_comments_reads_as_an_empty_frame():
    assert parse(b'{"meta": {"result_count": 0}}', "x.json").empty
    assert parse(b'{"data": [], "paging": {}}', "fb.json").empty


def test_a_format_forced_on_the_wrong_content_is_refused():
    error = refused(fixture("x_tweets.json"), "x.json", fmt="facebook")
    assert error.field == "data[0].created_time"


# --- hostile files: one refusal each, never anything else --------------------------

NOW = pd.Timestamp("2026-11-20 15:00", tz="UTC")  # 10:00 in Québec


@pytest.fixture
def pinned_now(monkeypatch):
    """The importers' present pinned to NOW (lib.times.now_utc, as the table reads it)."""
    monkeypatch.setattr("lib.importers.table.now_utc", lambda: NOW)
    return NOW


def test_a_comment_dated_past_the_clock_skew_tolerance_is_refused_naming_line_and_field(
    pinned_now,
):
    assert pd.Timedelta(minutes=5) == FUTURE_TOLERANCE
    rows = ["x;1;2026-11-20 10:04;dans 4 minutes", "x;2;2026-11-20 10:06;dans 6 minutes"]
    error = refused("\n".join([HEADER, *rows]).encode())
    assert (error.code, error.line, error.field) == ("future_instant", 3, "received_at")
    assert error.describe("fr").startswith(
        "Ligne 3, champ « received_at » : date et heure « 2026-11-20 10:06 » dans le futur,"
        " plus de 5 minutes après l'heure du serveur"
    )
    assert "more than 5 minutes after the server's clock" in error.describe("en")
    assert len(parse("\n".join([HEADER, rows[0]]).encode(), "f.csv")) == 1


def test_a_future_instant_in_json_is_refused_at_its_own_line(pinned_now):
    document = json.loads(fixture("x_tweets.json"))
    document["data"][1]["created_at"] = "2027-01-01T00:00:00.000Z"
    raw = json.dumps(document, indent=2).encode()
    error = refused(raw, "x.json")
    assert (error.code, error.field) == ("future_instant", "data[1].created_at")
    assert '"created_at": "2027-01-01' in raw.decode().splitlines()[error.line - 1]


def test_a_comment_from_the_future_never_reaches_the_database(db):
    raw = f"{HEADER}\nx;1;2026-01-05 10:00;hier\nx;2;2099-01-01 10:00;un jour\n".encode()
    before = dump(db)
    with pytest.raises(BadImportFile, match="dans le futur"):
        import_file(db, raw, "f.csv")
    assert dump(db) == before


def test_an_integer_too_long_for_python_is_refused_naming_its_line_and_field():
    digits = "9" * 5000
    raw = f'{{"data": [\n  {{"id": "1"}},\n  {{"id": {digits},\n "message": "a"}}]}}'.encode()
    error = refused(raw, "fb.json")
    assert (error.code, error.line, error.field) == ("number_too_long", 3, "data[1].id")
    assert error.describe("en") == (
        "Line 3, field 'data[1].id': number of more than 4300 digits:"
        " no API writes one, the file is damaged."
    )
    # As long as Python converts it, a numeric id is read as text, like any other.
    ok = f'{{"data": [{{"id": {"9" * 4300}, "created_time": "2026-11-02T14:03:11+0000"}}]}}'
    assert parse(ok.encode(), "fb.json")["external_id"].tolist() == ["9" * 4300]


@pytest.mark.parametrize("where", ["message", "id", "from.name", "from.id"])
def test_a_lone_surrogate_is_an_invalid_character_named_by_its_field(where):
    item = {"id": "1", "created_time": "2026-11-02T14:03:11+0000", "message": "ok"}
    item["from"] = {"id": "9", "name": "Zoé"}
    if "." in where:
        item["from"][where.split(".")[1]] = "avant \ud800 après"
    else:
        item[where] = "avant \udfff après"
    raw = json.dumps({"data": [{"id": "0", "created_time": "2026-11-02T14:00:00+0000"}, item]})
    error = refused(raw.encode(), "fb.json")
    field = {"from.name": "from.name", "from.id": "from.id"}.get(where, where)
    assert (error.code, error.field) == ("invalid_character", f"data[1].{field}")
    error.describe("fr").encode("utf-8")  # a terminal can print it


def test_a_lone_surrogate_quoted_in_another_refusal_can_still_be_printed():
    raw = json.dumps({"data": [{"id": "1", "created_time": "\ud800 hier"}]}).encode()
    error = refused(raw, "fb.json")
    assert error.describe("fr").encode("utf-8") and error.describe("en").encode("utf-8")


def test_a_value_longer_than_any_platform_allows_is_refused():
    long_text = "a" * (MAX_VALUE_CHARS + 1)
    error = refused(
        f"{HEADER}\nx;1;2026-01-05 10:00;ok\nx;2;2026-01-05 10:00;{long_text}\n".encode()
    )
    assert (error.code, error.line, error.field) == ("value_too_long", 3, "text")
    assert "100000" in error.describe("fr")
    exact = f"{HEADER}\nx;1;2026-01-05 10:00;{'a' * MAX_VALUE_CHARS}\n".encode()
    assert len(parse(exact, "f.csv")) == 1
    # Past the CSV reader's own limit (131,072 characters in one field): the same refusal.
    huge = f'{HEADER}\nx;1;2026-01-05 10:00;"{"b" * 3_000_000}"\n'.encode()
    error = refused(huge)
    assert (error.code, error.line) == ("value_too_long", 2)
    document = {"data": [{"id": "1", "created_time": "2026-11-02T14:03:11+0000"}]}
    document["data"][0]["message"] = long_text
    error = refused(json.dumps(document).encode(), "fb.json")
    assert (error.code, error.field) == ("value_too_long", "data[0].message")


def test_a_hostile_header_line_is_refused_at_once():
    started = time.perf_counter()
    error = refused(b';"' * 500_000 + b"\n")
    assert error.code in ("missing_column", "malformed_csv")
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize("depth", [*range(900, 1000, 7), 5_000, 100_000])
def test_json_nested_near_or_past_the_limit_is_refused_or_read_never_a_crash(depth):
    nested = "[" * depth + "]" * depth
    raw = (
        '{"data": [{"id": "1", "created_time": "2026-11-02T14:03:11+0000", "extra": '
        + nested
        + '}, {"id": 2, "created_time": "hier"}]}'
    ).encode()
    error = refused(raw, "fb.json")
    assert error.code in ("json_too_deep", "bad_instant")


@pytest.mark.parametrize(
    "raw, code",
    [
        (b'{"data": [{"id": NaN, "created_time": "2026-11-02T14:03:11+0000"}]}', "text_expected"),
        (b'{"data": [{"id": "1", "created_time": Infinity}]}', "text_expected"),
        (
            b'{"data": [{"id": 1e999999, "created_time": "2026-11-02T14:03:11+0000"}]}',
            "text_expected",
        ),
        (
            b'{"data": [{"created_time": "2026-11-02T14:03:11+0000", "id": 1.'
            + b"5" * 100_000
            + b"}]}",
            "text_expected",
        ),
        ('{"data": []}'.encode("utf-16"), "json_not_utf8"),
        (b'\xef\xbb\xbf\xef\xbb\xbf{"data": []}', "invalid_json"),
        (b"\x00" * 64, "missing_column"),
        (f"{HEADER}\n".encode("utf-32"), "missing_column"),
    ],
)
def test_odd_numbers_encodings_and_bytes_are_one_refusal_each(raw, code):
    assert refused(raw, "f.dat").code == code


def test_a_json_file_larger_than_json_is_read_whole_is_refused_before_parsing(monkeypatch):
    assert JSON_MAX_BYTES == 20_000_000
    monkeypatch.setattr("lib.importers.reading.JSON_MAX_BYTES", 1_000_000)
    raw = fixture("x_tweets.json")
    big = raw.replace(b'"data"', b'"padding": "' + b"x" * 1_000_000 + b'", "data"', 1)
    for fmt in ("auto", "x"):
        error = refused(big, "x.json", fmt)
        assert error.code == "json_too_large" and "1 MB" in error.describe("en")
    assert detect_format(raw) == "x" and len(parse(raw, "x.json", "x")) > 0


def test_nul_characters_in_a_cell_are_kept_as_they_are(db):
    raw = f"{HEADER}\nx;1;2026-01-05 10:00;avant\0après\n".encode()
    assert import_file(db, raw, "f.csv").added == 1
    assert db.execute("SELECT text FROM comments").fetchone()[0] == "avant\0après"


# --- import: all or nothing, and idempotent --------------------------------------


@pytest.fixture
def db(team_db):
    return team_db


def test_import_stores_every_comment_and_reimport_adds_nothing(db):
    raw = fixture("excel_cp1252_semicolon.csv")
    first = import_file(db, raw, "export.csv")
    assert first == ImportSummary(added=5, already_present=0, format="csv", ambiguous_times=1)
    again = import_file(db, raw, "export.csv")
    assert again == ImportSummary(added=0, already_present=5, format="csv", ambiguous_times=1)
    assert db["comments"].count == 5
    row = db.execute(
        "SELECT text, received_at, status FROM comments WHERE external_id = 'fb-1002'"
    ).fetchone()
    assert row == ("Merci pour l'info;\r\nc'est très clair.", "2026-03-08 07:15:00", "new")


@pytest.mark.parametrize(
    "name, count",
    [
        ("facebook_comments.json", 3),
        ("instagram_comments.json", 2),
        ("youtube_commentthreads.json", 3),
        ("x_tweets.json", 2),
        ("x_minimal.json", 2),
        ("instagram_comments_from.json", 3),
        ("facebook_comments_nested.json", 4),
        ("utf8_bom_comma.csv", 3),
    ],
)
def test_every_fixture_imports_once(db, name, count):
    assert import_file(db, fixture(name), name).added == count
    assert import_file(db, fixture(name), name).already_present == count


def test_a_file_mixing_new_and_known_comments_adds_only_the_new(db):
    import_file(db, f"{HEADER}\nx;1;2026-01-05 10:00;a\n".encode(), "a.csv")
    both = f"{HEADER}\nx;1;2026-01-05 10:00;a\nx;2;2026-01-05 10:00;b\n".encode()
    assert import_file(db, both, "b.csv") == ImportSummary(1, 1, "csv")


def test_identical_duplicate_rows_count_as_already_present(db):
    rows = ["x;1;2026-01-05 10:00;a", "x;2;2026-01-05 10:00;b", "x;1;2026-01-05 10:00;a"]
    summary = import_file(db, "\n".join([HEADER, *rows]).encode(), "f.csv")
    assert (summary.added, summary.already_present) == (2, 1)
    assert db["comments"].count == 2


def test_ambiguous_local_times_of_the_fall_back_hour_are_counted_and_read_as_daylight_time(db):
    rows = [
        "x;1;2026-11-01 00:59;a",
        "x;2;2026-11-01 01:00;b",
        "x;3;2026-11-01 1:59;c",
        "x;4;2026-11-01 01:30-05:00;d",  # an offset says which 1:30: not ambiguous
        "x;5;2026-11-01 02:00;e",
    ]
    raw = "\n".join([HEADER, *rows]).encode()
    reading = read_comments(raw, "f.csv")
    assert reading.ambiguous_times == 2
    assert reading.frame["received_at"].tolist() == [
        utc("2026-11-01 04:59"),
        utc("2026-11-01 05:00"),  # 1:00 EDT, the first time round
        utc("2026-11-01 05:59"),
        utc("2026-11-01 06:30"),
        utc("2026-11-01 07:00"),
    ]
    assert import_file(db, raw, "f.csv").ambiguous_times == 2


def test_a_bad_file_changes_nothing(db):
    import_file(db, fixture("x_tweets.json"), "x.json")
    before = dump(db)
    raw = f"{HEADER}\nx;10;2026-01-05 10:00;a\nx;11;2026-03-08 02:30;b\n".encode()
    with pytest.raises(BadImportFile):
        import_file(db, raw, "bad.csv")
    assert dump(db) == before


def test_a_failure_while_inserting_rolls_everything_back(db, monkeypatch):
    import lib.ingest

    real = lib.ingest.store_comments

    def insert_then_fail(db, parts, **options):
        real(db, parts, **options)
        raise RuntimeError("disk full")

    monkeypatch.setattr(lib.ingest, "store_comments", insert_then_fail)
    before = dump(db)
    with pytest.raises(RuntimeError):
        import_file(db, fixture("facebook_comments.json"), "fb.json")
    assert dump(db) == before


def test_progress_is_reported_up_to_the_total(db):
    seen = []
    import_file(
        db,
        fixture("utf8_bom_comma.csv"),
        "f.csv",
        progress=lambda done, total: seen.append((done, total)),
        phase=seen.append,
    )
    assert seen == ["reading", "analysing", (0, 3), (3, 3), "writing", (0, 3), (3, 3)]


def test_progress_is_reported_after_each_chunk_analysed_not_after_the_whole_file(db, monkeypatch):
    import lib.ingest

    # lib.ingest imports analyse_many by name: stand in for it where it is looked up.
    real, events = lib.ingest.analyse_many, []

    def analyse_many(texts):
        events.append(("analysed", len(texts)))
        return real(texts)

    monkeypatch.setattr(lib.ingest, "analyse_many", analyse_many)
    chunk = IMPORT_CHUNK_ROWS
    total = 2 * chunk + 500
    rows = [f"x;{n};2026-01-05 10:00;commentaire {n}" for n in range(total)]
    raw = "\n".join([HEADER, *rows]).encode()
    summary = import_file(
        db,
        raw,
        "f.csv",
        progress=lambda done, total: events.append((done, total)),
        phase=events.append,
    )
    assert summary.added == total
    assert events == [
        "reading",
        "analysing",
        (0, total),
        ("analysed", chunk),
        (chunk, total),
        ("analysed", chunk),
        (2 * chunk, total),
        ("analysed", 500),
        (total, total),
        "writing",
        (0, total),
        (chunk, total),
        (2 * chunk, total),
        (total, total),
    ]


def test_a_failure_in_a_late_chunk_rolls_back_the_earlier_chunks(db, monkeypatch):
    import lib.ingest

    real, calls = lib.ingest.insert_rows, []

    def fail_on_third_chunk(db, table, rows, **options):
        calls.append(len(rows))
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return real(db, table, rows, **options)

    monkeypatch.setattr(lib.ingest, "insert_rows", fail_on_third_chunk)
    before = dump(db)
    chunk = IMPORT_CHUNK_ROWS
    rows = [f"x;{n};2026-01-05 10:00;commentaire {n}" for n in range(2 * chunk + 1000)]
    with pytest.raises(RuntimeError):
        import_file(db, "\n".join([HEADER, *rows]).encode(), "f.csv")
    assert calls == [chunk, chunk, 1000] and dump(db) == before


# --- the write lock: taken for the writes only ----------------------------------


def analysing_then(db, action, rows: int = 4500):
    """Import `rows` comments, calling `action()` once, while they are being analysed."""
    raw = "\n".join([HEADER, *(f"x;{n};2026-01-05 10:00;mot {n}" for n in range(rows))])
    seen = {"phase": None, "acted": False}

    def progress(done, total):
        if seen["phase"] == "analysing" and done and not seen["acted"]:
            seen["acted"] = True
            action()

    summary = import_file(
        db, raw.encode(), "f.csv", progress=progress, phase=lambda p: seen.update(phase=p)
    )
    assert seen["acted"]
    return summary


def test_colleagues_can_write_while_an_import_analyses(db):
    path = db.conn.execute("PRAGMA database_list").fetchone()[2]
    import_file(db, f"{HEADER}\nother;seed;2026-01-05 10:00;déjà là\n".encode(), "seed.csv")

    def colleague_writes():
        # No waiting at all: the import must hold no lock while it analyses.
        colleague = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            colleague.execute("BEGIN IMMEDIATE")
            colleague.execute("UPDATE comments SET assignee = 'agirard' WHERE external_id = 'seed'")
            colleague.execute("COMMIT")
        finally:
            colleague.close()

    assert analysing_then(db, colleague_writes).added == 4500
    assert db.execute("SELECT assignee FROM comments WHERE external_id = 'seed'").fetchone() == (
        "agirard",
    )


def test_a_comment_stored_by_someone_else_during_the_analysis_counts_as_already_present(
    db, tmp_path
):
    path = db.conn.execute("PRAGMA database_list").fetchone()[2]

    def colleague_imports():
        with open_db(path) as other:
            import_file(other, f"{HEADER}\nx;7;2026-01-05 10:00;mot 7\n".encode(), "seven.csv")

    summary = analysing_then(db, colleague_imports)
    assert (summary.added, summary.already_present) == (4499, 1)
    assert db["comments"].count == 4500


def test_a_database_busy_past_the_timeout_is_said_without_sqlite3(db):
    path = db.conn.execute("PRAGMA database_list").fetchone()[2]
    db.execute("PRAGMA busy_timeout = 100")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseBusy, match="locked"):
            import_file(db, fixture("x_tweets.json"), "x.json")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert db["comments"].count == 0
    assert import_file(db, fixture("x_tweets.json"), "x.json").added > 0


# --- fuzz: whatever the bytes, a clear refusal and an untouched database ----------

VALID_CSV = (
    f"{HEADER};author\r\n"
    "facebook;1;2026-03-08 01:45;Allô;Zoé\r\n"
    'x;2;2026-11-01T01:30:00-05:00;"deux\nlignes";Bob\r\n'
).encode()


def mutations(seed: bytes):
    """Valid-looking files with one edit: the bugs hide near valid input."""
    return st.one_of(
        st.binary(max_size=300),
        st.tuples(st.integers(0, len(seed)), st.binary(min_size=1, max_size=8)).map(
            lambda edit: seed[: edit[0]] + edit[1] + seed[edit[0] :]
        ),
        st.tuples(st.integers(0, len(seed)), st.integers(1, 12)).map(
            lambda cut: seed[: cut[0]] + seed[cut[0] + cut[1] :]
        ),
        st.integers(0, len(seed)).map(lambda n: seed[:n]),
    )


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


@st.composite
def damaged_json(draw):
    """A platform fixture with one value replaced somewhere in its items."""
    name = draw(st.sampled_from(sorted(p.name for p in FIXTURES.glob("*.json"))))
    document = json.loads(fixture(name))
    key = "items" if "items" in document else "data"
    items = document[key]
    target = items[draw(st.integers(0, len(items) - 1))]
    while isinstance(target, dict) and target and draw(st.booleans()):
        inner = target[draw(st.sampled_from(sorted(target)))]
        if not isinstance(inner, dict) or not inner:
            break
        target = inner
    if isinstance(target, dict) and target:
        target[draw(st.sampled_from(sorted(target)))] = draw(JSON_VALUES)
    return json.dumps(document, ensure_ascii=draw(st.booleans())).encode()


def assert_refused_cleanly_or_imported(db, raw: bytes, fmt: str = "auto") -> None:
    """One database for all of a test's examples: a refusal must leave it byte for byte."""
    before, count = dump(db), db["comments"].count
    try:
        summary = import_file(db, raw, "fuzz.dat", fmt=fmt)
    except BadImportFile as error:
        event(f"refused: {error.code}")
        assert error.reason("fr") and error.reason("en")
        assert dump(db) == before
    else:
        event("imported")
        assert db["comments"].count == count + summary.added


@pytest.fixture
def seeded(tmp_path):
    with open_db(tmp_path / "fuzz.db") as db:
        import_file(db, f"{HEADER}\nother;seed;2026-01-05 10:00;déjà là\n".encode(), "seed.csv")
        yield db


FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@FUZZ
@given(raw=mutations(VALID_CSV))
def test_fuzz_csv_ends_in_a_refusal_or_a_clean_import(seeded, raw):
    assert_refused_cleanly_or_imported(seeded, raw)


@FUZZ
@given(raw=st.one_of(damaged_json(), mutations(fixture("x_tweets.json"))))
def test_fuzz_json_ends_in_a_refusal_or_a_clean_import(seeded, raw):
    assert_refused_cleanly_or_imported(seeded, raw)


@FUZZ
@given(raw=st.binary(max_size=200), fmt=st.sampled_from(["csv", *sorted(_JSON_FORMATS)]))
def test_fuzz_any_bytes_in_any_forced_format(seeded, raw, fmt):
    assert_refused_cleanly_or_imported(seeded, raw, fmt)


# Leaves a hostile file may hold: integers past Python's conversion limit (placed in
# the text afterwards, json.dumps cannot write them), NaN and infinities, lone
# surrogates, control characters, quotes and separators.
BIG = "__BIG_INTEGER__"
HOSTILE_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.just(BIG)
    | st.text(st.characters(codec=None), max_size=12)
)
HOSTILE_JSON = st.recursive(
    HOSTILE_LEAVES,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)


@st.composite
def hostile_json(draw):
    """A platform-shaped document (or anything) with hostile values, as JSON text."""
    item = draw(
        st.fixed_dictionaries(
            {},
            optional={
                key: HOSTILE_JSON
                for key in (
                    "id",
                    "created_time",
                    "created_at",
                    "timestamp",
                    "message",
                    "text",
                    "from",
                    "comments",
                    "replies",
                    "snippet",
                )
            },
        )
    )
    document = draw(
        st.sampled_from(
            [{"data": [item]}, {"items": [item]}, {"kind": "youtube#x", "items": [item]}, item]
        )
        | HOSTILE_JSON
    )
    text = json.dumps(document, ensure_ascii=draw(st.booleans()), allow_nan=True)
    digits = "9" * draw(st.sampled_from([4300, 4301, 10_000]))
    text = text.replace(f'"{BIG}"', draw(st.sampled_from([digits, f"-{digits}", "1e99999"])))
    return text.encode("utf-8", errors="surrogatepass")


@st.composite
def hostile_csv(draw):
    """Vigie's header and rows of hostile cells, in one of the encodings Excel writes."""
    delimiter = draw(st.sampled_from([";", ",", "\t"]))
    cell = st.text(st.characters(codec=None), max_size=20)
    row = st.tuples(
        st.sampled_from(["facebook", " X ", "twitter", "youtube"]) | cell,
        st.sampled_from(["1", "2", "1,23E+17", " "]) | cell,
        st.sampled_from(
            ["2026-11-02 9:05", "2026-03-08 2:30", "2099-01-01 10:00", "2026-11-01T01:30:00-05:00"]
        )
        | cell,
        cell | st.sampled_from(["=1+1", "\0", '"', "\r\n"]),
    )
    rows = draw(st.lists(row, max_size=6))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(["platform", "external_id", "received_at", "text"])
    writer.writerows(rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    errors = (
        "replace" if encoding == "cp1252" else draw(st.sampled_from(["surrogatepass", "replace"]))
    )
    return out.getvalue().encode(encoding, errors=errors)


def read_refused_or_read(raw: bytes, fmt: str = "auto") -> None:
    """The reader gives comments or its own refusal, worded in both languages; nothing else."""
    try:
        reading = read_comments(raw, "hostile.dat", fmt)
    except BadImportFile as error:
        event(f"refused: {error.code}")
        error.describe("fr").encode("utf-8")
        error.describe("en").encode("utf-8")
    else:
        event("read")
        assert list(reading.frame.columns) == list(FRAME_COLUMNS)


@FUZZ
@given(raw=hostile_json(), fmt=st.sampled_from(["auto", *sorted(_JSON_FORMATS)]))
def test_fuzz_hostile_json_is_read_or_refused_never_anything_else(raw, fmt):
    read_refused_or_read(raw, fmt)


@FUZZ
@given(raw=hostile_csv())
def test_fuzz_hostile_csv_is_read_or_refused_never_anything_else(raw):
    read_refused_or_read(raw)


@FUZZ
@given(raw=st.binary(max_size=2_000), fmt=st.sampled_from(["auto", "csv", *sorted(_JSON_FORMATS)]))
def test_fuzz_random_bytes_are_read_or_refused_never_anything_else(raw, fmt):
    read_refused_or_read(raw, fmt)
