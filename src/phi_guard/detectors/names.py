"""Person names beyond the NER model: gazetteers, titles, initials, hashtags, the addressee.

- A capitalized (or ALL-CAPS) token in the first-name list is a name; a following capitalized
  token joins it as a surname. Names that are also common words ("Guy", "Hope", "Will") need
  context: a title or greeting before, a surname after, or the parser calling it a proper noun.
- A title or kin term used as a title ("Dr.", "Mrs.", "Coach", "Abuela") plus a capitalized word.
- Lowercase first names only after a cue ("shoutout to sunny", "congrats jake").
- The reply's addressee (``in_reply_to.author``): their given name, full name or initials.
- Hashtags built on a first name: #JakeStrong, #TeamJake, #PrayForMaya.
"""

from __future__ import annotations

import functools

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import replace

import regex
from spacy.tokens import Doc

from .._types import Candidate, Draft
from ..packs import RulePack
from .prefilter import CASE_EXTRA

_CAMEL = regex.compile(r"\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{N}+")
_HASHTAG = regex.compile(r"(?<![\w#])#([\p{L}\p{N}_]{3,40})")
_HASHTAG_AFFIXES = ("team", "strong", "prayfor", "praying", "pray", "love", "forever", "army",
                    "nation", "squad", "fights", "fight", "warrior", "tough", "brave", "proud",
                    "day", "journey", "story", "smile", "the", "baby", "little", "go", "for",
                    "miss", "remember", "rip", "in", "loving", "memory", "of", "welcome")
_GREETING = regex.compile(
    r"(?:\b(?:hi|hey|hello|dear|thanks|thank you|congrats|congratulations|welcome|shoutout to|"
    r"shout out to|go|happy birthday|love you|miss you|proud of|hugs to|prayers for|praying for|"
    r"cheers to|meet|to|for|with|and|baby|little|son|daughter|mom|dad|our girl|our boy|"
    r"sweet|brave|cảm ơn anh|cảm ơn chị|gracias|hola)[\s,!]+)$",
    regex.I,
)
_VOCATIVE_START = regex.compile(r"(?:^|[.!?\n]\s*)$")
_VOCATIVE_END = regex.compile(r"^\s*[.!?]*\s*$|^\s*[.!?]+\s")


def _vocative(text: str, start: int, length: int) -> bool:
    """A lone capitalized word opening a sentence before a comma, or closing one after a comma."""
    before, after = text[max(0, start - 3):start], text[start + length:start + length + 3]
    if after.startswith(",") and _VOCATIVE_START.search(before):
        return True
    return before.rstrip().endswith(",") and bool(_VOCATIVE_END.match(text[start + length:start + length + 4]))


_NAMING_GREETING = regex.compile(
    r"\b(?:hi|hey|hello|dear|thanks|thank you|congrats|congratulations|happy b-?day|happy birthday|"
    r"welcome|go|love you|miss you|proud of you|way to go)[\s,!]+$", regex.I)
_CUE_BEFORE = regex.compile(
    r"\b(?:my name is|my name's|name is|i am|i'm|this is|named|name:|called|by|founders?:?|with|"
    r"mr\.?|mrs\.?|ms\.?|dr\.?)\s*$",
    regex.I,
)
_INITIALS = regex.compile(r"(?<![\w.])(?:\p{Lu}\.\s?){1,3}(?!\w)")
_STAFF_ROLE = regex.compile(
    # "our hygienist Dana", or a capitalized role used as a title where a sentence opens ("Nurse Kim")
    r"(?:\b(?:our|the|with|by|from|ask)\s+|(?:^|(?<=[.!?:\n]\s{0,3}))(?=(?-i:\p{Lu})))"
    r"(?:(?:lead|head|amazing|wonderful|new|own|favorite|"
    r"dental|front desk|office|practice|clinic|care|medical|nurse)\s+){0,2}"
    r"(?:hygienist|receptionist|nurse|rn|lpn|np|ma|medical assistant|assistant|pharmacist|"
    r"tech|technician|therapist|counselor|coordinator|manager|scheduler|doctor|dentist|"
    r"provider|pa|midwife|doula|dietitian|physician|surgeon|team member|staff member|"
    r"front desk|biller|lab tech|phlebotomist|orthodontist|pediatrician|cardiologist|"
    r"dermatologist)\s*$",
    regex.I,
)


def fold(word: str) -> str:
    """"léa" -> "lea": the name lists hold many names without their accents."""
    if word.isascii():
        return word  # nothing to decompose
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def _set(pack: RulePack, name: str) -> frozenset[str]:
    tl = pack.terms.get(name)
    return frozenset(t.lower() for t in tl.terms) if tl else frozenset()


class NameGazetteer:
    def __init__(self, pack: RulePack) -> None:
        not_names = _set(pack, "names/not_names")
        self.first = _set(pack, "names/first_names") - not_names
        # countries and states are surnames too ("Canada", "France"): never from the surname list
        self.surnames = _set(pack, "names/surnames") - not_names - _set(pack, "lookalikes/regions")
        self.common = _set(pack, "names/common_words") | not_names
        self.words = _set(pack, "names/word_names")  # names that are also English words
        self.titles = _set(pack, "names/titles") | frozenset(
            {"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "coach", "pastor"})

    def is_first(self, word: str) -> bool:
        w = word.lower()
        return w in self.first or fold(w) in self.first

    def is_plain_first(self, word: str) -> bool:
        w = word.lower()
        return (w in self.first or fold(w) in self.first) and w not in self.common and fold(w) not in self.common


class NameDetector:
    name = "names"

    def __init__(self, gazetteer: NameGazetteer, pos: Callable[[Doc, int], str] | None = None) -> None:
        self._gaz = gazetteer
        # the part of speech of doc[i]; the Parser's tags a sentence only when asked (parse.py)
        self._pos = pos or (lambda doc, i: doc[i].pos_)

    def detect(self, text: str, doc: Doc, draft: Draft) -> Iterable[Candidate]:
        yield from self._gazetteer_names(text, doc, self._pos)
        yield from self._titled(doc)
        yield from self._hashtag_names(text)
        if draft.in_reply_to is not None and draft.in_reply_to.author:
            yield from addressee_mentions(text, draft.in_reply_to.author, self._gaz)
        yield from initials_near_greeting(text)

    def pos_questions(self, text: str, doc: Doc) -> set[int]:
        """The tokens whose part of speech detection may ask about (answering "PROPN" to all).

        The batch path tags those tokens' sentences in one model batch before detection; a
        question this misses is still answered, lazily, by the Parser.
        """
        asked: set[int] = set()

        def record(_doc: Doc, i: int) -> str:
            asked.add(i)
            return "PROPN"

        for _ in self._gazetteer_names(text, doc, record):
            pass
        return asked

    def _gazetteer_names(self, text: str, doc: Doc, pos: Callable[[Doc, int], str]) -> Iterable[Candidate]:
        gaz = self._gaz
        n = len(doc)
        after = -1  # the last token of the name found last
        for i, word, idx in _words(doc):
            if i <= after:
                continue
            tok = doc[i]
            before = text[max(0, idx - 40):idx]
            cased = word[0].isupper()
            low = word.lower()
            cue: bool | None = None  # a greeting right before; searched only when it matters
            ok = False
            if cased and gaz.is_first(word):
                if gaz.is_plain_first(word):
                    ok = True  # a first name that is no English word is a name wherever it stands
                else:
                    cue = bool(_GREETING.search(before))
                    ok = cue or (
                        i + 1 < n and doc[i + 1].text[:1].isupper() and doc[i + 1].text.lower() in gaz.surnames)
                    if not ok and pos(doc, i) == "PROPN":
                        ok = not tok.is_sent_start or (i + 1 < n and (
                            doc[i + 1].text in ("'s", "’s") or pos(doc, i + 1) in ("VERB", "AUX")))
            elif cased:
                if low in gaz.surnames and low not in gaz.common and low not in gaz.words \
                        and not word.isupper() and pos(doc, i) == "PROPN":
                    ok = True
                elif low not in gaz.common and _CUE_BEFORE.search(before) and pos(doc, i) == "PROPN":
                    ok = True
                elif low not in gaz.words and low not in gaz.common and len(word) >= 3 \
                        and not word.isupper() and _vocative(text, idx, len(word)) and pos(doc, i) == "PROPN":
                    ok = True  # "Ottoline, your results...", "..., Ottoline.": a person addressed by name
                elif low not in gaz.words and low not in gaz.common and i + 1 < n \
                        and doc[i + 1].text[:1] in "!,." and _NAMING_GREETING.search(before):
                    ok = True  # "happy bday Bean!!", "congrats Zuri,": a nickname right after a greeting
            elif word.islower() and len(word) >= 3 and gaz.is_plain_first(word):
                cue = bool(_GREETING.search(before))
                ok = cue
            if not ok:
                continue
            end_tok = i
            while end_tok + 1 < n and self._surname_like(doc, end_tok + 1, pos):
                end_tok += 1
            start, end = idx, doc[end_tok].idx + len(doc[end_tok].text)
            # (an uncased name got here only after a greeting, so `cue` is set)
            yield Candidate(start, end, "NAME", 0.7 if cased or cue else 0.55, "names:gazetteer",
                            detail=_staff_detail(text, start))
            after = end_tok

    def _surname_like(self, doc: Doc, i: int, pos: Callable[[Doc, int], str]) -> bool:
        w = doc[i].text
        if len(w) == 2 and w[0].isupper() and w[1] == ".":
            return True  # a middle initial: "Faina D. Yefremova"
        if len(w) == 1 and w.isupper() and w != "I":
            return True
        if not w[:1].isupper() or not w.replace("-", "").replace("'", "").isalpha() or len(w) < 2:
            return False
        lw = w.lower()
        if lw in self._gaz.common and lw not in self._gaz.surnames:
            return False
        return lw in self._gaz.surnames or (lw not in self._gaz.common and pos(doc, i) == "PROPN")

    def _titled(self, doc: Doc) -> Iterable[Candidate]:
        titles = self._gaz.titles
        n = len(doc)
        for i, tok in enumerate(doc):
            low = tok.text.lower()
            if low.rstrip(".") not in titles and low not in titles:
                continue
            j = i + 1
            if j < n and doc[j].text == ".":
                j += 1
            k = j
            while k < n and doc[k].text[:1].isupper() and doc[k].text.replace("-", "").isalpha() and k - j < 3:
                k += 1
            if k == j:
                continue
            start, end = tok.idx, doc[k - 1].idx + len(doc[k - 1].text)
            detail = "provider" if low.rstrip(".") in ("dr", "doctor") else "title"
            yield Candidate(start, end, "NAME", 0.8, "names:title", detail=detail)

    def _hashtag_names(self, text: str) -> Iterable[Candidate]:
        for m in _HASHTAG.finditer(text):
            parts = [p.lower() for p in _CAMEL.findall(m.group(1))]
            rest = [p for p in parts if p not in _HASHTAG_AFFIXES]
            if not rest or len(rest) == len(parts) and len(parts) > 1 and not self._gaz.is_plain_first(rest[0]):
                continue
            if any(self._gaz.is_plain_first(p) for p in rest) and len(rest) <= 2:
                yield Candidate(m.start(), m.end(), "NAME", 0.65, "names:hashtag", detail="hashtag")


def _words(doc: Doc) -> list[tuple[int, str, int]]:
    """(index, text, character offset) of the tokens the gazetteer reads: alphabetic, two
    letters or more. Made once per Doc (both the tag prefetch and detection read them)."""
    words = doc.user_data.get(_WORDS_KEY)
    if words is None:
        words = doc.user_data[_WORDS_KEY] = [(t.i, t.text, t.idx) for t in doc
                                             if len(t.text) >= 2 and t.text.isalpha()]
    return words


_WORDS_KEY = "phi_guard.gazetteer_words"


def _staff_detail(text: str, start: int) -> str:
    return "staff-role" if _STAFF_ROLE.search(text[max(0, start - 60):start]) else ""


def addressee_mentions(text: str, author: str, gaz: NameGazetteer) -> Iterable[Candidate]:
    """Where the draft names the person it answers: full name, given name, or initials."""
    seen: list[tuple[int, int]] = []
    folded = _fold(text)
    for form in author_forms(author, gaz):
        if _fold(form) not in folded:
            continue  # what the engine matches case-insensitively has the same folding
        pattern = _form_regex(form)
        for m in pattern.finditer(text):
            if any(s <= m.start() and m.end() <= e for s, e in seen):
                continue
            seen.append((m.start(), m.end()))
            yield Candidate(m.start(), m.end(), "NAME", 0.9, "names:addressee", detail="addressee")


def _fold(text: str) -> str:
    """Case folding, with the letters the regex engine also matches to ASCII ones (dotless i,
    long s, Kelvin sign) folded to them first."""
    return text.translate(_FOLD_EXTRA).casefold()


# and two newer letters the engine's Unicode tables fold to sharp s and to lambda with stroke
_FOLD_EXTRA = {**CASE_EXTRA, 0x1DF95: "\u00df", 0xA7DC: "\u019b"}


@functools.lru_cache(maxsize=4096)
def _form_regex(form: str) -> regex.Pattern[str]:
    return regex.compile(r"(?<![\w@])" + regex.escape(form) + r"(?![\w@])", regex.I)


def author_forms(author: str, gaz: NameGazetteer) -> list[str]:
    """The forms of an author's name a reply may use, longest first."""
    cleaned = author.strip().lstrip("@")
    words = cleaned.split()
    if len(words) == 1 and regex.search(r"[._]", cleaned):
        words = [w for w in regex.split(r"[._\d]+", cleaned) if w]
    forms: list[str] = []
    if len(words) > 1 and all(w[:1].isupper() for w in words):
        forms.append(" ".join(words))
    for w in words:
        core = w.strip(".,!")
        low = core.lower()
        if len(core) == 1 and core.isalpha() and w.endswith("."):
            forms.append(core + ".")
        elif regex.fullmatch(r"(?:\p{Lu}\.){2,3}", w):
            forms.append(w)  # initials: "T.J."
        elif len(core) >= 2 and core.isalpha() and low not in gaz.titles and (
                gaz.is_first(core) or low in gaz.surnames
                or (core[:1].isupper() and low not in gaz.common and len(core) >= 3)):
            if low not in gaz.common or core[:1].isupper():
                forms.append(core)
    return sorted(set(forms), key=len, reverse=True)


def initials_near_greeting(text: str) -> Iterable[Candidate]:
    for m in _INITIALS.finditer(text):
        if _GREETING.search(text[max(0, m.start() - 30):m.start()]):
            yield Candidate(m.start(), m.end(), "NAME", 0.6, "names:initials")


_TITLE_WORDS = regex.compile(r"^(?:dr|mr|mrs|ms|mx|miss|coach|pastor|chef|father|sister|rev)\.?\s+", regex.I)


def mark_addressee(cands: list[Candidate], text: str, author: str) -> list[Candidate]:
    """A name or handle that is the author's own ("Coach Kim" for coachkim_aflax) is the addressee."""
    compact_author = regex.sub(r"[^\p{L}]", "", author.lower())
    out = []
    for c in cands:
        if c.label in ("NAME", "HANDLE") and c.detail != "addressee" and not c.lookalike:
            said = text[c.start:c.end]
            compact = regex.sub(r"[^\p{L}]", "", said.lower())
            bare = regex.sub(r"[^\p{L}]", "", _TITLE_WORDS.sub("", said).lower())
            if len(bare) >= 3 and (compact in compact_author or bare in compact_author):
                c = replace(c, detail="addressee")
        out.append(c)
    return out
