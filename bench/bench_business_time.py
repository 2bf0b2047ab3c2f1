"""Times the business clock on a million rows against businesstimedelta and CustomBusinessHour.

    python bench/bench_business_time.py [--rows 1000000] [--sample 2000] [--seed 1]

The reference libraries walk the calendar row by row, so they run on a sample and
their per-row time is extrapolated to the full row count.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from datetime import time as clock
from pathlib import Path

import businesstimedelta
import numpy as np
import pandas as pd
import pytz

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.business_time import BusinessCalendar  # noqa: E402

TZ = "America/Toronto"
TARGET_HOURS = 8


def best_of(repeats: int, work) -> float:
    """The fastest of a few runs (wall time): the least disturbed by other work."""
    return _best(repeats, work, time.perf_counter)


def best_cpu(repeats: int, work) -> float:
    """The same in this process's CPU time, which other processes on the machine barely move."""
    return _best(repeats, work, time.process_time)


def _best(repeats: int, work, clock_fn) -> float:
    times = []
    for _ in range(repeats):
        started = clock_fn()
        work()
        times.append(clock_fn() - started)
    return min(times)


def machine() -> str:
    model = "unknown CPU"
    try:  # Linux only; elsewhere the model stays unknown
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs, {model}, pandas {pd.__version__}, numpy {np.__version__}"


def workload(rows: int, seed: int) -> tuple[pd.Series, pd.Series]:
    """Comments received over 2025-2026, each handled up to five days later."""
    rng = np.random.default_rng(seed)
    first = pd.Timestamp("2025-01-01", tz="UTC").value // 10**9
    last = pd.Timestamp("2026-12-31", tz="UTC").value // 10**9
    received = pd.Series(pd.to_datetime(rng.integers(first, last, rows), unit="s", utc=True))
    handled = received + pd.to_timedelta(rng.integers(0, 5 * 86400, rows), unit="s")
    return received, handled


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    received, handled = workload(args.rows, args.seed)
    cal = BusinessCalendar()
    started = time.perf_counter()
    cal.elapsed(received.iloc[:1], handled.iloc[:1])
    cold = time.perf_counter() - started

    ours_elapsed = best_of(3, lambda: cal.elapsed(received, handled))
    ours_deadline = best_of(3, lambda: cal.deadline(received, TARGET_HOURS))
    cpu_elapsed = best_cpu(3, lambda: cal.elapsed(received, handled))
    cpu_deadline = best_cpu(3, lambda: cal.deadline(received, TARGET_HOURS))

    # The same holidays for the references, so that they answer the same question.
    closed = {d for d, *_ in cal.holidays_between(date(2024, 1, 1), date(2027, 12, 31))}
    zone = pytz.timezone(TZ)
    rules = businesstimedelta.Rules(
        [
            businesstimedelta.WorkDayRule(
                start_time=clock(8, 30),
                end_time=clock(16, 30),
                working_days=[0, 1, 2, 3, 4],
                tz=zone,
            ),
            businesstimedelta.HolidayRule(closed, tz=zone),
        ]
    )
    sample = min(args.sample, args.rows)
    s_py = [t.to_pydatetime() for t in received.iloc[:sample]]
    e_py = [t.to_pydatetime() for t in handled.iloc[:sample]]
    pairs = list(zip(s_py, e_py, strict=True))
    btd_elapsed = best_of(1, lambda: [rules.difference(s, e) for s, e in pairs])
    delta = businesstimedelta.BusinessTimeDelta(rules, hours=TARGET_HOURS)
    btd_deadline = best_of(1, lambda: [s + delta for s in s_py])

    # CustomBusinessHour works on naive wall-clock times and has no "difference"
    # operation: only the deadline can be timed with it.
    cbh = pd.offsets.CustomBusinessHour(
        n=TARGET_HOURS, start="08:30", end="16:30", holidays=sorted(closed)
    )
    local_naive = list(received.iloc[:sample].dt.tz_convert(TZ).dt.tz_localize(None))
    cbh_deadline = best_of(1, lambda: [t + cbh for t in local_naive])

    # pandas lands a target reached at closing on the next opening: compare with that.
    ours_due = cal.next_open(cal.deadline(received.iloc[:sample], TARGET_HOURS))
    ours_wall = ours_due.dt.tz_convert(TZ).dt.tz_localize(None)
    cbh_wall = pd.Series([t + cbh for t in local_naive], index=ours_wall.index)
    cbh_agrees = (ours_wall == cbh_wall).mean()

    n = args.rows
    print(f"machine: {machine()}")
    print(f"rows: {n:,}; references timed on {sample:,} rows and extrapolated per row")
    print(f"load average while running: {os.getloadavg()[0]:.1f} (1 min)")
    print(f"first call (builds the calendar table): {cold * 1000:.1f} ms")
    print(
        f"BusinessCalendar CPU time for {n:,} rows: elapsed {cpu_elapsed:.3f} s,"
        f" deadline {cpu_deadline:.3f} s (wall times below)"
    )
    print()
    header = f"{'':32}{'total for rows':>16}{'per row':>14}{'× ours':>10}"
    print(header)
    print("-" * len(header))

    def line(name: str, seconds: float, rows_timed: int, ours: float | None) -> None:
        per_row = seconds / rows_timed
        ratio = "" if ours is None else f"{per_row / (ours / n):,.0f}×"
        print(f"{name:32}{per_row * n:>14.3f} s{per_row * 1e6:>11.3f} µs{ratio:>10}")

    line("elapsed, BusinessCalendar", ours_elapsed, n, None)
    line("elapsed, businesstimedelta", btd_elapsed, sample, ours_elapsed)
    line("deadline, BusinessCalendar", ours_deadline, n, None)
    line("deadline, businesstimedelta", btd_deadline, sample, ours_deadline)
    line("deadline, CustomBusinessHour", cbh_deadline, sample, ours_deadline)
    print()
    print(
        f"CustomBusinessHour agrees on {cbh_agrees:.1%} of the sample once its next-opening"
        " convention is applied to ours (it ignores DST: wall times only)"
    )


if __name__ == "__main__":
    main()
