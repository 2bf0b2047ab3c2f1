"""The checks every format shares: a file's comments gathered as columns, then checked at once."""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.db import PLATFORMS
from lib.importers.errors import SURROGATE, BadImportFile, printable
from lib.importers.instants import parse_instants
from lib.ingest import INGEST_COLUMNS
from lib.times import now_utc

FRAME_COLUMNS = INGEST_COLUMNS
PLATFORM_ALIASES = {"twitter": "x"}
# What Excel makes of a long numeric id it took for a number: 1,23457E+17.
_EXCEL_SCIENTIFIC = re.compile(r"\d+(?:[.,]\d+)?[eE]\+\d+")
# How far ahead of the server's clock a comment may be dated: the clock skew
# between a platform, the computer that saved the file and the server. Later
# than that, it would sit in the queue where no action is possible (an action
# cannot come before the comment it answers).
FUTURE_TOLERANCE = pd.Timedelta(minutes=5)
# The longest value accepted, in characters: the platforms' longest comment is
# 25,000 (X), and the CSV reader's own limit is 131,072 (csv.field_size_limit).
MAX_VALUE_CHARS = 100_000
# Rows gathered as Python lists before being checked and packed as Arrow text:
# a large file is never held as Python objects at once.
BATCH_ROWS = 5_000


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
    UTC in the platforms' JSON. Rows are checked and packed every `BATCH_ROWS`;
    once one is refused, `refused` is true and later rows are not kept (a
    reader may stop there: the first problem of a file is what it reports).

    >>> table = CommentTable(sources={"received_at": "created_time"})
    >>> table.add(3, "data[0]", platform="x", external_id="1", received_at="hier")
    >>> try:
    ...     table.reading("x")
    ... except BadImportFile as refusal:
    ...     print(refusal.line, refusal.field)
    3 data[0].created_time
    """

    def __init__(self, sources: dict[str, str], naive_tz: str = "UTC"):
        self.columns: dict[str, list] = {name: [] for name in FRAME_COLUMNS}  # not yet packed
        # Every row's line (0 when unknown), packed or not: machine integers, which unlike
        # Python's do not pin the memory of the cells read between them.
        self.lines = array("q")
        self.paths: list[str | None] = []  # every row's JSON path; empty for CSV
        self.sources = sources  # frame column -> CSV column or JSON key
        self.naive_tz = naive_tz
        self.latest = now_utc() + FUTURE_TOLERANCE
        self._parts: list[pd.DataFrame] = []
        self._packed = 0
        self._problem: tuple[int, BadImportFile] | None = None

    @property
    def refused(self) -> bool:
        """Whether a row read so far is refused."""
        return self._problem is not None

    def add(self, line: int | None, path: str | None = None, **values) -> None:
        for name in FRAME_COLUMNS:
            self.columns[name].append(values.get(name))
        self.lines.append(line or 0)
        self.paths.append(path)
        if len(self.lines) - self._packed >= BATCH_ROWS:
            self._pack()

    def extend(self, lines: list[int], **columns: list) -> None:
        """Whole columns at once (CSV), faster than a call per row."""
        for name in FRAME_COLUMNS:
            self.columns[name].extend(columns.get(name) or [None] * len(lines))
        self.lines.extend(lines)
        if self.paths:
            self.paths.extend([None] * len(lines))
        if len(self.lines) - self._packed >= BATCH_ROWS:
            self._pack()

    def field(self, position: int, column: str) -> str:
        path = self.paths[position] if self.paths else None
        source = self.sources.get(column, column)
        return f"{path}.{source}" if path else source

    def line(self, position: int) -> int | None:
        return self.lines[position] or None

    def reading(self, fmt: str) -> FileReading:
        """The checked frame, indexed by line; raises the file's earliest problem."""
        self._pack()
        if self._parts:
            frame = pd.concat(self._parts, ignore_index=True)
        else:
            frame = self._checked_batch().astype({"ambiguous": bool})
        self._parts = []
        ambiguous = frame.pop("ambiguous").to_numpy(dtype=bool)
        repeated, conflict = self._duplicates(frame)
        problems = [p for p in (self._problem, conflict) if p is not None]
        if problems:
            raise min(problems, key=lambda p: p[0])[1]
        lines = np.array(self.lines, dtype=np.int64)
        if (lines == 0).any():
            lines = pd.array(lines, dtype="Int64").where(lines != 0, pd.NA)
        frame.index = pd.Index(lines, name="line")
        if repeated.any():
            frame = frame.loc[~repeated]
        return FileReading(
            frame=frame,
            format=fmt,
            repeated_rows=int(repeated.sum()),
            ambiguous_times=int(ambiguous[~repeated].sum()),
        )

    def _pack(self) -> None:
        """Check the rows gathered since the last pack, and keep them as Arrow-backed text."""
        if self._problem is None and len(self.lines) > self._packed:
            self._parts.append(self._checked_batch())
        self._packed = len(self.lines)
        for values in self.columns.values():
            values.clear()

    def _checked_batch(self) -> pd.DataFrame:
        """The rows not yet packed as a frame; the first refused one, if any, noted."""
        raw = self.columns
        damaged = {column: _lone_surrogates(raw[column]) for column in FRAME_COLUMNS}
        # Arrow-backed text makes the checks below vectorised in C; it cannot hold a
        # lone surrogate, whose row is refused below.
        frame = pd.DataFrame(
            {
                c: _replaced(raw[c], bad) if bad is not None else raw[c]
                for c, bad in damaged.items()
            },
            columns=list(FRAME_COLUMNS),
            dtype="str",
        )
        frame["platform"] = frame["platform"].str.strip().str.lower().replace(PLATFORM_ALIASES)
        frame["external_id"] = frame["external_id"].str.strip()
        frame["text"] = frame["text"].fillna("")
        received, problems, ambiguous = parse_instants(frame["received_at"], self.naive_tz)
        too_long = {c: frame[c].str.len().gt(MAX_VALUE_CHARS) for c in FRAME_COLUMNS}
        frame["received_at"] = received
        frame["ambiguous"] = ambiguous
        errors = [
            self._first(bad, column, "invalid_character")
            for column, bad in damaged.items()
            if bad is not None
        ]
        errors += [
            self._first(bad, column, "value_too_long", limit=MAX_VALUE_CHARS, value="")
            for column, bad in too_long.items()
        ]
        errors += [
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
            self._first(
                received > self.latest,
                "received_at",
                "future_instant",
                minutes=int(FUTURE_TOLERANCE / pd.Timedelta(minutes=1)),
            ),
        ]
        errors = [e for e in errors if e is not None]
        if errors:
            self._problem = min(errors, key=lambda e: e[0])
        return frame

    def _first(
        self, bad: pd.Series, column: str, code: str, **values
    ) -> tuple[int, BadImportFile] | None:
        """The first row `bad` marks in the batch, and its refusal, with the value as the
        file wrote it."""
        positions = np.flatnonzero(bad.fillna(False).to_numpy(dtype=bool))
        if not len(positions):
            return None
        at = self._packed + int(positions[0])
        values.setdefault("value", self.columns[column][int(positions[0])] or "")
        field = self.field(at, column)
        return at, BadImportFile(code, self.line(at), field, **values)

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
                self.line(at),
                self.field(at, "external_id"),
                external_id=external_id,
                earlier_line=self.line(first),
                source=self.sources.get(differs, differs),
            ),
        )


def _lone_surrogates(values: list) -> pd.Series | None:
    """Which values hold a lone surrogate (JSON "\\ud800" escapes decode to them, and no
    database, nor Arrow, can store them); None when none does, the usual case."""
    try:
        "".join(value or "" for value in values).encode("utf-8")
    except UnicodeEncodeError:
        return pd.Series(
            [value is not None and SURROGATE.search(value) is not None for value in values]
        )
    return None


def _replaced(values: list, bad: pd.Series) -> list:
    """`values` with their lone surrogates replaced, so that the batch can be checked."""
    return [printable(v) if damaged else v for v, damaged in zip(values, bad, strict=True)]


def _same_value(a, b) -> bool:
    return (pd.isna(a) and pd.isna(b)) or (not pd.isna(a) and not pd.isna(b) and a == b)
