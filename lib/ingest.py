"""How comments arrive: detection, due dates and insertion, the same for every source.

The demo generator and every importer call `insert_comments`, so a comment's
language, flags and due time are computed one way whatever its origin.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlite_utils import Database

from lib.db import bulk_load, from_db_times, to_db_times
from lib.detect import analyse_many, repeated_text
from lib.service_levels import DEFAULT_LEVEL
from lib.settings import calendar_version, load_settings
from lib.states import clock_columns
from lib.triage import WEB_ADDRESS, WEB_ADDRESS_MAX_CHARS

# What a source may say of a comment's post besides its ref: written to `posts`, not `comments`.
POST_COLUMNS = ("post_title", "post_url", "post_published_at")
INGEST_COLUMNS = (
    "platform",
    "account",
    "external_id",
    "post_ref",
    "author_name",
    "author_handle",
    "text",
    "received_at",
    "permalink",
    *POST_COLUMNS,
)
# A post's first words are what a moderator needs: its title is kept to this many characters.
POST_TITLE_MAX_CHARS = 200
# Spaces and line breaks become one space; control and bidirectional-override characters
# (which could make a title read backwards) go.
_TITLE_SPACES = r"[\s\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]+"
CHUNK_ROWS = 20_000
# SQLite's page cache while `store_comments` writes, in KiB: an import's dirty pages
# (140 MiB for a 50 MB file under the demo's 256 MiB) spill to the WAL, no slower.
STORE_CACHE_KIB = 32 * 1024
# Handles per query when reading what the incoming authors wrote before.
AUTHORS_PER_QUERY = 500


@dataclass(frozen=True)
class InsertResult:
    added: int
    already_present: int


def prepare_comments(
    frame: pd.DataFrame, settings, earlier: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The rows to store: the source columns plus language, flags, suggestions, due_at.

    A comment whose author already wrote nearly the same text, earlier in
    `frame` or in `earlier` (their stored comments, `earlier_comments`), gets
    the `repeat` flag and the `anonyme_repetitif` suggestion.
    """
    rows = frame.reindex(columns=INGEST_COLUMNS).copy()
    rows["text"] = rows["text"].fillna("").astype(str)
    received = pd.to_datetime(rows["received_at"], utc=True)
    detected = analyse_many(rows["text"])
    repeat = repeated_text(rows.assign(received_at=received), earlier).to_numpy()
    rows["language"] = detected["language"].to_numpy()
    # Both codes come last in the taxonomy's order, so appending keeps it.
    rows["flags"] = _appended(detected["flags"].to_numpy(), repeat, "repeat")
    rows["suggested_reasons"] = _appended(
        detected["suggested_reasons"].to_numpy(), repeat, "anonyme_repetitif"
    )
    rows["suggested_redirect"] = detected["suggested_redirect"].to_numpy()
    # A link the queue opens: only an address a page may open is kept.
    rows["permalink"] = _web_addresses(rows["permalink"]).to_numpy()
    clocks = clock_columns(rows.assign(received_at=received), settings)
    rows["service_level"] = (
        clocks["service_level"].where(clocks["service_level"] != DEFAULT_LEVEL, None).to_numpy()
    )
    rows["around_the_clock"] = clocks["around_the_clock"].to_numpy()
    rows["due_at"] = to_db_times(clocks["due_at"]).to_numpy()
    rows["received_at"] = to_db_times(received).to_numpy()
    rows["status"] = "new"
    rows["version"] = 1
    return rows


def _appended(codes: np.ndarray, where: np.ndarray, code: str) -> np.ndarray:
    """Space-separated `codes` with `code` added at the end of the rows in `where`."""
    codes = codes.astype(object)
    if where.any():
        codes[where] = [f"{c} {code}" if c else code for c in codes[where]]
    return codes


def earlier_comments(db: Database, frame: pd.DataFrame) -> pd.DataFrame:
    """What the authors in `frame` have stored already: platform, author_handle, text, received_at.

    Read along the author_handle index; the frame's own comments (same platform
    and external id, as in a partial re-import) are left out.
    """
    columns = ["platform", "author_handle", "text", "received_at"]
    handles = frame["author_handle"].dropna().unique().tolist() if "author_handle" in frame else []
    if not handles or not db["comments"].exists():
        return pd.DataFrame(columns=columns)
    parts = []
    for start in range(0, len(handles), AUTHORS_PER_QUERY):
        chunk = handles[start : start + AUTHORS_PER_QUERY]
        sql = (
            "SELECT platform, external_id, author_handle, text, received_at FROM comments "
            "WHERE author_handle IN ({})".format(", ".join("?" * len(chunk)))
        )
        cursor = db.execute(sql, chunk)
        parts.append(pd.DataFrame(cursor.fetchall(), columns=[d[0] for d in cursor.description]))
    stored = pd.concat(parts, ignore_index=True)
    incoming = pd.MultiIndex.from_frame(frame.reindex(columns=["platform", "external_id"]))
    stored = stored[~pd.MultiIndex.from_frame(stored[["platform", "external_id"]]).isin(incoming)]
    return stored[columns].assign(received_at=from_db_times(stored["received_at"]).to_numpy())


def insert_comments(
    db: Database,
    frame: pd.DataFrame,
    progress: Callable[[int, int], None] | None = None,
    settings=None,
) -> InsertResult:
    """Insert new comments; ones already there (same platform and external id) are skipped.

    Call it inside the caller's transaction (`lib.db.immediate`) so that an
    import is all-or-nothing.
    """
    rows = prepare_comments(frame, settings or load_settings(db), earlier_comments(db, frame))
    added = store_comments(db, [rows], progress=progress)
    return InsertResult(added=added, already_present=len(rows) - added)


def store_comments(
    db: Database,
    parts: list[pd.DataFrame],
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Insert rows made by `prepare_comments`, in parts; returns how many were added.

    Rows already there (same platform and external id) are skipped. Call it inside the
    caller's write transaction (`lib.db.immediate`): the full-text index is fed once,
    after the last part. `progress(done, total)` counts the rows after each part.
    """
    total, done, added = sum(len(rows) for rows in parts), 0, 0
    version = calendar_version(db)
    with bulk_load(db, "comments", cache_kib=STORE_CACHE_KIB):
        for rows in parts:
            comments = rows.drop(columns=list(POST_COLUMNS), errors="ignore")
            comments = comments.assign(calendar_version=version)
            added += insert_rows(db, "comments", comments, ignore=True)
            done += len(rows)
            if progress:
                progress(done, total)
    posts = [_post_rows(rows) for rows in parts]
    if posts:
        store_posts(db, pd.concat(posts, ignore_index=True))
    return added


def _post_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows of a part that say something of their post besides its ref."""
    rows = rows.reindex(columns=["platform", "post_ref", *POST_COLUMNS])
    said = rows["post_ref"].notna() & rows[list(POST_COLUMNS)].notna().any(axis=1)
    # Most files say nothing of their posts: no copy of the part then.
    return rows.loc[said] if said.any() else rows.iloc[:0]


def store_posts(db: Database, rows: pd.DataFrame) -> int:
    r"""Record what `rows` (platform, post_ref and `POST_COLUMNS`) say of their posts;
    returns how many posts were written.

    Titles are cut to their first words (`post_titles`), addresses kept only when a page
    may open them (`lib.triage.WEB_ADDRESS`), times read as UTC. The last row of a post
    that knows a field gives it; a post already stored keeps what the rows leave empty.
    Call it inside the caller's write transaction, as `store_comments` does.

    >>> from lib.db import open_db
    >>> db = open_db(":memory:")
    >>> rows = pd.DataFrame({"platform": ["x"], "post_ref": ["9"], "post_url": ["javascript:x"],
    ...                      "post_title": ["  Bonne\nnouvelle  "]})
    >>> store_posts(db, rows), db.execute("SELECT title, url FROM posts").fetchall()
    (1, [('Bonne nouvelle', None)])
    >>> db.close()
    """
    # A post's comments mostly repeat the same words: each distinct row is read once.
    rows = rows.reindex(columns=["platform", "post_ref", *POST_COLUMNS]).drop_duplicates(
        keep="last"
    )
    published = pd.to_datetime(
        rows["post_published_at"], utc=True, errors="coerce", format="ISO8601"
    )
    posts = pd.DataFrame(
        {
            "platform": rows["platform"],
            "post_ref": rows["post_ref"],
            "title": post_titles(rows["post_title"]),
            "url": _web_addresses(rows["post_url"]),
            "published_at": to_db_times(published),
        }
    )
    known = posts[["title", "url", "published_at"]].notna().any(axis=1)
    posts = posts.loc[posts["post_ref"].notna() & known]
    if posts.empty:
        return 0
    # The last value each post's rows know (groupby's last skips the empty ones).
    posts = posts.groupby(["platform", "post_ref"], sort=False).last().reset_index()
    posts = posts.astype(object).where(posts.notna(), None)
    # sqlite-utils' upsert sets every column given, None included: this one keeps a known
    # value that the new rows leave empty.
    db.conn.executemany(
        "INSERT INTO posts (platform, post_ref, title, url, published_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (platform, post_ref) DO UPDATE SET "
        "title = coalesce(excluded.title, title), url = coalesce(excluded.url, url), "
        "published_at = coalesce(excluded.published_at, published_at)",
        posts[["platform", "post_ref", "title", "url", "published_at"]].itertuples(
            index=False, name=None
        ),
    )
    return len(posts)


def post_titles(values: pd.Series) -> pd.Series:
    r"""A post's text as its title: on one line, its first `POST_TITLE_MAX_CHARS` characters
    cut after a word and ended by "…"; None for nothing but spaces.

    >>> titles = post_titles(pd.Series(["Séance\td'information ", "  ", "mot " * 60]))
    >>> titles[0], titles[1], len(titles[2]), titles[2][-5:]
    ("Séance d'information", None, 200, ' mot…')
    """
    text = values.astype("object").where(values.notna(), None).astype("str")
    text = text.str.replace(_TITLE_SPACES, " ", regex=True).str.strip()
    long = text.str.len() > POST_TITLE_MAX_CHARS
    if long.any():
        cut = text[long].str.slice(0, POST_TITLE_MAX_CHARS)
        # Back to the last word that fits whole (a space is dropped, so the ellipsis fits);
        # a text without a space to cut at is cut within its word.
        words = cut.str.replace(r"\s+\S*$", "", regex=True)
        whole = words.str.len().between(1, POST_TITLE_MAX_CHARS - 1)
        text[long] = words.where(whole, cut.str.slice(0, POST_TITLE_MAX_CHARS - 1)) + "…"
    return text.astype(object).where(text.notna() & (text != ""), None)


def _web_addresses(values: pd.Series) -> pd.Series:
    """The values a page may open (`lib.triage.web_address`, vectorised), else None."""
    text = values.astype("object").where(values.notna(), None).astype("str").str.strip()
    fine = text.str.fullmatch(WEB_ADDRESS, case=False) & (text.str.len() <= WEB_ADDRESS_MAX_CHARS)
    return text.astype(object).where(fine.fillna(False).astype(bool), None)


def insert_rows(
    db: Database,
    table: str,
    rows: pd.DataFrame,
    progress: Callable[[int, int], None] | None = None,
    ignore: bool = False,
) -> int:
    """Insert a frame's rows in chunks with one prepared statement; returns rows added.

    Faster than building a dict per row, which matters for a million-row demo.
    """
    columns = list(rows.columns)
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    sql = "{} INTO {} ({}) VALUES ({})".format(
        verb, table, ", ".join(columns), ", ".join("?" * len(columns))
    )
    added = 0
    total = len(rows)
    for start in range(0, total, CHUNK_ROWS):
        chunk = rows.iloc[start : start + CHUNK_ROWS]
        # Plain Python objects: sqlite3 cannot bind numpy scalars or pandas NA.
        chunk = chunk.astype(object).where(chunk.notna(), None)
        # rowcount counts this table's rows only; total_changes would also
        # count the rows the full-text triggers write.
        added += db.conn.executemany(sql, chunk.itertuples(index=False, name=None)).rowcount
        if progress:
            progress(min(start + CHUNK_ROWS, total), total)
    return added
