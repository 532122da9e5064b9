"""Logging that cannot leak drafts: third-party loggers quieted, a filter that drops arguments.

phi-guard's own log calls pass only codes, counts and type names. As a second line of defence,
every record reaching a handler has its arguments replaced by their type names unless they are
numbers, and records from other libraries below WARNING are dropped (Presidio logs texts at DEBUG).
"""

from __future__ import annotations

import logging

_QUIET = ("presidio-analyzer", "presidio-anonymizer", "presidio_analyzer", "presidio_anonymizer",
          "tldextract", "filelock", "urllib3", "requests", "spacy", "thinc", "weasel")


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith("phi_guard"):
            record.msg = f"[{record.name}] message withheld (may hold draft text)"
            record.args = ()
            return record.levelno >= logging.WARNING
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(a if isinstance(a, (int, float)) else _safe(a) for a in args)
        return True


def _safe(value: object) -> str:
    return value if isinstance(value, str) and value.isidentifier() and len(value) < 40 else type(value).__name__  # type: ignore[return-value]


def configure(level: str = "warning") -> None:
    for name in _QUIET:
        logging.getLogger(name).setLevel(logging.ERROR)
    root = logging.getLogger()
    handler = logging.StreamHandler()
    handler.addFilter(RedactingFilter())
    handler.setFormatter(logging.Formatter("phi-guard %(levelname)s %(message)s"))
    root.handlers[:] = [handler]
    root.setLevel(getattr(logging, level.upper(), logging.WARNING))
