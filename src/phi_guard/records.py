"""Input records (JSON Lines, shared/eval/GUIDELINES.md format) -> Drafts, losing nothing.

Every non-blank line yields exactly one item: a Draft, or a RecordError naming the field and the
line (never the value). Lines split on "\\n" only, so U+2028 inside a string is just a
character; a UTF-8 BOM and CRLF endings are accepted; invalid UTF-8 is an error with its byte
offset; duplicate keys are an error (a platform and phi-guard must not read one record two ways).
Blank lines are skipped and counted (``ReadStats``). A line longer than ``max_line_bytes`` is an
``input_too_large`` error and is skipped to its end without being held in memory: never
truncated into a shorter record. Whatever else goes wrong reading one line is an error record
for that line (``invalid_record``), never an exception that ends the stream.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from ._errors import InputError
from ._types import KINDS, Authorization, Draft, InReplyTo

DEFAULT_MAX_CHARS = 100_000  # the size cap of a draft's text (Settings.max_chars)


@dataclass(frozen=True, slots=True)
class RecordError:
    line: int
    code: str
    message: str
    id: str | int | None = None
    source: str | None = None  # readers: the file and line or JSON pointer

    @property
    def error(self) -> str:
        return f"{self.code}: {self.message}"


@dataclass(slots=True)
class ReadStats:
    """What a reader saw besides records (mutable: filled in while reading)."""

    lines: int = 0
    blank_lines: int = 0


@dataclass(frozen=True, slots=True)
class Record:
    line: int
    draft: Draft
    # Provenance, where the input has it (CONTRACTS 6): readers of platform exports add all four;
    # JSON Lines input carries its own optional created_at and url.
    source: str | None = None
    platform_id: str | None = None
    created_at: str | None = None
    url: str | None = None

    def provenance(self) -> dict[str, str]:
        """The provenance fields that are set, in a fixed order."""
        pairs = (("source", self.source), ("platform_id", self.platform_id),
                 ("created_at", self.created_at), ("url", self.url))
        return {k: v for k, v in pairs if v is not None}


class _DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


class _NotJson(ValueError):
    pass


def _no_constant(name: str) -> Any:
    raise _NotJson(name)


def _has_lone_surrogate(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def iter_records(stream: BinaryIO, max_line_bytes: int | None = None,
                 stats: ReadStats | None = None) -> Iterator[Record | RecordError]:
    """One Record or RecordError per non-blank line of a JSON Lines byte stream."""
    for line_no, body, start in iter_lines(stream, max_line_bytes, stats):
        if body is None:
            yield RecordError(line_no, "PG911", f"input_too_large: line is over {max_line_bytes} bytes")
        else:
            yield parse_line(body, line_no, start)


def iter_lines(stream: BinaryIO, max_line_bytes: int | None = None,
               stats: ReadStats | None = None) -> Iterator[tuple[int, bytes | None, int]]:
    """(1-based line number, line without its ending, byte offset) of each non-blank line.

    The line is None for a line over ``max_line_bytes`` (only when a cap is given)."""
    stats = stats if stats is not None else ReadStats()
    for line_no, (raw, start) in enumerate(_lines(stream, max_line_bytes), 1):
        stats.lines += 1
        if raw is None:
            yield line_no, None, start
            continue
        if line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
            start += 3
        body = raw.rstrip(b"\r\n")
        if not body.strip():
            stats.blank_lines += 1
            continue
        yield line_no, body, start


def _lines(stream: BinaryIO, limit: int | None) -> Iterator[tuple[bytes | None, int]]:
    """(line, byte offset) per line; (None, offset) for a line over ``limit`` bytes."""
    offset = 0
    while True:
        raw = stream.readline(limit + 1) if limit else stream.readline()
        if not raw:
            return
        if limit and len(raw) > limit and not raw.endswith(b"\n"):
            size = len(raw) + _skip_line(stream)
            yield None, offset
            offset += size
            continue
        yield raw, offset
        offset += len(raw)


def _skip_line(stream: BinaryIO) -> int:
    skipped = 0
    while True:
        more = stream.readline(1 << 16)
        skipped += len(more)
        if not more or more.endswith(b"\n"):
            return skipped


def parse_line(body: bytes, line_no: int, byte_offset: int = 0) -> Record | RecordError:
    try:
        return _parse_line(body, line_no, byte_offset)
    except Exception as exc:  # noqa: BLE001 - one bad line is one error record, never a crash
        return RecordError(line_no, "PG910", f"invalid_record: the record could not be read ({type(exc).__name__})")


def _parse_line(body: bytes, line_no: int, byte_offset: int) -> Record | RecordError:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        return RecordError(line_no, "PG910", f"invalid_utf8: invalid UTF-8 at byte offset {byte_offset + exc.start}")
    try:
        obj = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except _NotJson:
        return RecordError(line_no, "PG910", "invalid_json: NaN and Infinity are not JSON")
    except _DuplicateKey as exc:
        return RecordError(line_no, "PG910", f"duplicate_key: key '{_safe_key(str(exc))}' appears twice")
    except json.JSONDecodeError as exc:
        return RecordError(line_no, "PG910", f"invalid_json: not valid JSON ({_json_reason(exc.msg)}, column {exc.colno})")
    except RecursionError:
        return RecordError(line_no, "PG910", "invalid_json: nested too deeply")
    except ValueError:  # e.g. an integer over Python's digit limit
        return RecordError(line_no, "PG910", "invalid_json: a number is out of range")
    if not isinstance(obj, dict):
        return RecordError(line_no, "PG910", "invalid_record: a record must be a JSON object")
    try:
        return Record(line_no, draft_from_obj(obj), created_at=_opt_str(obj.get("created_at")),
                      url=_opt_str(obj.get("url")))
    except InputError as exc:
        rid = obj.get("id") if isinstance(obj.get("id"), (str, int)) and not isinstance(obj.get("id"), bool) else None
        return RecordError(line_no, "PG910", str(exc), rid if rid is None or not _has_lone_surrogate(str(rid)) else None)


_JSON_REASONS = ("Expecting value", "Expecting ',' delimiter", "Expecting ':' delimiter",
                 "Expecting property name enclosed in double quotes", "Unterminated string",
                 "Invalid control character", "Invalid \\escape", "Invalid \\uXXXX escape", "Extra data")


def _json_reason(msg: str) -> str:
    """The json module's reason, from a fixed list (some of its messages quote a character)."""
    for reason in _JSON_REASONS:
        if msg.startswith(reason):
            return reason[0].lower() + reason[1:]
    return "syntax error"


def _opt_str(value: Any) -> str | None:
    return value if isinstance(value, str) and value and not _has_lone_surrogate(value) else None


def _safe_key(key: str) -> str:
    known = {"id", "text", "kind", "platform", "in_reply_to", "consent", "created_at", "url", "allow"}
    return key if key in known else "(unknown key)"


def draft_from_obj(obj: dict[str, Any]) -> Draft:
    """A Draft from one input record; InputError naming the field when it cannot be built."""
    if "text" not in obj:
        raise InputError("missing_text: field 'text' is missing")
    text = obj["text"]
    if not isinstance(text, str):
        raise InputError(f"invalid_text: field 'text' must be a string, not {_type_name(text)}")
    if _has_lone_surrogate(text):
        raise InputError("invalid_text: field 'text' holds a lone surrogate")
    rid = obj.get("id")
    if rid is not None and (isinstance(rid, bool) or not isinstance(rid, (str, int, float))):
        raise InputError("invalid_id: field 'id' must be a string or a number")
    if isinstance(rid, float):
        rid = int(rid) if rid.is_integer() else str(rid)
    if isinstance(rid, str) and _has_lone_surrogate(rid):
        raise InputError("invalid_id: field 'id' holds a lone surrogate")
    kind = obj.get("kind")
    kind = "post" if kind is None else kind  # "", 0, [] and false are not "no kind"
    if not isinstance(kind, str) or kind not in KINDS:
        raise InputError("invalid_kind: field 'kind' must be one of comment, dm, post, reply")
    platform = obj.get("platform")
    if platform is not None and not isinstance(platform, str):
        raise InputError("invalid_platform: field 'platform' must be a string or null")
    return Draft(text=text, kind=kind, platform=platform, in_reply_to=_in_reply_to(obj.get("in_reply_to")),
                 consent=consent_from_json(obj.get("consent", False)), id=rid)


def _in_reply_to(value: Any) -> InReplyTo | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise InputError("invalid_in_reply_to: field 'in_reply_to' must be an object or null")
    for key in ("author", "text"):
        v = value.get(key)
        if v is not None and (not isinstance(v, str) or _has_lone_surrogate(v)):
            raise InputError(f"invalid_in_reply_to: field 'in_reply_to.{key}' must be a string or null")
    return InReplyTo(author=value.get("author"), text=value.get("text"))


def consent_from_json(value: Any) -> bool | Authorization:
    """``false``, ``true`` or ``{"subjects": [...], "reference": ..., "scope": [...]}``; nothing else."""
    if value is None or value is False:
        return False
    if value is True:
        return True
    if isinstance(value, dict) and isinstance(value.get("subjects"), list):
        scope = value.get("scope") or []
        if not isinstance(scope, list):
            raise InputError("invalid_consent: field 'consent.scope' must be a list of strings")
        return Authorization(subjects=tuple(value["subjects"]), reference=value.get("reference"),
                             scope=tuple(scope))
    raise InputError("invalid_consent: field 'consent' must be true, false or an object with 'subjects'")


def _type_name(value: Any) -> str:
    return {type(None): "null", bool: "a boolean", int: "a number", float: "a number",
            list: "a list", dict: "an object"}.get(type(value), "another type")


def drafts_only(items: Iterable[Record | RecordError]) -> Iterator[Draft]:
    for item in items:
        if isinstance(item, Record):
            yield item.draft
