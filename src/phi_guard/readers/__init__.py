"""Readers of the platforms' own exports, one module per format, all yielding what
``phi_guard.records.iter_records`` yields: a ``Record`` (with ``source``, ``platform_id``,
``created_at`` and ``url`` where the export has them) or a ``RecordError``, one per draft found.

    items = read_input("twitter-2024.zip", None, ReadOptions(), unread)   # format detected

Every file of an export that no reader read is appended to ``unread``. ``line`` in each item is
its 1-based ordinal within that input (for JSON Lines: the line number).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._errors import ConfigError
from ..records import ReadStats, Record, RecordError
from . import csv_map, facebook, google_reviews, instagram, jsonl, linkedin, x_archive
from ._base import Counter, ExportError, Inventory, Tree, Unread

__all__ = ["FORMATS", "ReadOptions", "Unread", "detect_format", "read_input"]

FORMATS = ("jsonl", "csv", "x-archive", "facebook", "instagram", "google-reviews", "linkedin")
_TREE_READERS: dict[str, Callable[[Tree, Inventory, Counter], Iterator[Any]]] = {
    x_archive.NAME: x_archive.read, facebook.NAME: facebook.read, instagram.NAME: instagram.read,
    google_reviews.NAME: google_reviews.read, linkedin.NAME: linkedin.read,
}
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    csv_map: csv_map.ColumnMap | None = None
    max_line_bytes: int | None = None  # JSON Lines: a longer line is an input_too_large error
    stats: ReadStats | None = None  # JSON Lines: lines and blank lines seen (filled in)


def detect_format(path: str) -> str:
    """The export format of ``path`` (a file, a folder or a ZIP); ConfigError when it cannot tell."""
    p = Path(path)
    if path == "-" or (p.is_file() and p.name.lower().endswith(_JSONL_SUFFIXES)):
        return "jsonl"
    if not p.exists():
        raise ExportError(f"PG901: cannot read input '{p.name}' (no such file or folder)")
    with Tree(p) as tree:
        names = tree.names()
    for name, found in ((x_archive.NAME, x_archive.detect), (google_reviews.NAME, google_reviews.detect),
                        (linkedin.NAME, linkedin.detect)):
        if found(names):
            return name
    fb, ig = facebook.detect(names), instagram.detect(names)
    if fb != ig:
        return facebook.NAME if fb else instagram.NAME
    if fb or any(_meta_thread(n) for n in names):
        raise ConfigError(f"PG901: cannot tell whether '{p.name}' is a Facebook or an Instagram export: "
                          "pass --from facebook or --from instagram")
    if p.is_file() and p.suffix.lower() == ".csv":
        return "csv"
    if p.is_file():
        return "jsonl"
    raise ConfigError(f"PG901: cannot tell the export format of '{p.name}': pass --from ({', '.join(FORMATS)})")


def _meta_thread(name: str) -> bool:
    from ._meta import THREAD

    return bool(THREAD.search(name))


def read_input(path: str, fmt: str | None, options: ReadOptions, unread: list[Unread]) -> Iterator[Record | RecordError]:
    """Every draft of one input, in a fixed order; files seen but not read go to ``unread``."""
    fmt = fmt or detect_format(path)
    if fmt == "jsonl":
        yield from jsonl.read_path(path, options.max_line_bytes, options.stats)
        return
    if fmt == "csv" and options.csv_map is None:
        raise ConfigError("PG901: CSV input needs --csv-map text=COLUMN[,id=COLUMN,...]")
    if fmt not in FORMATS:
        raise ConfigError(f"PG901: unknown format; known formats: {', '.join(FORMATS)}")
    with Tree(Path(path)) as tree:
        inv = Inventory(seen=tree.names())
        counter = Counter()
        if fmt == "csv":
            assert options.csv_map is not None
            yield from csv_map.read(tree, inv, counter, options.csv_map)
        else:
            yield from _TREE_READERS[fmt](tree, inv, counter)
        prefix = f"{Path(path).name}/" if Path(path).is_dir() or Path(path).suffix.lower() == ".zip" else ""
        unread.extend(Unread(prefix + u.path, u.reason) for u in inv.unread())
