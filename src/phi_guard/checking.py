"""One ``check`` run: Items -> linter (in batches, in order) -> policy, allowances, baseline ->
Checked, with a Tally of what the run saw for the summary every report ends with."""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ._types import Draft, Level, Result
from .baseline import Entry, Tracker
from .fingerprint import Fingerprinter
from .inputs import Item
from .locate import Place
from .suppress import AllowanceUse, Outcome, Policy, apply

if TYPE_CHECKING:
    from .linter import Linter


@dataclass(frozen=True, slots=True)
class Checked:
    item: Item
    outcome: Outcome
    places: tuple[Place | None, ...]  # one per finding of ``result``
    suppressed_places: tuple[Place | None, ...]  # one per ``outcome.suppressed``

    @property
    def result(self) -> Result:
        return self.outcome.result


@dataclass
class Tally:
    counts: dict[str, int] = field(
        default_factory=lambda: {"block": 0, "warn": 0, "pass": 0, "error": 0}
    )
    suppressed: dict[str, int] = field(default_factory=lambda: {"allowance": 0, "baseline": 0})
    allowances: list[tuple[Item, AllowanceUse]] = field(default_factory=list)
    stale: list[tuple[Entry, str]] = field(default_factory=list)

    def add(self, c: Checked) -> None:
        self.counts[c.result.level.value] += 1
        for s in c.outcome.suppressed:
            self.suppressed[s.by] += 1
        self.allowances.extend((c.item, use) for use in c.outcome.allowances)

    def allowance_count(self, status: str) -> int:
        return sum(1 for _, use in self.allowances if use.status == status)


@dataclass(frozen=True, slots=True)
class RunOptions:
    policy: Policy = field(default_factory=Policy)
    fingerprinter: Fingerprinter = field(default_factory=Fingerprinter)
    baseline: Tracker | None = None
    baseline_fingerprinter: Fingerprinter | None = None
    today: dt.date | None = None  # None: phi_guard.clock.today()
    batch_size: int = 64
    jobs: int = 1


def error_result(item: Item) -> Result:
    code = (item.error or "PG930").split(":", 1)[0]
    return Result(
        level=Level.ERROR,
        risk=100,
        findings=(),
        redacted="",
        reasons=(code,),
        error=item.error,
        id=item.id,
    )


def run(linter: Linter, items: Iterable[Item], opts: RunOptions, tally: Tally) -> Iterator[Checked]:
    """Checked items in input order, from one ``check_many`` stream (one worker pool with
    ``jobs > 1``); ``tally`` is complete once the iterator is exhausted."""
    queue: deque[Item] = deque()

    def drafts() -> Iterator[Draft]:
        for item in items:
            queue.append(item)
            if item.draft is not None:
                yield item.draft

    def done(item: Item, result: Result) -> Checked:
        checked = finish(item, result, opts)
        tally.add(checked)
        return checked

    size = max(1, opts.batch_size)
    for result in linter.check_many(drafts(), batch_size=size, n_process=max(1, opts.jobs)):
        while (item := queue.popleft()).draft is None:
            yield done(item, error_result(item))
        yield done(item, result)
    while queue:
        item = queue.popleft()
        yield done(item, error_result(item))
    if opts.baseline is not None:
        tally.stale = opts.baseline.stale()


def finish(item: Item, result: Result, opts: RunOptions) -> Checked:
    text = item.draft.text if item.draft is not None else ""
    fps = opts.fingerprinter.of_all(item.identity, text, result.findings)
    baselined: list[bool] = []
    if opts.baseline is not None and result.level is not Level.ERROR:
        opts.baseline.drafts.add(item.identity)
        matcher = opts.baseline_fingerprinter or opts.fingerprinter
        match_fps = (
            fps
            if matcher == opts.fingerprinter
            else matcher.of_all(item.identity, text, result.findings)
        )
        baselined = [opts.baseline.match(fp) is not None for fp in match_fps]
    outcome = apply(result, fps, opts.policy, item.allowances, opts.today, baselined)
    loc = item.locator
    places = tuple(loc.place(f.start, f.end) if loc else None for f in outcome.result.findings)
    supp = tuple(
        loc.place(s.finding.start, s.finding.end) if loc else None for s in outcome.suppressed
    )
    return Checked(item, outcome, places, supp)
