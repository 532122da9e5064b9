"""What ``phi-guard check`` reads: PATH... -> Items, one per draft, in order.

A ``.jsonl`` (or ``.ndjson``) file holds one draft a line (shared/eval/GUIDELINES.md format,
plus an optional ``allow`` list); any other file is one draft (``--kind`` and ``--reply-to``
describe it); ``-`` reads one draft from stdin; a directory is searched for .txt, .md and
.jsonl files, hidden folders skipped, in sorted order. A file that cannot be read or decoded
becomes an error item of its own, so the rest is still checked.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from . import allow
from ._errors import InputError
from ._types import Draft, InReplyTo
from .allow import Allowance
from .locate import RecordLocator, TextLocator
from .records import Record, iter_lines, parse_line

RECORD_SUFFIXES = (".jsonl", ".ndjson")
DRAFT_SUFFIXES = (".txt", ".md", *RECORD_SUFFIXES)


@dataclass(frozen=True, slots=True)
class TextOptions:
    kind: str | None = None  # for text drafts; "reply" when only reply_to is given
    reply_to: str | None = None
    max_chars: int = 100_000


@dataclass(frozen=True, slots=True)
class Item:
    source: str  # the file as reports name it: relative posix path, or "-" for stdin
    line: int  # the record's line in its file (1 for a text draft)
    identity: str  # what fingerprints key on: source, source#id, or source:line
    draft: Draft | None
    error: str | None = None  # "PG9xx: message" when no Draft could be built
    allowances: tuple[Allowance, ...] = ()
    locator: TextLocator | RecordLocator | None = None
    id: str | int | None = None


def iter_items(paths: Sequence[str], opts: TextOptions, cwd: Path) -> Iterator[Item]:
    for path in expand(paths):
        if path == "-":
            yield _text_item("-", sys.stdin.buffer, opts)
            continue
        source = display(Path(path), cwd)
        try:
            with open(path, "rb") as fh:
                if Path(path).suffix.lower() in RECORD_SUFFIXES:
                    yield from _record_items(source, fh)
                else:
                    yield _text_item(source, fh, opts)
        except OSError as exc:
            yield Item(
                source, 1, source, None, f"PG910: unreadable: cannot read the file ({exc.strerror})"
            )


def expand(paths: Sequence[str]) -> Iterator[str]:
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            found = [
                f
                for f in p.rglob("*")
                if f.is_file()
                and f.suffix.lower() in DRAFT_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            ]
            yield from (str(f) for f in sorted(found))
        else:
            yield path


def display(path: Path, cwd: Path) -> str:
    try:
        return path.resolve().relative_to(cwd.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _text_item(source: str, fh: BinaryIO, opts: TextOptions) -> Item:
    limit = opts.max_chars * 4 + 4  # UTF-8 takes at most 4 bytes a character
    data = fh.read(limit + 1)
    if len(data) > limit:
        return Item(
            source,
            1,
            source,
            None,
            f"PG911: input_too_large: text has more than {opts.max_chars} characters",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Item(
            source,
            1,
            source,
            None,
            f"PG910: invalid_utf8: invalid UTF-8 at byte offset {exc.start}",
        )
    try:
        found = allow.from_text(text)
    except InputError as exc:
        return Item(source, 1, source, None, f"PG910: {exc}")
    kind = opts.kind or ("reply" if opts.reply_to else "post")
    reply = InReplyTo(author=opts.reply_to) if opts.reply_to else None
    draft = Draft(text=found.text, kind=kind, in_reply_to=reply)
    return Item(source, 1, source, draft, None, found.allowances, TextLocator(found.text))


def _record_items(source: str, fh: BinaryIO) -> Iterator[Item]:
    for line_no, body, start in iter_lines(fh):
        parsed = parse_line(body, line_no, start)
        if not isinstance(parsed, Record):
            ident = f"{source}#{parsed.id}" if parsed.id is not None else f"{source}:{line_no}"
            yield Item(source, line_no, ident, None, parsed.error, id=parsed.id)
            continue
        draft = parsed.draft
        ident = f"{source}#{draft.id}" if draft.id is not None else f"{source}:{line_no}"
        raw = body.decode("utf-8")
        try:
            allowances = allow.from_json(json.loads(raw).get("allow")) if '"allow"' in raw else ()
        except InputError as exc:
            yield Item(source, line_no, ident, None, f"PG910: {exc}", id=draft.id)
            continue
        yield Item(
            source, line_no, ident, draft, None, allowances, RecordLocator(raw, line_no), draft.id
        )
