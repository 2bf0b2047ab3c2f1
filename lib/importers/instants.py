"""Instants written as text: ISO 8601, Excel's one-digit hours, and the daylight-saving hours."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from lib.times import LOCAL_TZ

# An instant as ISO 8601 with a time of day (Excel drops the hour's leading
# zero: 9:05); the offset is optional.
_INSTANT = re.compile(
    r"(?P<base>\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)"
    r"\s*(?P<offset>Z|z|[+-]\d{2}(?::?\d{2})?)?"
)
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_instants(
    values: pd.Series, naive_tz: str = LOCAL_TZ
) -> tuple[pd.Series, pd.Series, pd.Series]:
    """ISO 8601 text to aware UTC instants, why unreadable ones failed, which were ambiguous.

    Accepted: "2026-11-02 09:05", "2026-11-02 9:05" (Excel drops the leading
    zero), seconds and fractions, "T" instead of the space, and an offset
    ("Z", "-05:00", "-0500"). A value without an offset is a wall-clock time
    in `naive_tz`. When clocks fall back, a time that occurs twice (1:30 on
    the first Sunday of November) is read as the earlier one, in daylight
    time: a comment cannot have been received later than the person's clock
    said the first time round; the third Series marks these. A time skipped
    when clocks spring forward (2:30 on the second Sunday of March) is refused
    ("nonexistent"); guessing would move it by an hour.

    The second Series holds "format", "date_only" or "nonexistent" for each value
    refused, and is missing (NA) for the others.

    >>> text = pd.Series(["2026-11-02 9:05", "2026-11-01 1:30", "2026-03-08 2:30", "2026-11-02"])
    >>> received, problems, ambiguous = parse_instants(text)
    >>> [str(instant) for instant in received]
    ['2026-11-02 14:05:00+00:00', '2026-11-01 05:30:00+00:00', 'NaT', 'NaT']
    >>> problems.dropna().to_dict(), ambiguous.tolist()
    ({2: 'nonexistent', 3: 'date_only'}, [False, True, False, False])
    """
    text = values.astype(object).where(values.notna(), "").astype(str).str.strip()
    parts = text.str.extract(f"^{_INSTANT.pattern}$")
    # Social media began after 1970; outside that, a year is a typo (and may overflow).
    year = pd.to_numeric(parts["base"].str[:4], errors="coerce")
    shaped = parts["base"].notna() & year.between(1970, 2099)
    base = parts["base"].fillna("").str.replace(",", ".", regex=False)
    base = base.str.replace(r"^(\d{4}-\d{2}-\d{2})[T ](\d):", r"\1 0\2:", regex=True)
    offset = parts["offset"].fillna("")
    with_offset = shaped & (offset != "")
    received = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns, UTC]")
    if with_offset.any():
        normal = offset[with_offset].str.upper().map(_normal_offset)
        received[with_offset] = pd.to_datetime(
            base[with_offset] + normal, format="ISO8601", utc=True, errors="coerce"
        )
    naive = shaped & ~with_offset
    nonexistent = pd.Series(False, index=values.index)
    ambiguous = pd.Series(False, index=values.index)
    if naive.any():
        wall = pd.to_datetime(base[naive], format="ISO8601", errors="coerce")
        # True marks daylight time, i.e. the earlier of the two 1:xx hours.
        local = wall.dt.tz_localize(
            naive_tz, ambiguous=np.ones(len(wall), dtype=bool), nonexistent="NaT"
        )
        later = wall.dt.tz_localize(
            naive_tz, ambiguous=np.zeros(len(wall), dtype=bool), nonexistent="NaT"
        )
        received[naive] = local.dt.tz_convert("UTC")
        nonexistent[naive] = wall.notna() & local.isna()
        ambiguous[naive] = (local != later).fillna(False) & local.notna()
    problems = pd.Series(None, index=values.index, dtype=object)
    problems[received.isna()] = "format"
    problems[received.isna() & text.str.fullmatch(_DATE_ONLY.pattern)] = "date_only"
    problems[nonexistent] = "nonexistent"
    return received, problems, ambiguous


def _normal_offset(offset: str) -> str:
    """ "Z", "-0500", "-05" or "-05:00" as "+00:00" or "-05:00", which pandas reads alike."""
    if offset == "Z":
        return "+00:00"
    digits = offset[1:].replace(":", "")
    return f"{offset[0]}{digits[:2]}:{digits[2:] or '00'}"
