"""Offsets into a draft's text -> 1-based line and column (code points) in the file it came from.

A text draft is the whole file, so lines and columns are the file's. A JSONL record is one line
of its file: the column is where the character sits inside the raw JSON string of the record's
top-level ``"text"`` value, escapes (``\\n``, ``\\u00e9``, surrogate pairs) counted as written.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass
from json.decoder import scanstring  # type: ignore[attr-defined]

_WS = " \t\r\n"


@dataclass(frozen=True, slots=True)
class Place:
    line: int
    column: int | None  # None: the record's line only (its column could not be found)
    end_line: int
    end_column: int | None


class TextLocator:
    """For a draft that is a whole file."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def point(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1

    def place(self, start: int, end: int) -> Place:
        (l1, c1), (l2, c2) = self.point(start), self.point(end)
        return Place(l1, c1, l2, c2)


class RecordLocator:
    """For a draft that is one JSONL record on line ``line`` of its file."""

    def __init__(self, raw: str, line: int) -> None:
        self.line = line
        self._columns = text_columns(raw)

    def place(self, start: int, end: int) -> Place:
        cols = self._columns
        if cols is None or not (0 <= start <= end < len(cols)):
            return Place(self.line, None, self.line, None)
        return Place(self.line, cols[start] + 1, self.line, cols[end] + 1)


def text_columns(raw: str) -> list[int] | None:
    """Raw index of each character of the top-level "text" string, then of its closing quote."""
    try:
        i = _skip(raw, 0)
        if raw[i] != "{":
            return None
        i += 1
        decoder = json.JSONDecoder()
        while True:
            i = _skip(raw, i)
            if raw[i] != '"':
                return None
            key, i = scanstring(raw, i + 1)
            i = _skip(raw, i)
            i = _skip(raw, i + 1)  # past ':'
            if key == "text" and raw[i] == '"':
                return _string_columns(raw, i + 1)
            _, i = decoder.raw_decode(raw, i)
            i = _skip(raw, i)
            if raw[i] != ",":
                return None
            i += 1
    except (IndexError, ValueError):
        return None


def _skip(raw: str, i: int) -> int:
    while raw[i] in _WS:
        i += 1
    return i


def _string_columns(raw: str, i: int) -> list[int]:
    cols = []
    while raw[i] != '"':
        cols.append(i)
        if raw[i] != "\\":
            i += 1
        elif raw[i + 1] != "u":
            i += 2
        elif 0xD800 <= int(raw[i + 2 : i + 6], 16) < 0xDC00 and raw[i + 6 : i + 8] == "\\u":
            i += 12
        else:
            i += 6
    cols.append(i)
    return cols
