"""The batch path: parse with ``nlp.pipe`` in batches, then run every later stage per draft.

Results stream in input order with memory bounded by a few batches. A draft that fails inside
gets an ERROR result of its own; the others are unaffected. With ``n_process > 1`` batches go to
worker processes forked from the parent, so each worker has the model loaded once (inherited,
copy-on-write) and results come back in input order; at most ``2 * n_process`` batches are in
flight, so a huge input never sits in memory.

Faults stay with their draft (docs/security.md):

- a draft over the size cap is an error before anything runs;
- a draft longer than ``PIPE_MAX_CHARS`` is checked on its own (``check``), so its parse counts
  against its own time budget, not against a shared batch; the shorter ones are parsed together
  under a budget of one draft's budget per draft, which only a watchdog reads (their own
  budgets start after parsing);
- when normalizing or ``nlp.pipe`` fails for a batch, every draft of it is checked on its own;
- a worker that dies, or does not answer within the hard limit of its batch's budget, has its
  batch checked here, each draft alone.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from . import deadline
from ._types import Draft, Result
from .normalize import normalize

if TYPE_CHECKING:
    from .linter import Linter

_WORKER_LINTER: "Linter | None" = None
PIPE_MAX_CHARS = 10_000
SCANNER_WAIT = 60.0  # seconds the parent waits for the pattern scanner before forking workers


def _batches(items: Iterable[Draft], size: int) -> Iterator[list[Draft]]:
    it = iter(items)
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        yield chunk


def check_stream(linter: "Linter", drafts: Iterable[Draft], batch_size: int = 64,
                 n_process: int = 1) -> Iterator[Result]:
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError("batch_size must be a positive integer")
    if n_process < 1:
        raise ValueError("n_process must be at least 1")
    # a batch is worth the superset scanners (built in the background, once per process)
    scans = [b for b in (linter._patterns.start_scanner(), linter._presidio.start_scanner()) if b is not None]  # noqa: SLF001
    if n_process == 1:
        for chunk in _batches(drafts, batch_size):
            yield from check_chunk(linter, chunk)
        return
    for build in scans:
        build.wait(SCANNER_WAIT)  # built once here, not once per worker (a fork takes no threads along)
    yield from _parallel(linter, drafts, batch_size, n_process)


def _work(chunk: list[Draft]) -> list[Result]:
    assert _WORKER_LINTER is not None
    return list(check_chunk(_WORKER_LINTER, chunk))


def _parallel(linter: "Linter", drafts: Iterable[Draft], batch_size: int, n_process: int) -> Iterator[Result]:
    global _WORKER_LINTER
    _WORKER_LINTER = linter
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(processes=n_process) as pool:
        pending: deque = deque()
        batches = _batches(drafts, batch_size)
        for chunk in batches:
            pending.append((chunk, pool.apply_async(_work, (chunk,))))
            if len(pending) >= 2 * n_process:
                yield from _collect(linter, *pending.popleft())
        while pending:
            yield from _collect(linter, *pending.popleft())


def _collect(linter: "Linter", chunk: list[Draft], job) -> list[Result]:  # type: ignore[no-untyped-def]
    try:
        return job.get(timeout=deadline.hard_limit(linter.settings.draft_timeout * len(chunk)))
    except Exception:  # noqa: BLE001 - a worker died or hangs: check this batch here, each draft alone
        return [linter.check(d) for d in chunk]


def check_chunk(linter: "Linter", chunk: list[Draft]) -> Iterator[Result]:
    early = [linter._precheck(d) for d in chunk]  # noqa: SLF001 - same package
    piped = [i for i, d in enumerate(chunk) if early[i] is None and len(d.text) <= PIPE_MAX_CHARS]
    try:
        with deadline.budget(linter.settings.draft_timeout * max(1, len(piped))):  # seen by watchdogs
            norms = [normalize(chunk[i].text) for i in piped]
            docs = list(linter._nlp.pipe([n.text for n in norms], batch_size=len(norms) or 1))  # noqa: SLF001
            linter._prefetch_tags(zip(norms, docs))  # noqa: SLF001
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
