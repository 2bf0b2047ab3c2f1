"""Policy presets: each real policy of docs/policies/ as Vigie settings, and Vigie's own.

A preset sets what its policy says, and only that: office hours and the response
target, the netiquette reasons it lists (the others retired), whether a reply to a
negative comment waits for a lead's approval and whether a lead may approve their own,
how an English comment is answered, the redirection templates with the contacts it
gives, the organisation's name and its netiquette. Closures, the at-risk threshold, the
compliance goal, the reasons' own words and the sites replies may link to stay as the
lead set them (the draft checks already allow the sites the templates quote).
Each module quotes the sentences behind each setting (`lib.presets.rules.Rule`).

>>> values = preset_settings("cest")
>>> values["policy"], values["organisation"], values["negative_needs_approval"]
('cest', "Commission de l'éthique en science et en technologie", True)
>>> preset_settings("mess")["retired_reasons"][:2], preset_settings("mess")["english_replies"]
(('menace', 'pourriel'), 'french_only')
>>> preset_settings("osm")
Traceback (most recent call last):
...
lib.presets.UnknownPreset: Préréglage inconnu : « osm ». ...
"""

from __future__ import annotations

from lib.i18n import Worded
from lib.presets import cest, cisss, csj, css, general, mess
from lib.presets.rules import Preset, Rule

__all__ = [
    "PRESETS",
    "PRESET_NAMES",
    "Preset",
    "Rule",
    "UnknownPreset",
    "preset",
    "preset_settings",
]

PRESETS: dict[str, Preset] = {
    module.PRESET.name: module.PRESET for module in (mess, csj, cisss, css, cest, general)
}
PRESET_NAMES = tuple(PRESETS)  # mess, csj, cisss, css, cest, general


class UnknownPreset(Worded, ValueError):
    """A name that is none of PRESET_NAMES (code `unknown_preset`)."""

    KEY = "presets.error"


def preset(name: str) -> Preset:
    """The preset called `name`, with its rules and their quotes."""
    if name not in PRESETS:
        raise UnknownPreset("unknown_preset", name=name, known=", ".join(PRESET_NAMES))
    return PRESETS[name]


def preset_settings(name: str) -> dict:
    """The settings preset `name` decides (Settings field -> value), a fresh copy each call:
    `save_settings(db, lead, **preset_settings(name))` applies it, recording each change."""
    return preset(name).settings()
