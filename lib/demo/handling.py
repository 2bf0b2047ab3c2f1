"""What the team did with each demo comment: the outcome, who handled it, when, and in which words.

A moderator's reply or redirection to a negative comment is escalated for a lead's
approval, or answered by a lead, as `lib.moderation.act` requires; the status each
outcome leaves is read from `act`'s own table (`lib.moderation.status_after`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.demo import texts
from lib.moderation import status_after
from lib.service_levels import has_any_flag
from lib.templates import REDIRECT_CODES, templates

# Of the comments of the last NEVER_HANDLED_DAYS, the share nobody has answered yet. Older
# ones have all been closed since: a team does not leave a comment open for months, and
# ten years of demo must not pile up a hundred thousand open comments.
NEVER_HANDLED_SHARE = 0.05
NEVER_HANDLED_DAYS = 14
OFF_HOURS_HANDLING_SHARE = 0.06
REJECTED_SHARE = 0.15  # of escalations: the lead sends the proposal back once
LEAD_HANDLING_SHARE = 0.08
# Of the replies and redirections a moderator would publish on a negative comment,
# the share a lead answers directly; the others are escalated for approval.
LEAD_ANSWERS_NEGATIVE_SHARE = 0.2
PUBLISHING_VERBS = ("reply", "redirect")


def draw_handling(
    rng, comments: pd.DataFrame, detected: pd.DataFrame, settings, cal, end
) -> pd.DataFrame:
    """When and how each comment was handled, or that it is still open at `end`.

    `detected` holds the comments as `lib.ingest.prepare_comments` stores them: the
    team answers the language and the flags detection gives, as the pages show them.
    One row per comment: the outcome's `verb` and `detail`, the instant of each step
    of its history (NaT: not taken by `end`), who acted, the texts proposed and
    published, and what the comment ends with (`status`, `assignee`,
    `first_handled_at`, `first_handled_by`, `proposed_reply`).
    """
    english = detected["language"].to_numpy() == "en"
    negative = has_any_flag(detected, ["negative"])
    outcome, handler, approver = _who_handles(rng, _outcomes(rng, comments), negative)
    verb, detail = _split(outcome)
    escalated = (verb == "escalate").to_numpy()
    steps = _steps(rng, comments["received_at"], escalated, cal, end)
    is_handled = steps["handled_at"].notna().to_numpy()
    status = _status(outcome, steps)
    reply_text, revised_text = _proposals(outcome, english, settings)
    notes = np.array(texts.REJECTION_NOTES, dtype=object)
    rejection_note = notes[rng.integers(0, len(notes), len(comments))]
    # What is on the comment now: the revision once made, else the first proposal.
    proposal = np.where(steps["revised_at"].notna().to_numpy(), revised_text, reply_text)
    # Python strings, not pandas' own: a few distinct replies shared by many rows, where
    # an Arrow column would copy each reply into every row.
    words = pd.DataFrame(
        {
            "verb": verb,
            "detail": detail,
            "handler": handler,
            "approver": approver,
            "reply_text": reply_text,
            "revised_text": revised_text,
            "final_reply": np.where(steps["rejected"], revised_text, reply_text),
            "rejection_note": rejection_note,
            "status": status,
            "assignee": np.where(steps["assigned_at"].notna().to_numpy(), handler, None),
            "first_handled_by": np.where(is_handled, np.where(escalated, approver, handler), None),
            # Approval publishes the proposed reply and clears it, as `act` does.
            "proposed_reply": np.where(
                steps["escalated_at"].notna().to_numpy() & ~is_handled, proposal, None
            ),
        },
        index=steps.index,
        dtype=object,
    )
    return steps.assign(first_handled_at=steps["handled_at"]).join(words)


def _outcomes(rng, comments: pd.DataFrame) -> pd.Series:
    """What the team does with each comment, drawn from its kind (texts.MIX)."""
    outcome = np.empty(len(comments), dtype=object)
    for kind, _share, outcomes in texts.MIX:
        rows = (comments["kind"] == kind).to_numpy()
        names = [o[0] for o in outcomes]
        p = np.array([o[1] for o in outcomes])
        outcome[rows] = rng.choice(names, size=rows.sum(), p=p / p.sum())
    return pd.Series(outcome, index=comments.index)


def _who_handles(rng, outcome: pd.Series, negative: np.ndarray):
    """Each comment's handler and approving lead, and outcomes that obey the approval rule.

    `lib.moderation.act` refuses a moderator's reply or redirection to a negative
    comment: a lead answers some of those directly, and the moderator escalates
    the others for a lead's approval. Escalations are always a moderator's.
    """
    n = len(outcome)
    moderators = np.array([u for u, _n, r in texts.TEAM if r == "moderator"], dtype=object)
    leads = np.array([u for u, _n, r in texts.TEAM if r == "lead"], dtype=object)
    handler = moderators[rng.integers(0, len(moderators), n)]
    approver = leads[rng.integers(0, len(leads), n)]
    verb, _detail = _split(outcome)
    by_lead = (rng.random(n) < LEAD_HANDLING_SHARE) & (verb != "escalate").to_numpy()
    needs_approval = negative & verb.isin(PUBLISHING_VERBS).to_numpy() & ~by_lead
    lead_answers = needs_approval & (rng.random(n) < LEAD_ANSWERS_NEGATIVE_SHARE)
    by_lead |= lead_answers
    handler[by_lead] = leads[rng.integers(0, len(leads), by_lead.sum())]
    escalations = {o: _as_escalation(o) for o in outcome[needs_approval].unique()}
    outcome = outcome.mask(needs_approval & ~lead_answers, outcome.map(escalations))
    return outcome, handler, approver


def _as_escalation(outcome: str) -> str:
    """A reply becomes an escalated reply; redirect:<code> an escalation carrying its template."""
    verb, _, template = outcome.partition(":")
    return "escalate" + (f":{template}" if verb == "redirect" else "")


def _split(outcome: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Each outcome's verb and its detail (template or reason code, else None)."""
    # A handful of distinct outcomes: split each once, not once per row.
    unique = outcome.unique()
    verb = outcome.map({o: o.split(":")[0] for o in unique})
    detail = outcome.map({o: (o.split(":") + [None])[1] for o in unique})
    return verb, detail


def _steps(rng, received: pd.Series, escalated: np.ndarray, cal, end) -> pd.DataFrame:
    """The instant of each step of each comment's history; NaT for a step not taken by `end`.

    `rejected` marks the escalations a lead sends back once (an escalation is
    approved, after one rejection and revision at most).
    """
    n = len(received)
    # Business delays: median about 1 h 30, a tail beyond the 8-hour target.
    delay = _quarter_hours(np.minimum(rng.lognormal(np.log(1.5), 1.2, n), 40))
    wait = _quarter_hours(rng.uniform(0.25, 4, n))
    first_step = _deadlines(cal, received, delay)
    # A rejected proposal: sent back after the wait, revised a quarter hour later,
    # approved after a second wait.
    rejected = escalated & (rng.random(n) < REJECTED_SHARE)
    rejected_at = _deadlines(cal, received[rejected], delay[rejected] + wait[rejected])
    revised_at = _deadlines(cal, received[rejected], delay[rejected] + wait[rejected] + 0.25)
    approval_after = delay + wait + np.where(rejected, wait + 0.25, 0)
    handled = first_step.copy()
    handled[escalated] = _deadlines(cal, received[escalated], approval_after[escalated])
    duty = (rng.random(n) < OFF_HOURS_HANDLING_SHARE) & ~np.asarray(cal.is_open(received))
    duty &= ~escalated
    handled[duty] = received[duty] + pd.to_timedelta(rng.exponential(40, duty.sum()), unit="min")
    handled = handled.dt.floor("s")
    recent = (received > end - pd.Timedelta(days=NEVER_HANDLED_DAYS)).to_numpy()
    handled[(rng.random(n) < NEVER_HANDLED_SHARE) & recent] = pd.NaT
    handled[handled > end] = pd.NaT

    escalated_at = first_step.dt.floor("s").where(escalated & (first_step <= end))
    assigned_at = _deadlines(cal, received, _quarter_hours(delay * 0.3)).dt.floor("s")
    assigned = (rng.random(n) < 0.35) & (delay >= 1) & (assigned_at <= end).to_numpy()
    assigned &= ~(assigned_at >= handled.fillna(pd.Timestamp.max.tz_localize("UTC"))).to_numpy()
    # The moderator who escalates has taken the comment first (it comes back to them).
    assigned |= escalated_at.notna().to_numpy()
    rejected_at, revised_at = (
        at.dt.floor("s").reindex(received.index).pipe(lambda s: s.where(s <= end))
        for at in (rejected_at, revised_at)
    )
    return pd.DataFrame(
        {
            "handled_at": handled,
            "assigned_at": assigned_at.where(assigned),
            "escalated_at": escalated_at,
            "rejected_at": rejected_at,
            "revised_at": revised_at,
            "rejected": rejected,
        },
        index=received.index,
    )


def _deadlines(cal, starts: pd.Series, hours: np.ndarray) -> pd.Series:
    """`cal.deadline` with a different target per row, in one vectorised call."""
    return pd.Series(pd.to_datetime(cal.deadline(starts, hours), utc=True), index=starts.index)


def _quarter_hours(values: np.ndarray) -> np.ndarray:
    return np.maximum(np.ceil(values * 4) / 4, 0.25)


def _status(outcome: pd.Series, steps: pd.DataFrame) -> np.ndarray:
    """Where each comment stands at the end of its steps."""
    is_handled = steps["handled_at"].notna().to_numpy()
    # Sent back and not yet revised: back in the queue, with its assignee.
    sent_back = steps["rejected_at"].notna().to_numpy() & steps["revised_at"].isna().to_numpy()
    return np.select(
        [
            is_handled,
            sent_back,
            steps["escalated_at"].notna().to_numpy(),
            steps["assigned_at"].notna().to_numpy(),
        ],
        [_final_status(outcome).to_numpy(), "assigned", "awaiting_approval", "assigned"],
        default="new",
    )


def _final_status(outcome: pd.Series) -> pd.Series:
    """The status each outcome leaves once carried out, by `act`'s own table."""
    # A handful of distinct outcomes: each goes through the table once, not once per row.
    return outcome.map({o: status_after(*_closing_action(o)) for o in outcome.unique()})


def _closing_action(outcome: str) -> tuple[str, str | None]:
    """The `act` kind and template that carry out an outcome.

    An escalation is carried out by a lead's `approve`, which publishes the
    proposed reply, or the redirection its template names.

    >>> _closing_action("escalate:plainte"), _closing_action("hide:pourriel")
    (('approve', 'plainte'), ('hide', None))
    """
    verb, _, detail = outcome.partition(":")
    if verb == "escalate":
        return "approve", detail or None
    return verb, detail if verb == "redirect" else None


def _proposals(outcome: pd.Series, english: np.ndarray, settings) -> tuple[np.ndarray, np.ndarray]:
    """The reply each comment gets (or is proposed), and the revision after a rejection.

    An escalated redirection proposes its template's text (French, then English
    for an English comment, as `lib.templates.reply_text` writes it).
    """
    # Object arrays picked by language: np.where on two long strings would build a
    # fixed-width unicode array of a million rows first.
    language = np.asarray(english, dtype=np.intp)
    reply = np.array([texts.REPLIES["fr"], texts.REPLIES["en"]], dtype=object)[language]
    revised = np.array([texts.REVISED_REPLIES["fr"], texts.REVISED_REPLIES["en"]], dtype=object)
    revised = revised[language]
    opening = texts.REVISED_REDIRECT_OPENINGS
    codes, uniques = pd.factorize(outcome)
    for code in REDIRECT_CODES:
        text = templates(settings.templates)[code]
        found = np.flatnonzero(uniques == f"escalate:{code}")
        rows = codes == found[0] if len(found) else np.zeros(len(codes), dtype=bool)
        french = text["fr"]
        bilingual = f"{french}\n\n{text['en']}"
        reply[rows & ~english] = french
        reply[rows & english] = bilingual
        revised[rows & ~english] = opening["fr"] + french
        revised[rows & english] = f"{opening['fr']}{french}\n\n{opening['en']}{text['en']}"
    return reply, revised
