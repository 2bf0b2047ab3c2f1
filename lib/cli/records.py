"""`python -m lib retention [--apply]` and `python -m lib verify`: the records' commands."""

from __future__ import annotations


def add_parsers(commands) -> list:
    """Add the commands to `python -m lib`'s subcommands; returns the parsers that take --db."""
    return []
