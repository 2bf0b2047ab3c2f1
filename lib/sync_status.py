"""What the pages say of the connected accounts and of what their platforms were asked: an
account's state, an operation's outcome, what a decision will do there, what needs a lead.

Words only: the sync process (`lib.connectors`) writes `accounts` and `outbox`, and
`lib.outbox` says what a decision asks; this module reads and words them. Text from
outside (a platform's own message, an account's name) goes through `quote`, so that a
page that reads Markdown shows it as typed (`lib.ui.session.plain`).

>>> operation_line({"operation": "hide", "platform": "youtube", "state": "pending",
...                 "attempts": 0, "problem": None}, "fr", "2026-12-01 15:00")
"Masquage en attente d'envoi à YouTube"
>>> ahead("youtube", "delete", "new")
(('delete',), ('youtube_cannot_delete',))
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from lib.catalogue import STRINGS
from lib.i18n import format_clock, format_date, format_datetime, format_number, t
from lib.moderation import STATUS_AFTER, status_after
from lib.platforms import limitation, operations, platform_name
from lib.times import local

# What a lead does about an account's problem (`sync.problem.<code>`): give it a token,
# wait (Vigie resumes by itself), or look at the account and its token's permissions.
TODO = {
    "token_expired": "token",
    "not_configured": "token",
    "rate_limited": "wait",
    "quota_exhausted": "wait",
    "unavailable": "wait",
    "timeout": "wait",
    "garbage": "wait",
}
# The prefixes a stored problem code may carry; the catalogue keys add them back.
_PREFIXES = ("sync.problem.", "platforms.limit.")


def troubled_accounts(db: Database) -> list[dict]:
    """Registered accounts whose token must be renewed or whose last sync went wrong."""
    return list(
        db.query(
            "SELECT * FROM accounts WHERE token_state = 'expired' OR problem IS NOT NULL "
            "ORDER BY platform, coalesce(name, key)"
        )
    )


def ahead(
    platform: str, kind: str, status_before: str, template: str | None = None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What an action of `kind` will ask of a connected account's platform (its operations)
    and what the platform cannot do of it (`platforms.limit.<code>` codes), before acting.

    `template` is a redirection's (or an approved one's): `prive` also hides the comment.
    """
    changes_status = kind in STATUS_AFTER or kind == "approve"
    after = status_after(kind, template) if changes_status else status_before
    wanted = operations(kind, status_before, after)
    limits = (limitation(platform, operation) for operation in wanted)
    return wanted, tuple(dict.fromkeys(code for code in limits if code))


def bare(code: str | None) -> str | None:
    """A stored problem code without its catalogue prefix, if it was written with one.

    >>> bare("platforms.limit.x_cannot_reply"), bare("timeout"), bare(None)
    ('x_cannot_reply', 'timeout', None)
    """
    for prefix in _PREFIXES:
        if code and code.startswith(prefix):
            return code.removeprefix(prefix)
    return code


def problem_words(
    code: str | None, language: str, detail=None, attempts=None, quote: Callable = str
) -> str:
    """The catalogue's words for a sync problem; `detail` is the platform's own message.

    A platform that answered an error without words has its HTTP status as its message.

    >>> problem_words("refused", "en", "(#10) Not allowed")
    'The platform refused: (#10) Not allowed'
    >>> problem_words("gave_up", "fr", attempts=8)
    'Toujours en échec après 8 essais : un·e responsable doit regarder.'
    """
    code = bare(code)
    key = f"sync.problem.{code}"
    if key not in STRINGS:
        return quote(str(code or "—"))
    said = quote(str(detail)) if detail else "—"
    count = format_number(attempts or 0, language)
    return t(key, language, detail=said, attempts=count)


def limit_words(code: str | None, language: str) -> str:
    """The catalogue's words for what a platform cannot do (`platforms.limit.<code>`)."""
    key = f"platforms.limit.{bare(code)}"
    return t(key, language) if key in STRINGS else str(code)


def moment(at, now, language: str) -> str:
    """'à 10 h 42' on the day of `now` in Québec, else 'le 1er décembre 2026 à 10 h 42'.

    >>> moment("2026-12-01 15:42", "2026-12-01 20:00", "fr")
    'à 10 h 42'
    >>> moment("2026-11-30 15:42", "2026-12-01 20:00", "en")
    'on November 30, 2026 at 10:42 a.m.'
    """
    when = local(at)
    clock = format_clock(when, language)
    if when.date() == local(now).date():
        return t("queue.platform.at", language, clock=clock)
    day = format_date(when, language, weekday=False)
    return t("queue.platform.on", language, date=day, clock=clock)


def operation_line(op: dict, language: str, now, quote: Callable = str) -> str:
    """One outbox row in words: applied when, waiting, failing and retried when, to do by
    hand (what the platform cannot do), to look at (and why), or cancelled."""
    operation = t(f"platforms.operation.{op['operation']}", language)
    values = {
        "operation": operation[:1].upper() + operation[1:],
        "platform": platform_name(op["platform"]),
    }
    state = op["state"]
    problem = problem_words(
        op.get("problem"), language, op.get("problem_detail"), op.get("attempts"), quote
    )
    if state == "applied":
        when = moment(op["applied_at"], now, language) if op.get("applied_at") else ""
        return t(f"queue.platform.applied.{op['operation']}", language, **values, when=when)
    if state == "pending" and op.get("problem") and op.get("next_attempt_at"):
        when = moment(op["next_attempt_at"], now, language)
        return t("queue.platform.retrying", language, **values, when=when, problem=problem)
    if state == "unsupported":
        limit = limit_words(op.get("problem"), language)
        return t("queue.platform.by_hand", language, **values, limit=limit)
    if state == "attention":
        return t("queue.platform.attention", language, **values, problem=problem)
    if state == "cancelled":
        return t("queue.platform.cancelled", language, **values)
    return t("queue.platform.pending", language, **values)


def account_state(account: dict, language: str, quote: Callable = str) -> str:
    """An account's state in words: active, or paused, token to renew, its last problem and
    when (Québec local time), joined.

    >>> account_state({"paused": 1, "token_state": "expired", "problem": "token_expired"}, "fr")
    'En pause · Jeton à renouveler'
    >>> account_state({"paused": 0, "token_state": "ok", "problem": None}, "en")
    'Active'
    """
    parts = []
    if account.get("paused"):
        parts.append(t("accounts_ui.state.paused", language))
    expired = account.get("token_state") == "expired"
    if expired:
        parts.append(t("accounts_ui.state.token_expired", language))
    problem = bare(account.get("problem"))
    if problem and not (expired and problem == "token_expired"):
        when = format_datetime(account.get("problem_at"), language)
        words = problem_words(problem, language, quote=quote)
        parts.append(t("accounts_ui.state.problem", language, when=when, problem=words))
    return " · ".join(parts) or t("accounts_ui.state.active", language)


def account_todo(account: dict, language: str) -> str:
    """What a lead does about a troubled account, in words."""
    problem = "token_expired" if account.get("token_state") == "expired" else account["problem"]
    todo = TODO.get(bare(problem), "look")
    return t(
        f"today.attention.todo.{todo}",
        language,
        account=account["key"],
        platform=platform_name(account["platform"]),
    )
