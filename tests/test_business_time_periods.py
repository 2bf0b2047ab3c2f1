"""The business clock with opening periods: split days, dated schedule changes, closures
and exceptional openings, against a reference that walks the days one by one."""

import pickle
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
import numpy as np
import pandas as pd
import pytest
from dateutil.easter import easter
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.business_time import AroundTheClock, BusinessCalendar, PeriodError

TZ = "America/Toronto"
ZONE = ZoneInfo(TZ)
HOUR = 3600
PROPERTY = settings(max_examples=150, deadline=None)
# Straight from the holidays package, not through the calendar under test.
QC_HOLIDAYS = holidays.country_holidays("CA", subdiv="QC", years=range(2024, 2032))
LUNCH = [(time(8, 30), time(12)), (time(13), time(16, 30))]
SPLIT = BusinessCalendar(weekly=dict.fromkeys(range(5), LUNCH))


def local(text: str) -> pd.Timestamp:
    """A Québec wall-clock time as an aware instant."""
    return pd.Timestamp(text, tz=TZ)


# --- the reference: plain Python over local days ---------------------------------


@dataclass
class Rules:
    """A calendar's rules in plain data, for both the calendar and the reference."""

    weekly: dict
    changes: list = field(default_factory=list)  # (date, weekly, name)
    closures: frozenset = frozenset()
    openings: dict = field(default_factory=dict)
    easter_monday: bool = False

    def calendar(self) -> BusinessCalendar:
        return BusinessCalendar(
            tz=TZ,
            weekly=self.weekly,
            changes=self.changes,
            extra_closures=sorted(self.closures),
            extra_openings=self.openings,
            include_easter_monday=self.easter_monday,
        )


def wall_to_utc(day: date, t: time) -> int:
    """POSIX seconds of the first instant whose Québec wall time is at or after day t:
    a wall time skipped in March moves to the end of the gap, a repeated one in November
    takes its first occurrence."""
    wall = datetime.combine(day, t)
    earlier = wall.replace(tzinfo=ZONE, fold=0)
    # Back through UTC (astimezone to its own zone would return it unchanged).
    if earlier.astimezone(UTC).astimezone(ZONE).replace(tzinfo=None) == wall:  # it exists
        return int(earlier.timestamp())
    low = int(wall.replace(tzinfo=ZONE, fold=1).timestamp())  # read with the later offset
    high = int(earlier.timestamp())  # read with the earlier offset
    while low < high:  # the first second whose wall time reaches `wall`
        middle = (low + high) // 2
        if datetime.fromtimestamp(middle, ZONE).replace(tzinfo=None) >= wall:
            high = middle
        else:
            low = middle + 1
    return low


class Reference:
    """Business time by walking local days and their periods, as a person would."""

    def __init__(self, rules: Rules):
        self.rules = rules
        self.days: dict[date, list[tuple[int, int]]] = {}

    def local_periods(self, day: date) -> list[tuple[time, time]]:
        rules = self.rules
        if day in rules.openings:
            return list(rules.openings[day])
        easter_monday = rules.easter_monday and day == easter(day.year) + timedelta(days=1)
        if day in QC_HOLIDAYS or day in rules.closures or easter_monday:
            return []
        weekly = rules.weekly
        for since, week, _ in sorted(rules.changes, key=lambda change: change[0]):
            if since <= day:
                weekly = week
        return list(weekly.get(day.weekday(), []))

    def intervals(self, day: date) -> list[tuple[int, int]]:
        """The day's periods as [open, close) in POSIX seconds, empty ones left out."""
        if day not in self.days:
            spans = [(wall_to_utc(day, a), wall_to_utc(day, b)) for a, b in self.local_periods(day)]
            self.days[day] = [(a, b) for a, b in spans if b > a]
        return self.days[day]

    def around(self, first: int, last: int):
        """Every interval of the local days from before `first` to after `last`, in order."""
        day = datetime.fromtimestamp(first, ZONE).date() - timedelta(days=1)
        end = datetime.fromtimestamp(last, ZONE).date() + timedelta(days=1)
        while day <= end:
            yield from self.intervals(day)
            day += timedelta(days=1)

    def elapsed(self, s: int, e: int) -> int:
        return sum(max(0, min(b, e) - max(a, s)) for a, b in self.around(s, e))

    def deadline(self, s: int, target: int) -> int:
        if target == 0:
            return s
        left = target
        for a, b in self.around(s, s + 3 * 365 * 86400):
            if b <= s:
                continue
            a = max(a, s)
            if left <= b - a:
                return a + left
            left -= b - a
        raise AssertionError("no deadline within three years")

    def is_open(self, t: int) -> bool:
        return any(a <= t < b for a, b in self.around(t, t))

    def next_open(self, t: int) -> int:
        for a, b in self.around(t, t + 3 * 365 * 86400):
            if b > t:
                return max(a, t)
        raise AssertionError("no opening within three years")


def seconds(ts: pd.Timestamp) -> int:
    return ts.value // 10**9


def stamp(s: int) -> pd.Timestamp:
    return pd.Timestamp(s, unit="s", tz="UTC")


# --- random calendars ---------------------------------------------------------------

# Two windows of 2026 around the DST changes (8 March, 1 November) holding Good Friday,
# Easter Monday, Thanksgiving and Christmas: dates and instants are drawn in them.
WINDOWS = [(date(2026, 2, 20), date(2026, 4, 20)), (date(2026, 10, 1), date(2026, 12, 31))]
window_day = st.sampled_from(WINDOWS).flatmap(lambda w: st.dates(*w))


def quarter(q: int) -> time:
    return time(q // 4, q % 4 * 15)


@st.composite
def day_periods(draw, min_size=0):
    """1-3 periods on a 15-minute grid (sometimes none), some touching, some at night."""
    periods, at = [], draw(st.integers(0, 40))
    for _ in range(draw(st.integers(min_size, 3))):
        start = at + draw(st.sampled_from([0, 0, 1, 2, 4, 8, 12]))  # 0: touches the last
        end = start + draw(st.integers(1, 24))
        if end > 95:
            break
        periods.append((quarter(start), quarter(end)))
        at = end
    return periods


weeks = st.lists(day_periods(), min_size=7, max_size=7).map(lambda days: dict(enumerate(days)))
weeks = weeks.filter(lambda week: any(week.values()))
names = st.one_of(st.none(), st.just("Horaire d'été"), st.just(("Été", "Summer")))


@st.composite
def random_rules(draw) -> Rules:
    changes = draw(
        st.lists(st.tuples(window_day, weeks, names), max_size=3, unique_by=lambda c: c[0])
    )
    return Rules(
        weekly=draw(weeks),
        changes=changes,
        closures=frozenset(draw(st.sets(window_day, max_size=6))),
        openings=draw(st.dictionaries(window_day, day_periods(min_size=1), max_size=4)),
        easter_monday=draw(st.booleans()),
    )


def any_instant(data, rules: Rules) -> int:
    """A second in the windows, or a period's opening or closing on a day of them."""
    day = data.draw(window_day)
    reference = Reference(rules)
    edges = [t for period in reference.local_periods(day) for t in period]
    if edges and data.draw(st.booleans()):
        return wall_to_utc(day, data.draw(st.sampled_from(edges)))
    return wall_to_utc(day, time(0)) + data.draw(st.integers(0, 86400 - 1))


@PROPERTY
@given(random_rules(), st.data())
def test_elapsed_is_the_sum_over_each_days_periods(rules, data):
    reference, cal = Reference(rules), rules.calendar()
    starts = [any_instant(data, rules) for _ in range(8)]
    ends = [any_instant(data, rules) for _ in range(8)]
    spent = cal.elapsed(pd.Series([stamp(s) for s in starts]), pd.Series([stamp(e) for e in ends]))
    for s, e, ours in zip(starts, ends, spent, strict=True):
        assert ours == reference.elapsed(s, e), (stamp(s), stamp(e))


@PROPERTY
@given(random_rules(), st.data())
def test_deadline_is_where_the_walk_through_the_periods_ends(rules, data):
    reference, cal = Reference(rules), rules.calendar()
    starts = [any_instant(data, rules) for _ in range(8)]
    targets = []
    for s in starts:
        if data.draw(st.booleans()):  # exactly to a period's end, maybe days later
            end = any_instant(data, rules)
            targets.append(reference.elapsed(s, end))
        else:
            targets.append(data.draw(st.integers(0, 30 * 60)) * 60)
    due = cal.deadline(pd.Series([stamp(s) for s in starts]), np.array(targets) / HOUR)
    for s, target, ours in zip(starts, targets, due, strict=True):
        assert ours == stamp(reference.deadline(s, target)), (stamp(s), target)


@PROPERTY
@given(random_rules(), st.data())
def test_is_open_and_next_open_follow_the_periods(rules, data):
    reference, cal = Reference(rules), rules.calendar()
    instants = [any_instant(data, rules) for _ in range(10)]
    series = pd.Series([stamp(t) for t in instants])
    for t, open_, starts in zip(instants, cal.is_open(series), cal.next_open(series), strict=True):
        assert open_ == reference.is_open(t), stamp(t)
        assert starts == stamp(reference.next_open(t)), stamp(t)


@settings(max_examples=30, deadline=None)
@given(random_rules(), window_day)
def test_periods_on_and_business_days_say_the_rules_of_each_day(rules, day):
    reference, cal = Reference(rules), rules.calendar()
    assert list(cal.periods_on(day)) == sorted(reference.local_periods(day))
    assert cal.is_exceptional_opening(day) == (day in rules.openings)
    week = [day + timedelta(days=i) for i in range(7)]
    assert cal.business_days(week[0], week[-1]) == [d for d in week if reference.local_periods(d)]
    in_force = [(since, name) for since, _, name in rules.changes if since <= day]
    name = max(in_force)[1] if in_force else None
    assert cal.schedule_name(day) == ((name, name) if isinstance(name, str) else name)


# --- hand-checked days ------------------------------------------------------------


def test_a_target_reached_before_lunch_is_due_at_noon_and_an_hour_more_after_lunch():
    monday = local("2026-03-09 08:30")
    assert SPLIT.deadline(monday, 3.5) == local("2026-03-09 12:00")
    assert SPLIT.deadline(monday, 4) == local("2026-03-09 13:30")
    assert SPLIT.elapsed(monday, local("2026-03-09 13:30")) == 4 * HOUR
    assert SPLIT.elapsed(local("2026-03-09 00:00"), local("2026-03-10 00:00")) == 7 * HOUR
    assert SPLIT.deadline(local("2026-03-09 12:30"), 0) == local("2026-03-09 12:30")
    assert SPLIT.deadline(local("2026-03-09 15:00"), 1.5) == local("2026-03-09 16:30")


def test_the_lunch_closure_is_closed_and_the_clock_restarts_at_one():
    assert SPLIT.is_open(local("2026-03-09 11:59:59"))
    assert not SPLIT.is_open(local("2026-03-09 12:00"))
    assert not SPLIT.is_open(local("2026-03-09 12:59:59"))
    assert SPLIT.is_open(local("2026-03-09 13:00"))
    assert SPLIT.next_open(local("2026-03-09 12:15")) == local("2026-03-09 13:00")
    assert SPLIT.weekdays == (0, 1, 2, 3, 4)
    assert (SPLIT.open_time, SPLIT.close_time) == (time(8, 30), time(16, 30))


def test_a_weekly_schedule_gives_its_open_weekdays_earliest_opening_and_latest_closing():
    cal = BusinessCalendar(
        weekly={2: [(time(14), time(18)), (time(7), time(10))], 0: [(time(9), time(12))], 6: []},
        changes=[(date(2026, 6, 24), {5: [(time(6), time(20))]})],
    )
    assert cal.weekdays == (0, 2)
    assert (cal.open_time, cal.close_time) == (time(7), time(18))
    assert cal.periods_on(date(2026, 3, 11)) == ((time(7), time(10)), (time(14), time(18)))
    assert cal.periods_on(date(2026, 3, 15)) == ()  # Sunday, given as []
    assert cal.periods_on(date(2026, 6, 27)) == ((time(6), time(20)),)  # a changed Saturday


def test_touching_periods_run_as_one_stretch():
    touching = BusinessCalendar(weekly={0: [(time(9), time(12)), (time(12), time(14))]})
    assert touching.is_open(local("2026-03-09 12:00"))
    assert touching.deadline(local("2026-03-09 11:00"), 2) == local("2026-03-09 13:00")
    assert touching.deadline(local("2026-03-09 09:00"), 3) == local("2026-03-09 12:00")
    assert touching.elapsed(local("2026-03-09 00:00"), local("2026-03-10 00:00")) == 5 * HOUR


SUMMER_WEEK = {d: [(time(8), time(12)), (time(13), time(16))] for d in range(4)} | {
    4: [(time(8), time(12))]
}
# Summer hours from la Fête nationale (Wednesday 24 June 2026) to la fête du Travail
# (Monday 7 September 2026, the first Monday of September).
SUMMER = BusinessCalendar(
    weekly=dict.fromkeys(range(5), LUNCH),
    changes=[
        (date(2026, 6, 24), SUMMER_WEEK, ("Horaire d'été", "Summer hours")),
        (date(2026, 9, 7), dict.fromkeys(range(5), LUNCH)),
    ],
)


def test_summer_hours_run_from_the_fete_nationale_to_labour_day():
    assert SUMMER.periods_on(date(2026, 6, 23)) == tuple(LUNCH)
    assert SUMMER.periods_on(date(2026, 6, 24)) == ()  # the holiday itself
    assert SUMMER.periods_on(date(2026, 6, 26)) == ((time(8), time(12)),)
    assert SUMMER.schedule_name(date(2026, 7, 15)) == ("Horaire d'été", "Summer hours")
    assert SUMMER.schedule_name(date(2026, 6, 23)) is None
    assert SUMMER.schedule_name(date(2026, 9, 8)) is None  # the unnamed change back
    # Monday 6 July to Friday 10 July: four days of 7 hours and a Friday morning.
    assert SUMMER.elapsed(local("2026-07-06 00:00"), local("2026-07-11 00:00")) == 32 * HOUR
    assert SUMMER.weekdays == (0, 1, 2, 3, 4)


def test_a_summer_thursday_comment_runs_through_friday_morning():
    # Thursday 15-16 (1 h), Friday 8-12 (4 h), Monday 8-11 (3 h).
    assert SUMMER.deadline(local("2026-06-25 15:00"), 8) == local("2026-06-29 11:00")
    assert SUMMER.next_open(local("2026-06-26 12:00")) == local("2026-06-29 08:00")


def test_labour_day_is_closed_and_regular_hours_come_back_the_next_day():
    # Friday 11-12 (1 h), Labour Day closed, Tuesday 8:30-12 and 13-16:30 (7 h): at closing.
    assert SUMMER.deadline(local("2026-09-04 11:00"), 8) == local("2026-09-08 16:30")


EMERGENCY = BusinessCalendar(
    weekly=dict.fromkeys(range(5), LUNCH),
    extra_openings={date(2026, 3, 14): [(time(9), time(15))]},  # a Saturday
)


def test_an_emergency_saturday_opening_runs_a_friday_evening_comments_clock():
    friday_evening = local("2026-03-13 17:05")
    assert EMERGENCY.next_open(friday_evening) == local("2026-03-14 09:00")
    # Saturday 9-15 (6 h), then Monday 8:30-10:30.
    assert EMERGENCY.deadline(friday_evening, 8) == local("2026-03-16 10:30")
    assert SPLIT.deadline(friday_evening, 8) == local("2026-03-17 09:30")  # without it
    assert EMERGENCY.is_exceptional_opening(date(2026, 3, 14))
    assert EMERGENCY.is_business_day(date(2026, 3, 14))
    assert date(2026, 3, 14) in EMERGENCY.business_days(date(2026, 3, 9), date(2026, 3, 15))
    assert not EMERGENCY.is_business_day(date(2026, 3, 21))


def test_an_opening_on_a_closed_day_wins_over_the_closure():
    eve = BusinessCalendar(
        extra_closures={date(2026, 12, 24): ("Veille de Noël", "Christmas Eve")},
        extra_openings={
            date(2026, 12, 24): [(time(9), time(12))],
            "2026-06-24": [("10:00", "14:00")],
        },
    )
    assert eve.periods_on(date(2026, 12, 24)) == ((time(9), time(12)),)
    assert eve.is_open(local("2026-12-24 10:00")) and not eve.is_open(local("2026-12-24 13:00"))
    assert eve.elapsed(local("2026-06-24 00:00"), local("2026-06-25 00:00")) == 4 * HOUR
    # closed_days keeps its meaning: the closure and the holiday, by name.
    assert eve.closed_days(date(2026, 12, 24), date(2026, 12, 24)) == {
        date(2026, 12, 24): ("Veille de Noël", "Christmas Eve")
    }


def test_closures_are_named_as_given():
    cal = BusinessCalendar(extra_closures={"2026-12-24": "Congé", date(2026, 12, 31): None})
    assert cal.extra_closures == (date(2026, 12, 24), date(2026, 12, 31))
    assert cal.holidays_between(date(2026, 12, 24), date(2026, 12, 31)) == [
        (date(2026, 12, 24), "Congé", "Congé"),
        (date(2026, 12, 25), "Jour de Noël", "Christmas Day"),
        (date(2026, 12, 31), "Fermeture", "Closure"),
    ]


def test_a_split_day_on_the_march_dst_change_counts_real_time():
    # Sunday 8 March 2026: at 2:00 EST the clocks jump to 3:00 EDT. 1:00-2:30 loses its
    # skipped half hour (1:00 EST to 3:00 EDT is one real hour) and touches 3:00-4:00.
    cal = BusinessCalendar(extra_openings={"2026-03-08": [("01:00", "02:30"), ("03:00", "04:00")]})
    one_am = pd.Timestamp("2026-03-08 06:00", tz="UTC")
    assert cal.elapsed(local("2026-03-08 00:00"), local("2026-03-09 00:00")) == 2 * HOUR
    assert cal.deadline(one_am, 1.5) == pd.Timestamp("2026-03-08 07:30", tz="UTC")  # 3:30 EDT
    assert cal.deadline(one_am, 2) == pd.Timestamp("2026-03-08 08:00", tz="UTC")  # 4:00 EDT


def test_a_split_day_on_the_november_dst_change_counts_the_repeated_hour_once():
    # Sunday 1 November 2026: 1:00-2:00 happens twice. 0:30-1:30 ends at the first
    # 1:30 (EDT, one hour), 1:45 EDT to 3:00 EST is two hours and a quarter.
    cal = BusinessCalendar(extra_openings={"2026-11-01": [("00:30", "01:30"), ("01:45", "03:00")]})
    assert cal.elapsed(local("2026-11-01 00:00"), local("2026-11-02 00:00")) == 3.25 * HOUR
    assert cal.deadline(local("2026-11-01 00:30"), 1) == pd.Timestamp("2026-11-01 05:30", tz="UTC")
    assert cal.deadline(local("2026-11-01 00:30"), 3.25) == pd.Timestamp(
        "2026-11-01 08:00", tz="UTC"
    )
    assert SPLIT.elapsed(local("2026-11-02 00:00"), local("2026-11-03 00:00")) == 7 * HOUR


def test_short_periods_many_to_the_hour_still_count_exactly():
    # Six ten-minute periods in an hour: the lookups take several steps per bucket.
    minutes = [(time(9, m), time(9, m + 5)) for m in range(0, 60, 10)]
    cal = BusinessCalendar(weekly=dict.fromkeys(range(7), minutes))
    assert cal.elapsed(local("2026-03-09 00:00"), local("2026-03-10 00:00")) == 30 * 60
    assert cal.deadline(local("2026-03-09 09:00"), 0.25) == local("2026-03-09 09:25")
    assert cal.deadline(local("2026-03-09 09:06"), 1) == local("2026-03-11 09:05")
    assert cal.next_open(local("2026-03-09 09:07")) == local("2026-03-09 09:10")


# --- refusals ------------------------------------------------------------------------


def test_overlapping_periods_are_refused_with_the_day_and_the_periods():
    with pytest.raises(PeriodError) as refused:
        BusinessCalendar(weekly={0: [(time(8, 30), time(12)), (time(11), time(16, 30))]})
    assert str(refused.value) == "Monday: 08:30–12:00 overlaps 11:00–16:30"
    assert refused.value.day == 0 and refused.value.problem == "overlap"
    assert refused.value.periods == ((time(8, 30), time(12)), (time(11), time(16, 30)))
    assert isinstance(refused.value, ValueError)


def test_a_period_ending_before_it_starts_or_at_midnight_is_refused():
    with pytest.raises(PeriodError, match="Wednesday: 12:00–08:00") as refused:
        BusinessCalendar(weekly={2: [(time(12), time(8))]})
    assert (refused.value.day, refused.value.problem) == (2, "order")
    with pytest.raises(PeriodError, match="Friday: 22:00–00:00") as refused:
        BusinessCalendar(weekly={4: [(time(22), time(0))]})
    assert refused.value.problem == "order"
    with pytest.raises(PeriodError, match="overlaps"):
        BusinessCalendar(weekly={1: [(time(9), time(10)), (time(9), time(10))]})


def test_changes_and_openings_are_checked_and_named_in_the_refusal():
    with pytest.raises(PeriodError, match="Thursday") as refused:
        BusinessCalendar(
            changes=[(date(2026, 6, 24), {3: [("08:00", "12:00"), ("11:00", "13:00")]})]
        )
    assert (refused.value.day, refused.value.since) == (3, date(2026, 6, 24))
    with pytest.raises(PeriodError, match="2026-03-14") as refused:
        BusinessCalendar(extra_openings={"2026-03-14": [("15:00", "09:00")]})
    assert refused.value.day == date(2026, 3, 14) and refused.value.problem == "order"
    with pytest.raises(ValueError, match="extra_closures"):
        BusinessCalendar(extra_openings={"2026-03-14": []})


def test_weekly_and_the_shorthand_together_are_refused():
    with pytest.raises(ValueError):
        BusinessCalendar(weekly={0: LUNCH}, open_time=time(9))
    with pytest.raises(ValueError):
        BusinessCalendar(weekly={0: [], 6: []})


# --- identity --------------------------------------------------------------------------


def test_calendars_with_the_same_rules_are_equal_hash_alike_and_pickle():
    def make(**shape):
        return BusinessCalendar(
            changes=[("2026-06-24", {4: [("08:00", "12:00")]}, "Été")],
            extra_openings={date(2026, 3, 14): [(time(9), time(15))]},
            extra_closures={"2026-12-24": "Veille"},
            **shape,
        )

    a = make(weekly={0: LUNCH, 1: LUNCH})
    b = make(weekly={1: [("13:00", "16:30"), ("08:30", "12:00")], 0: tuple(LUNCH), 5: []})
    assert a == b and hash(a) == hash(b)
    assert a != make(weekly={0: LUNCH})
    assert a != BusinessCalendar(weekly={0: LUNCH, 1: LUNCH})
    assert BusinessCalendar() == BusinessCalendar(
        weekly=dict.fromkeys(range(5), [(time(8, 30), time(16, 30))])
    )
    a.deadline(local("2026-03-13 17:05"), 8)  # built tables do not travel
    copy = pickle.loads(pickle.dumps(a))
    assert copy == a and hash(copy) == hash(a)
    assert copy.deadline(local("2026-03-13 17:05"), 8) == a.deadline(local("2026-03-13 17:05"), 8)
    assert copy.schedule_name("2026-07-01") == ("Été", "Été")
    assert "changes=" in repr(a) and "extra_openings=" in repr(a)


# --- around the clock ----------------------------------------------------------------


def test_around_the_clock_counts_real_time_across_a_dst_change():
    clock = AroundTheClock()
    saturday_noon = local("2026-03-07 12:00")  # EST
    due = clock.deadline(saturday_noon, 24)
    assert (due - saturday_noon) == pd.Timedelta(hours=24)
    assert due == local("2026-03-08 13:00")  # EDT: the wall clock moved an hour more
    assert clock.elapsed(saturday_noon, due) == 24 * HOUR
    assert clock.elapsed(due, saturday_noon) == 0
    assert clock.elapsed(saturday_noon, saturday_noon + pd.Timedelta(seconds=1.9)) == 1


def test_around_the_clock_is_always_open_and_keeps_the_shapes():
    clock = AroundTheClock()
    sunday = local("2026-12-25 03:00")
    assert clock.is_open(sunday) and clock.next_open(sunday) == sunday
    starts = pd.Series([sunday, pd.NaT], index=[7, 2])
    assert clock.is_open(starts).tolist() == [True, False]
    due = clock.deadline(starts, 1.5)
    assert list(due.index) == [7, 2] and str(due.dtype) == "datetime64[ns, UTC]"
    assert due.iloc[0] == sunday + pd.Timedelta(minutes=90) and due.isna().iloc[1]
    spent = clock.elapsed(starts, sunday + pd.Timedelta(hours=1))
    assert spent.iloc[0] == HOUR and np.isnan(spent.iloc[1])
    assert clock.deadline(sunday, [1, 2]).tolist() == [
        sunday + pd.Timedelta(hours=h) for h in (1, 2)
    ]
    assert clock.deadline(pd.NaT, 8) is pd.NaT
    assert np.isnan(clock.elapsed(None, sunday))
    assert clock.closed_days(date(2026, 12, 1), date(2026, 12, 31)) == {}
    assert clock.holidays_between(date(2026, 12, 1), date(2026, 12, 31)) == []
    assert clock.is_business_day(date(2026, 12, 25)) and clock.periods_on(date(2026, 12, 25)) == ()
    assert len(clock.business_days(date(2026, 12, 1), date(2026, 12, 31))) == 31
    assert clock.weekdays == (0, 1, 2, 3, 4, 5, 6) and clock.schedule_name("2026-07-01") is None
    assert AroundTheClock() == AroundTheClock(TZ) and AroundTheClock() != AroundTheClock("UTC")
    assert pickle.loads(pickle.dumps(clock)) == clock
