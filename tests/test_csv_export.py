"""The one CSV writer: Excel-ready bytes that read back to the same data, formulas neutralised."""

import csv
import io
import unicodedata

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.csv_export import (
    FORMULA_TRIGGERS,
    local_minutes,
    neutralise_formulas,
    to_csv_bytes,
    write_csv,
)

# What a reader cannot see before a cell's first character, and the signs a
# spreadsheet may run: ASCII and their full-width forms.
INVISIBLE = [" ", "\u00a0", "\u2007", "\u202f", "\u3000", "\u200b", "\u200d", "\u2060", "\ufeff"]
INVISIBLE += ["\u200e", "\u2028", "\x0b", "\x1f", "\x7f", "\t", "\r", "\n", "\0"]
SIGNS = ["=", "+", "-", "@", "＝", "＋", "－", "＠"]


def read_back(data: bytes, delimiter: str = ";") -> pd.DataFrame:
    decimal = "," if delimiter == ";" else "."
    return pd.read_csv(
        io.BytesIO(data),
        sep=delimiter,
        decimal=decimal,
        encoding="utf-8-sig",
        keep_default_na=False,
        na_values=[""],
        dtype={"text": str},
    )


def test_bytes_start_with_a_bom_and_use_semicolons_and_decimal_commas():
    data = to_csv_bytes(pd.DataFrame({"a": [1.5], "b": ["x"]}))
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig") == "a;b\r\n1,5;x\r\n"


def test_comma_delimiter_gives_a_decimal_point():
    data = to_csv_bytes(pd.DataFrame({"a": [1.5], "b": ["x"]}), delimiter=",")
    assert data.decode("utf-8-sig") == "a,b\r\n1.5,x\r\n"


def test_an_unknown_delimiter_is_a_programming_error():
    with pytest.raises(ValueError):
        to_csv_bytes(pd.DataFrame({"a": [1]}), delimiter="|")


def test_instants_are_written_in_quebec_local_time_to_the_minute():
    instants = pd.Series(
        pd.to_datetime(
            [
                "2026-03-08 06:59:59",  # 1:59 EST, the last minute before spring forward
                "2026-03-08 07:00:00",  # 3:00 EDT
                "2026-11-01 05:30:00",  # 1:30 EDT, the first of two
                "2026-11-01 06:30:00",  # 1:30 EST, the second
                None,
            ],
            utc=True,
        )
    )
    assert local_minutes(instants).tolist() == [
        "2026-03-08 01:59",
        "2026-03-08 03:00",
        "2026-11-01 01:30",
        "2026-11-01 01:30",
        None,
    ]
    text = to_csv_bytes(pd.DataFrame({"n": range(5), "at": instants})).decode("utf-8-sig")
    assert text.splitlines()[1:] == [
        f"{n};{t or ''}" for n, t in enumerate(local_minutes(instants))
    ]


def test_naive_instants_mean_utc():
    naive = pd.DataFrame({"at": pd.to_datetime(["2026-07-01 12:00"])})
    assert to_csv_bytes(naive).decode("utf-8-sig").splitlines()[1] == "2026-07-01 08:00"


@pytest.mark.parametrize("trigger", FORMULA_TRIGGERS)
def test_text_cells_that_could_run_as_formulas_get_an_apostrophe(trigger):
    frame = pd.DataFrame({"text": [f"{trigger}cmd|' /C calc'!A0", "ok"]})
    back = read_back(to_csv_bytes(frame))
    assert back["text"].tolist() == [f"'{trigger}cmd|' /C calc'!A0", "ok"]


@pytest.mark.parametrize(
    "cell",
    [
        " =1+1",
        "   +33 6 12 34 56 78",
        '\u00a0=HYPERLINK("http://evil.example")',
        "\u200b@SUM(A1:A9)",
        "\ufeff-2+3",
        "\u3000=1",
        "＝1+1",
        "＋1",
        "－1",
        "＠SUM(A1)",
        " \u200b\ufeff ＝cmd",
        "\x0b=1",
    ],
)
def test_a_formula_behind_spaces_or_invisible_characters_or_in_full_width_is_neutralised(cell):
    back = read_back(to_csv_bytes(pd.DataFrame({"text": [cell, "ok"]})))
    assert back["text"].tolist() == [f"'{cell}", "ok"]


def test_spaces_before_ordinary_text_are_left_alone():
    cells = [" bonjour", "\u00a0Merci", "\u200bÀ demain", "\ufeff1 800", " 'déjà' "]
    lines = to_csv_bytes(pd.DataFrame({"text": cells})).decode("utf-8-sig").split("\r\n")
    assert lines[1:-1] == cells


def test_formula_characters_inside_a_cell_and_real_numbers_are_left_alone():
    frame = pd.DataFrame(
        {
            "text": ["a = b + c", "Écrivez @moi", "1-800"],
            "delta": [-5, 3, -1],
            "pct": [-12.5, 0.0, 100.0],
            "mixed": pd.Series([-2, "-2", "=SUM(A1)"], dtype=object),
        }
    )
    lines = to_csv_bytes(frame).decode("utf-8-sig").splitlines()
    assert lines[1:] == [
        "a = b + c;-5;-12,5;-2",
        "Écrivez @moi;3;0,0;'-2",
        "1-800;-1;100,0;'=SUM(A1)",
    ]


def test_missing_values_are_empty_cells():
    frame = pd.DataFrame(
        {
            "n": pd.array([1, None], dtype="Int64"),
            "x": [np.nan, 2.5],
            "s": ["a", None],
        }
    )
    assert to_csv_bytes(frame).decode("utf-8-sig").splitlines()[1:] == ["1;;a", ";2,5;"]


def test_accents_emoji_quotes_and_line_breaks_survive_the_round_trip():
    texts = ["Élève à l'école", "Bravo 🎉⚜️", 'Il a dit "non"; puis, rien', "un\ndeux\r\ntrois"]
    frame = pd.DataFrame({"text": texts, "score": [1.25, 2.5, 3.0, 4.75]})
    back = read_back(to_csv_bytes(frame))
    pd.testing.assert_frame_equal(back, frame, check_dtype=False)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=30),
            st.floats(allow_nan=False, allow_infinity=False, width=32),
            st.integers(-(10**12), 10**12),
        ),
        min_size=1,
        max_size=20,
    ),
    st.sampled_from([";", ","]),
)
def test_any_data_reads_back_equal_apart_from_the_neutralising_apostrophe(rows, delimiter):
    frame = pd.DataFrame(rows, columns=["text", "score", "count"])
    back = read_back(to_csv_bytes(frame, delimiter), delimiter)
    # pandas reads an empty cell as missing; a cell gains at most the leading apostrophe.
    for text, cell in zip(frame["text"], back["text"].fillna(""), strict=True):
        assert cell in (text, f"'{text}")
        assert cell.startswith("'") or not could_run(cell)
    assert back["count"].tolist() == frame["count"].tolist()
    np.testing.assert_allclose(back["score"].to_numpy(), frame["score"].to_numpy(), rtol=1e-6)


def could_run(cell: str) -> bool:
    """The rule written another way: what is left once every invisible character is gone."""
    if cell[:1] in ("\t", "\r", "\n", "\0"):
        return True
    seen = [c for c in cell if unicodedata.category(c) not in ("Zs", "Zl", "Zp", "Cf", "Cc")]
    return bool(seen) and unicodedata.normalize("NFKC", seen[0])[0] in "=+-@"


CELLS = st.tuples(
    st.lists(st.sampled_from(INVISIBLE), max_size=4),
    st.sampled_from([*SIGNS, "a", "1", "'", "é", "🎉", ""]),
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=12),
).map(lambda parts: "".join(parts[0]) + parts[1] + parts[2])


@settings(max_examples=300, deadline=None)
@given(st.lists(CELLS | st.text(max_size=20), min_size=1, max_size=10))
def test_no_exported_cell_can_run_as_a_formula_unless_it_carries_the_apostrophe(cells):
    data = to_csv_bytes(pd.DataFrame({"text": cells})).decode("utf-8-sig")
    # The csv module, as a spreadsheet, keeps every cell (pandas skips blank lines).
    header, *rows = csv.reader(io.StringIO(data, newline=""), delimiter=";")
    back = [row[0] if row else "" for row in rows]
    assert header == ["text"] and len(back) == len(cells)
    for text, cell in zip(cells, back, strict=True):
        assert cell in (text, f"'{text}"), (text, data)
        assert cell.startswith("'") or not could_run(cell), (text, data)
        assert (cell == f"'{text}") == could_run(text)


# --- pandas' writer, the reference ------------------------------------------------------

INSTANTS = st.datetimes(pd.Timestamp("1990-01-01"), pd.Timestamp("2080-12-31"))
CELL_TEXT = st.text(st.sampled_from(["a", "é", "1", " ", *SIGNS, *INVISIBLE, ";", ",", '"']))


def by_pandas(frame: pd.DataFrame, delimiter: str) -> bytes:
    """What the writer wrote before it joined rows with pyarrow: pandas' to_csv of the cells."""
    cells = pd.DataFrame(index=frame.index)
    for name in frame.columns:
        column = frame[name]
        if pd.api.types.is_datetime64_any_dtype(column):
            cells[name] = local_minutes(column)
        elif pd.api.types.is_numeric_dtype(column):
            cells[name] = column
        else:
            cells[name] = neutralise_formulas(column)
    decimal = "," if delimiter != "," else "."
    text = cells.to_csv(sep=delimiter, decimal=decimal, index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.integers(-(2**40), 2**40),
            st.none() | st.integers(0, 10**6),
            st.none() | INSTANTS,
            st.none() | CELL_TEXT,
            st.text(max_size=3),
        ),
        max_size=12,
    ),
    delimiter=st.sampled_from([";", ",", "\t"]),
    text_type=st.sampled_from([object, "string"]),
)
def test_the_writer_writes_the_bytes_of_pandas_csv_writer(rows, delimiter, text_type):
    frame = pd.DataFrame(rows, columns=["id", "minutes", "at", "text", "more"])
    frame = frame.astype({"id": "int64", "minutes": "Int64", "text": text_type})
    frame["at"] = pd.to_datetime(frame["at"]).dt.tz_localize("UTC")
    assert to_csv_bytes(frame, delimiter) == by_pandas(frame, delimiter)
    # Cut in two and written as one file: the same bytes.
    out, half = io.BytesIO(), len(frame) // 2
    assert write_csv([frame.iloc[:half], frame.iloc[half:]], out, delimiter) == len(frame)
    assert out.getvalue() == by_pandas(frame, delimiter)
