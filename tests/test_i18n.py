"""The string catalogues and Québec formats."""

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from lib.catalogue import STRINGS
from lib.i18n import (
    catalogue_gaps,
    format_clock,
    format_date,
    format_duration,
    format_number,
    format_percent,
    t,
)


def test_no_key_is_missing_in_either_language():
    assert catalogue_gaps() == {"fr": [], "en": []}


def test_placeholders_are_the_same_in_both_languages():
    import string

    def names(text):
        return {f[1] for f in string.Formatter().parse(text) if f[1]}

    for key, entry in STRINGS.items():
        assert names(entry["fr"]) == names(entry["en"]), key


def test_french_is_the_default_language():
    assert t("nav.queue") == "File d'attente"
    assert t("nav.queue", "en") == "Queue"


def test_numbers_use_a_space_for_thousands_and_a_decimal_comma_in_french():
    assert format_number(1234.5, "fr", 1) == "1\u202f234,5"
    assert format_number(1234.5, "en", 1) == "1,234.5"
    assert format_percent(92.25, "fr") == "92,2\u202f%"
    assert format_number(float("nan")) == "—"


def test_times_are_shown_in_quebec_local_time_in_the_quebec_style():
    summer = pd.Timestamp("2026-06-24 20:30", tz="UTC")  # EDT, UTC-4
    winter = pd.Timestamp("2026-01-05 22:05", tz="UTC")  # EST, UTC-5
    assert format_clock(summer, "fr") == "16 h 30"
    assert format_clock(winter, "fr") == "17 h 05"
    assert format_clock(summer, "en") == "4:30 p.m."
    assert format_date(summer, "fr") == "mercredi 24 juin 2026"
    assert (
        format_date(pd.Timestamp("2026-07-01 16:00", tz="UTC"), "fr") == "mercredi 1er juillet 2026"
    )
    assert format_date(summer, "en") == "Wednesday, June 24, 2026"


def test_business_durations_read_as_hours_and_minutes():
    assert format_duration(3900) == "1 h 05 min"
    assert format_duration(300) == "5 min"
    assert format_duration(None) == "—"
    assert format_duration(float("nan")) == format_duration(pd.NA) == "—"
    assert format_percent(pd.NA) == format_number(pd.NA) == "—"


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_a_french_number_parses_back_to_the_same_value(value):
    text = format_number(value, "fr", 2)
    assert float(text.replace("\u202f", "").replace(",", ".")) == round(value, 2)


def test_no_key_is_defined_in_two_areas_of_the_catalogue():
    from lib.catalogue import AREAS

    seen = {}
    for area in AREAS:
        for key in area.STRINGS:
            assert key not in seen, f"{key} in {area.__name__} and {seen[key]}"
            seen[key] = area.__name__
