"""`phi-guard eval`: the figures of shared/eval/score.py for phi-guard's own predictions.

The scoring here mirrors score.py line for line (a test runs both on the same predictions and
compares), so a figure printed by `phi-guard eval` is the yardstick's figure.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

IDS = {"SSN", "MRN", "HEALTH_PLAN_ID", "ACCOUNT_NUMBER", "LICENSE_NUMBER", "VEHICLE_ID", "DEVICE_ID", "OTHER_ID"}
HEALTH = {"CONDITION", "PROCEDURE", "MEDICATION"}
COMPAT: dict[str, set[str]] = {
    "NAME": {"NAME", "HANDLE"}, "HANDLE": {"HANDLE", "NAME", "URL"}, "PHONE": {"PHONE", "FAX"},
    "FAX": {"PHONE", "FAX"}, "AGE": {"AGE", "DATE"}, "DATE": {"DATE", "AGE"}, "URL": {"URL", "HANDLE"}}
for _x in IDS:
    COMPAT[_x] = IDS | {"PHONE"}
for _x in HEALTH:
    COMPAT[_x] = HEALTH
GROUPS = {"NAME": {"NAME", "HANDLE"}, "DATE/AGE": {"DATE", "AGE"}, "LOCATION": {"LOCATION"},
          "CONTACT": {"PHONE", "FAX", "EMAIL", "URL", "IP_ADDRESS"}, "NUMBERS": IDS | {"BIOMETRIC"},
          "HEALTH": HEALTH, "RELATIONSHIP": {"RELATIONSHIP"}}
IDENT = set().union(*[GROUPS[g] for g in ("NAME", "DATE/AGE", "LOCATION", "CONTACT", "NUMBERS")])


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return min(a["end"], b["end"]) - max(a["start"], b["start"]) > 0


def _raises(f: dict[str, Any]) -> bool:
    return f.get("severity", "high") not in ("info", "none")


def score(corpus: list[dict[str, Any]], preds: dict[Any, dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"records": len(corpus), "missing_predictions": 0}
    tp = fn = fp = tn = warn_tp = warn_fp = neg_hit = neg_tot = 0
    hit: dict[str, int] = defaultdict(int)
    tot: dict[str, int] = defaultdict(int)
    misses = []
    for rec in corpus:
        p = preds.get(rec["id"])
        if p is None:
            out["missing_predictions"] += 1
            p = {"level": "pass", "findings": []}
        flagged = p["level"] in ("block", "error")
        warned = p["level"] in ("block", "warn", "error")
        if rec["verdict"] == "violation":
            tp += flagged; fn += not flagged; warn_tp += warned  # noqa: E702
            if not flagged:
                misses.append(rec["id"])
        else:
            fp += flagged; tn += not flagged; warn_fp += warned  # noqa: E702
        fs = p.get("findings", [])
        for s in rec["spans"]:
            if s["phi"]:
                ok = any(_overlap(s, f) and f["label"] in COMPAT.get(s["label"], {s["label"]}) for f in fs)
                for g, labels in GROUPS.items():
                    if s["label"] in labels:
                        tot[g] += 1; hit[g] += ok  # noqa: E702
                if s["label"] in IDENT:
                    tot["ALL_IDENTIFIERS"] += 1; hit["ALL_IDENTIFIERS"] += ok  # noqa: E702
            else:
                neg_tot += 1
                neg_hit += any(_overlap(s, f) and _raises(f) for f in fs)
    v, o = tp + fn, fp + tn
    out.update({
        "violations": v, "ok": o,
        "violation_recall": round(tp / v, 4) if v else None,
        "false_block_rate": round(fp / o, 4) if o else None,
        "warn_or_block_recall": round(warn_tp / v, 4) if v else None,
        "warn_or_block_on_ok": round(warn_fp / o, 4) if o else None,
        "span_recall": {g: round(hit[g] / tot[g], 4) for g in sorted(tot) if tot[g]},
        "span_counts": dict(sorted(tot.items())),
        "lookalike_flag_rate": round(neg_hit / neg_tot, 4) if neg_tot else None,
        "missed_violation_ids": misses[:40],
    })
    return out
