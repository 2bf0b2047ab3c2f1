"""What can go wrong when Vigie talks to a platform, in the sync process' own terms."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import datetime

from lib.i18n import Worded

# Problems of the whole account: its other work waits (until `retry_at`, or a new token).
ACCOUNT_PROBLEMS = ("token_expired", "not_configured", "rate_limited", "quota_exhausted")
# Problems that may pass: the operation is tried again, with back-off.
PASSING_PROBLEMS = ("unavailable", "timeout", "garbage")
# How much of a platform's own message is kept (it is shown to leads, as plain text).
DETAIL_MAX_CHARS = 300


class PlatformError(Worded, Exception):
    """A platform's refusal or silence. `detail` is the platform's own message (never a
    credential: tokens travel in a header, which no message repeats); `retry_at` says
    when a limit lifts; `unsure` that a write may have happened (a timeout)."""

    KEY = "sync.problem"

    def __init__(
        self,
        code: str,
        detail: str = "",
        status: int = 0,
        retry_at: datetime | None = None,
        unsure: bool = False,
    ):
        detail = detail or (f"HTTP {status}" if status else "")
        detail = "".join(c if c.isprintable() else " " for c in str(detail))[:DETAIL_MAX_CHARS]
        super().__init__(code, detail=detail, status=status)
        self.detail = detail
        self.status = status
        self.retry_at = retry_at
        self.unsure = unsure


@contextlib.contextmanager
def unexpected_answers(write: bool = False) -> Iterator[None]:
    """Turn an answer of an unexpected shape (a field missing, a list for an object) into
    the platform's `garbage`, so that it stops one step of one account, never the run."""
    try:
        yield
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as error:
        raise PlatformError("garbage", detail=type(error).__name__, unsure=write) from None
