"""Reading comment files into the ingest frame: Vigie's CSV (Excel's too) and platforms' JSON.

>>> raw = b"platform;external_id;received_at;text\\nfacebook;c1;2026-11-02 09:15;Bonjour!\\n"
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

# An instant as ISO 8601 with a time of day; the offset is optional.
_INSTANT = re.compile(
    r"(?P<base>\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)"
    r"\s*(?P<offset>Z|z|[+-]\d{2}(?::?\d{2})?)?"
)
# What Excel makes of a long numeric id it took for a number: 1,23457E+17.
_EXCEL_SCIENTIFIC = re.compile(r"\d+(?:[.,]\d+)?[eE]\+\d+")


class BadImportFile(ValueError):
    """A file Vigie refuses, with where (line, field) and why, in French and English.

    `line` is the line an editor shows where the record starts (the CSV
    header is line 1; for JSON, the line of the item); `field` is the CSV
    column or the JSON path (e.g. "data[3].created_time").
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
class ImportSummary:
    added: int
    already_present: int
    refused: int = 0
    format: str = "csv"


def import_file(
    db: Database,
    raw_bytes: bytes,
    filename: str,
    fmt: str = "auto",
    progress: Callable[[int, int], None] | None = None,
) -> ImportSummary:
    """Import a file in one transaction: every comment or none.

    Comments already in the database (same platform and external id) are
    counted in `already_present`, so re-importing a file adds nothing. A bad
    file raises `BadImportFile` before the database is touched. `refused` is
    always 0: a file is taken whole or not at all. `progress(done, total)`
    counts the new comments as they are stored.
    """
    from lib.ingest import insert_comments

    frame, fmt = read_comments(raw_bytes, filename, fmt)
    with immediate(db):
        # Known comments skip detection, the costly part: a re-import is quick.
        new = frame.loc[~_already_present(db, frame)].reset_index(drop=True)
        before = _comment_count(db)
        if len(new):
            insert_comments(db, new, progress=progress)
        # Counted from the table, under the write lock: nobody else can insert
        # meanwhile, and connection change counters also count the rows that
        # the full-text triggers write.
        added = _comment_count(db) - before
    return ImportSummary(added=added, already_present=len(frame) - added, format=fmt)


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
    return read_comments(raw_bytes, filename, fmt)[0]


def detect_format(raw_bytes: bytes, filename: str = "") -> str:
    """One of `FORMATS`, recognised from the content (the name only helps the messages)."""
    _refuse_non_text(raw_bytes, filename)
    if not _looks_like_json(raw_bytes):
        return "csv"
    return _json_format(_load_json(raw_bytes)[0])


def read_comments(raw_bytes: bytes, filename: str, fmt: str = "auto") -> tuple[pd.DataFrame, str]:
    """The ingest frame and the format it was read as."""
    if fmt != "auto" and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: expected auto or one of {FORMATS}")
    _refuse_non_text(raw_bytes, filename)
    if fmt == "csv" or (fmt == "auto" and not _looks_like_json(raw_bytes)):
        return _read_csv(raw_bytes), "csv"
    document, text = _load_json(raw_bytes)
    if fmt == "auto":
        fmt = _json_format(document)
    table = _JSON_READERS[fmt](document, text)
    return table.frame(naive_tz="UTC"), fmt


# --- what every format shares ---------------------------------------------


class _Table:
    """Columns gathered from a file, with each row's line and source names for messages."""

    def __init__(self, sources: dict[str, str]):
        self.columns: dict[str, list] = {name: [] for name in FRAME_COLUMNS}
        self.lines: list[int | None] = []
        self.paths: list[str | None] = []
        self.sources = sources  # frame column -> CSV column or JSON key

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

    def frame(self, naive_tz: str) -> pd.DataFrame:
        damaged = self._lone_surrogates()
        # Arrow-backed text makes the checks below vectorised in C.
        frame = pd.DataFrame(self.columns, columns=list(FRAME_COLUMNS), dtype="str")
        frame["platform"] = frame["platform"].str.strip().str.lower().replace(PLATFORM_ALIASES)
        frame["external_id"] = frame["external_id"].str.strip()
        frame["text"] = frame["text"].fillna("")
        received, problems = parse_instants(frame["received_at"], naive_tz)
        frame["received_at"] = received
        errors = [
            self._first(~frame["platform"].isin(PLATFORMS), "platform", _unknown_platform),
            self._first(frame["external_id"].fillna("") == "", "external_id", _missing_id),
            self._first(
                frame["external_id"].fillna("").str.fullmatch(_EXCEL_SCIENTIFIC),
                "external_id",
                _scientific_id,
            ),
            self._first(problems == "format", "received_at", _bad_instant),
            self._first(problems == "nonexistent", "received_at", _nonexistent_instant),
            self._duplicate(frame),
        ]
        if damaged is not None:
            errors.append(self._first(damaged[1], damaged[0], _invalid_character))
        errors = [e for e in errors if e is not None]
        if errors:
            raise min(errors, key=lambda e: e[0])[1]
        frame.index = pd.Index(self.lines, name="line")
        return frame

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

    def _duplicate(self, frame: pd.DataFrame) -> tuple[int, BadImportFile] | None:
        repeated = frame.duplicated(["platform", "external_id"], keep="first").to_numpy()
        positions = np.flatnonzero(repeated)
        if not len(positions):
            return None
        at = int(positions[0])
        key = frame.iloc[at][["platform", "external_id"]].tolist()
        same = (frame["platform"] == key[0]) & (frame["external_id"] == key[1])
        first = self.lines[int(np.flatnonzero(same.to_numpy())[0])]
        first_fr = f" (déjà à la ligne {first})" if first is not None else ""
        first_en = f" (already on line {first})" if first is not None else ""
        return at, BadImportFile(
            f"identifiant « {key[1]} » en double dans le fichier{first_fr}.",
            f"duplicate id '{key[1]}' in the file{first_en}.",
            self.lines[at],
            self.field(at, "external_id"),
        )


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


def _nonexistent_instant(value) -> tuple[str, str]:
    return (
        f"l'heure « {value} » n'existe pas au Québec (passage à l'heure avancée) : "
        "corrigez-la ou ajoutez le décalage UTC.",
        f"the time '{value}' does not exist in Québec (clocks spring forward): "
        "correct it or add the UTC offset.",
    )


def parse_instants(values: pd.Series, naive_tz: str = LOCAL_TZ) -> tuple[pd.Series, pd.Series]:
    """ISO 8601 text to aware UTC instants, and why each unreadable one failed.

    A value without an offset is a wall-clock time in `naive_tz`. When clocks
    fall back, a time that occurs twice (1:30 on the first Sunday of November)
    is read as the earlier one, in daylight time: a comment cannot have been
    received later than the person's clock said the first time round. A time
    skipped when clocks spring forward (2:30 on the second Sunday of March)
    is refused ("nonexistent"); guessing would move it by an hour.

    The second Series holds None, "format" or "nonexistent" for each value.
    """
    text = values.astype(object).where(values.notna(), "").astype(str).str.strip()
    parts = text.str.extract(f"^{_INSTANT.pattern}$")
    # Social media began after 1970; outside that, a year is a typo (and may overflow).
    year = pd.to_numeric(parts["base"].str[:4], errors="coerce")
    shaped = parts["base"].notna() & year.between(1970, 2099)
    base = parts["base"].fillna("").str.replace(",", ".", regex=False)
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
    if naive.any():
        wall = pd.to_datetime(base[naive], format="ISO8601", errors="coerce")
        # True marks daylight time, i.e. the earlier of the two 1:xx hours.
        local = wall.dt.tz_localize(
            naive_tz, ambiguous=np.ones(len(wall), dtype=bool), nonexistent="NaT"
        )
        received[naive] = local.dt.tz_convert("UTC")
        nonexistent[naive] = wall.notna() & local.isna()
    problems = pd.Series(None, index=values.index, dtype=object)
    problems[received.isna()] = "format"
    problems[nonexistent] = "nonexistent"
    return received, problems


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


def _read_csv(raw: bytes) -> pd.DataFrame:
    text = _decode_csv(raw)
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header = _header(reader)
    table = _Table(sources={v: k for k, v in CSV_OPTIONAL.items()})
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
    return table.frame(naive_tz=LOCAL_TZ)


def _decode_csv(raw: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 (Excel's "CSV" on Windows)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        line = raw.count(b"\n", 0, utf8_error.start) + 1
        # "Ã©" bytes are UTF-8 accents: a file full of them that is not valid
        # UTF-8 has been damaged, and reading it as Windows-1252 would garble it.
        if re.search(rb"\xc3[\x80-\xbf]", raw):
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


def _json_format(document) -> str:
    if isinstance(document, dict):
        items = document.get("items")
        kind = document.get("kind")
        if (isinstance(kind, str) and kind.startswith("youtube#")) or isinstance(items, list):
            return "youtube"
        data = document.get("data")
        if data is None and "result_count" in (document.get("meta") or {}):
            return "x"  # X leaves "data" out when nothing matched
        if isinstance(data, dict):
            data = [data]
        if isinstance(data, list):
            keys = set().union(*(item for item in data[:50] if isinstance(item, dict)))
            if keys & {"author_id", "conversation_id", "edit_history_tweet_ids"}:
                return "x"
            if keys & {"created_time", "message", "from"}:
                return "facebook"
            if keys & {"timestamp", "username", "media"}:
                return "instagram"
            if not data:  # nothing to import: any reader gives nothing
                return "x" if "meta" in document else "facebook"
    raise BadImportFile(
        "format JSON non reconnu (attendu : commentaires de l'API Graph de Meta, "
        "commentThreads de YouTube ou tweets de l'API X v2).",
        "unrecognised JSON (expected Meta Graph API comments, YouTube commentThreads "
        "or X API v2 tweets).",
    )


def _item_lines(text: str, key: str) -> list[int] | None:
    """The line each element of the top-level array `key` starts on (None if not found).

    json.loads keeps no positions, so walk the (already valid) text with the
    standard decoder, value by value.
    """
    decoder, skip = json.JSONDecoder(), re.compile(r"[ \t\n\r]*")
    at = skip.match(text, 0).end()
    if text[at : at + 1] != "{":
        return None
    offsets = None
    at = skip.match(text, at + 1).end()
    while text[at] != "}":
        name, at = json.decoder.scanstring(text, at + 1)
        at = skip.match(text, skip.match(text, at).end() + 1).end()  # past ":"
        if name == key and text[at] == "[":
            offsets, at = [], skip.match(text, at + 1).end()
            while text[at] != "]":
                offsets.append(at)
                at = skip.match(text, decoder.raw_decode(text, at)[1]).end()
                if text[at] == ",":
                    at = skip.match(text, at + 1).end()
            at += 1
        else:
            at = decoder.raw_decode(text, at)[1]
        at = skip.match(text, at).end()
        if text[at] == ",":
            at = skip.match(text, at + 1).end()
    if offsets is None:
        return None
    lines, line, previous = [], 1, 0
    for offset in offsets:
        line += text.count("\n", previous, offset)
        lines.append(line)
        previous = offset
    return lines


def _array(document, key: str, text: str) -> list[tuple[object, int | None, str]]:
    """(item, line, path) for each element of document[key]."""
    if not isinstance(document, dict):
        raise BadImportFile("le JSON doit être un objet.", "the JSON must be an object.", field="$")
    items = document.get(key, [])
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list):
        raise BadImportFile("une liste est attendue.", "a list is expected.", field=key)
    lines = _item_lines(text, key) if items else []
    if lines is None or len(lines) != len(items):
        lines = [None] * len(items)
    return [(item, lines[i], f"{key}[{i}]") for i, item in enumerate(items)]


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
    table = _Table(sources={"received_at": "created_time", "text": "message", "external_id": "id"})
    for item, line, path in _array(document, "data", text):
        comment_id = _value(item, "id", line, path, required=True)
        table.add(
            line,
            path,
            platform="facebook",
            external_id=comment_id,
            # Graph comment ids are "{post id}_{comment id}".
            post_ref=comment_id.split("_")[0] if "_" in comment_id else None,
            received_at=_value(item, "created_time", line, path, required=True),
            text=_value(item, "message", line, path),
            author_name=_value(item, "from.name", line, path),
            author_handle=_value(item, "from.id", line, path),
        )
    return table


def _read_instagram(document, text: str) -> _Table:
    table = _Table(sources={"received_at": "timestamp", "external_id": "id"})
    for item, line, path in _array(document, "data", text):
        username = _value(item, "username", line, path) or _value(item, "from.username", line, path)
        table.add(
            line,
            path,
            platform="instagram",
            external_id=_value(item, "id", line, path, required=True),
            post_ref=_value(item, "media.id", line, path),
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
    for thread, line, path in _array(document, "items", text):
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
    for item, line, path in _array(document, "data", text):
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
