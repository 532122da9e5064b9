"""Consent: what a written HIPAA authorization on file covers.

``consent=True`` covers the patient the draft is about: taken to be the first person it names
(and every later mention of their name in part or in full: "Maria", "Ms. Lopez", not "Tom Lopez"). An ``Authorization`` names its
subjects. Covered identifiers and the health details in sentences about covered people become
look-alikes ("consent"); anyone else the draft names still counts, and so does health
information in a sentence that names them. A sentence like "she said it's fine to post" is not
consent: only ``Draft.consent`` is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import regex

from ._types import HEALTH_LABELS, Authorization, Candidate, Draft

_TOKEN = regex.compile(r"[\p{L}]{2,}")
_COVERABLE = frozenset({"NAME", "HANDLE", "DATE", "AGE", "LOCATION", "RELATIONSHIP", "OTHER_ID"}) | HEALTH_LABELS
_PERMISSION = regex.compile(r"^[^.!?]{0,40}\b(?:permission|consent|release|authori[sz]ation|written ok)\b")
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "miss", "baby", "coach", "the"})


def _tokens(s: str) -> set[str]:
    return {t.lower() for t in _TOKEN.findall(s)} - _TITLES


def _subjects(text: str, draft: Draft, cands: Sequence[Candidate]) -> set[str]:
    if isinstance(draft.consent, Authorization):
        out: set[str] = set()
        for subject in draft.consent.subjects:
            out |= _tokens(subject)
        return out
    names = [c for c in sorted(cands, key=lambda c: c.start) if c.label in ("NAME", "HANDLE") and not c.lookalike]
    for i, c in enumerate(names):  # the people an attribution names ("— Keiko & baby Ren, shared with ...")
        before = text[max(0, c.start - 4):c.start]
        after = text[c.end:c.end + 60].lower()
        if "—" in before or "– " in before or before.endswith("- ") or _PERMISSION.search(after):
            out: set[str] = set()
            for d in names[i:]:
                if d.start - c.end > 40 and d is not c:
                    break
                out |= _tokens(text[d.start:d.end].lstrip("@#"))
            return out
    return _tokens(text[names[0].start:names[0].end].lstrip("@#")) if names else set()


def apply_consent(text: str, draft: Draft, cands: Sequence[Candidate],
                  bounds: Sequence[tuple[int, int]]) -> list[Candidate]:
    if not draft.has_consent:
        return list(cands)
    subjects = _subjects(text, draft, cands)
    marked = []
    for c in cands:
        if c.label in ("NAME", "HANDLE") and not c.lookalike and _covered(_tokens(text[c.start:c.end].lstrip("@#")), subjects):
            c = replace(c, lookalike="consent")
        marked.append(c)
    others = [c for c in marked if c.label in ("NAME", "HANDLE") and not c.lookalike]
    out = []
    for c in marked:
        if c.label in _COVERABLE and not c.lookalike and c.label not in ("NAME", "HANDLE"):
            if not any(_same_sentence(c, o, bounds) for o in others):
                c = replace(c, lookalike="consent")
        out.append(c)
    return out


def _covered(name: set[str], subjects: set[str]) -> bool:
    """The subject's name, in part ("Maria", "Ms. Lopez" for Maria Lopez) or in full ("Mr. Eugene
    Tillman" for Eugene); a relative who shares only the surname ("Tom Lopez") is someone else."""
    return bool(name) and bool(subjects) and (name <= subjects or subjects <= name)


def _same_sentence(a: Candidate, b: Candidate, bounds: Sequence[tuple[int, int]]) -> bool:
    for start, end in bounds:
        if start <= a.start < end:
            return start <= b.start < end
    return False
