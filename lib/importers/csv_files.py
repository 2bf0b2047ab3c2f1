"""Vigie's CSV and Excel's: decoding, the delimiter, the header, and the records."""

from __future__ import annotations

import codecs
import csv
import io

from lib.importers.errors import BadImportFile
from lib.importers.table import CommentTable
from lib.times import LOCAL_TZ

CSV_REQUIRED = ("platform", "external_id", "received_at", "text")
# Vigie's CSV column -> ingest frame column.
CSV_OPTIONAL = {
    "account": "account",
    "author": "author_name",
    "author_handle": "author_handle",
    "post": "post_ref",
}


def read_csv(raw: bytes) -> CommentTable:
    """The comments of a CSV file, each with the line its record starts on (the header is 1).

    >>> raw = b"platform;external_id;received_at;text\\nfacebook;c1;2026-11-02 9:15;Bonjour!\\n"
    >>> table = read_csv(raw)
    >>> table.lines, table.columns["external_id"], table.columns["text"]
    ([2], ['c1'], ['Bonjour!'])
    """
    text = decode_csv(raw)
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header = _header(reader)
    table = CommentTable(sources={v: k for k, v in CSV_OPTIONAL.items()}, naive_tz=LOCAL_TZ)
    positions = {
        name: header.index(name) for name in (*CSV_REQUIRED, *CSV_OPTIONAL) if name in header
    }
    wanted = [(CSV_OPTIONAL.get(name, name), at) for name, at in positions.items()]
    width = len(header)
    rows, lines = _records(reader, width)
    cells = list(zip(*rows, strict=True)) if rows else [()] * width
    table.extend(lines, **{column: list(cells[at]) for column, at in wanted})
    return table


def _records(reader, width: int) -> tuple[list[list[str]], list[int]]:
    """The rows after the header, each `width` cells, and the line each one starts on."""
    rows, lines = [], []
    end = reader.line_num
    while True:
        start = end + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise BadImportFile("malformed_csv", start, detail=str(error)) from None
        end = reader.line_num
        if not any(cell.strip() for cell in row):
            continue  # Excel leaves rows of empty cells after formatted ranges
        if len(row) != width:
            raise BadImportFile("wrong_cell_count", start, count=len(row), width=width)
        rows.append(row)
        lines.append(start)
    return rows, lines


def decode_csv(raw: bytes) -> str:
    """UTF-16 with a BOM, else UTF-8 (with or without BOM), else Windows-1252: strict decodes.

    Text encodings are told apart with the standard library's strict codecs,
    not guessed. Excel writes one of a closed set: UTF-8 (with or without
    BOM), UTF-16 with a BOM ("Unicode text"), or Windows-1252 ("CSV" on a
    French Windows). UTF-8 is self-checking: French text in Windows-1252 is,
    in practice, never valid UTF-8 (an accent byte would have to be followed
    by one to three bytes of 0x80-0xBF), so a strict UTF-8 decode that
    succeeds is the answer, and Windows-1252 is the only other candidate. A
    statistical detector (charset-normalizer, chardet) chooses among dozens
    of code pages and, on a short file, may answer Windows-1250 or Mac Roman
    for French; it would be a guess where a proof is available. One case is
    refused rather than read: a file that is not valid UTF-8 but that the
    UTF-8 codec still finds multi-byte characters in (an edited UTF-8 file
    with one stray byte), since reading it as Windows-1252 would silently
    turn every "é" into "Ã©".

    >>> decode_csv("Zoé".encode("cp1252")), decode_csv(codecs.BOM_UTF8 + "Zoé".encode())
    ('Zoé', 'Zoé')
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start) + 1
            raise BadImportFile("invalid_utf16", line) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        line = raw.count(b"\n", 0, utf8_error.start) + 1
        # Multi-byte characters the UTF-8 codec accepts elsewhere in the file: it
        # is UTF-8 with a stray byte, which Windows-1252 would turn into "Ã©".
        if not raw.decode("utf-8", errors="replace").replace("\ufffd", "").isascii():
            raise BadImportFile("mixed_encoding", line) from None
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            raise BadImportFile("unknown_encoding", line) from None


def _sniff_delimiter(text: str) -> str:
    header = text.splitlines()[0] if text else ""
    try:
        return csv.Sniffer().sniff(header, delimiters=",;\t").delimiter
    except csv.Error:
        return ","  # one column at most: the header check names what is missing


def _header(reader) -> list[str]:
    try:
        header = [name.strip().lower() for name in next(reader)]
    except (StopIteration, csv.Error):
        header = []
    missing = [name for name in CSV_REQUIRED if name not in header]
    if missing:
        raise BadImportFile("missing_column", 1, missing[0], expected=", ".join(CSV_REQUIRED))
    repeated = sorted({name for name in header if name and header.count(name) > 1})
    if repeated:
        raise BadImportFile("repeated_column", 1, repeated[0])
    return header
