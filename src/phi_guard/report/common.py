"""What every ``check`` report shares: messages that name rule and label (never text), the
record of one draft for JSON and JSONL, and the run summary."""

from __future__ import annotations

from typing import Any

from .._types import Finding, Severity
from ..checking import Checked, Tally
from ..packs import RulePack
from ..suppress import AllowanceUse
from . import jsonl

SCOPE = "text only: images, video, alt text and geotags are not checked"
_SARIF_LEVEL = {
    Severity.INFO: "note",
    Severity.LOW: "warning",
    Severity.MEDIUM: "warning",
    Severity.HIGH: "error",
    Severity.CRITICAL: "error",
}


def sarif_level(severity: Severity) -> str:
    return _SARIF_LEVEL[severity]


def rule_name(pack: RulePack, code: str) -> str:
    try:
        return pack.rule(code).name
    except KeyError:
        return "unknown-rule"


def title(pack: RulePack, code: str) -> str:
    return f"{code} {rule_name(pack, code)}"


def message(f: Finding, pack: RulePack) -> str:
    """One line about a finding: rule, label, severity. Never the matched text."""
    what = f"{f.label} found" if f.label else "about the draft as a whole"
    return f"{title(pack, f.rule)}: {what} ({f.severity.value}); see `phi-guard explain {f.rule}`"


def draft_name(c: Checked) -> str:
    item = c.item
    if item.line == 1 and item.identity == item.source:
        return item.source
    return f"{item.source}:{item.line}" + (f" (id {item.id})" if item.id is not None else "")


def allowance_row(use: AllowanceUse) -> dict[str, Any]:
    return {**use.allowance.to_dict(), "status": use.status, "findings": use.findings}


def allowance_rows(c: Checked) -> list[dict[str, Any]]:
    return [allowance_row(use) for use in c.outcome.allowances]


def record(c: Checked) -> dict[str, Any]:
    """The audit record of a draft (report.jsonl), plus its source, allowances and suppressions."""
    rec = jsonl.result_record(c.item.line, c.result)
    rec["source"] = c.item.source
    if c.outcome.allowances:
        rec["allowances"] = allowance_rows(c)
    if c.outcome.suppressed:
        rec["suppressed"] = [
            {
                **s.finding.to_dict(),
                "by": s.by,
                "authorization": s.allowance.authorization if s.allowance else None,
            }
            for s in c.outcome.suppressed
        ]
    return rec


def summary(tally: Tally) -> dict[str, Any]:
    return {
        "drafts": sum(tally.counts.values()),
        "levels": dict(tally.counts),
        "suppressed": dict(tally.suppressed),
        "allowances": [
            {"source": item.source, "line": item.line, **allowance_row(use)}
            for item, use in tally.allowances
        ],
        "stale_baseline": [{**e.to_dict(), "why": why} for e, why in tally.stale],
        "scope": SCOPE,
    }


def summary_line(tally: Tally) -> str:
    c = tally.counts
    parts = [
        f"{sum(c.values())} draft(s): {c['block']} block, {c['warn']} warn, {c['pass']} pass, {c['error']} error"
    ]
    if any(tally.suppressed.values()):
        parts.append(
            f"suppressed {tally.suppressed['allowance']} by allowance, {tally.suppressed['baseline']} by baseline"
        )
    if tally.allowances:
        parts.append(
            f"allowances {tally.allowance_count('used')} used, {tally.allowance_count('unused')} unused, "
            f"{tally.allowance_count('expired')} expired"
        )
    if tally.stale:
        parts.append(
            f"{len(tally.stale)} stale baseline entr{'y' if len(tally.stale) == 1 else 'ies'}"
        )
    return "; ".join(parts)
