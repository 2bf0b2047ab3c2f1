"""Talking to a platform over HTTP (httpx): the token in a header, answers read as JSON,
and every failure turned into a `PlatformError` the sync process knows what to do with.

Each platform says its errors its own way (`classify_graph`, `classify_youtube`,
`classify_x`); the usage a platform reports (Graph's usage headers, X's rate-limit
headers) makes the client stop before the limit, not at it.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx

from lib.connectors.errors import PlatformError
from lib.times import now_utc

# Graph reports usage in % of its limits: Vigie stops well before 100 %.
SLOW_DOWN_PERCENT = 75
# How long an account rests when a platform asks to slow down without saying until when.
REST = timedelta(minutes=5)
# YouTube's quota day runs on Pacific time.
PACIFIC = ZoneInfo("America/Los_Angeles")
USER_AGENT = "Vigie (moderation of public bodies' comments)"


class Http:
    """One account's way to its platform's API, with its token and its limits."""

    def __init__(self, base_url: str, token, platform: str, timeout: float, client=None):
        self.base_url = base_url.rstrip("/")
        self.platform = platform
        self.classify = CLASSIFIERS[platform]
        self.rest_until: datetime | None = None  # set when usage nears a limit
        self._client = client or httpx.Client(
            timeout=timeout,
            headers={"Authorization": f"Bearer {token.reveal()}", "User-Agent": USER_AGENT},
        )

    def close(self) -> None:
        self._client.close()

    def call(self, method: str, path: str, write: bool = False, **request) -> dict:
        """The answer's JSON (an empty dict for an empty answer), or a `PlatformError`.

        `write` marks a request that changes something: its timeout leaves the outcome
        unknown (`unsure`).
        """
        if self.rest_until is not None and now_utc() < self.rest_until:
            raise PlatformError("rate_limited", retry_at=self.rest_until)
        url = path if path.startswith("http") else f"{self.base_url}/{path.lstrip('/')}"
        try:
            response = self._client.request(method, url, **request)
        except httpx.TimeoutException:
            raise PlatformError("timeout", unsure=write) from None
        except httpx.HTTPError as error:
            # The error's text names the host, never the headers that carry the token.
            raise PlatformError("unavailable", detail=type(error).__name__, unsure=write) from None
        self._note_usage(response.headers)
        body = _json(response)
        if response.status_code >= 400 or (isinstance(body, dict) and "error" in body):
            raise self.classify(response.status_code, body, response.headers, write)
        if body is None:
            if response.status_code == 204 or not response.content.strip():
                return {}
            raise PlatformError("garbage", status=response.status_code, unsure=write)
        return body if isinstance(body, dict) else {"data": body}

    def _note_usage(self, headers) -> None:
        percent = max(_graph_usage(headers), default=0)
        if percent >= SLOW_DOWN_PERCENT:
            self.rest_until = now_utc() + REST * (1 + (percent - SLOW_DOWN_PERCENT) // 10)
        remaining, reset = headers.get("x-rate-limit-remaining"), headers.get("x-rate-limit-reset")
        if remaining == "0" and reset and reset.isdigit():
            self.rest_until = datetime.fromtimestamp(int(reset), UTC)


def _json(response: httpx.Response):
    try:
        return response.json()
    except (ValueError, UnicodeDecodeError):
        return None


def _graph_usage(headers) -> list[float]:
    """Every percentage in Graph's usage headers (app, and per page or account)."""
    found = []
    for name in ("x-app-usage", "x-business-use-case-usage", "x-page-usage"):
        try:
            value = json.loads(headers.get(name) or "null")
        except ValueError:
            continue
        entries = [value] if isinstance(value, dict) and "call_count" in value else []
        if isinstance(value, dict) and not entries:
            entries = [e for items in value.values() if isinstance(items, list) for e in items]
        for entry in entries:
            if isinstance(entry, dict):
                found += [
                    float(entry[k])
                    for k in ("call_count", "total_cputime", "total_time")
                    if isinstance(entry.get(k), (int, float))
                ]
    return found


def _garbage_or_server(status: int, write: bool) -> PlatformError | None:
    if status >= 500:
        return PlatformError("unavailable", status=status, unsure=write)
    return None


# Graph's rate-limit codes (app, user, page, custom) and its permission codes.
GRAPH_LIMITS = {4, 17, 32, 613, 80001, 80002, 80004, 80005, 80006}


def classify_graph(status: int, body, headers, write: bool) -> PlatformError:
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return _garbage_or_server(status, write) or PlatformError("garbage", status=status)
    code, message = error.get("code"), str(error.get("message", ""))
    if code == 190 or error.get("type") == "OAuthException" and code in (102, 463, 467):
        return PlatformError("token_expired", detail=message, status=status)
    if code in GRAPH_LIMITS:
        return PlatformError("rate_limited", detail=message, retry_at=now_utc() + REST)
    if code == 100 and error.get("error_subcode") == 33:
        return PlatformError("not_found", detail=message, status=status)
    if code == 10 or (isinstance(code, int) and 200 <= code < 300):
        return PlatformError("permission", detail=message, status=status)
    if status >= 500 or code in (1, 2):
        return PlatformError("unavailable", detail=message, status=status, unsure=write)
    return PlatformError("refused", detail=message, status=status)


def classify_youtube(status: int, body, headers, write: bool) -> PlatformError:
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        return _garbage_or_server(status, write) or PlatformError("garbage", status=status)
    reasons = {e.get("reason") for e in error.get("errors", []) if isinstance(e, dict)}
    message = str(error.get("message", ""))
    if status == 401:
        return PlatformError("token_expired", detail=message, status=status)
    if reasons & {"quotaExceeded", "dailyLimitExceeded"}:
        return PlatformError("quota_exhausted", detail=message, retry_at=next_pacific_midnight())
    if status == 429 or reasons & {"rateLimitExceeded", "userRateLimitExceeded"}:
        return PlatformError("rate_limited", detail=message, retry_at=now_utc() + REST)
    if status == 404 or reasons & {"commentNotFound", "notFound"}:
        return PlatformError("not_found", detail=message, status=status)
    if status == 403 and reasons & {"insufficientPermissions", "forbidden"}:
        return PlatformError("permission", detail=message, status=status)
    if status >= 500:
        return PlatformError("unavailable", detail=message, status=status, unsure=write)
    return PlatformError("refused", detail=message, status=status)


def classify_x(status: int, body, headers, write: bool) -> PlatformError:
    detail = str(body.get("detail") or body.get("title") or "") if isinstance(body, dict) else ""
    if status == 401:
        return PlatformError("token_expired", detail=detail, status=status)
    if status == 429:
        reset = headers.get("x-rate-limit-reset", "")
        retry = datetime.fromtimestamp(int(reset), UTC) if reset.isdigit() else now_utc() + REST
        return PlatformError("rate_limited", detail=detail, retry_at=retry)
    if status == 404:
        return PlatformError("not_found", detail=detail, status=status)
    if status == 403:
        return PlatformError("permission", detail=detail, status=status)
    if status >= 500 or not isinstance(body, dict):
        return _garbage_or_server(status, write) or PlatformError("garbage", status=status)
    return PlatformError("refused", detail=detail, status=status)


CLASSIFIERS = {
    "facebook": classify_graph,
    "instagram": classify_graph,
    "youtube": classify_youtube,
    "x": classify_x,
}


def next_pacific_midnight(now: datetime | None = None) -> datetime:
    """When YouTube's daily quota resets: the next midnight in Pacific time, as UTC.

    >>> next_pacific_midnight(datetime(2026, 12, 3, 9, 0, tzinfo=UTC)).isoformat()
    '2026-12-04T08:00:00+00:00'
    """
    local = (now or now_utc()).astimezone(PACIFIC)
    tomorrow = (local + timedelta(days=1)).date()
    return datetime(tomorrow.year, tomorrow.month, tomorrow.day, tzinfo=PACIFIC).astimezone(UTC)


def pacific_day(now: datetime | None = None) -> str:
    """YouTube's quota day, as an ISO date in Pacific time."""
    return (now or now_utc()).astimezone(PACIFIC).date().isoformat()
