"""The fake platforms' state: accounts, posts, comments, faults and counters, under one lock."""

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from tests.platforms.shapes import PACIFIC, parse_time

PLATFORMS = ("facebook", "instagram", "youtube", "x")


@dataclass
class Owner:
    """An account: a Facebook page, an Instagram account, a YouTube channel or an X user."""

    id: str
    name: str
    token: str | None
    username: str = ""


@dataclass
class Container:
    """What comments hang on: a Facebook post, an Instagram media or a YouTube video."""

    id: str
    owner_id: str
    text: str
    created: datetime | None = None

    @property
    def key(self) -> tuple:
        """Its place in time: (created, id); videos, undated, all sit at 0."""
        return (self.created.timestamp() if self.created else 0.0, self.id)


@dataclass
class Comment:
    """A comment or reply on any platform, or a tweet (its parent is its conversation's start)."""

    id: str
    platform: str
    owner_id: str
    container_id: str
    text: str
    created: datetime
    author_id: str
    author_name: str
    parent_id: str | None
    seq: int
    hidden: bool = False
    deleted: bool = False
    updated: datetime | None = None
    status: str = "published"
    in_reply_to_user_id: str | None = None

    @property
    def key(self) -> tuple:
        """Its place in time: (created, creation order); newest first sorts on it reversed."""
        return (self.created.timestamp(), self.seq)

    def view(self) -> dict:
        """The state tests read: the same keys on every platform."""
        return {
            "id": self.id,
            "text": self.text,
            "hidden": self.hidden,
            "deleted": self.deleted,
            "author_id": self.author_id,
            "parent_id": self.parent_id,
            "created": self.created,
        }


@dataclass
class Fault:
    """A fault the next matching requests meet: fail, slow or garbage."""

    kind: str
    method: str
    path_contains: str
    times: int
    status: int = 500
    body: dict | str | None = None
    seconds: float = 0.0
    apply: bool = True

    def matches(self, method: str, target: str) -> bool:
        return self.method.upper() == method.upper() and self.path_contains in target


class State:
    """Everything the fake knows; callers hold `lock` around every read and write."""

    def __init__(self, clock: Callable[[], datetime]):
        self.lock = threading.RLock()
        self.clock = clock
        self.owners: dict[str, dict[str, Owner]] = {p: {} for p in PLATFORMS}
        self.containers: dict[str, dict[str, Container]] = {p: {} for p in PLATFORMS}
        self.comments: dict[str, Comment] = {}
        self.blocked: dict[str, set[str]] = {}
        self.expired: set[str] = set()
        self.quota = 10_000
        self.units: dict[date, int] = {}
        self.usage = {"app": 0, "business": 0}
        self.faults: list[Fault] = []
        self.requests: list[dict] = []
        self.windows: dict[tuple[str, str], list] = {}
        self._seq = 0

    def now(self) -> datetime:
        return self.clock()

    def next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def new_id(self, prefix: str = "") -> str:
        """A fresh numeric id (with `prefix`), unused by any comment."""
        while True:
            candidate = f"{prefix}{9_000_000_000 + self.next_seq()}"
            if candidate not in self.comments:
                return candidate

    # --- accounts and tokens ---

    def add_owner(self, platform: str, owner: Owner) -> None:
        self.owners[platform][owner.id] = owner
        self.blocked.setdefault(owner.id, set())

    def owners_of(self, platform: str, token: str | None) -> list[Owner]:
        """The accounts of `platform` a valid token speaks for; [] when unknown or expired."""
        if not token or token in self.expired:
            return []
        return [o for o in self.owners[platform].values() if o.token == token]

    def owner(self, platform: str, owner_id: str) -> Owner:
        return self.owners[platform][owner_id]

    # --- posts, comments ---

    def add_container(self, platform: str, container: Container) -> None:
        if container.owner_id not in self.owners[platform]:
            raise KeyError(f"unknown {platform} account {container.owner_id!r}")
        self.containers[platform][container.id] = container

    def container(self, platform: str, container_id: str) -> Container:
        return self.containers[platform][container_id]

    def add_comment(self, platform: str, container_id: str, **fields) -> Comment:
        """Store a new comment on `container_id`; its id must be new, its parent known."""
        if fields["id"] in self.comments:
            raise ValueError(f"comment {fields['id']!r} exists")
        parent_id = fields.get("parent_id")
        if platform != "x" and parent_id and parent_id not in self.comments:
            raise KeyError(f"unknown parent {fields['parent_id']!r}")
        if platform != "x":
            fields["owner_id"] = self.container(platform, container_id).owner_id
        fields["created"] = parse_time(fields["created"])
        comment = Comment(
            platform=platform, container_id=container_id, seq=self.next_seq(), **fields
        )
        self.comments[comment.id] = comment
        return comment

    def live(self, platform: str, comment_id: str) -> Comment | None:
        """The comment of `platform` with that id, unless unknown or deleted."""
        found = self.comments.get(comment_id)
        if found is None or found.deleted or found.platform != platform:
            return None
        return found

    def children(self, comment_id: str) -> list[Comment]:
        """Direct replies, not deleted, in creation order."""
        found = [c for c in self.comments.values() if c.parent_id == comment_id]
        return sorted((c for c in found if not c.deleted), key=lambda c: c.seq)

    def on(self, platform: str, container_id: str) -> list[Comment]:
        """The comments (and replies) of one container, not deleted, newest first."""
        found = (
            c
            for c in self.comments.values()
            if c.platform == platform and c.container_id == container_id and not c.deleted
        )
        return sorted(found, key=lambda c: c.key, reverse=True)

    # --- faults ---

    def take_fault(self, method: str, target: str) -> Fault | None:
        """The first fault matching the request, with one use spent."""
        for fault in self.faults:
            if fault.matches(method, target):
                fault.times -= 1
                if fault.times <= 0:
                    self.faults.remove(fault)
                return fault
        return None

    # --- YouTube quota ---

    def pacific_day(self) -> date:
        return self.now().astimezone(PACIFIC).date()

    def units_used(self, day: date | None = None) -> int:
        return self.units.get(day or self.pacific_day(), 0)

    def charge(self, units: int) -> bool:
        """Charge today's quota `units`, or False (and nothing charged) when it would overflow."""
        day = self.pacific_day()
        if self.units.get(day, 0) + units > self.quota:
            return False
        self.units[day] = self.units.get(day, 0) + units
        return True
