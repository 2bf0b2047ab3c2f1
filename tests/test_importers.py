"""Importers: every format to the ingest frame, errors naming the line, all-or-nothing imports."""

import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from lib.db import open_db
from lib.importers import (
    FRAME_COLUMNS,
    BadImportFile,
    ImportSummary,
    detect_format,
    import_file,
    parse,
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
    ],
)
def test_format_is_recognised_from_the_content(name, expected):
    assert detect_format(fixture(name), "whatever.txt") == expected


def test_an_excel_workbook_is_refused_with_advice_to_save_as_csv():
    error = refused(b"PK\x03\x04rest-of-zip", "rapport.xlsx")
    assert "CSV" in error.message and "CSV" in error.message_en


def test_an_empty_file_is_refused():
    assert "vide" in refused(b"\xef\xbb\xbf \r\n", "vide.csv").message


def test_unrecognised_json_is_refused():
    assert "non reconnu" in refused(b'{"hello": "world"}', "a.json").message


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
    assert "n'existe pas" in error.message and "does not exist" in error.message_en


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
        ("x;1;2026-01-05;a", "received_at", "illisibles"),
        ("x;1;2026-02-30 10:00;a", "received_at", "illisibles"),
        ("x;1;;a", "received_at", "illisibles"),
    ],
)
def test_a_bad_value_is_refused_naming_its_line_and_field(row, field, words):
    error = refused(f"{HEADER}\nx;0;2026-01-05 09:00;ok\n{row}\n".encode())
    assert (error.line, error.field) == (3, field)
    assert words in error.message


def test_the_earliest_problem_is_reported_first():
    raw = f"{HEADER}\nx;1;jamais;a\nmyspace;2;2026-01-05 10:00;b\n".encode()
    assert refused(raw).line == 2


def test_a_duplicate_id_within_the_file_names_both_lines():
    raw = f"{HEADER}\nx;1;2026-01-05 10:00;a\nx;2;2026-01-05 10:00;b\nX;1;2026-01-05 11:00;c\n"
    error = refused(raw.encode())
    assert (error.line, error.field) == (4, "external_id")
    assert "ligne 2" in error.message and "line 2" in error.message_en


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
    assert error.line == 2 and "guillemets" in error.message


def test_an_unclosed_quote_is_refused_at_the_line_it_opens():
    error = refused(f'{HEADER}\nx;1;2026-01-05 10:00;ok\nx;2;2026-01-05 10:00;"oups\n\n'.encode())
    assert error.line == 3


def test_a_damaged_utf8_file_is_refused_rather_than_garbled():
    raw = f"{HEADER}\nx;1;2026-01-05 10:00;élève\nx;2;2026-01-05 10:00;".encode() + b"\xff\n"
    error = refused(raw)
    assert error.line == 3 and "encodage" in error.message


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


def test_a_json_error_names_the_item_line_and_path():
    document = json.loads(fixture("x_tweets.json"))
    document["data"][1]["created_at"] = "hier"
    raw = json.dumps(document, indent=2).encode()
    error = refused(raw, "x.json")
    assert error.field == "data[1].created_at"
    assert raw.decode().splitlines()[error.line - 1].strip() == "{"
    assert error.line == 13


def test_a_missing_required_json_field_is_named_by_path():
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
    assert error.line == 3 and "JSON" in error.message


def test_json_with_no_comments_reads_as_an_empty_frame():
    assert parse(b'{"meta": {"result_count": 0}}', "x.json").empty
    assert parse(b'{"data": [], "paging": {}}', "fb.json").empty


def test_a_format_forced_on_the_wrong_content_is_refused():
    error = refused(fixture("x_tweets.json"), "x.json", fmt="facebook")
    assert error.field == "data[0].created_time"


# --- import: all or nothing, and idempotent --------------------------------------


@pytest.fixture
def db(tmp_path):
    return open_db(tmp_path / "vigie.db")


def test_import_stores_every_comment_and_reimport_adds_nothing(db):
    raw = fixture("excel_cp1252_semicolon.csv")
    first = import_file(db, raw, "export.csv")
    assert first == ImportSummary(added=5, already_present=0, refused=0, format="csv")
    again = import_file(db, raw, "export.csv")
    assert again == ImportSummary(added=0, already_present=5, refused=0, format="csv")
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
        ("utf8_bom_comma.csv", 3),
    ],
)
def test_every_fixture_imports_once(db, name, count):
    assert import_file(db, fixture(name), name).added == count
    assert import_file(db, fixture(name), name).already_present == count


def test_a_file_mixing_new_and_known_comments_adds_only_the_new(db):
    import_file(db, f"{HEADER}\nx;1;2026-01-05 10:00;a\n".encode(), "a.csv")
    both = f"{HEADER}\nx;1;2026-01-05 10:00;a\nx;2;2026-01-05 10:00;b\n".encode()
    assert import_file(db, both, "b.csv") == ImportSummary(1, 1, 0, "csv")


def test_a_bad_file_changes_nothing(db):
    import_file(db, fixture("x_tweets.json"), "x.json")
    before = dump(db)
    raw = f"{HEADER}\nx;10;2026-01-05 10:00;a\nx;11;2026-03-08 02:30;b\n".encode()
    with pytest.raises(BadImportFile):
        import_file(db, raw, "bad.csv")
    assert dump(db) == before


def test_a_failure_while_inserting_rolls_everything_back(db, monkeypatch):
    import lib.ingest

    real = lib.ingest.insert_comments

    def insert_then_fail(db, frame, progress=None):
        real(db, frame, progress)
        raise RuntimeError("disk full")

    monkeypatch.setattr(lib.ingest, "insert_comments", insert_then_fail)
    before = dump(db)
    with pytest.raises(RuntimeError):
        import_file(db, fixture("facebook_comments.json"), "fb.json")
    assert dump(db) == before


def test_progress_is_reported_up_to_the_total(db):
    seen = []
    import_file(
        db, fixture("utf8_bom_comma.csv"), "f.csv", progress=lambda d, t: seen.append((d, t))
    )
    assert seen[-1] == (3, 3)


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
        event(f"refused: {error.message_en.split(' (')[0][:40]}")
        assert error.message and error.message_en
        assert dump(db) == before
    else:
        event("imported")
        assert db["comments"].count == count + summary.added


@pytest.fixture
def seeded(tmp_path):
    db = open_db(tmp_path / "fuzz.db")
    import_file(db, f"{HEADER}\nother;seed;2026-01-05 10:00;déjà là\n".encode(), "seed.csv")
    return db


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
