"""The business clock: properties, an independent reference, and hand-checked Québec dates."""

from datetime import UTC, date, datetime, time, timedelta

import businesstimedelta
import holidays
import numpy as np
import pandas as pd
import pytest
import pytz
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.business_time import BusinessCalendar

TZ = "America/Toronto"
CAL = BusinessCalendar()
HOUR = 3600
# Property tests measure behaviour, not speed: the first call builds the calendar's
# tables, and the machine may be shared, so hypothesis' per-example deadline is off.
PROPERTY = settings(deadline=None)


def local(text: str) -> pd.Timestamp:
    """A Québec wall-clock time as an aware instant."""
    return pd.Timestamp(text, tz=TZ)


def utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


# Instants from 2018 to 2030, to the second, with extra weight on the times where
# the clock changes state (opening, closing, midnight) so that edges get exercised.
FIRST, LAST = utc("2018-01-01").value // 10**9, utc("2030-12-31").value // 10**9
any_second = st.integers(FIRST, LAST).map(lambda s: pd.Timestamp(s, unit="s", tz="UTC"))
edge_time = st.sampled_from([time(8, 30), time(16, 30), time(0, 0), time(8, 29, 59), time(16, 29)])
on_an_edge = st.builds(
    lambda day, t: pd.Timestamp(datetime.combine(day, t)).tz_localize(TZ).tz_convert("UTC"),
    st.dates(date(2018, 1, 1), date(2030, 12, 30)),
    edge_time,
)
instants = st.one_of(any_second, on_an_edge)
business_hours = st.one_of(
    st.integers(0, 80),
    st.sampled_from([0.5, 7.5, 8, 16, 24, 40]),
    st.integers(0, 80 * 3600).map(lambda s: s / 3600),
)


@PROPERTY
@given(instants, instants, instants)
def test_elapsed_is_additive_over_consecutive_spans(a, b, c):
    a, b, c = sorted([a, b, c])
    assert CAL.elapsed(a, b) + CAL.elapsed(b, c) == CAL.elapsed(a, c)


@PROPERTY
@given(instants, instants)
def test_elapsed_is_never_negative_nor_more_than_wall_time(a, b):
    spent = CAL.elapsed(a, b)
    assert spent >= 0
    assert spent <= max((b - a).total_seconds(), 0)
    if b <= a:
        assert spent == 0


@PROPERTY
@given(instants, business_hours)
def test_deadline_is_the_earliest_instant_where_elapsed_reaches_the_target(start, hours):
    due = CAL.deadline(start, hours)
    target = round(hours * HOUR)
    assert due >= start
    assert CAL.elapsed(start, due) == target
    if due > start:
        assert CAL.elapsed(start, due - pd.Timedelta(seconds=1)) < target


@PROPERTY
@given(st.dates(date(2018, 1, 1), date(2030, 12, 31)), st.integers(0, 8 * 60))
def test_a_target_reached_exactly_at_closing_time_is_due_at_closing(day, minutes_before_close):
    if not CAL.is_business_day(day):
        return
    close = pd.Timestamp(datetime.combine(day, time(16, 30))).tz_localize(TZ)
    start = close - pd.Timedelta(minutes=minutes_before_close)
    assert CAL.deadline(start, minutes_before_close / 60) == close
    assert CAL.deadline(local(f"{day} 08:30"), 8) == close


@PROPERTY
@given(instants)
def test_is_open_and_next_open_agree(t):
    starts = CAL.next_open(t)
    assert starts >= t
    assert CAL.is_open(starts)
    assert (starts == t) == CAL.is_open(t)
    assert CAL.elapsed(t, starts) == 0


# --- an independent reference: businesstimedelta walks the calendar period by period ---


def reference_rules(years=range(2018, 2031)):
    zone = pytz.timezone(TZ)
    # Straight from the holidays package, not through the calendar under test.
    closed = set(holidays.country_holidays("CA", subdiv="QC", years=list(years)))
    workday = businesstimedelta.WorkDayRule(
        start_time=time(8, 30), end_time=time(16, 30), working_days=[0, 1, 2, 3, 4], tz=zone
    )
    holiday = businesstimedelta.HolidayRule(closed, tz=zone)
    return businesstimedelta.Rules([workday, holiday])


def test_elapsed_agrees_with_businesstimedelta_to_the_second_over_several_years():
    rules = reference_rules()
    rng = np.random.default_rng(20260624)
    starts = pd.Series(pd.to_datetime(rng.integers(FIRST, LAST - 40 * 86400, 3000), unit="s"))
    ends = starts + pd.to_timedelta(rng.integers(0, 30 * 86400, 3000), unit="s")
    starts, ends = starts.dt.tz_localize("UTC"), ends.dt.tz_localize("UTC")
    ours = CAL.elapsed(starts, ends)
    for i, (s, e) in enumerate(zip(starts, ends, strict=True)):
        expected = rules.difference(s.to_pydatetime(), e.to_pydatetime()).timedelta
        assert ours.iloc[i] == int(expected.total_seconds()), (s, e)


def test_deadline_agrees_with_businesstimedelta_to_the_second_over_several_years():
    rules = reference_rules()
    rng = np.random.default_rng(8)
    starts = pd.Series(pd.to_datetime(rng.integers(FIRST, LAST - 40 * 86400, 2000), unit="s"))
    starts = starts.dt.tz_localize("UTC")
    hours = rng.integers(1, 41, 2000)
    ours = CAL.deadline(starts, hours)
    for i, (s, h) in enumerate(zip(starts, hours, strict=True)):
        expected = s.to_pydatetime() + businesstimedelta.BusinessTimeDelta(rules, hours=int(h))
        assert ours.iloc[i] == pd.Timestamp(expected), (s, h)


# --- hand-checked Québec dates ---


@pytest.mark.parametrize(
    ("received", "due", "why"),
    [
        ("2026-06-23 12:30", "2026-06-25 12:30", "Fête nationale, a Wednesday"),
        ("2029-06-22 17:00", "2029-06-26 16:30", "24 June 2029 is a Sunday: Monday 25 off"),
        ("2026-05-15 17:05", "2026-05-19 16:30", "Journée nationale des patriotes"),
        ("2026-10-09 10:00", "2026-10-13 10:00", "Thanksgiving Monday"),
        ("2026-12-24 12:30", "2026-12-28 12:30", "Christmas Friday"),
        ("2027-12-24 17:00", "2027-12-28 16:30", "Christmas Saturday: Monday 27 off"),
        ("2027-12-31 17:00", "2028-01-04 16:30", "New Year Saturday: Monday 3 off"),
        ("2026-04-02 12:30", "2026-04-06 12:30", "Good Friday; Easter Monday is open"),
        ("2026-03-06 17:05", "2026-03-09 16:30", "weekend of the March DST change"),
        ("2026-10-30 17:05", "2026-11-02 16:30", "weekend of the November DST change"),
        ("2026-03-07 11:00", "2026-03-09 16:30", "received on a Saturday"),
        ("2026-03-09 08:30", "2026-03-09 16:30", "received at opening"),
        ("2026-03-09 16:30", "2026-03-10 16:30", "received at closing"),
    ],
)
def test_an_eight_hour_target_falls_on_the_expected_local_time(received, due, why):
    assert CAL.deadline(local(received), 8) == local(due), why


def test_fete_nationale_on_a_sunday_moves_the_holiday_to_monday():
    assert not CAL.is_business_day(date(2029, 6, 25))
    assert CAL.elapsed(local("2029-06-25 00:00"), local("2029-06-26 00:00")) == 0
    assert CAL.elapsed(local("2029-06-26 00:00"), local("2029-06-27 00:00")) == 8 * HOUR


def test_both_dst_changes_keep_a_business_day_at_eight_hours():
    # Local 8:30-16:30 is 8 real hours on either side of each change.
    for monday in ("2026-03-09", "2026-11-02"):
        assert CAL.elapsed(local(f"{monday} 00:00"), local(f"{monday} 23:59")) == 8 * HOUR
    # Friday 16:00 EST to Monday 9:00 EDT: half an hour each side of the weekend.
    assert CAL.elapsed(utc("2026-03-06 21:00"), utc("2026-03-09 13:00")) == HOUR
    assert CAL.deadline(utc("2026-03-06 22:05"), 8) == utc("2026-03-09 20:30")
    assert CAL.deadline(utc("2026-10-30 21:05"), 8) == utc("2026-11-02 21:30")


def test_weekends_hold_no_business_time():
    assert CAL.elapsed(local("2026-03-07 00:00"), local("2026-03-09 00:00")) == 0
    assert not CAL.is_open(local("2026-03-07 10:00"))
    assert CAL.is_open(local("2026-03-09 10:00"))


def test_office_hours_include_opening_and_exclude_closing():
    assert CAL.is_open(local("2026-03-09 08:30"))
    assert not CAL.is_open(local("2026-03-09 08:29:59"))
    assert CAL.is_open(local("2026-03-09 16:29:59"))
    assert not CAL.is_open(local("2026-03-09 16:30"))


def test_easter_monday_and_extra_closures_are_closed_only_when_asked():
    monday = local("2026-04-06 12:00")
    assert CAL.is_open(monday)
    assert not BusinessCalendar(include_easter_monday=True).is_open(monday)
    eve = BusinessCalendar(extra_closures=[date(2026, 12, 24)])
    assert CAL.is_open(local("2026-12-24 12:00"))
    assert not eve.is_open(local("2026-12-24 12:00"))
    assert eve.deadline(local("2026-12-23 12:30"), 8) == local("2026-12-28 12:30")


def test_holidays_between_names_holidays_easter_monday_and_closures_in_both_languages():
    cal = BusinessCalendar(include_easter_monday=True, extra_closures=["2026-12-24"])
    spring = cal.holidays_between(date(2026, 4, 1), date(2026, 5, 31))
    assert [(d.isoformat(), fr) for d, fr, _ in spring] == [
        ("2026-04-03", "Vendredi saint"),
        ("2026-04-06", "Lundi de Pâques"),
        ("2026-05-18", "Journée nationale des patriotes"),
    ]
    winter = cal.holidays_between(date(2026, 12, 20), date(2027, 1, 2))
    assert winter == [
        (date(2026, 12, 24), "Fermeture", "Closure"),
        (date(2026, 12, 25), "Jour de Noël", "Christmas Day"),
        (date(2027, 1, 1), "Jour de l'an", "New Year's Day"),
    ]


def test_business_days_skip_weekends_and_holidays():
    june = CAL.business_days(date(2026, 6, 1), date(2026, 6, 30))
    assert len(june) == 21
    assert date(2026, 6, 24) not in june
    assert june[0] == date(2026, 6, 1) and june[-1] == date(2026, 6, 30)


def test_next_open_is_when_the_clock_starts():
    assert CAL.next_open(local("2026-06-19 17:05")) == local("2026-06-22 08:30")
    assert CAL.next_open(local("2026-06-23 18:00")) == local("2026-06-25 08:30")
    assert CAL.next_open(local("2026-06-22 10:15")) == local("2026-06-22 10:15")


# --- shapes, time zones, missing values ---


def test_a_scalar_gives_a_scalar_and_a_series_keeps_its_index():
    assert isinstance(CAL.elapsed(local("2026-03-09 08:30"), local("2026-03-09 09:00")), int)
    starts = pd.Series([local("2026-03-09 08:30"), local("2026-03-09 12:00")], index=[10, 3])
    spent = CAL.elapsed(starts, local("2026-03-09 13:00"))
    assert list(spent.index) == [10, 3]
    assert spent.tolist() == [4.5 * HOUR, HOUR]
    assert spent.dtype == np.int64
    due = CAL.deadline(starts, 1)
    assert list(due.index) == [10, 3]
    assert str(due.dtype) == "datetime64[ns, UTC]"
    assert due.tolist() == [local("2026-03-09 09:30"), local("2026-03-09 13:00")]
    assert CAL.is_open(starts).tolist() == [True, True]


def test_lists_and_numpy_arrays_give_arrays():
    spent = CAL.elapsed(["2026-03-09 13:30:00"], np.array(["2026-03-09 14:30:00"], "M8[s]"))
    assert isinstance(spent, np.ndarray)
    assert spent.tolist() == [HOUR]
    due = CAL.deadline([utc("2026-03-09 13:30")], 1)
    assert list(due) == [utc("2026-03-09 14:30")]


def test_one_start_with_many_targets_broadcasts_and_many_starts_with_one_target_too():
    monday = utc("2026-03-09 13:30")  # 9 h 30 in Québec
    due = CAL.deadline(monday, [1, 7, 8])
    assert list(due) == [
        local("2026-03-09 10:30"),
        local("2026-03-09 16:30"),
        local("2026-03-10 09:30"),
    ]
    targets = pd.Series([1.0, np.nan], index=["a", "b"])
    due = CAL.deadline(monday, targets)
    assert list(due.index) == ["a", "b"]
    assert due["a"] == local("2026-03-09 10:30") and due.isna().tolist() == [False, True]
    starts = np.array(["2026-03-09 13:30", "2026-03-09 20:00"], "M8[s]")  # 9 h 30, 16 h 00
    assert list(CAL.deadline(starts, np.array(1))) == [
        local("2026-03-09 10:30"),
        local("2026-03-10 09:00"),
    ]
    assert CAL.deadline(pd.NaT, [1, 2]).isna().all()


def test_naive_timestamps_mean_utc_and_other_zones_are_converted():
    naive = CAL.elapsed(pd.Timestamp("2026-03-09 13:30"), datetime(2026, 3, 9, 14, 30))
    assert naive == HOUR
    paris = pd.Timestamp("2026-03-09 14:30", tz="Europe/Paris")  # 9 h 30 in Québec
    assert CAL.elapsed(paris, datetime(2026, 3, 9, 14, 30, tzinfo=UTC)) == HOUR
    assert CAL.deadline("2026-03-09 13:30", 1) == utc("2026-03-09 14:30")


def test_missing_instants_propagate():
    starts = pd.Series([local("2026-03-09 08:30"), pd.NaT])
    spent = CAL.elapsed(starts, local("2026-03-09 09:00"))
    assert spent.iloc[0] == 1800 and np.isnan(spent.iloc[1])
    assert CAL.deadline(starts, 1).isna().tolist() == [False, True]
    assert CAL.next_open(starts).isna().tolist() == [False, True]
    assert CAL.is_open(starts).tolist() == [True, False]
    assert np.isnan(CAL.elapsed(None, local("2026-03-09 09:00")))
    assert CAL.deadline(pd.NaT, 8) is pd.NaT


def test_far_dates_and_long_targets_extend_the_calendar():
    cal = BusinessCalendar()
    assert cal.deadline(local("2049-12-31 12:00"), 8) == local("2050-01-04 12:00")
    due = cal.deadline(local("2026-01-05 08:30"), 8 * 1000)
    assert cal.elapsed(local("2026-01-05 08:30"), due) == 8 * 1000 * HOUR
    # New Year 2000 fell on a Saturday: Monday 3 January was the observed holiday.
    assert cal.elapsed(local("1999-12-31 12:00"), local("2000-01-04 09:30")) == 5.5 * HOUR


def test_a_negative_target_is_refused():
    with pytest.raises(ValueError):
        CAL.deadline(local("2026-03-09 08:30"), -1)


def test_other_hours_and_weekdays_are_respected():
    saturday_shift = BusinessCalendar(
        open_time=time(10), close_time=time(14), weekdays=(5,), extra_closures=[]
    )
    assert saturday_shift.elapsed(local("2026-03-02"), local("2026-03-09")) == 4 * HOUR
    assert saturday_shift.deadline(local("2026-03-09 00:00"), 6) == local("2026-03-21 12:00")


def test_calendars_with_the_same_rules_are_equal_and_hash_alike():
    a = BusinessCalendar(extra_closures=["2026-12-24"])
    b = BusinessCalendar(extra_closures=[date(2026, 12, 24)])
    assert a == b and hash(a) == hash(b)
    assert a != CAL


@settings(max_examples=50, deadline=None)
@given(st.lists(instants, min_size=1, max_size=30), business_hours)
def test_a_series_gives_the_same_answers_as_each_scalar(starts, hours):
    series = pd.Series(starts)
    due = CAL.deadline(series, hours)
    spent = CAL.elapsed(series, series + timedelta(days=3))
    for i, start in enumerate(starts):
        assert due.iloc[i] == CAL.deadline(start, hours)
        assert spent.iloc[i] == CAL.elapsed(start, start + timedelta(days=3))


def test_short_office_hours_still_count_exactly():
    noon = BusinessCalendar(open_time=time(12), close_time=time(12, 20))
    assert noon.deadline(local("2026-03-09 00:00"), 1) == local("2026-03-11 12:20")
    assert noon.elapsed(local("2026-03-09 00:00"), local("2026-03-11 12:10")) == 50 * 60
