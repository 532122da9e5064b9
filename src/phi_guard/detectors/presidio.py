"""The only module that imports Presidio: an offline AnalyzerEngine on the verified model.

- The spaCy model is loaded by path after its fingerprint is checked, into Presidio's
  SpacyNlpEngine; Presidio's own loader (which downloads a *name* it cannot find) never runs.
- The e-mail recognizer validates domains with a tldextract instance built from the snapshot
  shipped inside tldextract (no suffix-list URLs, no cache), so it never touches the network.
- Presidio gets the Doc phi-guard already parsed, as NlpArtifacts: no text is parsed twice.
"""

from __future__ import annotations

import copy
import logging
import re
from bisect import bisect_right
from collections.abc import Iterable
from pathlib import Path

import phonenumbers
import regex
import spacy
import tldextract
from phonenumbers import NumberParseException
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, PatternRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    DateRecognizer,
    EmailRecognizer,
    IbanRecognizer,
    IpRecognizer,
    PhoneRecognizer,
    SpacyRecognizer,
    UrlRecognizer,
    UsSsnRecognizer,
)
from spacy.attrs import IDX, LEMMA, LENGTH
from spacy.language import Language
from spacy.tokens import Doc

from .._types import Candidate
from .superset import Background, background

for _name in ("presidio-analyzer", "presidio-anonymizer", "presidio_analyzer", "tldextract",
              "filelock", "urllib3", "requests", "spacy"):
    logging.getLogger(_name).setLevel(logging.ERROR)

_OFFLINE_TLD = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)

# Presidio entity -> GUIDELINES label
ENTITY_LABELS = {
    "PERSON": "NAME",
    "LOCATION": "LOCATION",
    "DATE_TIME": "DATE",
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "URL": "URL",
    "IP_ADDRESS": "IP_ADDRESS",
    "US_SSN": "SSN",
    "CREDIT_CARD": "ACCOUNT_NUMBER",
    "IBAN_CODE": "ACCOUNT_NUMBER",
}


# what the NER model calls DATE but is a number, an age ("9-year-old", "60+", "age 7") or a
# duration ("two or more years", "the first few months", "over 30 years")
_NOT_A_DATE = regex.compile(
    r"^(?:\d+|(?:ages?|aged)\s*\d+\+?|\d+\s*\+|\d+[- ](?:years?|months?|weeks?|days?)[- ]old|"
    r"(?:(?:over|about|around|nearly|almost|for|the|first|last|past|next|more than|up to|at least)\s+)*"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|few|several|many|couple of)"
    r"(?:\s+or\s+more)?\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?)(?:\s+(?:old|long))?)$",
    regex.I,
)


# Presidio's pattern recognizers run on the `regex` module with these flags; each condition below
# is matched the same way, so a character the engine folds to a letter counts as that letter.
_PRESIDIO_FLAGS = regex.DOTALL | regex.MULTILINE | regex.IGNORECASE
# every URL pattern of UrlRecognizer holds "[a-z0-9.-][.]" then a top-level domain, and every
# domain of its list starts with two letters
_URL_NEED = regex.compile(r"[a-z0-9.\-][.][a-z][a-z]", _PRESIDIO_FLAGS)
# IpRecognizer: IPv4 has a digit, a dot and a digit; every IPv6 form has a ":"
_IPV4_NEED = regex.compile(r"\d\.\d", _PRESIDIO_FLAGS)
# PhoneRecognizer keeps only numbers phonenumbers holds valid, and no region has one of fewer than
# 6 digits with its country code (US needs 10, GB 7). Those digits sit in one candidate of
# phonenumbers' matcher, whose number part is digits and its punctuation and lead characters only
# (phonenumbermatcher._PATTERN; matched there with `re`, so here too).
_PHONE_GLUE = "-x\u2010-\u2015\u2212\u30fc\uff0d-\uff0f \u00a0\u00ad\u200b\u2060\u3000()\uff08\uff09\uff3b\uff3d.\\[\\]/~\u2053\u223c\uff5e(\\[\uff08\uff3b+\uff0b"
_PHONE_NEED = re.compile(r"\d(?:[" + _PHONE_GLUE + r"]*\d){5}", re.I)


def possible_entities(text: str, has_ents: bool) -> list[str]:
    """The entity types some recognizer above could find in ``text``: necessary conditions only.

    Each condition is what every pattern of that recognizer needs to match (Presidio's own
    regexes and phonenumbers' matcher), so asking only for these types changes no result:
    dates and IBANs need digits, a phone 6 digits in one run of phone punctuation, an SSN 9, a
    card 12, an e-mail an "@", a URL a domain-like ".xx", an IP address "digit.digit" or a ":".
    The model's types need an entity on the Doc. ``str.isdigit`` counts more characters than
    ``\\d`` matches, so each count errs toward asking.
    """
    out = ["LOCATION", "PERSON"] if has_ents else []
    digits = sum(map(str.isdigit, text))
    if has_ents or digits:
        out.append("DATE_TIME")
    if digits >= 2:
        out.append("IBAN_CODE")
    if digits >= 6 and _PHONE_NEED.search(text):
        out.append("PHONE_NUMBER")
    if digits >= 9:
        out.append("US_SSN")
    if digits >= 12:
        out.append("CREDIT_CARD")
    if "@" in text:
        out.append("EMAIL_ADDRESS")
    if "." in text and _URL_NEED.search(text):
        out.append("URL")
    if ":" in text or (digits >= 2 and _IPV4_NEED.search(text)):
        out.append("IP_ADDRESS")
    return sorted(out)


# a URL match holds none of these characters (UrlRecognizer's patterns have no lookaround, anchor
# or word boundary, so a match depends only on the characters it spans)
_URL_SEGMENT = regex.compile(r"[^\s()<>]+", _PRESIDIO_FLAGS)


class SegmentedUrlRecognizer(UrlRecognizer):
    """Presidio's UrlRecognizer, run only on the stretches of text between spaces and brackets
    that hold a domain-like ".xx": the same results (each match lies inside one stretch), without
    its costliest pattern trying every position of a long draft."""

    def __init__(self) -> None:
        super().__init__(name="UrlRecognizer")

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for seg in _URL_SEGMENT.finditer(text):
            piece = seg.group()
            if "." not in piece or not _URL_NEED.search(piece):
                continue
            for r in super().analyze(piece, entities, nlp_artifacts, regex_flags):
                r.start += seg.start()
                r.end += seg.start()
                results.append(r)
        return results


_MISSING = object()
_PHONE_MEMO: dict[tuple[str, str, str, str], object] = {}
_REGION_MEMO: dict[str, object] = {}
_MEMO_LIMIT = 50_000  # entries per memo: cleared when full, so a long audit's memory stays bounded


class _MemoPhoneMatcher(phonenumbers.PhoneNumberMatcher):
    """phonenumbers' matcher, remembering what each candidate's parse and check gave. At leniency
    VALID (Presidio's), ``_parse_and_verify`` reads only the candidate, the characters just
    before and after it, and the region: a practice's own number, in post after post, is parsed
    once."""

    def _parse_and_verify(self, candidate: str, offset: int):  # type: ignore[no-untyped-def]
        if self.leniency != phonenumbers.Leniency.VALID:
            return super()._parse_and_verify(candidate, offset)
        end = offset + len(candidate)
        key = (candidate, self.text[offset - 1] if offset > 0 else "", self.text[end:end + 1],
               self.preferred_region)
        number = _PHONE_MEMO.get(key, _MISSING)
        if number is _MISSING:
            match = super()._parse_and_verify(candidate, offset)
            number = match.number if match is not None else None
            if len(_PHONE_MEMO) >= _MEMO_LIMIT:
                _PHONE_MEMO.clear()
            _PHONE_MEMO[key] = number
        return None if number is None else phonenumbers.PhoneNumberMatch(offset, candidate, number)


_NOT_A_NUMBER = object()


def _region_of(number_text: str) -> object:
    """``region_code_for_number(parse(number_text))``, remembered; ``_NOT_A_NUMBER`` where
    ``parse`` raises (no exception is kept: its traceback would hold every frame alive)."""
    region = _REGION_MEMO.get(number_text, _MISSING)
    if region is _MISSING:
        try:
            region = phonenumbers.region_code_for_number(phonenumbers.parse(number_text))
        except NumberParseException:
            region = _NOT_A_NUMBER
        if len(_REGION_MEMO) >= _MEMO_LIMIT:
            _REGION_MEMO.clear()
        _REGION_MEMO[number_text] = region
    return region


class MemoPhoneRecognizer(PhoneRecognizer):
    """Presidio's PhoneRecognizer (its ``analyze``, step for step) on the remembering matcher:
    the same results (tests/test_parse_gates.py compares them with Presidio's own)."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for region in self.supported_regions:
            for match in _MemoPhoneMatcher(text, region, leniency=self.leniency):
                found = _region_of(text[match.start:match.end])
                if found is not _NOT_A_NUMBER:
                    region = found  # noqa: PLW2901 - as Presidio does: the next failure reports it
                results.append(self._get_recognizer_result(match, text, region, nlp_artifacts))
        return EntityRecognizer.remove_duplicates(results)


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's e-mail recognizer, validating domains against the bundled suffix snapshot."""

    def validate_result(self, pattern_text: str) -> bool:
        return _OFFLINE_TLD(pattern_text).fqdn != ""


# pipes phi-guard never runs (parse.py maps tags to coarse POS itself and sets lemmas as lower-cased
# words): not loaded at all, which saves a good part of the model's load time
UNUSED_PIPES = ("parser", "lemmatizer", "attribute_ruler")


def load_engine(model_path: Path) -> SpacyNlpEngine:
    """A SpacyNlpEngine holding the model at ``model_path`` (a directory, loaded by path).

    Built as ``NlpEngineProvider`` builds it from this configuration, except that the model is
    loaded here, without the pipes phi-guard never runs; Presidio's own ``load`` (which would
    download a model it cannot find by name) is never called.
    """
    config = NerModelConfiguration.from_dict({
        "labels_to_ignore": ["ORG", "ORGANIZATION", "NORP", "CARDINAL", "ORDINAL", "QUANTITY",
                             "MONEY", "PERCENT", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
                             "LANGUAGE"],
    })
    engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": str(model_path)}],
                            ner_model_configuration=config)
    engine.nlp = {"en": spacy.load(model_path, exclude=list(UNUSED_PIPES))}
    return engine


class _Artifacts(NlpArtifacts):
    """The NlpArtifacts ``SpacyNlpEngine._doc_to_nlp_artifact`` makes of a Doc, built from the
    Doc's arrays instead of one Token object per token, with each lemma's keyword test cached;
    plus where each token ends, and the keywords as a set, for ``_FastLemmaEnhancer``.
    (tests/test_parse_gates.py compares every attribute with Presidio's own on the dev corpus.)"""

    def __init__(self, doc: Doc, engine: SpacyNlpEngine, keep: dict[str, bool]) -> None:  # noqa: D107
        arr = doc.to_array([LEMMA, IDX, LENGTH]) if len(doc) else None
        strings = doc.vocab.strings
        lemmas = [strings[h] for h in arr[:, 0].tolist()] if arr is not None else []
        starts = arr[:, 1].tolist() if arr is not None else []
        entities, scores = engine._get_updated_entities(  # noqa: SLF001 - Presidio's own steps
            engine._get_entities(doc), engine._get_scores_for_entities(doc))  # noqa: SLF001
        self.entities = entities
        self.tokens = doc
        self.lemmas = lemmas
        self.tokens_indices = starts
        self.keywords = _keywords(engine, lemmas, keep)
        self.nlp_engine = engine
        self.scores = scores if scores else [0.85] * len(entities)
        self.token_ends = [a + n for a, n in zip(starts, arr[:, 2].tolist())] if arr is not None else []
        self.keyword_set = frozenset(self.keywords)


def _keywords(engine: SpacyNlpEngine, lemmas: list[str], keep: dict[str, bool]) -> list[str]:
    """``NlpArtifacts.set_keywords``: lemmas that are no stop word, punctuation, "-PRON-" or
    "be", lower-cased and split at ":"."""
    out: list[str] = []
    for k in lemmas:
        ok = keep.get(k)
        if ok is None:
            if len(keep) > 500_000:
                keep.clear()  # bounded memory over a long audit
            ok = keep[k] = not engine.is_stopword(k, "en") and not engine.is_punct(k, "en") \
                and k != "-PRON-" and k != "be"
        if ok:
            out.extend(k.lower().split(":"))
    return out


class _Results(list):  # type: ignore[type-arg]
    """Recognizer results whose deep copy (the enhancer's first step) copies each result, its
    explanation and its metadata: everything the enhancer changes, the rest being immutable
    values; ``copy.deepcopy`` walks each object's whole graph, several times slower."""

    def __deepcopy__(self, memo: dict[int, object]) -> list[RecognizerResult]:
        out = []
        for r in self:
            c = copy.copy(r)
            if r.analysis_explanation is not None:
                c.analysis_explanation = copy.copy(r.analysis_explanation)
            if r.recognition_metadata is not None:
                c.recognition_metadata = dict(r.recognition_metadata)
            out.append(c)
        return out


class _FastLemmaEnhancer(LemmaContextAwareEnhancer):
    """Presidio's default context enhancer, finding the match's token by bisection and testing
    keywords in a set: the same surrounding words, the same scores."""

    def enhance_using_context(self, text: str, raw_results: list[RecognizerResult], nlp_artifacts: NlpArtifacts,
                              recognizers: list, context: list[str] | None = None) -> list[RecognizerResult]:
        return super().enhance_using_context(text, _Results(raw_results), nlp_artifacts, recognizers, context)

    def _extract_surrounding_words(self, nlp_artifacts: NlpArtifacts, word: str, start: int) -> list[str]:
        ends = getattr(nlp_artifacts, "token_ends", None)
        if ends is None or not nlp_artifacts.tokens:
            return super()._extract_surrounding_words(nlp_artifacts, word, start)
        # the first token with idx == start or start < idx + len: token ends increase, and a token
        # starting at ``start`` ends after it
        index = bisect_right(ends, start)
        if index == len(ends):
            raise ValueError("Did not find the match in the list of tokens")
        keywords = nlp_artifacts.keyword_set  # type: ignore[attr-defined]
        backward = self._add_n_words_backward(index, self.context_prefix_count, nlp_artifacts.lemmas, keywords)
        forward = self._add_n_words_forward(index, self.context_suffix_count, nlp_artifacts.lemmas, keywords)
        return list(set(backward + forward))


class PresidioDetector:
    """Presidio's recognizers, validators and context logic, on phi-guard's own Doc."""

    name = "presidio"

    def __init__(self, engine: SpacyNlpEngine) -> None:
        self._engine = engine
        recognizers = [
            SpacyRecognizer(supported_entities=["PERSON", "LOCATION", "DATE_TIME"]),
            # phonenumbers' matcher is the costliest recognizer per region; the rule pack's own
            # phone patterns cover international groupings, so two regions suffice here
            MemoPhoneRecognizer(supported_regions=("US", "GB"), name="PhoneRecognizer"),
            OfflineEmailRecognizer(),
            SegmentedUrlRecognizer(),
            IpRecognizer(),
            UsSsnRecognizer(),
            CreditCardRecognizer(),
            IbanRecognizer(),
            DateRecognizer(),
        ]
        # the regex patterns of the pattern recognizers, for the superset scanner (superset.py)
        self._scan_sources = tuple((pattern.regex, r.global_regex_flags) for r in recognizers
                                   if isinstance(r, PatternRecognizer) for pattern in r.patterns)
        self._scan_entities = tuple(r.supported_entities[0] for r in recognizers
                                    if isinstance(r, PatternRecognizer) for _ in r.patterns)
        # types only pattern recognizers find: all of them, or (where the Doc has entities, which
        # the model's recognizer reads) those the model's recognizer does not find too
        model = frozenset(e for r in recognizers if isinstance(r, SpacyRecognizer) for e in r.supported_entities)
        self._pattern_only = {False: frozenset(self._scan_entities), True: frozenset(self._scan_entities) - model}
        self._scan: Background | None = None
        registry = RecognizerRegistry(recognizers=recognizers, supported_languages=["en"])
        self._analyzer = AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=["en"],
                                        context_aware_enhancer=_FastLemmaEnhancer())
        self._keep: dict[str, bool] = {}  # lemma -> is it a keyword (grows with the vocabulary)

    @property
    def nlp(self) -> Language:
        return self._engine.nlp["en"]

    def artifacts(self, doc: Doc) -> NlpArtifacts:
        return _Artifacts(doc, self._engine, self._keep)

    def start_scanner(self) -> Background | None:
        """Build the superset scanner of the pattern recognizers in the background (once per
        process); once it is ready, a type only they find is asked for only where one of their
        patterns' supersets matched (the same results: the others would find nothing)."""
        if self._scan is None:
            self._scan = background(self._scan_sources)
        return self._scan

    def _scanned(self, text: str, entities: list[str], has_ents: bool) -> list[str]:
        scanner = self._scan.ready() if self._scan is not None else None
        if scanner is None:
            return entities
        found = {self._scan_entities[j] for j in scanner.hits(text) | scanner.always}
        pattern_only = self._pattern_only[has_ents]
        return [e for e in entities if e not in pattern_only or e in found]

    def detect(self, text: str, doc: Doc) -> Iterable[Candidate]:
        has_ents = bool(doc.ents)
        entities = self._scanned(text, possible_entities(text, has_ents), has_ents)
        if not entities:
            return  # no recognizer could match: Presidio would return nothing
        results: list[RecognizerResult] = self._analyzer.analyze(
            text=text, language="en", entities=entities, nlp_artifacts=self.artifacts(doc),
            score_threshold=0.3,
        )
        for r in results:
            label = ENTITY_LABELS.get(r.entity_type)
            if label is None or r.end <= r.start:
                continue
            if label == "DATE" and _NOT_A_DATE.match(text[r.start:r.end].strip()):
                continue  # a bare number, an age or a duration is no date element
            recognizer = (r.recognition_metadata or {}).get("recognizer_name", r.entity_type)
            yield Candidate(r.start, r.end, label, float(r.score), f"presidio:{recognizer}")
