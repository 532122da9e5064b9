"""A time budget per draft, and faults noticed while a draft is checked.

``Linter.check`` opens a ``budget`` for each draft. Stages call ``checkpoint()`` between steps and
size their regex timeouts with ``remaining(cap)``; a draft past its budget raises
``DeadlineExceeded`` and becomes an ``ERROR`` result (PG920), never a late pass.

A third-party library that swallows its own fault (Presidio logs a regex timeout and skips the
pattern) reports it with ``note_fault``; the draft then becomes an ``ERROR`` as well.

The budget is cooperative: a single stage that never returns cannot be stopped from inside the
process. ``overdue()`` lets a watchdog (the CLI's) see a budget in flight that has run past its
hard limit (``hard_limit``: twice the budget plus five seconds) and stop the whole run.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


class DeadlineExceeded(Exception):
    """The draft ran past its time budget."""


@dataclass
class Budget:
    limit: float
    started: float = field(default_factory=time.monotonic)
    faults: list[str] = field(default_factory=list)

    @property
    def deadline(self) -> float:
        return self.started + self.limit

    def expired(self) -> bool:
        return time.monotonic() >= self.deadline


_local = threading.local()
_running: dict[int, Budget] = {}
_running_lock = threading.Lock()


def current() -> Budget | None:
    return getattr(_local, "budget", None)


@contextmanager
def budget(seconds: float) -> Iterator[Budget]:
    """Run the body under a fresh budget of ``seconds`` (nested budgets are not supported)."""
    b = Budget(seconds)
    previous = current()
    _local.budget = b
    key = threading.get_ident()
    with _running_lock:
        _running[key] = b
    try:
        yield b
    finally:
        _local.budget = previous
        with _running_lock:
            if previous is None:
                _running.pop(key, None)
            else:
                _running[key] = previous


def checkpoint() -> None:
    b = current()
    if b is not None and b.expired():
        raise DeadlineExceeded()


def remaining(cap: float) -> float:
    """A timeout for the next step: ``cap``, or less when the budget is nearly spent."""
    b = current()
    if b is None:
        return cap
    left = b.deadline - time.monotonic()
    if left <= 0:
        raise DeadlineExceeded()
    return min(cap, left)


def note_fault(code: str) -> None:
    """A fault the draft must not pass with (a swallowed timeout); ignored outside a budget."""
    b = current()
    if b is not None:
        b.faults.append(code)


def hard_limit(limit: float) -> float:
    """When a watchdog gives up on a budget of ``limit`` seconds: twice it, plus five seconds."""
    return 2 * limit + 5


def overdue() -> float | None:
    """The limit of a budget in flight that has run past its hard limit, or None."""
    now = time.monotonic()
    with _running_lock:
        budgets = list(_running.values())
    for b in budgets:
        if now - b.started > hard_limit(b.limit):
            return b.limit
    return None
