"""A realistic, invented demo database: accounts, comments, and the team's handling of them.

Everything is drawn with numpy from one seed, a column at a time, so a
million comments take seconds and the same seed (and `now`) gives the same
database. History rows are written in bulk rather than through
`lib.moderation.act` one by one, for speed; `tests/test_demo.py` checks that
they obey the same invariants `act` keeps (versions, statuses, clock).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlite_utils import Database

from lib import demo_texts as texts
from lib.auth import DEMO_PASSWORD, hash_password
from lib.db import bulk_load, immediate, now_utc, to_db_times
from lib.ingest import insert_rows, prepare_comments
from lib.settings import load_settings

LOCAL_TZ = "America/Toronto"
ENGLISH_SHARE = 0.2
# Relative arrival rate by local hour: quiet nights, busy evenings.
HOUR_WEIGHTS = np.array(
    [0.25, 0.15, 0.1, 0.08, 0.08, 0.12, 0.3, 0.55, 0.7, 0.75, 0.8, 0.85]
    + [0.9, 0.85, 0.8, 0.8, 0.85, 0.95, 1.0, 1.0, 1.0, 0.95, 0.75, 0.45]
)
WEEKEND_WEIGHT = 1.35
NEVER_HANDLED_SHARE = 0.01
OFF_HOURS_HANDLING_SHARE = 0.06
REJECTED_SHARE = 0.15  # of escalations: the lead sends the proposal back once
TROLL_AUTHORS = 12


class DemoError(ValueError):
    """The demo cannot be written to this database (it already holds comments)."""


@dataclass(frozen=True)
class DemoSummary:
    comments: int
    actions: int
    users: int
    start: pd.Timestamp
    end: pd.Timestamp


def generate(
    db: Database,
    rows: int = 20_000,
    seed: int = 42,
    now=None,
    days: int = 90,
    password: str | None = DEMO_PASSWORD,
) -> DemoSummary:
    """Fill an empty database with `rows` demo comments received over `days` days up to `now`.

    The team's demo accounts all sign in with `password` (README, "Demo accounts").
    """
    if rows < 1:
        raise DemoError("--rows doit être un entier positif / --rows must be positive")
    if db["comments"].exists() and db["comments"].count:
        raise DemoError(
            "La base contient déjà des commentaires ; choisissez un nouveau fichier avec --db. "
            "/ The database already holds comments; choose a new file with --db."
        )
    rng = np.random.default_rng(seed)
    end = pd.Timestamp(now if now is not None else now_utc())
    end = (end.tz_localize("UTC") if end.tzinfo is None else end.tz_convert("UTC")).floor("s")
    start = end - pd.Timedelta(days=days)
    settings = load_settings(db)
    cal = settings.calendar()

    comments = _comments(rng, rows, start, end)
    handling = _handling(rng, comments, cal, end)
    comments = comments.join(
        handling[["status", "assignee", "first_handled_at", "first_handled_by", "proposed_reply"]]
    )
    actions = _actions(rng, comments, handling)

    stored = prepare_comments(comments, settings)
    stored["id"] = comments.index.to_numpy()
    stored["status"] = comments["status"].to_numpy()
    stored["assignee"] = comments["assignee"].to_numpy()
    stored["first_handled_at"] = to_db_times(comments["first_handled_at"]).to_numpy()
    stored["first_handled_by"] = comments["first_handled_by"].to_numpy()
    stored["proposed_reply"] = comments["proposed_reply"].to_numpy()
    counts = actions.groupby("comment_id").size()
    stored["version"] = 1 + counts.reindex(comments.index, fill_value=0).to_numpy()

    # Hashed before the write lock is taken, and once: argon2 is slow on purpose.
    password_hash = hash_password(password) if password else None
    accounts = [
        {
            "username": u,
            "display_name": n,
            "role": r,
            "password_hash": password_hash,
        }
        for u, n, r in texts.TEAM
    ]
    with immediate(db):
        db["users"].insert_all(accounts, pk="username", replace=True)
        with bulk_load(db, "comments", rebuild_indexes=True):
            insert_rows(db, "comments", stored)
        with bulk_load(db, "actions", rebuild_indexes=True):
            insert_rows(db, "actions", actions)
    return DemoSummary(len(stored), len(actions), len(texts.TEAM), start, end)


# --- comments ---------------------------------------------------------------


def _arrivals(rng: np.random.Generator, rows: int, start, end) -> pd.Series:
    """Arrival instants weighted by local hour and weekday (rejection sampling)."""
    span = int((end - start).total_seconds())
    weights_max = HOUR_WEIGHTS.max() * WEEKEND_WEIGHT
    kept: list[np.ndarray] = []
    have = 0
    while have < rows:
        offsets = rng.integers(0, span, size=max(4 * (rows - have), 1024))
        instants = pd.DatetimeIndex(start + pd.to_timedelta(offsets, unit="s"))
        local = instants.tz_convert(LOCAL_TZ)
        weight = HOUR_WEIGHTS[local.hour] * np.where(local.day_of_week >= 5, WEEKEND_WEIGHT, 1.0)
        accepted = offsets[rng.random(len(offsets)) < weight / weights_max]
        kept.append(accepted)
        have += len(accepted)
    offsets = np.sort(np.concatenate(kept)[:rows])
    return pd.Series(start + pd.to_timedelta(offsets, unit="s"))


def _comments(rng: np.random.Generator, rows: int, start, end) -> pd.DataFrame:
    received = _arrivals(rng, rows, start, end)
    kind_names = [m[0] for m in texts.MIX]
    shares = np.array([m[1] for m in texts.MIX])
    kind = rng.choice(len(kind_names), size=rows, p=shares / shares.sum())
    english = rng.random(rows) < ENGLISH_SHARE
    text = _texts(rng, kind, english, kind_names)

    account_shares = np.array([a[2] for a in texts.ACCOUNTS])
    account = rng.choice(len(texts.ACCOUNTS), size=rows, p=account_shares / account_shares.sum())
    platforms = np.array([a[0] for a in texts.ACCOUNTS])
    accounts = np.array([a[1] for a in texts.ACCOUNTS])

    author = _authors(rng, rows, kind, kind_names)
    names, handles = _author_names(max(author.max() + 1, 1))
    local_day = received.dt.tz_convert(LOCAL_TZ).dt.strftime("%Y%m%d").to_numpy()
    ids = np.arange(1, rows + 1)
    return pd.DataFrame(
        {
            "platform": platforms[account],
            "account": accounts[account],
            "external_id": [f"demo-{i:08d}" for i in ids],
            "post_ref": np.char.add(
                np.char.add("post-", account.astype(str)), np.char.add("-", local_day.astype(str))
            ),
            "author_name": names[author],
            "author_handle": handles[author],
            "text": text,
            "received_at": received.to_numpy(),
            "kind": np.array(kind_names)[kind],
            "english": english,
        },
        index=pd.Index(ids, name="id"),
    )


def _texts(rng, kind: np.ndarray, english: np.ndarray, kind_names: list[str]) -> np.ndarray:
    """Pick a template, a program and a place per row; format each distinct combination once."""
    rows = len(kind)
    template = rng.random(rows)
    program = rng.integers(0, len(texts.PROGRAMS["fr"]), size=rows)
    place = rng.integers(0, len(texts.PLACES), size=rows)
    lang = np.where(english, 1, 0)
    combo = pd.DataFrame({"kind": kind, "lang": lang, "program": program, "place": place})
    sizes = np.array([[len(texts.KINDS[k]["fr"]), len(texts.KINDS[k]["en"])] for k in kind_names])
    combo["template"] = (template * sizes[kind, lang]).astype(int)
    keys = combo.drop_duplicates()
    formatted = []
    for k, lg, prog, pl, tpl in keys[["kind", "lang", "program", "place", "template"]].itertuples(
        index=False
    ):
        language = "en" if lg else "fr"
        pattern = texts.KINDS[kind_names[k]][language][tpl]
        formatted.append(
            pattern.format(program=texts.PROGRAMS[language][prog], place=texts.PLACES[pl])
        )
    keys = keys.assign(text=formatted)
    return combo.merge(keys, how="left", on=list(combo.columns))["text"].to_numpy()


def _authors(rng, rows: int, kind: np.ndarray, kind_names: list[str]) -> np.ndarray:
    """Most authors write once or twice; a few trolls write most insults and spam."""
    pool = max(rows // 3, 50)
    author = TROLL_AUTHORS + (pool * rng.random(rows) ** 1.6).astype(int)
    hostile = np.isin(kind, [kind_names.index(k) for k in ("insult", "spam", "partisan")])
    troll = hostile & (rng.random(rows) < 0.6)
    author[troll] = rng.integers(0, TROLL_AUTHORS, size=troll.sum())
    return author


def _author_names(count: int) -> tuple[np.ndarray, np.ndarray]:
    first = np.array(texts.FIRST_NAMES)
    last = np.array(texts.LAST_NAMES)
    i = np.arange(count)
    firsts = first[i % len(first)]
    # Offset by i so that neighbouring authors (the trolls are the first few) differ in both.
    lasts = last[(i // len(first) + i) % len(last)]
    names = np.char.add(np.char.add(firsts, " "), lasts)
    base = {n: _ascii_handle(n) for n in set(names.tolist())}
    handles = np.array([f"{base[n]}{k}" for n, k in zip(names.tolist(), i.tolist(), strict=True)])
    return names.astype(object), handles.astype(object)


def _ascii_handle(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", plain.lower())[:14] + "_"


# --- the team's handling ------------------------------------------------------


def _deadlines(cal, starts: pd.Series, hours: np.ndarray) -> pd.Series:
    """`cal.deadline` with a different target per row, in one vectorised call."""
    return pd.Series(pd.to_datetime(cal.deadline(starts, hours), utc=True), index=starts.index)


def _quarter_hours(values: np.ndarray) -> np.ndarray:
    return np.maximum(np.ceil(values * 4) / 4, 0.25)


def _handling(rng, comments: pd.DataFrame, cal, end) -> pd.DataFrame:
    """When and how each comment was handled, or that it is still open at `end`."""
    n = len(comments)
    received = comments["received_at"]
    outcome = np.empty(n, dtype=object)
    for kind, _share, outcomes in texts.MIX:
        rows = (comments["kind"] == kind).to_numpy()
        names = [o[0] for o in outcomes]
        p = np.array([o[1] for o in outcomes])
        outcome[rows] = rng.choice(names, size=rows.sum(), p=p / p.sum())
    outcome = pd.Series(outcome, index=comments.index)
    escalated = (outcome == "escalate").to_numpy()

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
    handled[rng.random(n) < NEVER_HANDLED_SHARE] = pd.NaT
    handled[handled > end] = pd.NaT

    assigned_at = _deadlines(cal, received, _quarter_hours(delay * 0.3)).dt.floor("s")
    assigned = (rng.random(n) < 0.35) & (delay >= 1) & (assigned_at <= end).to_numpy()
    assigned &= ~(assigned_at >= handled.fillna(pd.Timestamp.max.tz_localize("UTC"))).to_numpy()
    escalated_at = first_step.dt.floor("s").where(escalated & (first_step <= end))
    rejected_at, revised_at = (
        at.dt.floor("s").reindex(comments.index).pipe(lambda s: s.where(s <= end))
        for at in (rejected_at, revised_at)
    )

    moderators = np.array([u for u, _n, r in texts.TEAM if r == "moderator"], dtype=object)
    leads = np.array([u for u, _n, r in texts.TEAM if r == "lead"], dtype=object)
    handler = moderators[rng.integers(0, len(moderators), n)]
    lead_handles = rng.random(n) < 0.08
    handler[lead_handles] = leads[rng.integers(0, len(leads), lead_handles.sum())]
    approver = leads[rng.integers(0, len(leads), n)]

    is_handled = handled.notna().to_numpy()
    # Sent back and not yet revised: back in the queue, with its assignee.
    sent_back = rejected_at.notna().to_numpy() & revised_at.isna().to_numpy()
    status = np.select(
        [is_handled, sent_back, escalated_at.notna().to_numpy(), assigned],
        [_final_status(outcome).to_numpy(), "assigned", "awaiting_approval", "assigned"],
        default="new",
    )
    english = comments["english"].to_numpy()
    reply_text = np.where(english, texts.REPLIES["en"], texts.REPLIES["fr"])
    revised_text = np.where(english, texts.REVISED_REPLIES["en"], texts.REVISED_REPLIES["fr"])
    notes = np.array(texts.REJECTION_NOTES, dtype=object)
    # What is on the comment now: the revision once made, else the first proposal.
    proposal = np.where(revised_at.notna().to_numpy(), revised_text, reply_text)
    final_reply = np.where(rejected, revised_text, reply_text)
    return pd.DataFrame(
        {
            "outcome": outcome,
            "handled_at": handled,
            "assigned_at": assigned_at.where(assigned),
            "escalated_at": escalated_at,
            "rejected_at": rejected_at,
            "revised_at": revised_at,
            "handler": handler,
            "approver": approver,
            "reply_text": reply_text,
            "revised_text": revised_text,
            "final_reply": final_reply,
            "rejection_note": notes[rng.integers(0, len(notes), n)],
            "status": status,
            "assignee": np.where(assigned | escalated_at.notna().to_numpy(), handler, None),
            "first_handled_at": handled,
            "first_handled_by": np.where(is_handled, np.where(escalated, approver, handler), None),
            # Approval publishes the proposed reply and clears it, as `act` does.
            "proposed_reply": np.where(
                escalated_at.notna().to_numpy() & ~is_handled, proposal, None
            ),
        },
        index=comments.index,
    )


def _final_status(outcome: pd.Series) -> pd.Series:
    verb = outcome.map({o: o.split(":")[0] for o in outcome.unique()})
    status = verb.map(
        {
            "reply": "answered",
            "redirect": "redirected",
            "hide": "hidden",
            "delete": "deleted",
            "no_reply_needed": "no_reply_needed",
            "escalate": "answered",
        }
    )
    # A redirect for personal data also hides the comment (DESIGN.md, Redirections).
    return status.mask(outcome == "redirect:prive", "hidden")


def _actions(rng, comments: pd.DataFrame, handling: pd.DataFrame) -> pd.DataFrame:
    """The append-only history these outcomes imply, with per-comment versions."""
    h = handling
    # A handful of distinct outcomes: split each once, not once per row.
    verb = h["outcome"].map({o: o.split(":")[0] for o in h["outcome"].unique()})
    detail = h["outcome"].map({o: (o.split(":") + [None])[1] for o in h["outcome"].unique()})
    done = h["handled_at"].notna()
    kind = verb.where(verb != "escalate", "approve")
    parts = [
        _action_rows(
            h["assigned_at"].notna(),
            h["assigned_at"],
            h["handler"],
            "assign",
            0,
            assignee=h["handler"],
        ),
        _action_rows(
            h["escalated_at"].notna(),
            h["escalated_at"],
            h["handler"],
            "escalate",
            1,
            reply=h["reply_text"],
        ),
        _action_rows(
            h["rejected_at"].notna(),
            h["rejected_at"],
            h["approver"],
            "reject",
            2,
            note=h["rejection_note"],
        ),
        _action_rows(
            h["revised_at"].notna(),
            h["revised_at"],
            h["handler"],
            "escalate",
            3,
            reply=h["revised_text"],
        ),
        _action_rows(
            done,
            h["handled_at"],
            h["handler"].where(verb != "escalate", h["approver"]),
            kind,
            4,
            reply=h["final_reply"].where(kind.isin(["reply", "approve"])),
            template=detail.where(verb == "redirect"),
            reasons=detail.where(verb.isin(["hide", "delete"])),
        ),
    ]
    actions = pd.concat(parts, ignore_index=True).sort_values(["comment_id", "at", "step"])
    actions["version"] = actions.groupby("comment_id").cumcount() + 2
    actions["at"] = to_db_times(actions["at"])
    actions.insert(0, "id", np.arange(1, len(actions) + 1))
    return actions.drop(columns="step")


def _action_rows(
    mask, at, actor, kind, step, reply=None, template=None, reasons=None, assignee=None, note=None
):
    mask = mask.to_numpy()

    def pick(values):
        if values is None:
            return None
        return values.to_numpy()[mask] if isinstance(values, pd.Series) else values

    return pd.DataFrame(
        {
            "comment_id": at.index.to_numpy()[mask],
            # Naive UTC datetime64: tz-aware to_numpy() would make a Python object per row.
            "at": at.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy()[mask],
            "actor": actor.to_numpy()[mask],
            "kind": pick(kind),
            "reasons": pick(reasons),
            "reply": pick(reply),
            "template": pick(template),
            "note": pick(note),
            "assignee": pick(assignee),
            "step": step,
        }
    )
