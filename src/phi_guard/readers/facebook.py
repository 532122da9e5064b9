"""Facebook "Download your information" (JSON), old and new folder layouts.

- posts: ``posts/your_posts_1.json`` (old) and
  ``your_activity_across_facebook/posts/your_posts__check_ins__photos_and_videos_1.json`` (new):
  a list of posts whose text is in ``data[].post``. Posts with no text (a photo alone) give no draft.
- comments: ``comments/comments.json`` (old) and ``.../comments_and_reactions/comments.json``
  (new), under ``comments_v2`` (older exports: ``comments``). The title tells whom a comment
  answers: "X replied to Y's comment." is a ``reply`` to Y; "X commented on Y's post." a
  ``comment`` on Y's post; "... his own post", "... a post" answer nobody in particular.
- Messenger: ``messages/inbox/<thread>/message_N.json`` in either layout.
Every string is fixed of Meta's mojibake before it is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .._errors import InputError
from .._types import InReplyTo
from . import _meta
from ._base import Counter, Inventory, Item, Tree, iso_from_epoch, pointer

NAME = "facebook"
PLATFORM = "facebook"
POSTS = re.compile(r"(?:^|/)posts/your_posts[a-z_]*?(?:_[0-9]+)?\.json$")
COMMENTS = re.compile(r"(?:^|/)comments(?:_and_reactions)?/comments(?:_[0-9]+)?\.json$")
PROFILE = re.compile(r"(?:^|/)profile_information/profile_information\.json$")
MARKERS = (re.compile(r"(?:^|/)your_(?:activity_across_facebook|facebook_activity)/"), POSTS, COMMENTS, PROFILE)
_OWN = r"(?:his|her|their|your|my) own"
_REPLY = re.compile(rf"^.+? replied to (?:(?P<own>{_OWN})|(?P<who>.+?)(?:'s|’s|'|’)) comment\.?$", re.DOTALL)
_COMMENT = re.compile(rf"^.+? commented on (?:(?P<own>{_OWN})|an? |(?P<who>.+?)(?:'s|’s|'|’) )[\w ]+?\.?$", re.DOTALL)


def detect(names: list[str]) -> bool:
    return any(m.search(n) for n in names for m in MARKERS)


def read(tree: Tree, inv: Inventory, counter: Counter) -> Iterator[Any]:
    _meta.note_media(inv)
    yield from _meta.read_files(tree, inv, counter, POSTS, _posts)
    yield from _meta.read_files(tree, inv, counter, COMMENTS, _comments)
    owner = _owner(tree, inv) or _meta.guess_owner(tree, inv)
    yield from _meta.read_files(tree, inv, counter, _meta.THREAD, _meta.thread_items(owner, PLATFORM))


def _owner(tree: Tree, inv: Inventory) -> set[str]:
    for name in inv.seen:
        if PROFILE.search(name):
            inv.mark_read(name)
            try:
                data = _meta.load(tree, name)
                prof = data.get("profile_v2") or data.get("profile") or {}
                full = prof.get("name", {}).get("full_name")
            except (InputError, AttributeError):
                return set()
            return {full} if isinstance(full, str) and full else set()
    return set()


def _posts(data: Any, name: str) -> Iterator[Item]:
    posts, keys = _meta.first_list(data, ("status_updates",))
    for i, post in enumerate(posts):
        if not isinstance(post, dict):
            continue
        for k, part in enumerate(post.get("data") or []):
            if isinstance(part, dict) and "post" in part:
                yield Item(text=part["post"], source=f"{name}#{pointer(*keys, i, 'data', k, 'post')}",
                           platform=PLATFORM, created_at=iso_from_epoch(post.get("timestamp")))


def answered(title: Any) -> tuple[str, str | None]:
    """(kind, whom it answers) from a comment's title; ("comment", None) when it names nobody."""
    if not isinstance(title, str):
        return "comment", None
    title = title.strip()
    for kind, pattern in (("reply", _REPLY), ("comment", _COMMENT)):
        m = pattern.match(title)
        if m:
            return kind, (m.group("who") or None) if not m.group("own") else None
    return "comment", None


def _comments(data: Any, name: str) -> Iterator[Item]:
    entries, keys = _meta.first_list(data, ("comments_v2", "comments"))
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        kind, who = answered(entry.get("title"))
        for k, part in enumerate(entry.get("data") or []):
            comment = part.get("comment") if isinstance(part, dict) else None
            if isinstance(comment, dict) and "comment" in comment:
                yield Item(text=comment["comment"], source=f"{name}#{pointer(*keys, i, 'data', k, 'comment', 'comment')}",
                           kind=kind, platform=PLATFORM, in_reply_to=InReplyTo(author=who) if who else None,
                           created_at=iso_from_epoch(comment.get("timestamp", entry.get("timestamp"))))
