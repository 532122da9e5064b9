"""The pattern prefilter never skips a pattern that would match (detectors/prefilter.py)."""

from __future__ import annotations

import json
import sys

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from phi_guard.detectors.prefilter import Draft, casefold_key, condition
from phi_guard.packs import builtin_pack

PATTERNS = builtin_pack().patterns
CONDITIONS = [(p, condition(p.compiled)) for p in PATTERNS]
DEV = "/work/shared/eval/dev/corpus.jsonl"


def test_every_character_the_engine_matches_to_an_ascii_character_folds_to_it():
    """A case-insensitive ASCII literal's lowercase form is in the key wherever the engine matches."""
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1))
    for code in range(0x20, 0x7F):
        lit = chr(code)
        rx = regex.compile(regex.escape(lit), regex.I | regex.V0)
        for m in rx.finditer(everything):
            assert casefold_key(m.group()) == lit.lower(), hex(ord(m.group()))


def _texts() -> list[str]:
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
    from benchmarks.workload import generate

    out = [r["text"] for r in generate(400, seed=7)]
    try:
        with open(DEV, encoding="utf-8") as fh:
            out += [json.loads(line)["text"] for line in fh if line.strip()]
    except OSError:
        pass
    return out


def _admits_every_match(text: str) -> None:
    draft = Draft(text)
    for p, cond in CONDITIONS:
        if not draft.admits(cond):
            assert p.compiled.search(text, timeout=5) is None, p.name


def test_no_pattern_that_matches_a_corpus_draft_is_skipped():
    for text in _texts():
        _admits_every_match(text)


def _fragments() -> list[str]:
    """Pieces of the patterns' own literals, cased both ways, so many drafts nearly match."""
    out = {"1", "42", "503-555-0199", "12/03/2020", " ", ".", ",", "#", "@", "\n", "İ", "ſ", "K", "Ｍ"}
    for _, cond in CONDITIONS:
        for clause in cond.clauses if cond else ():
            for s in (*clause.exact, *clause.folded):
                out |= {s, s.upper(), s.title(), s[:-1], s[1:]}
    return sorted(out)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.one_of(st.sampled_from(_fragments()), st.text(max_size=3)), max_size=14).map("".join))
def test_no_pattern_that_matches_a_generated_draft_is_skipped(text):
    _admits_every_match(text)


@pytest.mark.parametrize(("source", "flags", "text", "admitted"), [
    (r"\bmrn\s*(\d+)", regex.I, "MRN 123", True),
    (r"\bmrn\s*(\d+)", regex.I, "no number here", False),
    (r"\bmrn\s*(\d+)", regex.I, "mrn only", False),
    (r"(?:foo|bar)baz", 0, "xbarbaz", True),
    (r"(?:foo|bar)baz", 0, "BARBAZ", False),
    (r"(?i:foo)Bar", 0, "FOOBar", True),
    (r"(?i:foo)Bar", 0, "foobar", False),
    (r"(?:foo)?bar", 0, "bar", True),
    (r"x(?=yz)", 0, "xw", False),
    (r"\bssn\b", regex.I, "ſsn", True),  # the engine matches a long s to s
])
def test_table(source, flags, text, admitted):
    compiled = regex.compile(source, flags | regex.V0)
    assert Draft(text).admits(condition(compiled)) is admitted
    if not admitted:
        assert compiled.search(text) is None


@pytest.mark.parametrize("source", [
    r"(?:mrn){e<=1}",  # fuzzy: a literal need not appear
    r"[[:alpha:]]mrn",  # a POSIX class Python's parser reads otherwise
    r"(?f)strasse",  # full case folding: "straße" matches
    r"(?V1)mrn",
    r"(?<name>mrn)",  # a group Python's parser does not know
    r"a+",  # a repeat of at least one: its literal is required
])
def test_unsure_sources_get_no_condition_or_a_safe_one(source):
    cond = condition(regex.compile(source))
    if source == "a+":
        assert cond is not None and Draft("a").admits(cond) and not Draft("b").admits(cond)
    else:
        assert cond is None


# ---------------------------------------------------------------- alternatives
from phi_guard.detectors.patterns import PatternDetector, _Alternatives  # noqa: E402
from phi_guard.detectors.prefilter import alternatives, joined  # noqa: E402

SPLIT = [(p, _Alternatives.of(p)) for p in PATTERNS]


def _same_matches_as_the_whole(text: str) -> None:
    draft = Draft(text)
    for p, alts in SPLIT:
        if alts is None:
            continue
        whole = [(m.span(), m.group()) for m in p.compiled.finditer(text, timeout=5)]
        assert whole == [(m.span(), m.group()) for m in alts.matches(draft, 5)], p.name


def test_the_alternatives_a_corpus_draft_passes_find_the_same_matches():
    assert sum(a is not None for _, a in SPLIT) >= 20  # the relationship cues are split
    for text in _texts():
        _same_matches_as_the_whole(text)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.one_of(st.sampled_from(_fragments()), st.text(max_size=3)), max_size=14).map("".join))
def test_the_alternatives_a_generated_draft_passes_find_the_same_matches(text):
    _same_matches_as_the_whole(text)


@pytest.mark.parametrize(("source", "flags", "parts"), [
    (r"ab|cd", 0, ("ab", "cd")),
    ("(?x) a b # one | not a split\n | c d", 0, (" a b # one | not a split\n ", " c d")),
    (r"[|]x|(y|z)", 0, ("[|]x", "(y|z)")),
    (r"\|a|b", 0, (r"\|a", "b")),
    (r"[]|]a|b", 0, ("[]|]a", "b")),
    (r"(a)|\1", 0, None),  # a back reference: the alternative alone would mean something else
    (r"a|(?i)b", 0, None),  # a global flag after the start
    (r"abc", 0, None),  # one alternative: nothing to split
    (r"a|b", regex.BESTMATCH, None),
])
def test_alternatives_table(source, flags, parts):
    split = alternatives(regex.compile(source, flags | regex.V0))
    assert (None if split is None else split[1]) == parts


def test_joined_alternatives_keep_verbose_comments_apart():
    source = "(?x) a # one\n | b # two"
    prefix, parts = alternatives(regex.compile(source))
    rx = regex.compile(joined(prefix, (parts[1],), True))
    assert rx.search("xb") and not rx.search("a")


def test_the_detector_gives_what_it_gave_before_splitting():
    detector = PatternDetector(PATTERNS)
    whole = PatternDetector(PATTERNS)
    whole._alternatives = tuple(None for _ in whole._alternatives)
    for text in _texts()[:300]:
        assert list(detector.detect(text)) == list(whole.detect(text))


# ---------------------------------------------------------------- leading groups and start words
from phi_guard.detectors.prefilter import expand, word_keys, word_start  # noqa: E402


@pytest.mark.parametrize(("part", "parts"), [
    (r"\b(?:a|b)c", (r"\bac", r"\bbc")),
    (r"(?<!x\s)\b(?:a|b)c", (r"(?<!x\s)\bac", r"(?<!x\s)\bbc")),
    (r"(?i:a|b)c", (r"(?i:a)c", r"(?i:b)c")),
    (r"(?:(?:a|b)x|c)y", (r"axy", r"bxy", r"cy")),
    (r"(?:a|[|)]b)c", (r"ac", r"[|)]bc")),
    (r"(?:a|b)?c", (r"(?:a|b)?c",)),  # a quantified group stays
    (r"(?:a|b){2}c", (r"(?:a|b){2}c",)),
    (r"(a|b)c", (r"(a|b)c",)),  # a capturing group stays
    (r"(?-i:a|b)c", (r"(?-i:a|b)c",)),  # flags turned off: not sure, stays
    (r"x(?:a|b)", (r"x(?:a|b)",)),  # a group that does not open the alternative stays
])
def test_expand_table(part, parts):
    assert expand(part) == parts


def test_an_expansion_past_the_limit_stays_whole():
    inner = "(?:" + "|".join(f"v{i}" for i in range(10)) + ")"
    part = "(?:" + "|".join(f"{inner}w{i}" for i in range(10)) + ")"  # 10 x 10 alternatives
    assert len(expand(part, limit=100)) == 100 and expand(part, limit=100)[:2] == ("v0w0", "v1w0")
    assert expand(part, limit=50) == (part,)


@pytest.mark.parametrize(("part", "start"), [
    (r"\bhe\s+was", ("=", "he")),
    (r"\bwe(?:['’]re|\s+are)?\s+", ("^", "we")),
    (r"\bconfirm(?:ing|ed)\s", ("^", "con")),
    (r"\bco-?worker", ("^", "co")),  # "coworker" is one word: "co" only begins it
    (r"\bco-worker", ("=", "co")),
    (r"\bjuly?\.", ("^", "jul")),
    (r"\bhonou?r", ("^", "hon")),
    (r"\bfingerprints?\b", ("^", "fin")),
    (r"\bday(?:['’]s)\s", ("^", "day")),
    (r"(?<![\w-])\bmrn\b", ("=", "mrn")),
    (r"\bhe\s*x", ("^", "he")),  # "\s*" may match nothing: "hex"
    (r"he\s+was", None),  # no word boundary: "she was" matches
    (r"\b\d+", None),
    (r"\b(?i:he)\s", None),
    (r"\bél\s", None),
])
def test_word_start_table(part, start):
    assert word_start(part) == start


def test_word_keys():
    keys = word_keys(casefold_key("Co-Worker’s ſhe"))
    assert {("=", "co"), ("=", "worker"), ("=", "she"), ("^", "w"), ("^", "wo"), ("^", "wor")} <= keys
    assert ("^", "work") not in keys and ("=", "coworker") not in keys


def test_every_alternative_compiles():
    for alts in INDEXED._alternatives:
        for k in range(len(alts.sources) if alts else 0):
            alts.single(k)


INDEXED = PatternDetector(PATTERNS)
WHOLE = PatternDetector(PATTERNS)
WHOLE._alternatives = tuple(None for _ in WHOLE._alternatives)


def _same_as_the_whole_patterns(texts, detector=INDEXED, whole=WHOLE) -> None:
    for text in texts:
        assert list(detector.detect(text)) == list(whole.detect(text))


def _word_fragments() -> list[str]:
    """Words the start-word index looks up, and their neighbours across a word boundary."""
    out = set()
    for alts in INDEXED._alternatives:
        for start in (alts.starts if alts else ()):
            if start is not None:
                out |= {start[1], start[1].upper(), start[1] + "s", "'" + start[1], start[1] + "-"}
    return sorted(out)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.one_of(st.sampled_from(_word_fragments()), st.sampled_from(_fragments()),
                          st.text(max_size=2)), max_size=16).map("".join))
def test_the_start_word_index_skips_no_match_in_a_generated_draft(text):
    _same_as_the_whole_patterns([text])


_MATCHING = [t for t in _texts() if any(p.compiled.search(t) for p in PATTERNS[-40:])][:300]
_JOINS = ["", "-", "'", "’", "_", "ſ", "K", " ", "\n", "é"]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.sampled_from(_MATCHING), st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(_JOINS)), max_size=6))
def test_the_start_word_index_skips_no_match_in_a_changed_corpus_draft(text, edits):
    """Drafts that match, with word boundaries moved: spaces taken out or put in, words joined."""
    for pos, join in edits:
        spaces = [i for i, ch in enumerate(text) if ch == " "]
        if spaces and pos % 2:
            i = spaces[pos % len(spaces)]
            text = text[:i] + join + text[i + 1:]
        else:
            i = pos % (len(text) + 1)
            text = text[:i] + join + text[i:]
    _same_as_the_whole_patterns([text])


# ---------------------------------------------------------------- the profile's phrase lists
def test_the_profile_phrase_gates_skip_no_match(linter):
    """Each phrase list of the look-alike index (practice names, staff, figures, addresses,
    places, holidays, each staff member) finds on corpus drafts what its pattern alone finds."""
    index = linter._lookalikes
    lists = [getattr(index, name) for name in ("practice", "staff", "figures", "addresses", "places", "holidays")]
    lists += [phrases for phrases, _ in index.staff_people]
    lists = [p for p in lists if p is not None]
    assert sum(p.gate is not None for p in lists) >= 5
    texts = _texts() + ["Happy thanksgiving from DR. ſmith", "Merry Christmas, Mei-Lin Zhou!"]
    for phrases in lists:
        for text in texts:
            assert [m.span() for m in phrases.finditer(text)] == [m.span() for m in phrases.rx.finditer(text)]
