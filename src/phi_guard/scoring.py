"""Judge a draft as a compliance officer would: identifiers x health x relationship x linkage x consent.

A draft BLOCKs when a person other than staff or a public figure is identifiable (a name or
handle, a unique number, the person a reply answers, a date tied to a person's health event)
together with health information linked to them or with the fact of being a patient. A lone
identifier WARNs. Look-alikes and health words that are not linked to anyone are reported with
severity info and never raise risk. See docs/scoring.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ._types import HEALTH_LABELS, Candidate, Draft, Finding, Level, Severity
from .consent import apply_consent
from .packs import RulePack

_SECOND = regex.compile(r"\b(?:you|your|yours|you're|youre|you've|you'll|ur|u|y'all|yourself)\b", regex.I)
_THIRD = regex.compile(r"\b(?:he|his|him|himself|she|her|hers|herself|he's|she's)\b", regex.I)
_ANECDOTE = regex.compile(
    r"\b(?:a|one|this|that)\s+(?:\w+\s+){0,2}(?:guy|man|woman|lady|girl|boy|kid|child|teen|patient|"
    r"mom|dad|mother|father|gentleman|grandma|grandpa|fisherman|teacher|nurse|student|athlete|"
    r"player|veteran|baby|toddler|family|couple|client)\b",
    regex.I,
)
_GENERIC = regex.compile(
    r"\b(?:if|whether|in case|should you|anyone|everyone|everybody|most people|many people|"
    r"people who|kids who|adults|children|parents|families|1 in \d+|one in \w+|percent|%|"
    r"tips?|reminder|did you know|signs of|symptoms of|ask your|talk to your)\b",
    regex.I,
)
STRONG_IDS = frozenset({"PHONE", "FAX", "EMAIL", "IP_ADDRESS", "SSN", "MRN", "HEALTH_PLAN_ID",
                        "ACCOUNT_NUMBER", "LICENSE_NUMBER", "VEHICLE_ID", "DEVICE_ID", "BIOMETRIC",
                        "OTHER_ID", "AGE", "URL"})
_IMPLIES_PATIENT = frozenset({"MRN", "HEALTH_PLAN_ID", "DEVICE_ID"})


@dataclass(frozen=True, slots=True)
class Judgment:
    findings: tuple[Finding, ...]
    level: Level
    risk: int
    reasons: tuple[str, ...]
    remove: tuple[tuple[int, int], ...]  # sentence spans a redaction removes whole


@dataclass(frozen=True, slots=True)
class _Sentence:
    start: int
    end: int
    person: bool  # refers to a specific person (name, handle, addressee, anecdote)
    generic: bool


def _sentences(text: str, bounds: Sequence[tuple[int, int]], cands: Sequence[Candidate],
               draft: Draft, named: bool) -> list[_Sentence]:
    out = []
    for start, end in bounds:
        s = text[start:end]
        inside = [c for c in cands if start <= c.start < end and not c.lookalike]
        has_name = any(c.label in ("NAME", "HANDLE") for c in inside)
        rel = any(c.label == "RELATIONSHIP" for c in inside)
        second = bool(_SECOND.search(s)) and (draft.is_reply or named)
        third = bool(_THIRD.search(s)) and (named or bool(_ANECDOTE.search(text)) or draft.is_reply)
        generic = bool(_GENERIC.search(s)) and not has_name and not rel
        out.append(_Sentence(start, end, has_name or rel or second or third or bool(_ANECDOTE.search(s)), generic))
    return out


def _sentence_of(pos: int, sents: Sequence[_Sentence]) -> _Sentence | None:
    for s in sents:
        if s.start <= pos < s.end:
            return s
    return None


def judge(text: str, draft: Draft, cands: Sequence[Candidate], bounds: Sequence[tuple[int, int]],
          pack: RulePack) -> Judgment:
    cands = apply_consent(text, draft, cands, bounds)
    live = [c for c in cands if not c.lookalike]
    names = [c for c in live if c.label in ("NAME", "HANDLE")]
    others = [c for c in names if c.detail != "addressee"]
    sents = _sentences(text, bounds, cands, draft, named=bool(names))
    linked_health = [c for c in live if c.label in HEALTH_LABELS and _linked(c, sents)]
    rel = [c for c in live if c.label == "RELATIONSHIP"]
    dates = [c for c in live if c.label == "DATE" and _linked(c, sents)]
    strong = [c for c in live if c.label in STRONG_IDS]
    linkage = draft.is_reply and draft.in_reply_to is not None
    identified = bool(names or strong or linkage or (dates and (rel or linked_health)))
    care = bool(linked_health or rel or any(c.label in _IMPLIES_PATIENT for c in live))
    block = identified and care
    tied_ids = set()
    if block or names or strong:
        tied_ids = {id(c) for c in dates}
    findings = tuple(_finding(c, pack, block, tied_ids, linked_health, rel) for c in cands)
    nonzero = [f for f in findings if f.severity is not Severity.INFO]
    level = Level.BLOCK if block else (Level.WARN if nonzero else Level.PASS)
    risk = _risk(level, nonzero)
    reasons = tuple(sorted({f.rule for f in nonzero}))
    remove = _removals(sents, linked_health, rel) if block else ()
    return Judgment(findings, level, risk, reasons, remove)


def _linked(c: Candidate, sents: Sequence[_Sentence]) -> bool:
    s = _sentence_of(c.start, sents)
    return s is not None and s.person and not s.generic


def _finding(c: Candidate, pack: RulePack, block: bool, tied_dates: set[int],
             linked_health: list[Candidate], rel: list[Candidate]) -> Finding:
    rule = pack.rule_for_label(c.label)
    severity = _severity(c, rule.severity, block, tied_dates, linked_health, rel)
    why = f"look-alike ({c.lookalike}), not counted" if c.lookalike else (
        "tied to an identifiable person" if severity is not Severity.INFO else "not tied to anyone identifiable")
    message = f"{rule.code} {rule.name}: {c.label} {why}"
    return Finding(c.start, c.end, c.label, rule.code, severity, round(c.score, 2), message)


def _severity(c: Candidate, base: Severity, block: bool, tied_dates: set[int],
              linked_health: list[Candidate], rel: list[Candidate]) -> Severity:
    if c.lookalike:
        return Severity.INFO
    if c.label in HEALTH_LABELS:
        return base if block and c in linked_health else Severity.INFO
    if c.label == "RELATIONSHIP":
        return base if block else Severity.LOW
    if c.label == "DATE":
        return base if id(c) in tied_dates else Severity.INFO
    if c.label == "LOCATION":
        return base if block else Severity.LOW
    if c.detail == "addressee" and not block:
        return Severity.INFO
    if block:
        return base
    return Severity.MEDIUM if base.rank >= Severity.MEDIUM.rank else base


def _risk(level: Level, nonzero: Sequence[Finding]) -> int:
    weight = sum(f.severity.rank for f in nonzero)
    if level is Level.BLOCK:
        return min(100, 70 + 3 * weight)
    if level is Level.WARN:
        return min(60, 20 + 4 * weight)
    return 0


def _removals(sents: Sequence[_Sentence], health: Sequence[Candidate],
              rel: Sequence[Candidate]) -> tuple[tuple[int, int], ...]:
    spans = set()
    for c in (*health, *rel):
        s = _sentence_of(c.start, sents)
        if s is not None:
            spans.add((s.start, s.end))
    return tuple(sorted(spans))
