"""Reading comment files into the ingest frame: Vigie's CSV (Excel's too) and platforms' JSON.

>>> raw = b"platform;external_id;received_at;text\\nfacebook;c1;2026-11-02 9:15;Bonjour!\\n"
>>> frame = parse(raw, "commentaires.csv")
>>> frame[["platform", "external_id", "text"]].to_dict("records")
[{'platform': 'facebook', 'external_id': 'c1', 'text': 'Bonjour!'}]
>>> str(frame["received_at"].iloc[0])   # Québec local time without an offset
'2026-11-02 14:15:00+00:00'
>>> frame.index.tolist()                 # the line each comment starts on
[2]

Text encodings are told apart with the standard library's strict codecs, not
guessed. Excel writes one of a closed set: UTF-8 (with or without BOM),
UTF-16 with a BOM ("Unicode text"), or Windows-1252 ("CSV" on a French
Windows). UTF-8 is self-checking: French text in Windows-1252 is, in
practice, never valid UTF-8 (an accent byte would have to be followed by one
to three bytes of 0x80-0xBF), so a strict UTF-8 decode that succeeds is the
answer, and Windows-1252 is the only other candidate. A statistical detector
(charset-normalizer, chardet) chooses among dozens of code pages and, on a
short file, may answer Windows-1250 or Mac Roman for French; it would be a
guess where a proof is available. One case is refused rather than read: a
file that is not valid UTF-8 but that the UTF-8 codec still finds multi-byte
characters in (an edited UTF-8 file with one stray byte), since reading it as
Windows-1252 would silently turn every "é" into "Ã©".
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlite_utils import Database

from lib.db import PLATFORMS, immediate
from lib.ingest import INGEST_COLUMNS

LOCAL_TZ = "America/Toronto"
FORMATS = ("csv", "facebook", "instagram", "youtube", "x")
FRAME_COLUMNS = INGEST_COLUMNS
CSV_REQUIRED = ("platform", "external_id", "received_at", "text")
# Vigie's CSV column -> ingest frame column.
CSV_OPTIONAL = {
    "account": "account",
    "author": "author_name",
    "author_handle": "author_handle",
    "post": "post_ref",
}
PLATFORM_ALIASES = {"twitter": "x"}
# Comments analysed and stored between two progress reports: detection, the
# slow part, runs chunk by chunk so that a progress bar moves from the start.
IMPORT_CHUNK_ROWS = 2_000
# What `import_file` tells its `phase` callback, in order.
PHASES = ("reading", "analysing", "writing")

# An instant as ISO 8601 with a time of day (Excel drops the hour's leading
# zero: 9:05); the offset is optional.
_INSTANT = re.compile(
    r"(?P<base>\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)"
    r"\s*(?P<offset>Z|z|[+-]\d{2}(?::?\d{2})?)?"
)
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
# What Excel makes of a long numeric id it took for a number: 1,23457E+17.
_EXCEL_SCIENTIFIC = re.compile(r"\d+(?:[.,]\d+)?[eE]\+\d+")


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


@dataclass(frozen=True)
class FileReading:
    """A file read and checked, before anything is stored.

    `repeated_rows` are exact copies of an earlier row of the file (Excel
    users paste twice): they are left out of `frame` and count as already
    present. `ambiguous_times` are local times without an offset in the hour
    that happens twice when clocks fall back (1:00-1:59 on the first Sunday
    of November), read as the first of the two, in daylight time.
    """

    frame: pd.DataFrame
    format: str
    repeated_rows: int = 0
    ambiguous_times: int = 0


@dataclass(frozen=True)
class ImportSummary:
    """What an import did. A refused file raises instead: nothing is ever half-imported."""

    added: int
    already_present: int
    format: str = "csv"
    ambiguous_times: int = 0


def import_file(
    db: Database,
    raw_bytes: bytes,
    filename: str,
    fmt: str = "auto",
    progress: Callable[[int, int], None] | None = None,
    phase: Callable[[str], None] | None = None,
) -> ImportSummary:
    """Import a file in one transaction: every comment or none.

    Comments already in the database (same platform and external id), and
    exact copies of a row earlier in the file, are counted in
    `already_present`, so re-importing a file adds nothing. A bad file raises
    `BadImportFile` before the database is touched.

    `phase(name)` says what the import is doing: "reading" (the file is read
    and checked), "analysing" (new comments are analysed: language, flags,
    due time; and stored), "writing" (the transaction is committed).
    `progress(done, total)` counts the new comments: once with 0, then after
    each chunk of about `IMPORT_CHUNK_ROWS`, so that a bar moves from the start.
    """
    from lib.ingest import insert_comments
    from lib.settings import load_settings

    progress = progress or _no_progress
    phase = phase or _no_phase
    phase("reading")
    reading = read_comments(raw_bytes, filename, fmt)
    frame = reading.frame
    with immediate(db):
        settings = load_settings(db)
        # Known comments skip detection, the costly part: a re-import is quick.
        new = frame.loc[~_already_present(db, frame)].reset_index(drop=True)
        total = len(new)
        before = _comment_count(db)
        phase("analysing")
        progress(0, total)
        for start in range(0, total, IMPORT_CHUNK_ROWS):
            insert_comments(db, new.iloc[start : start + IMPORT_CHUNK_ROWS], settings=settings)
            progress(min(start + IMPORT_CHUNK_ROWS, total), total)
        # Counted from the table, under the write lock: nobody else can insert
        # meanwhile, and connection change counters also count the rows that
        # the full-text triggers write.
        added = _comment_count(db) - before
        phase("writing")
    return ImportSummary(
        added=added,
        already_present=len(frame) + reading.repeated_rows - added,
        format=reading.format,
        ambiguous_times=reading.ambiguous_times,
    )


def _no_progress(done: int, total: int) -> None:
    pass


def _no_phase(name: str) -> None:
    pass


def _already_present(db: Database, frame: pd.DataFrame) -> np.ndarray:
    """Which rows' (platform, external_id) the database holds, by its unique index."""
    known = set()
    sql = "SELECT platform, external_id FROM comments WHERE platform = ? AND external_id IN ({})"
    for platform, ids in frame.groupby("platform")["external_id"]:
        ids = ids.tolist()
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            rows = db.execute(sql.format(", ".join("?" * len(part))), [platform, *part])
            known.update(rows.fetchall())
    pairs = zip(frame["platform"].tolist(), frame["external_id"].tolist(), strict=True)
    return np.array([pair in known for pair in pairs], dtype=bool)


def _comment_count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM comments").fetchone()[0]


def parse(raw_bytes: bytes, filename: str, fmt: str = "auto") -> pd.DataFrame:
    """The file's comments as the ingest frame, indexed by the line each one starts on."""
    return read_comments(raw_bytes, filename, fmt).frame


def detect_format(raw_bytes: bytes, filename: str = "") -> str:
    """One of `FORMATS`, recognised from the content (the name only helps the messages)."""
    _refuse_non_text(raw_bytes, filename)
    if not _looks_like_json(raw_bytes):
        return "csv"
    return _json_format(_load_json(raw_bytes)[0])


def read_comments(raw_bytes: bytes, filename: str, fmt: str = "auto") -> FileReading:
    """The file's comments, checked, and the format they were read as."""
    if fmt != "auto" and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: expected auto or one of {FORMATS}")
    _refuse_non_text(raw_bytes, filename)
    if fmt == "csv" or (fmt == "auto" and not _looks_like_json(raw_bytes)):
        return _read_csv(raw_bytes).reading("csv")
    document, text = _load_json(raw_bytes)
    if fmt == "auto":
        fmt = _json_format(document)
    try:
        return _JSON_READERS[fmt](document, text).reading(fmt)
    except BadImportFile as error:
        # Readers know the item a problem is in; the text knows the field's own line.
        line = _json_field_line(text, error.field) if error.field else None
        if line is None or line == error.line:
            raise
        raise BadImportFile(error.message, error.message_en, line, error.field) from None


# --- what every format shares ---------------------------------------------


class _Table:
    """Columns gathered from a file, with each row's line and source names for messages.

    `naive_tz` is what a time without an offset means: Québec time in CSV,
    UTC in the platforms' JSON.
    """

    def __init__(self, sources: dict[str, str], naive_tz: str = "UTC"):
        self.columns: dict[str, list] = {name: [] for name in FRAME_COLUMNS}
        self.lines: list[int | None] = []
        self.paths: list[str | None] = []
        self.sources = sources  # frame column -> CSV column or JSON key
        self.naive_tz = naive_tz

    def add(self, line: int | None, path: str | None = None, **values) -> None:
        for name in FRAME_COLUMNS:
            self.columns[name].append(values.get(name))
        self.lines.append(line)
        self.paths.append(path)

    def extend(self, lines: list[int], **columns: list) -> None:
        """Whole columns at once (CSV), faster than a call per row."""
        for name in FRAME_COLUMNS:
            self.columns[name].extend(columns.get(name) or [None] * len(lines))
        self.lines.extend(lines)
        self.paths.extend([None] * len(lines))

    def field(self, position: int, column: str) -> str:
        path, source = self.paths[position], self.sources.get(column, column)
        return f"{path}.{source}" if path else source

    def reading(self, fmt: str) -> FileReading:
        """The checked frame, indexed by line; raises the file's earliest problem."""
        damaged = self._lone_surrogates()
        # Arrow-backed text makes the checks below vectorised in C.
        frame = pd.DataFrame(self.columns, columns=list(FRAME_COLUMNS), dtype="str")
        frame["platform"] = frame["platform"].str.strip().str.lower().replace(PLATFORM_ALIASES)
        frame["external_id"] = frame["external_id"].str.strip()
        frame["text"] = frame["text"].fillna("")
        received, problems, ambiguous = parse_instants(frame["received_at"], self.naive_tz)
        frame["received_at"] = received
        repeated, conflict = self._duplicates(frame)
        errors = [
            self._first(~frame["platform"].isin(PLATFORMS), "platform", _unknown_platform),
            self._first(frame["external_id"].fillna("") == "", "external_id", _missing_id),
            self._first(
                frame["external_id"].fillna("").str.fullmatch(_EXCEL_SCIENTIFIC),
                "external_id",
                _scientific_id,
            ),
            self._first(problems == "format", "received_at", _bad_instant),
            self._first(problems == "date_only", "received_at", _date_without_time),
            self._first(problems == "nonexistent", "received_at", _nonexistent_instant),
            conflict,
        ]
        if damaged is not None:
            errors.append(self._first(damaged[1], damaged[0], _invalid_character))
        errors = [e for e in errors if e is not None]
        if errors:
            raise min(errors, key=lambda e: e[0])[1]
        frame.index = pd.Index(self.lines, name="line")
        return FileReading(
            frame=frame.loc[~repeated],
            format=fmt,
            repeated_rows=int(repeated.sum()),
            ambiguous_times=int(ambiguous[~repeated].sum()),
        )

    def _lone_surrogates(self) -> tuple[str, pd.Series] | None:
        """The first column holding lone surrogates, and where: JSON "\\ud800" escapes
        decode to them, and no database (nor Arrow) can store them."""
        for column in FRAME_COLUMNS:
            values = [value or "" for value in self.columns[column]]
            try:
                "".join(values).encode("utf-8")
            except UnicodeEncodeError:
                bad = [re.search("[\ud800-\udfff]", value) is not None for value in values]
                return column, pd.Series(bad)
        return None

    def _first(self, bad: pd.Series, column: str, message) -> tuple[int, BadImportFile] | None:
        positions = np.flatnonzero(bad.fillna(False).to_numpy(dtype=bool))
        if not len(positions):
            return None
        at = int(positions[0])
        fr, en = message(self.columns[column][at])
        return at, BadImportFile(fr, en, self.lines[at], self.field(at, column))

    def _duplicates(self, frame: pd.DataFrame) -> tuple[np.ndarray, tuple | None]:
        """Exact copies of an earlier row (to skip), and the first id repeated with other content.

        Rows are compared once read: "9:05" and "09:05" are the same instant.
        """
        key = ["platform", "external_id"]
        repeated_id = frame.duplicated(key, keep="first").to_numpy()
        if not repeated_id.any():
            return repeated_id, None
        copy = frame.duplicated(list(FRAME_COLUMNS), keep="first").to_numpy()
        conflicts = np.flatnonzero(repeated_id & ~copy)
        if not len(conflicts):
            return copy, None
        at = int(conflicts[0])
        platform, external_id = frame.iloc[at][key].tolist()
        same = (frame["platform"] == platform) & (frame["external_id"] == external_id)
        first = int(np.flatnonzero(same.fillna(False).to_numpy(dtype=bool))[0])
        differs = next(
            (
                column
                for column in FRAME_COLUMNS
                if not _same_value(frame[column].iloc[first], frame[column].iloc[at])
            ),
            "external_id",
        )
        source = self.sources.get(differs, differs)
        where_fr = f"ligne {self.lines[first]}" if self.lines[first] is not None else "plus haut"
        where_en = f"line {self.lines[first]}" if self.lines[first] is not None else "above"
        return copy, (
            at,
            BadImportFile(
                f"identifiant « {external_id} » en double dans le fichier (déjà à la {where_fr})"
                f" avec un autre contenu (« {source} » diffère) : gardez une seule version.",
                f"duplicate id '{external_id}' in the file (already on {where_en}) with other"
                f" content ('{source}' differs): keep one version.",
                self.lines[at],
                self.field(at, "external_id"),
            ),
        )


def _same_value(a, b) -> bool:
    return (pd.isna(a) and pd.isna(b)) or (not pd.isna(a) and not pd.isna(b) and a == b)


def _invalid_character(value) -> tuple[str, str]:
    return (
        "caractère invalide (demi-paire de substitution UTF-16).",
        "invalid character (lone UTF-16 surrogate).",
    )


def _unknown_platform(value) -> tuple[str, str]:
    known = ", ".join(PLATFORMS)
    return (
        f"plateforme « {value or ''} » inconnue (attendu : {known}).",
        f"unknown platform '{value or ''}' (expected: {known}).",
    )


def _missing_id(value) -> tuple[str, str]:
    return "l'identifiant du commentaire est vide.", "the comment id is empty."


def _scientific_id(value) -> tuple[str, str]:
    return (
        f"identifiant « {value} » abîmé par Excel (notation scientifique) : "
        "mettez la colonne au format Texte avant d'enregistrer.",
        f"id '{value}' was turned into scientific notation by Excel: "
        "format the column as Text before saving.",
    )


def _bad_instant(value) -> tuple[str, str]:
    return (
        f"date et heure « {value or ''} » illisibles (attendu : AAAA-MM-JJ HH:MM, "
        "heure du Québec, ou ISO 8601 avec décalage, ex. 2026-11-02T14:03:00Z).",
        f"unreadable date and time '{value or ''}' (expected: YYYY-MM-DD HH:MM, "
        "Québec time, or ISO 8601 with an offset, e.g. 2026-11-02T14:03:00Z).",
    )


def _date_without_time(value) -> tuple[str, str]:
    return (
        f"« {value} » est une date sans heure : l'heure de réception est nécessaire "
        "(AAAA-MM-JJ HH:MM, heure du Québec). Dans Excel, donnez à la colonne le format "
        "personnalisé aaaa-mm-jj hh:mm avant d'enregistrer.",
        f"'{value}' is a date without a time: the time received is needed "
        "(YYYY-MM-DD HH:MM, Québec time). In Excel, give the column the custom format "
        "yyyy-mm-dd hh:mm before saving.",
    )


def _nonexistent_instant(value) -> tuple[str, str]:
    return (
        f"l'heure « {value} » n'existe pas au Québec (passage à l'heure avancée) : "
        "corrigez-la ou ajoutez le décalage UTC.",
        f"the time '{value}' does not exist in Québec (clocks spring forward): "
        "correct it or add the UTC offset.",
    )


def parse_instants(
    values: pd.Series, naive_tz: str = LOCAL_TZ
) -> tuple[pd.Series, pd.Series, pd.Series]:
    """ISO 8601 text to aware UTC instants, why unreadable ones failed, which were ambiguous.

    Accepted: "2026-11-02 09:05", "2026-11-02 9:05" (Excel drops the leading
    zero), seconds and fractions, "T" instead of the space, and an offset
    ("Z", "-05:00", "-0500"). A value without an offset is a wall-clock time
    in `naive_tz`. When clocks fall back, a time that occurs twice (1:30 on
    the first Sunday of November) is read as the earlier one, in daylight
    time: a comment cannot have been received later than the person's clock
    said the first time round; the third Series marks these. A time skipped
    when clocks spring forward (2:30 on the second Sunday of March) is refused
    ("nonexistent"); guessing would move it by an hour.

    The second Series holds None, "format", "date_only" or "nonexistent" for each value.
    """
    text = values.astype(object).where(values.notna(), "").astype(str).str.strip()
    parts = text.str.extract(f"^{_INSTANT.pattern}$")
    # Social media began after 1970; outside that, a year is a typo (and may overflow).
    year = pd.to_numeric(parts["base"].str[:4], errors="coerce")
    shaped = parts["base"].notna() & year.between(1970, 2099)
    base = parts["base"].fillna("").str.replace(",", ".", regex=False)
    base = base.str.replace(r"^(\d{4}-\d{2}-\d{2})[T ](\d):", r"\1 0\2:", regex=True)
    offset = parts["offset"].fillna("")
    with_offset = shaped & (offset != "")
    received = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns, UTC]")
    if with_offset.any():
        normal = offset[with_offset].str.upper().map(_normal_offset)
        received[with_offset] = pd.to_datetime(
            base[with_offset] + normal, format="ISO8601", utc=True, errors="coerce"
        )
    naive = shaped & ~with_offset
    nonexistent = pd.Series(False, index=values.index)
    ambiguous = pd.Series(False, index=values.index)
    if naive.any():
        wall = pd.to_datetime(base[naive], format="ISO8601", errors="coerce")
        # True marks daylight time, i.e. the earlier of the two 1:xx hours.
        local = wall.dt.tz_localize(
            naive_tz, ambiguous=np.ones(len(wall), dtype=bool), nonexistent="NaT"
        )
        later = wall.dt.tz_localize(
            naive_tz, ambiguous=np.zeros(len(wall), dtype=bool), nonexistent="NaT"
        )
        received[naive] = local.dt.tz_convert("UTC")
        nonexistent[naive] = wall.notna() & local.isna()
        ambiguous[naive] = (local != later).fillna(False) & local.notna()
    problems = pd.Series(None, index=values.index, dtype=object)
    problems[received.isna()] = "format"
    problems[received.isna() & text.str.fullmatch(_DATE_ONLY.pattern)] = "date_only"
    problems[nonexistent] = "nonexistent"
    return received, problems, ambiguous


def _normal_offset(offset: str) -> str:
    if offset == "Z":
        return "+00:00"
    digits = offset[1:].replace(":", "")
    return f"{offset[0]}{digits[:2]}:{digits[2:] or '00'}"


def _refuse_non_text(raw: bytes, filename: str) -> None:
    if not raw.strip(b" \t\r\n" + codecs.BOM_UTF8):
        raise BadImportFile(f"le fichier {filename} est vide.", f"the file {filename} is empty.")
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise BadImportFile(
            "c'est un classeur Excel : enregistrez-le en « CSV UTF-8 » puis importez ce fichier.",
            "this is an Excel workbook: save it as 'CSV UTF-8' and import that file.",
        )


# --- CSV --------------------------------------------------------------------


def _read_csv(raw: bytes) -> _Table:
    text = _decode_csv(raw)
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header = _header(reader)
    table = _Table(sources={v: k for k, v in CSV_OPTIONAL.items()}, naive_tz=LOCAL_TZ)
    positions = {
        name: header.index(name) for name in (*CSV_REQUIRED, *CSV_OPTIONAL) if name in header
    }
    wanted = [(CSV_OPTIONAL.get(name, name), at) for name, at in positions.items()]
    width = len(header)
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
    cells = list(zip(*rows, strict=True)) if rows else [()] * width
    table.extend(lines, **{column: list(cells[at]) for column, at in wanted})
    return table


def _decode_csv(raw: bytes) -> str:
    """UTF-16 with a BOM, else UTF-8 (with or without BOM), else Windows-1252: strict decodes.

    Why the standard codecs and not a detector: see the module docstring.
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


# --- JSON from the platforms' APIs --------------------------------------------


def _looks_like_json(raw: bytes) -> bool:
    return raw.lstrip(codecs.BOM_UTF8 + b" \t\r\n")[:1] in (b"{", b"[")


def _load_json(raw: bytes) -> tuple[object, str]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadImportFile(
            "le JSON doit être en UTF-8.",
            "JSON must be UTF-8.",
            raw.count(b"\n", 0, error.start) + 1,
        ) from None
    try:
        return json.loads(text), text
    except json.JSONDecodeError as error:
        raise BadImportFile(
            f"JSON invalide ({error.msg}, colonne {error.colno}).",
            f"invalid JSON ({error.msg}, column {error.colno}).",
            error.lineno,
        ) from None
    except RecursionError:
        raise BadImportFile("JSON trop imbriqué.", "JSON nested too deeply.") from None


# What tells each JSON format apart, in the order tried (also the refusal's wording).
_X_KEYS = {"created_at", "author_id", "conversation_id", "edit_history_tweet_ids"}
_FORMATS_TRIED = (
    "YouTube (items[], kind youtube#…), X API v2 (data[].created_at), "
    "Instagram (data[].timestamp), Facebook (data[].created_time)"
)


def _json_format(document) -> str:
    """The JSON format by the keys that only it uses; each item's time key decides Meta's two.

    Instagram comments requested with `from` carry {id, username} as Facebook's
    do, so "from" cannot tell them apart: Facebook says created_time,
    Instagram timestamp, X created_at.
    """
    if isinstance(document, dict):
        items = document.get("items")
        kind = document.get("kind")
        if (isinstance(kind, str) and kind.startswith("youtube#")) or isinstance(items, list):
            return "youtube"
        data = document.get("data")
        meta = document.get("meta")
        if data is None and isinstance(meta, dict) and "result_count" in meta:
            return "x"  # X leaves "data" out when nothing matched
        if isinstance(data, dict):
            data = [data]
        if isinstance(data, list):
            keys = set().union(*(item for item in data[:50] if isinstance(item, dict)))
            if keys & _X_KEYS or "includes" in document:
                return "x"
            if "timestamp" in keys:
                return "instagram"
            if "created_time" in keys:
                return "facebook"
            if keys & {"username", "media", "replies"}:
                return "instagram"
            if keys & {"message", "from"}:
                return "facebook"
            if not data:  # nothing to import: any reader gives nothing
                return "x" if "meta" in document else "facebook"
    raise BadImportFile(
        f"format JSON non reconnu ; formats essayés : {_FORMATS_TRIED}. Si le fichier vient "
        "bien de l'une de ces API, choisissez son format (liste « Format », ou --format "
        "facebook|instagram|youtube|x) : le message dira quel champ manque.",
        f"unrecognised JSON; formats tried: {_FORMATS_TRIED}. If the file does come from one "
        "of these APIs, choose its format (the Format list, or --format "
        "facebook|instagram|youtube|x): the message will say which field is missing.",
    )


# --- where things are in the JSON text (json.loads keeps no positions) --------------

_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
_PATH_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _skip(text: str, at: int) -> int:
    return _SPACE.match(text, at).end()


def _after_value(text: str, at: int) -> int:
    """Past the value at `at`, its trailing space and comma: the next member or the closer."""
    at = _skip(text, _DECODER.raw_decode(text, at)[1])
    return _skip(text, at + 1) if text[at : at + 1] == "," else at


def _members(text: str, at: int):
    """(key, offset of value) for an object at `at`, (index, offset) for an array; else nothing."""
    if text[at : at + 1] == "{":
        at = _skip(text, at + 1)
        while text[at] != "}":
            name, at = json.decoder.scanstring(text, at + 1)
            at = _skip(text, _skip(text, at) + 1)  # past ":"
            yield name, at
            at = _after_value(text, at)
    elif text[at : at + 1] == "[":
        at, index = _skip(text, at + 1), 0
        while text[at] != "]":
            yield index, at
            at, index = _after_value(text, at), index + 1


def _member(text: str, at: int, step) -> int | None:
    """The offset of `step` (a key, or an index) in the container at `at`; the last one wins,
    as in json.loads."""
    found = None
    for name, offset in _members(text, at):
        if name == step and type(name) is type(step):
            found = offset
            if isinstance(step, int):
                break
    return found


def _json_field_line(text: str, field: str, at: int | None = None) -> int | None:
    """The line of the value at a path such as "data[1].from.id", or of the object that
    lacks its last key; None when the path leads nowhere in the text."""
    at = _skip(text, 0) if at is None else at
    for key, index in _PATH_STEP.findall(field):
        step = key if key else int(index)
        found = _member(text, at, step)
        if found is None:
            if isinstance(step, str) and text[at : at + 1] == "{":
                break  # a missing key: the object that should hold it
            return None
        at = found
    return text.count("\n", 0, at) + 1


def _array(document, key: str, text: str) -> list[tuple[object, int | None, str, int | None]]:
    """(item, line, path, offset in text) for each element of document[key]."""
    if not isinstance(document, dict):
        raise BadImportFile("le JSON doit être un objet.", "the JSON must be an object.", field="$")
    items = document.get(key, [])
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list):
        raise BadImportFile("une liste est attendue.", "a list is expected.", field=key)
    offsets = None
    if items:
        container = _member(text, _skip(text, 0), key)
        if container is not None and text[container] == "[":
            offsets = [offset for _, offset in _members(text, container)]
    if offsets is None or len(offsets) != len(items):
        return [(item, None, f"{key}[{i}]", None) for i, item in enumerate(items)]
    lines, line, previous = [], 1, 0
    for offset in offsets:
        line += text.count("\n", previous, offset)
        lines.append(line)
        previous = offset
    return [(item, lines[i], f"{key}[{i}]", offsets[i]) for i, item in enumerate(items)]


def _with_replies(document, text: str, edge: str):
    """(item, line, path, parent id) for each comment and, after it, its nested replies.

    Graph API field expansion nests them as `comments{data}` (Facebook) or
    `replies{data}` (Instagram), on any level; a reply's parent is the
    comment it answers.
    """
    pending = [
        (item, line, path, offset, None)
        for item, line, path, offset in _array(document, "data", text)
    ]
    pending.reverse()
    while pending:
        item, line, path, offset, parent = pending.pop()
        yield item, line, path, parent
        nested = item.get(edge) if isinstance(item, dict) else None
        if nested is None:
            continue
        replies = nested.get("data", []) if isinstance(nested, dict) else None
        if not isinstance(replies, list):
            raise BadImportFile(
                'les réponses doivent être un objet {"data": [...]}.',
                'replies must be an object {"data": [...]}.',
                line,
                f"{path}.{edge}",
            )
        parent_id = item.get("id")
        parent_id = str(parent_id) if isinstance(parent_id, (str, int)) else None
        positions = _reply_positions(text, offset, line, edge, len(replies))
        pending.extend(
            (reply, positions[i][0], f"{path}.{edge}.data[{i}]", positions[i][1], parent_id)
            for i, reply in reversed(list(enumerate(replies)))
        )


def _reply_positions(text: str, offset, line, edge: str, count: int) -> list[tuple]:
    """(line, offset) of each reply, read in the parent's own text only."""
    container = None
    if offset is not None:
        holder = _member(text, offset, edge)
        container = _member(text, holder, "data") if holder is not None else None
    offsets = [at for _, at in _members(text, container)] if container is not None else []
    if len(offsets) != count:
        return [(line, None)] * count
    return [(line + text.count("\n", offset, at), at) for at in offsets]


def _value(item, keys: str, line, path, required: bool = False) -> str | None:
    """The text at a dotted path in an item; ids given as numbers are read as text."""
    value = item
    for key in keys.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if value is None and required:
        raise BadImportFile(
            "champ obligatoire absent.", "required field missing.", line, f"{path}.{keys}"
        )
    if value is not None and not isinstance(value, str):
        raise BadImportFile(
            "du texte est attendu ici.", "text is expected here.", line, f"{path}.{keys}"
        )
    return value


def _read_facebook(document, text: str) -> _Table:
    """Comments and their nested replies; a reply's post_ref is the comment it answers."""
    table = _Table(sources={"received_at": "created_time", "text": "message", "external_id": "id"})
    for item, line, path, parent in _with_replies(document, text, "comments"):
        comment_id = _value(item, "id", line, path, required=True)
        # Graph comment ids are "{post id}_{comment id}"; `parent` is asked for with fields=parent.
        post = parent or _value(item, "parent.id", line, path)
        table.add(
            line,
            path,
            platform="facebook",
            external_id=comment_id,
            post_ref=post or (comment_id.split("_")[0] if "_" in comment_id else None),
            received_at=_value(item, "created_time", line, path, required=True),
            text=_value(item, "message", line, path),
            author_name=_value(item, "from.name", line, path),
            author_handle=_value(item, "from.id", line, path),
        )
    return table


def _read_instagram(document, text: str) -> _Table:
    """Comments (author as `username` or `from.username`) and their nested replies."""
    table = _Table(sources={"received_at": "timestamp", "external_id": "id"})
    for item, line, path, parent in _with_replies(document, text, "replies"):
        username = _value(item, "username", line, path) or _value(item, "from.username", line, path)
        table.add(
            line,
            path,
            platform="instagram",
            external_id=_value(item, "id", line, path, required=True),
            post_ref=parent or _value(item, "media.id", line, path),
            received_at=_value(item, "timestamp", line, path, required=True),
            text=_value(item, "text", line, path),
            author_name=username,
            author_handle=username,
        )
    return table


def _read_youtube(document, text: str) -> _Table:
    """Top-level comments and the replies the response includes; textOriginal, never HTML."""
    table = _Table(
        sources={
            "received_at": "snippet.publishedAt",
            "text": "snippet.textOriginal",
            "external_id": "id",
        }
    )
    for thread, line, path, _ in _array(document, "items", text):
        channel = _value(thread, "snippet.channelId", line, path)
        video = _value(thread, "snippet.videoId", line, path)
        top = f"{path}.snippet.topLevelComment"
        comments = [(_child(thread, "snippet.topLevelComment", line, path), top)]
        replies = thread.get("replies", {}) if isinstance(thread, dict) else {}
        replies = replies.get("comments", []) if isinstance(replies, dict) else []
        if not isinstance(replies, list):
            replies = []
        comments += [(reply, f"{path}.replies.comments[{i}]") for i, reply in enumerate(replies)]
        for comment, where in comments:
            table.add(
                line,
                where,
                platform="youtube",
                account=channel,
                external_id=_value(comment, "id", line, where, required=True),
                post_ref=_value(comment, "snippet.videoId", line, where) or video,
                received_at=_value(comment, "snippet.publishedAt", line, where, required=True),
                text=_value(comment, "snippet.textOriginal", line, where, required=True),
                author_name=_value(comment, "snippet.authorDisplayName", line, where),
                author_handle=_value(comment, "snippet.authorChannelId.value", line, where),
            )
    return table


def _child(item, keys: str, line, path):
    value = item
    for key in keys.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    if not isinstance(value, dict):
        raise BadImportFile(
            "objet obligatoire absent.", "required object missing.", line, f"{path}.{keys}"
        )
    return value


def _read_x(document, text: str) -> _Table:
    table = _Table(sources={"external_id": "id", "received_at": "created_at"})
    users = {}
    includes = document.get("includes", {}) if isinstance(document, dict) else {}
    for user in includes.get("users", []) if isinstance(includes, dict) else []:
        if isinstance(user, dict) and user.get("id") is not None:
            users[str(user["id"])] = user
    for item, line, path, _ in _array(document, "data", text):
        author_id = _value(item, "author_id", line, path)
        user = users.get(author_id, {})
        table.add(
            line,
            path,
            platform="x",
            external_id=_value(item, "id", line, path, required=True),
            post_ref=_value(item, "conversation_id", line, path),
            received_at=_value(item, "created_at", line, path, required=True),
            text=_value(item, "text", line, path),
            author_name=_value(user, "name", line, "includes.users"),
            author_handle=_value(user, "username", line, "includes.users") or author_id,
        )
    return table


_JSON_READERS = {
    "facebook": _read_facebook,
    "instagram": _read_instagram,
    "youtube": _read_youtube,
    "x": _read_x,
}
