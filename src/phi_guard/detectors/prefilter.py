"""A cheap necessary condition per rule-pack pattern, so most patterns never run on most drafts.

Computed once per pattern at load from the parse of its source (Python's own regex parser, on a
copy where ``\\p{..}`` classes stand in as ``\\w``): a few clauses that every match implies, each
a choice of literal strings ("mrn" or "chart" or "patient ") or "a digit". A draft that fails a
clause cannot hold a match, so the pattern is skipped; a pattern that passes runs as before.

Conservative by construction: a literal is taken only from plain characters in sequence, from
groups and assertions that must match, and from repetitions of at least one; alternatives give
a clause only when every alternative gives one. Case-insensitive literals are ASCII only and
are looked for in ``casefold_key(text)``, where every character the regex engine matches to an
ASCII letter without case has become that letter (tests/test_prefilter.py checks this against
every code point). A source the analysis is unsure of (a parse error, POSIX classes, fuzzy
braces, full-case or version-1 flags) gets no condition: the pattern always runs.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

try:  # Python >= 3.11
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

import re

DIGIT = ("d", "")  # the item "the text holds a digit" (as the engine's \d sees it)
_DIGIT_RX = regex.compile(r"\d")
# characters the engine matches, case-insensitively, to an ASCII letter they do not lower() to
CASE_EXTRA = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_UNSURE = regex.compile(r"\[:\^?[A-Za-z]+:\]|\(\?[a-zA-Z-]*[fV]")  # POSIX classes, full case, V1
# an escape: a property class (\p{L}, \pL, \P{..}) or any other escaped character
_ESCAPE = regex.compile(r"\\(?:([pP](?:\{[^}]*\}|[A-Za-z]))|.)", regex.S)
_MAX_CLAUSES = 4
_MAX_ITEMS = 64

Item = tuple[str, str]  # ("i", lowercase ASCII) | ("c", exact) | DIGIT
Items = frozenset[Item]


class _Unsure(Exception):
    pass


def casefold_key(text: str) -> str:
    """Where a case-insensitive ASCII literal's lowercase form must appear if the engine matches it."""
    return text.translate(CASE_EXTRA).lower()


@dataclass(frozen=True, slots=True)
class Clause:
    """Holds when the text has one of ``exact``, ``folded`` is in its casefold key, or (with
    ``digit``) it has a digit."""

    exact: tuple[str, ...]
    folded: tuple[str, ...]
    digit: bool


@dataclass(frozen=True, slots=True)
class Condition:
    """Clauses that must all hold, the most selective first."""

    clauses: tuple[Clause, ...]


class Draft:
    """One text, with its casefold key and digit test made on first need."""

    __slots__ = ("text", "_key", "_digit", "_held")

    def __init__(self, text: str) -> None:
        self.text = text
        self._key: str | None = None
        self._digit: bool | None = None
        self._held: dict[int, bool] = {}  # id of an (interned) clause -> does it hold

    @property
    def key(self) -> str:
        if self._key is None:
            self._key = casefold_key(self.text)
        return self._key

    def holds(self, clause: Clause) -> bool:
        held = self._held.get(id(clause))
        if held is None:
            held = self._held[id(clause)] = self._holds(clause)
        return held

    def _holds(self, clause: Clause) -> bool:
        if clause.exact and any(map(self.text.__contains__, clause.exact)):
            return True
        if clause.folded:
            if self._key is None:
                self._key = casefold_key(self.text)
            if any(map(self._key.__contains__, clause.folded)):
                return True
        if clause.digit:
            if self._digit is None:
                self._digit = _DIGIT_RX.search(self.text) is not None
            return self._digit
        return False

    def admits(self, cond: Condition | None) -> bool:
        """False only when no match of the pattern with this condition can be in the text."""
        return cond is None or all(map(self.holds, cond.clauses))


def condition(compiled: regex.Pattern[str]) -> Condition | None:
    """The condition every match of ``compiled`` implies, or None (always run it)."""
    return source_condition(compiled.pattern, compiled.flags)


def source_condition(source: str, flags: int) -> Condition | None:
    """``condition`` of the pattern ``regex.compile(source, flags)`` would give, without compiling it."""
    if not isinstance(source, str) or flags & (regex.FULLCASE | regex.V1):
        return None
    if _UNSURE.search(source):
        return None
    try:
        parsed = _parser.parse(_without_properties(source), _re_flags(flags))
        flags = parsed.state.flags
        clauses = _sequence(parsed, bool(flags & re.I), bool(flags & re.X))
    except (_Unsure, re.error, RecursionError, ValueError, TypeError, OverflowError):
        return None
    best = sorted(set(clauses), key=_rank)[:_MAX_CLAUSES]
    if not best:
        return None
    return Condition(tuple(_clause(c) for c in best))


# flags under which dropping an alternative that cannot match could change which one wins
_ORDER_FLAGS = regex.POSIX | regex.BESTMATCH | regex.ENHANCEMATCH | regex.REVERSE | regex.FULLCASE | regex.V1
_LEADING_FLAGS = regex.compile(r"\(\?[a-zA-Z]+\)")
# numbered or named references, conditionals, branch resets, inline global flags, \Q..\E: an
# alternative taken alone might not mean what it meant in the whole
_CROSS_REFERENCE = regex.compile(r"\\(?:\d|g|Q)|\(\?(?:P=|P>|&|\(|\||R\)|\d|[a-zA-Z]+\))")


def alternatives(compiled: regex.Pattern[str], single: bool = False) -> tuple[str, tuple[str, ...]] | None:
    """A pattern ``prefix A|B|C`` as its leading inline flags and its top-level alternatives, or
    None when it has fewer than two or the split is not sure to keep its meaning.

    Leftmost-first: at each position the engine tries A, then B, then C, and the first that
    matches wins. An alternative that matches nowhere in a text never wins anywhere, so the
    pattern made of the other alternatives, in the same order, finds exactly the same matches
    there (``PatternDetector`` runs only the alternatives whose condition the draft passes).
    With ``single``, a pattern of one alternative is returned as that one (for ``expand``).
    """
    source = compiled.pattern
    if not isinstance(source, str) or compiled.flags & _ORDER_FLAGS:
        return None
    lead = _LEADING_FLAGS.match(source)
    prefix = lead.group() if lead else ""
    body = source[len(prefix):]
    if set(prefix[2:-1]) - set("aimsux"):
        return None  # full case, fuzzy or POSIX matching, version 1: not sure
    if _CROSS_REFERENCE.search(body):
        return None
    verbose = bool(compiled.flags & regex.X) or "x" in prefix
    parts = _top_level_split(body, verbose)
    return (prefix, parts) if parts is not None and (len(parts) > 1 or single) else None


_ZERO_WIDTH = ("(?<!", "(?<=", "(?=", "(?!")
_LEADING_GROUP = regex.compile(r"\(\?(?:([aimsux]*):|:)")
_QUANTIFIER = "?*+{"
MAX_EXPANSION = 64  # alternatives one top-level alternative may become


def expand(part: str, limit: int = MAX_EXPANSION) -> tuple[str, ...]:
    """One top-level alternative (not verbose) as the alternatives its leading group makes.

    ``pre(?:a|b)rest`` is ``pre a rest|pre b rest`` for a backtracking engine: at each position
    it tries ``a`` with everything after it, then ``b``, in that order either way. So the group
    that opens an alternative (after ``\\b`` and lookarounds, which match no characters), when it
    has no quantifier, is distributed, and again for the group that opens each result. Each
    result then starts with literal text the regex engine finds fast and the prefilter can
    index (``word_start``). A part that would become more than ``limit`` stays as it is.
    """
    i = _skip_zero_width(part)
    if i is None:
        return (part,)
    m = _LEADING_GROUP.match(part, i)
    if m is None:
        return (part,)
    j = _group_end(part, i)
    if j is None or part[j:j + 1] in tuple(_QUANTIFIER):
        return (part,)
    alts = _top_level_split(part[m.end():j - 1], False)
    if alts is None or len(alts) < 2:
        return (part,)
    flags = m.group(1)
    out: list[str] = []
    for alt in alts:
        out.extend(expand(part[:i] + (f"(?{flags}:{alt})" if flags else alt) + part[j:], limit))
        if len(out) > limit:
            return (part,)
    return tuple(out)


_ASCII_LETTERS = regex.compile(r"[A-Za-z]+")
# what may follow a literal word and can match no word character: the word ends there
_WORD_ENDS = ("\\s", "\\b", "\\W", " ", "'", "’", ",", "\\.", "\\-", "-", "['’]", "[’']", "(?=\\s", "(?!\\w)")


def word_start(part: str) -> tuple[str, str] | None:
    """For a case-insensitive top-level alternative that starts with ``\\b`` and a literal
    (ASCII letters), where its matches must start: ("=", word) when the literal is a whole
    word, ("^", up to its first 3 letters) when it only begins one; None when not sure.

    ``\\b`` before a letter means a word starts there, so a match needs a word of the text
    (a run of ``\\w`` in ``casefold_key(text)``) equal to the literal or beginning with it.
    """
    i = _skip_zero_width(part, need_boundary=True)
    if i is None:
        return None
    m = _ASCII_LETTERS.match(part, i)
    if m is None:
        return None
    word, after = m.group().lower(), part[m.end():]
    if after[:1] in tuple(_QUANTIFIER):
        word, exact = (word if after[:1] == "+" else word[:-1]), False  # "julY?": "jul" begins it
    else:  # the word ends there unless what ends it may be left out ("co-?worker")
        exact = any(after.startswith(t) and after[len(t):len(t) + 1] not in ("?", "*", "{") for t in _WORD_ENDS)
    if not word:
        return None
    return ("=", word) if exact else ("^", word[:3])


def word_keys(key: str) -> set[tuple[str, str]]:
    """The ``word_start`` keys a text's casefold key holds."""
    words = set(_WORD.findall(key))
    out = {("=", w) for w in words}
    out.update(("^", w[:n]) for w in words for n in (1, 2, 3) if len(w) >= n)
    return out


_WORD = regex.compile(r"\w+")


def _skip_zero_width(part: str, need_boundary: bool = False) -> int | None:
    """Where ``part`` starts matching characters, after ``\\b`` and lookarounds; None when
    unsure (or, with ``need_boundary``, when no ``\\b`` is among them)."""
    i, boundary = 0, False
    while True:
        if part.startswith("\\b", i):
            i, boundary = i + 2, True
        elif part.startswith(_ZERO_WIDTH, i):
            end = _group_end(part, i)
            if end is None:
                return None
            i = end
        else:
            return i if boundary or not need_boundary else None


def _group_end(s: str, i: int) -> int | None:
    """Just past the group that opens at ``s[i] == "("``."""
    depth, n = 0, len(s)
    while i < n:
        ch = s[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _set_end(s, i)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None


def _set_end(s: str, i: int) -> int:
    """Just past the character set that opens at ``s[i] == "["``: up to its first unescaped "]"
    ("]" right after "[" or "[^" is literal)."""
    n = len(s)
    i += 1
    if i < n and s[i] == "^":
        i += 1
    if i < n and s[i] == "]":
        i += 1
    while i < n and s[i] != "]":
        i += 2 if s[i] == "\\" else 1
    return i + 1


def joined(prefix: str, parts: tuple[str, ...], verbose: bool) -> str:
    """The source of the pattern made of ``parts``, in order (a verbose comment ends at a line)."""
    return prefix + ("\n|" if verbose else "|").join(parts)


def _top_level_split(body: str, verbose: bool) -> tuple[str, ...] | None:
    parts: list[str] = []
    depth, start, i, n = 0, 0, 0, len(body)
    while i < n:
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _set_end(body, i)
            continue
        if verbose and ch == "#":
            end = body.find("\n", i)
            i = n if end < 0 else end
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return None
        elif ch == "|" and depth == 0:
            parts.append(body[start:i])
            start = i + 1
        i += 1
    if depth != 0 or i > n:
        return None
    parts.append(body[start:])
    return tuple(parts)


_INTERNED: dict[Clause, Clause] = {}


def _clause(items: frozenset[Item]) -> Clause:
    """The clause of ``items``, one object for equal clauses, so a draft tests each once
    (``Draft.holds`` remembers its answers by the clause's identity)."""
    exact = tuple(sorted(s for kind, s in items if kind == "c"))
    folded = tuple(sorted(s for kind, s in items if kind == "i"))
    return interned(Clause(exact, folded, DIGIT in items))


def interned(clause: Clause) -> Clause:
    """The one object for clauses equal to ``clause``. Every clause a Draft tests must be
    interned (kept alive): its answers are remembered by object identity."""
    return _INTERNED.setdefault(clause, clause)


def _without_properties(source: str) -> str:
    """``\\p{..}`` classes as ``\\w``: Python's parser knows no properties; either is no literal."""
    return _ESCAPE.sub(lambda m: r"\w" if m.group(1) else m.group(), source)


def _re_flags(flags: int) -> int:
    """The ``re`` flags Python's parser needs to read a ``regex`` pattern as the engine does
    (dot-all and multi-line change no literal, but the superset writer reads them)."""
    out = 0
    for ours, theirs in ((regex.I, re.I), (regex.X, re.X), (regex.S, re.S), (regex.M, re.M)):
        if flags & ours:
            out |= theirs
    return out


def _weight(item: Item) -> float:
    return 1.5 if item == DIGIT else float(len(item[1]))


def _rank(clause: Items) -> tuple[float, int, tuple[Item, ...]]:
    """Most selective first: the longest shortest literal, then the fewest choices."""
    return (-min(_weight(i) for i in clause), len(clause), tuple(sorted(clause)))


def _sequence(items, icase: bool, verbose: bool) -> list[Items]:  # type: ignore[no-untyped-def]
    clauses: list[Items] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            s = "".join(run)
            clauses.append(frozenset({("i", s.lower()) if icase else ("c", s)}))
            run.clear()

    for op, av in items:
        if op is _c.LITERAL:
            ch = chr(av)
            if ch in "{}":
                raise _Unsure()  # braces the regex engine may read as fuzzy constraints
            if (icase and not ch.isascii()) or (verbose and ch.isspace()):
                flush()
                continue
            run.append(ch)
            continue
        flush()
        if op is _c.SUBPATTERN:
            _group, add, remove, sub = av
            inner = (icase or bool(add & re.I)) and not remove & re.I
            clauses += _sequence(sub, inner, verbose or bool(add & re.X))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            low, _high, sub = av
            if low >= 1:
                clauses += _sequence(sub, icase, verbose)
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            clauses += _sequence(av, icase, verbose)
        elif op is _c.ASSERT:
            _direction, sub = av
            clauses += _sequence(sub, icase, verbose)
        elif op is _c.BRANCH:
            clause = _branch(av[1], icase, verbose)
            if clause is not None:
                clauses.append(clause)
        elif op is _c.IN and _digits_only(av):
            clauses.append(frozenset({DIGIT}))
        elif op is _c.NOT_LITERAL and chr(av) in "{}":
            raise _Unsure()
        # anything else (anchors, classes, any, negative assertions, back references,
        # conditionals) implies no literal
    flush()
    return clauses


def _branch(alternatives, icase: bool, verbose: bool) -> Items | None:  # type: ignore[no-untyped-def]
    union: set[Item] = set()
    for alt in alternatives:
        clauses = _sequence(alt, icase, verbose)
        if not clauses:
            return None  # one way through needs nothing
        union |= min(clauses, key=_rank)
    return frozenset(union) if len(union) <= _MAX_ITEMS else None


def _digits_only(av) -> bool:  # type: ignore[no-untyped-def]
    for op, val in av:
        if op is _c.LITERAL and "0" <= chr(val) <= "9":
            continue
        if op is _c.RANGE and "0" <= chr(val[0]) and chr(val[1]) <= "9":
            continue
        if op is _c.CATEGORY and val is _c.CATEGORY_DIGIT:
            continue
        return False
    return bool(av)
