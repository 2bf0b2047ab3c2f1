"""Why a setting is refused: `SettingsError`, and the checks of words a lead types."""

from __future__ import annotations

from lib.i18n import Worded


class SettingsError(Worded, ValueError):
    """A setting value the rules refuse: a `code` whose words are `settings.error.<code>`."""

    KEY = "settings.error"


def check_text(which: str, texts, longest: int, multiline: bool = False) -> None:
    """Words a lead types: within their length, and no control character (a NUL, an escape)
    that a page, a platform or a CSV export would choke on; a template keeps its lines."""
    for text in texts:
        if len(text) > longest:
            raise SettingsError("too_long", which=which, limit=longest)
        if controls(text, "\n\t" if multiline else ""):
            raise SettingsError("control_character", which=which)


def controls(text: str, allowed: str = "") -> bool:
    """Whether `text` holds a C0 or C1 control character other than those `allowed`."""
    return any((ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0) and c not in allowed for c in text)
