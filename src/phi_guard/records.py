"""Input records (JSON Lines, shared/eval/GUIDELINES.md format) -> Drafts, losing nothing.

Every non-blank line yields exactly one item: a Draft, or a RecordError naming the field and the
line (never the value). Lines split on "\\n" only, so U+2028 inside a string is just a
character; a UTF-8 BOM and CRLF endings are accepted; invalid UTF-8 is an error with its byte
offset; duplicate keys are an error (a platform and phi-guard must not read one record two ways).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from ._errors import InputError
from ._types import KINDS, Authorization, Draft, InReplyTo


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


def _has_lone_surrogate(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def iter_records(stream: BinaryIO) -> Iterator[Record | RecordError]:
    """One Record or RecordError per non-blank line of a JSON Lines byte stream."""
    for line_no, body, start in iter_lines(stream):
        yield parse_line(body, line_no, start)


def iter_lines(stream: BinaryIO) -> Iterator[tuple[int, bytes, int]]:
    """(1-based line number, line without its ending, byte offset) of each non-blank line."""
    offset = 0
    for line_no, raw in enumerate(stream, 1):
        start = offset
        offset += len(raw)
        if line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
            start += 3
        body = raw.rstrip(b"\r\n")
        if not body.strip():
            continue
        yield line_no, body, start


def parse_line(body: bytes, line_no: int, byte_offset: int = 0) -> Record | RecordError:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        return RecordError(line_no, "PG910", f"invalid_utf8: invalid UTF-8 at byte offset {byte_offset + exc.start}")
    try:
        obj = json.loads(text, object_pairs_hook=_no_duplicates)
    except _DuplicateKey as exc:
        return RecordError(line_no, "PG910", f"duplicate_key: key '{_safe_key(str(exc))}' appears twice")
    except json.JSONDecodeError as exc:
        return RecordError(line_no, "PG910", f"invalid_json: not valid JSON (column {exc.colno})")
    except RecursionError:
        return RecordError(line_no, "PG910", "invalid_json: nested too deeply")
    if not isinstance(obj, dict):
        return RecordError(line_no, "PG910", "invalid_record: a record must be a JSON object")
    try:
        return Record(line_no, draft_from_obj(obj), created_at=_opt_str(obj.get("created_at")),
                      url=_opt_str(obj.get("url")))
    except InputError as exc:
        rid = obj.get("id") if isinstance(obj.get("id"), (str, int)) and not isinstance(obj.get("id"), bool) else None
        return RecordError(line_no, "PG910", str(exc), rid if rid is None or not _has_lone_surrogate(str(rid)) else None)


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
    kind = obj.get("kind") or "post"
    if kind not in KINDS:
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
        return Authorization(subjects=tuple(value["subjects"]), reference=value.get("reference"),
                             scope=tuple(value.get("scope") or ()))
    raise InputError("invalid_consent: field 'consent' must be true, false or an object with 'subjects'")


def _type_name(value: Any) -> str:
    return {type(None): "null", bool: "a boolean", int: "a number", float: "a number",
            list: "a list", dict: "an object"}.get(type(value), "another type")


def drafts_only(items: Iterable[Record | RecordError]) -> Iterator[Draft]:
    for item in items:
        if isinstance(item, Record):
            yield item.draft
