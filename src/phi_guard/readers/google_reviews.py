"""Google Takeout, Business Profile: ``account-*/location-*/reviews*.json``.

Each review with a ``reviewReply`` gives one ``reply`` draft: the reply's ``comment``, answering
the review's ``reviewer.displayName`` and ``comment``. Reviews without a reply give no draft.
Google stores machine translations inside the text: "(Translated by Google) <translation>
(Original) <original>", or "<original> (Translated by Google) <translation>". The original words
are kept: for the review, as its ``in_reply_to.text``; for the reply, as the draft (what the
practice wrote; the translation is Google's rendering of it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .._errors import InputError
from .._types import InReplyTo
from ._base import (
    Counter,
    Inventory,
    Item,
    Tree,
    build,
    file_error,
    iso_from_text,
    load_json,
    pointer,
    str_or_none,
)

NAME = "google-reviews"
PLATFORM = "google"
REVIEWS = re.compile(r"(?:^|/)account-[^/]+/location-[^/]+/reviews[^/]*\.json$")
_LONE = re.compile(r"(?:^|/)reviews[^/]*\.json$")
_TRANSLATED = re.compile(r"\(Translated by Google\)")
_ORIGINAL = re.compile(r"\(Original\)")


def detect(names: list[str]) -> bool:
    return any(REVIEWS.search(n) for n in names)


def original_text(text: Any) -> Any:
    """The author's own words of a Google text that may hold a machine translation."""
    if not isinstance(text, str) or not _TRANSLATED.search(text):
        return text
    original = _ORIGINAL.search(text)
    if original is not None and _TRANSLATED.search(text).start() < original.start():  # type: ignore[union-attr]
        return text[original.end():].strip()
    return text[:_TRANSLATED.search(text).start()].strip()  # type: ignore[union-attr]


def read(tree: Tree, inv: Inventory, counter: Counter) -> Iterator[Any]:
    names = [n for n in inv.seen if REVIEWS.search(n)]
    if not names and len(inv.seen) == 1 and _LONE.search(inv.seen[0]):
        names = inv.seen  # one reviews.json named on the command line
    for name in names:
        inv.mark_read(name)
        try:
            items = list(_reviews(load_json(tree.read_bytes(name), name), name))
        except InputError as exc:
            yield file_error(counter.next(), name, str(exc))
            continue
        except (LookupError, TypeError, AttributeError, ValueError):
            yield file_error(counter.next(), name, "google_shape: the file does not have the layout of Takeout reviews")
            continue
        for item in items:
            yield build(item, counter.next())


def _reviews(data: Any, name: str) -> Iterator[Item]:
    reviews, keys = (data.get("reviews"), ("reviews",)) if isinstance(data, dict) else (data, ())
    if not isinstance(reviews, list):
        raise InputError(f"google_shape: '{name}' has no 'reviews' list")
    for i, review in enumerate(reviews):
        reply = review.get("reviewReply") if isinstance(review, dict) else None
        if not isinstance(reply, dict):
            continue
        reviewer = review.get("reviewer") if isinstance(review.get("reviewer"), dict) else {}
        author = reviewer.get("displayName") if isinstance(reviewer.get("displayName"), str) else None
        context = original_text(review.get("comment"))
        rid = str_or_none(review.get("reviewId")) or _last_part(review.get("name"))
        yield Item(text=original_text(reply.get("comment")), source=f"{name}#{pointer(*keys, i, 'reviewReply', 'comment')}",
                   kind="reply", platform=PLATFORM,
                   in_reply_to=InReplyTo(author=author, text=context if isinstance(context, str) else None),
                   platform_id=rid, created_at=iso_from_text(reply.get("updateTime")))


def _last_part(value: Any) -> str | None:
    return value.rsplit("/", 1)[-1] if isinstance(value, str) and value else None
