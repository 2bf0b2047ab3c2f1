"""Service levels: which target a comment's clock runs to, chosen at arrival.

A lead lists levels in order, each with a condition on the comment (any of some flags,
any of some platforms, any of some accounts: every kind given must hold), a target in
hours and the clock it runs on: business hours, or around the clock for what cannot
wait. The first level that matches a comment when it arrives sets its target; the
default level, last, catches the rest with the settings' `target_hours` on business hours.

>>> from lib.settings import Settings
>>> urgent = {"code": "urgence", "name": {"fr": "Urgence", "en": "Emergency"},
...           "flags": ["urgent"], "target_hours": 1, "clock": "continuous"}
>>> settings = Settings(service_levels=(urgent,))
>>> frame = pd.DataFrame({"flags": ["question urgent", "question"], "platform": "facebook",
...                       "account": "Ville"})
>>> assign(frame, settings).tolist()
['urgence', 'default']
>>> [level.target_hours for level in levels(settings)]
[1.0, 8.0]

The level's code is stored with the comment (`comments.service_level`, with
`comments.around_the_clock` so that SQL reads its state); the target and the clock are
the level's as the settings of the instant read at define them, the calendar's way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

DEFAULT_LEVEL = "default"
CLOCKS = ("business", "continuous")
CONDITIONS = ("flags", "platforms", "accounts")
# A level's code: what exports and the database hold; lower-case letters, digits, _ and -.
CODE = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")
DEFAULT_NAMES = {"fr": "Par défaut", "en": "Default"}
# A ready level for what cannot wait: threats and people in distress (the `urgent` flag),
# one hour around the clock; Paramètres offers it in one click.
EMERGENCY_LEVEL = {
    "code": "urgence",
    "name": {"fr": "Urgence", "en": "Emergency"},
    "flags": ["urgent"],
    "target_hours": 1.0,
    "clock": "continuous",
    "alerting": True,
}


@dataclass(frozen=True)
class ServiceLevel:
    code: str
    names: tuple[str, str]  # (French, English)
    target_hours: float
    around_the_clock: bool = False
    flags: tuple[str, ...] = ()
    platforms: tuple[str, ...] = ()
    accounts: tuple[str, ...] = ()
    alerting: bool = False

    def name(self, lang: str) -> str:
        return self.names[0 if lang == "fr" else 1]

    def matches(self, frame: pd.DataFrame) -> np.ndarray:
        """Which rows of `frame` meet the condition (a column it lacks meets none)."""
        return meets(frame, self.flags, self.platforms, self.accounts)


def meets(frame: pd.DataFrame, flags=(), platforms=(), accounts=()) -> np.ndarray:
    """Which rows of `frame` meet a condition on flags, platforms and accounts: any of the
    values within a kind, every kind given (none given: every row). Service levels and the
    lead's triage rules (lib.triage_rules) read their conditions so.

    >>> frame = pd.DataFrame({"flags": ["question urgent", "link", None],
    ...                       "platform": "x", "account": [" Ville ", "Ville", None]})
    >>> meets(frame, flags=["urgent", "link"], accounts=["ville"]).tolist()
    [True, True, False]
    """
    hit = np.ones(len(frame), dtype=bool)
    if flags:
        hit &= has_any_flag(frame, flags)
    if platforms:
        hit &= column_text(frame, "platform").isin(platforms).to_numpy()
    if accounts:
        names = column_text(frame, "account").str.strip().str.casefold()
        hit &= names.isin([a.casefold() for a in accounts]).to_numpy()
    return hit


def has_any_flag(frame: pd.DataFrame, flags) -> np.ndarray:
    """Which rows carry any of `flags` in their `flags` column (codes separated by spaces);
    each distinct value is split once, so a million rows cost their few hundred values."""
    codes, values = pd.factorize(column_text(frame, "flags"))
    wanted = set(flags)
    carried = np.array([not wanted.isdisjoint(v.split()) for v in values], dtype=bool)
    return carried[codes] if len(values) else np.zeros(len(frame), dtype=bool)


def column_text(frame: pd.DataFrame, column: str) -> pd.Series:
    """A column as text, "" where it is missing (or the frame lacks it)."""
    values = frame[column] if column in frame else pd.Series(None, index=frame.index)
    return values.astype(object).where(values.notna(), "").astype(str)


def levels(settings) -> tuple[ServiceLevel, ...]:
    """The lead's levels in order, then the default level."""
    defined = tuple(_level(stored) for stored in settings.service_levels)
    default = ServiceLevel(
        DEFAULT_LEVEL, (DEFAULT_NAMES["fr"], DEFAULT_NAMES["en"]), float(settings.target_hours)
    )
    return (*defined, default)


def level_of(settings, code: str | None) -> ServiceLevel:
    """The level a stored code names; the default level for none or a code no longer defined."""
    for level in levels(settings):
        if level.code == code:
            return level
    return levels(settings)[-1]


def level_names(settings, lang: str) -> dict[str, str]:
    """Every level's name by code, in one language."""
    return {level.code: level.name(lang) for level in levels(settings)}


def assign(frame: pd.DataFrame, settings) -> pd.Series:
    """Each comment's level code: the first level whose condition it meets."""
    chosen = pd.Series(DEFAULT_LEVEL, index=frame.index, dtype=object)
    undecided = np.ones(len(frame), dtype=bool)
    for level in levels(settings)[:-1]:
        hit = undecided & level.matches(frame)
        chosen[hit] = level.code
        undecided &= ~hit
    return chosen


def _level(stored: dict) -> ServiceLevel:
    names = stored.get("name") or {}
    return ServiceLevel(
        code=stored["code"],
        names=(names.get("fr", stored["code"]), names.get("en", names.get("fr", stored["code"]))),
        target_hours=float(stored["target_hours"]),
        around_the_clock=stored.get("clock") == "continuous",
        flags=tuple(stored.get("flags") or ()),
        platforms=tuple(stored.get("platforms") or ()),
        accounts=tuple(stored.get("accounts") or ()),
        alerting=bool(stored.get("alerting", False)),
    )
