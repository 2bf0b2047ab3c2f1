"""The one way a comment changes, and the rules it keeps.

- `acting`: `act()` and `act_many()`, the history they leave, the proposal a lead judges;
- `rules`: the refusals (`InvalidAction` and its codes), who may do what in which state,
  the status each action leaves;
- `platform_changes`: what a platform did to a comment on its own, as the sync notices it;
- `drafts`: what the organisation is about to publish, checked before it is.
"""

from lib.moderation.acting import (
    RULE_ACTOR,
    Outcome,
    StaleVersion,
    act,
    act_many,
    current_proposal,
    history,
    published_text,
)
from lib.moderation.drafts import DraftContext, Finding, check_draft, draft_context
from lib.moderation.platform_changes import PLATFORM_KINDS, record_platform_change
from lib.moderation.rules import (
    INVALID_ACTION_CODES,
    STATUS_AFTER,
    InvalidAction,
    available_kinds,
    check_state,
    status_after,
)

__all__ = [
    "act",
    "act_many",
    "available_kinds",
    "check_draft",
    "check_state",
    "current_proposal",
    "draft_context",
    "history",
    "published_text",
    "record_platform_change",
    "PLATFORM_KINDS",
    "RULE_ACTOR",
    "status_after",
    "DraftContext",
    "Finding",
    "InvalidAction",
    "Outcome",
    "StaleVersion",
    "INVALID_ACTION_CODES",
    "STATUS_AFTER",
]
