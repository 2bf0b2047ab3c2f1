"""Aujourd'hui: the day's figures against the previous business day, and what needs the lead."""

import streamlit as st

from lib import metrics
from lib.i18n import format_date, format_datetime, label
from lib.tables import readable
from lib.times import local_today
from lib.ui import lang, present, t
from lib.ui.cached import current_settings, figure, today_figures
from lib.ui.empty import no_comments_yet
from lib.ui.lead import QUEUE_PAGE, card, chart, people

DAY_KEY = "today_day"
NOW_CARDS = ("open_now", "at_risk_now", "breached_now", "awaiting")
END_OF_DAY = {
    "open_now": "open_end",
    "at_risk_now": "at_risk_end",
    "breached_now": "breached_end",
    "awaiting": "awaiting_end",
}

st.title(t("today.title"))
if no_comments_yet("today"):
    st.stop()
cal = current_settings().calendar()
today = local_today(present(), cal.tz)


def go_back() -> None:
    st.session_state[DAY_KEY] = metrics.previous_business_day(cal, st.session_state[DAY_KEY])


def go_today() -> None:
    st.session_state[DAY_KEY] = today


if st.session_state.get(DAY_KEY) is None or st.session_state[DAY_KEY] > today:
    st.session_state[DAY_KEY] = today
picker, back, forward = st.columns([2, 1, 1], vertical_alignment="bottom")
day = picker.date_input(t("today.day"), max_value=today, key=DAY_KEY, format="YYYY-MM-DD")
back.button(t("today.previous"), on_click=go_back, icon=":material/arrow_back:")
forward.button(t("today.back_to_today"), on_click=go_today, disabled=day == today)

figures = today_figures(day)
st.caption(
    t("today.compared", day=format_date(figures.previous_day, lang())) + " " + t("today.cards_help")
)
if not figures.is_business_day:
    st.info(t("today.closed_day"), icon=":material/event_busy:")

for row in (figures.cards[:4], figures.cards[4:]):
    for column, item in zip(st.columns(4), row, strict=True):
        key = item.key if figures.is_today or item.key not in END_OF_DAY else END_OF_DAY[item.key]
        card(column, t(f"today.{key}"), item)

chart(
    figure(
        "arrivals_by_hour",
        figures.by_hour,
        figures.office_hours,
        metrics.present_hour(day, present(), cal.tz),
        lang(),
    ),
    figures.by_hour,
    f"arrivees-{day}",
)

platforms, moderators = st.columns(2)
with platforms:
    st.subheader(t("today.by_platform"))
    st.dataframe(readable(figures.by_platform, lang()), hide_index=True)
with moderators:
    st.subheader(t("today.by_moderator"))
    by_moderator = readable(figures.by_moderator, lang(), {"first_handled_by": people()})
    st.dataframe(by_moderator, hide_index=True)

st.subheader(t("today.needs_lead"))
if figures.needs_lead_total == 0:
    st.success(t("today.nothing_for_lead"), icon=":material/check_circle:")
else:
    st.caption(t("today.needs_lead_count", count=figures.needs_lead_total))
    for row in figures.needs_lead.itertuples():
        state = t("status.awaiting_approval") if row.awaiting_approval else t(f"state.{row.state}")
        link, text = st.columns([1, 4], vertical_alignment="center")
        with link:
            st.page_link(
                QUEUE_PAGE,
                label=t("lead.open_comment", id=row.id),
                query_params={"comment": str(row.id)},
            )
        platform = label("platform", row.platform, lang())
        due = format_datetime(row.due_at, lang())
        # The account's name comes from the platforms' files: shown as typed, not as Markdown.
        text.text(f"{platform} · {row.account} · {state} · {t('common.due_at')} {due}")
st.page_link(QUEUE_PAGE, label=t("today.to_queue"), icon=":material/inbox:")
