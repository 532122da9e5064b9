"""Parse once, as cheaply as detection allows.

The pipeline is configured once, when the Linter is built (never per call). Every draft gets
tokens, sentences (the small ``senter``, not the dependency parser) and lower-cased lemmas: a
fraction of a millisecond. The two costly neural steps run only on the sentences where they
can change a result:

- NER, on a sentence holding a capitalized word that no gazetteer or word list accounts for
  (an unusual name, a town, a street). A common word capitalized because it opens the
  sentence ("Join us", "Llame hoy") is accounted for. Those sentences go through the model
  together, in batches, and their entities are set on the draft's Doc.
- The tagger (``tok2vec`` + ``tagger``), lazily: ``Parser.pos(doc, i)`` tags the sentence
  holding token ``i`` the first time a detector asks for a part of speech there. Only the
  name detector asks, and only about capitalized words the gazetteers leave undecided.

``check`` and ``check_many`` both go through ``Parser.pipe``, so they see the same Doc. The Doc
is handed to Presidio as its NLP artifacts: no text is parsed twice.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator

import regex
from spacy.language import Language
from thinc.api import NumpyOps
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span

_CAPITALIZED = regex.compile(r"(?<![\p{L}\p{N}'’@#])\p{Lu}[\p{L}\p{M}'’.-]*")
# what ends a phrase in a post even where the sentence recognizer sees none: punctuation, a line
# break, a bullet, an emoji or other symbol
_BREAK = regex.compile(r"[.!?:;\n\p{So}\p{Sk}•·|]")
_WORD_BEFORE = regex.compile(r"[#@]?[\p{L}\p{M}\p{N}_'’-]+$")


def opens_phrase(text: str, start: int) -> bool:
    """Does the word at ``start`` open a sentence or a phrase (after a break or a hashtag)?"""
    i = start
    while i > 0 and not text[i - 1].isalpha():
        i -= 1
        if _BREAK.match(text[i]):
            return True
    if i == 0:
        return True
    before = _WORD_BEFORE.search(text, max(0, i - 60), i)
    return before is not None and before.group()[:1] in "#@"  # "... #flushot Remember to ..."

# The model's attribute_ruler maps each fine tag to a coarse one (its single-TAG patterns); the
# rest of its patterns set morphology, which phi-guard never reads. A dict does the same mapping.
TAG_TO_POS = {
    "_SP": "SPACE", ".": "PUNCT", ",": "PUNCT", "-LRB-": "PUNCT", "-RRB-": "PUNCT", "``": "PUNCT",
    '""': "PUNCT", "''": "PUNCT", ":": "PUNCT", "$": "SYM", "#": "SYM", "AFX": "ADJ", "CC": "CCONJ",
    "CD": "NUM", "DT": "DET", "EX": "PRON", "FW": "X", "HYPH": "PUNCT", "IN": "ADP", "JJ": "ADJ",
    "JJR": "ADJ", "JJS": "ADJ", "LS": "X", "MD": "AUX", "NIL": "X", "NN": "NOUN", "NNP": "PROPN",
    "NNPS": "PROPN", "NNS": "NOUN", "PDT": "DET", "POS": "PART", "PRP": "PRON", "PRP$": "PRON",
    "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "RP": "ADP", "SYM": "SYM", "TO": "PART", "UH": "INTJ",
    "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB",
    "WDT": "DET", "WP": "PRON", "WP$": "DET", "WRB": "SCONJ", "ADD": "X", "NFP": "PUNCT", "GW": "X",
    "XX": "X", "BES": "VERB", "HVS": "VERB",
}


@Language.component("phi_guard_lower_lemma")
def lower_lemma(doc: Doc) -> Doc:
    """Lemmas as lower-cased words: enough for Presidio's context words, far cheaper than rules."""
    if len(doc):
        doc.from_array([LEMMA], doc.to_array([LOWER]))  # one array copy, no Token objects
    return doc


class Parser:
    """Tokens, sentences and lemmas for every draft; entities and tags where they can matter."""

    def __init__(self, nlp: Language, known: frozenset[str], openers: frozenset[str] = frozenset(),
                 person: frozenset[str] = frozenset()) -> None:
        self._ner = nlp.get_pipe("ner") if "ner" in nlp.pipe_names else None
        self._tok2vec = nlp.get_pipe("tok2vec") if "tok2vec" in nlp.pipe_names else None
        self._tagger = nlp.get_pipe("tagger") if "tagger" in nlp.pipe_names else None
        for name in ("parser", "lemmatizer", "ner", "tok2vec", "tagger", "attribute_ruler"):
            if name in nlp.pipe_names:
                nlp.disable_pipe(name)
        if "phi_guard_lower_lemma" not in nlp.pipe_names:
            nlp.add_pipe("phi_guard_lower_lemma", last=True)
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        self._field = receptive_field(nlp)
        use_numpy_matmul(nlp, ("ner", "tok2vec", "tagger"))
        self._nlp = nlp
        self._known = known
        self._openers = openers
        self._person = person  # first names, surnames and titles (lower-cased)

    @property
    def nlp(self) -> Language:
        return self._nlp

    # ------------------------------------------------------------------ the NER gate
    def needs_ner(self, text: str) -> bool:
        """Is there a capitalized word, or a run of them, that no gazetteer or word list accounts for?

        ``text`` is one sentence: a common word that opens it is accounted for. A run of two or
        more capitalized words ("Harlow Springs", "Port Ellery Lutheran") is a name the model
        must read unless every word of it is a person-name word (the gazetteers read "Jane Ruiz")
        or a word the lists decide ("Christmas Day").
        """
        run, run_end, run_has_other = 0, -1, False
        for m in _CAPITALIZED.finditer(text):
            word = m.group().rstrip(".'’-").lower()
            if len(word) < 2:
                continue
            word = word.removesuffix("'s").removesuffix("’s")
            if m.start() == run_end + 1 and text[run_end] == " ":
                run += 1
            elif self._common(word) and opens_phrase(text, m.start()):
                run, run_has_other, run_end = 0, False, m.end()  # "Meet Dr. ...", "Last Tuesday"
                continue
            else:
                run, run_has_other = 1, False
            run_end = m.end()
            # capitals for a heading or emphasis ("HEALTH TIP", "FREE") on a common word: no name
            heading = m.group().isupper() and self._common(word)
            run_has_other = run_has_other or not (word in self._person or heading)
            if run >= 2 and run_has_other:
                return True
            if _listed(word, self._known):
                continue  # "Mon-Fri" too
            if self._common(word) and (heading or opens_phrase(text, m.start())):
                continue  # "Join us", "FREE flu shots": a common word, capitalized where it stands
            return True
        return False

    def _common(self, word: str) -> bool:
        """A common English or Spanish word; a hyphenated one when each part is ("Walk-in")."""
        return _listed(word, self._openers)

    # ------------------------------------------------------------------ parsing
    def __call__(self, text: str) -> Doc:
        return next(self.pipe([text]))

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in self._nlp.pipe(texts, batch_size=batch_size):
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._entities(batch, batch_size)
                batch = []
        if batch:
            yield from self._entities(batch, batch_size)

    def _entities(self, docs: list[Doc], batch_size: int) -> list[Doc]:
        """NER on the gated sentences of ``docs``, in one model batch; entities set per Doc."""
        if self._ner is None:
            return docs
        todo: list[tuple[int, Span]] = []
        for k, doc in enumerate(docs):
            for sent in doc.sents:
                if self.needs_ner(sent.text):
                    todo.append((k, sent))
        if not todo:
            return docs
        found: dict[int, list[Span]] = {}
        with one_blas_thread():
            subs = list(self._ner.pipe((sent.as_doc() for _, sent in todo), batch_size=batch_size))
        for (k, sent), sub in zip(todo, subs):
            doc = docs[k]
            found.setdefault(k, []).extend(
                Span(doc, sent.start + e.start, sent.start + e.end, label=e.label_) for e in sub.ents)
        for k, spans in found.items():
            docs[k].set_ents(spans, default="outside")
        return docs

    # ------------------------------------------------------------------ lazy tags
    def pos(self, doc: Doc, i: int) -> str:
        """The coarse part of speech of ``doc[i]``; tags around it the first time it is asked."""
        tok = doc[i]
        if tok.tag == 0:
            self.tag([(doc, i)])
        return tok.pos_

    def tag(self, asked: Iterable[tuple[Doc, int]], batch_size: int = 64) -> None:
        """Tag the tokens asked about, in one model batch, each exactly as its whole sentence would.

        A token's tag depends on the tokens within the tagger's receptive field (``_field`` each
        side) inside its sentence, so the model runs on that window only, and keeps the tags of
        the tokens whose whole field the window holds: the asked ones, and their neighbours.
        """
        if self._tagger is None or self._tok2vec is None:
            return
        field = self._field
        # (doc, sentence start) -> the doc, the sentence and the windows asked for in it
        by_sent: dict[tuple[int, int], tuple[Doc, Span, list[tuple[int, int]]]] = {}
        for doc, i in asked:
            if doc[i].tag != 0:
                continue
            sent = doc[i].sent
            a, b = sent.start, sent.end
            if field is not None:
                a, b = max(a, i - field), min(b, i + field + 1)
            by_sent.setdefault((id(doc), sent.start), (doc, sent, []))[2].append((a, b))
        windows: list[tuple[Doc, Span, int, int]] = []
        for doc, sent, ivs in by_sent.values():
            merged: list[list[int]] = []
            for a, b in sorted(ivs):
                if merged and a <= merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], b)
                else:
                    merged.append([a, b])
            windows.extend((doc, sent, a, b) for a, b in merged)
        if not windows:
            return
        with one_blas_thread():
            subs = list(self._tagger.pipe(self._tok2vec.pipe((doc[a:b].as_doc() for doc, _, a, b in windows),
                                                             batch_size=batch_size), batch_size=batch_size))
        for (doc, sent, a, b), sub in zip(windows, subs):
            for j in range(a, b):
                if field is None or ((j - field >= a or a == sent.start) and (j + field < b or b == sent.end)):
                    target, t = doc[j], sub[j - a]
                    target.tag_ = t.tag_
                    target.pos_ = TAG_TO_POS.get(t.tag_, "X")


def _listed(word: str, words: frozenset[str]) -> bool:
    """``word`` is in ``words``, or it is hyphenated and each part is ("Mon-Fri", "Walk-in")."""
    return word in words or ("-" in word and all(p in words for p in word.split("-") if p))


def use_numpy_matmul(nlp: Language, pipes: Iterable[str]) -> None:
    """The models of ``pipes`` multiply matrices with numpy's BLAS instead of blis.

    Same model, same arithmetic, another matrix-multiply routine: thinc's own ``use_blis=False``
    path. The blis build in the wheels is several times slower than numpy's OpenBLAS on the CPUs
    measured here (docs/performance.md); the entities and tags come out the same
    (tests/test_parse_gates.py compares both on the dev corpus). spaCy's transition-based NER
    still calls blis for its per-step layers; that part is compiled code and stays as it is.
    """
    ops = NumpyOps(use_blis=False)
    for name in pipes:
        if name in nlp.pipe_names or name in nlp.disabled:
            for node in nlp.get_pipe(name).model.walk():
                node.ops = ops


_BLAS: list = []  # one threadpoolctl controller, made on first need (after numpy is loaded)


def one_blas_thread() -> contextlib.AbstractContextManager:
    """Model calls use one BLAS thread: one process is one core (``--jobs N`` uses N), and the
    host application's own BLAS setting is restored afterwards."""
    try:
        if not _BLAS:
            from threadpoolctl import ThreadpoolController

            _BLAS.append(ThreadpoolController())
        return _BLAS[0].limit(limits=1, user_api="blas")
    except Exception:  # noqa: BLE001 - no controllable BLAS: run as the process is set up
        return contextlib.nullcontext()


def receptive_field(nlp: Language) -> int | None:
    """Tokens each side that one token's tag depends on (depth x window of the tok2vec encoder)."""
    try:
        encode = nlp.config["components"]["tok2vec"]["model"]["encode"]
        if encode["@architectures"] != "spacy.MaxoutWindowEncoder.v2":
            return None
        return int(encode["depth"]) * int(encode["window_size"])
    except (KeyError, TypeError, ValueError):
        return None  # unknown architecture: tag whole sentences
