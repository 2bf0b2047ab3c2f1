"""Business intervals of whole years in UTC nanoseconds, with one-step lookups."""

from __future__ import annotations

import numpy as np

from lib.business_time.instants import _HOUR_NS, _NEVER


class _Table:
    """Business intervals of a span of whole years, in UTC nanoseconds, with lookups.

    Finding the interval of an instant is a binary search, and a million random
    binary searches miss the cache at every step. Buckets of wall time and of business
    time turn each search into one lookup and a few comparisons: a wall bucket is no
    wider than the shortest distance between two openings, a business bucket no wider
    than the shortest interval, so each holds one boundary (`_steps` counts the most
    any bucket holds; a search past a few steps falls back to binary search).
    """

    MAX_BUCKETS = 1 << 21  # 16 MiB of int64 per lookup at most
    MAX_STEPS = 4

    def __init__(self, first_year, last_year, start_ns, end_ns, opens, lengths):
        self.first_year, self.last_year = first_year, last_year
        self.start_ns, self.end_ns = start_ns, end_ns  # local midnights around the years
        self.opens, self.lengths = opens, lengths
        self.cum_close = np.cumsum(lengths)  # business ns when each interval closes
        self.cum_open = self.cum_close - lengths  # business ns before each interval opens
        self.total = int(self.cum_close[-1]) if len(lengths) else 0
        self.opens_after = np.append(opens, _NEVER)
        self._closes_after = np.append(self.cum_close, _NEVER)
        spacing = int(np.diff(opens).min()) if len(opens) > 1 else _HOUR_NS
        self.wall_step = _bucket_step(spacing, end_ns - start_ns)
        edges = np.arange(start_ns, end_ns + self.wall_step, self.wall_step, dtype=np.int64)
        self._last_open = np.searchsorted(opens, edges, side="right") - 1
        self._wall_steps = _steps(self._last_open)
        shortest = int(lengths.min()) if len(lengths) else _HOUR_NS
        self.business_step = _bucket_step(shortest, self.total)
        marks = np.arange(0, self.total + 2 * self.business_step, self.business_step)
        self._first_close = np.searchsorted(self.cum_close, marks, side="left")
        self._business_steps = _steps(self._first_close)

    def interval(self, t: np.ndarray) -> np.ndarray:
        """Index of the last interval opening at or before each instant (-1: none)."""
        if self._wall_steps is None:
            return np.searchsorted(self.opens, t, side="right") - 1
        bucket = np.clip((t - self.start_ns) // self.wall_step, 0, len(self._last_open) - 1)
        j = self._last_open[bucket]
        for _ in range(self._wall_steps):
            j = j + (self.opens_after[j + 1] <= t)
        return j

    def reaching(self, business: np.ndarray) -> np.ndarray:
        """Index of the first interval whose closing reaches each business time."""
        if self._business_steps is None:
            return np.searchsorted(self.cum_close, business, side="left")
        bucket = np.clip(business // self.business_step, 0, len(self._first_close) - 1)
        k = self._first_close[bucket]
        for _ in range(self._business_steps):
            k = k + (self._closes_after[k] < business)
        return k

    def measure(self, t: np.ndarray) -> np.ndarray:
        """B(t): business nanoseconds from the table's start to each instant."""
        # An instant before the first opening lands on interval 0 and clips to 0.
        j = np.maximum(self.interval(t), 0)
        return self.cum_open[j] + np.clip(t - self.opens[j], 0, self.lengths[j])

    def inside(self, t: np.ndarray) -> np.ndarray:
        j = self.interval(t)
        jj = np.maximum(j, 0)
        return (j >= 0) & (t < self.opens[jj] + self.lengths[jj])

    def covers(self, lo: int, hi: int, extra_ns: int) -> bool:
        if not self.total or not (self.start_ns <= lo and hi < self.end_ns):
            return False
        return not extra_ns or self.total - self.measure(np.array([hi]))[0] >= extra_ns


def _bucket_step(widest_ns: int, span_ns: int) -> int:
    """A bucket width: at most an hour and `widest_ns`, wide enough to bound the buckets."""
    return max(min(_HOUR_NS, widest_ns), -(-span_ns // _Table.MAX_BUCKETS), 1)


def _steps(first_index: np.ndarray) -> int | None:
    """Steps a search needs past its bucket's first index; None when too many."""
    most = int(np.diff(first_index).max(initial=1))
    return max(most, 1) if most <= _Table.MAX_STEPS else None
