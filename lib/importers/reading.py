"""Reading a file, in any format, into the ingest frame, checked, before anything is stored.

>>> raw = b"platform;external_id;received_at;text\\nfacebook;c1;2026-11-02 9:15;Bonjour!\\n"
>>> frame = parse(raw, "commentaires.csv")
>>> frame[["platform", "external_id", "text"]].to_dict("records")
[{'platform': 'facebook', 'external_id': 'c1', 'text': 'Bonjour!'}]
>>> str(frame["received_at"].iloc[0])   # Québec local time without an offset
'2026-11-02 14:15:00+00:00'
>>> frame.index.tolist()                 # the line each comment starts on
[2]
"""

from __future__ import annotations

import codecs
import contextlib

import pandas as pd

from lib.importers.csv_files import read_csv
from lib.importers.errors import BadImportFile
from lib.importers.json_positions import field_line
from lib.importers.platforms import JSON_READERS, json_format, load_json, looks_like_json
from lib.importers.table import FileReading

FORMATS = ("csv", "facebook", "instagram", "youtube", "x")
# JSON is read whole, to name the line of a refused value: about 11 times the file's
# size in memory at the peak (a CSV, read as a stream, about 5). A platform's API
# returns pages of at most 100 comments, well under a megabyte; past this size,
# the same comments fit in a CSV (README, "Benchmarks").
JSON_MAX_BYTES = 20_000_000


def parse(raw_bytes: bytes, filename: str, fmt: str = "auto") -> pd.DataFrame:
    """The file's comments as the ingest frame, indexed by the line each one starts on."""
    return read_comments(raw_bytes, filename, fmt).frame


def detect_format(raw_bytes: bytes, filename: str = "") -> str:
    """One of `FORMATS`, recognised from the content (the name only helps the messages)."""
    _refuse_non_text(raw_bytes, filename)
    if not looks_like_json(raw_bytes):
        return "csv"
    _refuse_large_json(raw_bytes)
    with _nesting_refused():
        return json_format(load_json(raw_bytes)[0])


def read_comments(raw_bytes: bytes, filename: str, fmt: str = "auto") -> FileReading:
    """The file's comments, checked, and the format they were read as."""
    if fmt != "auto" and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: expected auto or one of {FORMATS}")
    _refuse_non_text(raw_bytes, filename)
    if fmt == "csv" or (fmt == "auto" and not looks_like_json(raw_bytes)):
        return read_csv(raw_bytes).reading("csv")
    _refuse_large_json(raw_bytes)
    with _nesting_refused():
        document, text = load_json(raw_bytes)
        if fmt == "auto":
            fmt = json_format(document)
        try:
            table = JSON_READERS[fmt](document, text)
            del document  # the table holds the comments, packed: the last checks need less
            return table.reading(fmt)
        except BadImportFile as error:
            # Readers know the item a problem is in; the text knows the field's own line.
            line = field_line(text, error.field) if error.field else None
            if line is None or line == error.line:
                raise
            raise error.at_line(line) from None


@contextlib.contextmanager
def _nesting_refused():
    """A document nested nearly as deep as json.loads allows can still be too deep for the
    positions' own decoding, a few calls further down: refused alike."""
    try:
        yield
    except RecursionError:
        raise BadImportFile("json_too_deep") from None


def _refuse_large_json(raw: bytes) -> None:
    if len(raw) > JSON_MAX_BYTES:
        raise BadImportFile("json_too_large", megabytes=JSON_MAX_BYTES // 1_000_000)


def _refuse_non_text(raw: bytes, filename: str) -> None:
    if not raw.strip(b" \t\r\n" + codecs.BOM_UTF8):
        raise BadImportFile("empty_file", filename=filename)
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise BadImportFile("excel_workbook")
