"""What every command of `python -m lib` shares: its refusals, reading --now, opening an
existing database, and a lead's password proven at the terminal or by VIGIE_PASSWORD."""

from __future__ import annotations

import contextlib
import getpass
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator

import pandas as pd

from lib.auth import BadCredentials, PermissionDenied, require_credentials
from lib.db import db_path, open_db, read_only, table_names
from lib.i18n import Worded, both, t
from lib.times import typed_instant

TIMES_HELP = (
    "Times (--now) are ISO 8601, e.g. 2026-11-20T15:00 or '2026-11-20 15:00'; without an "
    "offset they are Québec local time (America/Toronto), with one (Z, -05:00) they are that "
    "instant. Dates (--from, --to) are local dates."
)

EXIT_BAD_INPUT = 2
# Where a scheduled job (no terminal) gives a lead's password for --unmask or `password`.
PASSWORD_VARIABLE = "VIGIE_PASSWORD"


class CommandError(Worded, Exception):
    """A bad input, reported in one line: words in the catalogue as `cli.error.<code>`."""

    KEY = "cli.error"

    def __init__(self, code: str, refusal: Worded | None = None, **values):
        self.refusal = refusal  # the core's own refusal (a bad file, a role), if any
        super().__init__(code, **values)

    @classmethod
    def of(cls, refusal: Worded, code: str = "refused") -> CommandError:
        """Another refusal of the core, in the command line's words."""
        return cls(code, refusal)

    def describe(self, language: str = "fr") -> str:
        reason = {"reason": self.refusal.describe(language)} if self.refusal else {}
        return t(f"{self.KEY}.{self.code}", language, **self.values, **reason)


def instant(text: str | None) -> pd.Timestamp | None:
    """--now as an instant (TIMES_HELP), the same reading for every command."""
    if text is None:
        return None
    try:
        return typed_instant(text)
    except ValueError as error:
        raise CommandError("unreadable_now", text=repr(text)) from error


@contextlib.contextmanager
def existing_db(args) -> Iterator:
    """The Vigie database named by --db (or VIGIE_DB), closed after: never a new empty file."""
    path = args.db or db_path()
    if not path.is_file():
        raise CommandError("database_not_found", path=path)
    # Read-only first: a file that is not Vigie's is left exactly as it was.
    try:
        with read_only(path) as probe:
            tables = table_names(probe)
    except sqlite3.DatabaseError as error:
        raise CommandError("not_sqlite", path=path, error=error) from None
    if "comments" not in tables:
        raise CommandError("not_vigie", path=path)
    with open_db(path) as db:
        yield db


def lead_password(actor: str | None, flag: str) -> str:
    """The lead's password: VIGIE_PASSWORD for a scheduled job, else asked on the terminal."""
    if not actor:
        raise CommandError("needs_lead", flag=flag)
    return given_password(
        flag, actor, lambda: getpass.getpass(both("cli.prompt.lead_password", actor=actor) + ": ")
    )


def given_password(flag: str, actor: str, ask: Callable[[], str]) -> str:
    """VIGIE_PASSWORD for a scheduled job, else `ask()` on the terminal, else a refusal."""
    if os.environ.get(PASSWORD_VARIABLE):
        return os.environ[PASSWORD_VARIABLE]
    if not stdin_is_a_terminal():
        raise CommandError("password_needed", flag=flag, actor=actor, variable=PASSWORD_VARIABLE)
    return ask()


def stdin_is_a_terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, OSError, ValueError):
        return False


def as_lead(db, actor: str | None, flag: str, permission: str) -> None:
    password = lead_password(actor, flag)
    try:
        require_credentials(db, actor, password, permission)
    except (BadCredentials, PermissionDenied) as error:
        raise CommandError.of(error) from None
