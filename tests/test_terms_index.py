"""Term matching tries only the lengths of terms that open with a token's word; it must find
what trying every length (longest first) finds, and drop the same idiom tokens."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from phi_guard.detectors.terms import TermDetector, TermIndex, tokens
from phi_guard.packs import builtin_pack

INDEX = TermIndex(builtin_pack())
DETECTOR = TermDetector(INDEX)


def reference_matches(toks: list[tuple[str, int, int]]) -> list[tuple[int, int]]:
    """(first token, length) of each longest match, every length tried."""
    out, i = [], 0
    while i < len(toks):
        for n in range(min(INDEX.max_len, len(toks) - i), 0, -1):
            if INDEX.lookup(tuple(t[0] for t in toks[i:i + n])) is not None:
                out.append((i, n))
                i += n
                break
        else:
            i += 1
    return out


def reference_idioms(toks: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    blocked: set[int] = set()
    for n in {len(k) for k in INDEX.stop_phrases}:
        for i in range(len(toks) - n + 1):
            if tuple(t[0] for t in toks[i:i + n]) in INDEX.stop_phrases:
                blocked.update(range(i, i + n))
    return [t for i, t in enumerate(toks) if i not in blocked]


def fast_matches(toks: list[tuple[str, int, int]]) -> list[tuple[int, int]]:
    words, forms, out, i = [t[0] for t in toks], {}, [], 0
    while i < len(toks):
        found: list = []
        n = DETECTOR._match_at("x" * (toks[-1][2] + 1), toks, words, forms, i, found)
        if found:
            out.append((i, n))
        i += n
    return out


def _vocabulary() -> list[str]:
    words = {w for key in list(INDEX.entries)[::7] for w in key} | {w for k in INDEX.stop_phrases for w in k}
    return sorted(words | {w + "s" for w in list(words)[::3]} | {"the", "a", "and", "my", "x"})


VOCAB = _vocabulary()


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(VOCAB), max_size=30).map(" ".join))
def test_first_word_lengths_find_what_every_length_finds(text):
    toks = tokens(text)
    assert DETECTOR._without_idioms(toks) == reference_idioms(toks)
    toks = reference_idioms(toks)
    if toks:
        assert fast_matches(toks) == reference_matches(toks)


def test_lengths_after_covers_every_multi_token_term():
    for key in INDEX.entries:
        if len(key) > 1:
            assert len(key) in INDEX.lengths_after[key[0]]
