"""The demo's history: the `actions` rows its handling implies, with each comment's versions."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.db import to_db_times
from lib.taxonomy import PERSONAL_INFORMATION_REASON, PRIVATE_REDIRECT


def history_rows(handling: pd.DataFrame, first_id: int = 1) -> pd.DataFrame:
    """The `actions` rows a `draw_handling` frame implies, with ids from `first_id` and
    versions from 2 per comment."""
    h = handling
    verb, detail = h["verb"], h["detail"]
    # An escalation is carried out by the lead's approval.
    kind = verb.where(verb != "escalate", "approve")
    escalated_template = detail.where(verb == "escalate")
    # A `prive` redirection hides the comment: its escalation and its carrying out record
    # the reason `act` records by default.
    private = detail.eq(PRIVATE_REDIRECT) & verb.isin(["redirect", "escalate"])
    private_reason = pd.Series(PERSONAL_INFORMATION_REASON, index=h.index).where(private)
    # `step` orders a comment's actions that fall on the same second.
    parts = [
        _action_rows(h["assigned_at"], h["handler"], "assign", 0, assignee=h["handler"]),
        _action_rows(
            h["escalated_at"],
            h["handler"],
            "escalate",
            1,
            reply=h["reply_text"],
            template=escalated_template,
            reasons=private_reason,
        ),
        _action_rows(h["rejected_at"], h["approver"], "reject", 2, note=h["rejection_note"]),
        _action_rows(
            h["revised_at"],
            h["handler"],
            "escalate",
            3,
            reply=h["revised_text"],
            template=escalated_template,
            reasons=private_reason,
        ),
        _action_rows(
            h["handled_at"],
            h["handler"].where(verb != "escalate", h["approver"]),
            kind,
            4,
            reply=h["final_reply"].where(kind.isin(["reply", "approve"])),
            template=detail.where(verb.isin(["redirect", "escalate"])),
            reasons=detail.where(verb.isin(["hide", "delete"])).mask(private, private_reason),
        ),
    ]
    actions = pd.concat(parts, ignore_index=True).sort_values(["comment_id", "at", "step"])
    actions["version"] = actions.groupby("comment_id").cumcount() + 2
    actions["at"] = to_db_times(actions["at"])
    actions.insert(0, "id", np.arange(first_id, first_id + len(actions)))
    return actions.drop(columns="step")


def _action_rows(
    at, actor, kind, step, reply=None, template=None, reasons=None, assignee=None, note=None
):
    """One history row per comment that has an instant in `at` (NaT: no such action)."""
    mask = at.notna().to_numpy()

    def pick(values):
        if values is None:
            return None
        return values.to_numpy()[mask] if isinstance(values, pd.Series) else values

    rows = pd.DataFrame(
        {
            "actor": actor.to_numpy()[mask],
            "kind": pick(kind),
            "reasons": pick(reasons),
            "reply": pick(reply),
            "template": pick(template),
            "note": pick(note),
            "assignee": pick(assignee),
        },
        # Python strings, as the handling holds them: a reply shared by many rows stays one.
        dtype=object,
    )
    rows.insert(0, "comment_id", at.index.to_numpy()[mask])
    # Naive UTC datetime64: tz-aware to_numpy() would make a Python object per row.
    rows.insert(1, "at", at.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy()[mask])
    rows["step"] = step
    return rows
