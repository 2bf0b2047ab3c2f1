"""Aujourd'hui: the day's figures at a glance (the landing page)."""

import pandas as pd
import plotly.express as px
import streamlit as st

from lib.i18n import format_number
from lib.queries import comments_between, open_comments
from lib.ui import database, lang, t

st.title(t("today.title"))
db = database()
now = pd.Timestamp.now(tz="UTC")
day_start = now.tz_convert("America/Toronto").normalize()
received = comments_between(db, day_start, now)
handled = received["first_handled_at"].notna().sum()
columns = st.columns(3)
columns[0].metric(t("today.received"), format_number(len(received), lang()))
columns[1].metric(t("today.handled"), format_number(int(handled), lang()))
columns[2].metric(t("today.open_now"), format_number(len(open_comments(db)), lang()))

hours = received["received_at"].dt.tz_convert("America/Toronto").dt.hour
by_hour = hours.value_counts().reindex(range(24), fill_value=0).rename_axis("hour")
figure = px.bar(
    by_hour.reset_index(name="count"),
    x="hour",
    y="count",
    title=t("today.by_hour"),
    labels={"hour": t("today.hour"), "count": t("common.count")},
)
figure.update_layout(separators=", ")
st.plotly_chart(figure, width="stretch")
