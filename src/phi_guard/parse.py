"""Parse once, as cheaply as detection allows.

The pipeline is configured once, when the Linter is built (never per call): the sentence
recognizer replaces the dependency parser (phi-guard needs sentences, not dependencies), and the
NER component, the most expensive, runs only on drafts where it can find something the
gazetteers and patterns cannot: a capitalized word that no list knows (an unusual name, a
town, a street). Every draft gets tokens, tags, lemmas and sentences; the Doc is then handed
to Presidio as its NLP artifacts, so no text is parsed twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex
from spacy.language import Language
from spacy.tokens import Doc

_CAPITALIZED = regex.compile(r"(?<![\p{L}\p{N}'’@#])\p{Lu}[\p{L}\p{M}'’.-]*")


@Language.component("phi_guard_lower_lemma")
def lower_lemma(doc: Doc) -> Doc:
    """Lemmas as lower-cased words: enough for Presidio's context words, far cheaper than rules."""
    for tok in doc:
        tok.lemma_ = tok.lower_
    return doc


class Parser:
    """Tokens, tags, lemmas and sentences for every draft; entities where they can matter."""

    def __init__(self, nlp: Language, known: frozenset[str]) -> None:
        if "parser" in nlp.pipe_names:
            nlp.disable_pipe("parser")
        if "lemmatizer" in nlp.pipe_names:
            nlp.disable_pipe("lemmatizer")
        if "phi_guard_lower_lemma" not in nlp.pipe_names:
            nlp.add_pipe("phi_guard_lower_lemma", last=True)
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        self._ner = nlp.get_pipe("ner") if "ner" in nlp.pipe_names else None
        if self._ner is not None:
            nlp.disable_pipe("ner")
        self._nlp = nlp
        self._known = known

    @property
    def nlp(self) -> Language:
        return self._nlp

    def needs_ner(self, text: str) -> bool:
        """Is there a capitalized word that no gazetteer or word list accounts for?"""
        for m in _CAPITALIZED.finditer(text):
            word = m.group().rstrip(".'’-").lower()
            if len(word) < 2:
                continue
            if word.removesuffix("'s").removesuffix("’s") not in self._known:
                return True
        return False

    def __call__(self, text: str) -> Doc:
        return self._finish(self._nlp(text))

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
        for doc in self._nlp.pipe(texts, batch_size=batch_size):
            yield self._finish(doc)

    def _finish(self, doc: Doc) -> Doc:
        if self._ner is not None and self.needs_ner(doc.text):
            doc = self._ner(doc)
        return doc
