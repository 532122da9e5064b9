"""Judge a draft as a compliance officer would: identifiers x health x relationship x linkage x consent.

A draft BLOCKs when it discloses or confirms protected health information: a person other than
staff or a public figure is identifiable (a name or handle, a unique number or description, the
person a reply answers, a date tied to a person's health event) together with health information
linked to them, the fact of being a patient, their billing, individual advice, or their story
without authorization. It WARNs when it is risky but no disclosure (a lone identifier, a hostile
reply). Look-alikes and health words linked to no one are reported at severity info and never
raise risk. See docs/scoring.md for the whole table.
"""

from __future__ import annotations

import functools

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ._types import HEALTH_LABELS, Candidate, Draft, Finding, Level, Severity
from .consent import apply_consent
from .context import Sentence, about_lookalike_people, audience_cues, linked, sentences, sentence_of, staff_as_patients
from .packs import RulePack

STRONG_IDS = frozenset({"PHONE", "FAX", "EMAIL", "IP_ADDRESS", "SSN", "MRN", "HEALTH_PLAN_ID",
                        "ACCOUNT_NUMBER", "LICENSE_NUMBER", "VEHICLE_ID", "DEVICE_ID", "BIOMETRIC",
                        "OTHER_ID", "AGE", "LOCATION"})
_IMPLIES_PATIENT = frozenset({"MRN", "HEALTH_PLAN_ID", "DEVICE_ID"})
_VISIT_HISTORY = frozenset({"pattern:missed-appointments"})
_IMPLIES_PATIENT_SOURCES = frozenset({"pattern:bed-number"})  # a bed holds a patient


@dataclass(frozen=True, slots=True)
class Judgment:
    findings: tuple[Finding, ...]
    level: Level
    risk: int
    reasons: tuple[str, ...]
    remove: tuple[tuple[int, int], ...]  # sentence spans a redaction removes whole


@dataclass(frozen=True, slots=True)
class _Facts:
    """What the draft holds, after look-alikes and consent are set aside."""

    names: tuple[Candidate, ...]
    strong: tuple[Candidate, ...]
    linked_health: tuple[Candidate, ...]
    relationship: tuple[Candidate, ...]
    dates: tuple[Candidate, ...]
    cues: dict[str, tuple[Candidate, ...]]
    linkage: bool

    @property
    def identified(self) -> bool:
        return bool(self.names or self.strong or self.linkage
                    or (self.dates and (self.relationship or self.linked_health)))

    @property
    def care(self) -> bool:
        personal = bool(self.names or self.linkage)
        return bool(self.linked_health or self.relationship
                    or any(c.label in _IMPLIES_PATIENT or c.source in _IMPLIES_PATIENT_SOURCES for c in self.strong)
                    or (personal and self.cues.get("PG213"))
                    or (self.linkage and self.cues.get("PG220"))
                    or (self.names and self.cues.get("PG214")))


def _facts(text: str, draft: Draft, cands: Sequence[Candidate], sents: Sequence[Sentence]) -> _Facts:
    live = [c for c in cands if not c.lookalike]
    cues: dict[str, list[Candidate]] = {}
    for c in live:
        if c.rule and not c.label:
            s = sentence_of(c.start, sents)
            if c.rule in ("PG213", "PG220") and s is not None and s.generic:
                continue
            cues.setdefault(c.rule, []).append(c)
    return _Facts(
        names=tuple(c for c in live if c.label in ("NAME", "HANDLE")),
        strong=tuple(c for c in live if c.label in STRONG_IDS),
        linked_health=tuple(c for c in live if c.label in HEALTH_LABELS and linked(c, sents)),
        relationship=tuple(c for c in live if c.label == "RELATIONSHIP" and not _generic(c, sents)),
        dates=tuple(c for c in live if c.label == "DATE" and linked(c, sents)),
        cues={k: tuple(v) for k, v in cues.items()},
        linkage=draft.is_reply and draft.in_reply_to is not None,
    )


def _generic(c: Candidate, sents: Sequence[Sentence]) -> bool:
    s = sentence_of(c.start, sents)
    return s is not None and s.generic


def judge(text: str, draft: Draft, cands: Sequence[Candidate], bounds: Sequence[tuple[int, int]],
          pack: RulePack) -> Judgment:
    cands = staff_as_patients(text, cands, bounds)
    cands = about_lookalike_people(cands, bounds)
    cands = apply_consent(text, draft, cands, bounds)
    cands = audience_cues(cands, text, draft)
    sents = sentences(text, bounds, cands, draft)
    facts = _facts(text, draft, cands, sents)
    block = facts.identified and facts.care
    ctx = _Ctx(pack, block, facts, draft, text)
    findings = tuple(_finding(c, ctx) for c in cands)
    nonzero = [f for f in findings if f.severity is not Severity.INFO]
    level = Level.BLOCK if block else (Level.WARN if nonzero else Level.PASS)
    reasons = tuple(sorted({f.rule for f in nonzero}))
    remove = _removals(sents, facts) if block else ()
    return Judgment(findings, level, _risk(level, nonzero), reasons, remove)


@dataclass(frozen=True, slots=True)
class _Ctx:
    pack: RulePack
    block: bool
    facts: _Facts
    draft: Draft
    text: str


def _finding(c: Candidate, ctx: _Ctx) -> Finding:
    code, severity = _rule_and_severity(c, ctx)
    rule = ctx.pack.rule(code)
    label = c.label or None
    what = label or rule.name
    why = f"look-alike ({c.lookalike}), not counted" if c.lookalike else (
        "not tied to anyone identifiable" if severity is Severity.INFO else _why(c, ctx))
    return Finding(c.start, c.end, label, rule.code, severity, round(c.score, 2),
                   f"{rule.code} {rule.name}: {what} {why}")


def _why(c: Candidate, ctx: _Ctx) -> str:
    if not ctx.block:
        return "is a lone identifier or a risk, not a disclosure by itself"
    if ctx.facts.linkage:
        return "in a reply that confirms the care of the person it answers"
    return "tied to an identifiable person together with health information or care"


def _rule_and_severity(c: Candidate, ctx: _Ctx) -> tuple[str, Severity]:
    pack, block = ctx.pack, ctx.block
    if c.rule and not c.label:
        return c.rule, _cue_severity(c, ctx)
    code = pack.rule_for_label(c.label).code
    base = pack.rule(code).severity
    if c.lookalike:
        return code, Severity.INFO
    if c.label in HEALTH_LABELS:
        if not (block and c in ctx.facts.linked_health):
            return code, Severity.INFO
        if _sensitive(ctx.text[c.start:c.end], pack.sensitive):
            return "PG215", Severity.CRITICAL
        return code, base
    if c.label == "RELATIONSHIP":
        code = "PG212" if c.source in _VISIT_HISTORY else code
        if block:
            return code, base
        # a cue in general talk ("most patients are discharged within two days") is no risk
        return code, (Severity.LOW if c in ctx.facts.relationship else Severity.INFO)
    if c.label == "DATE":
        tied = c in ctx.facts.dates and (block or ctx.facts.names or ctx.facts.strong)
        return code, (base if tied else Severity.INFO)
    if c.detail == "addressee":
        if not block:
            return code, Severity.INFO
        return "PG211", (Severity.CRITICAL if _unmasks(c, ctx) else base)
    if c.label in ("LOCATION", "URL") and not block:
        return code, (Severity.LOW if ctx.facts.names else Severity.INFO)
    if block:
        return code, base
    return code, (Severity.MEDIUM if base.rank >= Severity.MEDIUM.rank else base)


def _cue_severity(c: Candidate, ctx: _Ctx) -> Severity:
    base = ctx.pack.rule(c.rule or "").severity
    facts = ctx.facts
    if c.rule == "PG218":
        return base if facts.linkage else Severity.INFO
    if c.rule == "PG220":
        return base if facts.linkage else Severity.INFO
    if c.rule == "PG214":
        return base if facts.names and not ctx.draft.has_consent else Severity.INFO
    return base if ctx.block else Severity.INFO


def _unmasks(c: Candidate, ctx: _Ctx) -> bool:
    """A reply that names the reviewer more fully than they posted (initials or a handle)."""
    author = (ctx.draft.in_reply_to.author if ctx.draft.in_reply_to else "") or ""
    said = ctx.text[c.start:c.end]
    posted = {w.strip(".,").lower() for w in author.replace("_", " ").replace(".", " ").split()}
    used = [w.strip(".,").lower() for w in said.split()]
    return any(len(w) >= 3 and w not in posted for w in used)


@functools.lru_cache(maxsize=8192)
def _sensitive(term: str, stems: tuple[str, ...]) -> bool:
    low = " " + term.lower() + " "
    return any((" " + s) in low or low.lstrip("#").startswith(s) for s in stems)


def _risk(level: Level, nonzero: Sequence[Finding]) -> int:
    weight = sum(f.severity.rank for f in nonzero)
    if level is Level.BLOCK:
        return min(100, 70 + 3 * weight)
    if level is Level.WARN:
        return min(60, 20 + 4 * weight)
    return 0


def _removals(sents: Sequence[Sentence], facts: _Facts) -> tuple[tuple[int, int], ...]:
    carriers = [*facts.linked_health, *facts.relationship, *(c for v in facts.cues.values() for c in v)]
    spans = set()
    for c in carriers:
        s = sentence_of(c.start, sents)
        if s is not None:
            spans.add((s.start, s.end))
    return tuple(sorted(spans))


__all__ = ["Judgment", "judge", "replace"]
