"""Rapports: the four CSV exports for Excel, with a preview, built only when downloaded."""

from datetime import date

import pandas as pd
import streamlit as st

from lib import i18n, metrics, reports
from lib.auth import can, require
from lib.db import db_path, open_db
from lib.i18n import format_number
from lib.ui import current_user, data_signature, database, lang, t
from lib.ui.auth import sign_in_prompt
from lib.ui.cached import current_settings, present
from lib.ui.lead import local_times, range_picker

PREVIEW_ROWS = 50
MINUTES = "YYYY-MM-DD HH:mm"
DELIMITERS = {";": "reports.delimiter.semicolon", ",": "reports.delimiter.comma"}
# Only these exports carry a person's name or words; the others are masked by construction.
WITH_PERSONAL_INFORMATION = tuple(k for k in reports.KINDS if "text" in reports.COLUMNS[k])


@st.cache_data(show_spinner=False, max_entries=16)
def report_table(
    data_key: tuple, kind: str, start: date, end: date, now: pd.Timestamp, unmask: bool
) -> pd.DataFrame:
    """One export's rows, computed once per change of the data, the range or the clock."""
    db = database()
    try:
        if kind == "queue":
            return reports.queue(db, now, unmask=unmask)
        if kind == "compliance":
            return reports.compliance(db, start, end, now)
        if kind == "daily":
            return reports.daily(db, start, end, now)
        return reports.reasons(db, start, end)
    finally:
        db.conn.close()


def csv_builder(username, kind, start, end, now, delimiter, unmask):
    """The download's bytes, made on click on Streamlit's download thread (its own connection)."""
    path = db_path()

    def build() -> bytes:
        db = open_db(path, migrate=False)
        try:
            if unmask:
                require(db, username, "unmask")
            return reports.export(
                db, kind, start, end, now, delimiter=delimiter, unmask=unmask, actor=username
            )
        finally:
            db.conn.close()

    return build


st.title(t("reports.title"))
db = database()
me = current_user(db)
if me is None:
    sign_in_prompt()
    st.stop()
username = me["username"]
language = lang()

kind = st.radio(
    t("reports.kind"),
    reports.KINDS,
    index=reports.KINDS.index("compliance"),
    # This run's language: AppTest calls format_func after the run, where lang() says French.
    format_func=lambda k: i18n.t(f"reports.kind.{k}", language),
    captions=[t(f"reports.about.{k}") for k in reports.KINDS],
    horizontal=True,
    key="reports_kind",
)
now = present()
today = metrics.local_today(now, current_settings().calendar().tz)
if kind == "queue":
    st.caption(t("reports.snapshot"))
    start, end = today, today
else:
    start, end = range_picker("reports", today)

options, privacy = st.columns(2)
delimiter = options.radio(
    t("reports.delimiter"),
    list(DELIMITERS),
    format_func=lambda d: i18n.t(DELIMITERS[d], language),
    key="reports_delimiter",
)
unmask = False
if can(db, username, "unmask"):
    unmask = privacy.checkbox(
        t("reports.unmask"),
        help=t("reports.unmask_help"),
        disabled=kind not in WITH_PERSONAL_INFORMATION,
        key="reports_unmask",
    )
    unmask = unmask and kind in WITH_PERSONAL_INFORMATION
    if unmask:
        privacy.warning(t("reports.unmasked_warning"), icon=":material/warning:")

table = report_table(data_signature(db), kind, start, end, now, unmask)
name = reports.export_filename(kind, start, end)
st.download_button(
    t("reports.download", name=name),
    data=csv_builder(username, kind, start, end, now, delimiter, unmask),
    file_name=name,
    mime="text/csv",
    on_click="ignore",
    type="primary",
    icon=":material/download:",
    key="reports_download",
)

st.subheader(t("reports.preview"))
if table.empty:
    st.info(t("reports.no_rows"))
else:
    st.caption(
        t(
            "reports.rows",
            count=format_number(len(table), lang()),
            shown=format_number(min(len(table), PREVIEW_ROWS), lang()),
        )
    )
head = table.head(PREVIEW_ROWS)
instants = [c for c in head.columns if isinstance(head[c].dtype, pd.DatetimeTZDtype)]
# Headers as in the file (the leads' pivot tables use them), times as the file writes them.
st.dataframe(
    local_times(head, instants),
    hide_index=True,
    width="stretch",
    column_config={c: st.column_config.DatetimeColumn(c, format=MINUTES) for c in instants},
)
