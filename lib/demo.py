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
from lib.db import bulk_load, immediate, to_db_times
from lib.i18n import MONTHS
from lib.ingest import insert_rows, prepare_comments
from lib.settings import load_settings
from lib.templates import REDIRECT_CODES, templates
from lib.times import LOCAL_TZ, now_utc, utc

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
LEAD_HANDLING_SHARE = 0.08
# Of the replies and redirections a moderator would publish on a negative comment,
# the share a lead answers directly; the others are escalated for approval.
LEAD_ANSWERS_NEGATIVE_SHARE = 0.2
TROLL_AUTHORS = 12
FIELD_POOL = 400  # distinct invented values per personal-data field (phone, e-mail…)
PUBLISHING_VERBS = ("reply", "redirect")
_FIELD = re.compile(r"\{(\w+)\}")


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
    end = utc(now_utc() if now is None else now).floor("s")
    start = end - pd.Timedelta(days=days)
    settings = load_settings(db)
    cal = settings.calendar()

    comments = _comments(rng, rows, start, end)
    # Detected first: how the team may handle a comment depends on its flags.
    stored = prepare_comments(comments, settings)
    handling = _handling(
        rng,
        comments,
        stored["language"].to_numpy() == "en",
        _has_flag(stored["flags"], "negative"),
        settings,
        cal,
        end,
    )
    comments = comments.join(
        handling[["status", "assignee", "first_handled_at", "first_handled_by", "proposed_reply"]]
    )
    actions = _actions(handling)

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

    account_shares = np.array([a[2] for a in texts.ACCOUNTS])
    account = rng.choice(len(texts.ACCOUNTS), size=rows, p=account_shares / account_shares.sum())
    platforms = np.array([a[0] for a in texts.ACCOUNTS])
    accounts = np.array([a[1] for a in texts.ACCOUNTS])

    author = _authors(rng, rows, kind, kind_names)
    names, handles = _author_names(max(author.max() + 1, 1))
    # The personal data an author writes (e-mail, health card) is made from their name.
    first, last = _author_parts(author)
    text = _texts(rng, kind, english, kind_names, first, last)
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


def _texts(
    rng, kind: np.ndarray, english: np.ndarray, kind_names: list[str], first, last
) -> np.ndarray:
    """Pick a template, a program and a place per row; format each distinct combination once.

    The per-comment fields (`texts.ROW_FIELDS`) are left as `{name}` marks and
    filled afterwards, a column at a time (`_fill_row_fields`).
    """
    rows = len(kind)
    template = rng.random(rows)
    program = rng.integers(0, len(texts.PROGRAMS), size=rows)
    place = rng.integers(0, len(texts.PLACES), size=rows)
    lang = np.where(english, 1, 0)
    combo = pd.DataFrame({"kind": kind, "lang": lang, "program": program, "place": place})
    sizes = np.array([[len(texts.KINDS[k]["fr"]), len(texts.KINDS[k]["en"])] for k in kind_names])
    combo["template"] = (template * sizes[kind, lang]).astype(int)
    keys = combo.drop_duplicates()
    marks = {name: "{" + name + "}" for name in texts.ROW_FIELDS}
    formatted = []
    for k, lg, prog, pl, tpl in keys[["kind", "lang", "program", "place", "template"]].itertuples(
        index=False
    ):
        language = "en" if lg else "fr"
        pattern = texts.KINDS[kind_names[k]][language][tpl]
        forms = texts.program_forms(prog, language)
        formatted.append(pattern.format(**forms, place=texts.PLACES[pl], **marks))
    keys = keys.assign(text=formatted)
    text = combo.merge(keys, how="left", on=list(combo.columns))["text"].to_numpy()
    return _fill_row_fields(rng, text, english, first, last)


def _fill_row_fields(rng, text: np.ndarray, english, first, last) -> np.ndarray:
    """Replace each `{field}` mark by a value drawn for that row (phone, e-mail, SIN…)."""
    codes, uniques = pd.factorize(text)
    parts = [_FIELD.split(u) for u in uniques]  # literal, field, literal, field, …, literal
    rows = np.flatnonzero(np.array([len(p) > 1 for p in parts])[codes])
    if not len(rows):
        return text
    codes = codes[rows]

    def part(i: int) -> np.ndarray:
        return np.array([p[i] if i < len(p) else "" for p in parts], dtype=object)[codes]

    slots = max(len(p) // 2 for p in parts)
    names = [part(2 * k + 1) for k in range(slots)]
    values = [np.full(len(rows), "", dtype=object) for _ in range(slots)]
    for field in texts.ROW_FIELDS:
        wanted = np.zeros(len(rows), dtype=bool)
        for slot in names:
            wanted |= slot == field
        if not wanted.any():
            continue
        drawn = np.empty(len(rows), dtype=object)
        # Values for a few hundred of the rows, shared out among all of them: varied
        # enough to read as real, few enough distinct texts for detection to stay fast.
        chosen = rows[wanted]
        pool = rng.choice(chosen, size=min(FIELD_POOL, len(chosen)), replace=False)
        values_pool = _ROW_FIELD_DRAWS[field](rng, english[pool], first[pool], last[pool])
        drawn[wanted] = values_pool[rng.integers(0, len(pool), len(chosen))]
        for slot, value in zip(names, values, strict=True):
            value[slot == field] = drawn[slot == field]
    filled = part(0)
    for k in range(slots):
        filled = filled + values[k] + part(2 * k + 2)
    text = text.astype(object)
    text[rows] = filled
    return text


def _authors(rng, rows: int, kind: np.ndarray, kind_names: list[str]) -> np.ndarray:
    """Most authors write once or twice; a few trolls write most insults and spam."""
    pool = max(rows // 3, 50)
    author = TROLL_AUTHORS + (pool * rng.random(rows) ** 1.6).astype(int)
    hostile = np.isin(kind, [kind_names.index(k) for k in texts.HOSTILE_KINDS])
    troll = hostile & (rng.random(rows) < 0.6)
    author[troll] = rng.integers(0, TROLL_AUTHORS, size=troll.sum())
    return author


def _author_parts(author: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Indexes in FIRST_NAMES and LAST_NAMES of each author's first and last name."""
    count = len(texts.FIRST_NAMES)
    # Offset by the author so that neighbouring authors (the trolls are the first few)
    # differ in both.
    return author % count, (author // count + author) % len(texts.LAST_NAMES)


def _author_names(count: int) -> tuple[np.ndarray, np.ndarray]:
    first = np.array(texts.FIRST_NAMES)
    last = np.array(texts.LAST_NAMES)
    i = np.arange(count)
    first_i, last_i = _author_parts(i)
    names = np.char.add(np.char.add(first[first_i], " "), last[last_i])
    base = {n: _ascii_handle(n) for n in set(names.tolist())}
    handles = np.array([f"{base[n]}{k}" for n, k in zip(names.tolist(), i.tolist(), strict=True)])
    return names.astype(object), handles.astype(object)


def _ascii_handle(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", plain.lower())[:14] + "_"


def _ascii_letters(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", plain.lower())


# --- invented personal data, drawn a column at a time ---------------------------
# Each draw takes (rng, english, first, last) for the rows that need the field and
# returns their values as Python strings (an object array).

FIRST_ASCII = np.array([_ascii_letters(n) for n in texts.FIRST_NAMES], dtype=object)
LAST_ASCII = np.array([_ascii_letters(n) for n in texts.LAST_NAMES], dtype=object)
POSTAL_INNER_LETTERS = np.array(list("ABCEGHJKLMNPRSTVXY"), dtype=object)


def _compose(pattern: str, **columns) -> np.ndarray:
    """`pattern.format` over columns of strings: "{a}-555-{n}" with a=[...], n=[...]."""
    parts = _FIELD.split(pattern)
    out = np.full(len(next(iter(columns.values()))), parts[0], dtype=object)
    for name, literal in zip(parts[1::2], parts[2::2], strict=True):
        out = out + columns[name] + literal
    return out


def _text(values: np.ndarray, width: int = 0) -> np.ndarray:
    """Integers as zero-padded strings, one Python string per value."""
    text = np.asarray(values).astype(str)
    return (np.char.zfill(text, width) if width else text).astype(object)


def _pick(rng, choices, size: int) -> np.ndarray:
    return np.asarray(choices, dtype=object)[rng.integers(0, len(choices), size)]


def _by_format(rng, formats, size: int, **columns) -> np.ndarray:
    """Each row written in one of `formats`, drawn per row."""
    which = rng.integers(0, len(formats), size)
    out = np.empty(size, dtype=object)
    for i, pattern in enumerate(formats):
        rows = which == i
        out[rows] = _compose(pattern, **{k: v[rows] for k, v in columns.items()})
    return out


def _luhn_numbers(rng, size: int, valid: bool) -> np.ndarray:
    """Nine-digit numbers, first digit 1-7 or 9 like a SIN, that pass (or fail) Luhn."""
    digits = rng.integers(0, 10, (size, 9))
    digits[:, 0] = np.array([1, 2, 3, 4, 5, 6, 7, 9])[rng.integers(0, 8, size)]
    doubled = digits[:, 1:8:2] * 2
    total = digits[:, 0:8:2].sum(axis=1) + np.where(doubled > 9, doubled - 9, doubled).sum(axis=1)
    check = (10 - total % 10) % 10
    if not valid:
        check = (check + rng.integers(1, 10, size)) % 10
    digits[:, 8] = check
    return digits @ (10 ** np.arange(8, -1, -1))


def _groups(numbers: np.ndarray) -> dict[str, np.ndarray]:
    return {
        "a": _text(numbers // 1_000_000, 3),
        "b": _text(numbers // 1000 % 1000, 3),
        "c": _text(numbers % 1000, 3),
    }


def _draw_weeks(rng, english, first, last):
    return _text(rng.integers(2, 9, len(english)))


def _draw_phone(rng, english, first, last):
    size = len(english)
    return _by_format(
        rng,
        texts.PHONE_FORMATS,
        size,
        a=_pick(rng, texts.AREA_CODES, size),
        n=_text(100 + rng.integers(0, 100, size), 4),  # 555-0100 to 555-0199
    )


def _draw_email(rng, english, first, last):
    size = len(english)
    suffix = np.where(rng.random(size) < 0.4, _text(rng.integers(1, 100, size)), "")
    return _compose(
        "{first}{sep}{last}{suffix}@{domain}",
        first=FIRST_ASCII[first],
        sep=_pick(rng, (".", "_", ""), size),
        last=LAST_ASCII[last],
        suffix=suffix.astype(object),
        domain=_pick(rng, texts.EMAIL_DOMAINS, size),
    )


def _draw_sin(rng, english, first, last):
    groups = _groups(_luhn_numbers(rng, len(english), valid=True))
    return _by_format(rng, ("{a} {b} {c}", "{a}-{b}-{c}", "{a}{b}{c}"), len(english), **groups)


def _draw_sin_bare(rng, english, first, last):
    return _compose("{a} {b} {c}", **_groups(_luhn_numbers(rng, len(english), valid=True)))


def _draw_code(rng, english, first, last):
    return _compose("{a} {b} {c}", **_groups(_luhn_numbers(rng, len(english), valid=False)))


def _draw_health_card(rng, english, first, last):
    """RAMQ-like: 3 letters of the surname, the first initial, YYMM (women +50), DD and 2 digits."""
    size = len(english)
    surname = np.array([(n.upper() + "XXX")[:3] for n in LAST_ASCII], dtype=object)[last]
    initial = np.array([n[:1].upper() for n in FIRST_ASCII], dtype=object)[first]
    month = rng.integers(1, 13, size) + np.where(rng.random(size) < 0.5, 50, 0)
    return _compose(
        "{surname}{initial} {year}{month} {day}{serial}",
        surname=surname,
        initial=initial,
        year=_text(rng.integers(40, 100, size), 2),
        month=_text(month, 2),
        day=_text(rng.integers(1, 29, size), 2),
        serial=_text(rng.integers(10, 100, size), 2),
    )


def _draw_file_number(rng, english, first, last):
    size = len(english)
    return _compose(
        "20{year}-{serial}",
        year=_text(rng.integers(20, 27, size)),
        serial=_text(rng.integers(100_000, 1_000_000, size)),
    )


def _draw_address(rng, english, first, last):
    size = len(english)
    return _compose(
        "{civic} {street}, {city} {l1}{d1}{l2} {d2}{l3}{d3}",
        civic=_text(rng.integers(1, 10_000, size)),
        street=_pick(rng, texts.STREETS, size),
        city=_pick(rng, texts.PLACES, size),
        l1=_pick(rng, texts.POSTAL_LETTERS, size),
        d1=_text(rng.integers(0, 10, size)),
        l2=_pick(rng, POSTAL_INNER_LETTERS, size),
        d2=_text(rng.integers(0, 10, size)),
        l3=_pick(rng, POSTAL_INNER_LETTERS, size),
        d3=_text(rng.integers(0, 10, size)),
    )


def _draw_birth_date(rng, english, first, last):
    size = len(english)
    month = rng.integers(0, 12, size)
    columns = {
        "day": _text(rng.integers(1, 29, size)),
        "year": _text(rng.integers(1940, 2006, size)),
    }
    french = _compose("{day} {month} {year}", month=_pick_at(MONTHS["fr"], month), **columns)
    english_form = _compose("{month} {day}, {year}", month=_pick_at(MONTHS["en"], month), **columns)
    return np.where(english, english_form, french)


def _pick_at(choices, index: np.ndarray) -> np.ndarray:
    return np.asarray(choices, dtype=object)[index]


_ROW_FIELD_DRAWS = {
    "weeks": _draw_weeks,
    "phone": _draw_phone,
    "email": _draw_email,
    "sin": _draw_sin,
    "sin_bare": _draw_sin_bare,
    "code": _draw_code,
    "health_card": _draw_health_card,
    "file_number": _draw_file_number,
    "address": _draw_address,
    "birth_date": _draw_birth_date,
}


# --- the team's handling ------------------------------------------------------


def _deadlines(cal, starts: pd.Series, hours: np.ndarray) -> pd.Series:
    """`cal.deadline` with a different target per row, in one vectorised call."""
    return pd.Series(pd.to_datetime(cal.deadline(starts, hours), utc=True), index=starts.index)


def _quarter_hours(values: np.ndarray) -> np.ndarray:
    return np.maximum(np.ceil(values * 4) / 4, 0.25)


def _has_flag(flags: pd.Series, flag: str) -> np.ndarray:
    """Whether each row's space-separated flags hold `flag` (each distinct value split once)."""
    codes, uniques = pd.factorize(pd.Series(flags).fillna(""))
    return np.array([flag in u.split() for u in uniques], dtype=bool)[codes]


def _outcomes(rng, comments: pd.DataFrame) -> pd.Series:
    """What the team does with each comment, drawn from its kind (texts.MIX)."""
    outcome = np.empty(len(comments), dtype=object)
    for kind, _share, outcomes in texts.MIX:
        rows = (comments["kind"] == kind).to_numpy()
        names = [o[0] for o in outcomes]
        p = np.array([o[1] for o in outcomes])
        outcome[rows] = rng.choice(names, size=rows.sum(), p=p / p.sum())
    return pd.Series(outcome, index=comments.index)


def _split(outcome: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Each outcome's verb and its detail (template or reason code, else None)."""
    # A handful of distinct outcomes: split each once, not once per row.
    unique = outcome.unique()
    verb = outcome.map({o: o.split(":")[0] for o in unique})
    detail = outcome.map({o: (o.split(":") + [None])[1] for o in unique})
    return verb, detail


def _as_escalation(outcome: str) -> str:
    """A reply becomes an escalated reply; redirect:<code> an escalation carrying its template."""
    verb, _, template = outcome.partition(":")
    return "escalate" + (f":{template}" if verb == "redirect" else "")


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


def _handling(rng, comments: pd.DataFrame, english, negative, settings, cal, end) -> pd.DataFrame:
    """When and how each comment was handled, or that it is still open at `end`.

    `english` and `negative` come from detection (`prepare_comments`), as the
    pages would see them.
    """
    n = len(comments)
    received = comments["received_at"]
    outcome, handler, approver = _who_handles(rng, _outcomes(rng, comments), negative)
    verb, detail = _split(outcome)
    escalated = (verb == "escalate").to_numpy()

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

    escalated_at = first_step.dt.floor("s").where(escalated & (first_step <= end))
    assigned_at = _deadlines(cal, received, _quarter_hours(delay * 0.3)).dt.floor("s")
    assigned = (rng.random(n) < 0.35) & (delay >= 1) & (assigned_at <= end).to_numpy()
    assigned &= ~(assigned_at >= handled.fillna(pd.Timestamp.max.tz_localize("UTC"))).to_numpy()
    # The moderator who escalates has taken the comment first (it comes back to them).
    assigned |= escalated_at.notna().to_numpy()
    rejected_at, revised_at = (
        at.dt.floor("s").reindex(comments.index).pipe(lambda s: s.where(s <= end))
        for at in (rejected_at, revised_at)
    )

    is_handled = handled.notna().to_numpy()
    # Sent back and not yet revised: back in the queue, with its assignee.
    sent_back = rejected_at.notna().to_numpy() & revised_at.isna().to_numpy()
    status = np.select(
        [is_handled, sent_back, escalated_at.notna().to_numpy(), assigned],
        [_final_status(verb, detail).to_numpy(), "assigned", "awaiting_approval", "assigned"],
        default="new",
    )
    reply_text, revised_text = _proposals(outcome, english, settings)
    notes = np.array(texts.REJECTION_NOTES, dtype=object)
    # What is on the comment now: the revision once made, else the first proposal.
    proposal = np.where(revised_at.notna().to_numpy(), revised_text, reply_text)
    final_reply = np.where(rejected, revised_text, reply_text)
    return pd.DataFrame(
        {
            "verb": verb,
            "detail": detail,
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
            "assignee": np.where(assigned, handler, None),
            "first_handled_at": handled,
            "first_handled_by": np.where(is_handled, np.where(escalated, approver, handler), None),
            # Approval publishes the proposed reply and clears it, as `act` does.
            "proposed_reply": np.where(
                escalated_at.notna().to_numpy() & ~is_handled, proposal, None
            ),
        },
        index=comments.index,
    )


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


def _final_status(verb: pd.Series, detail: pd.Series) -> pd.Series:
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
    # An approved escalation with a template publishes the redirection.
    redirection = verb.isin(["redirect", "escalate"]) & detail.notna()
    status = status.mask(redirection, "redirected")
    # A redirect for personal data also hides the comment (DESIGN.md, Redirections).
    return status.mask(redirection & (detail == "prive"), "hidden")


def _actions(handling: pd.DataFrame) -> pd.DataFrame:
    """The append-only history these outcomes imply, with per-comment versions."""
    h = handling
    verb, detail = h["verb"], h["detail"]
    kind = verb.where(verb != "escalate", "approve")
    escalated_template = detail.where(verb == "escalate")
    parts = [
        _action_rows(
            h["assigned_at"],
            h["handler"],
            "assign",
            0,
            assignee=h["handler"],
        ),
        _action_rows(
            h["escalated_at"],
            h["handler"],
            "escalate",
            1,
            reply=h["reply_text"],
            template=escalated_template,
        ),
        _action_rows(
            h["rejected_at"],
            h["approver"],
            "reject",
            2,
            note=h["rejection_note"],
        ),
        _action_rows(
            h["revised_at"],
            h["handler"],
            "escalate",
            3,
            reply=h["revised_text"],
            template=escalated_template,
        ),
        _action_rows(
            h["handled_at"],
            h["handler"].where(verb != "escalate", h["approver"]),
            kind,
            4,
            reply=h["final_reply"].where(kind.isin(["reply", "approve"])),
            template=detail.where(verb.isin(["redirect", "escalate"])),
            reasons=detail.where(verb.isin(["hide", "delete"])),
        ),
    ]
    actions = pd.concat(parts, ignore_index=True).sort_values(["comment_id", "at", "step"])
    actions["version"] = actions.groupby("comment_id").cumcount() + 2
    actions["at"] = to_db_times(actions["at"])
    actions.insert(0, "id", np.arange(1, len(actions) + 1))
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
