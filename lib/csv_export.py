"""The one CSV writer: files that open correctly in a French Excel, with formulas neutralised.

>>> frame = pd.DataFrame({"text": ["=HYPERLINK(1)", "Bonjour"], "pct": [87.5, 100.0]})
>>> to_csv_bytes(frame).decode("utf-8-sig").splitlines()
['text;pct', "'=HYPERLINK(1);87,5", 'Bonjour;100,0']

A long export is written frame by frame (`write_csv`): the same bytes as one frame's.

>>> out = io.BytesIO()
>>> write_csv([frame.iloc[:1], frame.iloc[1:]], out)
2
>>> out.getvalue() == to_csv_bytes(frame)
True
"""

from __future__ import annotations

import codecs
import io
import re
import unicodedata
from collections.abc import Iterable
from typing import BinaryIO

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from lib.times import LOCAL_TZ

# The decimal mark Excel expects with each separator: a French Excel reads
# "87,5" only when cells are separated by ";", an English one "87.5" with ",".
DECIMAL_FOR_DELIMITER = {";": ",", ",": ".", "\t": ","}

# OWASP "CSV injection" (and ASVS 5.1.x for NUL): a spreadsheet may run a cell
# that starts with one of these characters as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")
# Signs a spreadsheet may take for these once it skips what cannot be seen: a
# character whose compatibility form (NFKC) is one, such as full-width "＝＋－＠".
_FORMULA_SIGNS = "=+-@"
# What a spreadsheet or a person's eye may skip before the first sign: spaces
# (Zs, Zl, Zp), format characters such as zero-width spaces and the BOM (Cf),
# and control characters (Cc).
INVISIBLE_CATEGORIES = ("Zs", "Zl", "Zp", "Cf", "Cc")


def to_csv_bytes(frame: pd.DataFrame, delimiter: str = ";") -> bytes:
    """The frame as CSV bytes for Excel: UTF-8 with BOM, local times, safe text cells.

    - `delimiter` ";" (default, French Excel) writes a decimal comma; ","
      writes a decimal point; "\\t" is accepted too.
    - Datetime columns (aware, or naive meaning UTC) are written in Québec
      local time as "YYYY-MM-DD HH:MM"; missing instants are empty cells.
    - Text cells that start with = + - @ tab CR LF or NUL, or with = + - @
      (or a full-width form) past spaces and invisible characters, get a
      leading "'" so that Excel shows them instead of running them; numbers
      stay numbers.
    """
    out = io.BytesIO()
    write_csv([frame], out, delimiter)
    return out.getvalue()


def write_csv(frames: Iterable[pd.DataFrame], out: BinaryIO, delimiter: str = ";") -> int:
    """Frames written to `out` one after the other as one CSV file, as `to_csv_bytes`
    writes them; returns the rows written.

    The BOM and the header (the first frame's columns) come once; every frame has the
    same columns, and `frames` holds one at least (perhaps empty: a file of headers).
    Each cell is written from its own value, so that cutting a frame changes no byte.
    """
    if delimiter not in DECIMAL_FOR_DELIMITER:
        raise ValueError(f"delimiter must be one of {sorted(DECIMAL_FOR_DELIMITER)!r}")
    out.write(codecs.BOM_UTF8)
    rows, columns = 0, None
    for frame in frames:
        if columns is None:
            columns = list(frame.columns)
            out.write(_pandas_rows(frame.iloc[:0], delimiter, header=True))
        elif list(frame.columns) != columns:
            raise ValueError(f"columns changed: {list(frame.columns)} after {columns}")
        joined = _arrow_rows(frame, delimiter)
        out.write(_pandas_rows(frame, delimiter) if joined is None else joined)
        rows += len(frame)
    if columns is None:
        raise ValueError("write_csv needs one frame at least, for the header")
    return rows


def as_written(frame: pd.DataFrame, delimiter: str = ";") -> pd.DataFrame:
    """The frame's cells as text, exactly as `to_csv_bytes` writes them: a file's preview.

    >>> rows = pd.DataFrame({"pct": [87.5, None], "note": ["=1", "ok"]})
    >>> as_written(rows).to_dict("records")
    [{'pct': '87,5', 'note': "'=1"}, {'pct': '', 'note': 'ok'}]
    >>> as_written(rows, ",")["pct"].tolist()
    ['87.5', '']
    """
    written = io.BytesIO(to_csv_bytes(frame, delimiter))
    return pd.read_csv(
        written, sep=delimiter, dtype=str, keep_default_na=False, encoding="utf-8-sig"
    )


def local_minutes(values: pd.Series) -> pd.Series:
    """Instants as Québec local "YYYY-MM-DD HH:MM" text (missing ones stay missing)."""
    instants = pd.to_datetime(values, utc=True)
    local = instants.dt.tz_convert(LOCAL_TZ).dt.tz_localize(None)
    # numpy formats a million instants in C; Series.dt.strftime calls Python per row.
    stamps = local.to_numpy(dtype="datetime64[m]")
    if not len(stamps):
        return pd.Series([], index=values.index, dtype=object)
    text = np.char.replace(np.datetime_as_string(stamps, unit="m"), "T", " ")
    return pd.Series(text, index=values.index, dtype=object).where(instants.notna(), None)


def neutralise_formulas(values: pd.Series) -> pd.Series:
    r"""Text cells that a spreadsheet could run, prefixed with "'"; other cells unchanged.

    >>> neutralise_formulas(pd.Series([" =1+1", "\u200b@SUM(A1)", "＝1", "a = b", 5])).tolist()
    ["' =1+1", "'\u200b@SUM(A1)", "'＝1", 'a = b', 5]
    """
    if isinstance(values.dtype, pd.StringDtype):
        is_text = values.notna()
    else:
        is_text = values.map(lambda v: isinstance(v, str)).astype(bool)
    if not is_text.any():
        return values
    text = values.where(is_text, "").astype(str)
    # A cell that opens with a letter or a digit is safe, which is nearly every cell;
    # the others are read character by character.
    opens_plainly = text.str.slice(0, 1).str.isalnum().fillna(False)
    doubtful = np.flatnonzero((is_text & ~opens_plainly).to_numpy(dtype=bool))
    risky = np.zeros(len(values), dtype=bool)
    risky[doubtful] = [could_run_as_formula(cell) for cell in text.iloc[doubtful].to_numpy()]
    if not risky.any():
        return values
    out = values.astype(object).copy()
    out.iloc[np.flatnonzero(risky)] = ("'" + text[risky]).to_numpy()
    return out


def could_run_as_formula(text: str) -> bool:
    r"""Whether a spreadsheet could take `text` for a formula.

    True when it starts with tab, CR, LF or NUL, or when its first character
    that can be seen, past spaces, zero-width and control characters and a BOM,
    is = + - @ or a compatibility form of one (full-width, small, superscript).

    >>> [could_run_as_formula(t) for t in ("\t1", "\ufeff\u00a0+1", "＠x", "1-800", "  ")]
    [True, True, True, False, False]
    """
    if text[:1] in ("\t", "\r", "\n", "\0"):
        return True
    for character in text:
        if unicodedata.category(character) in INVISIBLE_CATEGORIES:
            continue
        return unicodedata.normalize("NFKC", character)[:1] in _FORMULA_SIGNS
    return False


def _cell_values(column: pd.Series) -> pd.Series:
    if _is_instant(column):
        return local_minutes(column)
    if pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column):
        return column
    return neutralise_formulas(column)


def _is_instant(column: pd.Series) -> bool:
    return isinstance(column.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(column)


def _pandas_rows(frame: pd.DataFrame, delimiter: str, header: bool = False) -> bytes:
    """The rows as pandas' writer writes them (Python's csv, minimal quoting): the reference."""
    cells = pd.DataFrame(index=frame.index)
    for name in frame.columns:
        cells[name] = _cell_values(frame[name])
    text = cells.to_csv(
        sep=delimiter,
        decimal=DECIMAL_FOR_DELIMITER[delimiter],
        index=False,
        header=header,
        lineterminator="\r\n",
    )
    return text.encode("utf-8")


def _arrow_rows(frame: pd.DataFrame, delimiter: str) -> memoryview | None:
    """`_pandas_rows`'s bytes joined by pyarrow, three times faster, for frames of integers,
    instants and text that needs no quotes; None for any other frame.

    Python's csv writer quotes a cell holding the delimiter, a double quote, CR or LF, and
    the only cell of a row when it is empty; pandas writes floats with the decimal mark.
    Those frames are left to it (tests/test_csv_export.py checks that both agree).
    """
    if len(frame.columns) < 2 or not len(frame):
        return None
    cells = [_arrow_cells(frame[name], delimiter) for name in frame.columns]
    if any(column is None for column in cells):
        return None
    text = pa.large_string()
    lines = pc.binary_join_element_wise(*cells, pa.scalar(delimiter, text))
    lines = pc.binary_join_element_wise(lines, pa.scalar("\r\n", text), pa.scalar("", text))
    _, offsets, data = lines.buffers()
    bounds = np.frombuffer(offsets, dtype=np.int64)[[lines.offset, lines.offset + len(lines)]]
    return memoryview(data)[bounds[0] : bounds[1]]


def _arrow_cells(column: pd.Series, delimiter: str) -> pa.Array | None:
    """A column's cells as `_cell_values` writes them, as pyarrow text (missing: empty)."""
    if _is_instant(column):
        instants = pd.to_datetime(column, utc=True).dt.tz_convert(LOCAL_TZ).dt.tz_localize(None)
        # As `local_minutes`: down to the minute; pyarrow writes "YYYY-MM-DD HH:MM:SS".
        minutes = instants.to_numpy(dtype="datetime64[m]").astype("datetime64[s]")
        cells = pc.utf8_slice_codeunits(pc.cast(pa.array(minutes), pa.large_string()), 0, 16)
    elif pd.api.types.is_integer_dtype(column):
        cells = pa.array(column)
    elif column.dtype == object or pd.api.types.is_string_dtype(column):
        try:
            cells = pa.array(neutralise_formulas(column), type=pa.large_string(), from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError):  # objects that are not all text
            return None
        if pc.any(pc.match_substring_regex(cells, f'[{re.escape(delimiter)}"\r\n]')).as_py():
            return None
    else:
        return None
    if isinstance(cells, pa.ChunkedArray):
        cells = cells.combine_chunks()
    return pc.fill_null(pc.cast(cells, pa.large_string()), "")
