"""Rule selectors, as ruff reads them: a full code ("PG101") or a prefix ("PG2", written "PG2xx"
in the issues) that selects every code starting with it."""

from __future__ import annotations

from collections.abc import Iterable

import regex

_SELECTOR = regex.compile(r"^PG(?P<digits>\d{0,3})(?P<xs>x{0,3})$", regex.I)


def normalize(value: object) -> str | None:
    """ "PG2xx" -> "PG2", "pg101" -> "PG101"; None when ``value`` is not a selector."""
    if not isinstance(value, str):
        return None
    m = _SELECTOR.match(value.strip())
    if (
        m is None
        or len(m["digits"]) + len(m["xs"]) > 3
        or (m["xs"] and len(m["digits"]) + len(m["xs"]) != 3)
    ):
        return None
    return "PG" + str(m["digits"])


def matches(code: str, selectors: Iterable[str]) -> bool:
    return any(code.startswith(s) for s in selectors)


def most_specific(code: str, table: Iterable[tuple[str, object]]) -> object | None:
    """The value of the longest selector in ``table`` that matches ``code``."""
    best: tuple[int, object] | None = None
    for selector, value in table:
        if code.startswith(selector) and (best is None or len(selector) > best[0]):
            best = (len(selector), value)
    return None if best is None else best[1]


def is_tool_code(selector: str) -> bool:
    """PG9xx are the tool's own codes (bad input, timeouts): never ignored or allowed."""
    return selector.startswith("PG9") or selector == "PG"
