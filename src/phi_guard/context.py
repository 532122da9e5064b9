"""Sentence-level context: who a sentence is about, and whether it is general talk.

Health words count as a person's health information only in a sentence about a specific person:
one that names them (not staff, not a public figure), addresses the person a reply answers ("you",
"your"), speaks of a named or described person ("he", "her", "a guy who..."), or confirms care.
Education, aggregates, group references and hypotheticals ("if you ever need a root canal",
"1 in 3 adults", "our patients") are general.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from ._types import HEALTH_LABELS, Candidate, Draft

# curly apostrophes too: normalize.py leaves U+2019 as it is
_SECOND = regex.compile(
    r"\b(?:you|your|yours|you['’]re|youre|you['’]ve|you['’]ll|you['’]d|ur|u|y['’]all|yourself)\b",
    regex.I)
_THIRD = regex.compile(
    r"\b(?:he|his|him|himself|she|her|hers|herself|he['’]s|she['’]s|they['’]re)\b", regex.I)
_ANECDOTE = regex.compile(
    r"\b(?:a|an|one|this|that)\s+(?:(?:\w+|\w+-\w+)\s+){0,3}(?:guy|man|woman|lady|girl|boy|kid|child|"
    r"teen|teenager|patient|mom|dad|mother|father|gentleman|grandma|grandpa|grandmother|grandfather|"
    r"fisherman|teacher|nurse|student|athlete|player|veteran|baby|toddler|couple|client|senior|"
    r"newborn|infant|runner|dancer|firefighter|officer|coach|twins|triplets|quadruplets|"
    r"\d+[- ](?:year|yr|month|week|day)s?[- ]old|(?:year|month|week|day)-old)\b(?!\s+(?:who|that)\s+(?:is|are|has|have)\s+(?:ever|never))",
    regex.I,
)
_GENERIC = regex.compile(
    r"\b(?:if|whether|in case|should you|anyone|everyone|everybody|most people|many people|"
    r"people who|kids who|adults|children|parents|families|1 in \d+|one in \w+|percent|"
    r"tips?|reminder|did you know|signs of|symptoms of|ask your|talk to your|common|normal|"
    r"typical|usually|often|generally|in general|most|many|every year|each year|season|"
    r"can cause|may cause|is a|are a|means|why|how to|what to|when to|available|we offer|we provide|"
    r"some|certain|recommends?|recommended|offers?|we ask everyone|that's why|women|men|teens|seniors|"
    r"babies|toddlers|newborns|infants|athletes|runners|"
    r"offered|walk-ins?|no appointment|book (?:at|online|now)|accepting|free|over \d+|guidelines?|"
    r"polic(?:y|ies)|we follow|our providers|evidence-based|we (?:can't|cannot|can not|don't|do not) (?:discuss|share|confirm)|"
    r"for privacy|privacy reasons|\d+ (?:people|neighbors|"
    r"patients|families|kids|students|donors|shots|vaccines))\b|%|\?\s*$",
    regex.I,
)
# a relative named by kin word: "after Grandpa's hospice care", "her dad has been"
_KIN_REF = regex.compile(
    r"\b(?:grandpa|grandma|granddad|grandmother|grandfather|nana|papa|abuela|abuelo|mom|mother|dad|"
    r"father|husband|wife|son|daughter|brother|sister|uncle|aunt|baby)(?:'s|’s)\b|\b(?:her|his|their)\s+"
    r"(?:mom|dad|mother|father|husband|wife|son|daughter|baby|grandma|grandpa|kids?|child|partner)\b",
    regex.I,
)
# a date that places something on the calendar (not "today" in advice, not a duration)
_POINT_DATE = regex.compile(
    r"\b(?:yesterday|last\s+\w+|\w+\s+ago|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|this morning|that morning|last night|\d{1,2}/\d{1,2}|"
    r"\d+(?:st|nd|rd|th)|after|since|out|post)", regex.I)
# in a post, "today" or "tonight" makes a sentence about an event, not education
_NOW_DATE = regex.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening|week|weekend))\b", regex.I)
# denial and privacy statements confirm nothing, even when they say "patient"
_DENIAL = regex.compile(
    r"\b(?:never|can't|cannot|can not|won't|will not|don't|do not|unable to)\s+(?:\w+\s+){0,2}?"
    r"(?:confirm|deny|discuss|share|comment on|disclose|give|provide)\b|\bwhether or not\b|"
    r"\bneither confirm\b|\bfor (?:privacy|confidentiality) reasons\b|\bto protect (?:everyone's|your|patient) privacy\b",
    regex.I,
)
# a staff member revealed as a patient: health events happening *to* them
_PATIENT_EVENT = regex.compile(
    r"\b(?:diagnosed|recovering|recovery|battling|fighting|undergoing|underwent|gave birth|"
    r"delivered (?:on|a|her|his|their|baby|twins)|delivered\s*[,.!]|had (?:a|her|his|their) (?:baby|surgery|procedure|stroke|heart attack)|"
    r"passed away|in the hospital|hospitalized|on (?:medical|maternity|paternity) leave|rounds of|"
    r"(?:her|his|their) (?:own )?(?:surgery|treatment|chemo|diagnosis|recovery|pregnancy|labor|delivery|ivf|therapy))\b",
    regex.I,
)


_PERSON_IDS = frozenset({"OTHER_ID", "MRN", "SSN", "HEALTH_PLAN_ID", "ACCOUNT_NUMBER", "DEVICE_ID",
                         "BIOMETRIC"})


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    person: bool  # about a specific person
    generic: bool  # education, aggregate, group or hypothetical


def sentences(text: str, bounds: Sequence[tuple[int, int]], cands: Sequence[Candidate],
              draft: Draft) -> list[Sentence]:
    live = [c for c in cands if not c.lookalike]
    named = any(c.label in ("NAME", "HANDLE") for c in live)
    anecdote = bool(_ANECDOTE.search(text))
    about_someone = named or (draft.is_reply and draft.in_reply_to is not None)
    out = []
    for start, end in bounds:
        s = text[start:end]
        inside = [c for c in live if start <= c.start < end]
        has_name = any(c.label in ("NAME", "HANDLE") for c in inside)
        # a room or bed number, a record or plan number points at one person as a name does
        has_id = any(c.label in _PERSON_IDS for c in inside)
        rel = any(c.label == "RELATIONSHIP" for c in inside)
        dated = any(c.label == "DATE" and (_POINT_DATE.search(text[c.start:c.end])
                                           or (draft.kind == "post" and _NOW_DATE.search(text[c.start:c.end])))
                    for c in inside)
        second = bool(_SECOND.search(s)) and about_someone
        third = bool(_THIRD.search(s)) and (named or anecdote or draft.is_reply or dated)
        # an invitation ("book your first visit") speaks to anyone, as education does
        invited = any(c.lookalike == "invitation" and start <= c.start < end for c in cands)
        generic = bool(_DENIAL.search(s)) or (
            (bool(_GENERIC.search(s)) or invited) and not has_name and not rel and not dated
            and not _possessive_health(s, inside))
        # a draft about someone (a named person, the person a reply answers) makes every
        # sentence that is not general talk about them
        person = (has_name or has_id or rel or second or third or bool(_ANECDOTE.search(s)) or about_someone
                  or bool(_KIN_REF.search(s)))
        out.append(Sentence(start, end, person, generic))
    return out


def _possessive_health(s: str, inside: Sequence[Candidate]) -> bool:
    """'your crown', 'his ear infection': a possessive right before a health term is personal."""
    return bool(regex.search(r"\b(?:your|his|her|their)\s+(?:\w+\s+){0,2}$", s)) and any(
        c.label in HEALTH_LABELS for c in inside)


def sentence_of(pos: int, sents: Sequence[Sentence]) -> Sentence | None:
    for s in sents:
        if s.start <= pos < s.end:
            return s
    return None


def linked(c: Candidate, sents: Sequence[Sentence]) -> bool:
    s = sentence_of(c.start, sents)
    return s is not None and s.person and not s.generic


def staff_as_patients(text: str, cands: Sequence[Candidate], bounds: Sequence[tuple[int, int]]) -> list[Candidate]:
    """Staff look-alikes stop being look-alikes in a sentence where a health event happens to them."""
    out = list(cands)
    for start, end in bounds:
        s = text[start:end]
        if not _PATIENT_EVENT.search(s):
            continue
        if not any(c.label in HEALTH_LABELS and start <= c.start < end for c in cands):
            continue
        for i, c in enumerate(out):
            if c.label == "NAME" and start <= c.start < end and c.lookalike in ("profile:staff-given", "profile:staff", "staff") \
                    and not _performs(text, c):
                out[i] = replace(c, lookalike=None, detail="staff-patient")
    return out


def _performs(text: str, c: Candidate) -> bool:
    """'Dr. Lindqvist delivered the baby': the clinician does the procedure, it is not done to them."""
    name = text[c.start:c.end].lower()
    return name.startswith(("dr", "doctor")) or bool(regex.match(
        r"\s+(?:and (?:the|our) \w+ (?:team|crew)\s+)?(?:delivered|performed|placed|removed|treated|saw|did|ran|caught|saved)"
        r"\s+(?!(?:on|at|in|yesterday|today|tonight|last|this|early|safely|after|before)\b)[\p{L}\d]",
        text[c.end:c.end + 40], regex.I))


def audience_cues(cands: Sequence[Candidate], text: str, draft: Draft) -> list[Candidate]:
    """In a post that names no one, "your flu shot" speaks to every reader: a look-alike."""
    if draft.kind != "post" or any(c.label in ("NAME", "HANDLE") and not c.lookalike for c in cands):
        return list(cands)
    return [replace(c, lookalike="audience") if c.label == "RELATIONSHIP" and not c.lookalike
            and regex.match(r"(?:your|you|ur|y'all)\b", text[c.start:c.end], regex.I) else c for c in cands]


def about_lookalike_people(cands: Sequence[Candidate], bounds: Sequence[tuple[int, int]]) -> list[Candidate]:
    """An age or date in a sentence that names only public figures or staff is theirs, not a patient's."""
    out = list(cands)
    for start, end in bounds:
        inside = [c for c in cands if start <= c.start < end and c.label in ("NAME", "HANDLE")]
        if not inside or any(not c.lookalike for c in inside):
            continue
        if not any(c.lookalike in ("profile:public-figure", "profile:staff", "staff") for c in inside):
            continue
        for i, c in enumerate(out):
            if c.label in ("AGE", "DATE") and start <= c.start < end and not c.lookalike:
                out[i] = replace(c, lookalike="about-public-figure-or-staff")
    return out
