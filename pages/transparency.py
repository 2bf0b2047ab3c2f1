"""Transparence: the monthly summary a body may publish, without personal information."""

import streamlit as st

from lib import charts
from lib.i18n import format_date, format_datetime, format_number, format_percent, label
from lib.records import transparency
from lib.tables import readable
from lib.times import local_today
from lib.ui import database, lang, present, t
from lib.ui.cached import current_settings, figure, settings, until_state_changes
from lib.ui.empty import no_comments_yet
from lib.ui.lead import chart, decimals_as_text

st.title(t("transparency.title"))
st.caption(t("transparency.intro"))
if no_comments_yet("transparency"):
    st.stop()

tz = current_settings().calendar().tz
months = transparency.months_with_comments(database(), tz)
default = transparency.default_month(months, local_today(present(), tz))
language = lang()  # AppTest calls format_func after the run, where lang() says French
month = st.selectbox(
    t("transparency.month"),
    months,
    index=months.index(default),
    format_func=lambda m: transparency.month_label(m, language),
    key="transparency_month",
)
summary = until_state_changes(
    "transparency",
    (month,),
    lambda key, now: transparency.monthly_summary(database(), month, settings(key), now),
)
st.caption(
    t(
        "transparency.month_caption",
        start=format_date(summary.month, language, weekday=False),
        end=format_date(summary.end, language, weekday=False),
    )
)
if not summary.complete:
    st.info(
        t("transparency.in_progress", moment=format_datetime(summary.read_at, language)),
        icon=":material/schedule:",
    )


def platform_names(codes) -> list[str]:
    return [
        t("transparency.all_platforms")
        if code == transparency.ALL_PLATFORMS
        else label("platform", code, language)
        for code in codes
    ]


def table(rows) -> None:
    shown, aligned = decimals_as_text(readable(rows, language), language)
    st.dataframe(shown, hide_index=True, column_config=aligned)


overall = summary.compliance.iloc[0]
cards = st.columns(3)
cards[0].metric(
    t("transparency.card.removed"),
    format_number(summary.removed_comments["removed"].sum(), language),
    border=True,
)
cards[1].metric(
    t("transparency.card.replies"),
    format_number(summary.replies["replies"].sum(), language),
    border=True,
)
cards[2].metric(
    t("transparency.card.compliance"),
    format_percent(overall["compliance_pct"], language),
    delta=t("lead.goal", value=format_percent(summary.goal_pct, language, 0)),
    delta_color="off",
    delta_arrow="off",
    border=True,
)

st.subheader(t("transparency.removals"))
st.caption(t("transparency.removals_help"))
if summary.removals.empty:
    st.info(t("transparency.no_removals"), icon=":material/info:")
else:
    per_reason = transparency.removals_per_reason(summary)
    # The chart, then its data in an expander: the text alternative every chart has.
    chart(
        figure(
            "horizontal_bars",
            per_reason["removals"],
            list(per_reason[f"label_{language}"]),
            t("transparency.removals_chart"),
            t("reasons.removals"),
            language,
        ),
        per_reason,
        "transparence-motifs",
    )
    codes = summary.removals["platform"].unique()
    names = dict(zip(codes, platform_names(codes), strict=True))
    table(transparency.reasons_by_platform(summary).rename(columns=names))
    removed = summary.removed_comments
    removed = removed[removed["removed"] > 0]
    st.caption(
        t(
            "transparency.removed_per_platform",
            platforms=", ".join(
                f"{name} {format_number(count, language)}"
                for name, count in zip(
                    platform_names(removed["platform"]), removed["removed"], strict=True
                )
            ),
        )
    )

st.subheader(t("transparency.replies"))
st.caption(t("transparency.replies_help"))
if not summary.replies["replies"].any():
    st.info(t("transparency.no_replies"), icon=":material/info:")
else:
    replies = summary.replies.assign(platform=platform_names(summary.replies["platform"]))
    table(replies)

st.subheader(t("transparency.compliance"))
st.caption(
    t(
        "transparency.compliance_help",
        target=charts.hours_text(summary.target_hours, language),
        goal=format_percent(summary.goal_pct, language, 0),
    )
)
table(summary.compliance.assign(platform=platform_names(summary.compliance["platform"])))

st.download_button(
    t("transparency.download"),
    data=transparency.summary_csv(summary),
    file_name=transparency.csv_filename(summary.month),
    mime="text/csv",
    key="transparency_csv",
    icon=":material/download:",
    help=t("transparency.download_help"),
)
