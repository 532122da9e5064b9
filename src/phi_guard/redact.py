"""Suggested redactions, applied with presidio-anonymizer operators (right to left).

- identifiers are replaced by ``[LABEL]``; numbers (phones, IDs) are masked;
- a date element is removed, or generalized to its year when it has one (a month is still a
  date element, so it goes too);
- in a blocked draft, every sentence that confirms care or carries linked health information is
  removed whole, since masking words in it still confirms care.
Only findings that raise risk are redacted: look-alikes and general terms stay.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex
from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from ._types import HEALTH_LABELS, Finding, Severity

_MASKED = frozenset({"PHONE", "FAX", "SSN", "MRN", "HEALTH_PLAN_ID", "ACCOUNT_NUMBER",
                     "LICENSE_NUMBER", "VEHICLE_ID", "DEVICE_ID", "IP_ADDRESS"})
_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")
_REMOVE = "REMOVE_SENTENCE"
_ENGINE = AnonymizerEngine()


def _date_to_year(text: str) -> str:
    m = _YEAR.search(text)
    return m.group() if m else "[DATE]"


def _mask(text: str) -> str:
    return "[" + "#" * min(8, max(3, sum(ch.isalnum() for ch in text))) + "]"


def _operators(labels: set[str]) -> dict[str, OperatorConfig]:
    ops: dict[str, OperatorConfig] = {_REMOVE: OperatorConfig("custom", {"lambda": lambda _s: ""})}
    for label in labels - {_REMOVE}:
        if label == "DATE":
            ops[label] = OperatorConfig("custom", {"lambda": _date_to_year})
        elif label in _MASKED:
            ops[label] = OperatorConfig("custom", {"lambda": _mask})
        else:
            ops[label] = OperatorConfig("replace", {"new_value": f"[{label}]"})
    return ops


def redact(text: str, findings: Sequence[Finding], remove: Sequence[tuple[int, int]]) -> str:
    results = [RecognizerResult(_REMOVE, s, e, 1.0) for s, e in remove]
    for f in findings:
        if f.severity is Severity.INFO or f.label is None or f.start == f.end:
            continue
        if any(s <= f.start and f.end <= e for s, e in remove):
            continue
        if f.label in HEALTH_LABELS or f.label == "RELATIONSHIP":
            results.append(RecognizerResult(f.label, f.start, f.end, 1.0))
            continue
        results.append(RecognizerResult(f.label, f.start, f.end, f.score))
    if not results:
        return text
    results = _non_overlapping(results)
    labels = {r.entity_type for r in results}
    out = _ENGINE.anonymize(text=text, analyzer_results=results, operators=_operators(labels)).text
    return _tidy(out)


def _non_overlapping(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Keep the earliest, then longest span; the anonymizer applies them right to left."""
    results.sort(key=lambda r: (r.start, -(r.end - r.start), r.entity_type))
    out: list[RecognizerResult] = []
    for r in results:
        if out and r.start < out[-1].end:
            if r.end > out[-1].end:
                prev = out[-1]
                out[-1] = RecognizerResult(prev.entity_type, prev.start, r.end, prev.score)
            continue
        out.append(r)
    return out


def _tidy(text: str) -> str:
    text = regex.sub(r"[ \t]{2,}", " ", text)
    text = regex.sub(r"^\s+|\s+$", "", text)
    return text
