"""Rapports: CSV exports for Excel."""

import streamlit as st

from lib.ui import t

st.title(t("reports.title"))
