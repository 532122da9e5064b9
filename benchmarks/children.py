"""What the benchmark runs in fresh subprocesses: cold start, peak memory, dev-corpus figures, the CLI.

Each child prints one JSON object on its last stdout line. The network is already blocked
(benchmarks/run.py does it before anything else is imported).
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks import measure

LATENCY_DRAFT = {
    "text": "Maria, so sorry your filling still hurts after your visit on June 4. Dr. Zhou will call you today.",
    "kind": "reply", "platform": "google",
    "in_reply_to": {"author": "Maria G.", "text": "My filling still hurts."},
}


def cold(tool: str, profile: Path, model_dir: Path | None) -> dict[str, Any]:
    """Import to first result in this fresh process."""
    t0 = time.perf_counter()
    if tool == "phi-guard":
        from phi_guard import Linter, Profile
        from phi_guard.records import draft_from_obj
        t1 = time.perf_counter()
        linter = Linter(profile=Profile.load(profile))
        t2 = time.perf_counter()
        linter.check(draft_from_obj(LATENCY_DRAFT))
    else:
        from benchmarks.engines import Presidio
        t1 = time.perf_counter()
        measure.offline_tldextract()
        engine = Presidio(model_dir)
        t2 = time.perf_counter()
        engine.check(LATENCY_DRAFT["text"])
    t3 = time.perf_counter()
    return {"import_s": t1 - t0, "build_s": t2 - t1, "first_check_s": t3 - t2, "cold_start_s": t3 - t0,
            "peak_rss_mb": measure.peak_rss_mb()}


def rss(tool: str, profile: Path, model_dir: Path | None, n: int, seed: int, batch_size: int) -> dict[str, Any]:
    """Peak RSS of a process that builds ``tool`` and checks ``n`` workload drafts."""
    from benchmarks.engines import PhiGuard, Presidio, drafts_from_records
    from benchmarks.workload import generate

    records = generate(n, seed)
    if tool == "phi-guard":
        engine = PhiGuard(profile)
        kwargs = {"n_process": 1} if engine.supports_n_process() else {}
        out = engine.run(drafts_from_records(records), batch_size, **kwargs)
    else:
        measure.offline_tldextract()
        out = Presidio(model_dir).run([r["text"] for r in records], batch_size)
    return {"drafts": out["drafts"], "peak_rss_mb": measure.peak_rss_mb()}


def _yardstick(shared: Path):  # type: ignore[no-untyped-def]
    """shared/eval/score.py itself when it is there, else phi-guard's mirror of it."""
    path = shared / "eval" / "score.py"
    if path.is_file():
        spec = importlib.util.spec_from_file_location("bench_yardstick_score", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.score, str(path)
    from phi_guard.evaluate import score

    return score, "phi_guard.evaluate.score"


def evaluate(tool: str, corpus_path: Path, profile: Path, model_dir: Path | None, shared: Path) -> dict[str, Any]:
    """The dev-corpus figures of score.py for ``tool``'s predictions."""
    with open(corpus_path, encoding="utf-8") as fh:
        corpus = [json.loads(line) for line in fh if line.strip()]
    if tool == "phi-guard":
        from phi_guard import Linter, Profile
        from phi_guard.cli import audit_records
        from phi_guard.records import iter_records

        linter = Linter(profile=Profile.load(profile))
        with open(corpus_path, "rb") as fh:
            preds = {r["id"]: r for r in audit_records(linter, iter_records(fh), 64) if r.get("id") is not None}
    else:
        from benchmarks.engines import Presidio

        measure.offline_tldextract()
        preds = Presidio(model_dir).predictions(corpus)
    score, scorer = _yardstick(shared)
    figures = score(corpus, preds)
    figures.pop("missed_violation_ids", None)
    return {"scorer": scorer, "corpus": corpus_path.name, **figures}


def cli_audit(jsonl: Path, profile: Path, jobs: int, out: Path) -> dict[str, Any]:
    """``phi-guard audit --jobs N`` in this process, timed from the call (model load included)."""
    from phi_guard.cli import main

    start = time.perf_counter()
    code = main(["audit", str(jsonl), "--profile", str(profile), "--format", "jsonl", "-o", str(out),
                 "--jobs", str(jobs), "--exit-zero"])
    seconds = time.perf_counter() - start
    return {"exit": code, "seconds": seconds, "peak_rss_mb": measure.peak_rss_mb(),
            "children_peak_rss_mb": measure.children_peak_rss_mb()}


def run_child(args: Any) -> int:
    shared, model = Path(args.shared), Path(args.model_dir) if args.model_dir else None
    if args.child == "cold":
        out = cold(args.tool, Path(args.profile), model)
    elif args.child == "rss":
        out = rss(args.tool, Path(args.profile), model, args.rss_drafts, args.seed, args.batch_size)
    elif args.child == "eval":
        out = evaluate(args.tool, Path(args.corpus), Path(args.corpus_profile), model, shared)
    else:
        out = cli_audit(Path(args.cli_input), Path(args.profile), args.cli_jobs, Path(args.cli_output))
    out["network_attempts"] = len(measure.ATTEMPTS)
    sys.stdout.write("\n" + json.dumps(out) + "\n")
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown: it is not part of any measurement
