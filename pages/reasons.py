"""Motifs: what was removed, for which netiquette reason."""

import pandas as pd
import plotly.express as px
import streamlit as st

from lib.queries import removals
from lib.taxonomy import REASONS
from lib.ui import database, lang, t

st.title(t("reasons.title"))
db = database()
rows = removals(db, pd.Timestamp.now(tz="UTC") - pd.Timedelta(days=90))
if rows.empty:
    st.info(t("common.empty"))
else:
    counts = rows["reason_code"].value_counts().rename_axis("code").reset_index(name="count")
    counts["label"] = counts["code"].map(lambda c: REASONS[c].in_language(lang()))
    figure = px.bar(
        counts.sort_values("count"),
        x="count",
        y="label",
        orientation="h",
        title=t("reasons.by_reason"),
        labels={"count": t("common.count"), "label": t("common.reason")},
    )
    figure.update_layout(separators=", ")
    st.plotly_chart(figure, width="stretch")
