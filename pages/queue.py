"""File d'attente: open comments, most urgent first."""

import streamlit as st

from lib.i18n import format_number
from lib.queries import frame
from lib.ui import database, lang, t

st.title(t("queue.title"))
db = database()
rows = frame(
    db,
    "SELECT id, platform, account, received_at, due_at, status, assignee, language, flags, text "
    "FROM comments WHERE status IN ('new', 'assigned', 'awaiting_approval') "
    "ORDER BY due_at LIMIT 200",
)
total = db.execute(
    "SELECT count(*) FROM comments WHERE status IN ('new', 'assigned', 'awaiting_approval')"
).fetchone()[0]
st.caption(t("queue.open_count", count=format_number(total, lang())))
st.dataframe(rows, hide_index=True, width="stretch")
