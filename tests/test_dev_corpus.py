"""The dev corpus end to end: batch equals one-at-a-time, and the figures hold their floor.

The floors are set below today's measured figures (docs/accuracy.md) so a regression fails.
"""

from __future__ import annotations

import json

from phi_guard.evaluate import score
from phi_guard.records import Record, iter_records

from conftest import DEV


def test_batch_equals_check_and_figures_hold(linter):
    with open(DEV / "corpus.jsonl", "rb") as fh:
        records = [r for r in iter_records(fh) if isinstance(r, Record)]
    drafts = [r.draft for r in records]
    batch = list(linter.check_many(drafts, batch_size=16))
    assert batch == [linter.check(d) for d in drafts]
    corpus = [json.loads(l) for l in (DEV / "corpus.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    preds = {r.id: {"level": r.level.value, "findings": [f.to_dict() for f in r.findings]} for r in batch}
    s = score(corpus, preds)
    assert s["span_recall"]["ALL_IDENTIFIERS"] >= 0.85
    assert s["lookalike_flag_rate"] <= 0.10
    assert s["violation_recall"] >= 0.92  # issue 4's bars from here on
    assert s["false_block_rate"] <= 0.10
    assert s["span_recall"]["HEALTH"] >= 0.85
    assert s["span_recall"]["RELATIONSHIP"] >= 0.80
