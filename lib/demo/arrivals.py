"""When the demo's comments arrive: weighted by local hour and weekday, in slices of whole days.

Arrivals follow one density over the demo's span: quiet nights, busy evenings, busier
weekends (`HOUR_WEIGHTS`, `WEEKEND_WEIGHT`). To write a large demo a part at a time,
`slices` cuts the span at local midnights into slices of about `chunk_rows` expected
comments each, and gives each slice its share of the rows (one multinomial draw over
the slices' weights); `draw_arrivals` then draws a slice's instants under the same
density. Rows drawn that way, slice by slice, follow the distribution that drawing
them all at once over the whole span would: the count in each slice is what the
whole draw would have put there, and within a slice the density is the same.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.times import LOCAL_TZ

# Relative arrival rate by local hour: quiet nights, busy evenings.
HOUR_WEIGHTS = np.array(
    [0.25, 0.15, 0.1, 0.08, 0.08, 0.12, 0.3, 0.55, 0.7, 0.75, 0.8, 0.85]
    + [0.9, 0.85, 0.8, 0.8, 0.85, 0.95, 1.0, 1.0, 1.0, 0.95, 0.75, 0.45]
)
WEEKEND_WEIGHT = 1.35


@dataclass(frozen=True)
class Slice:
    """Whole local days (but at the span's two ends) and how many comments arrive in them."""

    start: pd.Timestamp
    end: pd.Timestamp
    rows: int


def slices(rng: np.random.Generator, rows: int, start, end, chunk_rows: int) -> list[Slice]:
    """The span from `start` to `end` cut at local midnights into slices of about
    `chunk_rows` expected arrivals (a busy day more), with the rows each receives.

    A span that fits in one slice receives all the rows and draws nothing from `rng`.

    >>> rng = np.random.default_rng(1)
    >>> end = pd.Timestamp("2026-11-20 15:00", tz="UTC")
    >>> cut = slices(rng, 1000, end - pd.Timedelta(days=10), end, chunk_rows=300)
    >>> len(cut), sum(s.rows for s in cut), str(cut[1].start.tz_convert(LOCAL_TZ))
    (4, 1000, '2026-11-14 00:00:00-05:00')
    """
    bounds, weights = _day_weights(start, end)
    expected = rows * weights / weights.sum()
    before = np.concatenate([[0.0], np.cumsum(expected)[:-1]])
    # A day joins the slice its first expected arrival falls in.
    group = (before // max(chunk_rows, 1)).astype(np.int64)
    firsts = np.flatnonzero(np.diff(group, prepend=-1))
    if len(firsts) == 1:
        return [Slice(bounds[0], bounds[-1], rows)]
    shares = np.add.reduceat(weights, firsts)
    counts = rng.multinomial(rows, shares / shares.sum())
    ends = [*firsts[1:], len(weights)]
    return [
        Slice(bounds[first], bounds[last], int(count))
        for first, last, count in zip(firsts, ends, counts, strict=True)
    ]


def _day_weights(start, end) -> tuple[list[pd.Timestamp], np.ndarray]:
    """The span's day boundaries (its start, each local midnight within it, its end) and
    each day's arrival weight: the density summed over the seconds it covers."""
    first, last = (pd.Timestamp(t).tz_convert(LOCAL_TZ).date() for t in (start, end))
    # Local midnights: a calendar day is 23 or 25 hours when the clocks change.
    days = pd.date_range(first + pd.Timedelta(days=1), last, freq="D")
    midnights = days.tz_localize(LOCAL_TZ).tz_convert("UTC")
    midnights = midnights[midnights < end]
    bounds = [start, *midnights, end]
    # Hours in UTC: the clock's offset is whole hours, so each is one local hour too.
    hours = pd.date_range(pd.Timestamp(start).floor("h"), end, freq="h")
    covered = np.minimum(hours + pd.Timedelta(hours=1), end) - np.maximum(hours, start)
    seconds = np.maximum(covered.total_seconds().to_numpy(), 0)
    day = midnights.searchsorted(hours, side="right")
    per_day = np.bincount(day, weights=_density(hours) * seconds, minlength=len(bounds) - 1)
    return bounds, per_day


def _density(instants: pd.DatetimeIndex) -> np.ndarray:
    """The relative arrival rate at each instant."""
    local = instants.tz_convert(LOCAL_TZ)
    return HOUR_WEIGHTS[local.hour] * np.where(local.day_of_week >= 5, WEEKEND_WEIGHT, 1.0)


def draw_arrivals(rng: np.random.Generator, rows: int, start, end) -> pd.Series:
    """`rows` arrival instants between `start` and `end`, in order (rejection sampling)."""
    span = int((end - start).total_seconds())
    weights_max = HOUR_WEIGHTS.max() * WEEKEND_WEIGHT
    kept: list[np.ndarray] = []
    have = 0
    while have < rows:
        offsets = rng.integers(0, span, size=max(4 * (rows - have), 1024))
        instants = pd.DatetimeIndex(start + pd.to_timedelta(offsets, unit="s"))
        accepted = offsets[rng.random(len(offsets)) < _density(instants) / weights_max]
        kept.append(accepted)
        have += len(accepted)
    offsets = np.sort(np.concatenate(kept)[:rows])
    return pd.Series(start + pd.to_timedelta(offsets, unit="s"))
