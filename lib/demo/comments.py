"""The demo's comments: when each arrives, on which account, of which kind, by whom, saying what."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.demo import texts
from lib.demo.authors import author_names, author_parts, draw_authors
from lib.demo.personal_data import fill_row_fields
from lib.times import LOCAL_TZ

ENGLISH_SHARE = 0.2
# Relative arrival rate by local hour: quiet nights, busy evenings.
HOUR_WEIGHTS = np.array(
    [0.25, 0.15, 0.1, 0.08, 0.08, 0.12, 0.3, 0.55, 0.7, 0.75, 0.8, 0.85]
    + [0.9, 0.85, 0.8, 0.8, 0.85, 0.95, 1.0, 1.0, 1.0, 0.95, 0.75, 0.45]
)
WEEKEND_WEIGHT = 1.35


def draw_comments(rng: np.random.Generator, rows: int, start, end) -> pd.DataFrame:
    """`rows` comments received between `start` and `end`, indexed by id from 1.

    Besides the stored columns, `kind` (a kind of texts.MIX) and `english` say what
    was drawn, for the handling.
    """
    received = _arrivals(rng, rows, start, end)
    kind_names = [m[0] for m in texts.MIX]
    shares = np.array([m[1] for m in texts.MIX])
    kind = rng.choice(len(kind_names), size=rows, p=shares / shares.sum())
    english = rng.random(rows) < ENGLISH_SHARE

    account_shares = np.array([a[2] for a in texts.ACCOUNTS])
    account = rng.choice(len(texts.ACCOUNTS), size=rows, p=account_shares / account_shares.sum())
    platforms = np.array([a[0] for a in texts.ACCOUNTS])
    accounts = np.array([a[1] for a in texts.ACCOUNTS])

    author = draw_authors(rng, rows, kind, kind_names)
    names, handles = author_names(max(author.max() + 1, 1))
    # The personal data an author writes (e-mail, health card) is made from their name.
    first, last = author_parts(author)
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


def _texts(
    rng, kind: np.ndarray, english: np.ndarray, kind_names: list[str], first, last
) -> np.ndarray:
    """Pick a template, a program and a place per row; format each distinct combination once.

    The per-comment fields (`texts.ROW_FIELDS`) are left as `{name}` marks and
    filled afterwards, a column at a time (`fill_row_fields`).
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
    return fill_row_fields(rng, text, english, first, last)
