"""Look-alikes: spans that look like identifiers but are the practice's own or general.

The practice's names, contacts, places and staff come from its Profile; holidays, regions,
emergency numbers, bare years and clinic hours are general. A look-alike is still reported, with
severity info, so people see why it did not count.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import regex

from ._types import Candidate
from .detectors.prefilter import Clause, Condition, Draft, interned, source_condition
from .packs import RulePack
from .profile import Person, Profile

_KIN_BEFORE = regex.compile(
    r"\b(?:baby|little|son|daughter|sister|brother|mom|mother|dad|father|husband|wife|kid|kiddo|"
    r"grandson|granddaughter|niece|nephew|our girl|our boy|patient|sweet|brave|miss|mrs|mr)\s*$",
    regex.I,
)
_RESIDENCE_BEFORE = regex.compile(
    r"(?:\b(?i:lives? in|living in|home in|from|resident of|moved to|grew up in)|\b\p{Lu}[\p{L}'.-]+,?\s+(?i:of))\s*$")
_EMERGENCY = {"911", "988", "211", "311", "411"}
_YEAR = regex.compile(r"^(?:in |since |by |of |the )?'?(?:\d{2}|\d{4})s?$", regex.I)
_HOURS = regex.compile(
    r"^(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?\s*(?:[-–—]|to|until)\s*)?\d{1,2}(?::\d{2})?\s*"
    r"(?:a\.?m\.?|p\.?m\.?)$|^(?:noon|midnight|(?:in the )?(?:morning|afternoon|evening)s?)$|"
    r"^(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|weekends|weekdays|"
    r"every (?:day|week|month|year)|daily|24/7)$",
    regex.I,
)
_DIGITS = regex.compile(r"\d")


def _digits(s: str) -> str:
    return "".join(_DIGITS.findall(s))


class Phrases:
    """A list of phrases as one case-insensitive pattern, tried only on drafts that hold, for
    some phrase, the literal text every match of it needs (prefilter.py's condition of each
    phrase, so skipping changes no result)."""

    __slots__ = ("rx", "gate")

    def __init__(self, rx: regex.Pattern[str], gate: Condition | None) -> None:
        self.rx = rx
        self.gate = gate

    def finditer(self, text: str, draft: Draft | None = None) -> Iterable[regex.Match[str]]:
        if self.gate is not None and not (draft or Draft(text)).admits(self.gate):
            return ()
        return self.rx.finditer(text)

    def search(self, text: str, draft: Draft | None = None) -> regex.Match[str] | None:
        return next(iter(self.finditer(text, draft)), None)


def _phrase_regex(phrases: Iterable[str]) -> Phrases | None:
    alts = sorted({regex.escape(p.strip()).replace(r"\'", "['’]?").replace("'", "['’]?") for p in phrases if p.strip()},
                  key=len, reverse=True)
    if not alts:
        return None
    rx = regex.compile(r"(?<![\w@#])(?:" + "|".join(alts) + r")(?![\w])", regex.I)
    return Phrases(rx, _any_of(source_condition(alt, regex.I) for alt in alts))


def _any_of(conditions: Iterable[Condition | None]) -> Condition | None:
    """One clause that holds where any of ``conditions`` does (each one's first clause: every
    match of it needs that one); None when one of them has none."""
    exact: set[str] = set()
    folded: set[str] = set()
    digit = False
    for cond in conditions:
        if cond is None or not cond.clauses:
            return None
        first = cond.clauses[0]
        exact.update(first.exact)
        folded.update(first.folded)
        digit = digit or first.digit
    return Condition((interned(Clause(tuple(sorted(exact)), tuple(sorted(folded)), digit)),))


@dataclass(frozen=True)
class LookalikeIndex:
    """Everything that makes a span a look-alike, compiled once per (profile, pack)."""

    practice: Phrases | None
    staff: Phrases | None
    figures: Phrases | None
    staff_given: frozenset[str]
    places: Phrases | None
    addresses: Phrases | None
    holidays: Phrases | None
    regions: frozenset[str]
    phones: frozenset[str]
    emails: frozenset[str]
    domains: tuple[str, ...]
    handles: frozenset[str]
    hashtags: frozenset[str]
    staff_people: tuple[tuple[Phrases, frozenset[str]], ...] = ()

    @classmethod
    def build(cls, profile: Profile, pack: RulePack) -> "LookalikeIndex":
        holidays = pack.terms.get("lookalikes/holidays")
        regions = pack.terms.get("lookalikes/regions")
        return cls(
            practice=_phrase_regex(profile.practice_names),
            staff=_phrase_regex(f for p in profile.staff for f in _person_forms(p)),
            figures=_phrase_regex(f for p in profile.public_figures for f in _person_forms(p)),
            staff_given=frozenset(p.given.lower() for p in profile.staff if p.given),
            places=_phrase_regex(profile.places),
            addresses=_phrase_regex(_address_forms(profile.addresses)),
            holidays=_phrase_regex(holidays.terms if holidays else ()),
            regions=frozenset(t.lower() for t in (regions.terms if regions else ())),
            phones=frozenset(_digits(p)[-10:] for p in (*profile.phones, *profile.fax) if _digits(p)),
            emails=frozenset(e.lower() for e in profile.emails),
            domains=tuple(sorted({_domain(u) for u in (*profile.urls, *profile.emails, *profile.handles) if _domain(u)})),
            handles=frozenset(h.lower().lstrip("@") for h in profile.handles if "/" not in h),
            hashtags=frozenset(h.lower().lstrip("#") for h in profile.hashtags),
            staff_people=tuple(
                (rx, frozenset(t.lower() for t in (p.given, p.surname) if t))
                for p in profile.staff if (rx := _phrase_regex(_person_forms(p))) is not None),
        )

    def mentioned_staff_tokens(self, text: str) -> frozenset[str]:
        """Given names and surnames of staff the draft names in full ("Dawn Kowalski" -> dawn, kowalski)."""
        out: set[str] = set()
        draft = Draft(text)
        for phrases, tokens in self.staff_people:
            if phrases.search(text, draft) is not None:
                out |= tokens
        return frozenset(out)

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Spans of the text that are the practice's own names, people, places and addresses."""
        out: list[tuple[int, int, str]] = []
        draft = Draft(text)
        for pattern, why in ((self.practice, "profile:practice"), (self.staff, "profile:staff"),
                             (self.figures, "profile:public-figure"),
                             (self.addresses, "profile:address"), (self.holidays, "holiday")):
            if pattern is not None:
                out.extend((m.start(), m.end(), why) for m in pattern.finditer(text, draft))
        if self.places is not None:
            for m in self.places.finditer(text, draft):
                if not _RESIDENCE_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
                    out.append((m.start(), m.end(), "profile:place"))
        return out


def profile_words(profile: Profile) -> frozenset[str]:
    """Lower-cased words of the practice's names, places and staff names."""
    phrases = [*profile.practice_names, *profile.places, *(f for p in profile.staff for f in _person_forms(p))]
    return frozenset(w.lower().strip(".,") for phrase in phrases for w in phrase.split())


def profile_places(text: str, index: LookalikeIndex) -> Iterable[Candidate]:
    """The practice's own towns, capitalized, as LOCATION (mark() then says whether they count).

    The NER model would find them too; reading them from the profile spares running it where
    they are the only capitalized run of a sentence.
    """
    if index.places is None:
        return
    for m in index.places.finditer(text):
        if m.group()[:1].isupper():
            yield Candidate(m.start(), m.end(), "LOCATION", 0.85, "profile:place")


def _person_forms(p: Person) -> list[str]:
    forms = [p.name, p.bare_name, *p.aliases]
    if p.surname:
        forms += [f"{t} {p.surname}" for t in ("Dr.", "Dr", "Doctor", "Mr.", "Mrs.", "Ms.", "Mx.", "President", "Coach")]
    return [f for f in forms if f]


def _address_forms(addresses: Sequence[str]) -> list[str]:
    out = []
    for a in addresses:
        out.append(a)
        out.append(a.split(",")[0])
    return out


def _domain(value: str) -> str:
    v = value.lower().strip()
    if "@" in v and not v.startswith("@"):
        v = v.split("@", 1)[1]
    v = regex.sub(r"^[a-z]+://", "", v)
    v = v.split("/", 1)[0]
    v = v.removeprefix("www.")
    return v if "." in v else ""


def why_lookalike(c: Candidate, text: str, index: LookalikeIndex,
                  spans: list[tuple[int, int, str]]) -> str | None:
    """Why this candidate is a look-alike, or None when it may be a patient's identifier."""
    if c.lookalike:
        return c.lookalike
    s = text[c.start:c.end]
    low = s.lower().strip()
    for start, end, why in spans:
        if start <= c.start and c.end <= end or (c.start <= start and end <= c.end and c.label in ("NAME", "LOCATION")):
            if why == "profile:staff" and c.label == "NAME" and _KIN_BEFORE.search(text[max(0, c.start - 15):c.start]):
                continue
            return why
    return _by_label(c, s, low, text, index)


def _by_label(c: Candidate, s: str, low: str, text: str, index: LookalikeIndex) -> str | None:
    if c.label in ("PHONE", "FAX"):
        d = _digits(s)
        if d in _EMERGENCY or (len(d) >= 10 and d[-10:] in index.phones):
            return "profile:phone" if d not in _EMERGENCY else "emergency-number"
    elif c.label == "EMAIL":
        if low in index.emails or any(low.endswith("@" + d) or low.endswith("." + d) for d in index.domains):
            return "profile:email"
    elif c.label in ("URL", "HANDLE"):
        return _url_or_handle(c, low, index)
    elif c.label == "DATE":
        if _YEAR.match(low) or _HOURS.match(low):
            return "year" if _YEAR.match(low) else "hours"
    elif c.label == "LOCATION":
        if low.removeprefix("the ") in index.regions or low in index.regions:
            return "region"
    elif c.label == "NAME":
        if c.detail in ("provider", "staff-role"):
            return "staff"
        given = low.split()[0] if low.split() else ""
        if c.detail != "addressee" and given in index.staff_given and len(low.split()) == 1 \
                and not _KIN_BEFORE.search(text[max(0, c.start - 15):c.start]):
            return "profile:staff-given"
    return None


def _url_or_handle(c: Candidate, low: str, index: LookalikeIndex) -> str | None:
    bare = low.lstrip("@")
    if c.label == "HANDLE" and (bare in index.handles or bare in index.hashtags):
        return "profile:handle"
    dom = _domain(low)
    if dom and any(dom == d or dom.endswith("." + d) for d in index.domains):
        return "profile:url"
    if c.label == "URL" and any(d in low for d in index.domains):
        return "profile:url"
    return None


def mark(cands: Iterable[Candidate], text: str, index: LookalikeIndex) -> list[Candidate]:
    cands = list(cands)
    if not cands:
        return []
    spans = index.spans(text)
    staff_tokens: frozenset[str] | None = None  # read the first time a name needs them
    out = []
    for c in cands:
        why = why_lookalike(c, text, index, spans)
        if why is None and c.label == "NAME" and c.detail != "addressee":
            if staff_tokens is None:
                staff_tokens = index.mentioned_staff_tokens(text)
            if staff_tokens and _all_staff_words(text[c.start:c.end], staff_tokens) \
                    and not _KIN_BEFORE.search(text[max(0, c.start - 15):c.start]):
                why = "profile:staff"
        out.append(replace(c, lookalike=why) if why != c.lookalike else c)
    return out


def _all_staff_words(name: str, staff_tokens: frozenset[str]) -> bool:
    """Every word of ``name`` (but "the" and "family") is a staff member's given name or surname."""
    words = [w for w in regex.findall(r"[\p{L}'-]+", name.lower()) if w not in ("the", "family")]
    return bool(words) and all(w.removesuffix("'s") in staff_tokens for w in words)
