"""Instants and hours as int64 nanoseconds for the clocks: in, out, NaT kept, and the
calendar's own conversions (holidays of a year, local walls to UTC)."""

from __future__ import annotations

import functools
from datetime import date, datetime, time

import holidays as holidays_lib
import numpy as np
import pandas as pd

from lib.times import LOCAL_TZ, utc

DEFAULT_TZ = LOCAL_TZ
NS = 1_000_000_000
_NAT = np.iinfo(np.int64).min  # how numpy and pandas spell NaT in int64
_NEVER = np.iinfo(np.int64).max
_HOUR_NS = 3600 * NS
_ARRAY_TYPES = (pd.Series, pd.Index, np.ndarray, list, tuple, pd.api.extensions.ExtensionArray)


# --- conversions -----------------------------------------------------------


@functools.lru_cache(maxsize=256)
def _public_holidays(year: int) -> tuple[tuple[date, tuple[str, str]], ...]:
    """Québec public holidays of a year, observed days included: (date, (French, English))."""
    # Cached across calendars: every settings change builds a new calendar, and the
    # holidays package takes tens of milliseconds per year and language.
    fr = holidays_lib.country_holidays("CA", subdiv="QC", years=year, language="fr")
    en = holidays_lib.country_holidays("CA", subdiv="QC", years=year, language="en_CA")
    return tuple((day, (name, en.get(day, name))) for day, name in sorted(fr.items()))


def _as_date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return pd.Timestamp(value).date()


def _time_ns(t: time) -> int:
    return ((t.hour * 60 + t.minute) * 60 + t.second) * NS + t.microsecond * 1000


def _day_ns(day: date) -> int:
    """A date's local midnight as naive nanoseconds, as `DatetimeIndex.asi8` gives it."""
    return (day - date(1970, 1, 1)).days * 86400 * NS


def _wall(ns: np.ndarray) -> pd.DatetimeIndex:
    return pd.DatetimeIndex(ns.view("datetime64[ns]"))


def _valid_range(arrays) -> tuple[int, int]:
    """The earliest and latest instants, NaT aside (NaT is int64's minimum)."""
    lows, highs = [], []
    for a in arrays:
        if not a.size or a.max() == _NAT:
            continue
        low = a.min()
        lows.append(int(low if low != _NAT else a[a != _NAT].min()))
        highs.append(int(a.max()))
    return (min(lows), max(highs)) if lows else (0, 0)


def _local_to_utc_ns(wall: pd.DatetimeIndex, tz: str) -> np.ndarray:
    # A wall time skipped by a DST change moves forward to the first real instant;
    # a repeated one takes its first (daylight) occurrence.
    local = wall.tz_localize(
        tz, ambiguous=np.ones(len(wall), dtype=bool), nonexistent="shift_forward"
    )
    return local.tz_convert("UTC").as_unit("ns").asi8


def _instants(*values):
    """UTC nanoseconds for each argument (broadcast together), a NaT mask, and the shape.

    The shape is ("scalar", None), ("array", None) or ("series", index of the first Series).
    """
    shape = ("scalar", None)
    arrays = []
    for value in values:
        if isinstance(value, pd.Series):
            if shape[0] != "series":
                shape = ("series", value.index)
            arrays.append(_utc_ns(pd.to_datetime(value, utc=True)))
        elif isinstance(value, _ARRAY_TYPES):
            if shape[0] == "scalar":
                shape = ("array", None)
            arrays.append(_utc_ns(pd.to_datetime(value, utc=True)))
        else:
            ts = utc(value)
            arrays.append(np.array([_NAT if ts is pd.NaT else ts.as_unit("ns").value]))
    arrays = np.broadcast_arrays(*arrays)
    missing = np.zeros(arrays[0].shape, dtype=bool)
    for a in arrays:
        missing |= a == _NAT
    return arrays, missing, shape


def _utc_ns(values) -> np.ndarray:
    return pd.DatetimeIndex(values).as_unit("ns").asi8


def _hours_ns(hours) -> np.ndarray:
    """Nanoseconds for a number (0-d) or an array-like of hours; NaN becomes NaT."""
    h = np.asarray(hours.to_numpy() if isinstance(hours, pd.Series) else hours, dtype=float)
    if (h < 0).any():
        raise ValueError("a deadline needs a number of hours that is not negative")
    ns = np.where(np.isnan(h), 0, np.rint(h * 3600 * NS)).astype(np.int64)
    return np.where(np.isnan(h), _NAT, ns)


def _with_array_shape(shape, hours):
    """The output shape once `hours` joins the instants: an array-like makes it an array."""
    if shape[0] == "series" or not isinstance(hours, _ARRAY_TYPES):
        return shape
    if isinstance(hours, pd.Series):
        return ("series", hours.index)
    return ("array", None)


def _numbers_out(values: np.ndarray, missing: np.ndarray, shape):
    kind, index = shape
    if kind == "scalar":
        return float("nan") if missing[0] else int(values[0])
    out = np.where(missing, np.nan, values) if missing.any() else values.astype(np.int64)
    return pd.Series(out, index=index) if kind == "series" else out


def _instants_out(ns: np.ndarray, missing: np.ndarray, shape):
    kind, index = shape
    ns = np.where(missing, _NAT, ns)
    stamps = pd.DatetimeIndex(ns.view("datetime64[ns]")).tz_localize("UTC")
    if kind == "scalar":
        return stamps[0]
    return pd.Series(stamps, index=index) if kind == "series" else stamps
