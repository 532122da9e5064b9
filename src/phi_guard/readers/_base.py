"""What every reader shares: a read-only view of a folder or ZIP, the inventory of files seen
and read, the Record builder, Meta's mojibake fix and timestamp normalization.

Readers never evaluate export code, never extract a ZIP to disk and never follow a path out of
the export. Messages name files, JSON pointers and fields, never a value.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self

from .._errors import InputError, PhiGuardError
from .._types import Draft, InReplyTo
from ..records import Record, RecordError, _DuplicateKey, _has_lone_surrogate, _no_duplicates

MAX_MEMBER_BYTES = 512 * 1024 * 1024  # one export file; larger ones are reported, not read


class ExportError(PhiGuardError):
    """A whole export cannot be opened (not a folder, not a ZIP)."""

    code = "PG901"


_PART = re.compile(r"^(?P<base>.*?)(?:[-_](?:part)?(?P<n>[0-9]+))?(?P<ext>\.[A-Za-z0-9]+)?$")


def export_order(name: str) -> tuple[str, str, int, str]:
    """Sort key: by folder, then a file before its numbered parts (tweets.js, tweets-part1.js, ...)."""
    folder, _, leaf = name.rpartition("/")
    m = _PART.match(leaf)
    assert m is not None  # the pattern matches any string
    return folder, m.group("base") + (m.group("ext") or ""), int(m.group("n") or -1), leaf


class Tree:
    """The files of an export folder or ZIP, named relative to its root with '/'."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        if path.is_dir():
            self._names = sorted((p.relative_to(path).as_posix() for p in path.rglob("*")
                                  if p.is_file() and not p.is_symlink()), key=export_order)
        elif path.is_file() and zipfile.is_zipfile(path):
            self._zip = zipfile.ZipFile(path)
            self._names = sorted((i.filename for i in self._zip.infolist()
                                  if not i.is_dir() and ".." not in i.filename.split("/")), key=export_order)
        elif path.is_file():
            self._names = [path.name]
            self.path = path.parent
        else:
            raise ExportError(f"PG901: cannot read input '{path.name}' (no such file or folder)")

    def names(self) -> list[str]:
        return list(self._names)

    def size(self, name: str) -> int:
        if self._zip is not None:
            return self._zip.getinfo(name).file_size
        return (self.path / name).stat().st_size

    def read_bytes(self, name: str) -> bytes:
        if self.size(name) > MAX_MEMBER_BYTES:
            raise InputError(f"file_too_large: '{name}' is larger than {MAX_MEMBER_BYTES} bytes")
        if self._zip is not None:
            return self._zip.read(name)
        return (self.path / name).read_bytes()

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass(frozen=True, slots=True)
class Unread:
    """A file of the export that no reader read, and why."""

    path: str
    reason: str


@dataclass
class Inventory:
    """Which files of an export were read; everything else is reported as seen but not read."""

    seen: list[str] = field(default_factory=list)
    read: set[str] = field(default_factory=set)
    reasons: dict[str, str] = field(default_factory=dict)

    def mark_read(self, name: str) -> None:
        self.read.add(name)

    def note(self, name: str, reason: str) -> None:
        self.reasons[name] = reason

    def unread(self) -> list[Unread]:
        return [Unread(n, self.reasons.get(n, "not a file this format's reader reads"))
                for n in self.seen if n not in self.read]


class Counter:
    """The 1-based ``line`` of each output record of one input: its ordinal in the export."""

    def __init__(self) -> None:
        self.n = 0

    def next(self) -> int:
        self.n += 1
        return self.n


@dataclass(frozen=True, slots=True)
class Item:
    """What a reader found for one draft, before it becomes a Record."""

    text: Any
    source: str
    kind: str = "post"
    platform: str | None = None
    in_reply_to: InReplyTo | None = None
    platform_id: str | None = None
    created_at: str | None = None
    url: str | None = None


def build(item: Item, line: int) -> Record | RecordError:
    """A Record for ``item``, or a RecordError naming the field and the source (never the value)."""
    pid = item.platform_id
    if not isinstance(item.text, str):
        return RecordError(line, "PG910", f"invalid_text: no text at {item.source}", pid, source=item.source)
    if _has_lone_surrogate(item.text):
        return RecordError(line, "PG910", f"invalid_text: text at {item.source} holds a lone surrogate",
                           pid, source=item.source)
    try:
        draft = Draft(text=item.text, kind=item.kind, platform=item.platform,
                      in_reply_to=_clean_reply(item.in_reply_to), id=pid)
    except InputError as exc:
        return RecordError(line, "PG910", f"{exc} (at {item.source})", pid, source=item.source)
    return Record(line, draft, source=item.source, platform_id=pid, created_at=item.created_at, url=item.url)


def _clean_reply(reply: InReplyTo | None) -> InReplyTo | None:
    if reply is None:
        return None
    author = reply.author if reply.author and not _has_lone_surrogate(reply.author) else None
    text = reply.text if reply.text and not _has_lone_surrogate(reply.text) else None
    return InReplyTo(author=author, text=text)


def file_error(line: int, name: str, what: str) -> RecordError:
    """One error record for a file that could not be read at all."""
    return RecordError(line, "PG910", what if f"'{name}'" in what else f"{what} ('{name}')", None, source=name)


def load_json(data: bytes, name: str) -> Any:
    """Strict JSON: UTF-8 (BOM allowed), no duplicate keys. InputError naming the file otherwise."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid_utf8: '{name}' has invalid UTF-8 at byte offset {exc.start}") from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates)
    except _DuplicateKey:
        raise InputError(f"duplicate_key: '{name}' has an object with a key that appears twice") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid_json: '{name}' is not valid JSON (line {exc.lineno})") from None
    except RecursionError:
        raise InputError(f"invalid_json: '{name}' is nested too deeply") from None


def fix_mojibake(value: Any) -> Any:
    """Undo Meta's escaping of each UTF-8 byte as its own code point, in every string of ``value``.

    ``"RadosÅ\\u0082aw"`` -> ``"Radosław"``. A string is changed only when it round-trips: all its
    code points are below 256 and their bytes are valid UTF-8; anything else is left as it is.
    """
    if isinstance(value, str):
        try:
            return value.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return value
    if isinstance(value, list):
        return [fix_mojibake(v) for v in value]
    if isinstance(value, dict):
        return {k: fix_mojibake(v) for k, v in value.items()}
    return value


def pointer(*parts: object) -> str:
    """An RFC 6901 JSON pointer."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def iso_from_epoch(value: Any, millis: bool = False) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    seconds = value / 1000 if millis else value
    try:
        return dt.datetime.fromtimestamp(seconds, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (OverflowError, OSError, ValueError):
        return None


def iso_from_text(value: Any, fmt: str | None = None) -> str | None:
    """ISO 8601 in UTC from an export's date text (``fmt`` for strptime, else ISO 8601)."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        if fmt is not None:
            parsed = dt.datetime.strptime(value.strip(), fmt)
        else:
            parsed = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def str_or_none(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return str(int(value)) if float(value).is_integer() else str(value)
    return value if isinstance(value, str) and value else None


def iter_items(items: Iterator[Item], counter: Counter) -> Iterator[Record | RecordError]:
    for item in items:
        yield build(item, counter.next())
