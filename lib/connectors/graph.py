"""Facebook pages and Instagram professional accounts, through Meta's Graph API."""

from __future__ import annotations

from datetime import datetime

from lib.connectors.base import PAGE_SIZE, Connector, Known, Pulled, pages, same_text, window_start
from lib.connectors.errors import PlatformError

FACEBOOK_FIELDS = "id,message,created_time,from{id,name},permalink_url,parent{id},is_hidden"
# Comments read again from this far back, so that one posted while a page was read is not
# skipped (the importer ignores the ones already stored).
OVERLAP_SECONDS = 300


class _Graph(Connector):
    """What a Facebook page and an Instagram account do alike: look comments up one by one,
    hide, delete, reply and remove a reply; each names its own fields and edge."""

    HIDE_FIELD = ""  # the field a hide writes
    HIDDEN_FIELD = ""  # the field a comment says it in
    REPLY_EDGE = ""  # where a reply is written

    def states(self, external_ids: list[str]) -> dict[str, str]:
        fields = f"id,{self.HIDDEN_FIELD}"
        return _one_by_one(self.http, external_ids, fields, self.HIDDEN_FIELD)

    def push(self, operation: str, target: str, text, reply) -> str | None:
        if operation in ("hide", "unhide"):
            value = "true" if operation == "hide" else "false"
            self.http.call("POST", target, write=True, data={self.HIDE_FIELD: value})
        elif operation in ("delete", "remove_reply"):
            self.http.call("DELETE", target if operation == "delete" else reply, write=True)
        elif operation == "reply":
            edge = f"{target}/{self.REPLY_EDGE}"
            return str(self.http.call("POST", edge, write=True, data={"message": text})["id"])
        else:
            self.push_more(operation, target, text, reply)
        return None

    def push_more(self, operation: str, target: str, text, reply) -> None:
        raise ValueError(f"{self.platform} cannot {operation}")


class Facebook(_Graph):
    """A page's posts of the last 30 days and their comments and replies (`filter=stream`),
    newest first, from the last pull's time on (`since`)."""

    platform = "facebook"
    HIDE_FIELD = HIDDEN_FIELD = "is_hidden"
    REPLY_EDGE = "comments"

    def pull(self, cursor: dict, known: Known) -> Pulled:
        since = cursor.get("since")
        newest = since or 0
        found: list[dict] = []
        posts = self._posts()
        for post in posts:
            params = {
                "filter": "stream",
                "order": "reverse_chronological",
                "fields": FACEBOOK_FIELDS,
                "limit": PAGE_SIZE,
            }
            if since:
                params["since"] = since - OVERLAP_SECONDS
            for page in pages(self.http, f"{post['id']}/comments", params):
                comments = [c for c in page.get("data", []) if isinstance(c, dict)]
                for comment in comments:
                    if (comment.get("from") or {}).get("id") == self.own_id:
                        continue  # the page's own replies
                    comment["post"] = {
                        k: post.get(k) for k in ("message", "permalink_url", "created_time")
                    }
                    found.append(comment)
                    newest = max(newest, _unix(comment.get("created_time")))
                if _all_known(comments, known):
                    break
        return Pulled({"data": found}, "facebook", len(found), {"since": newest or None})

    def _posts(self) -> list[dict]:
        params = {"fields": "id,message,created_time,permalink_url", "limit": PAGE_SIZE}
        params["since"] = window_start()
        posts = []
        for page in pages(self.http, f"{self.own_id}/feed", params):
            posts += [p for p in page.get("data", []) if isinstance(p, dict) and p.get("id")]
        return posts

    def push_more(self, operation: str, target: str, text, reply) -> None:
        if operation == "block":
            self.http.call("POST", f"{self.own_id}/blocked", write=True, data={"user": target})
        elif operation == "edit_reply":
            self.http.call("POST", reply, write=True, data={"message": text})
        else:
            super().push_more(operation, target, text, reply)

    def find_reply(self, target: str, text: str) -> str | None:
        params = {"fields": "id,message,from", "limit": PAGE_SIZE}
        for page in pages(self.http, f"{target}/comments", params):
            for reply in page.get("data", []):
                if (reply.get("from") or {}).get("id") == self.own_id and same_text(
                    reply.get("message"), text
                ):
                    return str(reply["id"])
        return None


class Instagram(_Graph):
    """A professional account's media of the last 30 days and their comments, each with its
    replies, newest first; Instagram has no `since`: pages are read until known comments."""

    platform = "instagram"
    HIDE_FIELD, HIDDEN_FIELD = "hide", "hidden"
    REPLY_EDGE = "replies"
    _username: str | None = None

    def pull(self, cursor: dict, known: Known) -> Pulled:
        own = self._own_username()
        found: list[dict] = []
        media = self._media()
        fields = "id,text,timestamp,username,hidden,replies{id,text,timestamp,username,hidden}"
        for item in media:
            about = {k: item.get(k) for k in ("id", "caption", "permalink", "timestamp")}
            for page in pages(
                self.http, f"{item['id']}/comments", {"fields": fields, "limit": PAGE_SIZE}
            ):
                comments = [c for c in page.get("data", []) if isinstance(c, dict)]
                everything = []
                for comment in comments:
                    replies = (comment.get("replies") or {}).get("data") or []
                    replies = [
                        r for r in replies if isinstance(r, dict) and r.get("username") != own
                    ]
                    comment["replies"] = {"data": replies}
                    everything += [comment, *replies]
                    if comment.get("username") != own:
                        found.append({**comment, "media": about})
                if _all_known(everything, known):
                    break
        return Pulled({"data": found}, "instagram", len(found), {})

    def _own_username(self) -> str | None:
        if self._username is None:
            self._username = self.http.call(
                "GET", self.own_id, params={"fields": "id,username"}
            ).get("username")
        return self._username

    def _media(self) -> list[dict]:
        oldest = window_start()
        media = []
        for page in pages(
            self.http,
            f"{self.own_id}/media",
            {"fields": "id,caption,permalink,timestamp", "limit": PAGE_SIZE},
        ):
            recent = [
                m
                for m in page.get("data", [])
                if isinstance(m, dict) and _unix(m.get("timestamp")) >= oldest
            ]
            media += recent
            if len(recent) < len(page.get("data", [])):
                break  # newest first: the rest is older than the window
        return media

    def find_reply(self, target: str, text: str) -> str | None:
        own = self._own_username()
        for page in pages(
            self.http, f"{target}/replies", {"fields": "id,text,username", "limit": PAGE_SIZE}
        ):
            for reply in page.get("data", []):
                if reply.get("username") == own and same_text(reply.get("text"), text):
                    return str(reply["id"])
        return None


# At most this many comments are looked up one by one per run (Graph has no list by ids
# that survives a deleted one).
LOOKUPS_PER_RUN = 50


def _one_by_one(http, external_ids: list[str], fields: str, hidden_field: str) -> dict[str, str]:
    states = {}
    for external_id in external_ids[:LOOKUPS_PER_RUN]:
        try:
            found = http.call("GET", external_id, params={"fields": fields})
        except PlatformError as error:
            if error.code != "not_found":
                raise
            states[external_id] = "deleted"
            continue
        if found.get(hidden_field) is True:
            states[external_id] = "hidden"
    return states


def _all_known(items: list[dict], known: Known) -> bool:
    ids = [str(i["id"]) for i in items if i.get("id") is not None]
    return bool(ids) and len(known(ids)) == len(ids)


def _unix(value) -> int:
    """Graph's times (2026-12-03T14:05:00+0000) as Unix seconds; 0 when unreadable."""
    try:
        return int(datetime.strptime(str(value), "%Y-%m-%dT%H:%M:%S%z").timestamp())
    except ValueError:
        return 0
