"""A lead's triage rules, applied to every arriving comment in order."""
