"""The Linter: built once per profile, then ``check`` one draft or ``check_many`` a stream.

One draft's way: normalize -> parse once (spaCy) -> detect (Presidio on the same Doc, rule-pack
patterns, term lists, name gazetteers, relationship cues) -> mark look-alikes -> merge -> judge
-> redact. A fault inside one draft makes that draft's result ERROR; it never passes.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

import regex
from spacy.tokens import Doc

from . import deadline, guard
from ._errors import ConfigError, InputError
from ._types import Candidate, Draft, Finding, Level, Result
from .detectors.name_filter import filter_names
from .detectors.names import NameDetector, NameGazetteer, mark_addressee
from .detectors.places import place_entities
from .detectors.presidio import PresidioDetector, load_engine
from .detectors.terms import TermDetector, TermIndex
from .logs import watch_presidio
from .lookalikes import LookalikeIndex, mark, profile_places, profile_words
from .merge import merge
from .model import verified_model_path
from .normalize import Normalized, normalize
from .parse import Parser
from .packs import RulePack, builtin_pack, calendar_words, known_words, opening_words
from .profile import Profile
from .records import DEFAULT_MAX_CHARS
from .redact import redact
from .rewrite import compliant_reply
from .scoring import judge
from .supply import refuse_conflicting_distribution as _refuse_conflicting_distribution

log = logging.getLogger("phi_guard")


@dataclass(frozen=True, slots=True)
class Settings:
    """What a Linter is configured with; the library reads no config file by itself."""

    max_chars: int = DEFAULT_MAX_CHARS
    regex_timeout: float = 2.0  # seconds per pattern (rule-pack and Presidio patterns)
    draft_timeout: float = 60.0  # seconds per draft, all stages (see deadline.py)

    def __post_init__(self) -> None:
        if not isinstance(self.max_chars, int) or isinstance(self.max_chars, bool) or self.max_chars < 1:
            raise ConfigError("PG901: settings.max_chars must be a positive integer")
        if not isinstance(self.regex_timeout, (int, float)) or self.regex_timeout <= 0:
            raise ConfigError("PG901: settings.regex_timeout must be a positive number")
        if not isinstance(self.draft_timeout, (int, float)) or isinstance(self.draft_timeout, bool) \
                or self.draft_timeout <= 0:
            raise ConfigError("PG901: settings.draft_timeout must be a positive number")


class Linter:
    """Checks drafts against one practice profile. Safe to share across threads."""

    def __init__(self, profile: Profile | None = None, settings: Settings | None = None,
                 pack: RulePack | None = None) -> None:
        _refuse_conflicting_distribution()
        if profile is not None and not isinstance(profile, Profile):
            raise ConfigError("PG901: profile must be a phi_guard.Profile")
        self.profile = profile or Profile()
        self.settings = settings or Settings()
        self.pack = pack or builtin_pack()
        model_dir, self.model_fingerprint = verified_model_path()
        self._presidio = PresidioDetector(load_engine(model_dir))
        self._terms = TermDetector(TermIndex(self.pack))
        self._gazetteer = NameGazetteer(self.pack)
        # words a run of capitalized words may hold and still need no model: person names, the
        # practice's own names, places and staff (profile_places() reads the places), and days,
        # months and holidays ("Christmas Day", "Saturday May 3")
        person = self._gazetteer.first | self._gazetteer.surnames | self._gazetteer.titles \
            | profile_words(self.profile) | calendar_words(self.pack)
        known = known_words(self.pack, self.profile)
        self._nlp = Parser(self._presidio.nlp, known, opening_words(self.pack), person)
        self._names = self._name_detector = NameDetector(self._gazetteer, pos=self._nlp.pos)
        self._lookalikes = LookalikeIndex.build(self.profile, self.pack)
        self._guard_stages()

    def _guard_stages(self) -> None:
        """Budgeted regex timeouts, a checkpoint after each detector, Presidio's timeouts caught."""
        self._patterns = guard.BudgetedPatterns(self.pack.patterns, self.settings.regex_timeout)
        self._presidio = guard.Stage("presidio", self._presidio)  # type: ignore[assignment]
        self._patterns = guard.Stage("patterns", self._patterns)  # type: ignore[assignment]
        self._terms = guard.Stage("terms", self._terms)  # type: ignore[assignment]
        self._names = guard.Stage("names", self._names)  # type: ignore[assignment]
        guard.cap_presidio_timeouts(self.settings.regex_timeout)
        watch_presidio()

    # ------------------------------------------------------------------ public
    def check(self, draft: Draft) -> Result:
        """The verdict on one draft. Raises InputError only when ``draft`` is not a Draft."""
        early = self._precheck(draft)
        if early is not None:
            return early
        return guard.run(draft, self.settings.draft_timeout, lambda: self._analyze(draft, *self._parse(draft)))

    def check_many(self, drafts: Iterable[Draft], batch_size: int = 64, n_process: int = 1) -> Iterator[Result]:
        """Results for ``drafts`` in input order, exactly as ``check`` gives them.

        ``n_process > 1`` checks batches in forked worker processes (Linux, macOS).
        """
        from .batch import check_stream

        return check_stream(self, drafts, batch_size=batch_size, n_process=n_process)

    # ------------------------------------------------------------------ internals
    def _precheck(self, draft: Draft) -> Result | None:
        if not isinstance(draft, Draft):
            raise InputError("check() takes a phi_guard.Draft")
        if len(draft.text) > self.settings.max_chars:
            return _error(draft, "PG911", f"input_too_large: text has more than {self.settings.max_chars} characters")
        return None

    def _parse(self, draft: Draft) -> tuple[Normalized, Doc]:
        norm = guard.stage("normalize", lambda: normalize(draft.text))
        doc = guard.stage("parse", lambda: self._nlp(norm.text))
        self._prefetch_tags([(norm, doc)])  # one tagger run for every token the names ask about
        deadline.checkpoint()
        return norm, doc

    def _prefetch_tags(self, parsed: Iterable[tuple[Normalized, Doc]]) -> None:
        """Tag, in one model batch, every token the name detector will ask about (batch path)."""
        self._nlp.tag([(doc, i) for norm, doc in parsed
                       for i in sorted(self._name_detector.pos_questions(norm.text, doc))])

    def _from_doc(self, draft: Draft, norm: Normalized, doc: Doc) -> Result:
        """The stages after parsing (the batch path parses with nlp.pipe), fail closed."""
        return guard.run(draft, self.settings.draft_timeout, lambda: self._analyze(draft, norm, doc))

    def _candidates(self, draft: Draft, text: str, doc: Doc) -> list[Candidate]:
        cands: list[Candidate] = []
        cands.extend(self._presidio.detect(text, doc))
        cands.extend(self._patterns.detect(text))
        cands.extend(self._terms.detect(text))
        cands.extend(self._names.detect(text, doc, draft))
        cands.extend(place_entities(text, doc))
        cands.extend(profile_places(text, self._lookalikes))
        cands = filter_names(_drop_placeholders(cands, text), text, self._gazetteer)
        merged = merge(mark(cands, text, self._lookalikes))
        author = draft.in_reply_to.author if draft.in_reply_to is not None else None
        return mark_addressee(merged, text, author) if author else merged

    def _analyze(self, draft: Draft, norm: Normalized, doc: Doc) -> Result:
        text = norm.text
        cands = self._candidates(draft, text, doc)
        bounds = _join_placeholder_starts(text, [(s.start_char, s.end_char) for s in doc.sents]) or [(0, len(text))]
        j = judge(text, draft, cands, bounds, self.pack)
        findings = tuple(_to_original(f, norm) for f in j.findings)
        remove = tuple(norm.to_original(s, e) for s, e in j.remove)
        rewrite = compliant_reply(self.profile) if j.level is Level.BLOCK and draft.is_reply else None
        return Result(level=j.level, risk=j.risk, findings=findings, redacted=redact(draft.text, findings, remove),
                      reasons=j.reasons, rewrite=rewrite, id=draft.id)


_PLACEHOLDER_LABELS = ("NAME", "HANDLE", "LOCATION", "DATE", "AGE", "PHONE", "FAX", "EMAIL", "URL",
                       "IP_ADDRESS", "SSN", "MRN", "HEALTH_PLAN_ID", "ACCOUNT_NUMBER", "LICENSE_NUMBER",
                       "VEHICLE_ID", "DEVICE_ID", "BIOMETRIC", "OTHER_ID", "CONDITION", "PROCEDURE",
                       "MEDICATION", "RELATIONSHIP")


def _drop_placeholders(cands: list[Candidate], text: str) -> list[Candidate]:
    """Redaction placeholders ("[NAME]", "[###]") are not identifiers."""
    out = []
    for c in cands:
        before = text[max(0, c.start - 1):c.start]
        after = text[c.end:c.end + 1]
        inner = text[c.start:c.end].strip("[]#")
        if (before == "[" or text[c.start:c.start + 1] == "[") and (after == "]" or text[c.end - 1:c.end] == "]") \
                and (inner in _PLACEHOLDER_LABELS or not inner):
            continue
        out.append(c)
    return out


_PLACEHOLDER_START = regex.compile(r"\[(?:#+|[A-Z_]+)\]")


def _join_placeholder_starts(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A redaction placeholder ("[########]") the sentence model read as a sentence start belongs
    to the sentence before it, as the identifier it replaced did: checking a redacted draft must
    not split what the original held together."""
    out: list[tuple[int, int]] = []
    for start, end in bounds:
        if out and _PLACEHOLDER_START.match(text, start) and text[out[-1][0]:out[-1][1]].rstrip()[-1:] not in ".!?":
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _to_original(f: Finding, norm: Normalized) -> Finding:
    start, end = norm.to_original(f.start, f.end)
    return f if (start, end) == (f.start, f.end) else replace(f, start=start, end=end)


_error = guard.error_result
