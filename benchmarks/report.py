"""The benchmark's table and its check against the issue's "done when" bars (a report, not a test)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

NA = "n/a"
HIGHER_IS_BETTER = ("violation_recall", "warn_or_block_recall")
LOWER_IS_BETTER = ("false_block_rate", "lookalike_flag_rate")


def _run(tool: dict[str, Any], size: int) -> dict[str, Any] | None:
    return tool["runs"].get(str(size))


def _num(x: float | None, fmt: str = ",.0f") -> str:
    return NA if x is None else format(x, fmt)


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def _rate(tool: dict[str, Any], size: int, key: str = "drafts_per_s") -> float | None:
    run = _run(tool, size)
    return None if run is None else run[key]


def _jobs_speedup(pg: dict[str, Any], n: int) -> float | None:
    jobs = pg.get("jobs2")
    if not jobs:
        return None
    one = jobs.get("one_process_drafts_per_s") or _rate(pg, n)
    return _ratio(jobs["drafts_per_s"], one)


def _dev_regressions(dev: dict[str, Any], old: dict[str, Any]) -> list[str]:
    worse = [k for k in HIGHER_IS_BETTER if (old.get(k) or 0) > (dev.get(k) or 0)]
    worse += [k for k in LOWER_IS_BETTER if (dev.get(k) or 0) > (old.get(k) or 0)]
    old_spans, new_spans = old.get("span_recall", {}), dev.get("span_recall", {})
    worse += [f"span_recall.{g}" for g, v in old_spans.items() if new_spans.get(g, 0) < v]
    return worse


def checks(res: dict[str, Any], baseline: dict[str, Any] | None, baseline_path: Path) -> list[dict[str, Any]]:
    pg, pr, n = res["phi_guard"], res["presidio"], res["settings"]["n"]
    ratio = _ratio(_rate(pg, n), _rate(pr, n))
    speedup = _jobs_speedup(pg, n)
    r100k = _ratio(_rate(pg, n * 10), _rate(pg, n))
    rss = max([pg["own_process"]["peak_rss_mb"], (pg.get("jobs2") or {}).get("workers_peak_rss_mb") or 0])
    out = [
        ("one process: phi-guard / Presidio drafts/s", ">= 5x", ratio, lambda v: v >= 5, ".2f", "x"),
        ("--jobs 2 / one process", ">= 1.7x", speedup, lambda v: v >= 1.7, ".2f", "x"),
        ("check p95, short draft, warm", "<= 10 ms", pg["latency"]["p95_ms"], lambda v: v <= 10, ".2f", " ms"),
        ("cold start, import to first result", "<= 3 s", pg["cold_start_s"], lambda v: v <= 3, ".2f", " s"),
        ("peak RSS per process", "<= 500 MB", rss, lambda v: v <= 500, ".0f", " MB"),
        (f"{n * 10:,} vs {n:,} drafts/s", "within 20%", None if r100k is None else r100k - 1,
         lambda v: abs(v) <= 0.2, "+.1%", ""),
    ]
    rows = [{"criterion": c, "target": t, "measured": None if v is None else f"{v:{f}}{u}",
             "met": None if v is None else bool(ok(v))} for c, t, v, ok, f, u in out]
    if baseline and baseline.get("phi_guard", {}).get("dev"):
        worse = _dev_regressions(pg["dev"], baseline["phi_guard"]["dev"])
        rows.append({"criterion": f"dev-corpus figures vs {baseline_path.name} ({baseline.get('started_at', '?')})",
                     "target": "no worse", "measured": "worse: " + ", ".join(worse) if worse else "no worse",
                     "met": not worse})
    else:
        rows.append({"criterion": "dev-corpus figures vs an earlier run", "target": "no worse",
                     "measured": None, "met": None})
    identical = (pg.get("jobs2") or {}).get("identical_to_one_process")
    rows.append({"criterion": "--jobs 2 results identical to one process", "target": "yes",
                 "measured": None if identical is None else ("yes" if identical else "NO"), "met": identical})
    rows.append({"criterion": "network connection attempts", "target": "0",
                 "measured": str(res["network_attempts"]), "met": res["network_attempts"] == 0})
    return rows


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _speed_rows(pg: dict[str, Any], pr: dict[str, Any], n: int) -> list[str]:
    rows = []
    for label, key, fmt in (("drafts/s", "drafts_per_s", ",.0f"), ("chars/s", "chars_per_s", ",.0f")):
        a, b = _rate(pg, n, key), _rate(pr, n, key)
        rows.append(_row([f"{label}, {n:,}-draft workload, one process", _num(a, fmt), _num(b, fmt),
                          _num(_ratio(a, b), ".2f") + "x"]))
    for size in sorted({int(s) for s in pg["runs"]} | {int(s) for s in pr["runs"]}):
        a, b = _rate(pg, size), _rate(pr, size)
        rows.append(_row([f"throughput at {size:,} drafts (drafts/s)", _num(a), _num(b) if b else "not run",
                          _num(_ratio(a, b), ".2f") + "x" if b else NA]))
    jobs_pg, jobs_pr = pg.get("jobs2"), pr.get("jobs2")
    rows.append(_row([f"2 processes (drafts/s, {n:,})", _num(jobs_pg["drafts_per_s"]) if jobs_pg else NA,
                      _num(jobs_pr["drafts_per_s"]), NA]))
    rows.append(_row(["2 processes / one process", _num(_jobs_speedup(pg, n), ".2f") + "x" if jobs_pg else NA,
                      _num(_ratio(jobs_pr["drafts_per_s"], _rate(pr, n)), ".2f") + "x", ""]))
    return rows


def _other_rows(pg: dict[str, Any], pr: dict[str, Any], res: dict[str, Any]) -> list[str]:
    lat = lambda t: "{p50_ms:.2f} / {p95_ms:.2f} / {p99_ms:.2f}".format(**t["latency"])  # noqa: E731
    pd, rd = pg["dev"], pr["dev"]
    ident = lambda d: _num(d["span_recall"].get("ALL_IDENTIFIERS"), ".3f")  # noqa: E731
    return [
        _row(["`check` latency p50 / p95 / p99 (ms), one short draft, warm", lat(pg), lat(pr),
              _num(_ratio(pg["latency"]["p95_ms"], pr["latency"]["p95_ms"]), ".2f") + "x (p95)"]),
        _row(["cold start: import to first result (s, median of fresh processes)",
              _num(pg["cold_start_s"], ".2f"), _num(pr["cold_start_s"], ".2f"), ""]),
        _row([f"peak RSS, own process: build + {pg['own_process']['drafts']:,} drafts (MB)",
              _num(pg["own_process"]["peak_rss_mb"]), _num(pr["own_process"]["peak_rss_mb"]), ""]),
        _row(["peak RSS of the bench process (MB): after phi-guard's runs / after both",
              _num(pg["bench_process_peak_rss_mb"]), _num(res["bench_process_peak_rss_mb"]), ""]),
        _row([f"dev corpus ({pd['records']} drafts): violation recall", _num(pd["violation_recall"], ".3f"),
              "n/a (no verdict)", ""]),
        _row(["dev corpus: false block rate", _num(pd["false_block_rate"], ".3f"), NA, ""]),
        _row(["dev corpus: identifier span recall", ident(pd), ident(rd), ""]),
        _row(["dev corpus: look-alike flag rate", _num(pd["lookalike_flag_rate"], ".3f"),
              _num(rd["lookalike_flag_rate"], ".3f"), ""]),
    ]


def table(res: dict[str, Any]) -> str:
    pg, pr, n = res["phi_guard"], res["presidio"], res["settings"]["n"]
    w, m = res["workload"], res["machine"]
    lines = [_row(["measure", "phi-guard", "Presidio", "phi-guard / Presidio"]), _row(["---"] * 4)]
    lines += _speed_rows(pg, pr, n) + _other_rows(pg, pr, res)
    lines += ["", _row(["done when (issue 5)", "target", "measured", "met"]), _row(["---"] * 4)]
    for c in res["checks"]:
        met = NA if c["met"] is None else ("yes" if c["met"] else "NO")
        lines.append(_row([c["criterion"], c["target"], c["measured"] or NA, met]))
    sizes = w["sizes"]
    lines += ["", f"workload: {w['drafts']:,} drafts (seed {res['settings']['seed']}), {sizes['short']:,} short / "
              f"{sizes['medium']:,} medium / {sizes['long']:,} long, {w['with_in_reply_to']:,} with in_reply_to, "
              f"{w['spanish']:,} with Spanish, mean {w['mean_chars']} chars; batch size {res['settings']['batch_size']}",
              f"machine: {m['cpus']} CPUs, Python {m['python']}, {m['platform']}; " +
              ", ".join(f"{k} {v}" for k, v in m["versions"].items()) + f"; model {m['model_fingerprint']}; "
              f"load average (1/5/15 min) {m['loadavg_at_start']} at start, {m.get('loadavg_at_end')} at end",
              f"2 processes via: {(pg.get('jobs2') or {}).get('via', 'not supported (n/a)')}; "
              f"dev scorer: {pg['dev']['scorer']}"]
    return "\n".join(lines)
