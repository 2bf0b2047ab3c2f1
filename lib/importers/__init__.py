"""Importing comment files: Vigie's CSV (Excel's too) and the platforms' JSON, all or nothing.

Callers import from here; each module's first line says which part it holds.
"""

from lib.importers.csv_files import CSV_OPTIONAL, CSV_REQUIRED
from lib.importers.errors import ERROR_CODES, BadImportFile, DatabaseBusy
from lib.importers.instants import parse_instants
from lib.importers.reading import FORMATS, JSON_MAX_BYTES, detect_format, parse, read_comments
from lib.importers.storing import (
    IMPORT_CHUNK_ROWS,
    PHASES,
    ImportSummary,
    import_file,
    known_ids,
)
from lib.importers.table import (
    FRAME_COLUMNS,
    FUTURE_TOLERANCE,
    MAX_VALUE_CHARS,
    PLATFORM_ALIASES,
    FileReading,
)

__all__ = [
    "CSV_OPTIONAL",
    "CSV_REQUIRED",
    "ERROR_CODES",
    "FORMATS",
    "FRAME_COLUMNS",
    "FUTURE_TOLERANCE",
    "IMPORT_CHUNK_ROWS",
    "JSON_MAX_BYTES",
    "MAX_VALUE_CHARS",
    "PHASES",
    "PLATFORM_ALIASES",
    "BadImportFile",
    "DatabaseBusy",
    "FileReading",
    "ImportSummary",
    "detect_format",
    "import_file",
    "known_ids",
    "parse",
    "parse_instants",
    "read_comments",
]
