"""SARIF 2.1.0 for GitHub code scanning.

- ``ruleId`` is the stable rule code; ``tool.driver.rules`` carries every rule of the loaded
  packs with its docs as help text (what ``phi-guard explain`` prints).
- Regions are 1-based, ``columnKind: unicodeCodePoints``; a JSONL finding points into its
  record's line, at the characters of the raw ``"text"`` string.
- ``partialFingerprints`` come from ``phi_guard.fingerprint`` (HMAC with a key, else the
  draft's identity, rule, label and ordinal). ``primaryLocationLineHash`` is set to the same
  value, so the upload action does not compute its own from the line's text.
- Messages name the rule and the label, never the text. Suppressed findings (allowance,
  baseline) are results with ``suppressions``; results are capped at GitHub's 5,000 per run,
  the most severe kept, and ``run.properties`` says how many were left out.
"""

from __future__ import annotations

import json
from typing import IO, Any
from urllib.parse import quote

from .. import __version__
from .._types import Finding, Severity
from ..checking import Checked, Tally
from ..locate import Place
from ..packs import Rule, RulePack
from ..ruledocs import explain_text
from . import common

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
MAX_RESULTS = 5_000  # GitHub stores the top 5,000 of a run (and rejects more than 25,000)
_SECURITY_SEVERITY = {
    Severity.INFO: "0.0",
    Severity.LOW: "3.0",
    Severity.MEDIUM: "5.5",
    Severity.HIGH: "8.0",
    Severity.CRITICAL: "9.5",
}
_RANK = {"error": 0, "warning": 1, "note": 2}


class Reporter:
    def __init__(self, out: IO[str], pack: RulePack, metadata: dict[str, Any]) -> None:
        self.out, self.pack, self.metadata = out, pack, metadata
        self.index = {r.code: i for i, r in enumerate(pack.rules)}
        self.results: list[dict[str, Any]] = []

    def add(self, c: Checked) -> None:
        if c.result.error:
            self.results.append(self._error(c))
        for f, p, fp in zip(c.result.findings, c.places, c.outcome.fingerprints):
            self.results.append(self._result(c, f, p, fp))
        for s, p in zip(c.outcome.suppressed, c.suppressed_places):
            res = self._result(c, s.finding, p, s.fingerprint)
            res["suppressions"] = [_suppression(s)]
            self.results.append(res)

    def finish(self, tally: Tally) -> None:
        json.dump(self.document(tally), self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")

    def document(self, tally: Tally) -> dict[str, Any]:
        kept = sorted(range(len(self.results)), key=lambda i: (_RANK[self.results[i]["level"]], i))[
            :MAX_RESULTS
        ]
        results = [self.results[i] for i in sorted(kept)]
        props = {
            **self.metadata,
            "summary": common.summary(tally),
            "resultsOmitted": len(self.results) - len(results),
        }
        run = {
            "tool": {
                "driver": {
                    "name": "phi-guard",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "rules": [_rule(r) for r in self.pack.rules],
                }
            },
            "invocations": [
                {
                    "executionSuccessful": tally.counts["error"] == 0,
                    "startTimeUtc": self.metadata["started_at"],
                }
            ],
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": props,
        }
        return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}

    def _base(
        self, c: Checked, code: str, level: str, text: str, region: dict[str, int]
    ) -> dict[str, Any]:
        res: dict[str, Any] = {
            "ruleId": code,
            "level": level,
            "message": {"text": text},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(c.item.source), "uriBaseId": "%SRCROOT%"},
                        "region": region,
                    }
                }
            ],
        }
        if code in self.index:
            res["ruleIndex"] = self.index[code]
        return res

    def _result(self, c: Checked, f: Finding, p: Place | None, fp: str) -> dict[str, Any]:
        res = self._base(
            c,
            f.rule,
            common.sarif_level(f.severity),
            common.message(f, self.pack),
            _region(p, c.item.line, whole=f.start == f.end),
        )
        res["partialFingerprints"] = {"phiGuardFinding/v1": fp, "primaryLocationLineHash": fp}
        res["properties"] = {
            "label": f.label,
            "severity": f.severity.value,
            "draftLevel": c.result.level.value,
            "draft": common.draft_name(c),
        }
        return res

    def _error(self, c: Checked) -> dict[str, Any]:
        code = c.result.reasons[0] if c.result.reasons else "PG930"
        text = f"{common.title(self.pack, code)}: the draft could not be checked ({c.result.error})"
        res = self._base(c, code, "error", text, {"startLine": c.item.line})
        res["properties"] = {"draftLevel": "error", "draft": common.draft_name(c)}
        return res


def _region(p: Place | None, line: int, *, whole: bool) -> dict[str, int]:
    if p is None or p.column is None or whole:
        return {"startLine": p.line if p else line}
    region = {"startLine": p.line, "startColumn": p.column, "endLine": p.end_line}
    if p.end_column is not None:
        region["endColumn"] = p.end_column
    return region


def _uri(source: str) -> str:
    return "stdin" if source == "-" else quote(source, safe="/")


def _suppression(s: Any) -> dict[str, Any]:
    if s.by == "allowance":
        a = s.allowance
        return {
            "kind": "inSource",
            "status": "accepted",
            "justification": f"allowance {a.rule}: authorization {a.authorization}, approved by "
            f"{a.approved_by}, expires {a.expires.isoformat()}",
        }
    return {
        "kind": "external",
        "status": "accepted",
        "justification": "accepted in the phi-guard baseline",
    }


def _rule(r: Rule) -> dict[str, Any]:
    docs = explain_text(r)
    return {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": f"{r.code} {r.name}"},
        "fullDescription": {"text": r.what},
        "help": {"text": docs, "markdown": docs},
        "defaultConfiguration": {"level": common.sarif_level(r.severity)},
        "properties": {
            "tags": ["security", "privacy", "hipaa", "external/cwe/cwe-359"],
            "security-severity": _SECURITY_SEVERITY[r.severity],
            "precision": "medium",
            "label": r.label,
        },
    }
