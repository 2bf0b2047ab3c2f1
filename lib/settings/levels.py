"""Service levels as the settings hold them: stored form and checks (lib.service_levels
reads them)."""

from __future__ import annotations

from lib.db import PLATFORMS
from lib.service_levels import CLOCKS, CODE, CONDITIONS, DEFAULT_LEVEL
from lib.settings.calendar import both_names
from lib.settings.errors import SettingsError, check_text
from lib.taxonomy import FLAGS, HANDLE_MAX_CHARS, LABEL_MAX_CHARS


def normalised(level: dict) -> dict:
    """A level as a page gives it, in its stored form."""

    def unique(values) -> list[str]:
        return list(dict.fromkeys(str(v).strip() for v in values or () if str(v).strip()))

    return {
        "code": str(level.get("code", "")).strip().lower(),
        "name": both_names(level.get("name")),
        "flags": unique(level.get("flags")),
        "platforms": unique(level.get("platforms")),
        "accounts": unique(level.get("accounts")),
        "target_hours": float(level.get("target_hours", 0)),
        "clock": level.get("clock", "business"),
        "alerting": bool(level.get("alerting", False)),
    }


def check_levels(settings) -> None:
    codes = [level["code"] for level in settings.service_levels]
    for level in settings.service_levels:
        code = level["code"]
        if not CODE.fullmatch(code) or code == DEFAULT_LEVEL or codes.count(code) > 1:
            raise SettingsError("level_code", level=code)
        if not all(level["name"].values()):
            raise SettingsError("level_needs_name", level=code)
        check_text(code, level["name"].values(), LABEL_MAX_CHARS)
        check_text(code, level["accounts"], HANDLE_MAX_CHARS)
        if not any(level[kind] for kind in CONDITIONS):
            raise SettingsError("level_needs_condition", level=code)
        unknown = sorted(set(level["flags"]) - set(FLAGS)) + sorted(
            set(level["platforms"]) - set(PLATFORMS)
        )
        if unknown:
            raise SettingsError("level_unknown_condition", level=code, values=", ".join(unknown))
        if not level["target_hours"] > 0:
            raise SettingsError("target_not_positive")
        if level["clock"] not in CLOCKS:
            raise SettingsError("level_clock", level=code)
