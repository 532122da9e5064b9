"""Figures on the dev corpus, split into the tuning part (dev-0001..dev-0199) and the held-out part
(dev-0200..), plus the whole, with shared/eval/score.py's own scoring.

    .venv/bin/phi-guard audit ../shared/eval/dev/corpus.jsonl --profile ../shared/eval/dev/profile.json \
        --format jsonl -o /tmp/dev.jsonl
    python3 tools/eval_split.py ../shared/eval/dev/corpus.jsonl /tmp/dev.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HOLDOUT_FROM = 200  # records dev-0200 and later were never looked at while tuning


def main(corpus_path: str, preds_path: str) -> None:
    sys.path.insert(0, str(Path(corpus_path).resolve().parents[1]))
    from score import score  # the yardstick itself

    corpus = [json.loads(l) for l in open(corpus_path, encoding="utf-8") if l.strip()]
    preds = {p["id"]: p for p in (json.loads(l) for l in open(preds_path, encoding="utf-8") if l.strip())}
    parts = {
        "all": corpus,
        "tuning": [r for r in corpus if int(r["id"].split("-")[1]) < HOLDOUT_FROM],
        "held-out": [r for r in corpus if int(r["id"].split("-")[1]) >= HOLDOUT_FROM],
    }
    for name, part in parts.items():
        s = score(part, preds)
        keys = ("violation_recall", "false_block_rate", "lookalike_flag_rate")
        print(f"{name} ({len(part)}):", {k: s[k] for k in keys}, s["span_recall"])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
