"""Vigie's CSV and Excel's: decoding, the delimiter, the header, and the records."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator

from lib.importers.errors import BadImportFile
from lib.importers.table import BATCH_ROWS, MAX_VALUE_CHARS, CommentTable
from lib.times import LOCAL_TZ

CSV_REQUIRED = ("platform", "external_id", "received_at", "text")
# Vigie's CSV column -> ingest frame column.
CSV_OPTIONAL = {
    "account": "account",
    "author": "author_name",
    "author_handle": "author_handle",
    "post": "post_ref",
    "post_title": "post_title",
    "post_url": "post_url",
    "permalink": "permalink",
}
# Other names for the post's columns, as a French or English team may head them; spaces
# and hyphens count as underscores ("Lien de la publication").
CSV_ALIASES = {
    "post_text": "post_title",
    "titre_publication": "post_title",
    "titre_de_la_publication": "post_title",
    "texte_publication": "post_title",
    "texte_de_la_publication": "post_title",
    "post_link": "post_url",
    "url_publication": "post_url",
    "lien_publication": "post_url",
    "lien_de_la_publication": "post_url",
    "comment_url": "permalink",
    "lien": "permalink",
    "lien_commentaire": "permalink",
    "lien_du_commentaire": "permalink",
}


# The header's first characters are enough to tell the delimiter; csv.Sniffer is
# quadratic in what it reads (21 s for a hostile 64 KB line, 0.1 s for 4 KB).
SNIFF_CHARS = 4096
# Bytes decoded at a time when proving the encoding: the file is never held as text whole.
DECODE_STEP = 1 << 20


def read_csv(raw: bytes) -> CommentTable:
    """The comments of a CSV file, each with the line its record starts on (the header is 1).

    Read as a stream of records, a batch at a time (`CommentTable`), so that a large
    file is never held as Python text or lists whole; the reading stops at the first
    batch that holds a refused row.

    >>> raw = b"platform;external_id;received_at;text\\nfacebook;c1;2026-11-02 9:15;Bonjour!\\n"
    >>> reading = read_csv(raw).reading("csv")
    >>> reading.frame.index.tolist(), reading.frame["text"].tolist()
    ([2], ['Bonjour!'])
    """
    stream = io.TextIOWrapper(io.BytesIO(raw), encoding=csv_encoding(raw), newline="")
    delimiter = _sniff_delimiter(stream.readline(SNIFF_CHARS))
    stream.seek(0)
    reader = csv.reader(stream, delimiter=delimiter, strict=True)
    written = _header(reader)
    header = [_column(name) for name in written]
    positions = {
        name: header.index(name) for name in (*CSV_REQUIRED, *CSV_OPTIONAL) if name in header
    }
    wanted = [(CSV_OPTIONAL.get(name, name), at) for name, at in positions.items()]
    # A refusal names the column as the file heads it.
    table = CommentTable(sources={column: written[at] for column, at in wanted}, naive_tz=LOCAL_TZ)
    for rows, lines in _records(reader, len(header)):
        cells = list(zip(*rows, strict=True))
        table.extend(lines, **{column: list(cells[at]) for column, at in wanted})
        if table.refused:
            break  # a later line cannot be the file's first problem
    return table


def _records(reader, width: int) -> Iterator[tuple[list[list[str]], list[int]]]:
    """The rows after the header, each `width` cells, and the line each one starts on,
    in batches of `BATCH_ROWS`."""
    rows, lines = [], []
    end = reader.line_num
    while True:
        start = end + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            if "field larger than field limit" in str(error):
                raise BadImportFile("value_too_long", start, limit=MAX_VALUE_CHARS) from None
            raise BadImportFile("malformed_csv", start, detail=str(error)) from None
        end = reader.line_num
        if not any(cell.strip() for cell in row):
            continue  # Excel leaves rows of empty cells after formatted ranges
        if len(row) != width:
            raise BadImportFile("wrong_cell_count", start, count=len(row), width=width)
        rows.append(row)
        lines.append(start)
        if len(rows) == BATCH_ROWS:
            yield rows, lines
            rows, lines = [], []
    if rows:
        yield rows, lines


def csv_encoding(raw: bytes) -> str:
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
    turn every "é" into "Ã©". The decodes run a step at a time and keep no text.

    >>> csv_encoding("Zoé".encode("cp1252")), csv_encoding(codecs.BOM_UTF8 + "Zoé".encode())
    ('cp1252', 'utf-8-sig')
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        at = _undecodable(raw, "utf-16")
        if at is not None:
            line = raw[: at - at % 2].decode("utf-16", errors="replace").count("\n") + 1
            raise BadImportFile("invalid_utf16", line)
        return "utf-16"
    if raw.isascii():
        return "utf-8-sig"
    at = _undecodable(raw, "utf-8")
    if at is None:
        return "utf-8-sig"
    line = raw.count(b"\n", 0, at) + 1
    # Multi-byte characters the UTF-8 codec accepts elsewhere in the file: it
    # is UTF-8 with a stray byte, which Windows-1252 would turn into "Ã©".
    if _has_utf8_characters(raw):
        raise BadImportFile("mixed_encoding", line)
    if _undecodable(raw, "cp1252") is not None:
        raise BadImportFile("unknown_encoding", line)
    return "cp1252"


def _undecodable(raw: bytes, encoding: str) -> int | None:
    """The offset of the first byte `encoding` cannot decode, or None: decoded a step
    at a time, keeping nothing."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    view = memoryview(raw)
    for start in range(0, len(raw) + 1, DECODE_STEP):
        step = view[start : start + DECODE_STEP]
        try:
            decoder.decode(step, final=start + DECODE_STEP > len(raw))
        except UnicodeDecodeError as error:
            # The error counts from the bytes the decoder kept from the step before.
            return start + len(step) - len(error.object) + error.start
    return None


def _has_utf8_characters(raw: bytes) -> bool:
    """Whether the UTF-8 codec finds at least one valid multi-byte character."""
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    view = memoryview(raw)
    for start in range(0, len(raw) + 1, DECODE_STEP):
        text = decoder.decode(
            view[start : start + DECODE_STEP], final=start + DECODE_STEP > len(raw)
        )
        if not text.replace("\ufffd", "").isascii():
            return True
    return False


def _sniff_delimiter(first_line: str) -> str:
    header = first_line.splitlines()[0] if first_line else ""
    try:
        return csv.Sniffer().sniff(header, delimiters=",;\t").delimiter
    except csv.Error:
        return ","  # one column at most: the header check names what is missing


def _header(reader) -> list[str]:
    """The header's names as written (trimmed, lower case); refused when a required column is
    missing or a column is named twice (an alias and its column count as the same)."""
    try:
        header = [name.strip().lower() for name in next(reader)]
    except (StopIteration, csv.Error):
        header = []
    missing = [name for name in CSV_REQUIRED if name not in header]
    if missing:
        raise BadImportFile("missing_column", 1, missing[0], expected=", ".join(CSV_REQUIRED))
    columns = [_column(name) for name in header]
    repeated = sorted(
        {written for written, c in zip(header, columns, strict=True) if c and columns.count(c) > 1}
    )
    if repeated:
        raise BadImportFile("repeated_column", 1, repeated[0])
    return header


def _column(name: str) -> str:
    """The column a header name stands for: itself, or what it is an alias of (`CSV_ALIASES`).

    >>> _column("lien de la publication"), _column("titre-publication"), _column("post")
    ('post_url', 'post_title', 'post')
    """
    return CSV_ALIASES.get(re.sub(r"[\s-]+", "_", name), name)
