"""Instagram "Download your information" (JSON), old and new folder layouts.

- posts: ``content/posts_1.json`` (old), ``your_instagram_activity/content/posts_1.json`` or
  ``.../media/posts_1.json`` (new), and ``reels.json`` beside them: the caption is the post's
  ``title``, or its first medium's ``title`` when the post has one medium.
- comments: ``comments/post_comments_1.json`` and ``reels_comments.json``: a list of
  ``string_map_data`` records ("Comment", "Media Owner", "Time"), or, in older exports, under
  ``comments_media_comments`` with ``string_list_data``. A comment on someone else's post answers
  the media owner; one that opens with an @handle is a ``reply`` to that handle.
- Direct messages: ``messages/inbox/<thread>/message_N.json`` in either layout.
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

NAME = "instagram"
PLATFORM = "instagram"
POSTS = re.compile(r"(?:^|/)(?:content|media)/(?:posts_[0-9]+|reels)\.json$")
COMMENTS = re.compile(r"(?:^|/)comments/(?:post_comments(?:_[0-9]+)?|reels_comments)\.json$")
PROFILE = re.compile(r"(?:^|/)personal_information/personal_information\.json$")
MARKERS = (re.compile(r"(?:^|/)your_instagram_activity/"), POSTS, COMMENTS, PROFILE)
_MENTION = re.compile(r"^@([A-Za-z0-9._]{1,30})\b")


def detect(names: list[str]) -> bool:
    return any(m.search(n) for n in names for m in MARKERS)


def read(tree: Tree, inv: Inventory, counter: Counter) -> Iterator[Any]:
    _meta.note_media(inv)
    owner = _owner(tree, inv)
    yield from _meta.read_files(tree, inv, counter, POSTS, _posts)
    handles = {o.lower() for o in owner}
    yield from _meta.read_files(tree, inv, counter, COMMENTS, lambda d, n: _comments(d, n, handles))
    names = owner or _meta.guess_owner(tree, inv)
    yield from _meta.read_files(tree, inv, counter, _meta.THREAD, _meta.thread_items(names, PLATFORM))


def _owner(tree: Tree, inv: Inventory) -> set[str]:
    """The account's username and display name, from personal_information.json."""
    for name in inv.seen:
        if PROFILE.search(name):
            inv.mark_read(name)
            try:
                data = _meta.load(tree, name)
                fields = data["profile_user"][0]["string_map_data"]
                values = {fields.get(k, {}).get("value") for k in ("Username", "Name")}
            except (InputError, LookupError, TypeError, AttributeError):
                return set()
            return {v for v in values if isinstance(v, str) and v}
    return set()


def _posts(data: Any, name: str) -> Iterator[Item]:
    posts, keys = _meta.first_list(data, ("ig_reels_media",))
    for i, post in enumerate(posts):
        if not isinstance(post, dict):
            continue
        media: list[Any] = post["media"] if isinstance(post.get("media"), list) else []
        if post.get("title"):
            text, where, when = post["title"], pointer(*keys, i, "title"), post.get("creation_timestamp")
        elif len(media) >= 1 and isinstance(media[0], dict) and media[0].get("title"):
            text, where, when = media[0]["title"], pointer(*keys, i, "media", 0, "title"), media[0].get("creation_timestamp")
        else:
            continue
        yield Item(text=text, source=f"{name}#{where}", platform=PLATFORM, created_at=iso_from_epoch(when))


def _comments(data: Any, name: str, own: set[str]) -> Iterator[Item]:
    entries, keys = _meta.first_list(data, ("comments_media_comments", "comments_reels_comments"))
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        smd = entry.get("string_map_data")
        if isinstance(smd, dict):
            text = (smd.get("Comment") or {}).get("value")
            owner = (smd.get("Media Owner") or {}).get("value")
            when = (smd.get("Time") or {}).get("timestamp")
            where = pointer(*keys, i, "string_map_data", "Comment", "value")
        else:
            sld = entry.get("string_list_data") or [{}]
            text, when = sld[0].get("value"), sld[0].get("timestamp")
            owner, where = entry.get("title"), pointer(*keys, i, "string_list_data", 0, "value")
        yield _comment(text, owner, own, f"{name}#{where}", iso_from_epoch(when))


def _comment(text: Any, owner: Any, own: set[str], source: str, when: str | None) -> Item:
    mention = _MENTION.match(text) if isinstance(text, str) else None
    if mention and mention.group(1).lower() not in own:
        kind, who = "reply", "@" + mention.group(1)
    elif isinstance(owner, str) and owner and owner.lower() not in own:
        kind, who = "comment", "@" + owner
    else:
        kind, who = "comment", None
    return Item(text=text, source=source, kind=kind, platform=PLATFORM,
                in_reply_to=InReplyTo(author=who) if who else None, created_at=when)
