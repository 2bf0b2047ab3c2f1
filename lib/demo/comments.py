"""The demo's comments: when each arrives, on which account, of which kind, by whom, saying what."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.demo import texts
from lib.demo.arrivals import draw_arrivals
from lib.demo.authors import author_names, author_parts, draw_authors
from lib.demo.personal_data import fill_row_fields
from lib.times import LOCAL_TZ

ENGLISH_SHARE = 0.2


def draw_comments(
    rng: np.random.Generator, rows: int, start, end, first_id: int = 1, authors: int | None = None
) -> pd.DataFrame:
    """`rows` comments received between `start` and `end`, indexed by id from `first_id`.

    Their authors are drawn among `authors` people (`draw_authors`; by default, as
    many as `rows` calls for). Besides the stored columns, `kind` (a kind of
    texts.MIX) and `english` say what was drawn, for the handling.
    """
    received = draw_arrivals(rng, rows, start, end)
    kind_names = [m[0] for m in texts.MIX]
    shares = np.array([m[1] for m in texts.MIX])
    kind = rng.choice(len(kind_names), size=rows, p=shares / shares.sum())
    english = rng.random(rows) < ENGLISH_SHARE

    account_shares = np.array([a[2] for a in texts.ACCOUNTS])
    account = rng.choice(len(texts.ACCOUNTS), size=rows, p=account_shares / account_shares.sum())
    platforms = np.array([a[0] for a in texts.ACCOUNTS], dtype=object)
    accounts = np.array([a[1] for a in texts.ACCOUNTS], dtype=object)

    author = draw_authors(rng, rows, kind, kind_names, pool=authors)
    names, handles = author_names(author)
    # The personal data an author writes (e-mail, health card) is made from their name.
    first, last = author_parts(author)
    text = _texts(rng, kind, english, kind_names, first, last)
    local = received.dt.tz_convert(LOCAL_TZ)
    local_day = (local.dt.year * 10_000 + local.dt.month * 100 + local.dt.day).to_numpy()
    post_ref = pd.Series(account.astype(str), dtype=object) + "-" + local_day.astype(str)
    ids = np.arange(first_id, first_id + rows)
    comments = pd.DataFrame(
        {
            "platform": platforms[account],
            "account": accounts[account],
            "external_id": [f"demo-{i:08d}" for i in ids.tolist()],
            "post_ref": ("post-" + post_ref).to_numpy(),
            "author_name": names,
            "author_handle": handles,
            "text": text,
            "kind": np.array(kind_names, dtype=object)[kind],
        },
        index=pd.Index(ids, name="id"),
        # Python strings, as they were drawn: pandas' own would copy each of them.
        dtype=object,
    )
    comments.insert(7, "received_at", received.array)
    comments["english"] = english
    return comments


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
    sizes = np.array([[len(texts.KINDS[k]["fr"]), len(texts.KINDS[k]["en"])] for k in kind_names])
    template = (template * sizes[kind, lang]).astype(int)
    # One number per combination, to format each distinct one once.
    shape = (len(kind_names), 2, len(texts.PROGRAMS), len(texts.PLACES), sizes.max())
    combos, each = np.unique(
        np.ravel_multi_index((kind, lang, program, place, template), shape), return_inverse=True
    )
    marks = {name: "{" + name + "}" for name in texts.ROW_FIELDS}
    formatted = []
    for k, lg, prog, pl, tpl in zip(*np.unravel_index(combos, shape), strict=True):
        language = "en" if lg else "fr"
        pattern = texts.KINDS[kind_names[k]][language][tpl]
        forms = texts.program_forms(int(prog), language)
        formatted.append(pattern.format(**forms, place=texts.PLACES[pl], **marks))
    text = np.array(formatted, dtype=object)[each]
    return fill_row_fields(rng, text, english, first, last)
