"""Times the business clock on a million rows against businesstimedelta and CustomBusinessHour.

    python bench/bench_business_time.py [--rows 1000000] [--sample 2000] [--seed 1]

Two calendars: the default one period a day (8:30-16:30), and split days (8:30-12:00
and 13:00-16:30) with summer hours from la Fête nationale to la fête du Travail and a
few exceptional openings. The reference libraries walk the calendar row by row, so
they run on a sample and their per-row time is extrapolated to the full row count;
for split days businesstimedelta gets the lunch closure only (it has no dated changes).
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
LUNCH = [(clock(8, 30), clock(12)), (clock(13), clock(16, 30))]
SUMMER = {d: [(clock(8), clock(12)), (clock(13), clock(16))] for d in range(4)} | {
    4: [(clock(8), clock(12))]
}


def split_days() -> BusinessCalendar:
    """Lunch closed, summer hours each year of the workload, four exceptional openings."""
    regular = dict.fromkeys(range(5), LUNCH)
    changes = []
    for year, labour_day in ((2025, date(2025, 9, 1)), (2026, date(2026, 9, 7))):
        changes.append((date(year, 6, 24), SUMMER, ("Horaire d'été", "Summer hours")))
        changes.append((labour_day, regular))
    openings = {
        date(2025, 3, 15): [(clock(9), clock(15))],
        date(2025, 11, 29): [(clock(9), clock(12)), (clock(13), clock(15))],
        date(2026, 3, 14): [(clock(9), clock(15))],
        date(2026, 6, 24): [(clock(10), clock(14))],
    }
    return BusinessCalendar(weekly=regular, changes=changes, extra_openings=openings)


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


def time_calendar(cal: BusinessCalendar, received, handled) -> dict[str, float]:
    """The first call (it builds the table), then the best wall and CPU times of each call."""
    started = time.perf_counter()
    cal.elapsed(received.iloc[:1], handled.iloc[:1])
    return {
        "cold": time.perf_counter() - started,
        "elapsed": best_of(3, lambda: cal.elapsed(received, handled)),
        "deadline": best_of(3, lambda: cal.deadline(received, TARGET_HOURS)),
        "cpu_elapsed": best_cpu(3, lambda: cal.elapsed(received, handled)),
        "cpu_deadline": best_cpu(3, lambda: cal.deadline(received, TARGET_HOURS)),
    }


def time_businesstimedelta(rules, received, handled, sample: int) -> tuple[float, float]:
    s_py = [t.to_pydatetime() for t in received.iloc[:sample]]
    e_py = [t.to_pydatetime() for t in handled.iloc[:sample]]
    pairs = list(zip(s_py, e_py, strict=True))
    elapsed = best_of(1, lambda: [rules.difference(s, e) for s, e in pairs])
    delta = businesstimedelta.BusinessTimeDelta(rules, hours=TARGET_HOURS)
    deadline = best_of(1, lambda: [s + delta for s in s_py])
    return elapsed, deadline


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    received, handled = workload(args.rows, args.seed)
    cal, split = BusinessCalendar(), split_days()
    ours, ours_split = (time_calendar(c, received, handled) for c in (cal, split))

    # The same holidays for the references, so that they answer the same question.
    closed = {d for d, *_ in cal.holidays_between(date(2024, 1, 1), date(2027, 12, 31))}
    zone = pytz.timezone(TZ)
    workday = businesstimedelta.WorkDayRule(
        start_time=clock(8, 30), end_time=clock(16, 30), working_days=[0, 1, 2, 3, 4], tz=zone
    )
    holiday = businesstimedelta.HolidayRule(closed, tz=zone)
    lunch = businesstimedelta.LunchTimeRule(
        start_time=clock(12), end_time=clock(13), working_days=[0, 1, 2, 3, 4], tz=zone
    )
    sample = min(args.sample, args.rows)
    rules = businesstimedelta.Rules([workday, holiday])
    btd_elapsed, btd_deadline = time_businesstimedelta(rules, received, handled, sample)
    lunch_rules = businesstimedelta.Rules([workday, lunch, holiday])
    btd_split = time_businesstimedelta(lunch_rules, received, handled, sample)

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
    for name, times in (("one period", ours), ("split days", ours_split)):
        print(
            f"{name}: first call (builds the calendar table) {times['cold'] * 1000:.1f} ms;"
            f" CPU time for {n:,} rows: elapsed {times['cpu_elapsed']:.3f} s,"
            f" deadline {times['cpu_deadline']:.3f} s (wall times below)"
        )
    print()
    header = f"{'':50}{'total for rows':>16}{'per row':>14}{'× ours':>10}"
    print(header)
    print("-" * len(header))

    def line(name: str, seconds: float, rows_timed: int, ours: float | None) -> None:
        per_row = seconds / rows_timed
        ratio = "" if ours is None else f"{per_row / (ours / n):,.0f}×"
        print(f"{name:50}{per_row * n:>14.3f} s{per_row * 1e6:>11.3f} µs{ratio:>10}")

    line("one period: elapsed, BusinessCalendar", ours["elapsed"], n, None)
    line("one period: elapsed, businesstimedelta", btd_elapsed, sample, ours["elapsed"])
    line("one period: deadline, BusinessCalendar", ours["deadline"], n, None)
    line("one period: deadline, businesstimedelta", btd_deadline, sample, ours["deadline"])
    line("one period: deadline, CustomBusinessHour", cbh_deadline, sample, ours["deadline"])
    line("split days: elapsed, BusinessCalendar", ours_split["elapsed"], n, None)
    line(
        "split days: elapsed, businesstimedelta (lunch)",
        btd_split[0],
        sample,
        ours_split["elapsed"],
    )
    line("split days: deadline, BusinessCalendar", ours_split["deadline"], n, None)
    line(
        "split days: deadline, businesstimedelta (lunch)",
        btd_split[1],
        sample,
        ours_split["deadline"],
    )
    print()
    print(
        f"CustomBusinessHour agrees on {cbh_agrees:.1%} of the sample once its next-opening"
        " convention is applied to ours (it ignores DST: wall times only)"
    )


if __name__ == "__main__":
    main()
