"""Registres › Demandes d'accès: everything Vigie holds about one author, as a ZIP."""

from __future__ import annotations


def access_tab(db, me: dict) -> None:
    """Search an author across platforms and handles, and export what Vigie holds."""
