"""Aujourd'hui: the day's figures against the previous business day, and what needs the lead."""

import streamlit as st

from lib import metrics
from lib.charts import hour_label
from lib.i18n import format_date, format_datetime, format_number, label
from lib.service_levels import level_names
from lib.tables import readable
from lib.times import local_today
from lib.ui import database, lang, present, t
from lib.ui.attention import attention_block
from lib.ui.cached import current_settings, figure, read_at, today_figures
from lib.ui.empty import no_comments_yet
from lib.ui.lead import QUEUE_PAGE, card, chart, decimals_as_text, people

DAY_KEY = "today_day"
NOW_CARDS = ("open_now", "at_risk_now", "breached_now", "awaiting")
END_OF_DAY = {
    "open_now": "open_end",
    "at_risk_now": "at_risk_end",
    "breached_now": "breached_end",
    "awaiting": "awaiting_end",
}

st.title(t("today.title"))
# A lead's « À regarder »: connected accounts and platform operations that need one (even
# before the first comment arrives: a token may be missing).
attention_block(database(), st.session_state.get("user"))
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


def card_key(key: str) -> str:
    """A card's words: a past day's open comments are counted at its end, not now."""
    return key if figures.is_today or key not in END_OF_DAY else END_OF_DAY[key]


day_cards, open_cards = figures.cards[:4], figures.cards[4:]
for column, item in zip(st.columns(4), day_cards, strict=True):
    card(column, t(f"today.{card_key(item.key)}"), item)
# Beside hundreds of overdue comments from earlier days, a high share on time needs a word.
st.caption(
    t(
        "today2.on_time_counts",
        on_time=t("today.on_time_pct"),
        overdue=t(f"today.{card_key('breached_now')}"),
    )
)
for column, item in zip(st.columns(4), open_cards, strict=True):
    card(column, t(f"today.{card_key(item.key)}"), item)

if figures.by_hour[["received", "previous"]].to_numpy().any():
    chart(
        figure(
            "arrivals_by_hour",
            figures.by_hour,
            figures.office_hours,
            metrics.present_hour(day, read_at(), cal.tz),
            lang(),
        ),
        # The table reads as the axis does: '8 h', not 8.
        figures.by_hour.assign(hour=[hour_label(h, lang()) for h in figures.by_hour["hour"]]),
        f"arrivees-{day}",
    )
else:  # an empty frame says nothing: say why, and where to look instead
    before_first = figures.first_day is not None and day < figures.first_day
    first = format_date(figures.first_day, lang()) if before_first else ""
    words = t("today2.no_arrivals") + (" " + t("today2.before_first", first=first) if first else "")
    st.info(words, icon=":material/bar_chart_off:")

platforms, moderators = st.columns(2)
with platforms:
    st.subheader(t("today.by_platform"))
    if figures.by_platform.empty:
        st.caption(t("today2.no_platform"))
    else:
        shown, aligned = decimals_as_text(readable(figures.by_platform, lang()), lang())
        st.dataframe(shown, hide_index=True, column_config=aligned)
with moderators:
    st.subheader(t("today.by_moderator"))
    if figures.by_moderator.empty:
        st.caption(t("today2.no_moderator"))
    else:
        by_moderator = readable(figures.by_moderator, lang(), {"first_handled_by": people()})
        shown, aligned = decimals_as_text(by_moderator, lang())
        st.dataframe(shown, hide_index=True, column_config=aligned)

# Per service level once the lead has defined some: one level alone says nothing more.
settings = current_settings()
if settings.service_levels and not figures.by_level.empty:
    st.subheader(t("today.by_level"))
    names = {"service_level": level_names(settings, lang())}
    shown, aligned = decimals_as_text(readable(figures.by_level, lang(), names), lang())
    st.dataframe(shown, hide_index=True, column_config=aligned)

st.subheader(t("today.needs_lead"))
total = figures.needs_lead_total
if total == 0:
    st.success(t("today.nothing_for_lead"), icon=":material/check_circle:")
else:
    if total == 1:
        count = t("today2.needs_lead_one")
    else:
        count = t("today2.needs_lead_many", count=format_number(total, lang()))
    shown = len(figures.needs_lead)
    more = " " + t("today2.needs_lead_shown", shown=shown) if shown < total else ""
    st.caption(count + more)
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
