"""phi-guard on Spark: ``lint_dataframe(df, profile=PATH)`` checks a DataFrame of drafts.

    from phi_guard.spark import lint_dataframe
    out = lint_dataframe(spark.read.json("drafts.jsonl"), profile="profile.json")
    out.filter("level in ('block', 'error')").show()

The input has the GUIDELINES columns (``id``, ``kind``, ``platform``, ``in_reply_to`` as a struct
of ``author`` and ``text``, ``consent``, ``text``); only ``text`` is required, other columns are
ignored. The output has one row per input row: ``id`` (as a string), ``level``, ``risk``,
``findings`` (an array of structs), ``redacted`` and ``error``. A row that cannot be made into a
draft becomes an ``error`` row (fail closed); it never stops the job.

It runs with ``mapInPandas``: each Python worker builds one Linter the first time it needs one
and keeps it for every later batch and task (Spark reuses its Python workers), so the model
loads once per worker, never per row. The profile is read on the driver and travels with the
job, so executors need phi-guard and its model installed, not the profile file (docs/spark.md).
Needs the optional ``[spark]`` extra: pyspark, pandas, pyarrow.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._errors import InputError
from .records import draft_from_obj

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from pyspark.sql import DataFrame

    from .linter import Linter, Settings

OUTPUT_DDL = ("id string, level string, risk int, findings array<struct<start:int,end:int,label:string,"
              "rule:string,severity:string,score:double>>, redacted string, error string")
_FIELDS = ("id", "kind", "platform", "in_reply_to", "consent", "text")
_LINTERS: dict[str, Linter] = {}  # one per Python worker process and profile


def lint_dataframe(df: DataFrame, profile: str | Path | None = None, settings: Settings | None = None,
                   batch_size: int = 64) -> DataFrame:
    """``df`` checked row by row: id, level, risk, findings, redacted, error."""
    if "text" not in df.columns:
        raise InputError("missing_text: the DataFrame has no 'text' column")
    profile_data = json.loads(Path(profile).read_text(encoding="utf-8")) if profile is not None else None
    columns = [c for c in _FIELDS if c in df.columns]
    spec = (profile_data, settings, max(1, batch_size))

    def run(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        return lint_batches(batches, *spec)

    return df.select(*columns).mapInPandas(run, OUTPUT_DDL)


def worker_linter(profile_data: Any, settings: Settings | None) -> Linter:
    """This process's Linter for ``profile_data`` and ``settings``, built on first use."""
    key = hashlib.sha256(json.dumps([profile_data, repr(settings)], sort_keys=True).encode()).hexdigest()
    linter = _LINTERS.get(key)
    if linter is None:
        from .linter import Linter
        from .profile import Profile

        profile = Profile.from_dict(profile_data, source="profile") if profile_data is not None else None
        linter = _LINTERS[key] = Linter(profile=profile, settings=settings)
    return linter


def lint_batches(batches: Iterator[pd.DataFrame], profile_data: Any, settings: Settings | None,
                 batch_size: int) -> Iterator[pd.DataFrame]:
    import pandas as pd

    linter = worker_linter(profile_data, settings)
    for frame in batches:
        rows = [row_output(rid, r) for rid, r in lint_rows(linter, frame.to_dict("records"), batch_size)]
        yield pd.DataFrame(rows, columns=["id", "level", "risk", "findings", "redacted", "error"])


def lint_rows(linter: Linter, rows: list[dict[str, Any]], batch_size: int) -> Iterator[tuple[str | None, Any]]:
    """(id, Result or error text) per row, in order; bad rows never reach the linter."""
    drafts: list[Any] = []
    outcome: list[tuple[str | None, str | None]] = []
    for row in rows:
        obj = {k: _plain(v) for k, v in row.items() if k in _FIELDS}
        obj = {k: v for k, v in obj.items() if v is not None or k == "text"}
        rid = obj.get("id")
        try:
            drafts.append(draft_from_obj(obj))
            outcome.append((None if rid is None else str(rid), None))
        except InputError as exc:
            outcome.append((None if rid is None else str(rid), f"PG910: {exc}"))
    results = iter(linter.check_many(drafts, batch_size=batch_size))
    for rid, err in outcome:
        yield rid, err if err is not None else next(results)


def row_output(rid: str | None, res: Any) -> dict[str, Any]:
    if isinstance(res, str):
        return {"id": rid, "level": "error", "risk": 100, "findings": [], "redacted": "", "error": res}
    return {"id": rid, "level": res.level.value, "risk": int(res.risk),
            "findings": [{"start": f.start, "end": f.end, "label": f.label, "rule": f.rule,
                          "severity": f.severity.value, "score": float(f.score)} for f in res.findings],
            "redacted": res.redacted, "error": res.error}


def _plain(value: Any) -> Any:
    """pandas/numpy/Arrow values as the plain Python values ``draft_from_obj`` expects."""
    if hasattr(value, "item") and not isinstance(value, (str, bytes, list, dict)):
        try:
            value = value.item()
        except (ValueError, AttributeError):
            return value
    if isinstance(value, float) and math.isnan(value):  # a missing value
        return None
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)) or type(value).__name__ == "ndarray":
        return [_plain(v) for v in value]
    return value
