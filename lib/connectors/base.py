"""What every platform's connector gives the sync process, and the paging they share."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta

from lib.connectors.config import AccountConfig
from lib.connectors.http import Http
from lib.times import now_utc

# Items asked for per page (every platform's maximum).
PAGE_SIZE = 100
# Pages read per list and per run at most: a backlog is pulled over several runs.
MAX_PAGES = 100
# Posts (videos, media) whose comments are pulled: those of the last days.
POST_WINDOW = timedelta(days=30)

Known = Callable[[list[str]], set[str]]


@dataclass
class Pulled:
    """What a pull brought: the platform's own JSON document (read by the same importer
    as a file), how many comments it holds, and where the next pull starts."""

    document: dict
    format: str
    count: int
    cursor: dict = field(default_factory=dict)


class Connector:
    """One account on one platform. Subclasses implement `pull`, `states`, `push` and
    `find_reply`; every call goes through `self.http` (one client per account)."""

    platform = ""

    def __init__(self, config: AccountConfig, http: Http, budget=None):
        self.config, self.http, self.budget = config, http, budget
        self.own_id = config.platform_id

    def pull(self, cursor: dict, known: Known) -> Pulled:
        raise NotImplementedError

    def states(self, external_ids: list[str]) -> dict[str, str]:
        """'hidden' or 'deleted' for the comments the platform no longer shows; the others
        are left out."""
        raise NotImplementedError

    def push(self, operation: str, target: str, text: str | None, reply: str | None) -> str | None:
        """Perform `operation` on `target` (a comment's id; an author's for `block`), with
        `text` for a reply, and `reply` the id of the organisation's reply to correct;
        returns the platform's id of what was created."""
        raise NotImplementedError

    def find_reply(self, target: str, text: str) -> str | None:
        """The id of the organisation's reply to `target` that says `text`, if one is there."""
        raise NotImplementedError


def pages(http: Http, path: str, params: dict, items: str = "data") -> Iterator[dict]:
    """Every page of a list, following the platform's own paging, at most `MAX_PAGES`.

    Graph gives the next page's full address (`paging.next`), YouTube a `nextPageToken`,
    X a `meta.next_token`.
    """
    url, query = path, dict(params)
    for _ in range(MAX_PAGES):
        page = http.call("GET", url, params=query)
        yield page
        following = (page.get("paging") or {}).get("next")
        token = page.get("nextPageToken") or (page.get("meta") or {}).get("next_token")
        if following:
            url, query = following, None
        elif token:
            query = {
                **query,
                ("pageToken" if "nextPageToken" in page else "pagination_token"): token,
            }
        else:
            return


def same_text(a: str | None, b: str | None) -> bool:
    """Whether a platform's text is the one Vigie sent (platforms trim the ends)."""
    return (a or "").strip() == (b or "").strip()


def window_start() -> int:
    """The oldest post time pulled, as Unix seconds."""
    return int((now_utc() - POST_WINDOW).timestamp())
