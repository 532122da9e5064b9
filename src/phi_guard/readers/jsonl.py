"""JSON Lines in the GUIDELINES format (the default): ``phi_guard.records`` as it is."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from .._errors import PhiGuardError
from ..records import ReadStats, Record, RecordError, iter_records

NAME = "jsonl"


def read_path(path: str, max_line_bytes: int | None = None,
              stats: ReadStats | None = None) -> Iterator[Record | RecordError]:
    """Every record of one JSON Lines file, or of stdin for ``-``."""
    if path == "-":
        yield from iter_records(sys.stdin.buffer, max_line_bytes, stats)
        return
    try:
        with open(path, "rb") as fh:
            yield from iter_records(fh, max_line_bytes, stats)
    except IsADirectoryError:
        raise PhiGuardError(f"PG901: '{Path(path).name}' is a folder: name its export format with --from") from None
    except OSError as exc:
        raise PhiGuardError(f"PG901: cannot read input '{Path(path).name}' ({exc.strerror})") from None
