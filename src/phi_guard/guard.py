"""Fail closed: every fault inside one draft becomes that draft's ERROR result, never a pass.

- ``run(draft, limit, body)`` runs the stages of one draft under a time budget (``deadline``)
  and maps what can go wrong to an ERROR result with a PG9xx code and a message that names the
  stage and the exception's type, never its message (exception messages can quote input).
- ``Stage`` wraps a detector: its output is taken whole, then the budget is checked and any
  fault a library swallowed (Presidio's regex timeouts) is raised.
- ``BudgetedPatterns`` sizes each rule-pack pattern's regex timeout to what is left of the
  draft's budget.
- ``cap_presidio_timeouts`` lowers Presidio's own regex timeout (60 s by default) to ours (one
  value per process: the largest of the Linters built).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

from . import deadline
from ._types import Draft, Level, Result
from .detectors.patterns import PatternDetector, PatternTimeout
from .logs import Safe

log = logging.getLogger("phi_guard")

# Presidio modules that read a module-level REGEX_TIMEOUT_SECONDS at call time.
PRESIDIO_TIMEOUT_MODULES = (
    "presidio_analyzer.pattern_recognizer",
    "presidio_analyzer.analyzer_engine",
    "presidio_analyzer.predefined_recognizers.generic.iban_recognizer",
)


class StageFailed(Exception):
    def __init__(self, stage: str, exc: BaseException) -> None:
        super().__init__(stage)
        self.stage = stage
        self.kind = type(exc).__name__


class SwallowedFault(Exception):
    """A library reported a fault it then ignored (e.g. a regex that timed out)."""


def error_result(draft: Draft, code: str, message: str) -> Result:
    return Result(level=Level.ERROR, risk=100, findings=(), redacted="", reasons=(code,),
                  error=f"{code}: {message}", id=draft.id)


def run(draft: Draft, limit: float, body: Callable[[], Result]) -> Result:
    """``body()`` under a budget of ``limit`` seconds; any fault -> an ERROR result."""
    with deadline.budget(limit) as b:
        try:
            result = body()
            deadline.checkpoint()
            if b.faults:
                raise SwallowedFault()
            return result
        except (PatternTimeout, SwallowedFault):
            return error_result(draft, "PG920", "timeout: a pattern ran past its time cap")
        except deadline.DeadlineExceeded:
            return error_result(draft, "PG920", f"timeout: the draft ran past its time budget ({limit:g} s)")
        except StageFailed as exc:
            log.error("internal error in stage %s (%s)", Safe(exc.stage), Safe(exc.kind))
            return error_result(draft, "PG930", f"internal error in {exc.stage} ({exc.kind})")
        except RecursionError:
            return error_result(draft, "PG930", "internal error (RecursionError)")
        except Exception as exc:  # noqa: BLE001 - fail closed, never echo the text
            log.error("internal error (%s)", Safe(type(exc).__name__))
            return error_result(draft, "PG930", f"internal error ({type(exc).__name__})")


def stage(name: str, fn: Callable[[], Any]) -> Any:
    """``fn()``; an exception is re-raised as StageFailed naming the stage."""
    try:
        return fn()
    except (PatternTimeout, deadline.DeadlineExceeded, SwallowedFault, StageFailed):
        raise
    except Exception as exc:  # noqa: BLE001
        raise StageFailed(name, exc) from None


class Stage:
    """A detector whose ``detect`` is run whole, then followed by a budget checkpoint."""

    def __init__(self, name: str, inner: Any) -> None:
        self._stage_name = name
        self._inner = inner

    def detect(self, *args: Any) -> list[Any]:
        out = stage(self._stage_name, lambda: list(self._inner.detect(*args)))
        deadline.checkpoint()
        b = deadline.current()
        if b is not None and b.faults:
            raise SwallowedFault()
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class BudgetedPatterns(PatternDetector):
    """Each pattern's timeout: the regex cap, or what is left of the draft's budget if less."""

    @property  # type: ignore[override]
    def _timeout(self) -> float:
        return deadline.remaining(self._cap)

    @_timeout.setter
    def _timeout(self, value: float) -> None:
        self._cap = value


_presidio_cap: float | None = None


def cap_presidio_timeouts(seconds: float) -> float:
    """Lower Presidio's REGEX_TIMEOUT_SECONDS (60 s) to ours; the value now in force.

    Presidio reads one module-level value for the whole process, so a Linter cannot have its own:
    the value is the largest ``regex_timeout`` of any Linter built in this process (a Linter built
    with a tiny timeout must not make every other Linter's drafts time out).
    """
    global _presidio_cap
    _presidio_cap = seconds if _presidio_cap is None else max(_presidio_cap, seconds)
    for name in PRESIDIO_TIMEOUT_MODULES:
        module = sys.modules.get(name)
        if module is not None and hasattr(module, "REGEX_TIMEOUT_SECONDS"):
            module.REGEX_TIMEOUT_SECONDS = _presidio_cap
    return _presidio_cap
