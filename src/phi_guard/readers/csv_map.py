"""CSV with a column map, for Yelp replies and social-media-management tools' exports.

``--csv-map text=Body,id=PostID,kind=Type,in_reply_to.author=Reviewer,created_at=Date``: each key
is an input field (``text`` is required), each value the header of the column holding it.
``key==value`` sets a field to a constant for every row (``kind==reply,platform==yelp``).
Rows are read with the csv module (quoted fields may span lines); each keeps its first physical
line as its source. A header without a mapped column makes the file one error record.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .._errors import ConfigError, InputError
from .._types import InReplyTo
from ._base import Counter, Inventory, Item, Tree, build, file_error, iso_from_text, str_or_none

NAME = "csv"
KEYS = ("text", "id", "kind", "platform", "in_reply_to.author", "in_reply_to.text", "created_at", "url")


@dataclass(frozen=True, slots=True)
class ColumnMap:
    columns: tuple[tuple[str, str], ...]  # (field, column header)
    constants: tuple[tuple[str, str], ...] = ()  # (field, value)

    @classmethod
    def parse(cls, spec: str) -> ColumnMap:
        columns: list[tuple[str, str]] = []
        constants: list[tuple[str, str]] = []
        for part in (p.strip() for p in spec.split(",") if p.strip()):
            key, sep, value = part.partition("=")
            if not sep or not value or key.strip() not in KEYS:
                raise ConfigError(f"PG901: --csv-map entries are KEY=COLUMN or KEY==VALUE, KEY one of {', '.join(KEYS)}")
            (constants if value.startswith("=") else columns).append((key.strip(), value.removeprefix("=").strip()))
        if "text" not in {k for k, _ in columns}:
            raise ConfigError("PG901: --csv-map must map text to a column (text=COLUMN)")
        return cls(tuple(columns), tuple(constants))


def rows(data: bytes, name: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(first physical line, row by header) for each data row of a CSV file."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid_utf8: '{name}' has invalid UTF-8 at byte offset {exc.start}") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error:
        raise InputError(f"invalid_csv: '{name}' has a malformed header") from None
    start = reader.line_num + 1
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                yield start, {h: cell.replace("\r\n", "\n") for h, cell in zip(header, row)}
            start = reader.line_num + 1
    except csv.Error:
        raise InputError(f"invalid_csv: '{name}' is malformed near line {reader.line_num}") from None


def header(data: bytes) -> list[str]:
    try:
        return next(csv.reader(io.StringIO(data.decode("utf-8-sig", "replace"), newline="")), [])
    except csv.Error:
        return []


def read(tree: Tree, inv: Inventory, counter: Counter, cmap: ColumnMap) -> Iterator[Any]:
    for name in [n for n in inv.seen if n.lower().endswith(".csv")]:
        inv.mark_read(name)
        data = tree.read_bytes(name)
        missing = [c for _, c in cmap.columns if c not in header(data)]
        if missing:
            yield file_error(counter.next(), name, f"csv_column: a mapped column is not in the header of '{name}'")
            continue
        try:
            items = [_item(row, f"{name}:{line}", cmap) for line, row in rows(data, name)]
        except InputError as exc:
            yield file_error(counter.next(), name, str(exc))
            continue
        for item in items:
            yield build(item, counter.next())


def _item(row: dict[str, str], source: str, cmap: ColumnMap) -> Item:
    f: dict[str, str | None] = {k: v for k, v in cmap.constants}
    f.update({k: row.get(c) for k, c in cmap.columns})
    author, parent = f.get("in_reply_to.author") or None, f.get("in_reply_to.text") or None
    return Item(text=f.get("text"), source=source, kind=f.get("kind") or ("reply" if author or parent else "post"),
                platform=f.get("platform") or None,
                in_reply_to=InReplyTo(author=author, text=parent) if author or parent else None,
                platform_id=str_or_none(f.get("id")), created_at=iso_from_text(f.get("created_at")) or f.get("created_at") or None,
                url=f.get("url") or None)
