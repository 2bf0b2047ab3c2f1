"""A lead's triage rules, applied to every arriving comment in order.

- `matching`: which comments a rule's conditions hold for (words on folded text, flags,
  platforms, accounts, languages, a link, an excluded author), one function for all;
- `arrival`: the active rules acting on the comments an import just added, through `act`;
- `dry_run`: a rule tried on the last 30 days before it is saved.

The stored form of a rule and its checks are `lib.settings.triage_rules`.
"""

from lib.triage_rules.arrival import apply_rules
from lib.triage_rules.dry_run import DRY_RUN_DAYS, DryRun, dry_run
from lib.triage_rules.matching import folded, matches, words_pattern

__all__ = [
    "apply_rules",
    "dry_run",
    "folded",
    "matches",
    "words_pattern",
    "DryRun",
    "DRY_RUN_DAYS",
]
