"""Under a draft box: what `check_draft` finds in the text as typed, each passage shown in
its context, and the note that publishes the draft anyway where the person may.

The reply tab, the redirection tab and the lead's approval box draw the same checks
that `act()` will run on the same text, so a refusal is never a surprise. The draft's
words are never read as Markdown: they are escaped into HTML, the passage in `<mark>`.
"""

from __future__ import annotations

from html import escape

import streamlit as st

from lib.auth import LEAD
from lib.i18n import label
from lib.moderation import Finding, check_draft, draft_context
from lib.settings import Settings
from lib.taxonomy import NOTE_MAX_CHARS, REPLY_MAX_CHARS
from lib.ui.session import database, lang, t

# Characters of the draft shown on each side of a passage, and of a passage at most
# (the language form may find the whole draft).
CONTEXT_CHARS = 60
PASSAGE_CHARS = 240
# The passage as a quotation: its line breaks kept, set off by a rule on its left.
QUOTE_STYLE = "white-space: pre-wrap; border-left: 3px solid #d0d0d0; padding-left: 0.5rem"


def draft_checks(
    row: dict, text_key: str, note_key: str, viewer: dict, settings: Settings, escalating=False
) -> None:
    """The findings in the draft under `text_key`, and the note under `note_key` when the
    person may override them: warnings, and personal information for a lead only.

    `escalating`: the box can only submit the draft for a lead's approval, and the lead
    will see the warnings too.
    """
    # The box takes REPLY_MAX_CHARS; a longer text set from elsewhere is read that far.
    text = (st.session_state.get(text_key) or "")[:REPLY_MAX_CHARS]
    if not text.strip():
        return
    findings = check_draft(text, draft_context(database(), row), settings)
    blocks = [f for f in findings if f.blocks]
    warnings = [f for f in findings if not f.blocks]
    lead = viewer["role"] == LEAD
    if blocks:
        st.error(t("drafts.blocked.lead" if lead else "drafts.blocked"), icon=":material/block:")
        st.html(findings_html(text, blocks))
    if warnings:
        words = t("drafts.warned")
        if escalating and not lead:
            words += " " + t("drafts.warned.escalate")
        st.warning(words, icon=":material/warning:")
        st.html(findings_html(text, warnings))
    if warnings or (blocks and lead):
        st.text_input(t("drafts.note"), key=note_key, max_chars=NOTE_MAX_CHARS)


def finding_line(finding: Finding) -> str:
    """The catalogue's words for one finding."""
    if finding.check == "personal_information":
        what = label("pii", finding.detail, lang())
        return t("drafts.finding.personal_information", what=what[:1].upper() + what[1:])
    if finding.check == "language":
        return t("drafts.finding.language." + finding.detail)
    return t("drafts.finding." + finding.check, detail=finding.detail)


def findings_html(text: str, findings: list[Finding]) -> str:
    """A list of the findings, each with its passage marked in its context; every piece
    of `text` and of the findings' details is escaped."""
    items = "".join(
        f"<li>{escape(finding_line(f))}<br><small>{escape(t('drafts.passage'))}</small>"
        f'<div style="{QUOTE_STYLE}">{passage_html(text, f)}</div></li>'
        for f in findings
    )
    return f"<ul>{items}</ul>"


def passage_html(text: str, finding: Finding) -> str:
    """`text[start:end]` in `<mark>`, with up to CONTEXT_CHARS on each side, escaped.

    >>> passage_html("Écrivez à <b>jo@exemple.ca</b> demain", Finding("x", 13, 26, ""))
    'Écrivez à &lt;b&gt;<mark>jo@exemple.ca</mark>&lt;/b&gt; demain'
    """
    start, end = finding.start, finding.end
    before = text[max(0, start - CONTEXT_CHARS) : start]
    passage = text[start:end]
    after = text[end : end + CONTEXT_CHARS]
    if len(passage) > PASSAGE_CHARS:
        half = PASSAGE_CHARS // 2
        passage = passage[:half] + " … " + passage[-half:]
    opening = "…" if start > CONTEXT_CHARS else ""
    closing = "…" if end + CONTEXT_CHARS < len(text) else ""
    return f"{opening}{escape(before)}<mark>{escape(passage)}</mark>{escape(after)}{closing}"
