"""What the CLI applies to a Result after the linter: select/ignore, per-rule severity,
allowances, the baseline, warn-as-block. The scorer is never re-run.

- A finding of a rule that is not selected, or is ignored, is dropped from the report.
- A per-rule severity replaces a counted finding's severity; ``info`` stops it counting.
  Info findings (look-alikes, unlinked terms) stay info: a severity never promotes them.
- A counted finding covered by a live allowance, or matching a live baseline entry, is
  suppressed: removed from ``findings`` and listed as suppressed, with what suppressed it.
- The level only ever drops where nothing that drove it is left (fail closed): a BLOCK stays a
  BLOCK while any rule in its ``reasons`` still has a counted finding; otherwise it becomes WARN
  when counted findings remain and PASS when none do (risk 0). ``warn_as_block`` turns WARN
  into BLOCK. An ERROR result is never changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from . import clock, codes
from ._types import Finding, Level, Result, Severity
from .allow import Allowance
from .config import Config


@dataclass(frozen=True, slots=True)
class Policy:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    warn_as_block: bool = False

    @classmethod
    def from_config(cls, config: Config) -> Policy:
        return cls(config.select, config.ignore, config.severity, config.warn_as_block)

    def enabled(self, code: str) -> bool:
        return (not self.select or codes.matches(code, self.select)) and not codes.matches(
            code, self.ignore
        )

    def reseverity(self, f: Finding) -> Finding:
        if f.severity is Severity.INFO:
            return f
        sev = codes.most_specific(f.rule, self.severity)
        return f if not isinstance(sev, Severity) or sev is f.severity else replace(f, severity=sev)


@dataclass(frozen=True, slots=True)
class Suppressed:
    finding: Finding
    fingerprint: str
    by: str  # "allowance" | "baseline"
    allowance: Allowance | None = None


@dataclass(frozen=True, slots=True)
class AllowanceUse:
    allowance: Allowance
    status: str  # "used" | "unused" | "expired"
    findings: int = 0


@dataclass(frozen=True, slots=True)
class Outcome:
    result: Result
    fingerprints: tuple[str, ...]  # one per finding of ``result``
    suppressed: tuple[Suppressed, ...] = ()
    allowances: tuple[AllowanceUse, ...] = ()


def apply(
    result: Result,
    fingerprints: Sequence[str],
    policy: Policy,
    allowances: Sequence[Allowance] = (),
    today: dt.date | None = None,
    baselined: Sequence[bool] = (),
) -> Outcome:
    """``baselined[i]``: finding i matches a live baseline entry."""
    today = today or clock.today()
    live = [a for a in allowances if not a.expired(today)]
    if result.level is Level.ERROR:
        return Outcome(result, tuple(fingerprints), (), _uses(allowances, {}, today))
    kept: list[tuple[Finding, str]] = []
    suppressed: list[Suppressed] = []
    used: dict[int, int] = {}
    for i, (f, fp) in enumerate(zip(result.findings, fingerprints)):
        if not policy.enabled(f.rule):
            continue
        f = policy.reseverity(f)
        if f.severity is not Severity.INFO:
            hit = next((a for a in live if a.covers(f.rule)), None)
            if hit is not None:
                used[id(hit)] = used.get(id(hit), 0) + 1
                suppressed.append(Suppressed(f, fp, "allowance", hit))
                continue
            if i < len(baselined) and baselined[i]:
                suppressed.append(Suppressed(f, fp, "baseline"))
                continue
        kept.append((f, fp))
    findings = tuple(f for f, _ in kept)
    return Outcome(
        _relevel(result, findings, policy),
        tuple(fp for _, fp in kept),
        tuple(suppressed),
        _uses(allowances, used, today),
    )


def _relevel(result: Result, findings: tuple[Finding, ...], policy: Policy) -> Result:
    counted = {f.rule for f in findings if f.severity is not Severity.INFO}
    reasons = tuple(r for r in result.reasons if r in counted)
    level = result.level
    if level is Level.BLOCK and not reasons:
        level = Level.WARN if counted else Level.PASS
    elif level is Level.WARN and not counted:
        level = Level.PASS
    if level is Level.WARN and policy.warn_as_block:
        level = Level.BLOCK
    risk = 0 if level is Level.PASS else result.risk
    return replace(result, level=level, risk=risk, findings=findings, reasons=reasons)


def _uses(
    allowances: Sequence[Allowance], used: dict[int, int], today: dt.date
) -> tuple[AllowanceUse, ...]:
    out = []
    for a in allowances:
        if a.expired(today):
            out.append(AllowanceUse(a, "expired"))
        else:
            n = used.get(id(a), 0)
            out.append(AllowanceUse(a, "used" if n else "unused", n))
    return tuple(out)
