"""What guards a CLI run as a whole: SIGTERM, and a watchdog for a stage that never returns.

- ``signals_raise()``: while a command runs, SIGTERM and SIGHUP raise ``Terminated`` (a
  BaseException, so no ``except Exception`` inside the linter turns it into a draft's error and
  carries on). The output's temporary file is removed on the way out and nothing is renamed
  into place.
- ``watchdog()``: the per-draft budget is cooperative; a stage that never returns would hang the
  run. A daemon thread looks twice a second for a budget past its hard limit
  (``deadline.hard_limit``) and then ends the process: it removes the temporary files, says on
  stderr which limit was passed, and exits with status 2. No output file is left behind that
  looks complete.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from . import atomic, deadline

EXIT_ERROR = 2
_SIGNALS = tuple(s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s)


class Terminated(BaseException):
    """The process was asked to stop (SIGTERM or SIGHUP)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signum)


@contextmanager
def signals_raise() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.signal(s, _raise) for s in _SIGNALS}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def _abort(limit: float) -> None:
    atomic.remove_temporaries()
    sys.stderr.write(
        f"phi-guard: PG920: a draft ran past the hard time limit ({deadline.hard_limit(limit):g} s for a "
        f"budget of {limit:g} s); the run is stopped and no output file was written\n")
    sys.stderr.flush()
    os._exit(EXIT_ERROR)


@contextmanager
def watchdog(interval: float = 0.5) -> Iterator[None]:
    stop = threading.Event()

    def watch() -> None:
        while not stop.wait(interval):
            limit = deadline.overdue()
            if limit is not None:
                _abort(limit)

    thread = threading.Thread(target=watch, name="phi-guard-watchdog", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
