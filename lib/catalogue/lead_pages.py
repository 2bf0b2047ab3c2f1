"""Conformité, Motifs, Rapports and Importer: empty ranges, numbers and their explanations."""

STRINGS: dict[str, dict[str, str]] = {}
