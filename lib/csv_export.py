"""The one CSV writer: files that open correctly in a French Excel, with formulas neutralised.

>>> frame = pd.DataFrame({"text": ["=HYPERLINK(1)", "Bonjour"], "pct": [87.5, 100.0]})
>>> to_csv_bytes(frame).decode("utf-8-sig").splitlines()
['text;pct', "'=HYPERLINK(1);87,5", 'Bonjour;100,0']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.times import LOCAL_TZ

# The decimal mark Excel expects with each separator: a French Excel reads
# "87,5" only when cells are separated by ";", an English one "87.5" with ",".
DECIMAL_FOR_DELIMITER = {";": ",", ",": ".", "\t": ","}

# OWASP "CSV injection" (and ASVS 5.1.x for NUL): a spreadsheet may run a cell
# that starts with one of these characters as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")
_TRIGGER_PATTERN = "^[=+\\-@\t\r\n\x00]"


def to_csv_bytes(frame: pd.DataFrame, delimiter: str = ";") -> bytes:
    """The frame as CSV bytes for Excel: UTF-8 with BOM, local times, safe text cells.

    - `delimiter` ";" (default, French Excel) writes a decimal comma; ","
      writes a decimal point; "\\t" is accepted too.
    - Datetime columns (aware, or naive meaning UTC) are written in Québec
      local time as "YYYY-MM-DD HH:MM"; missing instants are empty cells.
    - Text cells that start with = + - @ tab CR LF or NUL get a leading "'"
      so that Excel shows them instead of running them; numbers stay numbers.
    """
    if delimiter not in DECIMAL_FOR_DELIMITER:
        raise ValueError(f"delimiter must be one of {sorted(DECIMAL_FOR_DELIMITER)!r}")
    out = pd.DataFrame(index=frame.index)
    for name in frame.columns:
        out[name] = _cell_values(frame[name])
    text = out.to_csv(
        sep=delimiter,
        decimal=DECIMAL_FOR_DELIMITER[delimiter],
        index=False,
        lineterminator="\r\n",
    )
    return text.encode("utf-8-sig")


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
    """Text cells that a spreadsheet could run, prefixed with "'"; other cells unchanged."""
    if isinstance(values.dtype, pd.StringDtype):
        is_text = values.notna()
    else:
        is_text = values.map(lambda v: isinstance(v, str), na_action="ignore").fillna(False)
    if not is_text.any():
        return values
    text = values.where(is_text, "").astype(str)
    risky = is_text & text.str.contains(_TRIGGER_PATTERN, regex=True)
    if not risky.any():
        return values
    out = values.astype(object).copy()
    out[risky] = "'" + text[risky]
    return out


def _cell_values(column: pd.Series) -> pd.Series:
    if isinstance(column.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(column):
        return local_minutes(column)
    if pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column):
        return column
    return neutralise_formulas(column)
