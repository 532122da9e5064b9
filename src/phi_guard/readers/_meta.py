"""What Facebook's and Instagram's "Download your information" JSON share: Meta's mojibake,
Messenger-style inbox threads, and working out whose account the export is.

Meta writes every UTF-8 byte of a string as its own code point (``RadosÅ\\u0082aw``); each file
is fixed with ``fix_mojibake`` right after it is parsed, before anything reads it, so offsets
refer to the fixed text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from .._errors import InputError
from .._types import InReplyTo
from ._base import (
    Counter,
    Inventory,
    Item,
    Tree,
    build,
    file_error,
    fix_mojibake,
    iso_from_epoch,
    load_json,
    pointer,
)

THREAD = re.compile(r"(?:^|/)messages/(?:inbox|archived_threads|filtered_threads|message_requests|e2ee_cutover)"
                    r"/[^/]+/message_[0-9]+\.json$")
MEDIA = re.compile(r"\.(?:jpe?g|png|gif|webp|heic|mp4|mov|m4a|mp3|aac|wav|webm|pdf)$", re.IGNORECASE)
Parse = Callable[[Any, str], Iterator[Item]]


def load(tree: Tree, name: str) -> Any:
    """One Meta JSON file, parsed strictly, with every string's mojibake fixed."""
    return fix_mojibake(load_json(tree.read_bytes(name), name))


def read_files(tree: Tree, inv: Inventory, counter: Counter, pattern: re.Pattern[str], parse: Parse) -> Iterator[Any]:
    for name in [n for n in inv.seen if pattern.search(n)]:
        inv.mark_read(name)
        try:
            items = list(parse(load(tree, name), name))
        except InputError as exc:
            yield file_error(counter.next(), name, str(exc))
            continue
        except (LookupError, TypeError, AttributeError, ValueError):
            yield file_error(counter.next(), name, "meta_shape: the file does not have the layout of a Meta export")
            continue
        for item in items:
            yield build(item, counter.next())


def note_media(inv: Inventory) -> None:
    for name in inv.seen:
        if MEDIA.search(name):
            inv.note(name, "media: phi-guard checks text only")


def guess_owner(tree: Tree, inv: Inventory) -> set[str]:
    """The account holder's name as inbox threads spell it: the one participant of every thread."""
    common: set[str] | None = None
    threads = 0
    for name in inv.seen:
        if not THREAD.search(name) or not name.endswith("message_1.json"):
            continue
        try:
            data = load(tree, name)
        except InputError:
            continue
        people: set[str] = {p["name"] for p in data.get("participants", []) if isinstance(p, dict)
                            and isinstance(p.get("name"), str)} if isinstance(data, dict) else set()
        common = people if common is None else common & people
        threads += 1
    if threads >= 2 and common is not None and len(common) == 1:
        return {n for n in common if isinstance(n, str)}
    return set()


def thread_items(owner: set[str], platform: str) -> Parse:
    """A parser of one inbox thread file: the owner's messages as ``dm`` drafts, oldest first.

    Each answers the last message someone else sent before it. Without a known owner every
    message is checked (fail closed).
    """
    def parse(data: Any, name: str) -> Iterator[Item]:
        if not isinstance(data, dict) or not isinstance(data.get("messages"), list):
            raise InputError(f"meta_shape: '{name}' has no 'messages' list")
        order = sorted(((m.get("timestamp_ms", 0) if isinstance(m, dict) else 0, -j, j)
                        for j, m in enumerate(data["messages"])), key=lambda t: (_num(t[0]), t[1]))
        last: InReplyTo | None = None
        for _, _, j in order:
            msg = data["messages"][j]
            if not isinstance(msg, dict) or "content" not in msg or msg.get("is_unsent"):
                continue
            sender = msg.get("sender_name")
            if owner and sender not in owner:
                last = InReplyTo(author=sender if isinstance(sender, str) else None,
                                 text=msg["content"] if isinstance(msg["content"], str) else None)
                continue
            yield Item(text=msg["content"], source=f"{name}#{pointer('messages', j, 'content')}", kind="dm",
                       platform=platform, in_reply_to=last if owner else None,
                       created_at=iso_from_epoch(msg.get("timestamp_ms"), millis=True))
    return parse


def _num(value: Any) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def first_list(data: Any, keys: tuple[str, ...]) -> tuple[list[Any], tuple[str, ...]]:
    """The records list of a Meta file: the file itself, or the first of ``keys`` holding a list."""
    if isinstance(data, list):
        return data, ()
    if isinstance(data, dict):
        for key in keys:
            if isinstance(data.get(key), list):
                return data[key], (key,)
    return [], ()
