"""The audit format: one JSON object per input record, in input order (CONTRACTS 6)."""

from __future__ import annotations

import json
from typing import Any

from .._types import Result
from ..records import Record, RecordError

SCHEMA_VERSION = 1


def result_record(line: int, result: Result) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "id": result.id,
        "line": line,
        "level": result.level.value,
        "risk": result.risk,
        "reasons": list(result.reasons),
        "findings": [f.to_dict() for f in result.findings],
        "redacted": result.redacted,
        "error": result.error,
    }


def with_provenance(record: dict[str, Any], item: Record | RecordError) -> dict[str, Any]:
    """``record`` with the reader's ``source``, ``platform_id``, ``created_at`` and ``url`` where set."""
    extra = item.provenance() if isinstance(item, Record) else (
        {"source": item.source} if item.source is not None else {})
    return {**record, **extra} if extra else record


def error_record(err: RecordError) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "id": err.id,
        "line": err.line,
        "level": "error",
        "risk": 100,
        "reasons": [err.code],
        "findings": [],
        "redacted": "",
        "error": err.error,
    }


# Characters that str.splitlines() and some JSON readers take for line breaks, although JSON
# allows them raw inside strings: escaped, so one record is always exactly one line.
_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085"})


def dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=False, separators=(", ", ": ")).translate(_LINE_BREAKS)
