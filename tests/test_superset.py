"""The pattern scanner never skips a pattern that would match (detectors/superset.py)."""

from __future__ import annotations

import sys

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from phi_guard.detectors import superset as S
from phi_guard.detectors.patterns import PatternDetector
from phi_guard.packs import builtin_pack

from test_prefilter import _JOINS, _MATCHING, _fragments, _texts, _word_fragments

pytestmark = pytest.mark.skipif(not S.available(), reason="Hyperscan is not installed on this platform")

PATTERNS = builtin_pack().patterns
DETECTOR = PatternDetector(PATTERNS)
SOURCES = [DETECTOR._scan_source(i, k) for i, k in DETECTOR._scan_ids]
COMPILED = [regex.compile(source, flags) for source, flags in SOURCES]
BUILD = DETECTOR.start_scanner()
SCANNER = BUILD.wait() if BUILD is not None else None
LITERAL = PatternDetector(PATTERNS)  # never given a scanner: the literal prefilter only


def _hits_every_match(text: str) -> None:
    hits = SCANNER.hits(text) | SCANNER.always
    for j, compiled in enumerate(COMPILED):
        if j not in hits:
            assert compiled.search(text, timeout=5) is None, SOURCES[j][0][:80]


def test_the_scanner_is_built_and_covers_nearly_every_pattern():
    assert SCANNER is not None and len(SOURCES) > 1000
    assert len(SCANNER.always) <= 10  # the few a superset cannot be written for run on every draft


def test_no_pattern_that_matches_a_corpus_draft_is_skipped():
    for text in _texts():
        _hits_every_match(text)


_WIDE = ["K", "ſ", "İ", "ı", "’", "é", "É", "ÿ", "Ÿ", "µ", "ß", "\u0080", "😀", "\ud800", "Ｍ", "١"]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.one_of(st.sampled_from(_fragments()), st.sampled_from(_word_fragments()),
                          st.sampled_from(_WIDE), st.text(max_size=3)), max_size=16).map("".join))
def test_no_pattern_that_matches_a_generated_draft_is_skipped(text):
    _hits_every_match(text)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.sampled_from(_MATCHING), st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(_JOINS + _WIDE)),
                                            max_size=6))
def test_no_pattern_that_matches_a_changed_corpus_draft_is_skipped(text, edits):
    """Matching drafts with characters put in, spaces replaced, letters swapped for case partners."""
    for pos, put in edits:
        i = pos % (len(text) + 1)
        text = text[:i] + put + text[i + (pos % 3 == 0):]
    _hits_every_match(text)


def test_the_detector_finds_the_same_with_the_scanner_and_without():
    assert DETECTOR._scan is not None and DETECTOR._scan.ready() is not None
    for text in _texts():
        assert list(DETECTOR.detect(text)) == list(LITERAL.detect(text))


def test_the_scanner_runs_far_fewer_patterns_than_there_are():
    texts = _texts()
    hits = sum(len(SCANNER.hits(t)) for t in texts) / len(texts)
    assert hits < len(SOURCES) / 20


def test_every_character_past_latin1_the_engine_matches_to_an_ascii_letter_is_a_known_partner():
    """The scan reads every character past Latin-1 as one byte 0x80, so a case-insensitive ASCII
    letter's class holds 0x80 only for the letters with such a partner (İ ı ſ K)."""
    wide = "".join(chr(c) for c in range(0x100, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for code in range(0x41, 0x7B):
        letter = chr(code)
        if not letter.isalpha():
            continue
        if regex.search(regex.escape(letter), wide, regex.I | regex.V0):
            assert letter in S._WIDE_PARTNERS, letter


def _scan(source: str, text: str, flags: int = 0, budget: int = S.BUDGET) -> bool | None:
    scanner = S.Scanner([(source, flags)], budget)
    if scanner.always:
        return None
    return bool(scanner.hits(text))


_TABLE = [
    (r"\bmrn\s*\d+", regex.I, "MRN 123", True),
    (r"\bmrn\s*\d+", regex.I, "mrn only", False),
    (r"(?<![\w-])\d{3}-\d{4}", 0, "x555-0199", True),  # the lookbehind is left out: a superset
    (r"\bssn\b", regex.I, "ſsn", True),  # the engine matches a long s to s
    (r"\bmark\b", regex.I, "MAR\u212a", True),  # and the Kelvin sign to k
    (r"\bmark\b", 0, "MAR\u212a", False),
    (r"[\p{Lu}][\p{Ll}]+gatan", 0, "Ägatan", False),  # "gatan" needs a letter before it
    (r"[\p{Lu}][\p{Ll}]+gatan", 0, "Åsgatan", True),
    (r"[\p{Lu}][\p{Ll}]+gatan", 0, "Ωmegatan", True),  # past Latin-1: read as 0x80
    (r"it['’]s", 0, "it’s", True),
    (r"it['’]s", 0, "it”s", True),  # any character past Latin-1 is 0x80: a superset
    (r"it['’]s", 0, "it-s", False),
    (r"\d{2,5}x", 0, "12x", True),
    (r"\d{2,5}x", 0, "1x", False),
    (r"\d{4,5}x", 0, "12x", True),  # repeats keep at most two of their minimum
    (r"abcdefgh", 0, "abcdxxxx", True, 4),  # past the budget the superset stops
    (r"abcdefgh", 0, "abcxxxxx", False, 4),
    (r"(a)\1", 0, "aa", None),  # a back reference: no superset, always run
    (r"(?:a)?", 0, "", None),  # matches the empty text: always run
    (r"(?a)\w+x", 0, "x", None),  # ASCII classes: not sure, always run
    (r"(?i)stra(?:ss|ß)e", 0, "STRASSE", True),
]


@pytest.mark.parametrize(("source", "flags", "text", "hit", "budget"), [(*row, S.BUDGET)[:5] for row in _TABLE])
def test_table(source, flags, text, hit, budget):
    assert _scan(source, text, flags, budget) is hit
    if hit is False:
        assert regex.search(source, text, flags) is None


def test_no_scanner_without_hyperscan(monkeypatch):
    monkeypatch.setattr(S, "_hs", None)
    assert S.background([("abc", 0)]) is None
    assert S.Scanner([("abc", 0)]).always == {0}


# ---------------------------------------------------------------- Presidio's pattern recognizers
def test_presidios_patterns_are_never_skipped_where_they_match(linter):
    presidio = linter._presidio._inner
    scanner = presidio.start_scanner().wait()
    compiled = [regex.compile(source, flags) for source, flags in presidio._scan_sources]
    assert len(scanner.always) < len(compiled) / 2
    for text in _texts() + ["SSN 078-05-1120, card 4111 1111 1111 1111, IP 10.0.0.1, jo@x.org, 12/03/1950"]:
        hits = scanner.hits(text) | scanner.always
        for j, rx in enumerate(compiled):
            if j not in hits:
                assert rx.search(text, timeout=5) is None, presidio._scan_entities[j]


def test_presidio_finds_the_same_with_the_scanner_and_without(linter):
    presidio = linter._presidio._inner
    build = presidio.start_scanner()
    assert build.wait() is not None
    texts = _texts() + ["SSN 078-05-1120, card 4111 1111 1111 1111, IP 10.0.0.1, jo@x.org, 12/03/1950"]
    docs = list(linter._nlp.pipe(texts))
    with_scanner = [list(presidio.detect(t, d)) for t, d in zip(texts, docs)]
    presidio._scan = None
    try:
        assert with_scanner == [list(presidio.detect(t, d)) for t, d in zip(texts, docs)]
    finally:
        presidio._scan = build
