"""Health terms (CONDITION, PROCEDURE, MEDICATION) from the pack's term lists.

Lookup is by token n-grams, so a 10,000-term list costs one dictionary probe per token and
length: text and terms are tokenized the same way (letters and digits; hyphens and apostrophes
split), so "c-section", "C section" and "c‑section" meet. Regular plurals are folded on the last
token. Hashtags are matched as a whole body ("#bracesoff"), as a term with its spaces removed
("#breastcancer"), or as a term plus a common suffix ("#breastcancersurvivor").

Ambiguous terms ("cold", "shot", "crown", "group") count only near a health or care cue.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from .._types import HEALTH_LABELS, Candidate
from ..packs import RulePack

TOKEN = regex.compile(r"[\p{L}\p{N}]+")
HASHTAG = regex.compile(r"(?<![\w#])#([\p{L}\p{N}_]{2,60})")
_HASHTAG_SUFFIXES = ("survivor", "survivors", "warrior", "warriors", "awareness", "journey",
                     "recovery", "strong", "free", "life", "day", "success", "fighter", "mom",
                     "mama", "baby", "club", "squad", "gang", "month", "week", "support",
                     "community", "sucks", "struggles", "problems", "fighters", "thriver", "done")
_CARE_CUES = regex.compile(
    r"\b(?:dr|doctor|dentist|nurse|clinic|office|appointment|appt|visit|surgery|treatment|"
    r"therapy|therapist|diagnos\w*|prescri\w*|symptoms?|pain|hospital|er|urgent care|meds?|"
    r"medicine|dose|recover\w*|healing|heal|sick|ill|patient|ortho\w*|hygienist|pharmac\w*)\b",
    regex.I,
)
_CUE_WINDOW = 80
# "his new walker", "her cast": a possessive right before an ambiguous term makes it personal
_POSSESSIVE = regex.compile(r"\b(?:his|her|your|their|my)\s+(?:new\s+|old\s+|first\s+|last\s+)?$", regex.I)


def tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def term_key(term: str) -> tuple[str, ...]:
    return tuple(t for t, _, _ in tokens(term))


def _singulars(tok: str) -> tuple[str, ...]:
    out = [tok]
    if len(tok) > 3 and tok.endswith("ies"):
        out.append(tok[:-3] + "y")
    if len(tok) > 3 and tok.endswith("es"):
        out.append(tok[:-2])
    if len(tok) > 3 and tok.endswith("s") and not tok.endswith("ss"):
        out.append(tok[:-1])
    return tuple(out)


@dataclass(frozen=True, slots=True)
class _Entry:
    label: str
    ambiguous: bool


class TermIndex:
    """Token-tuple -> label, built once per pack."""

    def __init__(self, pack: RulePack) -> None:
        self.entries: dict[tuple[str, ...], _Entry] = {}
        self.compact: dict[str, str] = {}
        self.hashtags: dict[str, str] = {}
        stop = {term_key(t) for t in _lines(pack, "terms/stoplist")}
        self.stop_phrases = {k for k in stop if len(k) > 1}  # idioms that veto what they overlap
        for list_name in ("terms/conditions", "terms/procedures", "terms/medications"):
            tl = pack.terms.get(list_name)
            if tl is None or tl.label not in HEALTH_LABELS:
                continue
            for term in tl.terms:
                self._add(term, tl.label, False, stop)
        for line in _lines(pack, "terms/ambiguous"):
            term, _, label = line.partition("\t")
            if label.strip() in HEALTH_LABELS:
                self._add(term, label.strip(), True, stop)
        for line in _lines(pack, "terms/hashtags"):
            body, _, label = line.partition("\t")
            if label.strip() in HEALTH_LABELS:
                self.hashtags[body.strip().lower().lstrip("#")] = label.strip()
        self.max_len = max((len(k) for k in self.entries), default=1)
        # first token -> the lengths (>= 2, longest first) of the terms and idioms it opens
        self.lengths_after = _lengths_by_first(self.entries)
        self.stop_lengths = _lengths_by_first(self.stop_phrases, minimum=1)

    def _add(self, term: str, label: str, ambiguous: bool, stop: set[tuple[str, ...]]) -> None:
        key = term_key(term)
        if not key or key in stop or key in self.entries and not self.entries[key].ambiguous:
            return
        self.entries[key] = _Entry(label, ambiguous)
        joined = "".join(key)
        if not ambiguous and len(joined) >= 5 and (len(key) > 1 or len(joined) >= 6):
            self.compact.setdefault(joined, label)

    def lookup(self, key: tuple[str, ...]) -> _Entry | None:
        return self._lookup(key[:-1], _singulars(key[-1]))

    def _lookup(self, head: tuple[str, ...], last_forms: tuple[str, ...]) -> _Entry | None:
        """The entry for ``head`` + the last token as written, else as a singular."""
        for form in last_forms:
            entry = self.entries.get(head + (form,))
            if entry is not None:
                return entry
        return None

    def hashtag_label(self, body: str) -> str | None:
        body = body.lower().replace("_", "")
        if body in self.hashtags:
            return self.hashtags[body]
        for form in _singulars(body):
            if form in self.compact:
                return self.compact[form]
        for suffix in _HASHTAG_SUFFIXES:
            if body.endswith(suffix) and len(body) - len(suffix) >= 4:
                stem = body[: -len(suffix)]
                if stem in self.compact or stem in self.hashtags:
                    return self.compact.get(stem) or self.hashtags[stem]
        return None


def _lengths_by_first(keys: Iterable[tuple[str, ...]], minimum: int = 2) -> dict[str, tuple[int, ...]]:
    by_first: dict[str, set[int]] = {}
    for key in keys:
        if len(key) >= minimum:
            by_first.setdefault(key[0], set()).add(len(key))
    return {first: tuple(sorted(lengths, reverse=True)) for first, lengths in by_first.items()}


def _lines(pack: RulePack, name: str) -> tuple[str, ...]:
    tl = pack.terms.get(name)
    return tl.terms if tl is not None else ()


class TermDetector:
    name = "terms"

    def __init__(self, index: TermIndex) -> None:
        self._index = index

    def detect(self, text: str) -> Iterable[Candidate]:
        found: list[tuple[Candidate, bool]] = []
        hashtag_spans = [(m.start(), m.end()) for m in HASHTAG.finditer(text)]
        toks = tokens(text)
        if hashtag_spans:
            toks = [t for t in toks if not _inside(t[1], hashtag_spans)]
        toks = self._without_idioms(toks)
        words = [t[0] for t in toks]
        forms: dict[str, tuple[str, ...]] = {}  # token -> itself and its singulars
        i = 0
        while i < len(toks):
            i += self._match_at(text, toks, words, forms, i, found)
        for m in HASHTAG.finditer(text):
            label = self._index.hashtag_label(m.group(1))
            if label is not None:
                found.append((Candidate(m.start(), m.end(), label, 0.8, "terms:hashtag", detail="hashtag"), False))
        strong = any(not amb for _, amb in found)
        for cand, ambiguous in found:
            if not ambiguous or strong or _near_cue(text, cand):
                yield cand

    def _without_idioms(self, toks: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        """Drop tokens that are part of a stoplist idiom ("labor day", "in stitches")."""
        phrases, by_first = self._index.stop_phrases, self._index.stop_lengths
        if not phrases:
            return toks
        blocked: set[int] = set()
        words = [t[0] for t in toks]
        for i, word in enumerate(words):
            for n in by_first.get(word, ()):
                if i + n <= len(words) and tuple(words[i:i + n]) in phrases:
                    blocked.update(range(i, i + n))
        if not blocked:
            return toks
        return [t for i, t in enumerate(toks) if i not in blocked]

    def _match_at(self, text: str, toks: list[tuple[str, int, int]], words: list[str],
                  forms: dict[str, tuple[str, ...]], i: int, found: list[tuple[Candidate, bool]]) -> int:
        """The longest term at token ``i``: only the lengths of terms that open with its word."""
        index = self._index
        limit = min(index.max_len, len(toks) - i)
        for n in (*index.lengths_after.get(words[i], ()), 1):
            if n > limit:
                continue
            last = words[i + n - 1]
            last_forms = forms.get(last)
            if last_forms is None:
                last_forms = forms[last] = _singulars(last)
            entry = index._lookup(tuple(words[i:i + n - 1]), last_forms)
            if entry is None:
                continue
            start, end = toks[i][1], toks[i + n - 1][2]
            if entry.ambiguous and _looks_like_a_name(text, start):
                return n
            score = 0.55 if entry.ambiguous else 0.75
            found.append((Candidate(start, end, entry.label, score, "terms:list",
                                    detail="ambiguous" if entry.ambiguous else ""), entry.ambiguous))
            return n
        return 1


def _near_cue(text: str, cand: Candidate) -> bool:
    if _POSSESSIVE.search(text, max(0, cand.start - 24), cand.start):
        return True
    return bool(_CARE_CUES.search(text, max(0, cand.start - _CUE_WINDOW), min(len(text), cand.end + _CUE_WINDOW)))


def _looks_like_a_name(text: str, start: int) -> bool:
    """An ambiguous term after a title ("Dr. Walker") or capitalized mid-sentence is a name."""
    before = text[max(0, start - 8):start]
    if regex.search(r"\b(?:dr|mr|mrs|ms|mx|miss)\.?\s+$", before, regex.I):
        return True
    return text[start:start + 1].isupper() and bool(regex.search(r"[\p{Ll},]\s+$", before))


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)
