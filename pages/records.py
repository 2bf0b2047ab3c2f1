"""Registres (leads only): retention and anonymising, legal holds, access requests, the
history's integrity and the last backup."""

import streamlit as st

from lib.ui import t

st.title(t("nav.records"))
