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
            self._first(
                ~frame["platform"].isin(PLATFORMS),
                "platform",
                "unknown_platform",
                known=", ".join(PLATFORMS),
            ),
            self._first(frame["external_id"].fillna("") == "", "external_id", "missing_id"),
            self._first(
                frame["external_id"].fillna("").str.fullmatch(_EXCEL_SCIENTIFIC),
                "external_id",
                "scientific_id",
            ),
            self._first(problems == "format", "received_at", "bad_instant"),
            self._first(problems == "date_only", "received_at", "date_without_time"),
            self._first(problems == "nonexistent", "received_at", "nonexistent_instant"),
            conflict,
        ]
        if damaged is not None:
            errors.append(self._first(damaged[1], damaged[0], "invalid_character"))
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

    def _first(
        self, bad: pd.Series, column: str, code: str, **values
    ) -> tuple[int, BadImportFile] | None:
        """The first row `bad` marks, and its refusal, with the value as the file wrote it."""
        positions = np.flatnonzero(bad.fillna(False).to_numpy(dtype=bool))
        if not len(positions):
            return None
        at = int(positions[0])
        value = self.columns[column][at] or ""
        field = self.field(at, column)
        return at, BadImportFile(code, self.lines[at], field, value=value, **values)

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
        return copy, (
            at,
            BadImportFile(
                "duplicate_id",
                self.lines[at],
                self.field(at, "external_id"),
                external_id=external_id,
                earlier_line=self.lines[first],
                source=self.sources.get(differs, differs),
            ),
        )


def _same_value(a, b) -> bool:
    return (pd.isna(a) and pd.isna(b)) or (not pd.isna(a) and not pd.isna(b) and a == b)
