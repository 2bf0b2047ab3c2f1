"""Conformité, Motifs, Rapports and Importer as a newcomer meets them: a range that holds
nothing, a database with one comment, and numbers written the way each language writes them."""

import io
import re
from datetime import date

import pandas as pd
import pytest

from lib import charts, metrics, reports
from lib.csv_export import DECIMAL_FOR_DELIMITER
from lib.i18n import t
from lib.importers import import_file
from lib.moderation import act
from lib.times import local_today
from tests.conftest import open_app, reading
from tests.test_empty_states import ANA, LEA, new_database, page_links, texts

NOW = "2026-11-20 15:00:00-05:00"  # a Friday, as tests/conftest.py DEMO_NOW
# One comment on X, received on Wednesday 18 November at 10 h, without an account: by
# NOW it is open and overdue (due Thursday 10 h, eight business hours later).
ONE_COMMENT = b"platform;external_id;received_at;text\nx;1;2026-11-18 10:00;Bonjour\n"
# A week long before any comment.
EMPTY_WEEK = (date(2020, 1, 6), date(2020, 1, 10))


@pytest.fixture
def one_comment(tmp_path, monkeypatch):
    """A team (Léa, lead; Ana, moderator) and one comment, brought in by the CSV importer."""
    path = new_database(tmp_path, monkeypatch, LEA, ANA)
    assert reading(path, import_file, ONE_COMMENT, "un.csv").added == 1
    return path


@pytest.fixture
def one_hidden_late(one_comment):
    """The one comment, hidden as spam by Ana on Thursday at 11 h: an hour past its due time."""
    at = pd.Timestamp("2026-11-19 11:00", tz="America/Toronto").tz_convert("UTC")
    reading(one_comment, lambda db: act(db, 1, "hide", "ana", 1, ["pourriel"], at=at))
    return one_comment


def on_dates(at, page: str, dates: tuple[date, date]):
    at.segmented_control(key=f"{page}_preset").set_value("custom").run()
    at.date_input(key=f"{page}_dates").set_value(dates).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def cells(at) -> list:
    """Every cell of every table on the page."""
    return [v for frame in at.dataframe for v in frame.value.to_numpy().ravel().tolist()]


def is_blank(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


# --- Conformité ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_compliance_over_a_range_with_no_comment_says_what_to_do_instead_of_empty_charts(
    one_comment, lang
):
    at = on_dates(open_app("pages/compliance.py", "lea", lang, now=NOW), "compliance", EMPTY_WEEK)
    title = t("leadpages.empty_range.title", lang, start="", end="").split()[0]
    assert any(s.startswith(title) and "2020" in s for s in texts(at.subheader))
    assert t("leadpages.empty_range.compliance", lang) in texts(at.markdown)
    assert t("leadpages.empty_range.what_to_do", lang) in texts(at.markdown)
    assert not at.get("plotly_chart") and not at.metric and not at.dataframe
    assert t("empty.to_importer", lang) in page_links(at)


def test_a_single_day_with_no_comment_is_named_as_one_day(one_comment):
    at = on_dates(
        open_app("pages/compliance.py", "lea", "fr", now=NOW),
        "compliance",
        (date(2026, 11, 15), date(2026, 11, 15)),  # a Sunday before the comment
    )
    assert "Rien le dimanche 15 novembre 2026" in texts(at.subheader)


def test_a_moderator_is_sent_to_the_importer_from_an_empty_range_too(one_comment):
    at = on_dates(open_app("pages/reasons.py", "ana", "en", now=NOW), "reasons", EMPTY_WEEK)
    assert t("leadpages.empty_range.reasons", "en") in texts(at.markdown)
    assert not at.get("plotly_chart") and not at.metric and not at.dataframe
    assert t("empty.to_importer", "en") in page_links(at)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_compliance_with_one_open_comment_shows_no_none_and_names_the_platform(one_comment, lang):
    at = open_app("pages/compliance.py", "lea", lang, now=NOW)
    assert not [c for c in cells(at) if is_blank(c) or c in ("None", "nan", "NaT")]
    breaches = next(d.value for d in at.dataframe if "link" in d.value.columns)
    row = breaches.iloc[0]
    assert (row["platform"], row["account"]) == ("X", "—")
    assert (row["first_handled_at"], row["first_handled_by"]) == ("—", "—")
    assert row["state"] == t("state.open_breached", lang)
    caption = t("leadpages.breaches_one", lang) + " " + t("compliance.open_selected", lang)
    assert caption in texts(at.caption)


def test_the_breaches_name_the_moderator_who_handled_late(one_hidden_late):
    at = open_app("pages/compliance.py", "lea", "fr", now=NOW)
    breaches = next(d.value for d in at.dataframe if "link" in d.value.columns)
    assert breaches["first_handled_by"].tolist() == ["Ana"]
    assert breaches["first_handled_at"].tolist() == ["2026-11-19 11:00"]


@pytest.mark.parametrize(
    ("lang", "target"), [("fr", "plus 8\u00a0h ouvrables"), ("en", "plus 8\u00a0h of")]
)
def test_the_target_and_the_risk_margin_read_in_whole_hours(one_comment, lang, target):
    at = open_app("pages/compliance.py", "lea", lang, now=NOW)
    definitions = next(m for m in texts(at.markdown) if m.startswith("- "))
    assert target in definitions, "a no-break space: never '8' at a line's end, 'h' below"
    assert "00\u00a0min" not in definitions


@pytest.mark.parametrize(("lang", "mark"), [("fr", ","), ("en", ".")])
def test_a_chart_tables_decimals_follow_the_language(demo_db_path, lang, mark):
    at = open_app("pages/compliance.py", "mlachance", lang, now=NOW)
    column = t("col.from_hours", lang)
    histogram = next(d.value for d in at.dataframe if column in d.value.columns)
    assert histogram[column].tolist()[:3] == [f"0{mark}0", f"0{mark}5", f"1{mark}0"]
    percent = t("col.compliance_pct", lang)
    by_day = next(d.value for d in at.dataframe if percent in d.value.columns)
    assert by_day[percent].str.fullmatch(rf"\d+(\{mark}\d)?|—").all(), by_day[percent].tolist()


# --- Motifs --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_reasons_with_one_removal_draws_its_charts_and_says_which_ones_hold_nothing(
    one_hidden_late, lang
):
    at = open_app("pages/reasons.py", "lea", lang, now=NOW)
    assert not at.exception
    assert {m.label: m.value for m in at.metric}[t("reasons.removed", lang)] == "1"
    by_reason = next(d.value for d in at.dataframe if t("col.reason_code", lang) in d.value)
    assert by_reason.values.tolist() == [[t("reason.pourriel", lang), 1]]
    # Nothing redirected, no personal information, no repeat author: sentences, not frames.
    assert texts(at.info) == [
        t("leadpages.chart_empty", lang, title=t("reasons.redirects", lang)),
        t("leadpages.chart_empty", lang, title=t("reasons.pii", lang)),
        t("leadpages.no_repeat_author", lang),
    ]
    assert len(at.get("plotly_chart")) == 4  # by reason, by platform, per week, rate
    assert not [c for c in cells(at) if is_blank(c)]


# --- Rapports ------------------------------------------------------------------------------


def reports_page(kind: str, delimiter: str = ";", lang: str = "fr"):
    at = open_app("pages/reports.py", "mlachance", lang, now=NOW)
    at.radio(key="reports_kind").set_value(kind).run()
    at.radio(key="reports_delimiter").set_value(delimiter).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("delimiter", [";", ","])
def test_the_preview_reads_like_the_file_with_its_decimal_mark(demo_db_path, delimiter):
    at = reports_page("daily", delimiter)
    preview = at.dataframe[0].value
    start, end = metrics.preset_range("30d", local_today(NOW))
    file = reading(demo_db_path, reports.export, "daily", start, end, NOW, delimiter)
    written = pd.read_csv(
        io.BytesIO(file), sep=delimiter, dtype=str, keep_default_na=False, encoding="utf-8-sig"
    )
    assert preview.values.tolist() == written.head(50).values.tolist()
    mark = DECIMAL_FOR_DELIMITER[delimiter]
    assert preview["compliance_pct"].str.contains(re.escape(mark)).all()


def test_the_compliance_preview_leaves_an_open_comments_handling_empty(demo_db_path):
    at = reports_page("compliance")
    at.segmented_control(key="reports_preset").set_value("7d").run()
    preview = at.dataframe[0].value
    assert (preview["first_handled_at"] == "").any(), "an open comment in the last 50 rows"
    assert not preview.isin(["None", "NaT", "nan"]).any().any()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_report_over_a_range_with_nothing_says_what_to_do_instead_of_an_empty_table(
    one_comment, lang
):
    at = open_app("pages/reports.py", "lea", lang, now=NOW)
    at = on_dates(at, "reports", EMPTY_WEEK)
    assert t("leadpages.empty_range.reports", lang) in texts(at.markdown)
    assert t("leadpages.empty_range.what_to_do", lang) in texts(at.markdown)
    assert not at.dataframe
    assert at.get("download_button"), "the file with its headers stays on offer"


# --- Importer ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "words"),
    [("fr", ["X", "—", "—", "Français", "Nouveau"]), ("en", ["X", "—", "—", "French", "New"])],
)
def test_the_latest_comments_read_in_words_with_a_dash_where_the_file_had_nothing(
    one_comment, lang, words
):
    at = open_app("pages/importer.py", "ana", lang, now=NOW)
    recent = at.dataframe[0].value
    columns = ["platform", "account", "author_name", "language", "status"]
    assert recent[columns].values.tolist() == [words]


def test_a_comment_whose_language_could_not_be_told_says_so(one_comment):
    reading(one_comment, lambda db: db.execute("UPDATE comments SET language = 'und'"))
    at = open_app("pages/importer.py", "ana", "en", now=NOW)
    assert at.dataframe[0].value["language"].tolist() == ["Undetermined"]


def test_the_preview_of_a_file_that_names_no_author_shows_a_dash(one_comment):
    at = open_app("pages/importer.py", "ana", "fr", now=NOW)
    csv = b"platform;external_id;received_at;text\nx;2;2026-11-19 09:00;Merci\n"
    at.file_uploader(key="import_file").set_value(("deux.csv", csv, "text/csv")).run()
    assert not at.exception
    assert at.dataframe[0].value["author_name"].tolist() == ["—"]


# --- Charts --------------------------------------------------------------------------------


def test_a_count_axis_with_one_comment_ticks_whole_numbers_only():
    one = charts.horizontal_bars(pd.Series([1]), ["Pourriel"], "Retraits", "Retraits", "fr")
    many = charts.horizontal_bars(pd.Series([240]), ["Pourriel"], "Retraits", "Retraits", "fr")
    assert one.layout.xaxis.dtick == 1 and many.layout.xaxis.dtick is None
    rate = pd.DataFrame(
        {"week": [date(2026, 11, 30)], "received": [1], "removed": [0], "removal_rate_pct": [0.0]}
    )
    assert charts.removal_rate(rate, "en").layout.yaxis.dtick == 1
    hist = pd.DataFrame(
        {
            "from_hours": [0.0, 0.5],
            "handled": [1, 0],
            "open_ended": [False, True],
            "within_target": [True, False],
        }
    )
    assert charts.response_histogram(hist, 8, "fr").layout.yaxis.dtick == 1


def test_the_breaches_column_of_handling_times_says_when(one_hidden_late):
    at = open_app("pages/compliance.py", "lea", "en", now=NOW)
    breaches = next(d for d in at.dataframe if "link" in d.value.columns)
    assert '"label": "Handled at"' in breaches.proto.columns


@pytest.mark.parametrize(("lang", "goal"), [("fr", "Objectif 90\u202f%"), ("en", "Goal 90%")])
def test_the_goal_is_named_in_the_legend_not_written_over_the_bars(lang, goal):
    rows = pd.DataFrame(
        {
            "date": [date(2026, 11, 30)],
            "compliance_pct": [95.0],
            "handled": [1],
            "open_breached": [0],
            "received": [1],
            "platform": ["x"],
        }
    )
    for figure in (
        charts.compliance_over_time(rows, "date", 90.0, lang),
        charts.compliance_by(rows, ["X"], 90.0, "platform", lang),
    ):
        assert not figure.layout.annotations
        shown = [trace.name for trace in figure.data if trace.showlegend is not False]
        assert shown == [goal]


@pytest.mark.parametrize(
    ("lang", "caption"), [("fr", "1 ligne, montrée ci-dessous."), ("en", "1 row, shown below.")]
)
def test_a_report_of_one_row_says_one_row(one_comment, lang, caption):
    at = open_app("pages/reports.py", "lea", lang, now=NOW)
    assert caption in texts(at.caption)
    assert len(at.dataframe[0].value) == 1


def test_a_report_shorter_than_the_preview_says_all_its_rows_are_shown(demo_db_path):
    at = reports_page("daily", lang="en")
    assert "30 rows, all shown below." in texts(at.caption)
