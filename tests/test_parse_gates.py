"""The cheap gates in front of the neural steps (parse.py) and Presidio (detectors/presidio.py).

Each gate may only skip work that cannot change a result, or (the NER gate) work the
gazetteers and word lists already do; these tables say where each one opens.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from phi_guard import Draft
from phi_guard.detectors.presidio import ENTITY_LABELS, possible_entities
from phi_guard.parse import opens_phrase

from conftest import SHARED


@pytest.mark.parametrize(("text", "word", "opens"), [
    ("Remember to floss.", "Remember", True),
    ("  “Join us Saturday", "Join", True),
    ("#flushot Remember: it is free", "Remember", True),
    ("Great news 🎉 Join us", "Join", True),
    ("Hours:\n- Bring your card", "Bring", True),
    ("Office update: Bring your card", "Bring", True),
    ("we said Join us", "Join", False),
    ("please Bring it", "Bring", False),
])
def test_which_words_open_a_phrase(text, word, opens):
    assert opens_phrase(text, text.index(word)) is opens


@pytest.mark.parametrize(("sentence", "needs"), [
    ("Join us this Saturday for the health fair!", False),          # common words that open
    ("Remember to book your flu shot.", False),
    ("HEALTH NEWS: FREE flu shots.", False),                      # capitals on common words
    ("Thank you, Maria!", False),                                   # first names: the gazetteer's
    ("Meet Dr. Maria, our new dentist.", False),                    # title + person names
    ("Meet Dr. Maria Okonkwo-Bright.", True),                       # a surname no list knows
    ("We loved seeing the Quartermaine family today.", True),       # a word no list knows
    ("Fun day at Harlow Springs park.", True),                      # a run holding a non-name word
    ("The team cheered at Little League.", True),
    ("we said Remember the Alamo", True),                           # mid-sentence: no opener
    ("Walk-in flu shots all week.", False),                         # hyphenated common words
    ("Closed Christmas Day.", False),                               # a run of holiday words
    ("Open Saturday May 3.", False),
    ("Visit our Alder Falls office.", False),                       # the profile's own town
    ("Hola, West Tamsin!", True),                                   # a town no list knows
])
def test_the_ner_gate(linter, sentence, needs):
    assert linter._nlp.needs_ner(sentence) is needs


def test_ner_runs_on_gated_sentences_only(linter):
    doc = linter._nlp("Join us Saturday for our open house. Zebulon Quartermaine moved to Harlow Springs.")
    first, second = list(doc.sents)
    assert not [e for e in doc.ents if e.start < first.end]
    assert [e for e in doc.ents if e.start >= second.start]


def test_tags_are_lazy(linter):
    nlp = linter._nlp
    doc = nlp("Grace is our new hygienist. Our office opens at nine.")
    assert all(t.tag == 0 for t in doc)  # nothing tagged until a detector asks
    assert nlp.pos(doc, 0) in ("PROPN", "NOUN")
    assert doc[0].tag != 0 and all(t.tag == 0 for t in list(doc.sents)[1])


@pytest.mark.parametrize("text", [
    "Grace is our new hygienist and she came in early today with Dr. Ruiz for a long talk about braces.",
    "Huge thanks to Hope, Will and June from the front desk, who stayed late on Friday for the Lopez family!",
])
def test_window_tags_are_the_whole_sentence_tags(linter, text):
    """Tagging a window around each token gives the tag the whole sentence gives it."""
    nlp = linter._nlp
    whole = nlp._tagger(nlp._tok2vec(nlp(text)[:].as_doc()))
    for i in range(len(whole)):
        doc = nlp(text)
        nlp.tag([(doc, i)])
        assert doc[i].tag_ == whole[i].tag_, i
    batch = nlp(text)
    nlp.tag([(batch, i) for i in range(0, len(batch), 3)])
    assert [t.tag_ for t in batch if t.tag] == [whole[t.i].tag_ for t in batch if t.tag]


@pytest.mark.parametrize(("text", "has_ents", "present", "absent"), [
    ("Thanks for the kind words!", False, [], ["PHONE_NUMBER", "DATE_TIME", "URL", "EMAIL_ADDRESS"]),
    ("Call 503-555-0100 today", False, ["PHONE_NUMBER", "DATE_TIME", "US_SSN"], ["CREDIT_CARD"]),
    ("Seen on 3/4", False, ["DATE_TIME", "IBAN_CODE"], ["PHONE_NUMBER"]),
    ("Write to info@clinic.example", False, ["EMAIL_ADDRESS", "URL"], ["PHONE_NUMBER"]),
    ("Server at fe80::1", False, ["IP_ADDRESS"], ["URL"]),
    ("Open 9 a.m. to 5 p.m., e.g. Mondays", False, ["DATE_TIME"], ["URL", "IP_ADDRESS", "PHONE_NUMBER"]),
    ("Since 2019, our 12 staff", False, ["DATE_TIME"], ["PHONE_NUMBER"]),
    ("Call +43 1 234 56", False, ["PHONE_NUMBER"], ["URL"]),
    ("Maria came by", True, ["PERSON", "LOCATION", "DATE_TIME"], ["URL"]),
])
def test_possible_entities(text, has_ents, present, absent):
    got = possible_entities(text, has_ents)
    assert set(present) <= set(got) and not set(absent) & set(got)


def test_the_presidio_prefilter_changes_no_result(linter, dev_corpus_texts):
    """Asking Presidio only for the possible types gives exactly what asking for all gives."""
    presidio = linter._presidio._inner  # the detector inside its guard.Stage
    extra = ["Call (503) 555-0142 or +44 20 7946 0958", "SSN 078-05-1120, card 4111 1111 1111 1111",
             "IBAN GB82 WEST 1234 5698 7654 32", "visit www.example.org or 192.168.0.1",
             "mail me at jo@example.com on 12/03/2024", "plain words only, nothing else",
             "+43 1 234 56 call", "open 9 a.m. to 5 p.m., e.g. Mondays", "Dr.Smith at x.co", "1.2.3.4 host",
             "call +683 4002", "tel 0800 1111", "ring 020 7946 0958", "(503)555-0100x12", "503.555.0100"]
    for text in dev_corpus_texts + extra:
        doc = linter._nlp(text)
        art = presidio.artifacts(doc)
        every = presidio._analyzer.analyze(text=text, language="en", entities=sorted(ENTITY_LABELS),
                                           nlp_artifacts=art, score_threshold=0.3)
        some = possible_entities(text, bool(doc.ents))
        gated = presidio._analyzer.analyze(text=text, language="en", entities=some,
                                           nlp_artifacts=presidio.artifacts(doc), score_threshold=0.3) if some else []
        key = sorted((r.start, r.end, r.entity_type, round(r.score, 6)) for r in every)
        assert key == sorted((r.start, r.end, r.entity_type, round(r.score, 6)) for r in gated), "a dev text differs"


def test_the_fast_artifacts_and_enhancer_are_presidios_own(linter, dev_corpus_texts):
    """phi-guard builds Presidio's NlpArtifacts from the Doc's arrays and finds context words by
    bisection: every attribute and every analysis is the one Presidio's own code gives."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    presidio = linter._presidio._inner
    fast = presidio._analyzer
    stock = AnalyzerEngine(registry=fast.registry, nlp_engine=presidio._engine, supported_languages=["en"],
                           context_aware_enhancer=LemmaContextAwareEnhancer())
    assert type(fast.context_aware_enhancer) is not LemmaContextAwareEnhancer
    extra = ["Call me at 503-555-0142, my phone", "SSN: 078-05-1120 social security", "", "   ",
             "credit card 4111 1111 1111 1111 visa", "email: jo@example.com", "born 12/03/1950 dob",
             "tel:+44 20 7946 0958 phone:number", "IBAN GB82 WEST 1234 5698 7654 32 account"]
    for text in dev_corpus_texts + extra:
        doc = linter._nlp(text)
        ours, theirs = presidio.artifacts(doc), presidio._engine._doc_to_nlp_artifact(doc, "en")
        for attr in ("entities", "tokens", "lemmas", "tokens_indices", "keywords", "scores"):
            assert getattr(ours, attr) == getattr(theirs, attr), attr
        got = fast.analyze(text=text, language="en", nlp_artifacts=ours, score_threshold=0.3)
        want = stock.analyze(text=text, language="en", nlp_artifacts=theirs, score_threshold=0.3)
        key = lambda rs: sorted((r.start, r.end, r.entity_type, round(r.score, 9)) for r in rs)  # noqa: E731
        assert key(got) == key(want), "a dev text differs"


@pytest.fixture(scope="module")
def dev_corpus_texts():
    path = SHARED / "eval" / "dev" / "corpus.jsonl"
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_check_many_matches_check_where_the_gates_open(linter):
    drafts = [Draft(text=t, id=str(i)) for i, t in enumerate([
        "Join us Saturday! Zebulon Quartermaine won at Harlow Springs.",
        "Grace is our new hygienist. Remember to floss.",
        "HEALTH TIP: Meet Dr. Maria Lopez. Call 503-555-0100.",
    ])]
    assert list(linter.check_many(drafts, batch_size=2)) == [linter.check(d) for d in drafts]


def test_the_profile_towns_are_locations_without_the_model(linter):
    text = "Walk-in flu shots at our Alder Falls office."
    result = linter.check(Draft(text=text))
    assert any(text[f.start:f.end] == "Alder Falls" and f.label == "LOCATION" for f in result.findings)
    assert not linter._nlp(text).ents  # the NER model did not run on it


URLISH = ["https://", "http://x", "www.", "www2.", "smile.example", "clinic.com", "/book?a=1", ".co", ".org",
          "a.m.", "e.g.", "Dr.Smith", "..", "-", " ", "\n", "(", ")", "<", ">", '"', "'", "x", "K", "\u212a", "0"]


def _url_key(results):
    return sorted((r.start, r.end, r.score, r.entity_type, r.recognition_metadata["recognizer_name"]) for r in results)


def _same_urls(text: str) -> None:
    from presidio_analyzer.predefined_recognizers import UrlRecognizer

    from phi_guard.detectors.presidio import SegmentedUrlRecognizer

    assert _url_key(SegmentedUrlRecognizer().analyze(text, ["URL"])) == _url_key(UrlRecognizer().analyze(text, ["URL"]))


@pytest.mark.parametrize("text", [
    'Book at "https://smile.example/book(now)" or (www.clinic.com) <a.co/b>',
    "Open 9 a.m. to 5 p.m., e.g. Mondays; Dr.Smith at x..com -a.b.cc 'www2.foo.org/x'",
    "no links at all",
])
def test_the_segmented_url_recognizer_finds_what_presidios_finds(text):
    _same_urls(text)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(URLISH), max_size=12).map("".join))
def test_the_segmented_url_recognizer_finds_what_presidios_finds_generated(text):
    _same_urls(text)


PHONEISH = ["+", "+43 ", "1", "20", "555", "0100", "(", ")", "-", ".", " ", "x", "ext. ", "/", "\u2013", "\uff10",
            "\u0663", "tel:", "a", "\n"]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(PHONEISH), max_size=16).map("".join))
def test_no_phone_presidio_finds_is_gated_out(text):
    from presidio_analyzer.predefined_recognizers import PhoneRecognizer

    found = PhoneRecognizer(supported_regions=("US", "GB")).analyze(text, ["PHONE_NUMBER"], None)
    if found:
        assert "PHONE_NUMBER" in possible_entities(text, False)


def _phone_key(results):
    return sorted((r.start, r.end, r.score, r.entity_type, r.analysis_explanation.textual_explanation,
                   r.recognition_metadata["recognizer_name"]) for r in results)


def _same_phones(texts) -> None:
    """The remembering recognizer, asked twice (the second time from its memo), and with the
    number's neighbours changed, finds what Presidio's own finds."""
    from presidio_analyzer.predefined_recognizers import PhoneRecognizer

    from phi_guard.detectors.presidio import MemoPhoneRecognizer

    stock = PhoneRecognizer(supported_regions=("US", "GB"))
    ours = MemoPhoneRecognizer(supported_regions=("US", "GB"), name="PhoneRecognizer")
    for text in texts:
        for variant in (text, text, "a" + text + "b", "(" + text, text + "x"):
            assert _phone_key(ours.analyze(variant, ["PHONE_NUMBER"])) == \
                _phone_key(stock.analyze(variant, ["PHONE_NUMBER"])), "a phone text differs"


def test_the_remembering_phone_recognizer_finds_what_presidios_finds(dev_corpus_texts):
    _same_phones([t for t in dev_corpus_texts if "PHONE_NUMBER" in possible_entities(t, False)]
                 + ["Call 503-555-0142 or +44 20 7946 0958", "x5035550142y", "tel:503.555.0142;ext=12"])


def test_the_phone_memo_keeps_no_exception():
    """A remembered failure is a marker, not the exception: its traceback would keep every frame
    of the draft that raised it (its Doc, its artifacts) alive for the rest of the audit."""
    from phi_guard.detectors import presidio

    _same_phones(["Call (212) 736-5000 or 503-555-0142", "+1 (0) 0000 0000 x"])  # national: parse raises
    assert any(v is presidio._NOT_A_NUMBER for v in presidio._REGION_MEMO.values())
    assert not any(isinstance(v, BaseException) for v in presidio._REGION_MEMO.values())
    assert not any(isinstance(v, BaseException) for v in presidio._PHONE_MEMO.values())


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(PHONEISH), max_size=16).map("".join))
def test_the_remembering_phone_recognizer_finds_what_presidios_finds_generated(text):
    _same_phones([text])


def test_the_models_multiply_with_numpy_and_give_the_blis_results(linter, dev_corpus_texts):
    """Entities and tags from the pipes switched to numpy's BLAS are those of the model as it comes."""
    import spacy

    from phi_guard.model import verified_model_path

    nlp = linter._nlp
    for name in ("ner", "tok2vec", "tagger"):
        assert all(not getattr(n.ops, "use_blis", True) for n in nlp.nlp.get_pipe(name).model.walk()), name
    stock = spacy.load(verified_model_path()[0], exclude=["parser", "lemmatizer", "attribute_ruler"])
    assert all(getattr(n.ops, "use_blis", False) for n in stock.get_pipe("ner").model.walk())
    sents = [s.as_doc() for text in dev_corpus_texts for s in nlp(text).sents]
    ours_ner = [[(e.start, e.end, e.label_) for e in d.ents] for d in nlp._ner.pipe(s.copy() for s in sents)]
    stock_ner = [[(e.start, e.end, e.label_) for e in d.ents] for d in stock.get_pipe("ner").pipe(s.copy() for s in sents)]
    assert ours_ner == stock_ner
    ours_tags = [[t.tag_ for t in d] for d in nlp._tagger.pipe(nlp._tok2vec.pipe(s.copy() for s in sents))]
    stock_tags = [[t.tag_ for t in d] for d in stock.get_pipe("tagger").pipe(
        stock.get_pipe("tok2vec").pipe(s.copy() for s in sents))]
    assert ours_tags == stock_tags


def test_model_calls_use_one_blas_thread_and_restore_the_setting():
    from threadpoolctl import threadpool_info

    from phi_guard.parse import one_blas_thread

    def blas_threads():
        return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]

    before = blas_threads()
    assert before  # numpy's OpenBLAS
    with one_blas_thread():
        assert all(n == 1 for n in blas_threads())
    assert blas_threads() == before


def test_the_fast_enhancer_copies_what_it_changes_as_presidios_deep_copy_does(linter):
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    presidio = linter._presidio._inner
    text = "Call my phone 503-555-0142 or the office, my social security number 078-05-1120"
    doc = linter._nlp(text)
    art = presidio.artifacts(doc)
    recognizers = presidio._analyzer.registry.recognizers
    raw = [r for rec in recognizers for r in rec.analyze(text, rec.supported_entities, art)]
    before = [(r.score, r.analysis_explanation.score, dict(r.recognition_metadata)) for r in raw]
    fast = presidio._analyzer.context_aware_enhancer.enhance_using_context(text, raw, art, recognizers)
    stock = LemmaContextAwareEnhancer().enhance_using_context(text, raw, art, recognizers)
    assert [(r.score, r.analysis_explanation.score, dict(r.recognition_metadata)) for r in raw] == before
    key = lambda rs: [(r.start, r.end, r.entity_type, r.score, r.recognition_metadata,  # noqa: E731
                       vars(r.analysis_explanation)) for r in rs]
    assert key(fast) == key(stock) and any(r.score != b[0] for r, b in zip(fast, before))
