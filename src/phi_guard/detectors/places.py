"""Places the NER model tags as organisations or facilities, after a place preposition.

"Save us a table at Maison Lumière", "services will be at Port Ellery Lutheran", "she's at
St. Aurelia Children's tonight": a restaurant, church or hospital tied to a patient is a
location (GUIDELINES convention 8). Presidio maps only GPE/LOC to LOCATION, so these come from
the same Doc's entities here.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex
from spacy.tokens import Doc

from .._types import Candidate

_PREPOSITION = regex.compile(r"\b(?:at|in|from|to|near|inside|outside|into)\s+(?:the\s+)?$", regex.I)


def place_entities(text: str, doc: Doc) -> Iterable[Candidate]:
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "FAC"):
            continue
        if _PREPOSITION.search(text[max(0, ent.start_char - 12):ent.start_char]):
            yield Candidate(ent.start_char, ent.end_char, "LOCATION", 0.45, f"ner:{ent.label_}:after-preposition")
