"""Conformité: response-time compliance against the business-hours target."""

import pandas as pd
import streamlit as st

from lib.queries import comments_between
from lib.ui import database, t

st.title(t("compliance.title"))
db = database()
now = pd.Timestamp.now(tz="UTC")
rows = comments_between(db, now - pd.Timedelta(days=30), now)
daily = rows.groupby(rows["received_at"].dt.tz_convert("America/Toronto").dt.date).size()
st.bar_chart(daily.rename(t("today.received")))
