"""Rapports: the four CSV exports for Excel, with a preview of their first rows; the file is
written on click, window by window (lib.reports.export)."""

from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from lib import i18n, metrics, reports
from lib.auth import PermissionDenied, can
from lib.csv_export import as_written
from lib.db import db_path, open_db
from lib.i18n import format_number
from lib.times import local_today
from lib.ui import current_user, database, lang, t
from lib.ui.auth import sign_in_prompt
from lib.ui.cached import current_settings, read_at, until_state_changes
from lib.ui.empty import no_comments_yet, nothing_in_range
from lib.ui.lead import range_picker

PREVIEW_ROWS = 50
DELIMITERS = {";": "reports.delimiter.semicolon", ",": "reports.delimiter.comma"}


@dataclass(frozen=True)
class Report:
    preview: reports.Preview
    valid_until: pd.Timestamp  # the next instant an open comment's state changes


def report_preview(kind: str, start: date, end: date, unmask: bool, actor: str | None, lead: bool):
    """`reports.preview`: the first rows and the count, once per change of the data, the
    range or a state; a year of comments is not computed to show fifty.

    `actor` is part of the key when unmasking, so that the core checks each
    person's role: a refusal raises and is never kept. `lead` orders the queue as
    the lead's own queue page does.
    """

    def compute(_data_key, now) -> Report:
        db = database()
        shown = reports.preview(db, kind, start, end, now, unmask, actor, lead, shown=PREVIEW_ROWS)
        return Report(shown, metrics.next_state_change(db, now))

    key = (kind, start, end, unmask, actor, lead)
    return until_state_changes("report", key, compute).preview


def csv_builder(username, kind, start, end, now, delimiter, unmask, lead):
    """The download's bytes, made on click on Streamlit's download thread (its own
    connection) at the previewed instant, where the core checks the role again and records
    an unmasked export."""
    path = db_path()

    def build() -> bytes:
        with open_db(path, migrate=False) as db:
            return reports.export(
                db,
                kind,
                start,
                end,
                now,
                delimiter=delimiter,
                unmask=unmask,
                actor=username,
                lead=lead,
            )

    return build


st.title(t("reports.title"))
db = database()
me = current_user(db)
if me is None:
    sign_in_prompt()
    st.stop()
if no_comments_yet("reports"):
    st.stop()
username = me["username"]
lead = me["role"] == "lead"
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
now = read_at()  # the instant the preview is held at, and the download made at
today = local_today(now, current_settings().calendar().tz)
if kind in reports.SNAPSHOT_KINDS:
    st.caption(t("reports.snapshot", at=reports.snapshot_time(now)))
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
# Offered to leads; whoever asks, the core decides (lib.reports.table and export).
unmask = privacy.checkbox(
    t("reports.unmask"),
    help=t("reports.unmask_help"),
    disabled=kind not in reports.PERSONAL_KINDS or not can(db, username, "unmask"),
    key="reports_unmask",
)
unmask = unmask and kind in reports.PERSONAL_KINDS
actor = username if unmask else None
try:
    shown = report_preview(kind, start, end, unmask, actor, lead)
except PermissionDenied as refusal:
    privacy.error(refusal.describe(lang()), icon=":material/block:")
    unmask, actor = False, None
    shown = report_preview(kind, start, end, False, None, lead)
if unmask:
    privacy.warning(t("reports.unmasked_warning"), icon=":material/warning:")

name = reports.export_filename(kind, start, end, now)
st.download_button(
    t("reports.download", name=name),
    data=csv_builder(username, kind, start, end, now, delimiter, unmask, lead),
    file_name=name,
    mime="text/csv",
    on_click="ignore",
    type="primary",
    icon=":material/download:",
    key="reports_download",
)

st.subheader(t("reports.preview"))
if not shown.count and kind in reports.SNAPSHOT_KINDS:
    st.info(t("leadpages.reports.no_open_comment"), icon=":material/info:")
elif not shown.count:
    nothing_in_range("reports", start, end)
else:
    if shown.count == 1:
        rows = t("leadpages.reports.one_row")
    elif shown.count <= PREVIEW_ROWS:
        rows = t("leadpages.reports.all_rows", count=format_number(shown.count, lang()))
    else:
        rows = t(
            "reports.rows",
            count=format_number(shown.count, lang()),
            shown=format_number(PREVIEW_ROWS, lang()),
        )
    st.caption(rows)
    # The cells as the file writes them: local times, the decimal mark of the delimiter
    # chosen, an empty cell for nothing; headers as in the file (pivot tables use them).
    numeric = [c for c in shown.rows.columns if pd.api.types.is_numeric_dtype(shown.rows[c])]
    st.dataframe(
        as_written(shown.rows, delimiter),
        hide_index=True,
        width="stretch",
        column_config={c: st.column_config.TextColumn(alignment="right") for c in numeric},
    )
