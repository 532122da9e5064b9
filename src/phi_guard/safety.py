"""Reject catastrophic patterns when a rule pack loads, where that can be detected.

Each pattern is searched, with a tiny timeout, in strings built to make backtracking explode:
runs of one to three characters ("aaaa…", "1-1-1-…", "a a a …") that almost match and then
fail on "!" (followed by the punctuation a pattern may require, so that a required-literal
check does not end the search early), alone and behind the literal words of the pattern itself
(so that "MRN" in a pattern leads the search into the part after it). A search that does not
finish within ``SEARCH_TIMEOUT`` is tried again with ``CONFIRM_TIMEOUT``, so a slow machine does
not refuse a merely slow pattern. A pattern that needs more than a second for ``LONG``
characters or fewer (a millisecond per character) would take minutes or forever on a draft at
the size cap, so the pack is refused, naming the pattern. The check costs about 50 ms per pattern at load; the built-in pack is
checked by the test suite instead.

This finds nested quantifiers ("(a+)+", "(\\w+\\s?)+$") and overlapping alternations; it cannot
prove a pattern safe. At run time every pattern still runs with a timeout that makes the draft
an ERROR, so a slow pattern this check misses still cannot pass a draft.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

import regex

SEARCH_TIMEOUT = 0.05  # seconds: a first look, per adversarial string
CONFIRM_TIMEOUT = 1.0  # seconds: a string that timed out is tried again; this long means refused
SHORT = 30  # exponential blow-ups show at this length
LONG = 1_000  # polynomial ones (cubic and worse) at this one
_ATOMS = ("a", "A", "1", " ", ".", "-", "_", "@", "/", "\n", "é", "a ", "1-", "1 ", "a.", "Aa ", "a1")
_END = "!#$%&*+:;=?@^|~"  # fails the run, yet holds any punctuation a pattern requires
_WORD = regex.compile(r"[A-Za-z]{2,}")
_MAX_PREFIXES = 4


def _prefixes(source: str) -> list[str]:
    """"" and the first literal words of the pattern (escape letters stripped)."""
    cleaned = regex.sub(r"\\[A-Za-z]|\(\?[A-Za-z]+\)|\\p\{[^}]*\}|\[[^\]]*\]|\{[^}]*\}", " ", source)
    words = list(dict.fromkeys(m.group() for m in _WORD.finditer(cleaned)))
    firsts = list(islice(words, _MAX_PREFIXES))
    return ["", *(w + " " for w in firsts), *([" ".join(firsts[:2]) + " "] if len(firsts) > 1 else [])]


def adversarial_strings(source: str) -> Iterator[str]:
    for prefix in _prefixes(source):
        for atom in _ATOMS:
            for length in (SHORT, LONG):
                yield prefix + atom * (length // len(atom)) + _END


def slow_input(pattern: regex.Pattern[str]) -> str | None:
    """A short description of the first adversarial input that times out, or None."""
    for s in adversarial_strings(pattern.pattern):
        if not _finishes(pattern, s, SEARCH_TIMEOUT) and not _finishes(pattern, s, CONFIRM_TIMEOUT):
            return f"{len(s)} characters, a run of {s[:-len(_END)][-1]!r}"
    return None


def _finishes(pattern: regex.Pattern[str], s: str, timeout: float) -> bool:
    try:
        pattern.search(s, timeout=timeout)
    except TimeoutError:
        return False
    return True


def check_patterns(patterns: Iterable[object]) -> list[str]:
    """One error line per pattern of ``patterns`` (PatternDefs) that backtracks catastrophically."""
    errors = []
    for p in patterns:
        compiled = getattr(p, "compiled")
        found = slow_input(compiled)
        if found is not None:
            errors.append(f"pattern {getattr(p, 'name')}: catastrophic backtracking (over "
                          f"{CONFIRM_TIMEOUT}s on {found}); rewrite it without nested or "
                          "overlapping quantifiers")
    return errors
