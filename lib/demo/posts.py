"""The demo's posts: what each account published that day, its first words and its address.

A demo comment's post is its account's post of the day (`post-{account}-{yyyymmdd}`). Its
title is made from the policies' kinds of programme (`texts.PROGRAMS`) and places, picked
from the post's account and day rather than drawn: the generator's draws, and so every
comment and action of a seed, stay what they were. Addresses follow each platform's
permalink form under invented demo accounts (`vigie.demo`); a demo YouTube id is longer
than a real one, so it can never open a real video.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.demo import texts

# What the organisation publishes, in French as it does (`{program}` with its article,
# `{of_program}` with "de", `{to_program}` with "à").
TITLES = (
    "Nouveautés {of_program} : ce qui change cette année",
    "Vous avez des questions sur {program} ? Nos agents vous répondent en direct ce midi",
    "Dernière semaine pour présenter une demande liée {to_program}",
    "Vidéo : comprendre {program} en trois minutes",
    "Séance d'information à {place} sur {program}, ouverte à toutes et à tous",
    "Nos bureaux de {place} seront fermés lundi; nos services en ligne restent accessibles",
    "Sondage : aidez-nous à améliorer {program}",
    "Bilan de l'année {of_program} : merci aux équipes de partout au Québec",
    "Rappel : les formulaires {of_program} sont maintenant en ligne",
    "Portrait d'une équipe de {place} qui accompagne les citoyens au quotidien",
)
# One per `texts.ACCOUNTS`, in its order: the platform's permalink form for a demo post.
ADDRESSES = (
    "https://www.facebook.com/vigie.demo/posts/{number}",
    "https://www.facebook.com/vigie.demo.gaspesie/posts/{number}",
    "https://www.instagram.com/p/VigieDemo{number}/",
    "https://x.com/vigie_demo/status/{number}",
    "https://www.youtube.com/watch?v=vigie-demo-{number}",
    "https://www.linkedin.com/posts/vigie-demo_activity-{number}",
)
# How long before its first comment a post was published, at most.
LEAD_MINUTES = 90


def draw_posts(comments: pd.DataFrame) -> pd.DataFrame:
    """The posts of `comments` (from `draw_comments`), one row per post_ref, in the columns
    `lib.ingest.store_posts` reads: platform, post_ref, post_title, post_url, post_published_at.

    A post is published a little before its first comment.
    """
    first = comments.groupby("post_ref", sort=True).agg(
        platform=("platform", "first"), received_at=("received_at", "min")
    )
    refs = first.index.to_series()
    parts = refs.str.extract(r"^post-(?P<account>\d+)-(?P<day>\d{8})$")
    account = parts["account"].astype(int).to_numpy()
    day = parts["day"].astype(int).to_numpy()
    # The same account and day always give the same post.
    pick = account * 97 + day
    titles = [_title(int(p)) for p in pick]
    numbers = np.char.add(
        parts["day"].to_numpy().astype(str), np.char.zfill(account.astype(str), 3)
    )
    addresses = [ADDRESSES[a].format(number=n) for a, n in zip(account, numbers, strict=True)]
    lead = pd.to_timedelta(5 + pick % LEAD_MINUTES, unit="min")
    published = pd.to_datetime(first["received_at"], utc=True) - lead
    return pd.DataFrame(
        {
            "platform": first["platform"].to_numpy(),
            "post_ref": refs.to_numpy(),
            "post_title": titles,
            "post_url": addresses,
            "post_published_at": published.to_numpy(),
        }
    )


def comment_addresses(comments: pd.DataFrame, posts: pd.DataFrame) -> pd.Series:
    """Each demo comment's permalink, in its platform's form under its post's address
    (`draw_posts`); an X reply is a status of its own, under the invented account.

    >>> comments = pd.DataFrame({"platform": ["facebook", "youtube"],
    ...     "external_id": ["demo-00000007", "demo-00000008"], "post_ref": ["p1", "p2"]})
    >>> posts = pd.DataFrame({"post_ref": ["p1", "p2"], "post_url": [
    ...     "https://www.facebook.com/vigie.demo/posts/1", "https://www.youtube.com/watch?v=d"]})
    >>> comment_addresses(comments, posts).tolist()
    ['https://www.facebook.com/vigie.demo/posts/1?comment_id=00000007', 'https://www.youtube.com/watch?v=d&lc=00000008']
    """
    post = comments["post_ref"].map(posts.set_index("post_ref")["post_url"]).to_numpy(object)
    number = comments["external_id"].str.removeprefix("demo-").to_numpy(object)
    platform = comments["platform"].to_numpy()
    address = post.copy()
    # Each platform's form on its own rows (Python strings, added element by element).
    for name, before, after in (
        ("facebook", "?comment_id=", ""),
        ("instagram", "c/", "/"),
        ("youtube", "&lc=", ""),
    ):
        rows = platform == name
        address[rows] = post[rows] + before + number[rows] + after
    x = platform == "x"
    address[x] = "https://x.com/vigie_demo/status/vigie-demo-" + number[x]
    return pd.Series(address, index=comments.index, dtype=object)


def _title(pick: int) -> str:
    """One of `TITLES` with a programme and a place, chosen by `pick`.

    >>> _title(3)
    "Vidéo : comprendre l'aide financière aux études en trois minutes"
    """
    template = TITLES[pick % len(TITLES)]
    # Each time a template comes back, another programme and place (strides prime to the
    # lists' lengths, over the template's turn rather than `pick`, which shares its parity).
    turn = pick // len(TITLES)
    forms = texts.program_forms(turn * 3 % len(texts.PROGRAMS), "fr")
    return template.format(**forms, place=texts.PLACES[turn * 5 % len(texts.PLACES)])
