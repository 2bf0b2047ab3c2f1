"""File d'attente: open comments, most urgent first; select one to read it and act on it."""

import streamlit as st

from lib import triage
from lib.settings import load_settings
from lib.states import state_clock
from lib.ui import database, present, t
from lib.ui import queue as panel
from lib.ui.empty import no_comments_yet

st.title(t("queue.title"))
db = database()
viewer = st.session_state.get("user")
if viewer is None or no_comments_yet("queue"):
    st.stop()

settings = load_settings(db)
cal = settings.calendar()
clock = state_clock(present(), cal, settings.at_risk_hours)
filters = panel.filter_bar()

total = triage.count_queue(db, filters, viewer, clock)
page = panel.page_picker(total)
rows = triage.queue_page(db, filters, viewer, clock, page, cal=cal)
panel.show_flash()

positions = panel.read_selection(rows)
current = panel.current_comment(rows)
listing, detail = st.columns([3, 2])
with listing:
    panel.comment_table(db, rows, viewer, current)
    panel.bulk_actions(rows, positions, viewer)
# The detail stays in view while the table scrolls (lib/ui/queue/detail.py).
with detail.container(key=panel.DETAIL_KEY):
    if current is None:
        st.info(t("queue.empty"))
    else:
        panel.stepper(rows, current, page, triage.page_count(total))
        panel.detail_panel(current, viewer, clock, settings)
panel.keep_detail_in_view()
