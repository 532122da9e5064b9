"""The batch path: parse with ``nlp.pipe`` in batches, then run every later stage per draft.

Results stream in input order with memory bounded by one batch. A draft that fails inside
gets an ERROR result of its own; the others are unaffected.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from ._types import Draft, Result
from .normalize import normalize

if TYPE_CHECKING:
    from .linter import Linter


def _batches(items: Iterable[Draft], size: int) -> Iterator[list[Draft]]:
    it = iter(items)
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        yield chunk


def check_stream(linter: "Linter", drafts: Iterable[Draft], batch_size: int = 64) -> Iterator[Result]:
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    for chunk in _batches(drafts, batch_size):
        yield from _check_chunk(linter, chunk)


def _check_chunk(linter: "Linter", chunk: list[Draft]) -> Iterator[Result]:
    early = [linter._precheck(d) for d in chunk]  # noqa: SLF001 - same package
    todo = [(i, normalize(d.text)) for i, d in enumerate(chunk) if early[i] is None]
    try:
        docs = list(linter._nlp.pipe([n.text for _, n in todo]))  # noqa: SLF001
    except Exception:  # noqa: BLE001 - fall back to one draft at a time, each failing alone
        for i, d in enumerate(chunk):
            yield early[i] if early[i] is not None else linter.check(d)
        return
    parsed = {i: (n, doc) for (i, n), doc in zip(todo, docs)}
    for i, d in enumerate(chunk):
        if early[i] is not None:
            yield early[i]  # type: ignore[misc]
        else:
            norm, doc = parsed[i]
            yield linter._from_doc(d, norm, doc)  # noqa: SLF001
