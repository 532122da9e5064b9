"""Evasion does not pass: hidden, full-width and look-alike characters are normalized away, and
findings still point into the original text."""

from __future__ import annotations

import random

import pytest

from phi_guard import Draft, Level
from phi_guard.normalize import normalize
from subproc import dev_drafts

PLAIN = "Margaret Whitfield was diagnosed with breast cancer."
NAME = "Margaret Whitfield"


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("M\u200bargaret", "Margaret"),  # zero-width space
        ("Mar\u200dga\u200cret", "Margaret"),  # joiners
        ("Marga\u00adret", "Margaret"),  # soft hyphen
        ("Mar\u2060garet\ufeff", "Margaret"),  # word joiner, BOM
        ("\u202eMargaret\u202c", "Margaret"),  # bidi override
        ("Mar\U000e0067garet", "Margaret"),  # tag character
        ("Marg\ufe0faret", "Margaret"),  # variation selector
        ("Ｍａｒｇａｒｅｔ", "Margaret"),  # full-width
        ("𝐌𝐚𝐫𝐠𝐚𝐫𝐞𝐭", "Margaret"),  # mathematical bold (astral characters)
        ("Ⓜargaret", "Margaret"),  # circled letter
        ("M\u0430rgaret", "Margaret"),  # one Cyrillic letter
        ("\u041c\u0430rgaret", "Margaret"),  # two Cyrillic letters, one next to no Latin letter
        ("Hi \u0412\u043eb!", "Hi Bob!"),  # a word made only of look-alikes, in Latin text
        ("M\u0336a\u0336r\u0336g\u0336", "Marg"),  # strikethrough marks
        ("Jose\u0301", "José"),  # a combining accent composes
        ("Вова и Маша", "Вова и Маша"),  # Cyrillic text is left alone
        ("Ελένη", "Ελένη"),  # Greek text too
        ("５０３-５５５-０１９９", "503-555-0199"),
        ("ﬁle", "file"),
    ],
)
def test_normalize(text, normalized):
    norm = normalize(text)
    assert norm.text == normalized
    start, end = norm.to_original(0, len(norm.text))
    assert text[start:end].strip("\u202e\u202c\ufeff") == text.strip("\u202e\u202c\ufeff")


def test_offsets_map_each_character_back():
    text = "Hi M\u200barg\u00adaret!"
    norm = normalize(text)
    assert norm.text == "Hi Margaret!"
    start, end = norm.to_original(3, 11)
    assert text[start:end] == "M\u200barg\u00adaret"
    assert norm.to_original(12, 12) == (len(text), len(text))  # the end maps to the end


EVASIONS = [
    "M\u200bargaret Whitfield",
    "Marga\u00adret Whit\u00adfield",
    "Ｍａｒｇａｒｅｔ Ｗｈｉｔｆｉｅｌｄ",
    "M\u0430rgaret Whitfi\u0435ld",
    "\u041c\u0430rgaret Whitfield",
    "𝐌𝐚𝐫𝐠𝐚𝐫𝐞𝐭 Whitfield",
    "M\u0336argaret Whitfield",
]


@pytest.mark.parametrize("name", EVASIONS)
def test_an_evasive_name_is_found_at_its_place_in_the_original(linter, name):
    plain = linter.check(Draft(text=PLAIN))
    text = PLAIN.replace(NAME, name)
    result = linter.check(Draft(text=text))
    assert result.level is plain.level is Level.BLOCK
    names = [text[f.start:f.end] for f in result.findings if f.label == "NAME"]
    assert name in names
    assert NAME not in result.redacted and name not in result.redacted


@pytest.mark.parametrize("phone", ["５０３-５５５-０１９９", "503-\u200b555-01\u200b99"])
def test_an_evasive_phone_is_found(linter, phone):
    text = f"Call Margaret at {phone} about her chemo."
    result = linter.check(Draft(text=text))
    assert phone in [text[f.start:f.end] for f in result.findings if f.label == "PHONE"]


def _sprinkle(text: str, rng: random.Random) -> tuple[str, list[int]]:
    """Zero-width spaces at random places; orig[i] is where character i of ``text`` went."""
    out, orig = [], []
    for ch in text:
        if rng.random() < 0.15:
            out.append("\u200b")
        orig.append(len(out))
        out.append(ch)
    orig.append(len(out))
    return "".join(out), orig


def test_sprinkled_zero_width_spaces_change_nothing_but_offsets(linter):
    rng = random.Random(8)
    checked = 0
    for rec in dev_drafts(16):
        draft = Draft(text=rec["text"])
        if normalize(draft.text).orig is not None:  # a draft normalization changes anyway
            continue
        checked += 1
        text, where = _sprinkle(draft.text, rng)
        plain, hidden = linter.check(draft), linter.check(Draft(text=text))
        assert (hidden.level, hidden.risk, hidden.reasons) == (plain.level, plain.risk, plain.reasons), rec["id"]
        assert [(where[f.start], f.label, f.rule) for f in plain.findings] == \
               [(f.start, f.label, f.rule) for f in hidden.findings], rec["id"]
        for f, g in zip(plain.findings, hidden.findings):
            assert text[g.start:g.end].replace("\u200b", "") == draft.text[f.start:f.end]
    assert checked >= 8
