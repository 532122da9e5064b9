"""Normalize text against evasion, with an offset map back to the original.

- Invisible characters are removed: every format character (Unicode category Cf: zero-width
  space, joiners, soft hyphen, word joiner, BOM, bidi controls, tag characters), variation
  selectors, the combining grapheme joiner, Hangul fillers and the blank Braille pattern.
- Each base character with its combining marks is NFKC-normalized as one cluster (full-width
  and mathematical letters, ligatures, circled letters; "e" + U+0301 composes to "é").
  Combining marks left over on a Latin letter ("M̶a̶r̶g̶" strikethrough, "zalgo") are removed.
- Look-alike letters (Cyrillic and Greek letters that look Latin) are folded to Latin in a word
  that holds a Latin letter ("Mаrgaret" with a Cyrillic "а"), or in a word made only of
  look-alikes inside mostly Latin text ("Воb"). A word in Cyrillic or Greek is left alone.

``Normalized.starts[i]`` and ``Normalized.ends[i]`` are the original span of normalized
character ``i``, so findings always refer to the original text (``to_original``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_DROP_EXTRA = frozenset("\u034f\u115f\u1160\u3164\uffa0\u2800\u180e")
_HOMOGLYPHS = {
    # Cyrillic
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
    "ѕ": "s", "ԁ": "d", "һ": "h", "ԛ": "q", "ԝ": "w", "ӏ": "l", "ү": "y",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "Ԛ": "Q", "Ԝ": "W", "Ү": "Y",
    # Greek
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ι": "i", "κ": "k", "ν": "v",
    "ρ": "p", "υ": "u", "α": "a",
}


def _invisible(ch: str) -> bool:
    if ch in _DROP_EXTRA:
        return True
    cp = ord(ch)
    if 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF:  # variation selectors
        return True
    return unicodedata.category(ch) == "Cf"


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me", "Mc")


@dataclass(frozen=True, slots=True)
class Normalized:
    text: str
    orig: tuple[int, ...] | None  # start in the original of each character, then len(original)
    ends: tuple[int, ...] | None = None  # end in the original of each character

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if self.orig is None:
            return start, end
        o_start = self.orig[start]
        if end <= start:
            return o_start, o_start
        ends = self.ends if self.ends is not None else tuple(i + 1 for i in self.orig[:-1])
        return o_start, max(ends[end - 1], o_start)


def _cluster_text(text: str, start: int, end: int) -> str:
    raw = "".join(ch for ch in text[start:end] if not _invisible(ch))
    norm = unicodedata.normalize("NFKC", raw) if not raw.isascii() else raw
    if norm and norm[0].isascii() and norm[0].isalpha():
        norm = norm[0] + "".join(ch for ch in norm[1:] if not _is_mark(ch))
    return norm


def _fold_homoglyphs(chars: list[str]) -> None:
    """Fold look-alike letters in place, word by word (see the module docstring)."""
    letters = [c for c in chars if c.isalpha()]
    mostly_latin = sum(c.isascii() for c in letters) * 2 > len(letters)
    i, n = 0, len(chars)
    while i < n:
        if not chars[i].isalpha():
            i += 1
            continue
        j = i
        while j < n and chars[j].isalpha():
            j += 1
        word = chars[i:j]
        has_latin = any(c.isascii() for c in word)
        only_lookalikes = all(c.isascii() or c in _HOMOGLYPHS for c in word)
        if only_lookalikes and (has_latin or mostly_latin):
            chars[i:j] = [_HOMOGLYPHS.get(c, c) for c in word]
        i = j


# Per character: 0 plain (its own cluster, unchanged by NFKC), 1 invisible, 2 combining mark,
# 3 a base NFKC changes. A cache of the per-character tests above; bounded, it is only a cache.
_PLAIN, _INVISIBLE, _MARK, _CHANGES = 0, 1, 2, 3
_KIND: dict[str, int] = {}
_KIND_CACHE_MAX = 1 << 16
_HOMOGLYPH_CHARS = frozenset(_HOMOGLYPHS)


def _kind(ch: str) -> int:
    kind = _KIND.get(ch)
    if kind is None:
        if _invisible(ch):
            kind = _INVISIBLE
        elif _is_mark(ch):
            kind = _MARK
        else:
            kind = _PLAIN if unicodedata.normalize("NFKC", ch) == ch else _CHANGES
        if len(_KIND) >= _KIND_CACHE_MAX:
            _KIND.clear()
        _KIND[ch] = kind
    return kind


def _special_positions(text: str) -> list[int]:
    """Sorted positions of the characters that are not plain (ASCII is always plain)."""
    special = [ch for ch in set(text) if not ch.isascii() and _kind(ch) != _PLAIN]
    if not special:
        return []
    out: list[int] = []
    for ch in special:
        i = text.find(ch)
        while i >= 0:
            out.append(i)
            i = text.find(ch, i + 1)
    out.sort()
    return out


def normalize(text: str) -> Normalized:
    """Each base character with its marks as one cluster (``_cluster_text``), then ``_fold_homoglyphs``.

    Runs of plain characters (each its own cluster, unchanged) are copied whole; only the
    clusters around the other characters take the per-character path.
    """
    if text.isascii():
        return Normalized(text, None)
    special = _special_positions(text)
    if not special:
        if _HOMOGLYPH_CHARS.isdisjoint(text):
            return Normalized(text, None)  # nothing to drop, compose, strip or fold
        chars, starts, ends = list(text), list(range(len(text))), list(range(1, len(text) + 1))
    else:
        chars, starts, ends = _map_clusters(text, special)
    if not _HOMOGLYPH_CHARS.isdisjoint(chars):
        _fold_homoglyphs(chars)
    out = "".join(chars)
    if out == text:
        return Normalized(text, None)
    starts.append(len(text))
    return Normalized(out, tuple(starts), tuple(ends))


def _map_clusters(text: str, special: list[int]) -> tuple[list[str], list[int], list[int]]:
    """The characters of every cluster with its span; invisibles outside a cluster are skipped."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    n, k, i = len(text), 0, 0
    while i < n:
        while k < len(special) and special[k] < i:
            k += 1
        q = special[k] if k < len(special) else n
        if q > i:
            # plain characters i..q-1 are clusters of one; the last one takes the marks after it
            stop = q - 1 if q < n and _kind(text[q]) in (_INVISIBLE, _MARK) else q
            if stop > i:
                chars.extend(text[i:stop])
                starts.extend(range(i, stop))
                ends.extend(range(i + 1, stop + 1))
                i = stop
                continue
        if _kind(text[i]) == _INVISIBLE:
            i += 1
            continue
        j = i + 1
        while j < n and _kind(text[j]) in (_INVISIBLE, _MARK):
            j += 1
        last = j
        while _kind(text[last - 1]) == _INVISIBLE:  # trailing invisibles belong to no cluster
            last -= 1
        for ch in _cluster_text(text, i, last):
            chars.append(ch)
            starts.append(i)
            ends.append(last)
        i = j
    return chars, starts, ends
