"""How long closed comments keep their text and author, as the settings hold it: the
default, the longer or shorter time the retention schedule sets for some moderation
reasons, and whether the sync worker applies it each day (lib.records.retention reads it)."""

from __future__ import annotations

from lib.settings.errors import SettingsError
from lib.taxonomy import REASONS

RETENTION_KEYS = ("retention_months", "retention_by_reason", "retention_daily")
# Months after a comment was closed, at least and at most (a century: "keep").
MONTHS = (1, 1200)
DEFAULT_MONTHS = 24


def normalised(key: str, value):
    """The page's or the command line's value in its stored form."""
    if key == "retention_daily":
        return bool(value)
    if key == "retention_by_reason":
        given = dict(value or {})
        return {str(code): _number(months) for code, months in given.items() if months != ""}
    return _number(value)


def _number(value):
    number = float(value)
    return int(number) if number.is_integer() else number  # a fraction is refused by the check


def check_retention(settings) -> None:
    low, high = MONTHS
    months = [settings.retention_months, *settings.retention_by_reason.values()]
    if not all(isinstance(m, int) and not isinstance(m, bool) and low <= m <= high for m in months):
        raise SettingsError("retention_months", low=low, high=high)
    unknown = sorted(set(settings.retention_by_reason) - set(REASONS))
    if unknown:
        raise SettingsError("retention_reason", codes=", ".join(unknown))
