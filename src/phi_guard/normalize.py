"""Normalize text against evasion, with an offset map back to the original.

NFKC per character (full-width letters, ligatures), zero-width characters and soft hyphens
removed, a few homoglyphs (Cyrillic and Greek letters that look Latin) folded. ``Normalized.orig``
maps every index of the normalized text (and its end) to an index of the original, so findings
always refer to the original text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")
_HOMOGLYPHS = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "Ι": "I", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Κ": "K",
    "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o",
})


_HOMOGLYPH_KEYS = frozenset(chr(k) for k in _HOMOGLYPHS)


def _latin_neighbour(text: str, i: int) -> bool:
    """Fold a look-alike letter only inside a Latin word ("Mаrgaret"), never in Greek or Cyrillic."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())


@dataclass(frozen=True, slots=True)
class Normalized:
    text: str
    orig: tuple[int, ...] | None  # None when the text did not change

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if self.orig is None:
            return start, end
        o_start = self.orig[start]
        o_end = self.orig[end - 1] + 1 if end > start else o_start
        # an NFKC expansion maps several normalized characters to one original: take it whole
        return o_start, max(o_end, o_start)


def normalize(text: str) -> Normalized:
    if text.isascii():
        return Normalized(text, None)
    pieces: list[str] = []
    orig: list[int] = []
    for i, ch in enumerate(text):
        if ch in _DROP:
            continue
        norm = unicodedata.normalize("NFKC", ch) if not ch.isascii() else ch
        if norm in _HOMOGLYPH_KEYS and _latin_neighbour(text, i):
            norm = norm.translate(_HOMOGLYPHS)
        if not norm:
            continue
        pieces.append(norm)
        orig.extend([i] * len(norm))
    out = "".join(pieces)
    if out == text:
        return Normalized(text, None)
    orig.append(len(text))
    return Normalized(out, tuple(orig))
