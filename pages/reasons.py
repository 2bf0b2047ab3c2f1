"""Motifs: what was removed and why, redirects, personal information, repeat authors, approvals."""

import streamlit as st

from lib.i18n import format_duration, format_number, label
from lib.tables import readable
from lib.times import local_today
from lib.ui import lang, present, t
from lib.ui.cached import current_settings, figure, reasons_figures
from lib.ui.empty import no_comments_yet, nothing_in_range
from lib.ui.lead import chart, range_picker

cal = current_settings().calendar()
st.title(t("reasons.title"))
if no_comments_yet("reasons"):
    st.stop()
start, end = range_picker("reasons", local_today(present(), cal.tz))
figures = reasons_figures(start, end)
words = f"label_{lang()}"  # the label column in this language
approvals = figures.approvals
# Removals and decisions in a range can be of comments received before it: all count.
held = (
    figures.removal_rate["received"].sum(),
    figures.removed_comments,
    approvals["escalated"],
    figures.redirects["redirects"].sum(),
)
if not any(held):
    nothing_in_range("reasons", start, end)
    st.stop()

# Two rows of three: a duration such as « 1 h 32 min » must fit its card.
columns = [*st.columns(3), *st.columns(3)]
columns[0].metric(
    t("reasons.removed"), format_number(figures.removed_comments, lang()), border=True
)
for column, key in zip(columns[1:5], ("escalated", "approved", "rejected", "waiting"), strict=True):
    column.metric(t(f"reasons.{key}"), format_number(int(approvals[key]), lang()), border=True)
columns[5].metric(
    t("reasons.median_wait"),
    format_duration(approvals["median_wait_seconds"], lang()),
    border=True,
)
st.caption(t("reasons.definition"))

left, right = st.columns(2)
with left:
    by_reason = figures.by_reason
    chart(
        figure(
            "horizontal_bars",
            by_reason["removals"],
            list(by_reason[words]),
            t("reasons.by_reason"),
            t("reasons.removals"),
            lang(),
        ),
        by_reason,
        f"motifs-{start}-{end}",
    )
with right:
    platforms = figures.by_platform
    chart(
        figure(
            "horizontal_bars",
            platforms["removed"],
            [label("platform", c, lang()) for c in platforms["platform"]],
            t("reasons.by_platform"),
            t("reasons.removals"),
            lang(),
        ),
        platforms,
        f"retraits-plateformes-{start}-{end}",
    )

reason_names = dict(zip(by_reason["reason_code"], by_reason[words], strict=True))
chart(
    figure("removal_trend", figures.trend, reason_names, lang()),
    figures.trend,
    f"motifs-semaines-{start}-{end}",
    {"reason_code": reason_names},
)
chart(
    figure("removal_rate", figures.removal_rate, lang()),
    figures.removal_rate,
    f"taux-retrait-{start}-{end}",
)

left, right = st.columns(2)
with left:
    redirects = figures.redirects
    chart(
        figure(
            "horizontal_bars",
            redirects["redirects"],
            list(redirects[words]),
            t("reasons.redirects"),
            t("reasons.redirect_count"),
            lang(),
        ),
        redirects,
        f"redirections-{start}-{end}",
        nothing=not redirects["redirects"].any(),
    )
with right:
    pii = figures.pii
    chart(
        figure(
            "horizontal_bars",
            pii["comments"],
            [t(f"reasons.pii.{s}") for s in pii["source"]],
            t("reasons.pii"),
            t("common.count"),
            lang(),
        ),
        pii,
        f"renseignements-personnels-{start}-{end}",
        nothing=not pii["comments"].any(),
    )

st.subheader(t("reasons.repeat_authors"))
st.caption(t("reasons.repeat_help"))
if figures.repeat_authors.empty:
    st.info(t("leadpages.no_repeat_author"), icon=":material/info:")
else:
    st.dataframe(readable(figures.repeat_authors, lang()), hide_index=True)
