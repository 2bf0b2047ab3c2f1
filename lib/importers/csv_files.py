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
            raise BadImportFile(
                f"CSV mal formé ({error}).", f"malformed CSV ({error}).", start
            ) from None
        end = reader.line_num
        if not any(cell.strip() for cell in row):
            continue  # Excel leaves rows of empty cells after formatted ranges
        if len(row) != width:
            raise BadImportFile(
                f"{len(row)} cellules au lieu de {width} : un texte contenant le séparateur "
                "ou un saut de ligne doit être entre guillemets.",
                f"{len(row)} cells instead of {width}: text containing the separator "
                "or a line break must be quoted.",
                start,
            )
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
            raise BadImportFile(
                "le fichier annonce l'UTF-16 mais contient un caractère invalide ;"
                " enregistrez-le en « CSV UTF-8 ».",
                "the file announces UTF-16 but holds an invalid character; save it as 'CSV UTF-8'.",
                raw.count(b"\n", 0, error.start) + 1,
            ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        line = raw.count(b"\n", 0, utf8_error.start) + 1
        # Multi-byte characters the UTF-8 codec accepts elsewhere in the file: it
        # is UTF-8 with a stray byte, which Windows-1252 would turn into "Ã©".
        if not raw.decode("utf-8", errors="replace").replace("\ufffd", "").isascii():
            raise BadImportFile(
                "encodage mélangé : le fichier est en UTF-8 mais contient un caractère "
                "invalide ; enregistrez-le de nouveau en « CSV UTF-8 ».",
                "mixed encoding: the file is UTF-8 but holds an invalid character; "
                "save it again as 'CSV UTF-8'.",
                line,
            ) from None
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            raise BadImportFile(
                "encodage non reconnu : enregistrez le fichier en « CSV UTF-8 ».",
                "unrecognised encoding: save the file as 'CSV UTF-8'.",
                line,
            ) from None


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
        expected = ", ".join(CSV_REQUIRED)
        raise BadImportFile(
            f"colonne obligatoire absente de l'en-tête (attendu au moins : {expected}).",
            f"required column missing from the header (expected at least: {expected}).",
            1,
            missing[0],
        )
    repeated = sorted({name for name in header if name and header.count(name) > 1})
    if repeated:
        raise BadImportFile(
            "colonne présente deux fois dans l'en-tête.",
            "column appears twice in the header.",
            1,
            repeated[0],
        )
    return header
