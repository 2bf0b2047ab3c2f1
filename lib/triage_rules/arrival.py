"""The lead's triage rules acting on the comments an import just added, in order.

Every matching rule applies; for an assignment and each suggestion the first rule in
order that gives one decides (a later rule does not overwrite it); labels accumulate; a
hide ends the run for that comment, and no rule hides a comment flagged `urgent`. Each
effect is one `lib.moderation.act`, recorded as done by the rule under its name. An
effect the rules refuse now (an assignee who has left the team, a reason retired since)
is skipped: the import never fails for a rule.
"""

from __future__ import annotations

import pandas as pd
from sqlite_utils import Database

from lib.moderation import RULE_ACTOR, InvalidAction, act
from lib.queries import frame
from lib.taxonomy import split_codes
from lib.times import local_today, now_utc, utc
from lib.triage_rules.matching import folded, matches

URGENT = "urgent"
# What the rules read of an arriving comment; `excluded`: its author is excluded today.
ARRIVAL_SQL = (
    "SELECT c.id, c.version, c.received_at, c.text, c.flags, c.platform, c.account, "
    "c.language, EXISTS (SELECT 1 FROM excluded_authors e WHERE e.platform = c.platform "
    "AND e.author_handle = c.author_handle AND (e.until IS NULL OR e.until >= :today)) "
    "AS excluded FROM comments c WHERE c.id > :after ORDER BY c.id"
)


def apply_rules(db: Database, rules, after_id: int, now=None) -> int:
    """Apply the active `rules` (stored form, in order) to the comments whose id is above
    `after_id`; how many actions they recorded. Call it inside the import's transaction.

    >>> from lib.db import open_db
    >>> db = open_db(":memory:")
    >>> _ = db["comments"].insert({"id": 1, "platform": "x", "external_id": "1",
    ...     "text": "Promo GRATUITE", "received_at": "2026-03-02 14:00:00"})
    >>> rule = {"code": "promo", "name": "Promo", "words": ["gratuite"], "label": "Promo",
    ...         "priority": True}
    >>> apply_rules(db, [rule], after_id=0, now="2026-03-02 15:00")
    2
    >>> [(a["actor"], a["kind"], a["rule"], a["note"]) for a in db["actions"].rows]
    [('rule:promo', 'prioritize', 'Promo', None), ('rule:promo', 'label', 'Promo', 'Promo')]
    >>> db.close()
    """
    active = [rule for rule in rules if rule.get("active", True)]
    if not active:
        return 0
    now = now_utc() if now is None else now
    today = local_today(now).isoformat()
    arrived = frame(db, ARRIVAL_SQL, {"after": int(after_id), "today": today}, ())
    if arrived.empty:
        return 0
    arrived["folded"] = folded(arrived["text"]) if any(r.get("words") for r in active) else ""
    hits = [matches(arrived, rule) for rule in active]
    recorded = 0
    for position in _matched_positions(hits):
        comment = arrived.iloc[position]
        rules = [rule for rule, hit in zip(active, hits, strict=True) if hit[position]]
        recorded += _apply(db, comment, rules, now)
    return recorded


def _matched_positions(hits) -> list[int]:
    any_hit = hits[0].copy()
    for hit in hits[1:]:
        any_hit |= hit
    return any_hit.nonzero()[0].tolist()


def _apply(db: Database, comment: pd.Series, rules: list[dict], now) -> int:
    """One comment's effects, rule after rule; how many actions were recorded."""
    # A comment dated after the present (a platform's clock ahead) is acted on as it arrives.
    at = max(utc(now), utc(comment["received_at"]))
    version, recorded = int(comment["version"]), 0
    # What cannot wait is for a person to read: no rule hides a threat or a cry for help.
    decided = {"hide"} if URGENT in split_codes(comment["flags"]) else set()
    labels: set[str] = set()
    for rule in rules:
        for kind, arguments in _effects(rule, decided, labels):
            try:
                version = act(
                    db, comment["id"], kind, RULE_ACTOR, version, at=at, rule=rule, **arguments
                )
            except InvalidAction:
                continue
            recorded += 1
            if kind == "hide":
                return recorded
    return recorded


def _effects(rule: dict, decided: set[str], labels: set[str]):
    """The `act` calls one rule asks for, given what earlier rules decided (updated)."""
    if rule.get("assign") and "assign" not in decided:
        decided.add("assign")
        yield "assign", {"assignee": rule["assign"]}
    if rule.get("priority") and "priority" not in decided:
        decided.add("priority")
        yield "prioritize", {}
    if rule.get("label") and rule["label"] not in labels:
        labels.add(rule["label"])
        yield "label", {"note": rule["label"]}
    suggestion = {}
    if rule.get("suggest_reason") and "reason" not in decided:
        decided.add("reason")
        suggestion["reasons"] = [rule["suggest_reason"]]
    if rule.get("suggest_redirect") and "redirect" not in decided:
        decided.add("redirect")
        suggestion["template"] = rule["suggest_redirect"]
    if suggestion:
        yield "suggest", suggestion
    if rule.get("hide_reason") and rule.get("hide_confirmed") and "hide" not in decided:
        yield "hide", {"reasons": [rule["hide_reason"]]}
