"""Closed days from iCalendar files (lib.calendar_import): Outlook exports, hostile files."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib.calendar_import import (
    ICS_MAX_BYTES,
    MAX_OCCURRENCES,
    NAME_MAX_CHARS,
    CalendarImportError,
    closures_from_ics,
)

FIXTURES = Path(__file__).parent / "fixtures"
TWO_YEARS = (date(2026, 1, 1), date(2027, 12, 31))


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def calendar(*events: str) -> bytes:
    """A VCALENDAR around VEVENT bodies (their lines without BEGIN/END), CRLF as Outlook writes."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tests//Vigie//FR"]
    for number, body in enumerate(events):
        lines += ["BEGIN:VEVENT", f"UID:event-{number}", "DTSTAMP:20260101T000000Z"]
        lines += body.strip().splitlines()
        lines += ["END:VEVENT"]
    return ("\r\n".join([*lines, "END:VCALENDAR"]) + "\r\n").encode()


def refusal(data: bytes, window=TWO_YEARS) -> str:
    with pytest.raises(CalendarImportError) as raised:
        closures_from_ics(data, *window)
    return raised.value.code


def test_an_outlook_export_gives_each_day_of_its_all_day_events_named_by_their_subject():
    found = closures_from_ics(fixture("outlook_closures.ics"), *TWO_YEARS)
    days = {day.isoformat(): name for day, name in found.days}
    fetes = [(date(2026, 12, 24) + timedelta(days=i)).isoformat() for i in range(10)]
    assert list(days) == ["2026-09-10", *fetes, "2027-03-29", "2027-09-10"]
    assert {days[d] for d in fetes} == {"Congé des Fêtes"}  # DTEND 3 January is not closed
    assert days["2027-03-29"] == "Lundi de Pâques"
    assert days["2026-09-10"] == days["2027-09-10"] == "Journée de la fonction publique"
    assert found.outside == 0


def test_a_timed_event_is_never_a_closure_even_over_the_whole_office_day():
    found = closures_from_ics(fixture("outlook_closures.ics"), *TWO_YEARS)
    [skipped] = found.skipped
    assert (skipped.name, skipped.day, skipped.why) == (
        "Formation de l'équipe (bureaux ouverts)",
        date(2026, 11, 13),
        "timed",
    )
    assert date(2026, 11, 13) not in dict(found.days)


def test_only_the_window_asked_is_kept_and_the_days_left_out_are_counted():
    found = closures_from_ics(fixture("outlook_closures.ics"), date(2027, 1, 1), date(2027, 12, 31))
    assert [d.isoformat() for d, _ in found.days] == [
        "2027-01-01",
        "2027-01-02",
        "2027-03-29",
        "2027-09-10",
    ]
    assert found.outside == 8  # 24 to 31 December 2026; the yearly event expands inside only


def test_outlook_webs_midnight_to_midnight_all_day_event_closes_its_days_and_a_cancelled_one_not():
    found = closures_from_ics(fixture("outlook_web_all_day.ics"), *TWO_YEARS)
    assert found.days == (
        (date(2027, 3, 15), "Fermeture du bureau régional"),
        (date(2027, 3, 16), "Fermeture du bureau régional"),
    )
    assert [(s.day, s.why) for s in found.skipped] == [(date(2027, 4, 10), "cancelled")]


def test_a_calendar_of_meetings_only_is_refused_in_words():
    with pytest.raises(CalendarImportError) as raised:
        closures_from_ics(fixture("outlook_meetings_only.ics"), *TWO_YEARS)
    assert raised.value.code == "no_all_day_event"
    assert raised.value.describe("fr") == (
        "Ce calendrier ne contient aucun événement d'une journée entière, donc aucun jour "
        "fermé (2 autres événements)."
    )
    assert "holds no all-day event" in raised.value.describe("en")


def test_a_file_over_two_megabytes_is_refused_before_it_is_read():
    data = fixture("outlook_closures.ics") + b" " * ICS_MAX_BYTES
    assert refusal(data) == "too_big"
    assert (
        CalendarImportError("too_big", limit=2).describe("fr").startswith("Ce fichier dépasse 2 Mo")
    )


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"date;nom\n2026-12-24;Noel\n",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:2026XX24\r\n",
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Marie Tremblay\r\nEND:VCARD\r\n",
    ],
    ids=["empty", "csv", "pdf", "broken", "vcard"],
)
def test_a_file_that_is_not_icalendar_is_refused_in_words(data):
    assert refusal(data) in ("not_icalendar", "no_all_day_event")


def test_an_event_without_an_end_closes_one_day_and_a_duration_its_days():
    found = closures_from_ics(
        calendar(
            "SUMMARY:Sans fin\nDTSTART;VALUE=DATE:20270205",
            "SUMMARY:Trois jours\nDTSTART;VALUE=DATE:20270210\nDURATION:P3D",
        ),
        *TWO_YEARS,
    )
    assert [d.isoformat() for d, _ in found.days] == [
        "2027-02-05",
        "2027-02-10",
        "2027-02-11",
        "2027-02-12",
    ]


def test_two_events_on_one_day_give_it_both_names():
    found = closures_from_ics(
        calendar(
            "SUMMARY:Déménagement\nDTSTART;VALUE=DATE:20270205",
            "SUMMARY:Panne de réseau\nDTSTART;VALUE=DATE:20270205",
        ),
        *TWO_YEARS,
    )
    assert found.days == ((date(2027, 2, 5), "Déménagement / Panne de réseau"),)


def test_a_yearly_event_skips_its_excluded_year_and_stops_at_its_count():
    found = closures_from_ics(
        calendar(
            "SUMMARY:Journée de la fonction publique\n"
            "DTSTART;VALUE=DATE:20250910\nDTEND;VALUE=DATE:20250911\n"
            "RRULE:FREQ=YEARLY;COUNT=3\nEXDATE;VALUE=DATE:20260910"
        ),
        date(2025, 1, 1),
        date(2029, 12, 31),
    )
    assert [d.isoformat() for d, _ in found.days] == ["2025-09-10", "2027-09-10"]


def test_a_rule_repeating_within_a_day_is_skipped_and_too_many_days_refused():
    found = closures_from_ics(
        calendar(
            "SUMMARY:Congé\nDTSTART;VALUE=DATE:20270205",
            "SUMMARY:Chaque heure\nDTSTART;VALUE=DATE:20270101\nRRULE:FREQ=HOURLY",
        ),
        *TWO_YEARS,
    )
    assert [(s.name, s.why) for s in found.skipped] == [("Chaque heure", "too_often")]
    daily = [
        f"SUMMARY:Tous les jours {i}\nDTSTART;VALUE=DATE:20250101\nRRULE:FREQ=DAILY"
        for i in range(4)
    ]
    assert refusal(calendar(*daily), (date(2025, 1, 1), date(2028, 12, 31))) == "too_many"
    assert MAX_OCCURRENCES < 4 * 4 * 365


def test_a_hostile_subject_becomes_one_short_line_of_plain_text():
    hostile = (
        "[Cliquez](javascript:alert(1)) <img src=x onerror=alert(1)> **gras**\\n# Titre"
        "\x07\x1b[31m" + "x" * 10_000
    )
    found = closures_from_ics(
        calendar(f"SUMMARY:{hostile}\nDTSTART;VALUE=DATE:20270205"), *TWO_YEARS
    )
    [(_day, name)] = found.days
    assert len(name) == NAME_MAX_CHARS and name.endswith("…")
    assert name.startswith("[Cliquez](javascript:alert(1)) <img src=x onerror=alert(1)> **gras**")
    assert all(c.isprintable() for c in name)


# --- properties -------------------------------------------------------------------------

SOME_DAYS = st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31))


@given(st.lists(st.tuples(SOME_DAYS, st.integers(1, 6)), min_size=1, max_size=12))
@settings(max_examples=60, deadline=None)
def test_the_days_of_all_day_events_come_back_as_written(events):
    data = calendar(
        *(
            f"SUMMARY:Fermeture {i}\nDTSTART;VALUE=DATE:{start:%Y%m%d}\n"
            f"DTEND;VALUE=DATE:{start + timedelta(days=length):%Y%m%d}"
            for i, (start, length) in enumerate(events)
        )
    )
    found = closures_from_ics(data, *TWO_YEARS)
    expected = {start + timedelta(days=i) for start, length in events for i in range(length)}
    inside = {d for d in expected if d <= TWO_YEARS[1]}
    assert [d for d, _ in found.days] == sorted(inside)
    assert found.outside == len(
        [1 for s, n in events for i in range(n) if s + timedelta(i) > TWO_YEARS[1]]
    )


def lines_of(name: str) -> list[bytes]:
    return fixture(name).split(b"\r\n")


FIXTURE_LINES = lines_of("outlook_closures.ics")


@given(
    st.one_of(
        st.binary(max_size=3000),
        st.binary(max_size=500).map(lambda b: b"BEGIN:VCALENDAR\r\n" + b),
        # An Outlook export with lines dropped, repeated, swapped or garbled.
        st.lists(
            st.one_of(st.sampled_from(FIXTURE_LINES), st.binary(max_size=40)),
            max_size=len(FIXTURE_LINES) + 10,
        ).map(lambda lines: b"\r\n".join([b"BEGIN:VCALENDAR", *lines])),
        st.text(max_size=400).map(
            lambda t: (
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n" + t + "\r\nEND:VEVENT\r\nEND:VCALENDAR"
            ).encode("utf-8", "surrogatepass")
        ),
    )
)
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_random_or_broken_file_gives_days_or_the_worded_refusal_never_anything_else(data):
    try:
        found = closures_from_ics(data, *TWO_YEARS)
    except CalendarImportError as refusal:
        assert refusal.describe("fr") and refusal.describe("en")
        return
    assert all(TWO_YEARS[0] <= day <= TWO_YEARS[1] for day, _ in found.days)
    assert all(len(name) <= NAME_MAX_CHARS and name.isprintable() for _, name in found.days)
