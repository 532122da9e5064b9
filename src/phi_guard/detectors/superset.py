"""One pass over a draft tells which rule-pack patterns may match it: each pattern's *superset*,
compiled together into one Hyperscan database.

A pattern's superset matches wherever the pattern does, and sometimes where it does not. It is
written from the pattern's parse (Python's own regex parser, as ``prefilter.py`` uses), node by
node, for a text scanned one byte per character (Latin-1 as itself, anything past it as 0x80):

- a character or a class becomes the byte class of the Latin-1 characters the ``regex`` engine
  itself matches with it (each of the 256 asked, with the pattern's flags there), plus 0x80
  unless it can match no character past Latin-1 (Latin-1 literals and ranges only, and, without
  case, none with a partner past Latin-1: the ASCII letters i, s and k have İ ı ſ K);
- lookarounds, ``\\b`` and anchors are left out (a superset has fewer requirements); possessive
  and lazy repeats become greedy ones, atomic groups plain ones;
- repeats keep at most ``_MAX_LOW`` of their minimum and no maximum above ``_MAX_HIGH``, and past
  ``BUDGET`` characters along any path a superset stops (a match of the whole begins with a match
  of its start): Hyperscan's compile time grows with the automata;
- anything else (back references, conditionals, a superset that matches the empty text, a parse
  the analysis is unsure of) gives no superset: that pattern runs on every draft.

Hyperscan scans a draft once for every superset (its literal and automaton engines, no
backtracking) and reports which matched somewhere. A pattern whose superset matched nowhere
cannot match, so it is not run; those that did run with the ``regex`` engine as before, so every
match, span and timeout is what it was. The database is built in a background thread (Hyperscan
compiles without the GIL), once per process for a set of patterns; until it is ready the
literal prefilter serves, with the same results.

``tests/test_superset.py`` checks the soundness (no superset misses a match of its pattern) on
corpus drafts, generated drafts and changed corpus drafts.
"""

from __future__ import annotations

import codecs
import functools
import logging
import os
import re
import threading
from collections.abc import Sequence

import regex

from . import prefilter
from .prefilter import _c, _parser, _re_flags

try:
    import hyperscan as _hs
except ImportError:  # pragma: no cover - a platform without Hyperscan's wheel: every pattern runs
    _hs = None

BUDGET = 24  # character positions along any path of a superset (Hyperscan compiles longer ones slower)
_MAX_LOW = 2
_MAX_HIGH = 3
log = logging.getLogger("phi_guard")
_PROPERTY = regex.compile(r"\\[pP](?:\{[^}]*\}|[A-Za-z])")
# beyond what the prefilter is unsure of (POSIX classes, full case, version 1): escapes Python's
# parser reads otherwise, code points that would collide with the placeholders
_UNSURE = regex.compile(r"\\[XGKmMQ]|\\U000[fF]|\\U0010")
_PRIVATE = 0xF0000  # placeholders for property classes: a private-use plane no pattern uses


class _Unsure(Exception):
    pass


def available() -> bool:
    return _hs is not None


def superset(source: str, flags: int, budget: int = 10**9) -> str | None:
    """The Hyperscan source of a superset of ``regex.compile(source, flags)``, or None."""
    if not isinstance(source, str) or flags & (regex.FULLCASE | regex.V1 | regex.BESTMATCH
                                                | regex.POSIX | regex.REVERSE | regex.ASCII | regex.WORD):
        return None
    if prefilter._UNSURE.search(source) or _UNSURE.search(source) or any(ord(ch) >= _PRIVATE for ch in source):
        return None
    props: list[str] = []

    def placeholder(m: regex.Match[str]) -> str:
        props.append(m.group())
        return "\\U%08x" % (_PRIVATE + len(props) - 1)

    try:
        parsed = _parser.parse(_PROPERTY.sub(placeholder, source), _re_flags(flags))
        if parsed.state.flags & (re.A | re.L):
            return None
        icase = bool(parsed.state.flags & re.I)
        out, _whole, empty = _Writer(props, budget).sequence(parsed, icase)
    except (_Unsure, re.error, RecursionError, ValueError, TypeError, OverflowError, regex.error):
        return None
    if empty:
        return None  # it would match every text (and Hyperscan refuses such a pattern)
    return out


class _Writer:
    """Writes a superset of at most ``budget`` character positions along any path: past the
    budget a sequence stops (a match of the whole has a match of its start)."""

    def __init__(self, props: list[str], budget: int = 10**9) -> None:
        self._props = props
        self._budget = budget

    def sequence(self, items, icase: bool) -> tuple[str, bool, bool]:  # type: ignore[no-untyped-def]
        """The superset of ``items`` in order, whether it is whole (not cut short), and whether
        it matches the empty text."""
        out, empty = [], True
        for op, av in items:
            text, whole, nullable = self.node(op, av, icase)
            out.append(text)
            empty = empty and nullable
            if not whole:
                return "".join(out), False, empty
        return "".join(out), True, empty

    def node(self, op, av, icase: bool) -> tuple[str, bool, bool]:  # type: ignore[no-untyped-def]
        if op in (_c.LITERAL, _c.IN, _c.NOT_LITERAL, _c.CATEGORY, _c.ANY):
            if self._budget <= 0:
                return "", False, True
            self._budget -= 1
            return self.char_class(op, av, icase), True, False
        if op is _c.SUBPATTERN:
            _group, add, remove, sub = av
            if (add | remove) & ~(re.I | re.X | re.S | re.M):
                raise _Unsure()
            inner = (icase or bool(add & re.I)) and not remove & re.I
            text, whole, empty = self.sequence(sub, inner)
            return "(?:" + text + ")", whole, empty
        if op is getattr(_c, "ATOMIC_GROUP", None):
            text, whole, empty = self.sequence(av, icase)
            return "(?:" + text + ")", whole, empty
        if op is _c.BRANCH:
            budget, texts, whole, empty, left = self._budget, [], True, False, []
            for alt in av[1]:
                self._budget = budget
                text, complete, nullable = self.sequence(alt, icase)
                texts.append(text)
                whole, empty, left = whole and complete, empty or nullable, left + [self._budget]
            self._budget = min(left)
            return "(?:" + "|".join(texts) + ")", whole, empty
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            low, high, sub = av
            body, whole, empty = self.sequence(sub, icase)
            if not whole:  # cut short inside: one occurrence's start, if one is needed
                return ("(?:" + body + ")" if low >= 1 and body else ""), False, empty or low == 0
            if not body:
                return "", True, True
            low = min(low, _MAX_LOW)
            top = "" if high is _c.MAXREPEAT or high > _MAX_HIGH else str(max(high, low))
            return "(?:%s){%d,%s}" % (body, low, top), True, empty or low == 0
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            return "", True, True  # zero-width: a superset leaves the requirement out
        raise _Unsure()  # back references, conditionals, anything not foreseen

    def char_class(self, op, av, icase: bool) -> str:  # type: ignore[no-untyped-def]
        """The byte class of what ``items`` match: the Latin-1 characters the regex engine itself
        matches with them (each of the 256 asked), and the byte 0x80 when they may match a
        character past Latin-1 (every such character is scanned as 0x80)."""
        if op is _c.ANY:
            return "."
        if op is _c.IN:
            source, narrow = self._class_source(av)
        elif op is _c.LITERAL:
            source, narrow = self._class_source([(op, av)])
        elif op is _c.NOT_LITERAL:
            source, narrow = "[^" + self._char(av) + "]", False
        elif op is _c.CATEGORY:
            source, narrow = _category(av), False
        else:
            raise _Unsure()
        return _class(source, icase, narrow)

    def _class_source(self, av) -> tuple[str, bool]:  # type: ignore[no-untyped-def]
        """A class's regex source, and whether only Latin-1 characters can match it without case
        (it names Latin-1 characters and ranges and nothing else)."""
        parts, negate, narrow = [], False, True
        for op, val in av:
            if op is _c.NEGATE:
                negate, narrow = True, False
            elif op is _c.LITERAL:
                parts.append(self._char(val))
                narrow = narrow and val <= 0xFF
            elif op is _c.RANGE:
                parts.append(self._char(val[0]) + "-" + self._char(val[1]))
                narrow = narrow and val[1] <= 0xFF
            elif op is _c.CATEGORY:
                parts.append(_category(val))
                narrow = False
            else:
                raise _Unsure()
        return ("[^" if negate else "[") + "".join(parts) + "]", narrow

    def _char(self, code: int) -> str:
        if code >= _PRIVATE:
            return self._props[code - _PRIVATE]
        return "\\U%08x" % code


# ASCII letters that, without case, the regex engine also matches to characters past Latin-1
# (prefilter.CASE_EXTRA: İ ı ſ K); tests/test_superset.py checks every code point
_WIDE_PARTNERS = frozenset("iIsSkK")


@functools.lru_cache(maxsize=None)
def _class(source: str, icase: bool, narrow: bool) -> str:
    compiled = regex.compile(source, regex.I if icase else 0)
    members = [i for i in range(256) if compiled.fullmatch(chr(i))]
    if icase and any(i >= 0x80 or chr(i) in _WIDE_PARTNERS for i in members):
        narrow = False  # a Latin-1 letter's partner may lie past it (ÿ Ÿ, µ Μ, ß ẞ)
    if not narrow:
        members = sorted(set(members) | {0x80})
    if not members:
        raise _Unsure()
    if len(members) == 1:
        return _escape(members[0])
    return "[" + "".join(_range_source(lo, hi) for lo, hi in _ranges(members)) + "]"


_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W",
}


def _category(val) -> str:  # type: ignore[no-untyped-def]
    try:
        return _CATEGORIES[str(val)]
    except KeyError:
        raise _Unsure() from None


def _escape(code: int) -> str:
    return "\\x%02x" % code


def _ranges(members: Sequence[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for i in members:
        if out and out[-1][1] == i - 1:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


def _range_source(lo: int, hi: int) -> str:
    return _escape(lo) if lo == hi else _escape(lo) + "-" + _escape(hi)


class Scanner:
    """Supersets of many patterns in one Hyperscan database: ``hits(text)`` is the set of the
    ids whose superset matches somewhere in ``text``. Ids without a superset are in ``always``
    (their pattern runs on every text)."""

    def __init__(self, sources: Sequence[tuple[str, int]], budget: int = BUDGET) -> None:
        self._db = None
        self._local = threading.local()  # a Hyperscan scratch is for one scan at a time
        sups = {i: sup for i, (source, flags) in enumerate(sources)
                if _hs is not None and (sup := superset(source, flags, budget)) is not None}
        if sups:
            db = _compile(sups)
            if db is None:  # some superset Hyperscan refuses (one that matches the empty text)
                sups = {i: sup for i, sup in sups.items() if _compile({i: sup}) is not None}
                db = _compile(sups) if sups else None
            self._db = db
        self.always = frozenset(range(len(sources))) - (frozenset(sups) if self._db is not None else frozenset())

    def hits(self, text: str) -> set[int]:
        found: set[int] = set()
        if self._db is None:
            return found
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = self._local.scratch = _hs.Scratch(self._db)
        self._db.scan(text.encode("latin-1", errors=_HIGH), match_event_handler=_on_match,
                      context=found, scratch=scratch)
        return found


def _compile(sups: dict[int, str]):  # type: ignore[no-untyped-def]
    db = _hs.Database(mode=_hs.HS_MODE_BLOCK)
    flag = _hs.HS_FLAG_DOTALL | _hs.HS_FLAG_SINGLEMATCH
    try:
        db.compile(expressions=[sup.encode("ascii") for sup in sups.values()], ids=list(sups),
                   flags=[flag] * len(sups))
    except _hs.error:
        return None
    return db


_HIGH = "phi_guard.one_high_byte"


def _one_high_byte(exc: UnicodeError) -> tuple[str, int]:
    """Each character past Latin-1 (lone surrogates too) as one byte 0x80: one byte per character."""
    assert isinstance(exc, UnicodeEncodeError)
    return "\x80" * (exc.end - exc.start), exc.end


codecs.register_error(_HIGH, _one_high_byte)


def _on_match(id_: int, _start: int, _end: int, _flags: int, found: set[int]) -> None:
    found.add(id_)


class Background:
    """A Scanner built in a daemon thread (Hyperscan compiles without holding the GIL, so the
    checks go on meanwhile); ``ready()`` is None until it is built, and stays None if the build
    fails (the patterns then keep their literal prefilter: slower, the same results)."""

    def __init__(self, sources: Sequence[tuple[str, int]], budget: int) -> None:
        self._scanner: Scanner | None = None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._build, args=(tuple(sources), budget),
                                        name="phi-guard-superset", daemon=True)
        self._thread.start()

    def _build(self, sources: tuple[tuple[str, int], ...], budget: int) -> None:
        try:
            self._scanner = Scanner(sources, budget)
        except Exception as exc:  # noqa: BLE001 - no scanner: every pattern keeps its prefilter
            log.warning("superset scanner not built (%s)", type(exc).__name__)
        finally:
            self._done.set()

    def ready(self) -> Scanner | None:
        return self._scanner

    def wait(self, timeout: float | None = None) -> Scanner | None:
        self._done.wait(timeout)
        return self._scanner

    @property
    def done(self) -> bool:
        return self._done.is_set()


_BUILDS: dict[tuple[tuple[tuple[str, int], ...], int], Background] = {}
_BUILDS_LOCK = threading.Lock()


def background(sources: Sequence[tuple[str, int]], budget: int = BUDGET) -> Background | None:
    """The one build of these sources in this process (started on first request); None where
    Hyperscan is not installed."""
    if _hs is None:
        return None
    key = (tuple(sources), budget)
    with _BUILDS_LOCK:
        build = _BUILDS.get(key)
        if build is None:
            build = _BUILDS[key] = Background(key[0], budget)
    return build


def _forget_unfinished() -> None:
    """In a forked child, a build whose thread did not come along is started again when asked."""
    global _BUILDS_LOCK
    _BUILDS_LOCK = threading.Lock()
    for key in [k for k, b in _BUILDS.items() if not b.done]:
        del _BUILDS[key]


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_unfinished)
