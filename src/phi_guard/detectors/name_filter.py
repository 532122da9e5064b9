"""Veto implausible NAME and LOCATION guesses, from the NER model above all.

The small spaCy model calls many capitalized words people: months ("April"), weekdays ("Tues"),
drugs ("Tdap", "adapalene"), eponymous diseases ("Parkinson" in "Parkinson's"), acronyms ("ED",
"DOT"), organisations ("Port Ellery School District"), emoji runs. A name guess survives when it
is not one of those and, if it is a lone token, the gazetteers or a cue back it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import regex

from .._types import HEALTH_LABELS, Candidate
from .names import NameGazetteer

_EDGE = regex.compile(r"^[^\p{L}\p{N}@#]+|[^\p{L}\p{N}.]+$")
_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday mon tue tues wed thu thur thurs fri sat sun today tonight tomorrow yesterday".split())
_ORG_WORDS = regex.compile(
    r"\b(?:school|district|clinic|hospital|health|center|centre|department|dept|church|university|"
    r"college|academy|team|club|inc|llc|ltd|corp|company|association|foundation|society|pharmacy|"
    r"office|group|services|institute|county|city|high|elementary|middle|library|ymca|ywca|"
    r"bank|market|cafe|restaurant|airlines?|records|magazine|weekly|monthly|news|times|post|tv|radio|"
    r"awareness|month|week|day|program|programme|fund|drive|run|walk|festival|league|"
    r"street|st|avenue|ave|road|rd|lane|ln|drive|boulevard|blvd|highway|hwy|parkway)\b",
    regex.I,
)
# surname particles that open a name in lowercase ("van de Noort", "de la Cruz", "al-Amin")
_PARTICLES = frozenset("van von de der den del della di da das dos du la le bin ibn al el ter ten st".split())
_CUE = regex.compile(r"(?:\b(?:my name is|name is|i am|i'm|named|called|mr|mrs|ms|dr|by|with|and|to|for|hi|hey|dear|thanks|congrats)\.?[\s,]*|,\s*)$", regex.I)


def trim(c: Candidate, text: str) -> Candidate | None:
    """Cut emoji and punctuation off the edges of a span; None when nothing is left."""
    s = text[c.start:c.end]
    lead = _EDGE.match(s)
    start = c.start + (lead.end() if lead else 0)
    tail = _EDGE.search(text[start:c.end])
    end = start + tail.start() if tail else c.end
    while end > start and text[end - 1] in ".!?,;:" and not (end - start == 2 and text[start].isupper()):
        end -= 1
    if end <= start or not any(ch.isalpha() for ch in text[start:end]):
        return None
    return c if (start, end) == (c.start, c.end) else replace(c, start=start, end=end)


def plausible(c: Candidate, text: str, gaz: NameGazetteer, health: Sequence[Candidate]) -> bool:
    s = text[c.start:c.end]
    low = s.lower().strip(".")
    words = [w for w in regex.split(r"[\s]+", low) if w]
    if not words or low in _CALENDAR or words[0] in _CALENDAR and len(words) <= 2 and words[-1][:1].isdigit():
        return False
    if any(h.start <= c.start and c.end <= h.end for h in health) and c.detail not in ("addressee", "title", "provider"):
        return False
    if c.label == "NAME" and _ORG_WORDS.search(s) and c.detail not in ("addressee",):
        return False
    if c.label == "NAME" and c.source.startswith("presidio") and s[:1].islower() and words[0] in gaz.common \
            and words[0] not in _PARTICLES:
        return False  # "su visita del martes": a name does not open with a lowercase common word
    if c.label == "NAME" and c.source.startswith("presidio") and len(words) == 1:
        w = words[0].strip("'’s")
        quoted = text[c.start - 1:c.start] in ("'", '"', "‘", "“") and text[c.end:c.end + 1] in ("'", '"', "’", "”")
        if quoted and w not in gaz.first:
            return False  # a quoted word ('Hollywood' chest pain) is a word, not a person
        if s.isupper() and len(s) <= 4 and w not in gaz.first:
            return False
        backed = w in gaz.first or (w in gaz.surnames and w not in gaz.words)
        if not backed and not _CUE.search(text[max(0, c.start - 16):c.start]):
            return False
        if w in gaz.common and not w in gaz.first and not _CUE.search(text[max(0, c.start - 16):c.start]):
            return False
    return True


def filter_names(cands: Sequence[Candidate], text: str, gaz: NameGazetteer) -> list[Candidate]:
    health = [c for c in cands if c.label in HEALTH_LABELS]
    people = {(c.start, c.end) for c in cands if c.label == "NAME" and not c.source.startswith("presidio")}
    out = []
    for c in cands:
        if c.label in ("NAME", "LOCATION") and c.detail != "addressee":
            trimmed = trim(c, text)
            if trimmed is None:
                continue
            c = trimmed
            if c.label == "LOCATION" and any(h.start <= c.start and c.end <= h.end for h in health):
                continue
            if c.label == "LOCATION" and c.source.startswith("presidio") and (c.start, c.end) in people:
                continue  # the model's place guess on what the gazetteer or the reply calls a person
            if c.label == "NAME" and not plausible(c, text, gaz, health):
                continue
        out.append(c)
    return out
