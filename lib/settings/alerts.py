"""Who an alert wakes, as the settings hold it: stored form and checks (lib.notify reads it)."""

from __future__ import annotations

from lib.settings.errors import SettingsError

ALERT_KEYS = ("alert_recipients", "alert_escalation_minutes")
# An unopened alert goes to the next person after this many minutes, at least and at most.
ESCALATION_MINUTES = (5, 24 * 60)


def normalised(key: str, value):
    """The page's or the command line's value in its stored form."""
    if key == "alert_recipients":
        return tuple(dict.fromkeys(str(v).strip() for v in value if str(v).strip()))
    number = float(value)
    return int(number) if number.is_integer() else number  # a fraction is refused by the check


def check_alerts(settings) -> None:
    low, high = ESCALATION_MINUTES
    minutes = settings.alert_escalation_minutes
    if not (isinstance(minutes, int) and low <= minutes <= high):
        raise SettingsError("escalation_minutes", low=low, high=high)
