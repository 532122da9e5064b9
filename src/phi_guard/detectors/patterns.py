"""Rule-pack patterns: compiled once, run with a timeout, vetoed by named validators."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import regex

from .._types import Candidate
from ..packs import PatternDef
from ..clock import today
from .prefilter import Condition, Draft, alternatives, condition, expand, joined, source_condition, word_keys, word_start
from .superset import Background, Scanner, background

_DIGIT_LABELS = frozenset({"SSN", "MRN", "HEALTH_PLAN_ID", "ACCOUNT_NUMBER", "LICENSE_NUMBER",
                           "VEHICLE_ID", "DEVICE_ID", "PHONE", "FAX", "IP_ADDRESS", "AGE"})
_CONTEXT_WINDOW = 48  # characters before the span searched for context words
_CONTEXT_BOOST = 0.35


class PatternTimeout(Exception):
    """A pattern ran past its time cap on this draft (the draft becomes an error)."""


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def luhn(text: str) -> bool:
    digits = [int(d) for d in _digits(text)]
    if len(digits) < 12:
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def ssn_shape(text: str) -> bool:
    d = _digits(text)
    return len(d) == 9 and d[:3] not in ("000", "666") and d[0] != "9" and d[3:5] != "00" and d[5:] != "0000"


def card_digits(text: str) -> bool:
    return 12 <= len(_digits(text)) <= 19


def iban_shape(text: str) -> bool:
    compact = text.replace(" ", "").upper()
    if not (15 <= len(compact) <= 34) or not compact[2:4].isdigit():
        return False
    moved = compact[4:] + compact[:4]
    try:
        number = int("".join(str(int(ch, 36)) for ch in moved))
    except ValueError:
        return False
    return number % 97 == 1


def age_over_89(text: str) -> bool:
    d = _digits(text)
    return bool(d) and 90 <= int(d[:3]) <= 125


def birth_year_over_89(text: str) -> bool:
    d = _digits(text)
    return len(d) == 4 and today().year - int(d) >= 90


def phone_digits(text: str) -> bool:
    return 7 <= len(_digits(text)) <= 15


def has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


VALIDATORS: dict[str, Callable[[str], bool]] = {
    "luhn": luhn, "ssn_shape": ssn_shape, "card_digits": card_digits, "iban_shape": iban_shape,
    "age_over_89": age_over_89, "birth_year_over_89": birth_year_over_89, "has_digit": has_digit,
    "phone_digits": phone_digits,
}


class _Alternatives:
    """A pattern's top-level alternatives, each run alone with its condition. On a draft, only
    the alternatives whose condition it passes run, merged leftmost-first as the whole pattern
    would (the earliest start wins, the first alternative on a tie, the search goes on where the
    match ended): the same matches, prefilter.alternatives() says why. An alternative that opens
    with a group becomes the alternatives it distributes to (prefilter.expand), and those that
    start with a word are looked up by it (prefilter.word_start) instead of being tried."""

    __slots__ = ("whole", "sources", "starts", "_conditions", "_singles")

    def __init__(self, compiled: regex.Pattern[str], prefix: str, parts: tuple[str, ...]) -> None:
        verbose = bool(compiled.flags & regex.X) or "x" in prefix
        inline = set(prefix[2:-1])
        if not verbose:
            parts = tuple(e for part in parts for e in expand(part))
        icase = (bool(compiled.flags & regex.I) or "i" in inline) and not verbose \
            and not compiled.flags & (regex.ASCII | regex.WORD) and "a" not in inline
        self.whole = compiled
        self.sources = tuple(joined(prefix, (part,), verbose) for part in parts)
        self.starts = tuple(word_start(part) if icase else None for part in parts)
        # each alternative's condition and compiled form are made the first time a draft needs them
        self._conditions: list[Condition | None | bool] = [False] * len(parts)
        self._singles: list[regex.Pattern[str] | None] = [None] * len(parts)

    @classmethod
    def of(cls, p: PatternDef) -> "_Alternatives | None":
        split = alternatives(p.compiled, single=True) if p.group == 0 else None
        if split is None:
            return None
        alts = cls(p.compiled, *split)  # compiles nothing: each alternative is compiled on first need
        return alts if len(alts.sources) > 1 else None

    def condition(self, k: int) -> Condition | None:
        cond = self._conditions[k]
        if cond is False:
            cond = self._conditions[k] = source_condition(self.sources[k], self.whole.flags)
        return cond  # type: ignore[return-value]

    def single(self, k: int) -> regex.Pattern[str]:
        compiled = self._singles[k]
        if compiled is None:
            compiled = self._singles[k] = regex.compile(self.sources[k], self.whole.flags)
        return compiled

    def matches(self, draft: Draft, timeout: float, candidates: Iterable[int] | None = None,
                checked: bool = False) -> list[regex.Match[str]]:
        """The whole pattern's matches in ``draft``; ``candidates``, when given, are the (sorted)
        alternatives that may match at all: those whose start word the draft holds, and those
        without one (or, ``checked``, those whose superset matched: no condition is tested)."""
        text = draft.text
        ks = range(len(self.sources)) if candidates is None else candidates
        running = [self.single(k) for k in ks if checked or draft.admits(self.condition(k))]
        if len(running) == len(self.sources):
            return list(self.whole.finditer(text, timeout=timeout))
        nexts = [c.search(text, timeout=timeout) for c in running]
        out: list[regex.Match[str]] = []
        while True:
            best = None
            for i, m in enumerate(nexts):
                if m is not None and (best is None or m.start() < best.start()):
                    best = m
            if best is None:
                return out
            if best.end() == best.start():  # an empty match: the whole pattern's own stepping
                return list(self.whole.finditer(text, timeout=timeout))
            out.append(best)
            pos = best.end()
            for i, m in enumerate(nexts):
                if m is not None and m.start() < pos:
                    nexts[i] = running[i].search(text, pos, timeout=timeout)


class PatternDetector:
    """Every [[pattern]] of the pack, as Candidates."""

    name = "patterns"

    def __init__(self, patterns: Iterable[PatternDef], timeout: float = 1.0) -> None:
        self._patterns = tuple(patterns)
        self._timeout = timeout
        # what every match of each pattern implies (prefilter.py): a pattern whose condition the
        # draft fails cannot match it and is not run
        self._conditions: tuple[Condition | None, ...] = tuple(condition(p.compiled) for p in self._patterns)
        self._alternatives = tuple(_Alternatives.of(p) for p in self._patterns)
        # start word -> the (pattern, alternative) pairs that need it; per pattern, those that need none
        index: dict[tuple[str, str], list[tuple[int, int]]] = {}
        free: list[tuple[int, ...]] = []
        for i, alts in enumerate(self._alternatives):
            starts = alts.starts if alts is not None else ()
            for k, start in enumerate(starts):
                if start is not None:
                    index.setdefault(start, []).append((i, k))
            free.append(tuple(k for k, start in enumerate(starts) if start is None))
        self._index = index
        self._free = tuple(free)
        # one superset per pattern, or per alternative of a split one (superset.py), for the scanner
        self._scan_ids: tuple[tuple[int, int | None], ...] = tuple(
            (i, None) if alts is None else (i, k) for i, alts in enumerate(self._alternatives)
            for k in (range(len(alts.sources)) if alts is not None else (None,)))
        self._scan: Background | None = None

    def start_scanner(self) -> Background | None:
        """Build the superset scanner in the background (once per process for these patterns);
        until it is ready, ``detect`` uses the literal prefilter. Either way the same matches."""
        if self._scan is None:
            self._scan = background(tuple(self._scan_source(i, k) for i, k in self._scan_ids))
        return self._scan

    def _scan_source(self, i: int, k: int | None) -> tuple[str, int]:
        flags = self._patterns[i].compiled.flags
        alts = self._alternatives[i]
        return (self._patterns[i].compiled.pattern, flags) if alts is None or k is None else (alts.sources[k], flags)

    def detect(self, text: str) -> Iterable[Candidate]:
        scanner = self._scan.ready() if self._scan is not None else None
        if scanner is not None:
            yield from self._scanned(text, scanner)
            return
        lowered = text.lower()
        has_digit = any(ch.isdigit() for ch in text)
        draft = Draft(text)
        hits: dict[int, list[int]] = {}
        if self._index:
            for key in word_keys(draft.key):
                for i, k in self._index.get(key, ()):
                    hits.setdefault(i, []).append(k)
        for i, (p, cond, alts) in enumerate(zip(self._patterns, self._conditions, self._alternatives)):
            if not has_digit and p.label in _DIGIT_LABELS:
                continue  # every pattern of these labels needs a digit
            if alts is not None:
                found = hits.get(i)
                candidates = sorted(found + list(self._free[i])) if found else self._free[i]
                if not candidates:
                    continue  # no alternative's start word is in the draft
                # each candidate is tested on its own condition: that of the whole adds nothing
            elif not draft.admits(cond):
                continue  # no match is possible
            yield from self._found(p, alts, draft, lowered, candidates if alts is not None else None)

    def _scanned(self, text: str, scanner: Scanner) -> Iterable[Candidate]:
        """``detect`` with the scanner: only the patterns and alternatives whose superset matched
        the draft run (in pattern order, alternatives merged as the whole pattern would)."""
        lowered = text.lower()
        whole: set[int] = set()
        split: dict[int, list[int]] = {}
        for j in scanner.hits(text) | scanner.always:
            i, k = self._scan_ids[j]
            if k is None:
                whole.add(i)
            else:
                split.setdefault(i, []).append(k)
        draft = Draft(text)
        for i, p in enumerate(self._patterns):
            if i in whole:
                yield from self._found(p, None, draft, lowered)
            elif i in split:
                yield from self._found(p, self._alternatives[i], draft, lowered, sorted(split[i]), checked=True)

    def _found(self, p: PatternDef, alts: _Alternatives | None, draft: Draft, lowered: str,
               candidates: Iterable[int] | None = None, checked: bool = False) -> Iterable[Candidate]:
        """The candidates of ``p`` in ``draft``: of the whole pattern, or (``alts``) of its
        alternatives merged, only ``candidates`` of them running (``_Alternatives.matches``)."""
        try:
            matches = list(p.compiled.finditer(draft.text, timeout=self._timeout)) if alts is None \
                else alts.matches(draft, self._timeout, candidates, checked)
        except TimeoutError:
            raise PatternTimeout(p.name) from None
        for m in matches:
            cand = self._candidate(p, m, lowered)
            if cand is not None:
                yield cand

    @staticmethod
    def _candidate(p: PatternDef, m: regex.Match[str], lowered: str) -> Candidate | None:
        start, end = m.span(p.group)
        if start < 0 or end <= start:
            return None
        span_text = m.group(p.group)
        score = p.score
        near = False
        if p.context:
            window = lowered[max(0, start - _CONTEXT_WINDOW):start]
            near = any(word in window for word in p.context)
            if near:
                score = min(1.0, score + _CONTEXT_BOOST)
            elif p.require_context:
                return None
        if p.validator == "card_digits":
            if not card_digits(span_text) or not (luhn(span_text) or near):
                return None
        elif p.validator is not None and not VALIDATORS[p.validator](span_text) and not near:
            return None
        return Candidate(start, end, p.label, score, f"pattern:{p.name}", lookalike=p.lookalike, rule=p.rule)


__all__ = ["PatternDetector", "PatternTimeout", "VALIDATORS"]
