"""X (Twitter) archive: a folder or the ZIP X sends, ``data/tweets.js`` and ``tweets-partN.js``
(older archives: ``tweet.js``), ``data/direct-messages.js`` and ``direct-messages-group.js``.

Each ``.js`` file is ``window.YTD.<name>.partN = <JSON>``. The prefix is stripped with a strict
pattern and the rest must be JSON: nothing is evaluated. ``full_text`` holds HTML entities
(``&amp;``, ``&lt;``), unescaped here so offsets refer to the text as people read it. A tweet
answering another account is a ``reply`` whose ``in_reply_to.author`` is ``@screen_name``; a reply
to the archive's own account (a thread) is a ``post``. Direct messages sent by the archive's
account are ``dm`` drafts answering the last message received before them in that conversation;
when ``account.js`` is missing every message is checked (fail closed).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
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
    iso_from_text,
    load_json,
    pointer,
    str_or_none,
)

NAME = "x-archive"
PLATFORM = "x"
# window.YTD.tweets.part0 = [ ... ]   (the name is a lowercase identifier; N is digits)
_PREFIX = re.compile(rb"\A(?:\xef\xbb\xbf)?[ \t\r\n]*window\.YTD\.([a-z][a-z0-9_]*)\.part([0-9]{1,4})[ \t]*=[ \t]*")
_TWEETS = re.compile(r"(?:^|/)tweets?(?:-part[0-9]+)?\.js$")
_DMS = re.compile(r"(?:^|/)direct-messages(?:-group)?(?:-part[0-9]+)?\.js$")
_ACCOUNT = re.compile(r"(?:^|/)account\.js$")
_X_DATE = "%a %b %d %H:%M:%S %z %Y"  # "Wed Oct 10 20:19:24 +0000 2018"
_NOT_READ = {re.compile(r"(?:^|/)data/deleted-tweets(?:-part[0-9]+)?\.js$"): "deleted posts: no longer published",
             re.compile(r"(?:^|/)data/tweets_media/"): "media: phi-guard checks text only"}


def detect(names: list[str]) -> bool:
    return any(_TWEETS.search(n) or _DMS.search(n) for n in names)


def parse_ytd(data: bytes, name: str) -> Any:
    """The JSON after ``window.YTD.<name>.partN =``; InputError when the prefix is not exactly that."""
    match = _PREFIX.match(data)
    if match is None:
        raise InputError(f"x_archive_prefix: '{name}' does not start with window.YTD.<name>.partN =")
    body = data[match.end():].rstrip()
    if body.endswith(b";"):
        body = body[:-1]
    return load_json(body, name)


def read(tree: Tree, inv: Inventory, counter: Counter) -> Iterator[Any]:
    account = _account(tree, inv)
    for name in inv.seen:
        for pattern, reason in _NOT_READ.items():
            if pattern.search(name):
                inv.note(name, reason)
    for name in [n for n in inv.seen if _TWEETS.search(n)]:
        yield from _file(tree, inv, name, counter, _tweets, account)
    for name in [n for n in inv.seen if _DMS.search(n)]:
        yield from _file(tree, inv, name, counter, _dms, account)


def _file(tree: Tree, inv: Inventory, name: str, counter: Counter, parse, account: dict[str, str]) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    inv.mark_read(name)
    try:
        items = list(parse(parse_ytd(tree.read_bytes(name), name), name, account))
    except InputError as exc:
        yield file_error(counter.next(), name, str(exc))
        return
    except (LookupError, TypeError, AttributeError, ValueError):
        yield file_error(counter.next(), name, "x_archive_shape: the file does not have the layout of an X archive")
        return
    for item in items:
        yield build(item, counter.next())


def _account(tree: Tree, inv: Inventory) -> dict[str, str]:
    for name in inv.seen:
        if _ACCOUNT.search(name):
            inv.mark_read(name)
            try:
                data = parse_ytd(tree.read_bytes(name), name)
                acct = data[0]["account"]
                return {"id": str(acct.get("accountId") or ""), "username": str(acct.get("username") or "")}
            except (InputError, LookupError, TypeError, AttributeError):
                return {}
    return {}


def _tweets(data: Any, name: str, account: dict[str, str]) -> Iterator[Item]:
    if not isinstance(data, list):
        raise InputError(f"x_archive_shape: '{name}' does not hold a list of tweets")
    for i, entry in enumerate(data):
        wrapped = isinstance(entry, dict) and isinstance(entry.get("tweet"), dict)
        tweet = entry["tweet"] if wrapped else entry
        where = f"{name}#" + (pointer(i, "tweet") if wrapped else pointer(i))
        if not isinstance(tweet, dict):
            yield Item(text=None, source=where, platform=PLATFORM)
            continue
        yield _tweet(tweet, where, account)


def _tweet(tweet: dict[str, Any], where: str, account: dict[str, str]) -> Item:
    text = tweet.get("full_text", tweet.get("text"))
    tid = str_or_none(tweet.get("id_str")) or str_or_none(tweet.get("id"))
    parent = tweet.get("in_reply_to_screen_name")
    own = account.get("username", "").lower()
    is_reply = isinstance(parent, str) and bool(parent) and parent.lower() != own
    user = account.get("username") or "i/web"
    return Item(text=html.unescape(text) if isinstance(text, str) else text, source=where,
                kind="reply" if is_reply else "post", platform=PLATFORM,
                in_reply_to=InReplyTo(author=f"@{parent}") if is_reply else None, platform_id=tid,
                created_at=iso_from_text(tweet.get("created_at"), _X_DATE),
                url=f"https://x.com/{user}/status/{tid}" if tid else None)


def _dms(data: Any, name: str, account: dict[str, str]) -> Iterator[Item]:
    if not isinstance(data, list):
        raise InputError(f"x_archive_shape: '{name}' does not hold a list of conversations")
    for i, entry in enumerate(data):
        conv = entry.get("dmConversation") if isinstance(entry, dict) else None
        if not isinstance(conv, dict) or not isinstance(conv.get("messages"), list):
            yield Item(text=None, source=f"{name}#{pointer(i)}", kind="dm", platform=PLATFORM)
            continue
        yield from _conversation(conv["messages"], f"{name}#{pointer(i, 'dmConversation', 'messages')}", account)


def _conversation(messages: list[Any], where: str, account: dict[str, str]) -> Iterator[Item]:
    """The account's own messages, oldest first, each answering the last one received before it."""
    found = []
    for j, m in enumerate(messages):
        msg = m.get("messageCreate") if isinstance(m, dict) else None
        if isinstance(msg, dict):
            found.append((str(msg.get("createdAt") or ""), j, msg))
    last_received: str | None = None
    for _, j, msg in sorted(found, key=lambda t: (t[0], -t[1])):
        mine = not account.get("id") or str(msg.get("senderId")) == account["id"]
        text = msg.get("text")
        if not mine:
            last_received = html.unescape(text) if isinstance(text, str) else None
            if account.get("id"):
                continue
        yield Item(text=html.unescape(text) if isinstance(text, str) else text,
                   source=f"{where}/{j}/messageCreate", kind="dm", platform=PLATFORM,
                   in_reply_to=InReplyTo(text=last_received) if last_received and mine else None,
                   platform_id=str_or_none(msg.get("id")), created_at=iso_from_text(msg.get("createdAt")))
