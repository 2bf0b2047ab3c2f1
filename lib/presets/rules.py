"""A preset's parts: the settings a policy decides, each with the policy's own sentences.

A preset is a list of rules. A rule sets one or a few settings and quotes, word for
word, the sentences of the policy that decide them (docs/policies/ holds the texts;
tests/test_presets.py finds each quote there and checks the setting against it). A
policy silent on a setting still gets a rule: no quote, Vigie's default, and `why`.

>>> hours = Rule(VIGIE_HOURS, why="The policy states no hours.")
>>> Preset("demo", "demo.txt", (hours,)).settings()["close_time"]
'16:30'
>>> unlisted({"Les pourriels;": ("pourriel",)})[:3]
('injurieux', 'haineux', 'discriminatoire')
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from lib.business_time import (
    OFFICE_CLOSES,
    OFFICE_DAYS,
    OFFICE_OPENS,
    ONE_BUSINESS_DAY_HOURS,
)
from lib.taxonomy import REASONS


@dataclass(frozen=True)
class Rule:
    """Settings (`values`, Settings field -> value) and the policy's sentences behind them.

    `quotes` are verbatim (line breaks and runs of spaces aside) from docs/policies/,
    from the preset's own file unless `source` names another (the general preset
    blends several); `why` says how the quotes were read, or what Vigie chose where
    the policy is silent.
    """

    values: dict
    quotes: tuple[str, ...] = ()
    why: str = ""
    source: str | None = None


@dataclass(frozen=True)
class Preset:
    """A policy as settings: its name, its file under docs/policies/, its rules."""

    name: str
    source: str | None
    rules: tuple[Rule, ...]

    def settings(self) -> dict:
        """Every setting the rules decide, and `policy`: ready for `save_settings(**…)`."""
        values = {"policy": self.name}
        for rule in self.rules:
            values.update(copy.deepcopy(rule.values))
        return values

    def rules_for(self, setting: str) -> tuple[Rule, ...]:
        """The rules that set `setting` (the general preset quotes two lists of reasons)."""
        return tuple(rule for rule in self.rules if setting in rule.values)

    def source_of(self, rule: Rule) -> str | None:
        return rule.source or self.source


def unlisted(*listings: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The reason codes that no item of the netiquette's listings names: those to retire.

    A listing maps each item of a policy's list, as quoted, to the codes it names.
    """
    named = {code for listing in listings for codes in listing.values() for code in codes}
    unknown = named - set(REASONS)
    if unknown:
        raise ValueError(f"not reason codes: {sorted(unknown)}")
    return tuple(code for code in REASONS if code not in named)


# Vigie's defaults where a policy is silent (DESIGN.md): the hours the ministry's and the
# CISSS's policies state, and the ministry's one business day, which is 8 hours of them.
VIGIE_HOURS = {
    "open_time": OFFICE_OPENS.strftime("%H:%M"),
    "close_time": OFFICE_CLOSES.strftime("%H:%M"),
    "weekdays": OFFICE_DAYS,
}
VIGIE_TARGET = {"target_hours": ONE_BUSINESS_DAY_HOURS}

# The reply to a complaint where a policy names no complaints office: the default
# template's "commissaire aux plaintes et à la qualité des services" is the health
# network's, and a body without one must not send people looking for it.
COMPLAINT_WITHOUT_OFFICE = {
    "fr": (
        "Nous sommes désolés de votre expérience. Nous ne traitons pas les plaintes sur les "
        "médias sociaux : pour en formuler une, veuillez utiliser les coordonnées publiées "
        "sur notre site Web. Elle sera traitée en toute confidentialité."
    ),
    "en": (
        "We are sorry about your experience. We do not handle complaints on social media: "
        "to file one, please use the contact details on our website. It will be handled "
        "confidentially."
    ),
}

# How an English comment is answered where a policy does not say (DESIGN.md): in French,
# then in English, the form the CSJ's policy describes.
ENGLISH_UNSTATED = Rule(
    {"english_replies": "bilingual"},
    why="The policy says nothing of the language of replies: Vigie's default, an English "
    "comment gets the French reply, then the English one.",
)

# Whether a lead may approve their own reply matters only once replies wait for approval:
# where a policy asks for none, Vigie's default, for a lead who adds the step later.
SELF_APPROVAL_UNASKED = Rule(
    {"lead_self_approval": True},
    why="The policy asks for no approval, so this only counts if the lead adds the step: "
    "Vigie's default, a lead may publish their own reply, and the history marks it "
    "self-approved.",
)
