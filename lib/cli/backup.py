"""`python -m lib backup --to FILE`: a consistent, verified copy while others write."""

from __future__ import annotations


def add_parser(commands) -> list:
    """Add the command to `python -m lib`'s subcommands; returns the parsers that take --db."""
    return []
