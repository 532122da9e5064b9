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


def _clusters(text: str) -> list[tuple[int, int]]:
    """(start, end) of each base character with the combining marks after it; invisibles skipped."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        if _invisible(text[i]):
            i += 1
            continue
        j = i + 1
        while j < n and (_is_mark(text[j]) or _invisible(text[j])):
            j += 1
        last = j
        while _invisible(text[last - 1]):  # trailing invisibles belong to no cluster
            last -= 1
        out.append((i, last))
        i = j
    return out


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


def normalize(text: str) -> Normalized:
    if text.isascii():
        return Normalized(text, None)
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
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
