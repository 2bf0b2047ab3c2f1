"""Importer: bring comments in from a CSV file or a platform's JSON."""

import streamlit as st

from lib.queries import recent_comments
from lib.ui import database, t

st.title(t("import.title"))
st.subheader(t("import.recent"))
st.dataframe(recent_comments(database(), 20), hide_index=True, width="stretch")
