"""Aujourd'hui as a newcomer reads it: changes that round to nothing are no news, the two
chart labels never share a row, what "handled on time" counts is said, and a day with
nothing to show says so in words instead of an empty frame."""

from datetime import date

import pandas as pd
import pytest
from streamlit.proto.Metric_pb2 import Metric as MetricProto
from streamlit.testing.v1 import AppTest

from lib import charts
from lib.db import open_db
from lib.i18n import THIN_SPACE, format_date, format_number, t
from lib.importers import import_file
from lib.metrics import Card, today_figures
from tests.conftest import open_app, reading

NOW = "2026-11-20 15:00:00-05:00"  # a Friday afternoon
LEA = {"username": "lea", "display_name": "Léa", "role": "lead"}
GREY, RED, GREEN = (
    MetricProto.MetricColor.GRAY,
    MetricProto.MetricColor.RED,
    MetricProto.MetricColor.GREEN,
)
NO_ARROW, UP, DOWN = (
    MetricProto.MetricDirection.NONE,
    MetricProto.MetricDirection.UP,
    MetricProto.MetricDirection.DOWN,
)


# --- the cards' changes ---------------------------------------------------------------------


def _cards_script():
    import streamlit as st

    from lib.ui.lead import card

    for item in st.session_state["cards"]:
        card(st, item.key, item)


def drawn_cards(cards, lang):
    at = AppTest.from_function(_cards_script)
    at.session_state["cards"] = cards
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return {m.label: (m.proto.delta, m.proto.color, m.proto.direction) for m in at.metric}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_change_that_rounds_to_nothing_reads_no_change_in_grey_without_an_arrow(lang):
    shown = drawn_cards(
        [
            # 30 business seconds slower: '+0 min' was red with an up arrow.
            Card("median", 4500.0, 4470.0, "duration", False),
            # As many overdue as the day before: '+0' was red with an up arrow.
            Card("breached_now", 213, 213, "count", False),
            # 0.04 points: '+0,0 pts' was green with an up arrow.
            Card("on_time_pct", 94.04, 94.0, "percent", True),
        ],
        lang,
    )
    no_change = (t("today2.no_change", lang), GREY, NO_ARROW)
    assert shown == {"median": no_change, "breached_now": no_change, "on_time_pct": no_change}


def test_a_real_change_keeps_its_sign_its_arrow_and_its_colour():
    shown = drawn_cards(
        [
            Card("on_time_pct", 94.0, 98.6, "percent", True),
            Card("breached_now", 215, 213, "count", False),
            Card("median", 4500.0, 3900.0, "duration", False),
            Card("received", 229, 1229, "count", None),
        ],
        "fr",
    )
    assert shown == {
        "on_time_pct": ("-4,6 pts", RED, DOWN),
        "breached_now": ("+2", RED, UP),
        "median": ("+10 min", RED, UP),
        "received": (f"-1{THIN_SPACE}000", GREY, DOWN),
    }


# --- the hourly chart -----------------------------------------------------------------------


def by_hour() -> pd.DataFrame:
    return pd.DataFrame({"hour": range(24), "received": [2] * 24, "previous": [1] * 24})


def annotation(figure, text):
    return next(a for a in figure.layout.annotations if a.text == text)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("present", [7 + 50 / 60, 8 + 40 / 60, 9.0])
def test_near_opening_time_now_and_office_hours_stand_on_different_rows(lang, present):
    figure = charts.arrivals_by_hour(by_hour(), ((8.5, 16.5),), present, lang)
    office = annotation(figure, t("today.office_hours", lang))
    now = annotation(figure, t("today.present", lang))
    # Office hours hangs from the plot's top edge, inside; Now stands on it, outside.
    assert (office.y, office.yanchor) == (1, "top") and office.yref in ("paper", "y domain")
    assert (now.y, now.yanchor, now.yref) == (1, "bottom", "paper")
    assert now.x == pytest.approx(present - 0.5) and now.xref == "x"


def test_the_now_label_points_into_the_day_so_that_it_stays_inside_the_figure():
    morning = charts.arrivals_by_hour(by_hour(), ((8.5, 16.5),), 0.25, "fr")
    evening = charts.arrivals_by_hour(by_hour(), ((8.5, 16.5),), 23.5, "fr")
    assert annotation(morning, "Maintenant").xanchor == "left"
    assert annotation(evening, "Maintenant").xanchor == "right"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_hover_names_the_hour_and_each_series_in_the_chosen_language(lang):
    figure = charts.arrivals_by_hour(by_hour(), ((8.5, 16.5),), None, lang)
    colon = " : " if lang == "fr" else ": "
    assert figure.layout.xaxis.unifiedhovertitle.text == {"fr": "%{x} h", "en": "%{x}:00"}[lang]
    assert [trace.hovertemplate for trace in figure.data] == [
        f"{t('today.received', lang)}{colon}%{{y}}<extra></extra>",
        f"{t('today.by_hour_previous', lang)}{colon}%{{y}}<extra></extra>",
    ]


# --- the page -------------------------------------------------------------------------------


@pytest.fixture
def one_comment_db(tmp_path, monkeypatch):
    """Léa's team and one comment, Wednesday 18 November at 9:00, never answered."""
    path = tmp_path / "vigie.db"
    with open_db(path) as db:
        db["users"].insert_all([LEA])
        csv = b"platform;external_id;received_at;text\nx;1;2026-11-18 09:00;Bonjour\n"
        assert import_file(db, csv, "one.csv").added == 1
    monkeypatch.setenv("VIGIE_DB", str(path))
    return path


def texts(elements) -> list[str]:
    return [element.value for element in elements]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_page_says_what_handled_on_time_counts_next_to_the_overdue_card(demo_db_path, lang):
    at = open_app("pages/today.py", "mlachance", lang, now=NOW)
    words = t(
        "today2.on_time_counts",
        lang,
        on_time=t("today.on_time_pct", lang),
        overdue=t("today.breached_now", lang),
    )
    assert words in texts(at.caption)
    labels = [m.label for m in at.metric]
    assert t("today.on_time_pct", lang) in labels and t("today.breached_now", lang) in labels


def test_for_a_past_day_the_sentence_names_the_overdue_card_as_it_reads_then(demo_db_path):
    at = open_app("pages/today.py", "mlachance", "en", now=NOW)
    at.date_input(key="today_day").set_value(date(2026, 11, 19)).run()
    assert not at.exception
    assert any("“Overdue at day's end”" in caption for caption in texts(at.caption))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_day_with_no_arrivals_on_either_side_says_so_instead_of_an_empty_chart(
    one_comment_db, lang
):
    at = open_app("pages/today.py", "lea", lang, now=NOW)  # Friday; Thursday had none either
    assert not at.get("plotly_chart")
    assert texts(at.info) == [t("today2.no_arrivals", lang)]  # after the first comment
    assert t("today2.no_platform", lang) in texts(at.caption)
    assert t("today2.no_moderator", lang) in texts(at.caption)
    assert not at.dataframe, "no empty table frames"
    # Its one comment, overdue since Thursday, is counted in the singular.
    assert t("today2.needs_lead_one", lang) in texts(at.caption)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_day_before_the_first_comment_says_when_the_first_one_came(one_comment_db, lang):
    at = open_app("pages/today.py", "lea", lang, now=NOW)
    at.date_input(key="today_day").set_value(date(2026, 11, 10)).run()
    assert not at.exception and not at.get("plotly_chart")
    first = format_date(date(2026, 11, 18), lang)
    assert texts(at.info) == [
        t("today2.no_arrivals", lang) + " " + t("today2.before_first", lang, first=first)
    ]


def test_the_day_of_the_one_comment_charts_it_and_says_nobody_has_handled_it(one_comment_db):
    at = open_app("pages/today.py", "lea", "en", now=NOW)
    at.date_input(key="today_day").set_value(date(2026, 11, 18)).run()
    assert not at.exception and len(at.get("plotly_chart")) == 1
    assert len(at.dataframe) == 2, "the chart's table and the platform table"
    assert t("today2.no_moderator", "en") in texts(at.caption)


def test_the_needs_lead_count_says_that_only_the_most_overdue_are_listed(demo_db_path):
    at = open_app("pages/today.py", "mlachance", "fr", now=NOW)
    captions = [c for c in texts(at.caption) if "en attente d'approbation" in c]
    assert len(captions) == 1
    shown = t("today2.needs_lead_shown", "fr", shown=10)
    assert captions[0].endswith(" " + shown)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_platform_table_writes_a_share_with_the_languages_decimal_mark(demo_db_path, lang):
    day, shares = _a_day_with_a_share_that_needs_a_decimal(demo_db_path)
    at = open_app("pages/today.py", "mlachance", lang, now=NOW)
    at.date_input(key="today_day").set_value(day).run()
    expected = [format_number(v, lang, 1) for v in shares]  # one decimal in all, as 66,7 needs
    column = t("col.compliance_pct", lang)
    tables = [frame.value for frame in at.dataframe if column in frame.value.columns]
    assert len(tables) == 2, "by platform and by moderator"
    assert list(tables[0][column]) == expected
    assert any(("," if lang == "fr" else ".") in share for share in expected), expected


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_chart_table_names_each_hour_as_the_axis_does(demo_db_path, lang):
    at = open_app("pages/today.py", "mlachance", lang, now=NOW)
    column = t("col.hour", lang)
    tables = [frame.value for frame in at.dataframe if column in frame.value.columns]
    assert len(tables) == 1
    assert list(tables[0][column]) == [charts.hour_label(h, lang) for h in range(24)]
    assert tables[0][column][8] == {"fr": "8 h", "en": "8:00"}[lang]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_empty_sunday_says_the_clock_stops_and_that_nothing_arrived(one_comment_db, lang):
    at = open_app("pages/today.py", "lea", lang, now="2026-11-24 10:00:00-05:00")
    at.date_input(key="today_day").set_value(date(2026, 11, 22)).run()  # after the comment
    assert not at.exception and not at.get("plotly_chart") and not at.dataframe
    assert texts(at.info) == [t("today.closed_day", lang), t("today2.no_arrivals", lang)]
    assert len(at.metric) == 8


def _a_day_with_a_share_that_needs_a_decimal(path) -> tuple[date, pd.Series]:
    """The first working day of the demo's November where a platform's share of comments
    handled on time is not whole (2 of 3 is 66.7), with the shares rounded as shown."""
    for day in pd.bdate_range("2026-11-02", "2026-11-19").date:
        shares = reading(path, today_figures, day, pd.Timestamp(NOW)).by_platform
        shares = shares["compliance_pct"].round(1)
        if (shares.dropna() % 1 != 0).any():
            return day, shares
    pytest.fail("no day of the demo's November has a share that needs a decimal")
