"""What every fake platform shares: requests and responses, timestamps, cursors and pages."""

import base64
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

PACIFIC = ZoneInfo("America/Los_Angeles")


class BadRequest(Exception):
    """A request parameter the platform refuses (each platform words its own 400)."""

    def __init__(self, message: str, parameter: str = ""):
        super().__init__(message)
        self.message = message
        self.parameter = parameter


@dataclass
class Request:
    """One HTTP request, as a platform sees it (path without the platform's prefix)."""

    method: str
    path: str
    query: dict[str, str]
    body: dict | str
    token: str | None
    token_in_query: bool
    base_url: str
    prefix: str

    @property
    def params(self) -> dict[str, str]:
        """Query and form (or JSON) parameters together, as text (Graph reads them all)."""
        form = self.body if isinstance(self.body, dict) else {}
        scalars = {k: v for k, v in form.items() if isinstance(v, str | bool | int | float)}
        texts = {k: v if isinstance(v, str) else json.dumps(v) for k, v in scalars.items()}
        return {**self.query, **texts}

    @property
    def parts(self) -> list[str]:
        return [part for part in self.path.split("/") if part]


@dataclass
class Response:
    """What to answer: a dict is sent as JSON, bytes as they are, None as an empty body."""

    status: int
    body: dict | bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)


def parse_time(value: datetime | str) -> datetime:
    """An aware datetime from a datetime or an ISO 8601 string, in UTC.

    >>> parse_time("2026-12-03T14:05:00+0000").isoformat()
    '2026-12-03T14:05:00+00:00'
    """
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        raise ValueError(f"{value!r} has no time zone")
    return moment.astimezone(UTC)


def graph_time(moment: datetime) -> str:
    """Graph's created_time (and Instagram's timestamp).

    >>> graph_time(parse_time("2026-12-03T09:05:00-05:00"))
    '2026-12-03T14:05:00+0000'
    """
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


def youtube_time(moment: datetime) -> str:
    """YouTube's publishedAt: '2026-12-03T14:05:00Z'."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def x_time(moment: datetime) -> str:
    """X's created_at, with milliseconds.

    >>> x_time(parse_time("2026-12-03T14:05:00Z"))
    '2026-12-03T14:05:00.000Z'
    """
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def encode_cursor(key: tuple) -> str:
    """An opaque cursor for a place in a list."""
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        return tuple(json.loads(base64.urlsafe_b64decode(padded.encode())))
    except ValueError as error:
        raise BadRequest(f"Invalid cursor {cursor!r}", "cursor") from error


def page_size(value: str | None, default: int, maximum: int = 100) -> int:
    """A page size parameter, within 1..maximum."""
    if value is None:
        return default
    if not value.isdigit() or int(value) < 1:
        raise BadRequest(f"Invalid page size {value!r}", "limit")
    return min(int(value), maximum)


def page_of(
    items: Sequence, key: Callable, cursor: str | None, size: int, descending: bool = True
) -> tuple[list, str | None]:
    """The page of sorted `items` after `cursor`, and the cursor of the next page if any.

    >>> page_of([5, 4, 3], lambda n: (n,), None, 2)
    ([5, 4], 'WzRd')
    >>> page_of([5, 4, 3], lambda n: (n,), 'WzRd', 2)
    ([3], None)
    """
    start = 0
    if cursor:
        mark = decode_cursor(cursor)
        past = (lambda k: k < mark) if descending else (lambda k: k > mark)
        start = next((i for i, item in enumerate(items) if past(tuple(key(item)))), len(items))
    page = list(items[start : start + size])
    more = start + size < len(items)
    return page, (encode_cursor(key(page[-1])) if more and page else None)
