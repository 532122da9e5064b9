"""Allowances: a compliance officer's per-draft exception, tied to a written authorization.

In a JSONL record::

    "allow": [{"rule": "PG214", "authorization": "AUTH-2024-117", "reason": "signed story release",
               "approved_by": "Dana Lee", "expires": "2027-01-31"}]

In a .txt or .md draft, either TOML front matter (only its ``phi-guard`` tables are read, and
blanked before checking)::

    +++
    [[phi-guard.allow]]
    rule = "PG214"
    authorization = "AUTH-2024-117"
    ...
    +++

or trailing comment lines, one allowance each, after the draft's last line::

    <!-- phi-guard-allow rule=PG214 authorization=AUTH-2024-117 approved_by="Dana Lee" expires=2027-01-31 reason="signed story release" -->

Every field is required; an allowance without one (the authorization reference above all) is
refused with an error naming the field, never its value. ``rule`` is a code or a prefix
("PG2xx"); the tool's own PG9xx codes cannot be allowed.
"""

from __future__ import annotations

import datetime as dt
import shlex
import tomllib
from dataclasses import dataclass
from typing import Any

import regex

from . import codes
from ._errors import InputError

FIELDS = ("rule", "authorization", "reason", "approved_by", "expires")
_COMMENT = regex.compile(r"^[ \t]*<!--[ \t]*phi-guard-allow\b(?P<body>.*?)-->[ \t]*\r?$")
_COMMENT_START = regex.compile(r"<!--[ \t]*phi-guard-allow\b")
_TABLE = regex.compile(r"^[ \t]*\[\[?[ \t]*(?P<name>[^\]]+?)[ \t]*\]\]?[ \t]*(?:#.*)?\r?$")


@dataclass(frozen=True, slots=True)
class Allowance:
    rule: str  # a code or a prefix, normalized ("PG2xx" -> "PG2")
    authorization: str
    reason: str
    approved_by: str
    expires: dt.date

    def covers(self, code: str) -> bool:
        return code.startswith(self.rule)

    def expired(self, today: dt.date) -> bool:
        return self.expires < today

    def to_dict(self) -> dict[str, str]:
        """What reports list: the reason stays in the draft's source (it may name people)."""
        return {
            "rule": self.rule,
            "authorization": self.authorization,
            "approved_by": self.approved_by,
            "expires": self.expires.isoformat(),
        }


def from_json(value: Any, where: str = "allow") -> tuple[Allowance, ...]:
    """Allowances from a record's ``allow`` value; InputError naming the field when one is bad."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise InputError(f"invalid_allow: field '{where}' must be a list of objects")
    return tuple(_one(item, f"{where}[{i}]") for i, item in enumerate(value))


def _one(item: Any, where: str) -> Allowance:
    if not isinstance(item, dict):
        raise InputError(f"invalid_allow: field '{where}' must be an object")
    for key in item:
        if key not in FIELDS:
            raise InputError(
                f"invalid_allow: field '{where}' has an unknown key; known: {', '.join(FIELDS)}"
            )
    for key in FIELDS:
        value = item.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise InputError(f"invalid_allow: field '{where}.{key}' is missing")
    rule = codes.normalize(item["rule"])
    if rule is None or codes.is_tool_code(rule):
        raise InputError(
            f"invalid_allow: field '{where}.rule' must be a rule code or prefix outside PG9xx"
        )
    for key in ("authorization", "reason", "approved_by"):
        if not isinstance(item[key], str):
            raise InputError(f"invalid_allow: field '{where}.{key}' must be a string")
    return Allowance(
        rule,
        item["authorization"].strip(),
        item["reason"],
        item["approved_by"].strip(),
        _date(item["expires"], f"{where}.expires"),
    )


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InputError(f"invalid_allow: field '{where}' must be a date (YYYY-MM-DD)")


@dataclass(frozen=True, slots=True)
class TextAllowances:
    text: str  # the draft to check: allowance lines blanked (offsets and lines unchanged)
    allowances: tuple[Allowance, ...]


def from_text(text: str) -> TextAllowances:
    """Allowances written in a text draft, and the draft with them blanked out."""
    lines = text.splitlines(keepends=True)
    front, lines = _front_matter(lines)
    trailing, lines = _trailing(lines)
    return TextAllowances("".join(lines), front + trailing)


def _blank(line: str) -> str:
    body = line.rstrip("\r\n")
    return " " * len(body) + line[len(body) :]


def _front_matter(lines: list[str]) -> tuple[tuple[Allowance, ...], list[str]]:
    if not lines or lines[0].rstrip("\r\n").strip() != "+++":
        return (), lines
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r\n").strip() == "+++"), None)
    if end is None:
        return (), lines
    ours, inside = [], False
    out = list(lines)
    for i in range(1, end):
        m = _TABLE.match(lines[i].rstrip("\n"))
        if m:
            name = m["name"].replace('"', "").strip()
            inside = name == "phi-guard" or name.startswith("phi-guard.")
        if inside:
            ours.append(lines[i])
            out[i] = _blank(lines[i])
    if not ours:
        return (), lines
    try:
        table = tomllib.loads("".join(ours))
    except tomllib.TOMLDecodeError:
        raise InputError(
            "invalid_allow: the front matter's phi-guard table is not valid TOML"
        ) from None
    section = table.get("phi-guard")
    if not isinstance(section, dict) or set(section) - {"allow"}:
        raise InputError("invalid_allow: the front matter's phi-guard table takes only 'allow'")
    return from_json(section.get("allow"), "phi-guard.allow"), out


def _trailing(lines: list[str]) -> tuple[tuple[Allowance, ...], list[str]]:
    start = len(lines)
    while start > 0 and (
        not lines[start - 1].strip() or _COMMENT.match(lines[start - 1].rstrip("\n"))
    ):
        start -= 1
    for i, line in enumerate(lines[:start]):
        if _COMMENT_START.search(line):
            raise InputError(
                f"invalid_allow: an allowance comment on line {i + 1} is not at the end of the draft"
            )
    found = tuple(
        _one(_comment(lines[i], i + 1), f"allow line {i + 1}")
        for i in range(start, len(lines))
        if lines[i].strip()
    )
    return found, lines[:start] + [_blank(line) for line in lines[start:]]


def _comment(line: str, line_no: int) -> dict[str, str]:
    m = _COMMENT.match(line.rstrip("\n"))
    assert m is not None
    try:
        tokens = shlex.split(m["body"])
    except ValueError:
        raise InputError(
            f"invalid_allow: the allowance comment on line {line_no} has an unclosed quote"
        ) from None
    item: dict[str, str] = {}
    for token in tokens:
        key, sep, value = token.partition("=")
        if not sep or key not in FIELDS or key in item:
            raise InputError(
                f"invalid_allow: the allowance comment on line {line_no} needs key=value pairs "
                f"of {', '.join(FIELDS)}, each once"
            )
        item[key] = value
    return item
