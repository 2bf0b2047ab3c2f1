"""Transparence: the monthly summary a body may publish, without personal information."""

import streamlit as st

from lib.ui import t

st.title(t("nav.transparency"))
