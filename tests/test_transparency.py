"""The monthly transparency summary, on a small database whose answers were computed by hand.

September and October 2026, two platforms, office hours 8 h 30–16 h 30, target 8
business hours. What happens near midnight on 30 September belongs to September in
Québec and to October in UTC; two comments received in September are handled in October.
"""

import dataclasses
import io
import json
from datetime import date

import pandas as pd
import pytest

from lib import charts, metrics, reports
from lib.db import immediate, open_db
from lib.i18n import format_datetime, t
from lib.ingest import insert_comments
from lib.moderation import act
from lib.records import transparency
from lib.settings import load_settings
from tests.conftest import open_app

TZ = "America/Toronto"
# A team whose names cannot turn up in a CSV by chance, to look for them there.
TEAM = (
    {"username": "kowalczyk", "display_name": "Irena Kowalczyk", "role": "moderator"},
    {"username": "nakamura", "display_name": "Hiroshi Nakamura", "role": "moderator"},
    {"username": "villeneuve", "display_name": "Josée Villeneuve", "role": "lead"},
)
AUTHORS = {
    "facebook": ("Gaétane Bouchard", "gbouchard77"),
    "instagram": ("Rosaire Pelletier", "rpelletier_qc"),
}
TEXT = "Zygomatique kangourou farfelu, bibliothèque municipale fermée?"
REPLY = "Merci, voici la réponse."
ACCOUNT = "ministere-zeta"

# external id: (platform, local arrival).
COMMENTS = {
    "s1": ("facebook", "2026-09-29 09:00"),  # Tuesday; hidden 9 h 30: 30 min
    "s2": ("instagram", "2026-09-30 21:00"),  # 1 Oct in UTC; replied Thursday 9 h: 30 min
    "s3": ("facebook", "2026-09-28 10:00"),  # deleted Wednesday 16 h: 6 h 30 + 8 h + 7 h 30
    "s4": ("facebook", "2026-09-29 14:00"),  # replied Friday 2 Oct 9 h: 2 h 30 + 8 + 8 + 0 h 30
    "s5": ("facebook", "2026-09-30 10:00"),  # never handled: due Thursday 10 h, breached
    "s6": ("instagram", "2026-09-30 20:00"),  # hidden 22 h (1 Oct in UTC): 0 min
    "o1": ("facebook", "2026-10-01 00:30"),  # redirected 9 h 30: 1 h
    "o2": ("instagram", "2026-10-01 10:00"),  # hidden 10 h 15, reopened, deleted: 15 min
    "o3": ("facebook", "2026-10-14 09:00"),  # replied 9 h 45 (45 min), then corrected
    "o4": ("facebook", "2026-10-15 10:00"),  # open at now, not yet due: pending
    "o5": ("instagram", "2026-10-05 09:00"),  # escalated, approved 10 h: 1 h
    "o6": ("facebook", "2026-10-06 09:00"),  # redirected to a private channel 9 h 20: 20 min
}
# (external id, kind, actor, local instant, arguments)
HANDLINGS = [
    ("s1", "hide", "kowalczyk", "2026-09-29 09:30", {"reasons": ("injurieux", "menace")}),
    ("s3", "delete", "kowalczyk", "2026-09-30 16:00", {"reasons": ("pourriel",)}),
    ("s6", "hide", "nakamura", "2026-09-30 22:00", {"reasons": ("pourriel",)}),
    ("s2", "reply", "nakamura", "2026-10-01 09:00", {"reply": REPLY}),
    ("s4", "reply", "nakamura", "2026-10-02 09:00", {"reply": REPLY}),
    ("o1", "redirect", "kowalczyk", "2026-10-01 09:30", {"template": "plainte"}),
    ("o2", "hide", "nakamura", "2026-10-01 10:15", {"reasons": ("hors_sujet",)}),
    ("o2", "reopen", "villeneuve", "2026-10-01 11:00", {}),
    ("o2", "delete", "villeneuve", "2026-10-01 11:30", {"reasons": ("hors_sujet",)}),
    ("o3", "reply", "kowalczyk", "2026-10-14 09:45", {"reply": REPLY}),
    ("o3", "edit_reply", "kowalczyk", "2026-10-14 10:00", {"reply": "Merci, voici la suite."}),
    ("o5", "escalate", "kowalczyk", "2026-10-05 09:10", {"reply": REPLY}),
    ("o5", "approve", "villeneuve", "2026-10-05 10:00", {}),
    ("o6", "redirect", "kowalczyk", "2026-10-06 09:20", {"template": "prive"}),
]
NOW = pd.Timestamp("2026-10-15 12:00", tz=TZ)
SEPTEMBER, OCTOBER = date(2026, 9, 1), date(2026, 10, 1)
CSV_COLUMNS = ["month", "section", "measure", "platform", "reason_code", "reason_label", "value"]


def local(text):
    return pd.Timestamp(text, tz=TZ).tz_convert("UTC")


def fill(db) -> None:
    """TEAM, COMMENTS and HANDLINGS in `db`, committed for the app's own connections."""
    db["users"].insert_all(TEAM)
    rows = pd.DataFrame(
        {
            "platform": [platform for platform, _at in COMMENTS.values()],
            "account": ACCOUNT,
            "external_id": list(COMMENTS),
            "post_ref": "p1",
            "author_name": [AUTHORS[p][0] for p, _at in COMMENTS.values()],
            "author_handle": [AUTHORS[p][1] for p, _at in COMMENTS.values()],
            "text": TEXT,
            "received_at": [local(at) for _p, at in COMMENTS.values()],
        }
    )
    with immediate(db):
        insert_comments(db, rows)
    ids = {r["external_id"]: r["id"] for r in db.query("SELECT id, external_id FROM comments")}
    for external_id, kind, actor, at, extra in HANDLINGS:
        version = db["comments"].get(ids[external_id])["version"]
        act(db, ids[external_id], kind, actor, version, at=local(at), **extra)


@pytest.fixture
def db(tmp_path):
    with open_db(tmp_path / "vigie.db") as db:
        fill(db)
        yield db


def by_platform(frame, column) -> dict:
    return dict(zip(frame["platform"], frame[column], strict=True))


def triples(frame, column) -> list[tuple]:
    """(platform, reason_code, `column`) per row."""
    return list(frame[["platform", "reason_code", column]].itertuples(index=False, name=None))


def compliance_of(summary, platform) -> dict:
    row = summary.compliance.set_index("platform").loc[platform]
    return {name: row[name] for name in transparency.COMPLIANCE_MEASURES}


# --- the figures -----------------------------------------------------------------------


def test_september_counts_what_happened_in_quebecs_september(db):
    summary = transparency.monthly_summary(db, date(2026, 9, 17), now=NOW)
    assert (summary.month, summary.end, summary.complete) == (SEPTEMBER, date(2026, 9, 30), True)
    removals = summary.removals
    assert triples(removals, "removals") == [
        ("facebook", "injurieux", 1),
        ("facebook", "menace", 1),
        ("facebook", "pourriel", 1),
        ("instagram", "pourriel", 1),  # hidden at 22 h on 30 September: 1 October in UTC
    ]
    assert removals.set_index("reason_code").loc["menace", "label_en"] == "Threats or harassment"
    assert by_platform(summary.removed_comments, "removed") == {"facebook": 2, "instagram": 1}
    # Both replies to September's comments were published in October.
    assert by_platform(summary.replies, "replies") == {"facebook": 0, "instagram": 0}


def test_september_compliance_counts_the_comments_received_in_it_read_at_now(db):
    summary = transparency.monthly_summary(db, SEPTEMBER, now=NOW)
    assert list(summary.compliance["platform"]) == ["all", "facebook", "instagram"]
    assert compliance_of(summary, "all") == {
        "received": 6,
        "handled_on_time": 3,  # s1 (30 min), s2 (30 min), s6 (0 min)
        "handled_late": 2,  # s3 (1,320 min), s4 (1,140 min)
        "open_breached": 1,  # s5
        "pending": 0,
        "compliance_pct": pytest.approx(50.0),  # 3 / (5 + 1)
        "median_response_business_minutes": 30,  # of 0, 30, 30, 1140, 1320
    }
    facebook = compliance_of(summary, "facebook")
    assert (facebook["received"], facebook["handled_on_time"], facebook["open_breached"]) == (
        4,
        1,
        1,
    )
    assert facebook["compliance_pct"] == pytest.approx(25.0)
    assert facebook["median_response_business_minutes"] == 1140  # of 30, 1140, 1320
    instagram = compliance_of(summary, "instagram")
    assert instagram["compliance_pct"] == pytest.approx(100.0)
    assert instagram["median_response_business_minutes"] == 15  # of 0 and 30


def test_october_counts_a_hide_then_delete_twice_as_removals_and_once_as_a_comment(db):
    summary = transparency.monthly_summary(db, OCTOBER, now=NOW)
    removals = summary.removals
    assert triples(removals, "removals") == [
        ("facebook", "renseignements_personnels", 1),  # the private-channel redirection
        ("instagram", "hors_sujet", 2),  # o2, hidden then deleted
    ]
    assert by_platform(summary.removed_comments, "removed") == {"facebook": 1, "instagram": 1}


def test_october_replies_are_replies_redirections_and_approvals_not_corrections(db):
    summary = transparency.monthly_summary(db, OCTOBER, now=NOW)
    # facebook: s4, o1 (redirection), o3 (its correction not counted), o6; instagram: s2, o5.
    assert by_platform(summary.replies, "replies") == {"facebook": 4, "instagram": 2}


def test_the_month_in_progress_has_its_pending_comment_and_says_it_is_not_over(db):
    summary = transparency.monthly_summary(db, OCTOBER, now=NOW)
    assert summary.complete is False
    assert compliance_of(summary, "all") == {
        "received": 6,
        "handled_on_time": 5,
        "handled_late": 0,
        "open_breached": 0,
        "pending": 1,  # o4, 1 h 30 spent of 8 h
        "compliance_pct": pytest.approx(100.0),
        "median_response_business_minutes": 45,  # of 15, 20, 45, 60, 60
    }
    # Of 15 and 60 minutes: 37.5, in whole minutes rounded down as in the exports.
    assert compliance_of(summary, "instagram")["median_response_business_minutes"] == 37


def test_a_month_without_comments_or_actions_is_zeros_and_no_rows(db):
    summary = transparency.monthly_summary(db, date(2026, 7, 1), now=NOW)
    assert summary.removals.empty and summary.replies.empty and summary.removed_comments.empty
    assert list(summary.compliance["platform"]) == ["all"]
    assert compliance_of(summary, "all")["received"] == 0
    assert pd.isna(compliance_of(summary, "all")["compliance_pct"])
    rows = read_back(transparency.summary_csv(summary))
    assert list(rows["section"]) == ["compliance"] * len(transparency.COMPLIANCE_MEASURES)


def test_the_months_offered_are_those_with_comments_in_quebec_time_newest_first(db, tmp_path):
    assert transparency.months_with_comments(db) == [OCTOBER, SEPTEMBER]
    with open_db(tmp_path / "gap.db") as other:
        rows = pd.DataFrame(
            {
                "platform": "x",
                "external_id": ["a", "b"],
                "text": TEXT,
                # 1 August 00:30 UTC is still 31 July in Québec; nothing in August.
                "received_at": [pd.Timestamp("2026-08-01 00:30", tz="UTC"), local("2026-09-02")],
            }
        )
        with immediate(other):
            insert_comments(other, rows)
        assert transparency.months_with_comments(other) == [SEPTEMBER, date(2026, 7, 1)]


def test_the_default_month_is_the_previous_full_month(db):
    months = transparency.months_with_comments(db)
    assert transparency.default_month(months, date(2026, 10, 15)) == SEPTEMBER
    assert transparency.default_month(months, date(2026, 12, 3)) == OCTOBER  # November empty
    assert transparency.default_month([], date(2026, 12, 3)) is None


# --- the CSV ---------------------------------------------------------------------------


def read_back(data: bytes, sep=";") -> pd.DataFrame:
    return pd.read_csv(
        io.BytesIO(data),
        sep=sep,
        encoding="utf-8-sig",
        decimal="," if sep == ";" else ".",
        dtype={"month": str, "reason_code": str, "reason_label": str},
    )


def test_the_csv_reads_back_with_its_columns_and_the_figures(db):
    summary = transparency.monthly_summary(db, SEPTEMBER, now=NOW)
    data = transparency.summary_csv(summary)
    assert data.startswith(b"\xef\xbb\xbf")  # Excel's UTF-8 mark
    rows = read_back(data)
    assert list(rows.columns) == CSV_COLUMNS
    assert set(rows["month"]) == {"2026-09"}
    assert tuple(rows["section"].unique()) == transparency.SECTIONS
    removals = rows[rows["measure"].eq("removals")]
    assert triples(removals, "value") == [
        ("facebook", "injurieux", 1),
        ("facebook", "menace", 1),
        ("facebook", "pourriel", 1),
        ("instagram", "pourriel", 1),
    ]
    assert removals["reason_label"].iloc[1] == "Menaces ou harcèlement"
    figures = rows.set_index(["section", "measure", "platform"])["value"]
    assert figures["removals", "removed_comments", "facebook"] == 2
    assert figures["replies", "replies", "instagram"] == 0
    assert figures["compliance", "compliance_pct", "all"] == 50.0
    assert figures["compliance", "compliance_pct", "facebook"] == 25.0
    assert figures["compliance", "median_response_business_minutes", "instagram"] == 15
    assert figures["compliance", "handled_late", "all"] == 2
    compliance = rows[rows["section"].eq("compliance")]
    # Each platform's figures together, all platforms first.
    assert list(compliance["platform"]) == [
        p for p in ("all", "facebook", "instagram") for _m in transparency.COMPLIANCE_MEASURES
    ]
    assert list(compliance["measure"].iloc[:7]) == list(transparency.COMPLIANCE_MEASURES)
    assert rows.loc[rows["section"].ne("removals"), "reason_code"].isna().all()


def test_the_csv_with_commas_has_decimal_points(db):
    summary = transparency.monthly_summary(db, OCTOBER, now=NOW)
    rows = read_back(transparency.summary_csv(summary, ","), ",")
    assert list(rows.columns) == CSV_COLUMNS
    pct = rows.set_index(["measure", "platform"]).loc[("compliance_pct", "all"), "value"]
    assert pct == 100.0
    assert b",compliance_pct,all,,,100\r\n" in transparency.summary_csv(summary, ",")
    assert b";compliance_pct;all;;;100\r\n" in transparency.summary_csv(summary)
    # A fraction keeps its decimals, with the delimiter's decimal mark.
    halves = dataclasses.replace(summary, compliance=summary.compliance.assign(compliance_pct=87.5))
    assert b",compliance_pct,all,,,87.5\r\n" in transparency.summary_csv(halves, ",")
    assert b";compliance_pct;all;;;87,5\r\n" in transparency.summary_csv(halves)


@pytest.mark.parametrize("month", [SEPTEMBER, OCTOBER])
def test_the_csv_holds_no_name_handle_text_account_or_moderator(db, month):
    data = transparency.summary_csv(transparency.monthly_summary(db, month, now=NOW))
    text = data.decode("utf-8-sig").casefold()
    people = [name for name_and_handle in AUTHORS.values() for name in name_and_handle]
    people += [part for name, _handle in AUTHORS.values() for part in name.split()]
    team = [m[key] for m in TEAM for key in ("username", "display_name")]
    team += [part for m in TEAM for part in m["display_name"].split()]
    words = [w.strip(",?.") for w in f"{TEXT} {REPLY} Merci, voici la suite.".split()]
    ids = [*COMMENTS, ACCOUNT, "p1"]
    for needle in [*people, *team, *ids, *(w for w in words if len(w) > 3)]:
        assert needle.casefold() not in text, needle
    # Comment ids are numbers: no column could hold one.
    assert list(read_back(data).columns) == CSV_COLUMNS


def test_the_file_name_is_the_month(db):
    assert transparency.csv_filename(SEPTEMBER) == "transparence-2026-09.csv"


# --- agreement with Motifs, Conformité and the exports -------------------------------------


@pytest.mark.parametrize("month", [SEPTEMBER, OCTOBER])
def test_the_figures_are_those_of_motifs_conformite_and_the_exports(db, month):
    settings = load_settings(db)
    summary = transparency.monthly_summary(db, month, settings, NOW)
    start, end = summary.month, summary.end

    reasons = metrics.reasons_figures(db, start, end, settings)
    per_reason = transparency.removals_per_reason(summary)
    pd.testing.assert_frame_equal(
        per_reason.sort_values("reason_code", ignore_index=True),
        reasons.by_reason.sort_values("reason_code", ignore_index=True),
        check_dtype=False,
    )
    removed = summary.removed_comments[summary.removed_comments["removed"] > 0]
    assert by_platform(removed, "removed") == by_platform(reasons.by_platform, "removed")
    assert removed["removed"].sum() == reasons.removed_comments
    exported = reports.reasons(db, start, end)
    assert exported.groupby("reason_code").size().to_dict() == dict(
        zip(per_reason["reason_code"], per_reason["removals"], strict=True)
    )

    compliance = metrics.compliance_figures(db, start, end, NOW, settings)
    measures = list(transparency.COMPLIANCE_MEASURES)
    assert compliance_of(summary, "all") == compliance.overall[measures].to_dict()
    platforms = compliance.breakdowns["platform"].set_index("platform")
    for platform in platforms.index:
        assert compliance_of(summary, platform) == platforms.loc[platform, measures].to_dict()
    daily = reports.daily(db, start, end, NOW)
    assert daily["received"].sum() == compliance_of(summary, "all")["received"]
    assert daily["handled_on_time"].sum() == compliance_of(summary, "all")["handled_on_time"]


def test_the_wide_table_has_a_column_per_platform_and_a_total(db):
    summary = transparency.monthly_summary(db, SEPTEMBER, now=NOW)
    wide = transparency.reasons_by_platform(summary)
    assert list(wide.columns) == [
        "reason_code",
        "label_fr",
        "label_en",
        "facebook",
        "instagram",
        "total",
    ]
    assert wide[["reason_code", "facebook", "instagram", "total"]].values.tolist() == [
        ["injurieux", 1, 0, 1],
        ["menace", 1, 0, 1],
        ["pourriel", 1, 1, 2],
    ]
    per_reason = transparency.removals_per_reason(summary)
    assert list(per_reason["reason_code"])[0] == "pourriel"  # the most first
    assert per_reason["removals"].tolist() == [2, 1, 1]


# --- the page ----------------------------------------------------------------------------


@pytest.fixture
def app_db(db, tmp_path, monkeypatch):
    monkeypatch.setenv("VIGIE_DB", str(tmp_path / "vigie.db"))
    return db


def open_page(lang="fr", username="villeneuve"):
    return open_app("pages/transparency.py", username, lang, now=str(NOW))


def cards(at) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


@pytest.mark.parametrize(
    ("lang", "september", "october"),
    [
        ("fr", ("3", "0", "50,0\u202f%"), ("2", "6", "100,0\u202f%")),
        ("en", ("3", "0", "50.0%"), ("2", "6", "100.0%")),
    ],
)
def test_the_page_shows_the_previous_month_and_the_picker_changes_the_figures(
    app_db, lang, september, october
):
    at = open_page(lang)
    assert at.title[0].value == t("transparency.title", lang)
    picker = at.selectbox(key="transparency_month")
    assert picker.value == SEPTEMBER  # the previous full month
    assert picker.options == [transparency.month_label(m, lang) for m in (OCTOBER, SEPTEMBER)]
    keys = (
        "transparency.card.removed",
        "transparency.card.replies",
        "transparency.card.compliance",
    )
    labels = [t(key, lang) for key in keys]
    assert [cards(at)[label] for label in labels] == list(september)
    (chart,) = at.get("plotly_chart")
    layout = json.loads(chart.proto.spec)["layout"]
    assert layout["separators"] == charts.SEPARATORS[lang]  # "1 234,5" in French
    assert layout["title"]["text"] == t("transparency.removals_chart", lang)
    # The chart's own data (its text alternative, in an expander), and the summary's CSV.
    keys = [button.key for button in at.get("download_button")]
    assert keys == ["csv_transparence-motifs", "transparency_csv"]
    picker.set_value(OCTOBER).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [cards(at)[label] for label in labels] == list(october)
    in_progress = t("transparency.in_progress", lang, moment=format_datetime(NOW, lang))
    assert [info.value for info in at.info] == [in_progress]
    assert len(at.get("download_button")) == 2


def test_the_pages_tables_name_platforms_and_reasons_in_words(app_db):
    at = open_page("en")
    # The chart's data first (in its expander), then the tables; no reply in September.
    _chart_data, removals, compliance = (frame.value for frame in at.dataframe)
    assert list(removals.columns) == ["Reason", "Facebook", "Instagram", "Total"]
    assert list(removals["Reason"]) == [
        "Abusive language or personal attacks",
        "Threats or harassment",
        "Spam",
    ]
    assert list(compliance["Platform"]) == ["All platforms", "Facebook", "Instagram"]
    assert t("transparency.no_replies", "en") in [info.value for info in at.info]
    at.selectbox(key="transparency_month").set_value(OCTOBER).run()
    replies = at.dataframe[2].value
    assert replies.values.tolist() == [["Facebook", 4], ["Instagram", 2]]
    assert list(replies.columns) == ["Platform", "Replies published"]


def test_a_moderator_opens_the_page_too(app_db):
    at = open_page("fr", "kowalczyk")
    assert at.title[0].value == t("transparency.title")
    assert at.metric and at.get("download_button")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_with_no_comment_the_page_says_what_it_will_show(tmp_path, monkeypatch, lang):
    path = tmp_path / "vigie.db"
    with open_db(path) as db:
        db["users"].insert_all(TEAM)
    monkeypatch.setenv("VIGIE_DB", str(path))
    at = open_page(lang)
    assert [s.value for s in at.subheader] == [t("empty.no_comments.title", lang)]
    assert t("empty.page.transparency", lang) in [m.value for m in at.markdown]
    assert not at.metric and not at.dataframe and not at.get("plotly_chart")
    assert not at.get("download_button") and not at.selectbox


def test_the_months_are_found_through_the_index_without_reading_every_comment(db):
    """min() and max() in one statement would make SQLite read every comment."""
    statements = []
    db.conn.set_trace_callback(statements.append)
    months = transparency.months_with_comments(db)
    db.conn.set_trace_callback(None)
    assert months
    for statement in statements:
        plan = " ".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + statement))
        assert "SCAN comments" not in plan, (statement, plan)
