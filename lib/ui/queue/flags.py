"""Why each of a comment's flags was raised, « Signal erroné » beside each, and the redirection
a person in danger is answered with.

The explanations are read from the text again at each display (`lib.detect.explain`): a
flag stored on arrival that the current detectors no longer find says so. A person in danger
comes first: their alert heads the panel, and Info-Santé 811 / 911 (`medical`) is the
redirection offered first, whatever the detectors stored.
"""

from __future__ import annotations

from functools import lru_cache

import streamlit as st

from lib.auth import team_names
from lib.db import DatabaseError
from lib.detect import Evidence, explain
from lib.flag_reports import DETECTOR_FLAGS, FlagReportRefused, report_wrong, reports_of, withdraw
from lib.i18n import format_datetime, label
from lib.taxonomy import FLAGS, REDIRECTS, split_codes
from lib.ui.queue.acting import database_problem
from lib.ui.queue.keys import flash, key
from lib.ui.session import database, lang, plain, present, t
from lib.ui.warm import detectors_ready

# Info-Santé 811 / 911: how a person in danger is answered, not removed.
DISTRESS_REDIRECT = "medical"
# A person in danger is read first, then a threat, then the others in the taxonomy's order.
ORDER = ("distress", "urgent", *(f for f in FLAGS if f not in ("distress", "urgent")))


@lru_cache(maxsize=256)
def _evidence(text: str) -> tuple[Evidence, ...]:
    """The detectors' reasons for `text`, read once for the panel, its suggestions and tabs.

    Once the server's first reading is over (`lib.ui.warm`): two threads fitting the same
    models at once would each pay for it."""
    detectors_ready().wait()
    return tuple(explain(text))


def in_danger(row: dict) -> bool:
    """Whether the comment may tell of a person in danger: flagged `distress` on arrival, or
    read so by the current detectors (a comment stored before they knew the flag)."""
    if "distress" in split_codes(row.get("flags")):
        return True
    return any(e.flag == "distress" for e in _evidence(row.get("text") or ""))


def offered_redirect(row: dict) -> str | None:
    """The redirection offered first: `medical` for a person in danger, else the detectors'
    suggestion, None when there is none."""
    if in_danger(row):
        return DISTRESS_REDIRECT
    suggested = row.get("suggested_redirect")
    return suggested if suggested in REDIRECTS else None


def flag_explanations(row: dict) -> None:
    """The alert of a person in danger or of a threat, then each flag with why it was raised
    and its « Signal erroné » button (or who reported it, and « Annuler »)."""
    flags = sorted(split_codes(row["flags"]), key=lambda f: ORDER.index(f) if f in ORDER else 99)
    danger = in_danger(row)
    if danger:
        st.error(t("flags.distress.alert"), icon=":material/emergency:")
    elif "urgent" in flags:
        st.warning(t("flags.threat.alert"), icon=":material/report:")
    if not flags:
        return
    db = database()
    reports, names = reports_of(db, row["id"]), team_names(db)
    evidence = _evidence(row["text"] or "")
    with st.expander(t("flags.why"), expanded=danger or "urgent" in flags):
        for flag in flags:
            found = [e for e in evidence if e.flag == flag]
            _flag_line(row["id"], flag, found, reports.get(flag), names)


def _flag_line(comment_id: int, flag: str, found: list[Evidence], report, names) -> None:
    if flag == "repeat":
        why = [t("flags.repeat")]
    else:
        why = [_because(e) for e in found] or [t("flags.earlier")]
    # Markdown line breaks between the rules; the comment's words are quoted through plain().
    st.markdown(t("flags.line", flag=label("flag", flag, lang()), why="  \n".join(why)))
    if flag not in DETECTOR_FLAGS:
        return
    if report is None:
        st.button(
            t("flags.wrong"),
            key=key(f"wrong.{flag}", comment_id),
            help=t("flags.wrong_help"),
            on_click=_change,
            args=(report_wrong, comment_id, flag),
        )
        return
    said, action = st.columns([3, 1], vertical_alignment="center")
    who = plain(names.get(report["by"], report["by"]))
    said.caption(t("flags.reported", who=who, when=format_datetime(report["at"], lang())))
    action.button(
        t("flags.withdraw"),
        key=key(f"withdraw.{flag}", comment_id),
        on_click=_change,
        args=(withdraw, comment_id, flag),
    )


def _because(evidence: Evidence) -> str:
    """The rule's description and the words it matched; never personal information, whose
    evidence carries no words."""
    rule = label("detect.rule", evidence.rule, lang())
    if evidence.words:
        return t("flags.rule_words", rule=rule, words=plain(evidence.words))
    return rule


def _change(change, comment_id: int, flag: str) -> None:
    """A button's callback: report the flag wrong or withdraw the report, as the signed-in
    person; a refusal is a message on the next run."""
    viewer = st.session_state["user"]
    try:
        change(database(), comment_id, flag, viewer["username"], now=present())
    except DatabaseError as error:
        flash("error", database_problem(error))
    except FlagReportRefused as refusal:
        flash("error", refusal.describe(lang(), plain))
