"""Paramètres: the team, the calendar and the targets."""

import streamlit as st

from lib.queries import team
from lib.settings import load_settings
from lib.ui import database, t

st.title(t("settings.title"))
db = database()
st.subheader(t("settings.team"))
st.dataframe(team(db), hide_index=True, width="stretch")
st.subheader(t("settings.calendar"))
st.json(load_settings(db).__dict__)
