"""Conformité: response-time compliance against the goal, where and when it slips."""

import pandas as pd
import streamlit as st

from lib import charts, metrics
from lib.csv_export import local_minutes
from lib.i18n import format_datetime, format_duration, format_number, format_percent, label
from lib.service_levels import level_names
from lib.tables import code_labels
from lib.times import local_today
from lib.ui import lang, present, t
from lib.ui.cached import compliance_figures, current_settings, figure, read_at
from lib.ui.empty import no_comments_yet, nothing_in_range
from lib.ui.lead import QUEUE_PAGE, QUEUE_URL, chart, local_times, people, range_picker

settings = current_settings()
cal = settings.calendar()
st.title(t("compliance.title"))
if no_comments_yet("compliance"):
    st.stop()
start, end = range_picker("compliance", local_today(present(), cal.tz))
figures = compliance_figures(start, end)
overall = figures.overall
if overall["received"] == 0:
    nothing_in_range("compliance", start, end)
    st.stop()

# Two rows of three: a duration such as « 1 h 32 min » must fit its card.
columns = [*st.columns(3), *st.columns(3)]
columns[0].metric(
    t("compliance.overall"),
    format_percent(overall["compliance_pct"], lang()),
    delta=t("lead.goal", value=format_percent(figures.goal_pct, lang(), 0)),
    delta_color="off",
    delta_arrow="off",
    border=True,
)
columns[1].metric(t("lead.handled"), format_number(overall["handled"], lang()), border=True)
columns[2].metric(
    t("compliance.breached"),
    format_number(figures.breaches_total, lang()),
    border=True,
)
columns[3].metric(t("compliance.pending"), format_number(overall["pending"], lang()), border=True)
for column, key, name in (
    (columns[4], "compliance.median", "median_response_business_minutes"),
    (columns[5], "compliance.p90", "p90_response_business_minutes"),
):
    minutes = overall[name]
    column.metric(
        t(key), format_duration(None if minutes is None else minutes * 60, lang()), border=True
    )

figures_column, definitions = st.columns([3, 1])
with definitions:
    st.subheader(t("compliance.definitions"))
    hours = charts.hour_label
    st.markdown(
        "\n".join(
            f"- {line}"
            for line in (
                t("compliance.def.response"),
                t(
                    "compliance.def.due",
                    target=charts.hours_text(figures.target_hours, lang()),
                    open=hours(charts.clock_hours(cal.open_time), lang()),
                    close=hours(charts.clock_hours(cal.close_time), lang()),
                ),
                t("compliance.def.compliance"),
                t(
                    "compliance.def.at_risk",
                    hours=charts.hours_text(settings.at_risk_hours, lang()),
                ),
            )
        )
    )
    st.subheader(t("compliance.closed_days"))
    if figures.closed_days.empty:
        st.caption(t("compliance.no_closed_day"))
    else:
        st.dataframe(
            figures.closed_days[["date", f"name_{lang()}"]],
            hide_index=True,
            column_config={"date": t("common.date"), f"name_{lang()}": t("compliance.closed_days")},
        )

with figures_column:
    unit = st.segmented_control(
        t("compliance.granularity"),
        ["date", "week"],
        default="date",
        required=True,
        format_func=lambda u: t("compliance.per_day" if u == "date" else "compliance.per_week"),
        key="compliance_unit",
    )
    per_period = figures.per_day if unit == "date" else figures.per_week
    chart(
        figure("compliance_over_time", per_period, unit, figures.goal_pct, lang()),
        per_period,
        f"conformite-{unit}-{start}-{end}",
        # Only comments not yet due: no day has a compliance to draw.
        nothing=per_period["compliance_pct"].isna().all(),
    )
    chart(
        figure("response_histogram", figures.response_histogram, figures.target_hours, lang()),
        figures.response_histogram,
        f"delais-{start}-{end}",
        nothing=not figures.response_histogram["handled"].any(),
    )

    # One breakdown drawn at a time: tabs would draw all five on every load.
    dimension = st.segmented_control(
        t("compliance.breakdown_by"),
        metrics.BREAKDOWNS,
        default=metrics.BREAKDOWNS[0],
        required=True,
        format_func=lambda d: t(f"compliance.dim.{d}").capitalize(),
        key="compliance_dimension",
    )
    rows = figures.breakdowns[dimension]
    names = {"first_handled_by": people(), "service_level": level_names(settings, lang())}
    chart(
        figure(
            "compliance_by",
            rows,
            code_labels(dimension, rows[dimension], lang(), names.get(dimension)),
            figures.goal_pct,
            dimension,
            lang(),
        ),
        rows,
        f"conformite-{dimension}-{start}-{end}",
        names,
        nothing=rows["compliance_pct"].isna().all(),
    )

    heatmap = figures.arrivals_heatmap
    chart(
        figure("arrivals_heatmap", heatmap, figures.outside_office_share, lang()),
        heatmap.rename(columns=lambda h: charts.hour_label(h, lang()))
        .rename_axis("weekday")
        .reset_index(),
        f"arrivees-{start}-{end}",
    )

st.subheader(t("compliance.breaches"))
if figures.breaches_total == 0:
    st.success(t("compliance.no_breach"), icon=":material/check_circle:")
else:
    shown = local_times(figures.breaches, ["received_at", "due_at"]).drop(
        columns="response_seconds"
    )
    shown.insert(1, "link", f"{QUEUE_URL}?comment=" + shown["id"].astype(str))
    # An open comment has no handling yet: a dash, not "None".
    shown["first_handled_at"] = local_minutes(figures.breaches["first_handled_at"]).fillna("—")
    moderators = people()
    shown["first_handled_by"] = [
        "—" if pd.isna(u) else moderators.get(u, u) for u in shown["first_handled_by"]
    ]
    shown["platform"] = [label("platform", p, lang()) for p in shown["platform"]]
    shown["account"] = shown["account"].fillna("—")
    shown["service_level"] = shown["service_level"].map(level_names(settings, lang()))
    total = figures.breaches_total
    if total == 1:
        count = t("leadpages.breaches_one")
    elif total == len(shown):
        count = t("leadpages.breaches_all", count=format_number(total, lang()))
    else:
        count = t(
            "compliance.breaches_count",
            count=format_number(total, lang()),
            shown=format_number(len(shown), lang()),
        )
    st.caption(count + " " + t("compliance.open_selected"))
    selection = st.dataframe(
        shown.assign(state=shown["state"].map(lambda s: t(f"state.{s}"))),
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        key="compliance_breaches",
        column_config={
            "id": t("lead.comment_id"),
            "link": st.column_config.LinkColumn(t("lead.link"), display_text="↗"),
            "platform": t("common.platform"),
            "account": t("common.account"),
            "service_level": t("col.service_level"),
            "received_at": st.column_config.DatetimeColumn(
                t("common.received_at"), format="YYYY-MM-DD HH:mm"
            ),
            "due_at": st.column_config.DatetimeColumn(
                t("common.due_at"), format="YYYY-MM-DD HH:mm"
            ),
            "first_handled_at": t("leadpages.handled_at"),
            "state": t("common.state"),
            "first_handled_by": t("common.moderator"),
        },
    )
    picked = selection.selection.rows if selection else []
    target = shown["id"].iloc[picked[0]] if picked else shown["id"].iloc[0]
    st.page_link(
        QUEUE_PAGE,
        label=t("lead.open_comment", id=int(target)),
        query_params={"comment": str(int(target))},
        icon=":material/open_in_new:",
    )
st.caption(t("lead.as_of", moment=format_datetime(read_at(), lang())))
