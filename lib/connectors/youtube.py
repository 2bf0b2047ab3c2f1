"""A YouTube channel, through the YouTube Data API v3, within its daily quota."""

from __future__ import annotations

from lib.connectors.base import PAGE_SIZE, Connector, Known, Pulled, pages, same_text
from lib.connectors.errors import PlatformError
from lib.connectors.limits import YOUTUBE_READ_UNITS, YOUTUBE_WRITE_UNITS

# Comments asked for by id per call (the API's maximum).
IDS_PER_CALL = 50


class YouTube(Connector):
    """The channel's comment threads (`allThreadsRelatedToChannelId`, newest first), read
    until a page holds only known comments: YouTube has no "since"."""

    platform = "youtube"

    def pull(self, cursor: dict, known: Known) -> Pulled:
        threads = []
        params = {
            "part": "snippet,replies",
            "allThreadsRelatedToChannelId": self.own_id,
            "order": "time",
            "maxResults": PAGE_SIZE,
            "textFormat": "plainText",
        }
        for page in self._pages("commentThreads", params):
            items = [t for t in page.get("items", []) if isinstance(t, dict)]
            ids = []
            for thread in items:
                replies = (thread.get("replies") or {}).get("comments") or []
                own = [r for r in replies if self._is_own(r)]
                if own:
                    thread["replies"]["comments"] = [r for r in replies if not self._is_own(r)]
                top = (thread.get("snippet") or {}).get("topLevelComment") or {}
                ids += [str(c.get("id")) for c in (top, *replies)]
                if not self._is_own(top):
                    threads.append(thread)
            if ids and len(known(ids)) == len(ids):
                break
        count = sum(1 + len((t.get("replies") or {}).get("comments") or []) for t in threads)
        document = {"kind": "youtube#commentThreadListResponse", "items": threads}
        return Pulled(document, "youtube", count, {})

    def _is_own(self, comment: dict) -> bool:
        author = ((comment.get("snippet") or {}).get("authorChannelId") or {}).get("value")
        return author == self.own_id

    def _pages(self, path: str, params: dict):
        yield from pages(_Charging(self.http, self.budget, YOUTUBE_READ_UNITS), path, params)

    def states(self, external_ids: list[str]) -> dict[str, str]:
        states = {}
        for start in range(0, len(external_ids), IDS_PER_CALL):
            chunk = external_ids[start : start + IDS_PER_CALL]
            found = self._call(
                "GET",
                "comments",
                YOUTUBE_READ_UNITS,
                params={"part": "snippet", "id": ",".join(chunk)},
            )
            shown = {}
            for item in found.get("items", []):
                shown[str(item.get("id"))] = (item.get("snippet") or {}).get("moderationStatus")
            for external_id in chunk:
                if external_id not in shown:
                    states[external_id] = "deleted"
                elif shown[external_id] == "rejected":
                    states[external_id] = "hidden"
        return states

    def push(self, operation: str, target: str, text, reply) -> str | None:
        if operation in ("hide", "unhide", "block"):
            params = {
                "id": target,
                "moderationStatus": "published" if operation == "unhide" else "rejected",
            }
            if operation == "block":
                params["banAuthor"] = "true"
            self._call(
                "POST",
                "comments/setModerationStatus",
                YOUTUBE_WRITE_UNITS,
                write=True,
                params=params,
            )
        elif operation == "reply":
            # A reply answers a thread: a reply's id is "{thread}.{reply}".
            body = {"snippet": {"parentId": target.split(".")[0], "textOriginal": text}}
            made = self._call(
                "POST",
                "comments",
                YOUTUBE_WRITE_UNITS,
                write=True,
                params={"part": "snippet"},
                json=body,
            )
            return str(made["id"])
        elif operation == "edit_reply":
            body = {"id": reply, "snippet": {"textOriginal": text}}
            self._call(
                "PUT",
                "comments",
                YOUTUBE_WRITE_UNITS,
                write=True,
                params={"part": "snippet"},
                json=body,
            )
        elif operation == "remove_reply":
            self._call("DELETE", "comments", YOUTUBE_WRITE_UNITS, write=True, params={"id": reply})
        else:
            raise ValueError(f"YouTube cannot {operation}")
        return None

    def find_reply(self, target: str, text: str) -> str | None:
        params = {
            "part": "snippet",
            "parentId": target.split(".")[0],
            "maxResults": PAGE_SIZE,
            "textFormat": "plainText",
        }
        for page in self._pages("comments", params):
            for item in page.get("items", []):
                if self._is_own(item) and same_text(
                    (item.get("snippet") or {}).get("textOriginal"), text
                ):
                    return str(item["id"])
        return None

    def _call(self, method: str, path: str, units: int, write: bool = False, **request) -> dict:
        return _Charging(self.http, self.budget, units).call(method, path, write=write, **request)


class _Charging:
    """The client, each call paid for from the day's quota before it is made (every page of
    a list too); a quota the platform says is spent is believed."""

    def __init__(self, http, budget, units: int):
        self.http, self.budget, self.units = http, budget, units

    def call(self, method: str, path: str, write: bool = False, **request) -> dict:
        if self.budget is not None:
            self.budget.spend(self.units)
        try:
            return self.http.call(method, path, write=write, **request)
        except PlatformError as error:
            if error.code == "quota_exhausted" and self.budget is not None:
                self.budget.exhaust()
            raise
