"""The batch path: parse with ``nlp.pipe`` in batches, then run every later stage per draft.

Results stream in input order with memory bounded by one batch. A draft that fails inside
gets an ERROR result of its own; the others are unaffected:

- a draft over the size cap is an error before anything runs;
- a draft longer than ``PIPE_MAX_CHARS`` is checked on its own (``check``), so its parse counts
  against its own time budget, not against a shared batch; the shorter ones are parsed together
  under a budget of one draft's budget per draft, which only a watchdog reads (their own
  budgets start after parsing);
- when normalizing or ``nlp.pipe`` fails for a batch, every draft of it is checked on its own,
  so the fault stays with the draft that caused it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from . import deadline
from ._types import Draft, Result
from .normalize import normalize

if TYPE_CHECKING:
    from .linter import Linter

PIPE_MAX_CHARS = 10_000


def _batches(items: Iterable[Draft], size: int) -> Iterator[list[Draft]]:
    it = iter(items)
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        yield chunk


def check_stream(linter: "Linter", drafts: Iterable[Draft], batch_size: int = 64) -> Iterator[Result]:
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError("batch_size must be a positive integer")
    for chunk in _batches(drafts, batch_size):
        yield from _check_chunk(linter, chunk)


def _check_chunk(linter: "Linter", chunk: list[Draft]) -> Iterator[Result]:
    early = [linter._precheck(d) for d in chunk]  # noqa: SLF001 - same package
    piped = [i for i, d in enumerate(chunk) if early[i] is None and len(d.text) <= PIPE_MAX_CHARS]
    try:
        with deadline.budget(linter.settings.draft_timeout * max(1, len(piped))):  # seen by watchdogs
            norms = [normalize(chunk[i].text) for i in piped]
            docs = list(linter._nlp.pipe([n.text for n in norms]))  # noqa: SLF001
    except Exception:  # noqa: BLE001 - fall back to one draft at a time, each failing alone
        piped, norms, docs = [], [], []
    parsed = {i: (n, doc) for i, n, doc in zip(piped, norms, docs)}
    for i, d in enumerate(chunk):
        if early[i] is not None:
            yield early[i]  # type: ignore[misc]
        elif i in parsed:
            yield linter._from_doc(d, *parsed[i])  # noqa: SLF001
        else:
            yield linter.check(d)
