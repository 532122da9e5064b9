"""JUnit XML: one testcase per draft. BLOCK is a failure, ERROR an error, WARN and PASS pass
(a WARN lists its findings in system-out). Run metadata goes to the suite's properties, a
draft's allowances to its testcase's. Every string is stripped of characters XML 1.0 cannot
hold, so the file always parses. No draft text: findings are rule, label and line:col."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import IO, Any

import regex

from .._types import Severity
from ..checking import Checked, Tally
from ..packs import RulePack
from . import common

_NOT_XML = regex.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(value: object) -> str:
    return str(_NOT_XML.sub("\ufffd", str(value)))


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: object) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: clean(v) for k, v in attrs.items()})
    if text is not None:
        el.text = clean(text)
    return el


def flatten(data: dict[str, Any], prefix: str = "phi_guard.") -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for key, value in data.items():
        if isinstance(value, dict):
            out += flatten(value, f"{prefix}{key}.")
        else:
            out.append(
                (
                    prefix + key,
                    value if isinstance(value, str) else json.dumps(value, ensure_ascii=False),
                )
            )
    return out


class Reporter:
    def __init__(self, out: IO[str], pack: RulePack, metadata: dict[str, Any]) -> None:
        self.out, self.pack, self.metadata = out, pack, metadata
        self.cases: list[ET.Element] = []

    def add(self, c: Checked) -> None:
        r = c.result
        case = ET.Element(
            "testcase",
            {"classname": clean(c.item.source), "name": clean(common.draft_name(c)), "time": "0"},
        )
        if c.outcome.allowances:
            props = _el(case, "properties")
            for row in common.allowance_rows(c):
                _el(
                    props,
                    "property",
                    name="phi_guard.allowance",
                    value=f"{row['rule']} {row['authorization']} {row['status']} ({row['findings']} finding(s), "
                    f"approved by {row['approved_by']}, expires {row['expires']})",
                )
        rows = "\n".join(
            self._row(c, i) for i, f in enumerate(r.findings) if f.severity is not Severity.INFO
        )
        head = f"{r.level.value.upper()} risk {r.risk}" + (
            f": {', '.join(r.reasons)}" if r.reasons else ""
        )
        if r.error:
            _el(
                case, "error", r.error, message=r.error, type=r.reasons[0] if r.reasons else "PG930"
            )
        elif r.level.value == "block":
            _el(case, "failure", rows, message=head, type="block")
        elif rows:
            _el(case, "system-out", f"{head}\n{rows}")
        self.cases.append(case)

    def _row(self, c: Checked, i: int) -> str:
        f, p = c.result.findings[i], c.places[i]
        at = f"{p.line}:{p.column}" if p and p.column else (f"{p.line}" if p else "-")
        return f"{f.rule} {f.label or '-'} at {at} ({common.rule_name(self.pack, f.rule)}, {f.severity.value})"

    def finish(self, tally: Tally) -> None:
        counts = tally.counts
        attrs = {
            "name": "phi-guard",
            "tests": str(sum(counts.values())),
            "failures": str(counts["block"]),
            "errors": str(counts["error"]),
            "skipped": "0",
            "time": "0",
        }
        root = ET.Element("testsuites", attrs)
        suite = _el(root, "testsuite", **attrs, timestamp=self.metadata.get("started_at", ""))
        props = _el(suite, "properties")
        summary = common.summary(tally)
        for name, value in flatten(self.metadata) + flatten({"summary": summary}):
            _el(props, "property", name=name, value=value)
        suite.extend(self.cases)
        ET.indent(root)
        self.out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            + ET.tostring(root, encoding="unicode")
            + "\n"
        )
