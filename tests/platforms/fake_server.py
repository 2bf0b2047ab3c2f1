"""FakePlatforms: the fake Graph, YouTube and X APIs on 127.0.0.1, seeded and read by tests.

>>> with FakePlatforms() as server:
...     server.add_facebook_page("1", "Vigie", token="secret")
...     server.graph_url.startswith("http://127.0.0.1:")
True
"""

import threading
from collections.abc import Callable
from datetime import UTC, date, datetime

from tests.platforms import graph, x, youtube
from tests.platforms.handler import Server
from tests.platforms.shapes import parse_time
from tests.platforms.state import Container, Fault, Owner, State


def utc_now() -> datetime:
    return datetime.now(UTC)


class FakePlatforms:
    """Context manager: `with FakePlatforms() as server:` starts, stop on exit.

    `clock` (a function returning an aware datetime) is the platforms' "now": the time of the
    replies they create, of YouTube's Pacific day and of X's rate-limit windows.
    """

    def __init__(self, clock: Callable[[], datetime] = utc_now):
        self._state = State(clock)
        self._stopping = threading.Event()
        self._server: Server | None = None
        self._thread: threading.Thread | None = None
        self.url = self.graph_url = self.youtube_url = self.x_url = ""

    # --- running ---

    def start(self) -> "FakePlatforms":
        self._stopping.clear()
        self._server = Server(self._state, self._stopping)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self.graph_url = self.url + graph.PREFIX
        self.youtube_url = self.url + youtube.PREFIX
        self.x_url = self.url + x.PREFIX
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; requests still sleeping in slow_next are woken and answered."""
        if self._server is None:
            return
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
        self._server = self._thread = None

    def __enter__(self) -> "FakePlatforms":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    # --- seeding ---

    def add_facebook_page(self, page_id: str, name: str, token: str) -> None:
        with self._state.lock:
            self._state.add_owner("facebook", Owner(page_id, name, token))

    def add_facebook_post(self, page_id, post_id, message, created_time) -> None:
        post = Container(post_id, page_id, message, parse_time(created_time))
        with self._state.lock:
            self._state.add_container("facebook", post)

    def add_facebook_comment(
        self, post_id, comment_id, message, created_time, author_id, author_name, parent_id=None
    ) -> None:
        with self._state.lock:
            self._state.add_comment(
                "facebook",
                post_id,
                id=comment_id,
                text=message,
                created=created_time,
                author_id=author_id,
                author_name=author_name,
                parent_id=parent_id,
            )

    def add_instagram_account(self, ig_user_id: str, username: str, token: str) -> None:
        with self._state.lock:
            self._state.add_owner("instagram", Owner(ig_user_id, username, token, username))

    def add_instagram_media(self, ig_user_id, media_id, caption, timestamp) -> None:
        media = Container(media_id, ig_user_id, caption, parse_time(timestamp))
        with self._state.lock:
            self._state.add_container("instagram", media)

    def add_instagram_comment(
        self, media_id, comment_id, text, timestamp, username, parent_id=None
    ) -> None:
        """An Instagram comment; Instagram gives no author id, so its author_id is `username`."""
        with self._state.lock:
            self._state.add_comment(
                "instagram",
                media_id,
                id=comment_id,
                text=text,
                created=timestamp,
                author_id=username,
                author_name=username,
                parent_id=parent_id,
            )

    def add_youtube_channel(self, channel_id: str, title: str, token: str) -> None:
        with self._state.lock:
            self._state.add_owner("youtube", Owner(channel_id, title, token))

    def add_youtube_video(self, channel_id: str, video_id: str, title: str) -> None:
        with self._state.lock:
            self._state.add_container("youtube", Container(video_id, channel_id, title))

    def add_youtube_comment(
        self,
        video_id,
        comment_id,
        text,
        published_at,
        author_channel_id,
        author_name,
        parent_id=None,
    ) -> None:
        with self._state.lock:
            self._state.add_comment(
                "youtube",
                video_id,
                id=comment_id,
                text=text,
                created=published_at,
                author_id=author_channel_id,
                author_name=author_name,
                parent_id=parent_id,
            )

    def add_x_user(self, user_id: str, username: str, name: str, token: str | None) -> None:
        """The organisation's account (with its token), or any other user (token=None)."""
        with self._state.lock:
            self._state.add_owner("x", Owner(user_id, name, token, username))

    def add_x_tweet(
        self,
        tweet_id,
        author_id,
        text,
        created_at,
        conversation_id=None,
        in_reply_to_user_id=None,
    ) -> None:
        """A tweet (numeric id); its parent_id is its conversation's first tweet, if not itself."""
        if not str(tweet_id).isdigit():
            raise ValueError(f"X ids are numeric, not {tweet_id!r}")
        conversation_id = conversation_id or tweet_id
        with self._state.lock:
            author = self._state.owners["x"].get(author_id)
            self._state.add_comment(
                "x",
                conversation_id,
                id=tweet_id,
                owner_id=author_id,
                text=text,
                created=created_at,
                author_id=author_id,
                author_name=author.name if author else "",
                parent_id=None if conversation_id == tweet_id else conversation_id,
                in_reply_to_user_id=in_reply_to_user_id,
            )

    # --- state the tests read ---

    def comment(self, comment_id: str) -> dict:
        """{"id", "text", "hidden", "deleted", "author_id", "parent_id", "created"}; or KeyError."""
        with self._state.lock:
            return self._state.comments[comment_id].view()

    def replies(self, comment_id: str) -> list[dict]:
        """Direct replies, not deleted, in creation order."""
        with self._state.lock:
            return [reply.view() for reply in self._state.children(comment_id)]

    def blocked(self, page_or_channel_id: str) -> set[str]:
        """Authors blocked by a Facebook page or banned from a YouTube channel."""
        with self._state.lock:
            return set(self._state.blocked.get(page_or_channel_id, ()))

    @property
    def requests(self) -> list[dict]:
        """Every request received, oldest first (a copy): its Authorization is "<redacted>"."""
        with self._state.lock:
            return [dict(request) for request in self._state.requests]

    def units_used(self, day: date | None = None) -> int:
        """YouTube quota units charged on `day` (a Pacific-time date; today by default)."""
        with self._state.lock:
            return self._state.units_used(day)

    # --- platform-side changes ---

    def delete_on_platform(self, comment_id: str) -> None:
        with self._state.lock:
            self._state.comments[comment_id].deleted = True

    def hide_on_platform(self, comment_id: str) -> None:
        """Hidden (rejected, on YouTube) as if by someone on the platform itself."""
        with self._state.lock:
            comment = self._state.comments[comment_id]
            comment.hidden = True
            if comment.platform == "youtube":
                comment.status = "rejected"

    def expire_token(self, token: str) -> None:
        with self._state.lock:
            self._state.expired.add(token)

    def set_youtube_quota(self, units: int) -> None:
        with self._state.lock:
            self._state.quota = units

    def set_usage(self, app_call_count_pct: int = 0, business_call_count_pct: int = 0) -> None:
        """The percentages Graph's usage headers report; at 100 Graph refuses requests."""
        with self._state.lock:
            self._state.usage = {"app": app_call_count_pct, "business": business_call_count_pct}

    # --- faults ---

    def fail_next(self, method, path_contains, status=500, body=None, times=1) -> None:
        """The next `times` matching requests answer `status` with `body`, applying nothing.

        `body`: a dict (sent as JSON), a str (sent as is) or None (the platform's own error).
        A request matches on its method and on `path_contains` being in its path and query.
        """
        self._add(Fault("fail", method, path_contains, times, status=status, body=body))

    def slow_next(self, method, path_contains, seconds, apply=True, times=1) -> None:
        """Apply the request (unless not `apply`: then a 503) and answer `seconds` later."""
        self._add(Fault("slow", method, path_contains, times, seconds=seconds, apply=apply))

    def garbage_next(self, method, path_contains, times=1) -> None:
        """The next matching requests answer 200 with an HTML body, applying nothing."""
        self._add(Fault("garbage", method, path_contains, times))

    def _add(self, fault: Fault) -> None:
        with self._state.lock:
            self._state.faults.append(fault)
