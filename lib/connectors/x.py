"""An X account, through the X API v2: its mentions in, hidden replies out."""

from __future__ import annotations

from lib.connectors.base import PAGE_SIZE, Connector, Known, Pulled, pages

# Posts asked for by id per call (the API's maximum).
IDS_PER_CALL = 100
TWEET_FIELDS = "created_at,author_id,conversation_id,in_reply_to_user_id"


class X(Connector):
    """Replies and mentions of the account (`/users/:id/mentions`), from the newest id the
    last pull saw (`since_id`). X's reads are paid per post: nothing is read twice."""

    platform = "x"

    def pull(self, cursor: dict, known: Known) -> Pulled:
        params = {
            "tweet.fields": TWEET_FIELDS,
            "expansions": "author_id",
            "user.fields": "username,name",
            "max_results": PAGE_SIZE,
        }
        if cursor.get("since_id"):
            params["since_id"] = cursor["since_id"]
        tweets, users, newest = [], {}, cursor.get("since_id")
        for page in pages(self.http, f"users/{self.own_id}/mentions", params):
            for user in (page.get("includes") or {}).get("users", []):
                users[str(user.get("id"))] = user
            for tweet in page.get("data", []) or []:
                if str(tweet.get("author_id")) != self.own_id:
                    tweets.append(tweet)
            page_newest = (page.get("meta") or {}).get("newest_id")
            if page_newest and (newest is None or int(page_newest) > int(newest)):
                newest = page_newest
        document = {
            "data": tweets,
            "includes": {"users": list(users.values())},
            "meta": {"result_count": len(tweets)},
        }
        return Pulled(document, "x", len(tweets), {"since_id": newest} if newest else {})

    def states(self, external_ids: list[str]) -> dict[str, str]:
        states = {}
        for start in range(0, len(external_ids), IDS_PER_CALL):
            chunk = external_ids[start : start + IDS_PER_CALL]
            found = self.http.call("GET", "tweets", params={"ids": ",".join(chunk)})
            for error in found.get("errors", []) or []:
                if str(error.get("type", "")).endswith("resource-not-found"):
                    states[str(error.get("resource_id") or error.get("value"))] = "deleted"
        return states

    def push(self, operation: str, target: str, text, reply) -> str | None:
        if operation not in ("hide", "unhide"):
            raise ValueError(f"X cannot {operation}")
        if self.budget is not None:
            self.budget.spend(1)
        self.http.call(
            "PUT", f"tweets/{target}/hidden", write=True, json={"hidden": operation == "hide"}
        )
        return None

    def find_reply(self, target: str, text: str) -> str | None:
        return None  # Vigie publishes nothing on X
