"""A lead's triage rules as the settings hold them: stored form and checks
(lib.triage_rules applies them).

A rule is a condition on an arriving comment and what to do with it:

>>> rule = normalised({"name": "Pourriel avec lien", "words": "gratuit\\n  Cliquez ICI ",
...                    "link": True, "hide_reason": "pourriel", "hide_confirmed": True})
>>> rule["code"], rule["words"], rule["link"], rule["hide_reason"]
('pourriel-avec-lien', ['gratuit', 'Cliquez ICI'], True, 'pourriel')
>>> [kind for kind in CONDITIONS if rule[kind]], [kind for kind in EFFECTS if rule[kind]]
(['words', 'link'], ['hide_reason'])

Conditions of different kinds must all hold; within a kind, any value will do (as
service levels read theirs). Words are plain words and phrases, never patterns.
"""

from __future__ import annotations

import re

from lib.db import PLATFORMS
from lib.detect import fold
from lib.service_levels import CODE
from lib.settings.errors import SettingsError, check_text
from lib.taxonomy import FLAGS, HANDLE_MAX_CHARS, LABEL_MAX_CHARS, REASONS, REDIRECTS

# What a rule looks at, and what it does; a rule needs at least one of each.
LIST_CONDITIONS = ("words", "flags", "platforms", "accounts", "languages")
CONDITIONS = (*LIST_CONDITIONS, "link", "excluded_author")
EFFECTS = ("assign", "priority", "label", "suggest_reason", "suggest_redirect", "hide_reason")
# Hiding on arrival, with nobody looking, is only for what no reader could miss: spam and
# commercial content, and only once the lead has ticked that they mean it.
AUTO_HIDE_REASONS = ("pourriel", "commercial")
# Bounds: a rule is read at every import, and its words make one pattern.
MAX_RULES = 100
MAX_WORDS = 50
WORD_MAX_CHARS = 100
# A comment's language as the detectors write it ("fr", "en", "und", ISO codes).
LANGUAGE = re.compile(r"[a-z]{2,3}")


def normalised(rule: dict) -> dict:
    """A rule as a page gives it, in its stored form."""
    name = " ".join(str(rule.get("name") or "").split())
    words = rule.get("words") or []
    if isinstance(words, str):
        words = words.splitlines()
    hide_reason = str(rule.get("hide_reason") or "").strip()
    return {
        "code": str(rule.get("code") or "").strip().lower() or code_from(name),
        "name": name,
        "active": bool(rule.get("active", True)),
        "words": _unique(" ".join(str(w).split()) for w in words),
        "flags": _unique(rule.get("flags")),
        "platforms": _unique(rule.get("platforms")),
        "accounts": _unique(rule.get("accounts")),
        "languages": _unique(str(v).lower() for v in rule.get("languages") or ()),
        "link": bool(rule.get("link", False)),
        "excluded_author": bool(rule.get("excluded_author", False)),
        "assign": str(rule.get("assign") or "").strip(),
        "priority": bool(rule.get("priority", False)),
        "label": " ".join(str(rule.get("label") or "").split()),
        "suggest_reason": str(rule.get("suggest_reason") or "").strip(),
        "suggest_redirect": str(rule.get("suggest_redirect") or "").strip(),
        "hide_reason": hide_reason,
        "hide_confirmed": bool(hide_reason and rule.get("hide_confirmed", False)),
    }


def _unique(values) -> list[str]:
    return list(dict.fromkeys(s for s in (str(v).strip() for v in values or ()) if s))


def code_from(name: str) -> str:
    """A code made from a rule's name: folded, letters and digits joined by hyphens.

    >>> code_from("Programme d'aide financière (PAF)"), code_from("«»")
    ('programme-d-aide-financiere-paf', 'regle')
    """
    code = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:40].strip("-")
    return code or "regle"


def new_code(name: str, taken) -> str:
    """A code for a new rule named `name`, unlike any of `taken`.

    >>> new_code("Pourriel", ["pourriel", "pourriel-2"])
    'pourriel-3'
    """
    base, number = code_from(name)[:36], 2
    code = base
    while code in set(taken):
        code, number = f"{base}-{number}", number + 1
    return code


def check_rules(settings) -> None:
    """Raise SettingsError for a rule that cannot be applied."""
    rules = settings.triage_rules
    if len(rules) > MAX_RULES:
        raise SettingsError("rules_too_many", limit=MAX_RULES)
    codes = [rule["code"] for rule in rules]
    for rule in rules:
        if not CODE.fullmatch(rule["code"]) or codes.count(rule["code"]) > 1:
            raise SettingsError("rule_code", rule=rule["code"])
        _check_rule(rule, settings.retired_reasons)


def _check_rule(rule: dict, retired) -> None:
    name = rule["name"]
    if not name:
        raise SettingsError("rule_needs_name", rule=rule["code"])
    check_text(name, [name, rule["label"]], LABEL_MAX_CHARS)
    if len(rule["words"]) > MAX_WORDS:
        raise SettingsError("rule_too_many_words", rule=name, limit=MAX_WORDS)
    check_text(name, rule["words"], WORD_MAX_CHARS)
    check_text(name, [*rule["accounts"], rule["assign"]], HANDLE_MAX_CHARS)
    if not any(rule[kind] for kind in CONDITIONS):
        raise SettingsError("rule_needs_condition", rule=name)
    if not any(rule[kind] for kind in EFFECTS):
        raise SettingsError("rule_needs_effect", rule=name)
    unknown = [
        *sorted(set(rule["flags"]) - set(FLAGS)),
        *sorted(set(rule["platforms"]) - set(PLATFORMS)),
        *sorted(v for v in rule["languages"] if not LANGUAGE.fullmatch(v)),
        *[v for v in (rule["suggest_reason"],) if v and v not in REASONS],
        *[v for v in (rule["suggest_redirect"],) if v and v not in REDIRECTS],
    ]
    if unknown:
        raise SettingsError("rule_unknown_value", rule=name, values=", ".join(unknown))
    if rule["hide_reason"] and rule["hide_reason"] not in AUTO_HIDE_REASONS:
        raise SettingsError("rule_hide_reason", rule=name)
    if rule["hide_reason"] and not rule["hide_confirmed"]:
        raise SettingsError("rule_hide_unconfirmed", rule=name)
    used = {rule["suggest_reason"], rule["hide_reason"]} & set(retired)
    if used:
        raise SettingsError("rule_retired_reason", rule=name, reasons=", ".join(sorted(used)))
