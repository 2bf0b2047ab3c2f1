"""Importer: bring comments in from a CSV file or a platform's JSON, after a preview."""

import logging
from dataclasses import asdict

import streamlit as st

from lib import i18n
from lib.auth import can
from lib.i18n import format_number, label
from lib.importers import (
    FORMATS,
    JSON_MAX_BYTES,
    BadImportFile,
    DatabaseBusy,
    import_file,
    read_comments,
)
from lib.queries import recent_comments
from lib.tables import code_labels
from lib.ui import current_user, database, lang, plain, t
from lib.ui.auth import sign_in_prompt
from lib.ui.lead import local_times

PREVIEW_ROWS = 20
MINUTES = "YYYY-MM-DD HH:mm"
PREVIEW_COLUMNS = ("platform", "external_id", "received_at", "author_name", "text")
# The last import of this session: {"name", "format", "summary" (ImportSummary as a dict)}.
SUMMARY_KEY = "import_summary"
log = logging.getLogger(__name__)


@st.cache_data(show_spinner=False, max_entries=4, ttl="15m")
def read_file(raw: bytes, filename: str, fmt: str) -> dict:
    """What the preview shows of a file: its first rows, count and format, or its refusal.

    Parsed once per file and format: reruns (language, a click) do not read it again.
    A plain dict, as st.cache_data pickles it and classes of a page script do not pickle.
    """
    try:
        reading = read_comments(raw, filename, fmt)
    except BadImportFile as refusal:
        return {"refusal": {code: refusal.describe(code, plain) for code in ("fr", "en")}}
    head = reading.frame.head(PREVIEW_ROWS).rename_axis("line").reset_index()
    return {
        "head": head,
        "count": len(reading.frame),
        "format": reading.format,
        "repeated_rows": reading.repeated_rows,
        "ambiguous_times": reading.ambiguous_times,
        "refusal": None,
    }


def show_preview(reading: dict) -> None:
    st.success(
        t(
            "import.detected",
            count=format_number(reading["count"], lang()),
            format=t(f"import.format.{reading['format']}"),
        ),
        icon=":material/check_circle:",
    )
    if reading["repeated_rows"]:
        st.info(t("import.repeated", count=format_number(reading["repeated_rows"], lang())))
    show_ambiguous(reading["ambiguous_times"])
    head = local_times(reading["head"], ["received_at"])
    head["platform"] = [label("platform", p, lang()) for p in head["platform"]]
    head["author_name"] = head["author_name"].fillna("—")  # a file may name no author
    st.caption(t("import.preview", shown=format_number(len(head), lang())))
    st.dataframe(
        head[["line", *PREVIEW_COLUMNS]],
        hide_index=True,
        width="stretch",
        column_config={
            "line": t("import.col.line"),
            "platform": t("common.platform"),
            "external_id": t("import.col.external_id"),
            "received_at": st.column_config.DatetimeColumn(t("common.received_at"), format=MINUTES),
            "author_name": t("common.author"),
            "text": t("common.text"),
        },
    )


def show_ambiguous(count: int) -> None:
    if count:
        st.warning(
            t("import.ambiguous", count=format_number(count, lang())), icon=":material/schedule:"
        )


def run_import(db, raw: bytes, filename: str, fmt: str) -> dict:
    """import_file with a progress bar that moves chunk by chunk; the summary as a dict."""
    bar = st.progress(0.0, text=t("import.phase.reading"))
    shown = {"phase": "reading", "done": 0, "total": 0}

    def draw() -> None:
        done, total = shown["done"], shown["total"]
        numbers = {"done": format_number(done, lang()), "total": format_number(total, lang())}
        bar.progress(
            done / total if total else 0.0, text=t(f"import.phase.{shown['phase']}", **numbers)
        )

    def phase(name: str) -> None:
        shown["phase"] = name
        draw()

    def progress(done: int, total: int) -> None:
        shown.update(done=done, total=total)
        draw()

    try:
        return asdict(import_file(db, raw, filename, fmt, progress=progress, phase=phase))
    finally:
        bar.empty()


def failure_reason(error: Exception) -> str:
    """One line for an error nobody planned for; the traceback goes to the server's log."""
    if isinstance(error, DatabaseBusy):
        return t("import.locked")
    first_line = (str(error).strip().splitlines() or [""])[0]
    return f"{type(error).__name__}: {first_line}" if first_line else type(error).__name__


def show_summary(last: dict) -> None:
    summary = last["summary"]
    name, fmt = last["name"], t(f"import.format.{last['format']}")
    st.success(t("import.done", name=plain(name), format=fmt), icon=":material/task_alt:")
    added, present = st.columns(2)
    added.metric(t("import.added"), format_number(summary["added"], lang()), border=True)
    present.metric(
        t("import.already_present"),
        format_number(summary["already_present"], lang()),
        help=t("import.already_present_help"),
        border=True,
    )
    show_ambiguous(summary["ambiguous_times"])


st.title(t("import.title"))
language = lang()
db = database()
me = current_user(db)
if me is None or not can(db, me["username"], "import"):
    sign_in_prompt()
    st.stop()

upload, options = st.columns([3, 1])
uploaded = upload.file_uploader(
    t("import.file"), type=["csv", "json"], help=t("import.file_help"), key="import_file"
)
# The limit itself is server.maxUploadSize in .streamlit/config.toml.
upload.caption(
    t(
        "import.size_limit",
        megabytes=st.get_option("server.maxUploadSize"),
        json_megabytes=JSON_MAX_BYTES // 1_000_000,
    )
)
fmt = options.selectbox(
    t("import.format"),
    ["auto", *FORMATS],
    # This run's language: AppTest calls format_func after the run, where lang() says French.
    format_func=lambda f: i18n.t(f"import.format.{f}", language),
    key="import_format",
)

if uploaded is None:
    st.info(t("import.choose"), icon=":material/upload_file:")
else:
    raw = uploaded.getvalue()
    reading = read_file(raw, uploaded.name, fmt)
    if reading["refusal"] is not None:
        st.error(t("import.refused", reason=reading["refusal"][lang()]), icon=":material/block:")
    elif reading["count"] == 0:
        st.warning(t("import.empty", format=t(f"import.format.{reading['format']}")))
    else:
        show_preview(reading)
        if st.button(t("import.run"), type="primary", icon=":material/upload:", key="import_run"):
            try:
                summary = run_import(db, raw, uploaded.name, fmt)
            except BadImportFile as refusal:
                st.error(
                    t("import.refused", reason=refusal.describe(lang(), plain)),
                    icon=":material/block:",
                )
            except Exception as error:  # a locked or damaged database, a full disk…
                log.exception("import of %s failed", uploaded.name)
                st.error(t("import.failed", reason=failure_reason(error)), icon=":material/error:")
            else:
                st.session_state[SUMMARY_KEY] = {
                    "name": uploaded.name,
                    "format": summary["format"],
                    "summary": summary,
                }

# The last import's figures stay on the page until the next import, whatever happens above.
if st.session_state.get(SUMMARY_KEY) is not None:
    show_summary(st.session_state[SUMMARY_KEY])

st.subheader(t("import.recent"))
recent = recent_comments(db, 20)
if recent.empty:
    st.caption(t("empty.recent"))
else:
    # Words for codes ('Facebook', 'Français', 'Nouveau'), a dash where the file had nothing.
    undetermined = recent["language"].fillna("und").eq("und")
    for column in ("platform", "language"):
        recent[column] = code_labels(column, recent[column], lang())
    recent.loc[undetermined, "language"] = t("leadpages.language_und")
    recent["status"] = [label("status", s, lang()) for s in recent["status"]]
    recent[["account", "author_name"]] = recent[["account", "author_name"]].fillna("—")
    st.dataframe(
        local_times(recent, ["received_at"]),
        hide_index=True,
        width="stretch",
        column_config={
            "id": None,
            "platform": t("common.platform"),
            "account": t("common.account"),
            "author_name": t("common.author"),
            "text": t("common.text"),
            "language": t("common.language"),
            "status": t("common.status"),
            "received_at": st.column_config.DatetimeColumn(t("common.received_at"), format=MINUTES),
        },
    )
