"""``--format json`` (one document: metadata, one record per draft, summary) and ``--format
jsonl`` (the audit format, one record per draft, streamed). Records are ``report.jsonl``'s,
plus ``source`` and, where a draft has them, ``allowances`` and ``suppressed``."""

from __future__ import annotations

import json
from typing import IO, Any

from ..checking import Checked, Tally
from . import common, jsonl

SCHEMA_VERSION = 1


class Reporter:
    def __init__(self, out: IO[str], metadata: dict[str, Any]) -> None:
        self.out, self.metadata = out, metadata
        self.records: list[dict[str, Any]] = []

    def add(self, c: Checked) -> None:
        self.records.append(common.record(c))

    def finish(self, tally: Tally) -> None:
        doc = {
            "schema_version": SCHEMA_VERSION,
            "metadata": self.metadata,
            "results": self.records,
            "summary": common.summary(tally),
        }
        json.dump(doc, self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")


class LinesReporter:
    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def add(self, c: Checked) -> None:
        self.out.write(jsonl.dumps(common.record(c)) + "\n")

    def finish(self, tally: Tally) -> None:
        """JSONL has no header or trailer line: the summary goes to --metadata or other formats."""
