"""The checks every format shares: a file's comments gathered as columns, then checked at once."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.db import PLATFORMS
from lib.importers.errors import BadImportFile
from lib.importers.instants import parse_instants
from lib.ingest import INGEST_COLUMNS

FRAME_COLUMNS = INGEST_COLUMNS
PLATFORM_ALIASES = {"twitter": "x"}
# What Excel makes of a long numeric id it took for a number: 1,23457E+17.
_EXCEL_SCIENTIFIC = re.compile(r"\d+(?:[.,]\d+)?[eE]\+\d+")


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


class CommentTable:
    """Columns gathered from a file, with each row's line and source names for messages.

    `naive_tz` is what a time without an offset means: Québec time in CSV,
    UTC in the platforms' JSON.

    >>> table = CommentTable(sources={"received_at": "created_time"})
    >>> table.add(3, "data[0]", platform="x", external_id="1", received_at="hier")
    >>> try:
    ...     table.reading("x")
    ... except BadImportFile as refusal:
    ...     print(refusal.line, refusal.field)
    3 data[0].created_time
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
