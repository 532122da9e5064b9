"""normalize() copies runs of plain characters whole; it must equal the per-character way.

``reference`` below is the per-character normalization as it was written first (every character
tested, every cluster NFKC-normalized, every word looked at for look-alikes); the fast path must
give the same text and the same offset map on any input. It shares the per-cluster and per-word
steps with normalize.py (both paths use them); what it keeps of its own is the walk over every
character, which the fast path replaces.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from phi_guard.normalize import (_HOMOGLYPHS, Normalized, _cluster_text, _fold_homoglyphs,
                                 _invisible, _is_mark, normalize)


def _clusters(text: str) -> list[tuple[int, int]]:
    out, i, n = [], 0, len(text)
    while i < n:
        if _invisible(text[i]):
            i += 1
            continue
        j = i + 1
        while j < n and (_is_mark(text[j]) or _invisible(text[j])):
            j += 1
        last = j
        while _invisible(text[last - 1]):
            last -= 1
        out.append((i, last))
        i = j
    return out


def reference(text: str) -> Normalized:
    if text.isascii():
        return Normalized(text, None)
    chars, starts, ends = [], [], []
    for start, end in _clusters(text):
        for ch in _cluster_text(text, start, end):
            chars.append(ch)
            starts.append(start)
            ends.append(end)
    _fold_homoglyphs(chars)
    out = "".join(chars)
    if out == text:
        return Normalized(text, None)
    starts.append(len(text))
    return Normalized(out, tuple(starts), tuple(ends))


ODD = ["\u200b", "\u200d", "\u00ad", "\ufe0f", "\ufe0e", "\U000e0041", "\u034f", "\u3164", "\u2800",
       "\u0301", "\u0336", "\u20dd", "\u0903", "\u1100", "\u1161", "\uac00", "ｍ", "ﬁ", "①", "𝐌",
       "Å", "Ω", "é", "ñ", "¡", "ß", "İ", "ſ", *_HOMOGLYPHS, "🦷", "❤", "👍🏽", "\n", " ", ",", "-",
       "a", "M", "r", "g", "7", "Жук", "Ελλάδα"]
MIXED = st.lists(st.sampled_from(ODD), max_size=60).map("".join)
ANY = st.text(st.characters(blacklist_categories=()), max_size=80)
NEAR_LATIN = st.text(st.sampled_from("abcxyz MBo.,\u200b\u0301\u0336\ufe0f\u00adаеорсВНМοι"), max_size=60)


@settings(max_examples=600, deadline=None, derandomize=True)
@given(st.one_of(MIXED, ANY, NEAR_LATIN))
def test_fast_path_equals_the_per_character_way(text):
    assert normalize(text) == reference(text)


@pytest.mark.parametrize("text", [
    "", "plain ascii", "café ☀ ¡hola!", "❤️ love", "M̶a̶r̶g̶", "Mаrgaret", "Воb and Alice", "Жук жук",
    "ｍａｒｇａｒｅｔ", "a\u200b\u0301b", "\u0301start", "end\u200b", "\u200b", "x\ufe0f\ufe0f",
    "e\u0301\u0302\u200d", "\u1100\u1161", "ﬁle ① 𝐌", "Ελλάδα and Αlice", "ok\u00ad", "🦷🦷\ufe0f🦷",
])
def test_table(text):
    assert normalize(text) == reference(text)


def test_the_kind_cache_is_bounded(monkeypatch):
    from phi_guard import normalize as mod

    monkeypatch.setattr(mod, "_KIND_CACHE_MAX", 4)
    mod._KIND.clear()
    text = "".join(chr(c) for c in range(0x4E00, 0x4E40)) + "\u200b"
    assert normalize(text) == reference(text)
    assert len(mod._KIND) <= 4
