"""Resolve overlapping candidates deterministically.

Candidates of one label that overlap become one span (their union) with the highest score; a
look-alike reason on any of them wins, because the profile knows better than a pattern.
Candidates of different labels may overlap: each stands for a different finding. A span that a
more specific label already covers exactly is dropped when it is the NER model's guess
(a PERSON guess on "(503) 555-0142" loses to the phone). The result is sorted and
independent of input order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ._types import Candidate

# Which label wins when a model guess and a pattern cover the same characters.
_SPECIFIC = ("SSN", "MRN", "HEALTH_PLAN_ID", "ACCOUNT_NUMBER", "LICENSE_NUMBER", "VEHICLE_ID",
             "DEVICE_ID", "IP_ADDRESS", "EMAIL", "URL", "PHONE", "FAX", "HANDLE", "AGE")
_GUESSES = ("NAME", "LOCATION", "DATE")


def _key(c: Candidate) -> tuple:
    return (c.start, c.end, c.label, -c.score, c.source, c.lookalike or "", c.detail)


def merge(cands: Iterable[Candidate]) -> list[Candidate]:
    by_label: dict[str, list[Candidate]] = {}
    for c in sorted(cands, key=_key):
        by_label.setdefault(c.label or c.rule or "", []).append(c)
    merged: list[Candidate] = []
    for label in sorted(by_label):
        merged.extend(_union(by_label[label]))
    merged = _drop_guesses_under_specific(merged)
    return sorted(merged, key=_key)


def _union(cands: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for c in cands:  # sorted by start
        if out and c.start < out[-1].end:
            prev = out[-1]
            best = prev if (prev.score, prev.source) >= (c.score, c.source) else c
            out[-1] = replace(
                best, start=prev.start, end=max(prev.end, c.end), score=max(prev.score, c.score),
                lookalike=_pick_lookalike(prev, c), detail=prev.detail or c.detail)
        else:
            out.append(c)
    return out


def _pick_lookalike(a: Candidate, b: Candidate) -> str | None:
    reasons = sorted(r for r in (a.lookalike, b.lookalike) if r)
    return reasons[0] if reasons else None


def _drop_guesses_under_specific(cands: list[Candidate]) -> list[Candidate]:
    specific = [c for c in cands if c.label in _SPECIFIC]
    out = []
    for c in cands:
        if c.label in _GUESSES and any(s.start <= c.start and c.end <= s.end for s in specific):
            continue
        out.append(c)
    return out
