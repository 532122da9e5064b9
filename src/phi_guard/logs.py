"""Logging that cannot leak drafts: third-party loggers quieted, a filter that drops arguments.

phi-guard's own log calls pass only codes, counts and type names, and a test checks that every
call's message is a constant string. As a second line of defence, every record reaching the
handler is rewritten by ``RedactingFilter``:

- records from other libraries keep only their logger name and level (Presidio logs texts at
  DEBUG, and its IBAN recognizer logs the text it failed to validate at ERROR), and are dropped
  below WARNING;
- arguments of phi-guard's own records are replaced by their type names unless they are numbers
  or marked ``Safe`` (a code, a field name, an exception's type name);
- tracebacks and stack information are dropped (exception messages can quote their input);
- warnings (``warnings.warn``) go through logging too, so they are withheld the same way.

Presidio swallows its own regex timeouts (it logs a warning and skips the pattern). The
``presidio-analyzer`` logger therefore keeps level WARNING with a filter that turns such a
record into a fault of the draft being checked (``deadline.note_fault``) and emits nothing.
"""

from __future__ import annotations

import logging

from . import deadline

_QUIET = ("presidio-anonymizer", "presidio_analyzer", "presidio_anonymizer", "decision_process",
          "tldextract", "filelock", "urllib3", "requests", "spacy", "thinc", "weasel")
PRESIDIO_LOGGER = "presidio-analyzer"


class Safe(str):
    """A log argument known to hold no draft text (a code, a field name, a type name)."""


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        if not record.name.startswith("phi_guard"):
            record.msg = f"[{record.name}] message withheld (may hold draft text)"
            record.args = ()
            return record.levelno >= logging.WARNING
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(_safe(a) for a in args)
        return True


def _safe(value: object) -> object:
    if isinstance(value, (int, float)) or type(value) is Safe:
        return value
    return type(value).__name__


class _PresidioWatch(logging.Filter):
    """Presidio's swallowed timeouts become faults of the current draft; nothing is emitted."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING and "timed out" in str(record.msg):
            deadline.note_fault("presidio_timeout")
        return False


_WATCH = _PresidioWatch()


def watch_presidio() -> None:
    """Idempotent: keep Presidio's warnings reaching the watch (and nothing past it)."""
    logger = logging.getLogger(PRESIDIO_LOGGER)
    logger.setLevel(logging.WARNING)
    if _WATCH not in logger.filters:
        logger.addFilter(_WATCH)


def configure(level: str = "warning") -> None:
    for name in _QUIET:
        logging.getLogger(name).setLevel(logging.ERROR)
    watch_presidio()
    logging.captureWarnings(True)
    root = logging.getLogger()
    handler = logging.StreamHandler()
    handler.addFilter(RedactingFilter())
    handler.setFormatter(logging.Formatter("phi-guard %(levelname)s %(message)s"))
    root.handlers[:] = [handler]
    root.setLevel(getattr(logging, level.upper(), logging.WARNING))
