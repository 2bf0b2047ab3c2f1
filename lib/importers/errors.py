"""BadImportFile: why Vigie refuses a file, and where (line, field)."""

from __future__ import annotations


class BadImportFile(ValueError):
    """A file Vigie refuses, with where (line, field) and why, in French and English.

    `line` is the line an editor shows: for CSV, where the record starts (the
    header is line 1); for JSON, the line of the faulty field itself, or of
    the object that lacks it. `field` is the CSV column or the JSON path
    (e.g. "data[3].created_time").
    """

    def __init__(self, message: str, message_en: str, line: int | None = None, field=None):
        self.message = message
        self.message_en = message_en
        self.line = line
        self.field = field
        super().__init__(self.describe("fr"))

    def describe(self, language: str = "fr") -> str:
        """The whole reason on one line, e.g. "Ligne 7, champ « received_at » : …"."""
        english = language == "en"
        where = []
        if self.line is not None:
            where.append(f"Line {self.line}" if english else f"Ligne {self.line}")
        if self.field is not None:
            where.append(f"field '{self.field}'" if english else f"champ « {self.field} »")
        message = self.message_en if english else self.message
        if not where:
            return message
        return ", ".join(where) + (": " if english else " : ") + message
