"""BadImportFile: why Vigie refuses a file, as a stable code, and where (line, field);
DatabaseBusy: why an import could not be written."""

from __future__ import annotations

import re
import sqlite3

from lib.db import problem
from lib.i18n import t

# Every reason a file can be refused. The words of each are the catalogue's
# "import.error.<code>" (lib/catalogue/io.py), in French and English.
ERROR_CODES = (
    # the file as a whole
    "empty_file",
    "excel_workbook",
    # CSV
    "invalid_utf16",
    "mixed_encoding",
    "unknown_encoding",
    "malformed_csv",
    "wrong_cell_count",
    "missing_column",
    "repeated_column",
    # JSON
    "json_not_utf8",
    "json_too_large",
    "invalid_json",
    "json_too_deep",
    "number_too_long",
    "unknown_json_format",
    "json_not_object",
    "list_expected",
    "bad_replies",
    "missing_field",
    "text_expected",
    "missing_object",
    # one value, in any format
    "unknown_platform",
    "missing_id",
    "scientific_id",
    "bad_instant",
    "date_without_time",
    "nonexistent_instant",
    "future_instant",
    "invalid_character",
    "value_too_long",
    "duplicate_id",
)


class BadImportFile(ValueError):
    """A file Vigie refuses: why (`code`, and the `values` its sentence needs) and where.

    `code` is one of ERROR_CODES; its words are in the catalogue, so str() (the
    French description) and `describe(language)` are built from there. `line`
    is the line an editor shows: for CSV, where the record starts (the header
    is line 1); for JSON, the line of the faulty field itself, or of the object
    that lacks it. `field` is the CSV column or the JSON path
    (e.g. "data[3].created_time").

    >>> refusal = BadImportFile("missing_field", 3, "data[1].created_time")
    >>> str(refusal)
    'Ligne 3, champ « data[1].created_time » : champ obligatoire absent.'
    >>> refusal.describe("en")
    "Line 3, field 'data[1].created_time': required field missing."
    >>> BadImportFile("empty_file", filename="notes.csv").describe("en")
    'the file notes.csv is empty.'
    """

    def __init__(self, code: str, line: int | None = None, field: str | None = None, **values):
        if code not in ERROR_CODES:
            raise ValueError(f"unknown import refusal code {code!r}: expected one of {ERROR_CODES}")
        self.code = code
        self.line = line
        self.field = printable(field)
        self.values = {k: printable(v) for k, v in values.items()}
        super().__init__(self.describe("fr"))

    def describe(self, language: str = "fr", quote=str) -> str:
        """The whole reason on one line, e.g. "Ligne 7, champ « received_at » : …".

        `quote` is applied to the values taken from the file (an id, a cell), for a
        screen that must show them as typed (`lib.ui.plain`).
        """
        reason = self.reason(language, quote)
        where = self.where(language)
        if where is None:
            return reason
        return t("import.where.reason", language, where=where, reason=reason)

    def reason(self, language: str = "fr", quote=str) -> str:
        """Why, without where: the catalogue's sentence for `code`, filled with `values`."""
        values = {k: quote(v) if isinstance(v, str) else v for k, v in self.values.items()}
        if "earlier_line" in values:  # duplicate_id: where the first version is
            earlier = values.pop("earlier_line")
            values["earlier"] = (
                t("import.where.above", language)
                if earlier is None
                else t("import.where.earlier_line", language, line=earlier)
            )
        # Formatted even without values, so that a value left out fails here, where it is
        # built, rather than showing "{filename}" to a person.
        return t(f"import.error.{self.code}", language).format(**values)

    def where(self, language: str = "fr") -> str | None:
        """Where, e.g. "Ligne 7, champ « received_at »"; the line or the field alone; or None."""
        if self.line is None and self.field is None:
            return None
        if self.field is None:
            key = "import.where.line"
        elif self.line is None:
            key = "import.where.field"
        else:
            key = "import.where.line_field"
        return t(key, language, line=self.line, field=self.field)

    def at_line(self, line: int | None) -> BadImportFile:
        """The same refusal, placed on another line."""
        return BadImportFile(self.code, line, self.field, **self.values)


class DatabaseBusy(sqlite3.OperationalError):
    """Another writer held the database for longer than the busy timeout: nothing was
    written, and the same import can be tried again in a moment. A kind of sqlite3's
    OperationalError ("database is locked"), so that callers that report any database
    error keep doing so."""


def busy(error: BaseException) -> bool:
    """Whether `error` is SQLite saying that another connection holds the lock."""
    return isinstance(error, sqlite3.OperationalError) and problem(error) == "busy"


SURROGATE = re.compile("[\ud800-\udfff]")


def printable(value):
    """A value from the file as a terminal, a page or a database can take it: a lone
    surrogate (which no UTF-8 output accepts) becomes U+FFFD."""
    return SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value
