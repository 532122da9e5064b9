"""The HTML report: one self-contained file a compliance officer acts on.

jinja2 with autoescape on (every value from the input is escaped), inline CSS and inline SVG
charts, no script and nothing loaded from the network. Draft text is masked: the worklist shows
the redacted suggestion; ``include_text`` adds the original, marked as holding PHI.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import importlib.metadata
import os
import platform as _platform
from collections import Counter
from pathlib import Path
from typing import Any

import jinja2

from ..packs import builtin_pack, builtin_pack_dir
from ..readers import Unread
from ..records import Record, RecordError
from . import charts

LEVELS = ("block", "error", "warn", "pass")
EXCERPT_CHARS = 240
_ENV = jinja2.Environment(loader=jinja2.PackageLoader("phi_guard.report", "templates"),
                          autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def start_time() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH when set (reproducible reports)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "-"


def _sha256_file(path: Path | None) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path is not None else "-"


def pack_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def run_info(linter: Any, args: Any, started: dt.datetime) -> dict[str, Any]:
    """What decided: versions, model fingerprint, rule-pack and profile hashes, settings, start time."""
    value = linter.settings
    settings = dataclasses.asdict(value) if dataclasses.is_dataclass(value) and not isinstance(value, type) else {}
    return {
        "started": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "versions": {"phi-guard-lint": _version("phi-guard-lint"), "python": _platform.python_version(),
                     "spacy": _version("spacy"), "presidio-analyzer": _version("presidio-analyzer")},
        "model_fingerprint": linter.model_fingerprint,
        "rule_pack_sha256": pack_hash(builtin_pack_dir()),
        "profile": Path(args.profile).name if args.profile else "(none)",
        "profile_sha256": _sha256_file(Path(args.profile)) if args.profile else "-",
        "settings": {**settings, "batch_size": args.batch_size, "jobs": getattr(args, "jobs", 1),
                     "from": args.from_format or "(detected)",
                     "include_text": bool(args.include_text),
                     "inputs": ", ".join(Path(p).name for p in args.inputs)},
    }


def _month(created_at: str | None) -> str:
    return created_at[:7] if isinstance(created_at, str) and len(created_at) >= 7 and created_at[4] == "-" else "undated"


def _link(url: str | None) -> str | None:
    """Only http(s) links become links: ``javascript:`` and the like stay text."""
    return url if isinstance(url, str) and url.lower().startswith(("https://", "http://")) else None


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT_CHARS else text[:EXCERPT_CHARS - 1] + "…"


def _row(n: int, item: Record | RecordError, rec: dict[str, Any], include_text: bool) -> dict[str, Any]:
    draft = item.draft if isinstance(item, Record) else None
    counted = [f for f in rec["findings"] if f["severity"] != "info"]
    return {
        "n": n, "line": rec["line"], "id": rec.get("id"), "level": rec["level"], "risk": rec["risk"],
        "platform": (draft.platform if draft else None) or "unknown", "kind": draft.kind if draft else "-",
        "created_at": rec.get("created_at"), "month": _month(rec.get("created_at")),
        "url": rec.get("url"), "link": _link(rec.get("url")), "source": rec.get("source"),
        "rules": sorted({f["rule"] for f in counted} | set(rec.get("reasons") or [])),
        "labels": sorted({f["label"] for f in counted if f["label"]}),
        "excerpt": _excerpt(rec["redacted"] or ""), "error": rec.get("error"),
        "text": draft.text if include_text and draft else None,
        "allowances": rec.get("allowances") or rec.get("allowed") or [],
    }


def _by(rows: list[dict[str, Any]], key: str) -> list[tuple[str, dict[str, int]]]:
    groups: dict[str, Counter[str]] = {}
    for r in rows:
        groups.setdefault(r[key], Counter())[r["level"]] += 1
    return [(k, {lv: groups[k][lv] for lv in LEVELS}) for k in sorted(groups)]


def summarize(pairs: list[tuple[Record | RecordError, dict[str, Any]]], include_text: bool) -> dict[str, Any]:
    rows = [_row(n, item, rec, include_text) for n, (item, rec) in enumerate(pairs, 1)]
    by_rule: Counter[str] = Counter()
    by_label: Counter[str] = Counter()
    for _, rec in pairs:
        for f in rec["findings"]:
            if f["severity"] != "info":
                by_rule[f["rule"]] += 1
                by_label[f["label"] or "(no label)"] += 1
    totals = {lv: sum(1 for r in rows if r["level"] == lv) for lv in LEVELS}
    return {
        "rows": rows, "totals": totals, "total": len(rows),
        "worklist": sorted((r for r in rows if r["level"] in ("block", "error")), key=lambda r: (-r["risk"], r["n"])),
        "by_rule": by_rule.most_common(), "by_label": by_label.most_common(),
        "by_platform": _by(rows, "platform"), "by_month": _by(rows, "month"),
        "allowances": [(r, a) for r in rows for a in r["allowances"]],
    }


def render(pairs: list[tuple[Record | RecordError, dict[str, Any]]], info: dict[str, Any],
           unread: list[Unread], include_text: bool = False) -> str:
    s = summarize(pairs, include_text)
    return _ENV.get_template("report.html.j2").render(
        s=s, info=info, unread=unread, include_text=include_text, levels=LEVELS,
        rule_names={r.code: r.name for r in builtin_pack().rules},
        level_chart=charts.bars([(lv, s["totals"][lv]) for lv in LEVELS], colors=charts.LEVEL_COLORS),
        rule_chart=charts.bars(s["by_rule"]), label_chart=charts.bars(s["by_label"]),
        platform_chart=charts.stacked(s["by_platform"], LEVELS), month_chart=charts.stacked(s["by_month"], LEVELS))
